"""Wiring: collect problems during a build and stop it before anything is written."""

from __future__ import annotations

import logging
import re
import sys

from pelican import signals

from . import dates, errors
from .capture import PelicanLogCapture
from .i18n import _, set_language, translations_dir
from .lint import lint_content
from .report import format_report
from .settings import DEFAULTS
from .slugs import check_unique_addresses

EXIT_CONTENT_ERRORS = 1

_handler: PelicanLogCapture | None = None


def _not_yet_reported(record: logging.LogRecord) -> bool:
    """Keep Pelican's English log line out of the console once we report it."""
    return not getattr(record, "knotenpunkt_reported", False)


def start_build(pelican) -> None:
    """Begin a fresh collection, read the raw files, and listen to Pelican's log."""
    global _handler
    collector = errors.reset()
    set_language(pelican.settings.get("DEFAULT_LANG", "de"), translations_dir(pelican.settings))
    stop_listening()
    collector.claiming = True
    try:
        check_production_settings(pelican.settings)
        lint_content(pelican.settings)
    finally:
        collector.claiming = False
    _handler = PelicanLogCapture(pelican.settings["PATH"])
    logging.getLogger("pelican").addHandler(_handler)
    for console_handler in logging.getLogger().handlers:
        console_handler.addFilter(_not_yet_reported)


def check_production_settings(settings: dict) -> None:
    """A production build needs the site's public address to write absolute links."""
    if not settings.get("CONTENT_PRODUCTION", DEFAULTS["CONTENT_PRODUCTION"]):
        return
    site_url = settings.get("SITEURL") or ""
    if not re.match(r"^https?://[^/\s]+", site_url):
        errors.report(
            errors.ContentError(
                "publishconf.py",
                "SITEURL",
                _("„{value}“ ist keine vollständige Internetadresse.").format(value=site_url),
                _(
                    "Setzen Sie SITEURL in publishconf.py oder als Umgebungsvariable, "
                    "z. B. SITEURL=https://netzwerk.example.org"
                ),
            )
        )


def stop_listening() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger("pelican").removeHandler(_handler)
        _handler = None


def fail_on_errors(content_root: str | None) -> None:
    """Print every problem not shown yet; exit non-zero if there is any error."""
    collected = errors.current()
    new_errors, new_warnings = collected.unshown()
    if new_errors or new_warnings:
        print(format_report(new_errors, new_warnings, content_root), file=sys.stderr)
    if collected.errors:
        stop_listening()
        raise SystemExit(EXIT_CONTENT_ERRORS)


def check_after_reading(generators) -> None:
    check_unique_addresses(generators)
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
