"""Wiring: collect problems during a build and stop it before anything is written."""

from __future__ import annotations

import logging
import os
import sys

from pelican import signals

from . import errors, guarded_reader
from .capture import PelicanLogCapture
from .i18n import _, set_language, translations_dir
from .lint import lint_content
from .metadata import check_content_metadata
from .publishing import check_production_settings
from .report import format_report
from .settings import setting
from .slugs import check_unique_addresses
from .static_files import filter_static_files
from .writer import guarded_writer

EXIT_CONTENT_ERRORS = 1
# Set by `make devserver` to the settings file: errors then pause the preview
# until the next save instead of ending it.
DEVSERVER_ENV = "KNOTENPUNKT_DEVSERVER"

_handler: PelicanLogCapture | None = None


def _not_yet_reported(record: logging.LogRecord) -> bool:
    """Keep Pelican's English log line out of the console once we report it."""
    return not getattr(record, "knotenpunkt_reported", False)


_run_context: dict | None = None


def start_run(generator) -> None:
    """Start a fresh collection when the first generator of a build is created.

    Pelican sends ``initialized`` once per Pelican object, but ``make
    devserver`` runs many builds with one object; every build creates a new
    shared context, so a new context is a new build.
    """
    global _run_context
    if generator.context is _run_context:
        return
    _run_context = generator.context
    start_build(generator.settings)


def start_build(settings) -> None:
    """Begin a fresh collection, read the raw files, and listen to Pelican's log."""
    global _handler
    collector = errors.reset()
    guarded_reader.forget_roots()
    set_language(settings.get("DEFAULT_LANG", "de"), translations_dir(settings))
    stop_listening()
    collector.claiming = True
    try:
        if setting(settings, "CONTENT_PRODUCTION"):
            check_production_settings(settings, errors.report)
        lint_content(settings)
    finally:
        collector.claiming = False
    _handler = PelicanLogCapture(settings["PATH"])
    logging.getLogger("pelican").addHandler(_handler)
    for console_handler in logging.getLogger().handlers:
        console_handler.addFilter(_not_yet_reported)


def stop_listening() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger("pelican").removeHandler(_handler)
        _handler = None


class WaitingForFixes(Exception):  # noqa: N818 - read by members in Pelican's log line
    """Ends one devserver round after content errors; Pelican then rebuilds."""


def wait_in_devserver(settings) -> None:
    """In ``make devserver``, keep serving the last good site until a file is saved.

    Exiting would stop the preview, and raising at once would make Pelican's
    reload loop rebuild the same broken content again and again. So the
    preview waits for the next change and only then hands control back.
    """
    settings_file = os.environ.get(DEVSERVER_ENV)
    if not settings_file:
        return
    from pelican.utils import wait_for_changes

    print(
        _(
            "Die Vorschau zeigt weiter den letzten fehlerfreien Stand. "
            "Sobald Sie eine Datei speichern, wird neu gebaut."
        ),
        file=sys.stderr,
    )
    wait_for_changes(settings_file, settings)
    raise WaitingForFixes(_("Neu bauen nach Ihrer Änderung …"))


def fail_on_errors(content_root: str | None, settings=None) -> None:
    """Print every problem not shown yet; exit non-zero if there is any error."""
    collected = errors.current()
    new_errors, new_warnings = collected.unshown()
    if new_errors or new_warnings:
        checking = bool(settings and setting(settings, "CONTENT_CHECK_ONLY"))
        print(
            format_report(new_errors, new_warnings, content_root, checking=checking),
            file=sys.stderr,
        )
    if collected.errors:
        stop_listening()
        if settings is not None:
            wait_in_devserver(settings)
        raise SystemExit(EXIT_CONTENT_ERRORS)


def check_after_reading(generators) -> None:
    check_content_metadata(generators)
    check_unique_addresses(generators)
    settings = generators[0].settings if generators else None
    fail_on_errors(settings["PATH"] if settings else None, settings)


def check_after_writing(pelican) -> None:
    try:
        fail_on_errors(pelican.settings["PATH"], pelican.settings)
    finally:
        stop_listening()


def register() -> None:
    signals.generator_init.connect(start_run)
    signals.all_generators_finalized.connect(check_after_reading)
    signals.finalized.connect(check_after_writing)
    guarded_reader.register()
    signals.static_generator_finalized.connect(filter_static_files)
    signals.get_writer.connect(guarded_writer)
