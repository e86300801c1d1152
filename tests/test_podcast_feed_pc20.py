"""The Podcasting 2.0 tags beyond the basics (trailer, soundbite, location,
podroll, updateFrequency, txt, socialInteract, alternateEnclosure, images):
in the sample feed as lxml, feedparser and podcastparser read it, on the
episode page, and every mistake in their fields or settings a German error."""

from __future__ import annotations

import io
import uuid

import feedparser
import mutagen
import podcastparser
import pytest
from lxml import etree
from PIL import Image

from sitebuild import SAMPLE_CONTENT, build_site, copy_sample

PODCAST = "https://podcastindex.org/namespace/1.0"
NS = {"podcast": PODCAST}
SITE = "http://127.0.0.1:8000/"
FEED_URL = SITE + "podcast/feed.xml"
EP1_GUID = "72099485-a086-4a21-b6cd-05575eac9a93"
EP2_GUID = "d0c70920-0312-4b48-8976-ded62b560da8"
EP1_PAGE = "podcast/folge-01-netzwerk-ohne-chef/index.html"
EP2_PAGE = "podcast/folge-02-mehrsprachig-aufwachsen/index.html"


@pytest.fixture(scope="module")
def feed_bytes(sample_site):
    return (sample_site.output / "podcast" / "feed.xml").read_bytes()


@pytest.fixture(scope="module")
def channel(feed_bytes):
    return etree.fromstring(feed_bytes).find("channel")


def item(channel, guid):
    return next(i for i in channel.iter("item") if i.findtext("guid") == guid)


def published(sample_site, url: str):
    assert url.startswith(SITE), url
    return sample_site.output / url[len(SITE) :]


def test_channel_location_podroll_frequency_and_txt(channel):
    assert channel.findtext("podcast:location", namespaces=NS) == "Musterstadt"
    (remote,) = channel.findall("podcast:podroll/podcast:remoteItem", NS)
    feed = "https://podcast.example.org/feed.xml"
    namespace = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
    assert remote.get("feedGuid") == str(uuid.uuid5(namespace, "podcast.example.org/feed.xml"))
    assert remote.get("feedUrl") == feed
    frequency = channel.find("podcast:updateFrequency", NS)
    assert frequency.text == "Etwa alle drei Monate"
    assert frequency.get("rrule") == "FREQ=MONTHLY;INTERVAL=3"
    assert frequency.get("complete") == "false"
    txt = channel.find("podcast:txt", NS)
    assert txt.get("purpose") == "hinweis" and txt.text


def test_podcast_images_lists_published_covers_of_the_stated_widths(channel, sample_site):
    srcset = channel.find("podcast:images", NS).get("srcset")
    entries = [entry.strip().rsplit(" ", 1) for entry in srcset.split(",")]
    assert len(entries) >= 2
    widths = [int(width.rstrip("w")) for _url, width in entries]
    assert widths == sorted(widths) and widths[-1] == 1400
    # the largest is the cover itself, still published for itunes:image
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}image"
    assert entries[-1][0] == channel.find(itunes).get("href")
    for url, width in entries:
        with Image.open(published(sample_site, url)) as image:
            assert image.width == int(width.rstrip("w"))
            assert image.width == image.height


def test_soundbite_lies_inside_the_audio(channel):
    episode = item(channel, EP1_GUID)
    (soundbite,) = episode.findall("podcast:soundbite", NS)
    start, duration = float(soundbite.get("startTime")), float(soundbite.get("duration"))
    length = mutagen.File(SAMPLE_CONTENT / "audio" / "folge-01.mp3").info.length
    assert start == 17.0 and duration == 29.0
    assert start + duration <= length
    assert soundbite.text.startswith("Entscheiden ohne Chef")


def test_item_location_social_interact_and_alternate_enclosure(channel, sample_site):
    episode = item(channel, EP1_GUID)
    location = episode.find("podcast:location", NS)
    assert location.text == "Stadtteilzentrum Musterstadt-Nord"
    assert location.get("geo") == "geo:51.1657,10.4515"

    alternate = episode.find("podcast:alternateEnclosure", NS)
    assert alternate.get("type") == "audio/opus"
    source = alternate.find("podcast:source", NS).get("uri")
    assert source == SITE + "audio/folge-01.opus"
    assert int(alternate.get("length")) == published(sample_site, source).stat().st_size
    assert int(alternate.get("bitrate")) > 0

    social = item(channel, EP2_GUID).find("podcast:socialInteract", NS)
    assert social.get("protocol") == "activitypub"
    assert social.get("uri") == "https://social.example.org/@netzwerklernen/113456789012345678"
    assert social.get("accountId") == "@netzwerklernen@social.example.org"
    assert social.get("accountUrl") == "https://social.example.org/@netzwerklernen"


