"""An episode's optional Podcasting 2.0 fields: soundbites, location, discussion
thread and a second audio format. Read and checked after the episode itself
(``episode.py``), attached as ``article.podcast_extras``.

Spec references (podcastindex.org namespace 1.0):
- ``podcast:soundbite``: ``startTime`` and ``duration`` in seconds, inside the
  audio; the node is an optional title (≤ 128 characters);
- ``podcast:location``: a name (≤ 128 characters), optional ``geo`` (RFC 5870
  ``geo:lat,lon``) and ``osm`` (``N``/``W``/``R`` + id);
- ``podcast:socialInteract``: ``protocol`` and ``uri`` of the post to reply to;
- ``podcast:alternateEnclosure``: ``type``, ``length``, ``bitrate`` and a
  ``podcast:source`` child with the file's ``uri``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from knotenpunkt.plugins.content_errors.errors import WARNING, ContentError, report
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.paths import resolve_content_path
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from .audio import AudioCache, AudioFacts
from .fields import BY_NAME
from .timecode import clock

# Extension → (MIME type in podcast:alternateEnclosure, mutagen class, name for members).
ALTERNATE_FORMATS = {
    ".opus": ("audio/opus", OggOpus, "Opus"),
    ".ogg": ("audio/ogg", OggVorbis, "Ogg Vorbis"),
    ".m4a": ("audio/mp4", MP4, "M4A (AAC)"),
    ".mp3": ("audio/mpeg", MP3, "MP3"),
}
MAX_LABEL = 128
SOUNDBITE_SECONDS = (15, 120)  # what the namespace recommends
TIME = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
SOUNDBITE = re.compile(rf"^\s*(?P<start>{TIME})\s*[-–]\s*(?P<end>{TIME})\s*(?P<title>.*?)\s*$")
# a comma that starts the next soundbite (titles may contain commas themselves)
NEXT_SOUNDBITE = re.compile(rf",\s*(?=(?:{TIME})\s*[-–])")
GEO = re.compile(r"^geo:(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)(?:,-?\d+(?:\.\d+)?)?$")
OSM = re.compile(r"^[NWR]\d+(?:#\d+)?$")
# Mastodon-style post address: https://host/@account/123…
MASTODON_POST = re.compile(r"^/@(?P<account>[A-Za-z0-9_.-]+)(?:@[^/]+)?/\d+/?$")


@dataclass(frozen=True)
class Soundbite:
    start: float
    duration: float
    title: str

    @property
    def label(self) -> str:
        return clock(self.start)


@dataclass(frozen=True)
class Location:
    name: str
    geo: str | None = None
    osm: str | None = None

    @property
    def osm_url(self) -> str | None:
        """The object on openstreetmap.org (a plain link, nothing is loaded from there)."""
        if not self.osm:
            return None
        kinds = {"N": "node", "W": "way", "R": "relation"}
        return f"https://www.openstreetmap.org/{kinds[self.osm[0]]}/{self.osm[1:].split('#')[0]}"


@dataclass(frozen=True)
class Discussion:
    uri: str
    protocol: str = "activitypub"
    account_id: str | None = None
    account_url: str | None = None


@dataclass(frozen=True)
class AlternateAudio:
    path: str  # below the content folder
    facts: AudioFacts
    label: str  # "Opus" …


@dataclass
class EpisodeExtras:
    soundbites: list[Soundbite] = field(default_factory=list)
    location: Location | None = None
    discussion: Discussion | None = None
    alternate: AlternateAudio | None = None


def seconds(text: str) -> float:
    """``1:02:03.5``, ``4:05`` or ``16.3`` as seconds."""
    value = 0.0
    for part in text.replace(",", ".").split(":"):
        value = value * 60 + float(part)
    return value


def _problem(source: str, name: str, message: str, hint: str | None = None) -> ContentError:
    example = BY_NAME[name].example_line
    return ContentError(
        source,
        name,
        message,
        hint or _("Schreiben Sie es so: „{example}“.").format(example=example),
    )


def read_soundbites(raw, duration: float, source: str) -> tuple[list[Soundbite], list]:
    if raw is None or not str(raw).strip():
        return [], []
    soundbites, problems = [], []
    for entry in NEXT_SOUNDBITE.split(str(raw).strip()):
        match = SOUNDBITE.match(entry)
        if not match:
            problems.append(
                _problem(
                    source,
                    "Soundbites",
                    _("„{value}“ ist keine Hörprobe mit Anfang und Ende.").format(value=entry),
                )
            )
            continue
        start, end = seconds(match["start"]), seconds(match["end"])
        title = match["title"].strip()
        if end <= start:
            problems.append(
                _problem(
                    source,
                    "Soundbites",
                    _("Bei „{value}“ liegt das Ende nicht nach dem Anfang.").format(value=entry),
                )
            )
        elif end > duration + 0.5:
            problems.append(
                _problem(
                    source,
                    "Soundbites",
                    _("Die Hörprobe „{value}“ endet nach dem Ende der Aufnahme ({length}).").format(
                        value=entry, length=clock(duration)
                    ),
                    _("Wählen Sie Anfang und Ende innerhalb der Aufnahme."),
                )
            )
        elif len(title) > MAX_LABEL:
            problems.append(
                _problem(
                    source,
                    "Soundbites",
                    _("Der Titel der Hörprobe ist länger als {max} Zeichen.").format(max=MAX_LABEL),
                    _("Kürzen Sie den Titel."),
                )
            )
        else:
            soundbites.append(Soundbite(start, round(end - start, 3), title))
            if not SOUNDBITE_SECONDS[0] <= end - start <= SOUNDBITE_SECONDS[1]:
                problems.append(
                    ContentError(
                        source,
                        "Soundbites",
                        _(
                            "Die Hörprobe „{value}“ ist {seconds} Sekunden lang; empfohlen sind "
                            "{shortest} bis {longest} Sekunden."
                        ).format(
                            value=entry,
                            seconds=round(end - start),
                            shortest=SOUNDBITE_SECONDS[0],
                            longest=SOUNDBITE_SECONDS[1],
                        ),
                        _(
                            "Wählen Sie einen Ausschnitt in dieser Länge; so empfiehlt es der Podcasting-2.0-Standard."
                        ),
                        severity=WARNING,
                    )
                )
    return soundbites, problems


def read_location(meta, source: str) -> tuple[Location | None, list]:
    name = str(meta.get("location") or "").strip()
    geo = str(meta.get("locationgeo") or "").strip() or None
    osm = str(meta.get("locationosm") or "").strip().upper() or None
    problems = []
    if not name:
        for key, value in (("LocationGeo", geo), ("LocationOsm", osm)):
            if value:
                problems.append(
                    _problem(
                        source,
                        key,
                        _("Zu diesem Feld fehlt der Name des Ortes."),
                        _("Ergänzen Sie eine Zeile wie „{example}“.").format(
                            example=BY_NAME["Location"].example_line
                        ),
                    )
                )
        return None, problems
    if len(name) > MAX_LABEL:
        problems.append(
            _problem(
                source,
                "Location",
                _("Der Ort ist länger als {max} Zeichen.").format(max=MAX_LABEL),
                _("Kürzen Sie ihn."),
            )
        )
    if geo:
        match = GEO.match(geo.replace(" ", ""))
        if not match or abs(float(match[1])) > 90 or abs(float(match[2])) > 180:
            problems.append(
                _problem(
                    source,
                    "LocationGeo",
                    _("„{value}“ sind keine gültigen Koordinaten.").format(value=geo),
                )
            )
        else:
            geo = geo.replace(" ", "")
    if osm and not OSM.match(osm):
        problems.append(
            _problem(
                source,
                "LocationOsm",
                _("„{value}“ ist kein OpenStreetMap-Objekt.").format(value=osm),
            )
        )
    return Location(name, geo, osm), problems


def read_discussion(raw, source: str) -> tuple[Discussion | None, list]:
    text = str(raw or "").strip()
    if not text:
        return None, []
    parts = urlsplit(text)
    if parts.scheme != "https" or not parts.hostname or " " in text:
        return None, [
            _problem(
                source,
                "Discussion",
                _("„{value}“ ist keine vollständige https-Adresse.").format(value=text),
            )
        ]
    post = MASTODON_POST.match(parts.path)
    if not post:
        return Discussion(text), []
    account = post["account"]
    return (
        Discussion(
            text,
            account_id=f"@{account}@{parts.hostname}",
            account_url=f"https://{parts.netloc}/@{account}",
        ),
        [],
    )


def read_alternate(meta, cache: AudioCache, content: Path, source: str, main_audio: str):
    raw = meta.get("alternateaudio")
    if raw is None or not str(raw).strip():
        return None, []
    try:
        path = resolve_content_path(content, str(raw), source, "AlternateAudio").relative
    except ContentError as problem:
        return None, [problem]
    extension = Path(path).suffix.lower()
    if extension not in ALTERNATE_FORMATS:
        return None, [
            _problem(
                source,
                "AlternateAudio",
                _("Das Format „{ext}“ wird als zweites Format nicht unterstützt.").format(
                    ext=extension or "?"
                ),
                _("Erlaubt sind Opus (.opus), Ogg Vorbis (.ogg), M4A und MP3."),
            )
        ]
    if path == main_audio:
        return None, [
            _problem(
                source,
                "AlternateAudio",
                _("Das ist dieselbe Datei wie bei „Audio“."),
                _("Tragen Sie hier die Datei im zweiten Format ein."),
            )
        ]
    try:
        facts = cache.facts(content / path, source, "AlternateAudio", formats=ALTERNATE_FORMATS)
    except ContentError as problem:
        return None, [problem]
    return AlternateAudio(path, facts, ALTERNATE_FORMATS[extension][2]), []


def read_extras(article, cache: AudioCache, content: Path) -> EpisodeExtras:
    """The optional fields of an episode read by ``episode.py``; reports problems."""
    episode = article.podcast
    meta = article.metadata
    source = article.source_path
    soundbites, problems = read_soundbites(meta.get("soundbites"), episode.duration, source)
    location, more = read_location(meta, source)
    problems += more
    discussion, more = read_discussion(meta.get("discussion"), source)
    problems += more
    alternate, more = read_alternate(meta, cache, content, source, episode.audio_path)
    problems += more
    for problem in problems:
        report(problem)
    return EpisodeExtras(soundbites, location, discussion, alternate)
