"""Every field an episode file may have: one definition, used by validation
(error hints show the example) and by the documentation for members.

Episodes are Markdown files in ``content/podcast/``; the show notes are the
body. Field names are written as shown (Pelican reads them case-insensitively).
Descriptions are German message ids: translate with ``content_errors.i18n._``
when showing them.
"""

from __future__ import annotations

from knotenpunkt.plugins.content_errors.fields import Field

#: the words members may write for "Explicit", and what they mean
EXPLICIT_VALUES = {
    "true": True,
    "false": False,
    "ja": True,
    "nein": False,
    "yes": True,
    "no": False,
}
EPISODE_TYPES = ("full", "trailer", "bonus")

FIELDS = [
    Field(
        "Title",
        required=True,
        help="Titel der Folge, ohne Namen der Show und ohne Folgennummer.",
        example="Hausaufgaben ohne Streit",
    ),
    Field(
        "Date",
        required=True,
        help="Veröffentlichungsdatum und -uhrzeit.",
        example="2026-09-08 08:00",
        kind="date",
    ),
    Field(
        "Audio",
        required=True,
        help="Die Audiodatei unter content/audio/, als MP3 oder M4A. Dauer, Größe und "
        "Dateityp liest der Build aus der Datei.",
        example="audio/folge-03.mp3",
        kind="audio",
    ),
    Field(
        "Guid",
        required=True,
        help="Die dauerhafte Kennung der Folge. Einmal beim Anlegen eingetragen und danach nie "
        "mehr geändert – sonst laden Podcast-Apps die Folge doppelt.",
        example="66799f65-3b23-4cfd-a694-9725555c9bb8",
    ),
    Field(
        "Episode",
        help="Nummer der Folge (ganze Zahl); Pflicht für normale Folgen (EpisodeType full).",
        example="3",
        kind="number",
        aliases=("folge",),
    ),
    Field(
        "Season",
        help="Nummer der Staffel (ganze Zahl ab 1).",
        example="1",
        kind="number",
        aliases=("staffel",),
    ),
    Field(
        "Summary",
        help="Ein bis zwei Sätze über die Folge; erscheint in Podcast-Apps und in der Liste.",
        example="Wie Hausaufgabennachmittage wieder entspannter werden.",
    ),
    Field(
        "Hosts",
        help="Wer moderiert: Kürzel von Mitgliedern (wie der Dateiname in content/members/) "
        "oder Namen mit Leerzeichen, durch Kommas getrennt.",
        example="anna-beispiel",
        kind="person",
        aliases=("moderation",),
    ),
    Field(
        "Guests",
        help="Gäste, wie bei Hosts: Mitglieder-Kürzel oder freie Namen, durch Kommas getrennt.",
        example="tobias-lindner, Dr. Petra Gast",
        kind="person",
        aliases=(
            "gäste",
            "gast",
        ),
    ),
    Field(
        "Chapters",
        help="Kapitelmarken als JSON-Datei im Podcasting-2.0-Format (Version 1.2).",
        example="audio/folge-01.chapters.json",
        kind="file",
        aliases=("kapitel",),
    ),
    Field(
        "Transcript",
        help="Transkript als WebVTT- (.vtt) oder SRT-Datei (.srt).",
        example="audio/folge-02.vtt",
        kind="file",
        aliases=("transkript",),
    ),
    Field(
        "Image",
        help="Eigenes Bild der Folge: quadratisch, 1400 bis 3000 Pixel, JPEG oder PNG in RGB.",
        example="images/podcast/folge-03.jpg",
        kind="image",
        aliases=("titelbild",),
    ),
    Field(
        "Explicit",
        help="Enthält die Folge nicht jugendfreie Inhalte?",
        example="false",
        kind="choice",
        choices=tuple(EXPLICIT_VALUES),
    ),
    Field(
        "EpisodeType",
        help="Art der Folge: normale Folge (full), Vorschau (trailer) oder Zusatzfolge "
        "(bonus). Ein Trailer erscheint im Feed auch als Vorschau des ganzen Podcasts.",
        example="full",
        kind="choice",
        choices=EPISODE_TYPES,
    ),
    Field(
        "Soundbites",
        help="Hörproben: Anfang und Ende als Minute:Sekunde, dann ein kurzer Titel; mehrere "
        "durch Kommas getrennt. Podcast-Apps spielen sie als Vorgeschmack ab, die "
        "Folgenseite zeigt sie als „Hörprobe“.",
        example="0:16-0:45 Wie ein Netzwerk ohne Chef entscheidet",
    ),
    Field(
        "Location",
        help="Der Ort, an dem die Folge aufgenommen wurde oder um den es geht (bis 128 Zeichen).",
        example="Stadtbibliothek Musterstadt",
    ),
    Field(
        "LocationGeo",
        help="Koordinaten zum Ort als „geo:Breite,Länge“ (nur zusammen mit Location).",
        example="geo:52.5163,13.3777",
    ),
    Field(
        "LocationOsm",
        help="Der Ort in OpenStreetMap: N (Punkt), W (Weg) oder R (Relation) und die Nummer "
        "(nur zusammen mit Location).",
        example="R62422",
    ),
    Field(
        "Discussion",
        help="Adresse des Beitrags zur Folge auf Mastodon (oder einem anderen Fediverse-Dienst), "
        "unter dem Hörer:innen antworten können.",
        example="https://mastodon.social/@netzwerklernen/113456789012345678",
        kind="url",
    ),
    Field(
        "AlternateAudio",
        help="Dieselbe Folge in einem zweiten Format unter content/audio/, z. B. als Opus-Datei "
        "(.opus, kleiner bei gleicher Qualität), M4A oder MP3.",
        example="audio/folge-03.opus",
        kind="audio",
    ),
]

BY_NAME = {field.name: field for field in FIELDS}


# The raw-file checks, `make episode` and the field reference in
# docs/mitmachen.md read these definitions through content_errors' registry.
def _register_with_content_errors() -> None:
    from knotenpunkt.plugins.content_errors.fields import register_known_fields
    from knotenpunkt.plugins.content_errors.i18n import N_

    from .settings import DEFAULTS

    register_known_fields(
        DEFAULTS["PODCAST_CONTENT_DIR"],
        FIELDS,
        label=N_("Podcastfolge"),
        pelican_keys="article",
        folders_setting="PODCAST_CONTENT_DIR",
        plugin=__package__,
    )


_register_with_content_errors()