def test_feed_with_the_new_tags_still_parses_in_podcast_apps(feed_bytes):
    parsed = feedparser.parse(feed_bytes)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 4
    episodes = podcastparser.parse(FEED_URL, io.BytesIO(feed_bytes))["episodes"]
    assert len(episodes) == 4
    # the second format is not a second enclosure: apps keep downloading the MP3
    assert all(len(e["enclosures"]) == 1 for e in episodes)
    assert {e["enclosures"][0]["mime_type"] for e in episodes} == {"audio/mpeg"}


def test_episode_page_shows_hoerprobe_location_discussion_and_second_format(sample_site):
    html = sample_site.page(EP1_PAGE)
    assert 'data-seek="17.0"' in html and "Hörprobe" in html
    assert 'href="../../audio/folge-01.mp3#t=17.0,46.0"' in html
    assert "Ort: Stadtteilzentrum Musterstadt-Nord" in html
    assert 'href="../../audio/folge-01.opus" download>Auch als Opus</a>' in html
    assert sample_site.exists("audio/folge-01.opus")
    discussion = sample_site.page(EP2_PAGE)
    assert 'href="https://social.example.org/@netzwerklernen/113456789012345678"' in discussion


def test_trailer_episode_becomes_channel_trailer_and_gets_a_badge(channel, sample_site):
    (trailer,) = channel.findall("podcast:trailer", NS)
    assert trailer.text == "Worum es in diesem Podcast geht"
    assert trailer.get("url") == SITE + "audio/trailer.mp3"
    assert int(trailer.get("length")) == (SAMPLE_CONTENT / "audio" / "trailer.mp3").stat().st_size
    assert trailer.get("type") == "audio/mpeg" and trailer.get("season") == "1"
    assert trailer.get("pubdate").startswith("Tue, 27 Jan 2026 08:00:00")
    # it is an item of its own as well, marked as trailer for Apple
    items = {i.findtext("guid"): i for i in channel.iter("item")}
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}episodeType"
    assert items["29e70ad6-3324-4ed0-8591-a26494702db8"].findtext(itunes) == "trailer"
    page = sample_site.page("podcast/trailer/index.html")
    assert '<span class="episode__badge">Trailer</span>' in page


# --- validation ---------------------------------------------------------------


def test_every_broken_episode_field_is_a_german_error_naming_it(tmp_path):
    content = copy_sample(tmp_path)
    episode = content / "podcast" / "folge-02-mehrsprachig-aufwachsen.md"
    text = episode.read_text(encoding="utf-8").replace(
        "Discussion: https://social.example.org/@netzwerklernen/113456789012345678\n",
        "Discussion: http://social.example.org/@netzwerklernen/1\n"
        "Soundbites: 0:40-1:10 Zu lang\n"
        "LocationOsm: X12\n"
        "AlternateAudio: audio/folge-02.wav\n",
    )
    episode.write_text(text, encoding="utf-8")
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert "Traceback" not in result.messages
    assert not result.exists("podcast/feed.xml")
    for field, fragment in (
        ("Discussion", "keine vollständige https-Adresse"),
        ("Soundbites", "endet nach dem Ende der Aufnahme (0:46)"),
        ("LocationOsm", "fehlt der Name des Ortes"),
        ("AlternateAudio", "„.wav“ wird als zweites Format nicht unterstützt"),
    ):
        blocks = [b for b in result.messages.split("\n\n") if f"„{field}“" in b]
        assert blocks and fragment in blocks[0], (field, result.messages)


def soundbites(raw, duration=46.9):
    from knotenpunkt.plugins.podcast.episode_extras import read_soundbites

    return read_soundbites(raw, duration, "content/podcast/x.md")


def test_soundbites_are_read_as_timecodes_and_titles_may_contain_commas():
    bites, problems = soundbites("0:05-0:20 Erstens, zweitens, 0:25.5-0:44 Drittens")
    assert problems == []
    assert [(b.start, b.duration, b.title) for b in bites] == [
        (5.0, 15.0, "Erstens, zweitens"),
        (25.5, 18.5, "Drittens"),
    ]


