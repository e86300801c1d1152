"""Speakers named in a transcript ("Name: " in an SRT export, or WebVTT voice
tags) reach podcast apps as a WebVTT with voice tags and the pages as "Es sprechen"."""

from __future__ import annotations

from lxml import etree

from sitebuild import build_site, copy_sample

EP2 = "podcast/folge-02-mehrsprachig-aufwachsen.md"
PODCAST = "https://podcastindex.org/namespace/1.0"
SRT = """1
00:00:00,300 --> 00:00:04,900
Anna Beispiel: Willkommen zur zweiten Folge.

2
00:00:05,400 --> 00:00:09,000
Özlem: Danke für die Einladung & das Gespräch.

3
00:00:09,500 --> 00:00:12,000
Özlem sagt dazu ganz klar: Nein.

4
00:00:12,500 --> 00:00:15,000
Mama: Das ist kein Name aus der Folge.
"""


def person(name):
    from knotenpunkt.plugins.podcast.people import Person

    return Person(name=name, role="host")


def cue(text, speaker=None):
    from knotenpunkt.plugins.podcast.transcript import Cue

    return Cue(0.0, 1.0, text, speaker)


def test_prefixes_of_the_episodes_people_become_speakers():
    from knotenpunkt.plugins.podcast.transcript_voices import speakers, with_speakers

    people = [person("Anna Beispiel"), person("Özlem Arslan")]
    cues, derived = with_speakers(
        [
            cue("Anna: Hallo."),
            cue("özlem arslan: Guten Tag."),
            cue("Özlem sagt dazu: Nein."),
            cue("Tobias: Wer bin ich?"),
            cue("Schon getaggt.", speaker="Anna Beispiel"),
        ],
        people,
    )
    assert derived
    assert [(c.speaker, c.text) for c in cues] == [
        ("Anna Beispiel", "Hallo."),
        ("Özlem Arslan", "Guten Tag."),
        (None, "Özlem sagt dazu: Nein."),
        (None, "Tobias: Wer bin ich?"),
        ("Anna Beispiel", "Schon getaggt."),
    ]
    assert speakers(cues) == ["Anna Beispiel", "Özlem Arslan"]


def test_a_first_name_two_people_share_is_not_guessed():
    from knotenpunkt.plugins.podcast.transcript_voices import with_speakers

    cues, derived = with_speakers(
        [cue("Anna: Wer?")], [person("Anna Beispiel"), person("Anna Gast")]
    )
    assert not derived and cues[0].speaker is None


def test_webvtt_has_voice_tags_and_escaped_text(tmp_path):
    from knotenpunkt.plugins.podcast.transcript import parse_transcript
    from knotenpunkt.plugins.podcast.transcript_voices import webvtt

    text = webvtt([cue("A & B <c> --> C", speaker="Anna Beispiel"), cue("Ohne Stimme")])
    assert text.startswith("WEBVTT\n")
    assert "<v Anna Beispiel>A &amp; B &lt;c&gt; --&gt; C</v>" in text
    path = tmp_path / "x.vtt"
    path.write_text(text, encoding="utf-8")
    parsed = parse_transcript(path, "x.md")
    assert [(c.speaker, c.text) for c in parsed] == [
        ("Anna Beispiel", "A & B <c> --> C"),
        (None, "Ohne Stimme"),
    ]


def test_srt_with_named_speakers_is_published_as_voiced_webvtt(tmp_path):
    content = copy_sample(tmp_path)
    (content / "audio" / "folge-02.srt").write_text(SRT, encoding="utf-8")
    episode = content / EP2
    episode.write_text(
        episode.read_text(encoding="utf-8").replace(
            "Transcript: audio/folge-02.vtt", "Transcript: audio/folge-02.srt"
        ),
        encoding="utf-8",
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages

    voiced = result.output / "podcast" / "folge-02-mehrsprachig-aufwachsen" / "transkript.vtt"
    text = voiced.read_text(encoding="utf-8")
    assert "<v Anna Beispiel>Willkommen zur zweiten Folge.</v>" in text
    assert "<v Özlem Arslan>Danke für die Einladung &amp; das Gespräch.</v>" in text
    assert "\nÖzlem sagt dazu ganz klar: Nein.\n" in text  # a sentence, not a speaker
    assert "\nMama: Das ist kein Name aus der Folge.\n" in text

    channel = etree.fromstring(result.output.joinpath("podcast/feed.xml").read_bytes())[0]
    item = next(i for i in channel.iter("item") if i.findtext("guid").startswith("d0c70920"))
    transcripts = [
        (t.get("type"), t.get("url").rsplit("/", 2)[-2:], t.get("rel"))
        for t in item.findall(f"{{{PODCAST}}}transcript")
    ]
    assert transcripts[0] == (
        "text/vtt",
        ["folge-02-mehrsprachig-aufwachsen", "transkript.vtt"],
        "captions",
    )
    assert ("application/x-subrip", ["audio", "folge-02.srt"], "captions") in transcripts

    page = result.page("podcast/folge-02-mehrsprachig-aufwachsen/index.html")
    assert "Es sprechen: Anna Beispiel, Özlem Arslan" in page
    assert 'src="../../podcast/folge-02-mehrsprachig-aufwachsen/transkript.vtt"' in page
    assert "<strong>Anna Beispiel:</strong> Willkommen" in page
    alone = result.page("podcast/folge-02-mehrsprachig-aufwachsen/transkript/index.html")
    assert "Es sprechen: Anna Beispiel, Özlem Arslan" in alone
