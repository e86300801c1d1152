"""Transcripts: WebVTT and SRT files parsed into cues, shown as readable text.

The parser is strict enough to catch files podcast apps would reject (no
``WEBVTT`` header, broken timing lines, no cues) and names the line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from knotenpunkt.plugins.content_errors import ContentError
from knotenpunkt.plugins.content_errors.i18n import _

from .textfile import read_named_text

MIME_TYPES = {".vtt": "text/vtt", ".srt": "application/x-subrip"}

_TIME = r"(?:(\d+):)?(\d{2}):(\d{2})[.,](\d{3})"
TIMING = re.compile(rf"^\s*{_TIME}\s+-->\s+{_TIME}(?:\s+.*)?$")
VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
TAG = re.compile(r"</?[^>]+>")


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Paragraph:
    start: float
    speaker: str | None
    text: str


def _seconds(hours, minutes, seconds, millis) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse_transcript(
    path: Path, source: str, field: str = "Transcript", settings=None
) -> list[Cue]:
    """The cues of a .vtt or .srt file; raises ContentError when it cannot be read."""
    shown = path.name
    extension = path.suffix.lower()
    if extension not in MIME_TYPES:
        raise ContentError(
            source,
            field,
            _("„{file}“ ist kein WebVTT- oder SRT-Transkript.").format(file=shown),
            _("Speichern Sie das Transkript als .vtt (WebVTT) oder .srt."),
        )
    text = read_named_text(
        path,
        source,
        field,
        settings,
        _("Die Transkriptdatei „{file}“ gibt es nicht.").format(file=str(path)),
        _(
            "Legen Sie die Datei in content/audio/ ab und prüfen Sie den Pfad, "
            "z. B. „Transcript: audio/folge-02.vtt“."
        ),
        encoding="utf-8-sig",
    )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def broken(line_number: int, message: str) -> ContentError:
        return ContentError(
            source,
            field,
            _("„{file}“, Zeile {line}: {message}").format(
                file=shown, line=line_number, message=message
            ),
            _(
                "Eine Zeitangabe sieht so aus: „00:00:05.000 --> 00:00:09.500“ "
                "(bei SRT mit Komma: „00:00:05,000 --> 00:00:09,500“)."
            ),
        )

    start_line = 0
    if extension == ".vtt":
        if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
            raise ContentError(
                source,
                field,
                _("„{file}“ beginnt nicht mit „WEBVTT“ und ist daher keine WebVTT-Datei.").format(
                    file=shown
                ),
                _("Die erste Zeile einer .vtt-Datei lautet „WEBVTT“."),
            )
        start_line = 1

    # Split into blocks separated by blank lines, remembering line numbers.
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines[start_line:], start_line + 1):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)

    cues = []
    for block in blocks:
        first = block[0][1].strip()
        if extension == ".vtt" and first.split(" ")[0] in ("NOTE", "STYLE", "REGION"):
            continue
        timing_index = next((i for i, (_n, line) in enumerate(block) if "-->" in line), None)
        if timing_index is None or timing_index > 1:
            raise broken(block[0][0], _("Hier fehlt die Zeitangabe des Untertitels."))
        number, timing = block[timing_index]
        match = TIMING.match(timing)
        if not match:
            raise broken(number, _("„{text}“ ist keine gültige Zeitangabe.").format(text=timing))
        parts = match.groups()
        start, end = _seconds(*parts[:4]), _seconds(*parts[4:])
        if end < start:
            raise broken(number, _("Das Ende liegt vor dem Anfang."))
        raw = " ".join(line.strip() for _n, line in block[timing_index + 1 :])
        voice = VOICE.search(raw)
        # Entities are decoded like the cue text; the template escapes both once.
        speaker = html.unescape(voice.group(1)).strip() if voice else None
        words = html.unescape(TAG.sub("", raw)).strip()
        if words:
            cues.append(Cue(start=start, end=end, text=words, speaker=speaker))
    if not cues:
        raise ContentError(
            source,
            field,
            _("„{file}“ enthält keinen einzigen Untertitel.").format(file=shown),
            _("Prüfen Sie, ob die richtige Datei eingetragen ist."),
        )
    return cues


def paragraphs(cues: list[Cue], pause: float = 2.0, max_cues: int = 6) -> list[Paragraph]:
    """Readable paragraphs: a new one when the speaker changes, after a long pause,
    or after a few cues."""
    result: list[Paragraph] = []
    group: list[Cue] = []

    def flush() -> None:
        if group:
            result.append(
                Paragraph(group[0].start, group[0].speaker, " ".join(c.text for c in group))
            )

    for cue in cues:
        if group and (
            cue.speaker != group[-1].speaker
            or cue.start - group[-1].end > pause
            or len(group) >= max_cues
        ):
            flush()
            group = []
        group.append(cue)
    flush()
    return result
