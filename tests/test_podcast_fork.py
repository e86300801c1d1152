"""Issue 17's "done when", end to end: a fork of the sample published at its own
address gets its own podcast GUID, and its feed carries every Podcasting 2.0 tag
the issue lists, with the transcript page and the player it links.

One production build of the sample at a fork's (real-looking) address.
"""

from __future__ import annotations

import io
import uuid
from urllib.parse import urljoin

import feedparser
import lxml.html
import podcastparser
import pytest
from knotenpunkt.plugins.podcast.generator import example_owner_email, example_podroll
from lxml import etree

from sitebuild import PUBLISHCONF, build_site, copy_sample

FORK = "https://netzwerk-lernen-hamburg.de"
FEED = f"{FORK}/podcast/feed.xml"
SAMPLE_GUID = "3d21747f-f7f3-5f6b-912c-f18e42ab8be7"  # derived from the sample's address
# https://podcastindex.org/namespace/1.0#guid: UUIDv5 of the feed URL without scheme
PODCAST_NAMESPACE_UUID = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
NS = {
    "podcast": "https://podcastindex.org/namespace/1.0",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
}


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    root = tmp_path_factory.mktemp("fork")
    result = build_site(
        copy_sample(root),
        root / "output",
        settings_file=PUBLISHCONF,
        SITEURL=FORK,
        PODCAST_OWNER_EMAIL="podcast@netzwerk-lernen-hamburg.de",
        PODCAST_PODROLL=["https://lernen-podcast-berlin.de/feed.xml"],
    )
    assert result.exit_code == 0, result.messages
    return result


@pytest.fixture(scope="module")
def feed_bytes(fork):
    return (fork.output / "podcast" / "feed.xml").read_bytes()


@pytest.fixture(scope="module")
def channel(feed_bytes):
    return etree.fromstring(feed_bytes).find("channel")


def test_a_fork_gets_the_guid_of_its_own_feed_address(channel):
    guid = channel.findtext("podcast:guid", namespaces=NS)
    assert guid == str(uuid.uuid5(PODCAST_NAMESPACE_UUID, FEED.removeprefix("https://")))
    assert guid != SAMPLE_GUID


CHANNEL_TAGS = ["trailer", "location", "podroll", "updateFrequency", "txt", "images"]
ITEM_TAGS = ["soundbite", "socialInteract", "alternateEnclosure", "location", "transcript"]


def test_the_feed_carries_every_tag_issue_17_lists(channel):
    for tag in CHANNEL_TAGS:
        assert channel.find(f"podcast:{tag}", NS) is not None, tag
    items = channel.findall("item")
    for tag in ITEM_TAGS:
        assert any(item.find(f"podcast:{tag}", NS) is not None for item in items), tag
    (trailer,) = channel.findall("podcast:trailer", NS)
    assert trailer.get("url", "").startswith(FORK + "/")
    (remote,) = channel.find("podcast:podroll", NS)
    assert remote.get("feedGuid") or remote.get("feedUrl")
    assert channel.find("podcast:txt", NS).get("purpose")


def test_the_html_transcript_is_a_page_of_its_own_with_only_the_transcript(channel, fork):
    links = [
        t.get("url")
        for t in channel.iterfind("item/podcast:transcript", NS)
        if t.get("type") == "text/html"
    ]
    assert links
    for url in links:
        assert url.startswith(FORK + "/podcast/") and "#" not in url
        page = lxml.html.fromstring(fork.page(url.removeprefix(FORK + "/") + "index.html"))
        assert page.xpath("//main")
        assert not page.xpath("//audio")  # no player, no show notes: the transcript alone


def test_every_episode_has_an_embeddable_player_page(channel, fork):
    for link in channel.iterfind("item/link"):
        relative = link.text.removeprefix(FORK + "/")
        player = lxml.html.fromstring(fork.page(relative + "player/index.html"))
        assert player.xpath("//audio[@controls]")
        back = [urljoin(link.text + "player/", href) for href in player.xpath("//a/@href")]
        assert link.text in back


def test_podcast_apps_parse_the_forks_feed(feed_bytes):
    parsed = feedparser.parse(feed_bytes)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 4
    episodes = podcastparser.parse(FEED, io.BytesIO(feed_bytes))["episodes"]
    assert all(e["enclosures"][0]["url"].startswith(FORK + "/") for e in episodes)


def test_a_fork_publishing_with_the_samples_owner_address_is_stopped():
    settings = {"PODCAST_OWNER_EMAIL": "podcast@netzwerk-lernen.example.org"}
    problem = example_owner_email(settings)
    assert problem is not None
    assert problem.field == "PODCAST_OWNER_EMAIL"
    assert "Beispieladresse" in problem.message
    assert example_owner_email({"PODCAST_OWNER_EMAIL": "podcast@verein-hamburg.de"}) is None
    allowed = {**settings, "PUBLISH_ALLOW_EXAMPLE_ADDRESS": True}
    assert example_owner_email(allowed) is None


def test_a_fork_publishing_the_samples_podroll_is_stopped():
    sample = {"PODCAST_PODROLL": ["https://podcast.example.org/feed.xml"]}
    problem = example_podroll(sample)
    assert problem is not None and problem.field == "PODCAST_PODROLL"
    assert "podcast.example.org" in problem.message
    guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert example_podroll({"PODCAST_PODROLL": [guid, "https://lernen.de/feed.xml"]}) is None
    assert example_podroll({**sample, "PUBLISH_ALLOW_EXAMPLE_ADDRESS": True}) is None
