"""The sample network's podcast feed, read the way podcast apps read it."""

from __future__ import annotations

import io
import re
import shutil
from email.utils import parsedate_to_datetime

import feedparser
import mutagen
import podcastparser
import pytest
from lxml import etree

from sitebuild import SAMPLE_CONTENT, build_site, copy_sample

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
NS = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM}
FEED_URL = "http://127.0.0.1:8000/podcast/feed.xml"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

SAMPLE_EPISODES = {
    # guid: (title, audio file)
    "66799f65-3b23-4cfd-a694-9725555c9bb8": ("Hausaufgaben ohne Streit", "folge-03.mp3"),
    "d0c70920-0312-4b48-8976-ded62b560da8": (
        "Mehrsprachig aufwachsen, lesen lernen",
        "folge-02.mp3",
    ),
    "72099485-a086-4a21-b6cd-05575eac9a93": (
        "Wie arbeitet ein Netzwerk ohne Chef?",
        "folge-01.mp3",
    ),
    "29e70ad6-3324-4ed0-8591-a26494702db8": ("Worum es in diesem Podcast geht", "trailer.mp3"),
}
TRAILER_GUID = "29e70ad6-3324-4ed0-8591-a26494702db8"


@pytest.fixture(scope="module")
def feed_bytes(sample_site):
    return (sample_site.output / "podcast" / "feed.xml").read_bytes()


@pytest.fixture(scope="module")
def channel(feed_bytes):
    return etree.fromstring(feed_bytes).find("channel")


def test_podcastparser_reads_every_episode_true_to_its_file(feed_bytes):
    parsed = podcastparser.parse(FEED_URL, io.BytesIO(feed_bytes))
    episodes = parsed["episodes"]
    assert len(episodes) == 4
    # episodic show: newest first
    assert [e["guid"] for e in episodes] == list(SAMPLE_EPISODES)
    for episode in episodes:
        title, audio = SAMPLE_EPISODES[episode["guid"]]
        assert episode["title"] == title
        (enclosure,) = episode["enclosures"]
        path = SAMPLE_CONTENT / "audio" / audio
        assert enclosure["file_size"] == path.stat().st_size
        assert enclosure["mime_type"] == "audio/mpeg"
        assert enclosure["url"] == f"http://127.0.0.1:8000/audio/{audio}"
        assert abs(episode["total_time"] - mutagen.File(path).info.length) <= 1
        assert episode["explicit"] is False
        expected_type = "trailer" if episode["guid"] == TRAILER_GUID else "full"
        assert episode["season"] == 1 and episode["type"] == expected_type
    assert parsed["explicit"] is False
    assert parsed["language"] == "de"
    assert parsed["itunes_categories"] == [["Education"]]
    assert parsed["cover_url"].endswith("/images/podcast/cover.jpg")
    assert parsed["itunes_owner"]["email"]


def test_feedparser_reads_the_feed_without_complaint(feed_bytes):
    parsed = feedparser.parse(feed_bytes)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert [e.id for e in parsed.entries] == list(SAMPLE_EPISODES)
    for entry in parsed.entries:
        title, audio = SAMPLE_EPISODES[entry.id]
        assert entry.title == title
        path = SAMPLE_CONTENT / "audio" / audio
        assert int(entry.enclosures[0]["length"]) == path.stat().st_size
        assert abs(int(entry.itunes_duration) - mutagen.File(path).info.length) <= 1
        assert entry.guidislink is False
    # the development feed's GUID, derived from its (local) address
    assert parsed.feed.podcast_guid == "d14c1ff9-f39d-59f8-ab63-10f2649e189c"


def test_channel_has_apples_required_tags_and_a_correct_self_link(channel):
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.find("itunes:image", NS).get("href").endswith("/images/podcast/cover.jpg")
    assert channel.find("itunes:category", NS).get("text") == "Education"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    assert channel.findtext("itunes:author", namespaces=NS)
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS)
    assert channel.findtext("language") == "de"
    self_link = channel.find("atom:link", NS)
    assert self_link.get("rel") == "self" and self_link.get("href") == FEED_URL
    # <link> is the podcast's page, not the feed itself
    assert channel.findtext("link") == "http://127.0.0.1:8000/podcast/"
    # reproducible: lastBuildDate is the newest episode's pubDate
    newest = max(parsedate_to_datetime(i.findtext("pubDate")) for i in channel.iter("item"))
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest


