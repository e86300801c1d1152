"""Audio facts (duration, byte length, MIME type) read from the file itself.

The values in the feed are never typed by a member: mutagen reads them. The
facts are cached in a JSON file under CACHE_PATH, keyed by path, size and
modification time, so an unchanged file is never read twice.

The sample MP3s are CBR with LAME's Info header (``tools/make_sample_media.py``);
mutagen reads the exact duration from it.

:func:`quality_warnings` compares bitrate and sample rate with what podcast
apps recommend (the thresholds are settings, see ``settings.py``): a warning,
not an error, because the episode still plays, only worse than it could.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import mutagen
from babel.numbers import format_decimal
from knotenpunkt.plugins.content_errors import ContentError
from knotenpunkt.plugins.content_errors.errors import WARNING
from knotenpunkt.plugins.content_errors.i18n import _
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4

# Extension → (MIME type in the feed, mutagen class, name for members).
SUPPORTED = {
    ".mp3": ("audio/mpeg", MP3, "MP3"),
    ".m4a": ("audio/x-m4a", MP4, "M4A (AAC)"),
}
CACHE_FILE = "podcast-audio.json"
CACHE_VERSION = 2


@dataclass(frozen=True)
class AudioFacts:
    duration: float  # seconds
    length: int  # bytes
    mime: str
    bitrate: int = 0  # bits per second (average for VBR); 0: unknown
    sample_rate: int = 0  # Hz; 0: unknown
    channels: int = 0  # 1 mono, 2 stereo; 0: unknown


def _open(path: Path):
    """Hook for tests: count how often audio files are really read."""
    return mutagen.File(str(path))


def read_facts(path: Path, source: str, field: str = "Audio", formats=None) -> AudioFacts:
    """Read the facts of ``path`` or raise a ContentError for ``source``/``field``.
    ``formats``: extension → (MIME, mutagen class, label); the enclosure's by default."""
    formats = formats or SUPPORTED
    shown = path.name
    extension = path.suffix.lower()
    if extension not in formats:
        raise ContentError(
            source,
            field,
            _(
                "Das Audioformat „{ext}“ von „{file}“ wird von Podcast-Apps nicht "
                "zuverlässig unterstützt."
            ).format(ext=extension or "?", file=shown),
            _(
                "Speichern Sie die Aufnahme als MP3 (z. B. 64 kbit/s, konstante Bitrate) "
                "oder als M4A und tragen Sie die neue Datei ein."
            ),
        )
    if not path.exists():
        raise ContentError(
            source,
            field,
            _("Die Audiodatei „{file}“ gibt es nicht.").format(file=str(path)),
            _(
                "Legen Sie die Datei in content/audio/ ab und prüfen Sie die Schreibweise, "
                "z. B. „Audio: audio/folge-01.mp3“."
            ),
        )
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError(str(path))
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise ContentError(
            source,
            field,
            _("Die Audiodatei „{file}“ kann nicht gelesen werden ({detail}).").format(
                file=shown, detail=exc.strerror or exc.__class__.__name__
            ),
            _("Prüfen Sie, ob es wirklich eine Datei ist und ob sie lesbar ist."),
        ) from None
    not_audio = ContentError(
        source,
        field,
        _("„{file}“ ist keine lesbare Audiodatei.").format(file=shown),
        _("Exportieren Sie die Aufnahme erneut als {kind} und ersetzen Sie die Datei.").format(
            kind=formats[extension][2]
        ),
    )
    if size == 0:
        raise not_audio
    try:
        audio = _open(path)
    except (mutagen.MutagenError, OSError, ValueError):
        raise not_audio from None
    mime, kind, label = formats[extension]
    if audio is None or getattr(audio, "info", None) is None:
        raise not_audio
    if not isinstance(audio, kind):
        raise ContentError(
            source,
            field,
            _("„{file}“ heißt wie eine {label}-Datei, enthält aber {actual}.").format(
                file=shown, label=label, actual=type(audio).__name__
            ),
            _(
                "Speichern Sie die Aufnahme wirklich als {label} oder geben Sie der Datei die "
                "passende Endung (nur MP3 und M4A sind erlaubt)."
            ).format(label=label),
        )
    duration = float(getattr(audio.info, "length", 0) or 0)
    if duration <= 0:
        raise not_audio
    return AudioFacts(
        duration=duration,
        length=size,
        mime=mime,
        bitrate=int(getattr(audio.info, "bitrate", 0) or 0),
        sample_rate=int(getattr(audio.info, "sample_rate", 0) or 0),
        channels=int(getattr(audio.info, "channels", 0) or 0),
    )


