"""Wiring: collect problems during a build and stop it before anything is written."""

from __future__ import annotations

import logging
import sys

from pelican import signals

from . import dates, errors
from .capture import PelicanLogCapture
from .i18n import set_language, translations_dir
from .report import format_report

EXIT_CONTENT_ERRORS = 1

_handler: PelicanLogCapture | None = None


def _not_yet_reported(record: logging.LogRecord) -> bool:
    """Keep Pelican's English log line out of the console once we report it."""
    return not getattr(record, "knotenpunkt_reported", False)


def start_build(pelican) -> None:
    """Begin a fresh collection and listen to Pelican's own log."""
    global _handler
    errors.reset()
    set_language(pelican.settings.get("DEFAULT_LANG", "de"), translations_dir(pelican.settings))
    stop_listening()
    _handler = PelicanLogCapture(pelican.settings["PATH"])
    logging.getLogger("pelican").addHandler(_handler)
    for console_handler in logging.getLogger().handlers:
        console_handler.addFilter(_not_yet_reported)


def stop_listening() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger("pelican").removeHandler(_handler)
        _handler = None


def fail_on_errors(content_root: str | None) -> None:
    """Print every collected problem; exit non-zero if any is an error."""
    collected = errors.current()
    if not len(collected):
        return
    text = format_report(collected.errors, collected.warnings, content_root)
    print(text, file=sys.stderr)
    if collected.errors:
        stop_listening()
        raise SystemExit(EXIT_CONTENT_ERRORS)
    # warnings are shown once; forget them so `finalized` does not repeat them
    errors.reset()


def check_after_reading(generators) -> None:
    content_root = generators[0].settings["PATH"] if generators else None
    fail_on_errors(content_root)


def check_after_writing(pelican) -> None:
    try:
        fail_on_errors(pelican.settings["PATH"])
    finally:
        stop_listening()


def register() -> None:
    dates.install()
    signals.initialized.connect(start_build)
    signals.all_generators_finalized.connect(check_after_reading)
    signals.finalized.connect(check_after_writing)
