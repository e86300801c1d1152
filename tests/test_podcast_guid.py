"""GUIDs never change: renaming an episode's file, title or slug changes nothing
a podcast app keys on (guid and enclosure URL)."""

from __future__ import annotations

from lxml import etree

from sitebuild import build_site, copy_sample


def items_by_guid(feed: bytes) -> dict[str, dict]:
    channel = etree.fromstring(feed).find("channel")
    return {
        item.findtext("guid"): {
            "title": item.findtext("title"),
            "enclosure": item.find("enclosure").get("url"),
            "link": item.findtext("link"),
        }
        for item in channel.iter("item")
    }


def test_renaming_file_title_and_slug_keeps_guid_and_enclosure(tmp_path, sample_site):
    before = items_by_guid((sample_site.output / "podcast" / "feed.xml").read_bytes())
    content = copy_sample(tmp_path)
    old = content / "podcast" / "folge-01-netzwerk-ohne-chef.md"
    text = old.read_text(encoding="utf-8")
    text = text.replace(
        "Title: Wie arbeitet ein Netzwerk ohne Chef?", "Title: Netzwerk ohne Chef – wie geht das?"
    ).replace("Slug: folge-01-netzwerk-ohne-chef", "Slug: netzwerk-ohne-chef")
    (content / "podcast" / "01-ohne-chef-neu.md").write_text(text, encoding="utf-8")
    old.unlink()

    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    after = items_by_guid((result.output / "podcast" / "feed.xml").read_bytes())

    assert set(after) == set(before)
    guid = "72099485-a086-4a21-b6cd-05575eac9a93"
    assert after[guid]["title"] == "Netzwerk ohne Chef – wie geht das?"
    assert after[guid]["link"].endswith("/podcast/netzwerk-ohne-chef/")
    assert after[guid]["enclosure"] == before[guid]["enclosure"]
    for other in set(before) - {guid}:
        assert after[other] == before[other]


