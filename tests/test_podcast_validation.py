"""Every mistake in an episode or the podcast settings is a clear German content
error naming file and field; the build stops before writing."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from sitebuild import build_site, copy_sample

EP1 = "podcast/folge-01-netzwerk-ohne-chef.md"
EP2 = "podcast/folge-02-mehrsprachig-aufwachsen.md"
EP3 = "podcast/folge-03-hausaufgaben-ohne-streit.md"
UUID4 = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


def edit(content, relative, old, new):
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def problem(result, where: str, field: str, *fragments: str) -> str:
    """The report block about ``field`` of ``where``; asserts the build failed cleanly."""
    assert result.exit_code == 1, result.messages
    assert "Traceback" not in result.messages
    assert not result.exists("podcast/feed.xml")  # nothing written
    blocks = [b for b in result.messages.split("\n\n") if where in b and f"„{field}“" in b]
    assert blocks, result.messages
    block = blocks[0]
    for fragment in fragments:
        assert fragment in block, block
    return block


@pytest.fixture
def content(tmp_path):
    return copy_sample(tmp_path)


def build(content, **overrides):
    return build_site(content, content.parent / "out", **overrides)


# --- audio ------------------------------------------------------------------


def test_missing_audio_file(content):
    edit(content, EP1, "Audio: audio/folge-01.mp3", "Audio: audio/folge-1.mp3")
    problem(build(content), "content/" + EP1, "Audio", "gibt es nicht", "audio/folge-01.mp3")


def test_missing_audio_field(content):
    edit(content, EP1, "Audio: audio/folge-01.mp3\n", "")
    problem(build(content), "content/" + EP1, "Audio", "Pflichtfeld fehlt", "Audio: audio/")


def test_unreadable_audio_file(content):
    (content / "audio" / "kaputt.mp3").mkdir()
    edit(content, EP1, "Audio: audio/folge-01.mp3", "Audio: audio/kaputt.mp3")
    problem(build(content), "content/" + EP1, "Audio", "kann nicht gelesen werden")


def test_file_that_is_not_audio(content):
    (content / "audio" / "notiz.mp3").write_text("Das ist keine Aufnahme.\n" * 50)
    edit(content, EP1, "Audio: audio/folge-01.mp3", "Audio: audio/notiz.mp3")
    problem(build(content), "content/" + EP1, "Audio", "keine lesbare Audiodatei", "MP3")


def test_unsupported_audio_format(content):
    (content / "audio" / "folge-01.ogg").write_bytes(b"OggS" + b"\0" * 100)
    edit(content, EP1, "Audio: audio/folge-01.mp3", "Audio: audio/folge-01.ogg")
    problem(build(content), "content/" + EP1, "Audio", "„.ogg“", "nicht zuverlässig unterstützt")


# --- numbers, guid, enumerations ---------------------------------------------


def test_duplicate_season_and_episode_number(content):
    edit(content, EP2, "Episode: 2", "Episode: 1")
    block = problem(build(content), "content/" + EP2, "Episode", "Staffel 1, Folge 1")
    assert "folge-01-netzwerk-ohne-chef.md" in block


def test_missing_guid_shows_a_fresh_value_to_paste(content):
    edit(content, EP1, "Guid: 72099485-a086-4a21-b6cd-05575eac9a93\n", "")
    block = problem(build(content), "content/" + EP1, "Guid", "Pflichtfeld fehlt")
    assert re.search(r"„Guid: " + UUID4 + "“", block), block


def test_duplicate_guid_shows_a_fresh_value_to_paste(content):
    edit(
        content,
        EP2,
        "Guid: d0c70920-0312-4b48-8976-ded62b560da8",
        "Guid: 72099485-a086-4a21-b6cd-05575eac9a93",
    )
    block = problem(build(content), "content/" + EP2, "Guid", "folge-01-netzwerk-ohne-chef.md")
    fresh = re.search(r"„Guid: (" + UUID4 + ")“", block)
    assert fresh and fresh.group(1) != "72099485-a086-4a21-b6cd-05575eac9a93"


def test_bad_episode_number(content):
    edit(content, EP1, "Episode: 1", "Episode: eins")
    problem(build(content), "content/" + EP1, "Episode", "„eins“ ist keine ganze Zahl")


def test_bad_explicit_value(content):
    edit(content, EP1, "Explicit: false", "Explicit: clean")
    problem(build(content), "content/" + EP1, "Explicit", "„clean“", "Explicit: false")


def test_bad_episode_type(content):
    edit(content, EP1, "EpisodeType: full", "EpisodeType: trailr")
    problem(build(content), "content/" + EP1, "EpisodeType", "„trailr“", "Meinten Sie „trailer“")


# --- chapters and transcript -------------------------------------------------


def test_chapters_that_are_not_json(content):
    (content / "audio" / "folge-01.chapters.json").write_text(
        '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "A"},]}', encoding="utf-8"
    )
    problem(build(content), "content/" + EP1, "Chapters", "kein gültiges JSON", "Zeile 1")


def test_chapters_without_the_required_structure(content):
    (content / "audio" / "folge-01.chapters.json").write_text(
        '{"version": "1.2.0", "chapters": [{"title": "ohne Zeit"}]}', encoding="utf-8"
    )
    problem(build(content), "content/" + EP1, "Chapters", "keine Startzeit")


def test_chapters_past_the_end_of_the_audio(content):
    (content / "audio" / "folge-01.chapters.json").write_text(
        '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "A"},'
        ' {"startTime": 75.5, "title": "Zu spät"}]}',
        encoding="utf-8",
    )
    problem(build(content), "content/" + EP1, "Chapters", "Kapitel 2", "1:15", "0:46")


def test_missing_chapters_file(content):
    (content / "audio" / "folge-01.chapters.json").unlink()
    problem(build(content), "content/" + EP1, "Chapters", "gibt es nicht")


def test_missing_transcript(content):
    edit(content, EP2, "Transcript: audio/folge-02.vtt", "Transcript: audio/folge-2.vtt")
    problem(build(content), "content/" + EP2, "Transcript", "gibt es nicht")


def test_transcript_with_a_broken_timing_line(content):
    path = content / "audio" / "folge-02.vtt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("00:00:05.395 --> 00:00:07.329", "00:05.3 --> 00:07"))
    problem(
        build(content),
        "content/" + EP2,
        "Transcript",
        "folge-02.vtt",
        "Zeile 8",
        "keine gültige Zeitangabe",
    )


def test_transcript_that_is_not_webvtt(content):
    path = content / "audio" / "folge-02.vtt"
    path.write_text("Hallo und willkommen!\n", encoding="utf-8")
    problem(build(content), "content/" + EP2, "Transcript", "WEBVTT")


# --- people ------------------------------------------------------------------


def test_unknown_host_slug_suggests_the_nearest_member(content):
    edit(content, EP1, "Hosts: anna-beispiel", "Hosts: anna-beispeil")
    problem(build(content), "content/" + EP1, "Hosts", "„anna-beispeil“", "„anna-beispiel“")


def test_unknown_guest_slug(content):
    edit(content, EP3, "Guests: tobias-lindner, Dr. Petra Gast", "Guests: tobias-lindnr")
    problem(build(content), "content/" + EP3, "Guests", "Meinten Sie „tobias-lindner“")


# --- cover art and category (settings) --------------------------------------


def cover(content, name, size=(1400, 1400), mode="RGB", fmt="JPEG"):
    path = content / "images" / "podcast" / name
    Image.new(mode, size, "white" if mode != "CMYK" else (0, 0, 0, 0)).save(path, fmt)
    return "images/podcast/" + name


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"name": "klein.jpg", "size": (1000, 1000)}, "1000 × 1000 Pixel"),
        ({"name": "breit.jpg", "size": (1600, 1400)}, "nicht quadratisch"),
        ({"name": "druck.jpg", "mode": "CMYK"}, "CMYK"),
        ({"name": "cover.gif", "fmt": "GIF", "mode": "P"}, "kein JPEG- oder PNG-Bild"),
        ({"name": "verkleidet.png", "fmt": "WEBP"}, "endet auf .png, ist aber ein WEBP-Bild"),
    ],
)
def test_bad_cover_art(content, kwargs, fragment):
    image = cover(content, **kwargs)
    problem(build(content, PODCAST_IMAGE=image), "pelicanconf.py", "PODCAST_IMAGE", fragment)


def test_bad_episode_image(content):
    image = cover(content, "folge-01.png", size=(500, 500), fmt="PNG")
    edit(content, EP1, "Explicit: false", f"Explicit: false\nImage: {image}")
    problem(build(content), "content/" + EP1, "Image", "500 × 500")


def test_unknown_apple_category_suggests_the_nearest(content):
    problem(
        build(content, PODCAST_CATEGORY="Educaton"),
        "pelicanconf.py",
        "PODCAST_CATEGORY",
        "„Educaton“",
        "Meinten Sie „Education“",
    )


def test_unknown_subcategory(content):
    problem(
        build(content, PODCAST_SUBCATEGORY="Careers"),
        "pelicanconf.py",
        "PODCAST_SUBCATEGORY",
        "„Careers“",
        "How To",
    )


def test_all_problems_are_listed_together(content):
    edit(content, EP1, "Hosts: anna-beispiel", "Hosts: niemand-bekanntes")
    edit(content, EP2, "Explicit: false", "Explicit: vielleicht")
    edit(content, EP3, "Audio: audio/folge-03.mp3", "Audio: audio/weg.mp3")
    result = build(content)
    assert "3 Fehler" in result.messages
    for where, field in ((EP1, "Hosts"), (EP2, "Explicit"), (EP3, "Audio")):
        problem(result, "content/" + where, field)


# --- parsers on their own ------------------------------------------------------


def test_srt_transcripts_are_read_too(tmp_path):
    from knotenpunkt.plugins.podcast.transcript import parse_transcript

    srt = tmp_path / "folge.srt"
    srt.write_text(
        "1\n00:00:00,500 --> 00:00:02,000\nHallo <i>und</i> willkommen.\n\n"
        "2\n00:00:02,500 --> 00:00:04,000\nSchön, dass Sie da sind.\n",
        encoding="utf-8",
    )
    cues = parse_transcript(srt, "x.md")
    assert [c.text for c in cues] == ["Hallo und willkommen.", "Schön, dass Sie da sind."]
    assert cues[1].start == 2.5 and cues[1].end == 4.0


def test_webvtt_voice_tags_become_speakers(tmp_path):
    from knotenpunkt.plugins.podcast.transcript import paragraphs, parse_transcript

    vtt = tmp_path / "folge.vtt"
    vtt.write_text(
        "WEBVTT\n\nNOTE eine Notiz\n\n00:01.000 --> 00:02.000\n<v Anna>Hallo.</v>\n\n"
        "00:02.100 --> 00:03.000\n<v Anna>Wie geht es?</v>\n\n"
        "00:03.100 --> 00:04.000\n<v Özlem>Gut &amp; danke.</v>\n",
        encoding="utf-8",
    )
    result = paragraphs(parse_transcript(vtt, "x.md"))
    assert [(p.speaker, p.text) for p in result] == [
        ("Anna", "Hallo. Wie geht es?"),
        ("Özlem", "Gut & danke."),
    ]


# --- title ------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Folge 1: Netzwerk ohne Chef",
        "#1 Netzwerk ohne Chef",
        "Lernen im Netzwerk – der Podcast aus Musterstadt: Chefsache",
    ],
)
def test_number_or_show_name_in_the_title_is_a_warning(content, title):
    edit(content, EP1, "Title: Wie arbeitet ein Netzwerk ohne Chef?", f"Title: {title}")
    result = build(content)
    assert result.exit_code == 0, result.messages  # a warning: the site is still right
    blocks = [b for b in result.messages.split("\n\n") if EP1 in b and "„Title“" in b]
    assert blocks and "Folgennummer oder den Namen des Podcasts" in blocks[0], result.messages
    assert "„Episode:“" in blocks[0]


def test_an_ordinary_title_gets_no_title_warning(content):
    result = build(content)
    assert "Folgennummer oder den Namen des Podcasts" not in result.messages