def test_soundbites_outside_15_to_120_seconds_are_a_warning():
    bites, (problem,) = soundbites("0:05-0:10 Kurz")
    assert len(bites) == 1  # still written: apps may play it
    assert not problem.is_error and "5 Sekunden lang" in problem.message
    assert "15 bis 120" in problem.message


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("0:30-0:20 Rückwärts", "das Ende nicht nach dem Anfang"),
        ("0:30-0:50 Zu spät", "endet nach dem Ende der Aufnahme"),
        ("ab Minute drei", "keine Hörprobe mit Anfang und Ende"),
    ],
)
def test_broken_soundbites(raw, fragment):
    bites, (problem,) = soundbites(raw)
    assert bites == [] and problem.field == "Soundbites" and fragment in problem.message


@pytest.mark.parametrize(
    ("meta", "field", "fragment"),
    [
        ({"location": "Park", "locationgeo": "geo:95.0,10.0"}, "LocationGeo", "Koordinaten"),
        ({"location": "Park", "locationgeo": "52.5,13.4"}, "LocationGeo", "Koordinaten"),
        ({"location": "Park", "locationosm": "Q42"}, "LocationOsm", "OpenStreetMap"),
        ({"locationgeo": "geo:52.5,13.4"}, "LocationGeo", "Name des Ortes"),
        ({"location": "x" * 129}, "Location", "128 Zeichen"),
    ],
)
def test_broken_locations(meta, field, fragment):
    from knotenpunkt.plugins.podcast.episode_extras import read_location

    _location, problems = read_location(meta, "x.md")
    assert [p.field for p in problems] == [field]
    assert fragment in problems[0].message


def test_location_with_geo_and_osm_links_to_the_map_object():
    from knotenpunkt.plugins.podcast.episode_extras import read_location

    location, problems = read_location(
        {"location": "Rathaus", "locationgeo": "geo:52.52, 13.40", "locationosm": "r62422"},
        "x.md",
    )
    assert problems == []
    assert (location.geo, location.osm) == ("geo:52.52,13.40", "R62422")
    assert location.osm_url == "https://www.openstreetmap.org/relation/62422"


def test_discussion_outside_mastodon_keeps_the_address_without_account():
    from knotenpunkt.plugins.podcast.episode_extras import read_discussion

    discussion, problems = read_discussion("https://forum.example.org/t/folge-2/17", "x.md")
    assert problems == [] and discussion.uri.endswith("/17")
    assert discussion.account_id is None


def channel_problems(**settings):
    from knotenpunkt.plugins.content_errors import errors
    from knotenpunkt.plugins.podcast.channel_extras import read_channel_extras

    errors.reset()
    extras = read_channel_extras({"SITEURL": "https://verein.example.de", **settings})
    collected = errors.current()
    return extras, collected.errors + collected.warnings


def test_channel_settings_in_their_documented_forms():
    extras, problems = channel_problems(
        PODCAST_LOCATION={"name": "Musterstadt", "osm": "R62422"},
        PODCAST_PODROLL=["917393E3-1B1E-5CEF-ACE4-EDAA54E1F810"],
        PODCAST_UPDATE_FREQUENCY={"label": "Wöchentlich", "rrule": "FREQ=WEEKLY", "complete": True},
        PODCAST_TXT=[("verify", "S6lpp-7ZCn8-dZfGc-OoyaG")],
    )
    assert problems == []
    assert extras.location.osm == "R62422"
    assert extras.podroll == [{"feedGuid": "917393e3-1b1e-5cef-ace4-edaa54e1f810"}]
    assert extras.update_frequency.complete is True
    assert extras.txt == [("verify", "S6lpp-7ZCn8-dZfGc-OoyaG")]


@pytest.mark.parametrize(
    ("setting", "value", "fragment"),
    [
        ("PODCAST_PODROLL", ["Lieblingspodcast"], "weder eine podcast:guid noch"),
        ("PODCAST_UPDATE_FREQUENCY", {"label": "Oft", "rrule": "JEDEN MONTAG"}, "RRULE"),
        ("PODCAST_UPDATE_FREQUENCY", {"rrule": "FREQ=WEEKLY"}, "kurze Beschreibung"),
        ("PODCAST_TXT", ["nur Text"], "Zweck und einen Text"),
        ("PODCAST_TXT", [("", "Text")], "Zweck und einen Text"),
        ("PODCAST_LOCATION", {"name": "Ort", "geo": "hier"}, "Koordinaten"),
    ],
)
def test_broken_channel_settings_are_errors_naming_the_setting(setting, value, fragment):
    _extras, problems = channel_problems(**{setting: value})
    (problem,) = problems
    assert problem.is_error and problem.field == setting
    assert fragment in problem.message