def test_items_have_explicit_guid_and_duration_as_apple_wants(channel):
    for item in channel.iter("item"):
        assert item.findtext("itunes:explicit", namespaces=NS) in ("true", "false")
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false"
        assert re.fullmatch(r"\d+", item.findtext("itunes:duration", namespaces=NS))
        # RFC 2822 dates
        assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None


def test_podcasting_namespace_elements_are_present_and_well_formed(channel, sample_site):
    assert UUID.match(channel.findtext("podcast:guid", namespaces=NS))
    assert channel.findtext("podcast:locked", namespaces=NS) in ("yes", "no")
    assert channel.findtext("podcast:medium", namespaces=NS) == "podcast"
    assert channel.findtext("podcast:license", namespaces=NS) == "cc-by-4.0"
    funding = channel.find("podcast:funding", NS)
    assert funding.get("url").startswith("http://") and funding.text
    items = {item.findtext("guid"): item for item in channel.iter("item")}
    for guid, item in items.items():
        assert item.findtext("podcast:season", namespaces=NS) == "1"
        number = item.findtext("itunes:episode", namespaces=NS)
        assert item.findtext("podcast:episode", namespaces=NS) == number
        persons = item.findall("podcast:person", NS)
        # item-level persons replace the channel's, so the host is on every item
        hosts = [p for p in persons if p.get("role") == "host"]
        assert [p.text for p in hosts] == ["Anna Beispiel"], guid
        assert hosts[0].get("href") == "http://127.0.0.1:8000/mitglieder/anna-beispiel/"
        # the photo the site publishes (the images plugin's largest square JPEG),
        # never the original, which is kept private
        img = hosts[0].get("img")
        assert re.fullmatch(r"http://127\.0\.0\.1:8000/bilder/anna-beispiel-\w+-640\.jpg", img)
        assert sample_site.exists(img.split(":8000/")[1])

    episode_1 = items["72099485-a086-4a21-b6cd-05575eac9a93"]
    chapters = episode_1.find("podcast:chapters", NS)
    assert chapters.get("type") == "application/json+chapters"
    assert sample_site.exists(chapters.get("url").split(":8000/")[1])

    episode_2 = items["d0c70920-0312-4b48-8976-ded62b560da8"]
    transcript = episode_2.find("podcast:transcript", NS)
    assert transcript.get("type") == "text/vtt"
    assert sample_site.exists(transcript.get("url").split(":8000/")[1])

    episode_3 = items["66799f65-3b23-4cfd-a694-9725555c9bb8"]
    guests = {
        p.text: p for p in episode_3.findall("podcast:person", NS) if p.get("role") == "guest"
    }
    assert set(guests) == {"Tobias Lindner", "Dr. Petra Gast"}
    assert guests["Tobias Lindner"].get("href").endswith("/mitglieder/tobias-lindner/")
    assert guests["Dr. Petra Gast"].get("href") is None  # a free name, no profile


def test_enclosures_point_to_files_the_site_publishes(channel, sample_site):
    for item in channel.iter("item"):
        enclosure = item.find("enclosure")
        published = sample_site.output / enclosure.get("url").split(":8000/")[1]
        assert published.stat().st_size == int(enclosure.get("length"))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # check values from the Podcasting 2.0 namespace documentation
        ("https://mp3s.nashownotes.com/pc20rss.xml", "917393e3-1b1e-5cef-ace4-edaa54e1f810"),
        ("http://podnews.net/rss/", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
        ("podnews.net/rss", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
    ],
)
def test_podcast_guid_algorithm_matches_the_namespace_spec(url, expected):
    from knotenpunkt.plugins.podcast.settings import guid_for_feed_url

    assert guid_for_feed_url(url) == expected