def test_guid_is_used_verbatim_even_if_it_is_not_a_uuid(tmp_path):
    content = copy_sample(tmp_path)
    episode = content / "podcast" / "folge-03-hausaufgaben-ohne-streit.md"
    episode.write_text(
        episode.read_text(encoding="utf-8").replace(
            "Guid: 66799f65-3b23-4cfd-a694-9725555c9bb8",
            "Guid: tag:netzwerk-lernen.example.org,2026:folge-3",
        ),
        encoding="utf-8",
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    feed = (result.output / "podcast" / "feed.xml").read_bytes()
    assert "tag:netzwerk-lernen.example.org,2026:folge-3" in items_by_guid(feed)


# --- the show's podcast:guid: derived, kept when the feed moves, never inherited ---

SAMPLE_FEED = "https://netzwerk-lernen.example.org/podcast/feed.xml"
# What the sample used to ship in pelicanconf.py: UUIDv5 of SAMPLE_FEED.
SAMPLE_GUID = "3d21747f-f7f3-5f6b-912c-f18e42ab8be7"
FORK_SITE = "https://verein.example.de"
PODCAST_NS = {"podcast": "https://podcastindex.org/namespace/1.0"}
ITUNES_NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd"}


def spec_guid(address: str) -> str:
    """UUIDv5 as the Podcasting 2.0 namespace defines it, written out here."""
    import uuid

    namespace = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
    return str(uuid.uuid5(namespace, address.split("://", 1)[-1].rstrip("/")))


def guid_problems(production=True, **settings):
    """(guid, reported problems) for channel settings of a site at FORK_SITE."""
    from knotenpunkt.plugins.content_errors import errors
    from knotenpunkt.plugins.podcast.show_guid import old_feed_urls, show_guid

    errors.reset()
    values = {"SITEURL": FORK_SITE, **settings}
    guid = show_guid(values, old_feed_urls(values), production=production)
    collected = errors.current()
    return guid, collected.errors + collected.warnings


def test_sample_guid_was_derived_from_the_sample_feed():
    assert spec_guid(SAMPLE_FEED) == SAMPLE_GUID


def test_without_a_guid_it_is_derived_from_the_public_feed_address():
    guid, problems = guid_problems()
    assert guid == spec_guid(FORK_SITE + "/podcast/feed.xml")
    assert problems == []


def test_a_moved_feed_keeps_the_guid_of_its_first_address():
    old = ["https://alt.example.org/rss.xml", "https://zwischen.example.org/feed.xml"]
    guid, problems = guid_problems(PODCAST_OLD_FEED_URLS=old)
    assert guid == spec_guid(old[0])
    assert problems == []
    # the same GUID written down by hand is accepted too
    guid, problems = guid_problems(PODCAST_GUID=spec_guid(old[0]), PODCAST_OLD_FEED_URLS=old)
    assert guid == spec_guid(old[0]) and problems == []


def test_a_guid_derived_from_another_address_stops_publishing_with_both_ways_out():
    _guid, problems = guid_problems(PODCAST_GUID=SAMPLE_GUID)
    (problem,) = problems
    assert problem.is_error and problem.field == "PODCAST_GUID"
    assert SAMPLE_GUID in problem.message and FORK_SITE + "/podcast/feed.xml" in problem.message
    # case 1: the feed moved — keep the GUID, name the old address
    assert "umgezogen" in problem.hint and "PODCAST_OLD_FEED_URLS" in problem.hint
    assert "new-feed-url" in problem.hint
    # case 2: a new podcast — remove the line
    assert "neuer Podcast" in problem.hint and "löschen Sie die Zeile PODCAST_GUID" in problem.hint


def test_development_builds_do_not_judge_the_guid():
    _guid, problems = guid_problems(production=False, PODCAST_GUID=SAMPLE_GUID)
    assert problems == []


def test_a_random_guid_from_a_former_host_is_kept():
    guid, problems = guid_problems(PODCAST_GUID="0F5B2B8E-1C4D-4E7A-9B3C-2D1E0F9A8B7C")
    assert guid == "0f5b2b8e-1c4d-4e7a-9b3c-2d1e0f9a8b7c"
    assert problems == []


def test_malformed_guid_and_old_address_are_errors():
    _guid, problems = guid_problems(PODCAST_GUID="mein-podcast")
    assert [p.field for p in problems] == ["PODCAST_GUID"]
    _guid, problems = guid_problems(PODCAST_OLD_FEED_URLS=["alt.example.org/feed.xml"])
    assert [p.field for p in problems] == ["PODCAST_OLD_FEED_URLS"]


def test_only_old_addresses_on_this_site_get_a_moved_feed():
    from knotenpunkt.plugins.podcast.show_guid import moved_feed_paths

    settings = {"SITEURL": FORK_SITE}
    old = [
        "https://andere.example.org/feed.xml",  # another host: a 301 there, not ours
        "http://verein.example.de/podcast.xml",  # same host, former http address
        FORK_SITE + "/podcast/feed.xml",  # the current address itself
    ]
    assert moved_feed_paths(settings, old) == ["podcast.xml"]


def production_build(tmp_path, **settings):
    content = copy_sample(tmp_path)
    return build_site(
        content,
        tmp_path / "out",
        SITEURL=FORK_SITE,
        RELATIVE_URLS=False,
        CONTENT_PRODUCTION=True,
        # a fork's own (the sample's example addresses are refused)
        PODCAST_OWNER_EMAIL="podcast@verein.example.de",
        PODCAST_PODROLL=[],
        **settings,
    )


def test_publishing_a_fork_with_the_samples_guid_fails_in_german(tmp_path):
    result = production_build(tmp_path, PODCAST_GUID=SAMPLE_GUID)
    assert result.exit_code == 1
    assert "PODCAST_GUID" in result.messages
    assert "aus einer anderen Feed-Adresse berechnet" in result.messages
    assert "Traceback" not in result.messages


def test_feed_moved_within_the_site_old_address_carries_new_feed_url(tmp_path):
    import io

    import feedparser
    import podcastparser

    old = FORK_SITE + "/feed.xml"
    new = FORK_SITE + "/podcast/feed.xml"
    result = production_build(tmp_path, PODCAST_OLD_FEED_URLS=[old])
    assert result.exit_code == 0, result.messages

    moved = (result.output / "feed.xml").read_bytes()
    current = (result.output / "podcast" / "feed.xml").read_bytes()
    moved_channel = etree.fromstring(moved).find("channel")
    assert moved_channel.findtext("itunes:new-feed-url", namespaces=ITUNES_NS) == new
    current_channel = etree.fromstring(current).find("channel")
    assert current_channel.find("itunes:new-feed-url", ITUNES_NS) is None
    for channel in (moved_channel, current_channel):
        assert channel.findtext("podcast:guid", namespaces=PODCAST_NS) == spec_guid(old)

    # podcast apps read the old feed as before and learn the new address
    assert podcastparser.parse(old, io.BytesIO(moved))["new_url"] == new
    parsed = feedparser.parse(moved)
    assert not parsed.bozo and len(parsed.entries) == 4
