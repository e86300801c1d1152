"""Podcasting 2.0 JSON chapters (version 1.2): read, check against the audio, list.

Spec: an object with ``version`` (string) and ``chapters`` (array); each
chapter has ``startTime`` (seconds) and optionally ``title``, ``img``,
``url``, ``toc`` (false = not listed), ``endTime``; sorted by ``startTime``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from knotenpunkt.plugins.content_errors import ContentError
from knotenpunkt.plugins.content_errors.i18n import _

from .textfile import read_named_text
from .timecode import clock

MIME = "application/json+chapters"


@dataclass(frozen=True)
class Chapter:
    start: float
    title: str
    url: str | None = None

    @property
    def label(self) -> str:
        return clock(self.start)


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _web_address(value) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def load_chapters(path: Path, duration: float, source: str, field: str = "Chapters", settings=None):
    """The listed chapters of ``path``; raises ContentError for anything invalid."""

    def problem(message: str, hint: str | None = None) -> ContentError:
        return ContentError(source, field, message, hint)

    shown = path.name
    example = _(
        'Beispiel: {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Begrüßung"}]}'
    )
    text = read_named_text(
        path,
        source,
        field,
        settings,
        _("Die Kapiteldatei „{file}“ gibt es nicht.").format(file=str(path)),
        _(
            "Legen Sie die JSON-Datei in content/audio/ ab und prüfen Sie den Pfad, "
            "z. B. „Chapters: audio/folge-01.chapters.json“."
        ),
    )
    try:
        data = json.loads(text)
    except RecursionError:
        raise problem(
            _("„{file}“ ist zu tief verschachtelt, um gelesen zu werden.").format(file=shown),
            _("Eine Kapiteldatei braucht nur zwei Ebenen: eine Liste „chapters“ mit Kapiteln. ")
            + example,
        ) from None
    except json.JSONDecodeError as exc:
        raise problem(
            _("„{file}“ ist kein gültiges JSON (Zeile {line}, Spalte {column}: {detail}).").format(
                file=shown, line=exc.lineno, column=exc.colno, detail=exc.msg
            ),
            _("Prüfen Sie Kommas, Anführungszeichen und Klammern an dieser Stelle. ") + example,
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        raise problem(
            _("„{file}“ hat kein Feld „version“ (z. B. „1.2.0“).").format(file=shown), example
        )
    items = data.get("chapters")
    if not isinstance(items, list) or not items:
        raise problem(
            _("„{file}“ hat keine Liste „chapters“ mit Kapiteln.").format(file=shown), example
        )
    chapters = []
    previous = -1.0
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not _number(item.get("startTime")):
            raise problem(
                _(
                    "Kapitel {number} in „{file}“ hat keine Startzeit „startTime“ in Sekunden."
                ).format(number=number, file=shown),
                example,
            )
        start = float(item["startTime"])
        if start < 0 or start < previous:
            raise problem(
                _(
                    "Kapitel {number} in „{file}“ beginnt bei {time} – vor dem vorigen Kapitel "
                    "oder vor dem Anfang."
                ).format(number=number, file=shown, time=clock(start)),
                _("Sortieren Sie die Kapitel nach ihrer Startzeit."),
            )
        for key in ("startTime", "endTime"):
            value = item.get(key)
            if value is not None and not _number(value):
                raise problem(
                    _(
                        "Kapitel {number} in „{file}“: „{key}“ muss eine Zahl (Sekunden) sein."
                    ).format(number=number, file=shown, key=key)
                )
            if value is not None and float(value) > duration:
                raise problem(
                    _(
                        "Kapitel {number} in „{file}“ liegt bei {time}, die Aufnahme ist aber nur "
                        "{length} lang."
                    ).format(
                        number=number,
                        file=shown,
                        time=clock(float(value)),
                        length=clock(duration),
                    ),
                    _("Passen Sie die Zeiten an die endgültige Aufnahme an."),
                )
        previous = start
        title = item.get("title")
        if title is not None and not isinstance(title, str):
            raise problem(
                _("Kapitel {number} in „{file}“: „title“ muss Text sein.").format(
                    number=number, file=shown
                )
            )
        if item.get("toc") is False:
            continue
        for key in ("url", "img"):
            value = item.get(key)
            if value is not None and not _web_address(value):
                # Podcast apps turn these into links and images: never javascript: or data:.
                raise problem(
                    _(
                        "Kapitel {number} in „{file}“: „{key}“ ist keine Webadresse, die mit "
                        "https:// oder http:// beginnt."
                    ).format(number=number, file=shown, key=key),
                    _(
                        "Tragen Sie eine vollständige Adresse ein, z. B. "
                        '„"{key}": "https://example.org/"“, oder lassen Sie das Feld weg.'
                    ).format(key=key),
                )
        url = item.get("url") if isinstance(item.get("url"), str) else None
        chapters.append(
            Chapter(start=start, title=title or _("Kapitel {n}").format(n=number), url=url)
        )
    return chapters
