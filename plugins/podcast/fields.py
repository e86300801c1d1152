"""Every field an episode file may have: one definition, used by validation
(error hints show the example) and by the documentation for members.

Episodes are Markdown files in ``content/podcast/``; the show notes are the
body. Field names are written as shown (Pelican reads them case-insensitively).
Descriptions are German message ids: translate with ``content_errors.i18n._``
when showing them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    description: str
    example: str

    @property
    def key(self) -> str:
        """The name as Pelican stores it in ``article.metadata``."""
        return self.name.lower()


FIELDS = [
    Field(
        "Title",
        True,
        ("Titel der Folge, ohne Namen der Show und ohne Folgennummer."),
        "Title: Hausaufgaben ohne Streit",
    ),
    Field("Date", True, ("Veröffentlichungsdatum und -uhrzeit."), "Date: 2026-09-08 08:00"),
    Field(
        "Audio",
        True,
        (
            "Die Audiodatei unter content/audio/, als MP3 oder M4A. Dauer, Größe und "
            "Dateityp liest der Build aus der Datei."
        ),
        "Audio: audio/folge-03.mp3",
    ),
    Field(
        "Guid",
        True,
        (
            "Die dauerhafte Kennung der Folge. Einmal beim Anlegen eingetragen und danach nie "
            "mehr geändert – sonst laden Podcast-Apps die Folge doppelt."
        ),
        "Guid: 66799f65-3b23-4cfd-a694-9725555c9bb8",
    ),
    Field(
        "Episode",
        False,
        ("Nummer der Folge (ganze Zahl); Pflicht für normale Folgen (EpisodeType full)."),
        "Episode: 3",
    ),
    Field("Season", False, ("Nummer der Staffel (ganze Zahl ab 1)."), "Season: 1"),
    Field(
        "Summary",
        False,
        ("Ein bis zwei Sätze über die Folge; erscheint in Podcast-Apps und in der Liste."),
        "Summary: Wie Hausaufgabennachmittage wieder entspannter werden.",
    ),
    Field(
        "Hosts",
        False,
        (
            "Wer moderiert: Kürzel von Mitgliedern (wie der Dateiname in content/members/) "
            "oder Namen mit Leerzeichen, durch Kommas getrennt."
        ),
        "Hosts: anna-beispiel",
    ),
    Field(
        "Guests",
        False,
        ("Gäste, wie bei Hosts: Mitglieder-Kürzel oder freie Namen, durch Kommas getrennt."),
        "Guests: tobias-lindner, Dr. Petra Gast",
    ),
    Field(
        "Chapters",
        False,
        ("Kapitelmarken als JSON-Datei im Podcasting-2.0-Format (Version 1.2)."),
        "Chapters: audio/folge-01.chapters.json",
    ),
    Field(
        "Transcript",
        False,
        ("Transkript als WebVTT- (.vtt) oder SRT-Datei (.srt)."),
        "Transcript: audio/folge-02.vtt",
    ),
    Field(
        "Image",
        False,
        ("Eigenes Bild der Folge: quadratisch, 1400 bis 3000 Pixel, JPEG oder PNG in RGB."),
        "Image: images/podcast/folge-03.jpg",
    ),
    Field(
        "Explicit",
        False,
        ("Enthält die Folge nicht jugendfreie Inhalte? „true“ oder „false“."),
        "Explicit: false",
    ),
    Field(
        "EpisodeType",
        False,
        (
            "Art der Folge: „full“ (normale Folge), „trailer“ oder „bonus“. Ein Trailer "
            "erscheint im Feed auch als Vorschau des ganzen Podcasts."
        ),
        "EpisodeType: full",
    ),
    Field(
        "Soundbites",
        False,
        (
            "Hörproben: Anfang und Ende als Minute:Sekunde, dann ein kurzer Titel; mehrere "
            "durch Kommas getrennt. Podcast-Apps spielen sie als Vorgeschmack ab, die "
            "Folgenseite zeigt sie als „Hörprobe“."
        ),
        "Soundbites: 0:16-0:45 Wie ein Netzwerk ohne Chef entscheidet",
    ),
    Field(
        "Location",
        False,
        ("Der Ort, an dem die Folge aufgenommen wurde oder um den es geht (bis 128 Zeichen)."),
        "Location: Stadtbibliothek Musterstadt",
    ),
    Field(
        "LocationGeo",
        False,
        ("Koordinaten zum Ort als „geo:Breite,Länge“ (nur zusammen mit Location)."),
        "LocationGeo: geo:52.5163,13.3777",
    ),
    Field(
        "LocationOsm",
        False,
        (
            "Der Ort in OpenStreetMap: N (Punkt), W (Weg) oder R (Relation) und die Nummer "
            "(nur zusammen mit Location)."
        ),
        "LocationOsm: R62422",
    ),
    Field(
        "Discussion",
        False,
        (
            "Adresse des Beitrags zur Folge auf Mastodon (oder einem anderen Fediverse-Dienst), "
            "unter dem Hörer:innen antworten können."
        ),
        "Discussion: https://mastodon.social/@netzwerklernen/113456789012345678",
    ),
    Field(
        "AlternateAudio",
        False,
        (
            "Dieselbe Folge in einem zweiten Format unter content/audio/, z. B. als Opus-Datei "
            "(.opus, kleiner bei gleicher Qualität), M4A oder MP3."
        ),
        "AlternateAudio: audio/folge-03.opus",
    ),
]

BY_NAME = {field.name: field for field in FIELDS}


# The raw-file checks, `make episode` and the field reference in
# docs/mitmachen.md read these definitions through content_errors' registry.
def _register_with_content_errors() -> None:
    from content_errors.fields import register_known_fields
    from content_errors.i18n import N_

    from .settings import DEFAULTS

    register_known_fields(
        DEFAULTS["PODCAST_CONTENT_DIR"],
        FIELDS,
        label=N_("Podcastfolge"),
        kinds={
            "Audio": "audio",
            "AlternateAudio": "audio",
            "Image": "image",
            "Chapters": "file",
            "Transcript": "file",
            "Discussion": "url",
        },
        pelican_keys="article",
    )


_register_with_content_errors()
