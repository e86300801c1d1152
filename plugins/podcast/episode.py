"""One episode: its fields read and checked, its audio facts, chapters, transcript
and people, attached to the Pelican article as ``article.podcast``."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from babel.numbers import format_decimal
from knotenpunkt.plugins.content_errors.errors import WARNING, ContentError, report
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.limits import check_audio_size
from knotenpunkt.plugins.content_errors.paths import resolve_content_path

from . import settings as podcast_settings
from .artwork import check_artwork
from .audio import AudioCache, AudioFacts
from .chapters import Chapter, load_chapters
from .fields import BY_NAME, EXPLICIT_VALUES
from .people import Directory, Person, member_slugs, resolve
from .timecode import iso_duration
from .transcript import MIME_TYPES, Cue, Paragraph, paragraphs, parse_transcript

# "Folge 3", "Episode 12", "Ep. 4", "#7" at a word boundary
EPISODE_NUMBER_IN_TITLE = re.compile(r"(?i)(?:\b(?:folge|episode|ep\.?)\s*|#)\d+")


@dataclass
class Episode:
    """Everything the feed and the pages need about one episode."""

    guid: str
    audio_path: str  # below the content folder, e.g. "audio/folge-01.mp3"
    facts: AudioFacts
    number: int | None
    season: int | None
    explicit: bool
    episode_type: str
    hosts: list[Person] = field(default_factory=list)
    guests: list[Person] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    chapters_path: str | None = None
    transcript: list[Cue] = field(default_factory=list)
    transcript_path: str | None = None
    image_path: str | None = None
    size_label: str = ""
    #: Hosts and Guests as written; resolved into ``hosts``/``guests`` by
    #: :meth:`resolve_people` once the members plugin has provided the people
    hosts_as_written: str = ""
    guests_as_written: str = ""

    def resolve_people(self, directory: Directory, source: str) -> list[ContentError]:
        self.hosts, problems = resolve(self.hosts_as_written, "host", "Hosts", directory, source)
        self.guests, more = resolve(self.guests_as_written, "guest", "Guests", directory, source)
        return problems + more

    @property
    def member_slugs(self) -> list[str]:
        """The members named as hosts or guests (known or not yet checked)."""
        return member_slugs(self.hosts_as_written) + member_slugs(self.guests_as_written)

    @property
    def duration(self) -> float:
        return self.facts.duration

    @property
    def duration_iso(self) -> str:
        return iso_duration(self.facts.duration)

    @property
    def itunes_duration(self) -> str:
        return str(round(self.facts.duration))

    @property
    def people(self) -> list[Person]:
        return self.hosts + self.guests

    @property
    def transcript_paragraphs(self) -> list[Paragraph]:
        return paragraphs(self.transcript)

    @property
    def transcript_mime(self) -> str | None:
        if not self.transcript_path:
            return None
        return MIME_TYPES[Path(self.transcript_path).suffix.lower()]

    @property
    def audio_extension(self) -> str:
        return Path(self.audio_path).suffix.lstrip(".").upper()


def fresh_guid() -> str:
    return str(uuid.uuid4())


def megabytes(size: int, locale: str) -> str:
    return format_decimal(size / 1_000_000, format="#,##0.0", locale=locale) + " MB"


class EpisodeReader:
    """Reads and checks the podcast fields of articles, collecting every problem."""

    def __init__(self, settings, cache: AudioCache) -> None:
        self.settings = settings
        self.content = Path(settings["PATH"])
        self.cache = cache
        lang = settings.get("DEFAULT_LANG", "de")
        self.locale = lang.replace("-", "_")
        self.default_explicit = bool(podcast_settings.get(settings, "PODCAST_EXPLICIT"))

    def _missing(self, source: str, name: str, message: str | None = None) -> ContentError:
        return BY_NAME[name].missing(source, message)

    def check_title(self, source: str, title: str) -> None:
        """Apple shows the show's name and the number beside the title itself;
        repeated inside the title they appear twice in every podcast app."""
        show = str(podcast_settings.get(self.settings, "PODCAST_TITLE") or "").strip()
        numbered = EPISODE_NUMBER_IN_TITLE.search(title)
        if not (numbered or (show and show.lower() in title.lower())):
            return
        report(
            ContentError(
                source,
                "Title",
                _("Der Titel enthält die Folgennummer oder den Namen des Podcasts."),
                _(
                    "Podcast-Apps zeigen Nummer und Podcastnamen ohnehin an; schreiben Sie nur, "
                    "worum es geht, und tragen Sie die Nummer bei „Episode:“ ein."
                ),
                severity=WARNING,
            )
        )

    def _integer(self, meta, source, name, minimum) -> tuple[int | None, bool]:
        raw = meta.get(name.lower())
        if raw is None or str(raw).strip() == "":
            return None, True
        text = str(raw).strip()
        if text.isdigit() and int(text) >= minimum:
            return int(text), True
        report(
            ContentError(
                source,
                name,
                _("„{value}“ ist keine ganze Zahl ab {minimum}.").format(
                    value=text, minimum=minimum
                ),
                _("Schreiben Sie nur die Zahl, z. B. „{example}“.").format(
                    example=BY_NAME[name].example_line
                ),
            )
        )
        return None, False

    def read(self, article) -> Episode | None:
        """The episode of ``article``, or None (after reporting) when it is broken."""
        source = article.source_path
        meta = article.metadata
        ok = True

        guid = str(meta.get("guid") or "").strip()
        if not guid:
            report(
                ContentError(
                    source,
                    "Guid",
                    _(
                        "Dieses Pflichtfeld fehlt. Ohne feste Guid laden Podcast-Apps die Folge "
                        "bei jeder Änderung doppelt."
                    ),
                    _(
                        "Ergänzen Sie am Anfang der Datei diese Zeile (neu erzeugt, danach nie "
                        "mehr ändern): „Guid: {guid}“"
                    ).format(guid=fresh_guid()),
                )
            )
            ok = False

        number, good = self._integer(meta, source, "Episode", 0)
        ok &= good
        season, good = self._integer(meta, source, "Season", 1)
        ok &= good

        explicit = self.default_explicit
        value, problems = BY_NAME["Explicit"].clean(meta.get("explicit"), source)
        if value is not None:
            explicit = EXPLICIT_VALUES[value]
        value, more = BY_NAME["EpisodeType"].clean(meta.get("episodetype"), source)
        episode_type = value or "full"
        for problem in problems + more:
            report(problem)
            ok = False
        if episode_type == "full" and number is None and ok and meta.get("episode") is None:
            report(
                self._missing(
                    source,
                    "Episode",
                    _("Die Folgennummer fehlt (Pflicht für normale Folgen)."),
                )
            )
            ok = False

        self.check_title(source, str(meta.get("title", "")))

        def path_of(name: str) -> str | None:
            """The checked content path of field ``name``; None when absent or refused."""
            nonlocal ok
            value = meta.get(name.lower())
            if not value or not str(value).strip():
                return None
            try:
                return resolve_content_path(self.content, str(value), source, name).relative
            except ContentError as problem:
                report(problem)
                ok = False
                return None

        facts = None
        audio_path = path_of("Audio")
        if not str(meta.get("audio") or "").strip():
            report(self._missing(source, "Audio"))
            ok = False
        elif audio_path:
            try:
                too_big = check_audio_size(
                    self.content / audio_path, source, "Audio", self.settings
                )
                if too_big:
                    raise too_big
                facts = self.cache.facts(self.content / audio_path, source, "Audio")
            except ContentError as problem:
                report(problem)
                ok = False

        chapters, chapters_path = [], path_of("Chapters")
        if chapters_path and facts is not None:
            try:
                chapters = load_chapters(
                    self.content / chapters_path, facts.duration, source, "Chapters", self.settings
                )
            except ContentError as problem:
                report(problem)
                ok = False

        cues, transcript_path = [], path_of("Transcript")
        if transcript_path:
            try:
                cues = parse_transcript(
                    self.content / transcript_path, source, "Transcript", self.settings
                )
            except ContentError as problem:
                report(problem)
                ok = False

        image_path = path_of("Image")
        if image_path:
            for problem in check_artwork(self.content / image_path, source, "Image", self.settings):
                report(problem)
                ok = False

        if not ok or facts is None:
            return None
        return Episode(
            guid=guid,
            audio_path=audio_path,
            facts=facts,
            number=number,
            season=season,
            explicit=explicit,
            episode_type=episode_type,
            hosts_as_written=str(meta.get("hosts") or ""),
            guests_as_written=str(meta.get("guests") or ""),
            chapters=chapters,
            chapters_path=chapters_path,
            transcript=cues,
            transcript_path=transcript_path,
            image_path=image_path,
            size_label=megabytes(facts.length, self.locale),
        )


def check_duplicates(articles) -> None:
    """Guids must be unique, and so must (season, episode number) per episode type."""
    seen_guids: dict[str, str] = {}
    seen_numbers: dict[tuple, str] = {}
    for article in sorted(articles, key=lambda a: a.source_path):
        episode = article.podcast
        other = seen_guids.get(episode.guid)
        if other:
            report(
                ContentError(
                    article.source_path,
                    "Guid",
                    _(
                        "Die Guid „{guid}“ hat schon die Folge „{other}“. Jede Folge braucht eine "
                        "eigene."
                    ).format(guid=episode.guid, other=Path(other).name),
                    _(
                        "Wenn diese Folge neu ist, ersetzen Sie die Zeile durch diese neu "
                        "erzeugte: „Guid: {guid}“"
                    ).format(guid=fresh_guid()),
                )
            )
        else:
            seen_guids[episode.guid] = article.source_path
        if episode.number is None:
            continue
        key = (episode.season, episode.number, episode.episode_type)
        other = seen_numbers.get(key)
        if other:
            if episode.season:
                where = _("Staffel {season}, Folge {number}").format(
                    season=episode.season, number=episode.number
                )
            else:
                where = _("Folge {number}").format(number=episode.number)
            report(
                ContentError(
                    article.source_path,
                    "Episode",
                    _("{where} gibt es schon: „{other}“.").format(
                        where=where, other=Path(other).name
                    ),
                    _("Geben Sie jeder Folge eine eigene Nummer (Feld „Episode“, ggf. „Season“)."),
                )
            )
        else:
            seen_numbers[key] = article.source_path