def _kilohertz(rate: int, locale: str) -> str:
    return format_decimal(rate / 1000, format="#,##0.0##", locale=locale) + " kHz"


def quality_warnings(
    facts: AudioFacts,
    file: str,
    source: str,
    *,
    min_mono: int,
    min_stereo: int,
    min_sample_rate: int,
    locale: str = "de",
    field: str = "Audio",
) -> list[ContentError]:
    """Warnings when the audio is below the recommended bitrate (kbit/s, by
    channel count) or sample rate (Hz). Unknown values are never judged."""
    problems = []
    minimum = min_stereo if facts.channels >= 2 else min_mono
    kind = _("Stereo") if facts.channels >= 2 else _("Mono")
    fix = _(
        "Exportieren Sie die Aufnahme erneut – als MP3 mit konstanter Bitrate, mindestens "
        "{mono} kbit/s in Mono oder {stereo} kbit/s in Stereo, bei {rate} – und ersetzen Sie "
        "die Datei."
    ).format(mono=min_mono, stereo=min_stereo, rate=_kilohertz(min_sample_rate, locale))
    if facts.bitrate and minimum and facts.bitrate < minimum * 1000:
        problems.append(
            ContentError(
                source,
                field,
                _(
                    "„{file}“ hat nur {bitrate} kbit/s ({kind}); Podcast-Apps empfehlen "
                    "mindestens {minimum} kbit/s, sonst klingt die Sprache dumpf."
                ).format(
                    file=file, bitrate=round(facts.bitrate / 1000), kind=kind, minimum=minimum
                ),
                fix,
                severity=WARNING,
            )
        )
    if facts.sample_rate and min_sample_rate and facts.sample_rate < min_sample_rate:
        problems.append(
            ContentError(
                source,
                field,
                _(
                    "„{file}“ hat eine Abtastrate von {rate}; Podcast-Apps empfehlen mindestens "
                    "{minimum}."
                ).format(
                    file=file,
                    rate=_kilohertz(facts.sample_rate, locale),
                    minimum=_kilohertz(min_sample_rate, locale),
                ),
                fix,
                severity=WARNING,
            )
        )
    return problems


class AudioCache:
    """Facts of audio files, remembered across builds by (path, size, mtime)."""

    def __init__(self, cache_dir: str | os.PathLike | None) -> None:
        self.file = Path(cache_dir) / CACHE_FILE if cache_dir else None
        self.entries: dict[str, dict] = {}
        self.changed = False
        if self.file and self.file.exists():
            try:
                data = json.loads(self.file.read_text(encoding="utf-8"))
                if data.get("version") == CACHE_VERSION:
                    self.entries = data.get("files", {})
            except (OSError, ValueError, AttributeError):
                self.entries = {}

    def facts(self, path: Path, source: str, field: str = "Audio", formats=None) -> AudioFacts:
        key = str(path.resolve()) if path.exists() else str(path)
        try:
            stat = path.stat()
            stamp = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        except OSError:
            stamp = None
        entry = self.entries.get(key)
        if stamp and path.is_file() and entry and entry.get("stamp") == stamp:
            return AudioFacts(**entry["facts"])
        facts = read_facts(path, source, field, formats)
        if stamp:
            self.entries[key] = {"stamp": stamp, "facts": asdict(facts)}
            self.changed = True
        return facts

    def save(self) -> None:
        if not (self.file and self.changed):
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": CACHE_VERSION, "files": dict(sorted(self.entries.items()))}
        self.file.write_text(json.dumps(data, indent=1), encoding="utf-8")
        self.changed = False