def test_the_sample_carries_no_guid_a_fork_would_inherit(channel, sample_site):
    from knotenpunkt.plugins.podcast.settings import guid_for_feed_url
    from pelican.settings import read_settings

    from sitebuild import PROJECT_ROOT

    assert read_settings(str(PROJECT_ROOT / "pelicanconf.py")).get("PODCAST_GUID") is None
    assert channel.findtext("podcast:guid", namespaces=NS) == guid_for_feed_url(FEED_URL)
    assert "PODCAST_GUID" not in sample_site.messages  # nothing to freeze, no warning


def test_media_host_changes_enclosure_urls_but_not_the_facts_or_the_player(tmp_path):
    result = build_site(
        copy_sample(tmp_path),
        tmp_path / "out",
        SITEURL="https://netzwerk.example.org",
        RELATIVE_URLS=False,
        PODCAST_MEDIA_URL="https://media.example.net/knotenpunkt",
    )
    assert result.exit_code == 0, result.messages
    parsed = feedparser.parse(result.output.joinpath("podcast/feed.xml").read_bytes())
    self_link = next(link for link in parsed.feed.links if link["rel"] == "self")
    assert self_link["href"] == "https://netzwerk.example.org/podcast/feed.xml"
    for entry in parsed.entries:
        _title, audio = SAMPLE_EPISODES[entry.id]
        enclosure = entry.enclosures[0]
        assert enclosure["href"] == f"https://media.example.net/knotenpunkt/audio/{audio}"
        assert int(enclosure["length"]) == (SAMPLE_CONTENT / "audio" / audio).stat().st_size
    page = result.page("podcast/folge-01-netzwerk-ohne-chef/index.html")
    assert 'src="https://netzwerk.example.org/audio/folge-01.mp3"' in page
    assert "media.example.net" not in page


def test_same_input_gives_the_same_feed_bytes(tmp_path, feed_bytes):
    result = build_site(copy_sample(tmp_path), tmp_path / "out")
    assert result.output.joinpath("podcast/feed.xml").read_bytes() == feed_bytes


def test_unchanged_audio_is_read_only_once_across_builds(tmp_path, monkeypatch):
    from knotenpunkt.plugins.podcast import audio as podcast_audio

    reads = []
    real_open = podcast_audio._open
    monkeypatch.setattr(podcast_audio, "_open", lambda path: reads.append(path) or real_open(path))
    content = copy_sample(tmp_path)
    cache = tmp_path / "out-cache"
    first = build_site(content, tmp_path / "out", CACHE_PATH=str(cache))
    assert first.exit_code == 0, first.messages
    assert len(reads) == 5  # four MP3s and episode 1's Opus version
    second = build_site(content, tmp_path / "out2", CACHE_PATH=str(cache))
    assert second.exit_code == 0, second.messages
    assert len(reads) == 5  # nothing read again
    # a changed file is read again
    shutil.copy(content / "audio" / "folge-02.mp3", content / "audio" / "folge-01.mp3")
    third = build_site(content, tmp_path / "out3", CACHE_PATH=str(cache))
    assert third.exit_code == 0, third.messages
    assert len(reads) == 6
    assert third.output.joinpath("podcast/feed.xml").read_bytes().count(b'length="374485"') == 2


def test_explicit_episode_is_written_as_true(tmp_path):
    content = copy_sample(tmp_path)
    episode = content / "podcast" / "folge-03-hausaufgaben-ohne-streit.md"
    episode.write_text(
        episode.read_text(encoding="utf-8").replace("Explicit: false", "Explicit: ja"),
        encoding="utf-8",
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    channel = etree.fromstring(result.output.joinpath("podcast/feed.xml").read_bytes())[0]
    values = {
        item.findtext("guid"): item.findtext("itunes:explicit", namespaces=NS)
        for item in channel.iter("item")
    }
    assert values["66799f65-3b23-4cfd-a694-9725555c9bb8"] == "true"
    assert values["72099485-a086-4a21-b6cd-05575eac9a93"] == "false"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
