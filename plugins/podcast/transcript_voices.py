"""Who speaks in a transcript, and a WebVTT copy with voice tags for podcast apps.

Speakers come from WebVTT voice tags (``<v Anna Beispiel>``, read by
``transcript.py``) or, as SRT files and plain exports write them, from a
``Name: `` at the start of a cue. Such a prefix only counts when it names one
of the episode's hosts or guests (full name, or a first name no one else in
the episode has), so a sentence like "Özlem sagt dazu: Nein." stays text.

When speakers were found that the file itself does not tag, the build writes
``podcast/<slug>/transkript.vtt`` with ``<v …>`` tags; the feed offers it as
the captions transcript, so apps can show who speaks.
"""

from __future__ import annotations

import dataclasses
import re
from html import escape

from .timecode import vtt_timestamp
from .transcript import Cue

PREFIX = re.compile(r"^(?P<name>[^\W\d_][\w.\- ]{0,60}?):\s+(?P<text>\S.*)$", re.S)


def _names(people) -> dict[str, str]:
    """Spelling in the transcript → the person's full name."""
    full = {p.name.casefold(): p.name for p in people}
    first: dict[str, list[str]] = {}
    for person in people:
        first.setdefault(person.name.split()[0].casefold(), []).append(person.name)
    names = {k: v[0] for k, v in first.items() if len(set(v)) == 1}
    names.update(full)
    return names


def with_speakers(cues: list[Cue], people) -> tuple[list[Cue], bool]:
    """The cues with speakers from "Name: " prefixes of known people; and whether
    any speaker was found that way (the file then needs a voiced copy)."""
    names = _names(people)
    result, derived = [], False
    for cue in cues:
        match = PREFIX.match(cue.text)
        name = names.get(match["name"].strip().casefold()) if match else None
        if name and not cue.speaker:
            result.append(dataclasses.replace(cue, speaker=name, text=match["text"].strip()))
            derived = True
        else:
            result.append(cue)
    return result, derived


def speakers(cues: list[Cue]) -> list[str]:
    """Everyone who speaks, in order of their first cue."""
    seen: list[str] = []
    for cue in cues:
        if cue.speaker and cue.speaker not in seen:
            seen.append(cue.speaker)
    return seen


def webvtt(cues: list[Cue]) -> str:
    """A WebVTT file with a voice tag on every cue whose speaker is known."""
    lines = ["WEBVTT", ""]
    for number, cue in enumerate(cues, start=1):
        text = escape(cue.text, quote=False)  # also turns "-->" into "--&gt;"
        if cue.speaker:
            name = escape(cue.speaker, quote=False).replace(">", "")
            text = f"<v {name}>{text}</v>"
        lines += [str(number), f"{vtt_timestamp(cue.start)} --> {vtt_timestamp(cue.end)}", text, ""]
    return "\n".join(lines)
