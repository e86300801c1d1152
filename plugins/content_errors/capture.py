"""Turns the problems Pelican only logs into content errors.

Pelican logs a file it cannot read and carries on without it. For a member
that means a page silently missing from the site, so this handler records
such log messages as content errors instead, and the build stops.
"""

from __future__ import annotations

import datetime
import logging
import os
import sys

from .dates import DateFormatError, ImpossibleDateError
from .errors import ERROR, WARNING, ContentError, report
from .i18n import _, current_language
from .lint import decode, encoding_error


def decode_error(raw: bytes) -> UnicodeDecodeError | None:
    try:
        decode(raw)
    except UnicodeDecodeError as exc:
        return exc
    return None


MANDATORY_FIELD_HINTS = {
    "title": "Title: Ein aussagekräftiger Titel",
    "date": "Date: 2026-03-01",
}


def _source(value: object, content_root: str) -> str:
    path = getattr(value, "source_path", None) or str(value)
    if content_root and not os.path.isabs(path):
        path = os.path.join(content_root, path)
    return path


def explain_exception(path: str, exc: BaseException) -> ContentError:
    """A member-readable error for an exception raised while reading a file."""
    if isinstance(exc, ContentError):
        return exc
    if isinstance(exc, UnicodeDecodeError):
        try:
            raw = open(path, "rb").read()  # noqa: SIM115
            return encoding_error(path, raw, decode_error(raw) or exc)
        except OSError:
            pass
        return ContentError(
            path,
            None,
            _("Die Datei ist nicht als UTF-8 gespeichert und kann nicht gelesen werden."),
            _("Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."),
        )
    if isinstance(exc, ImpossibleDateError):
        return impossible_date(path, exc)
    if isinstance(exc, DateFormatError):
        return ContentError(
            path,
            exc.field,
            _("„{value}“ ist kein gültiges Datum.").format(value=exc.value),
            _(
                "Schreiben Sie das Datum als Jahr-Monat-Tag, z. B. „{field}: 2026-03-01“ "
                "oder „{field}: 2026-03-01 10:00“."
            ).format(field=exc.field),
        )
    text = str(exc).strip() or exc.__class__.__name__
    return ContentError(
        path,
        None,
        _("Die Datei konnte nicht gelesen werden ({detail}).").format(detail=text),
        _("Prüfen Sie die Kopfzeilen (Feld: Wert) am Anfang der Datei."),
    )


def impossible_date(path: str, exc: ImpossibleDateError) -> ContentError:
    """„Den 31. Februar 2026 gibt es nicht“: the notation was right, the day is not."""
    from babel.dates import format_date

    days = exc.days_in_month
    if days is None:
        message = _("Einen {month}. Monat gibt es nicht („{value}“).").format(
            month=exc.month, value=exc.value
        )
        hint = _(
            "Prüfen Sie, ob Tag und Monat vertauscht sind: Schreiben Sie Jahr-Monat-Tag "
            "(„{field}: 2026-03-01“) oder Tag.Monat.Jahr („{field}: 1.3.2026“)."
        ).format(field=exc.field)
    else:
        month = format_date(
            datetime.date(exc.year, exc.month, 1), "MMMM", locale=current_language()
        )
        message = _("Den {day}. {month} {year} gibt es nicht.").format(
            day=exc.day, month=month, year=exc.year
        )
        hint = _("Der {month} {year} hat {days} Tage. Prüfen Sie Tag und Monat.").format(
            month=month, year=exc.year, days=days
        )
    return ContentError(path, exc.field, message, hint)


class PelicanLogCapture(logging.Handler):
    """Collects Pelican's error (and selected warning) log records as problems."""

    def __init__(self, content_root: str) -> None:
        super().__init__(level=logging.WARNING)
        self.content_root = content_root

    def emit(self, record: logging.LogRecord) -> None:
        try:
            problem = self.translate(record)
        except Exception:  # never let reporting itself crash the build
            problem = None
        if problem is not None:
            report(problem)
            record.knotenpunkt_reported = True

    def translate(self, record: logging.LogRecord) -> ContentError | None:
        template = record.msg if isinstance(record.msg, str) else ""
        args = record.args if isinstance(record.args, tuple) else ()
        if template.startswith("Could not process") and args:
            exc = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
            path = _source(args[0], self.content_root)
            if exc is None:
                return ContentError(path, None, _("Die Datei konnte nicht gelesen werden."))
            return explain_exception(path, exc)
        if template.startswith("Skipping %s: could not find information about") and args:
            field = str(args[1])
            return ContentError(
                _source(args[0], self.content_root),
                field.capitalize(),
                _("Dieses Pflichtfeld fehlt."),
                _("Ergänzen Sie am Anfang der Datei eine Zeile wie „{example}“.").format(
                    example=MANDATORY_FIELD_HINTS.get(field, field.capitalize() + ": …")
                ),
            )
        if template.startswith("Duplicate definition of") and len(args) >= 2:
            # the raw pass names both lines already (and claims the field)
            return ContentError(
                _source(args[1], self.content_root),
                str(args[0]).capitalize(),
                _("Dieses Feld steht doppelt in der Datei."),
                _("Löschen Sie eine der beiden Zeilen."),
            )
        if template.startswith("Unknown status") and len(args) >= 2:
            return ContentError(
                _source(args[1], self.content_root),
                "Status",
                _("„{value}“ ist kein gültiger Status.").format(value=args[0]),
                _("Erlaubt sind „published“, „draft“ und „hidden“."),
            )
        if template.startswith("Unable to find") and args:
            return ContentError(
                str(args[0]),
                None,
                _("Ein Link oder Bild zeigt auf eine Datei, die es nicht gibt."),
                _("Prüfen Sie Schreibweise und Groß-/Kleinschreibung des Pfads."),
                severity=WARNING,
            )
        if record.levelno >= logging.ERROR:
            return ContentError(
                "pelican",
                None,
                record.getMessage(),
                severity=ERROR,
            )
        return None
