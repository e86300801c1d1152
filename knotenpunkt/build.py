"""Running Pelican in-process: atomic builds into output/, and content checks.

A build writes into a hidden temporary folder next to ``output/`` and swaps
it in by renaming only when Pelican finished without a content error. A
failed, interrupted or killed build therefore leaves the previous site in
``output/`` exactly as it was, and no half-written folder behind.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from content_errors.i18n import _, ngettext

from . import plugins_on_path, use_site_language

EXIT_OK = 0
EXIT_CONTENT_ERRORS = 1
EXIT_INTERNAL_ERROR = 2

BUILDING = ".{name}.building-"
RETIRED = ".{name}.old-"


class BuildInterrupted(Exception):
    """The build was stopped from outside (Ctrl-C, ``kill``)."""


@dataclass
class Outcome:
    exit_code: int
    errors: int = 0
    warnings: int = 0


def setup_logging() -> None:
    """Pelican's warnings on the console; our reports are printed by content_errors."""
    from pelican.log import init

    init(level=logging.WARNING)


def run_pelican(settings_file: Path, output: Path, **overrides) -> Outcome:
    """One Pelican run in this process; content errors never become tracebacks."""
    plugins_on_path()
    from pelican import Pelican
    from pelican.settings import read_settings

    from content_errors import errors
    from content_errors.report import format_report

    override = {"OUTPUT_PATH": str(output), **overrides}
    errors.reset()
    try:
        settings = read_settings(str(settings_file), override=override)
        use_site_language(settings)
        Pelican(settings).run()
        code = EXIT_OK
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else EXIT_CONTENT_ERRORS
    except errors.ContentError as problem:  # a plugin raised instead of reporting
        errors.report(problem)
        print(format_report(*errors.current().unshown()), file=sys.stderr)
        code = EXIT_CONTENT_ERRORS
    except (KeyboardInterrupt, BuildInterrupted):
        raise
    except Exception as exc:  # a bug in Knotenpunkt, not in the content
        if os.environ.get("KNOTENPUNKT_DEBUG"):
            raise
        print(
            _(
                "Interner Fehler beim Bauen der Website ({error}).\n"
                "Das liegt nicht an Ihren Inhalten. Bitte melden Sie diesen Fehler "
                "(mit dieser Meldung) an die Betreuer:innen der Website.\n"
                "Mit KNOTENPUNKT_DEBUG=1 wird der vollständige Ablauf angezeigt."
            ).format(error=f"{exc.__class__.__name__}: {str(exc).strip()[:300]}"),
            file=sys.stderr,
        )
        code = EXIT_INTERNAL_ERROR
    collected = errors.current()
    return Outcome(code, len(collected.errors), len(collected.warnings))


def _remove_leftovers(output: Path) -> None:
    """Temporary folders of builds that were killed before they could clean up."""
    for prefix in (BUILDING, RETIRED):
        for stale in output.parent.glob(prefix.format(name=output.name) + "*"):
            shutil.rmtree(stale, ignore_errors=True)


def _raise_interrupted(signum, _frame):
    raise BuildInterrupted(signum)


def swap_in(fresh: Path, output: Path) -> None:
    """Replace ``output`` by ``fresh`` with two renames on the same file system."""
    if output.exists():
        retired = output.parent / (RETIRED.format(name=output.name) + str(os.getpid()))
        os.rename(output, retired)
        os.rename(fresh, output)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.rename(fresh, output)


def atomic_build(settings_file: Path, output: Path, **overrides) -> Outcome:
    """Build into a temporary folder next to ``output`` and swap it in on success."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(output)
    building = output.parent / (BUILDING.format(name=output.name) + str(os.getpid()))
    building.mkdir()
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _raise_interrupted)
    except ValueError:  # not the main thread (tests): Ctrl-C still cleans up
        previous = None
    try:
        outcome = run_pelican(settings_file, building, **overrides)
        if outcome.exit_code == EXIT_OK:
            swap_in(building, output)
        return outcome
    except (KeyboardInterrupt, BuildInterrupted):
        print(_("Abgebrochen: output/ bleibt unverändert."), file=sys.stderr)
        return Outcome(130)
    finally:
        shutil.rmtree(building, ignore_errors=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def summary(outcome: Outcome) -> str:
    """``1 Fehler, 2 Hinweise`` in the site's language."""
    errors = ngettext("{count} Fehler", "{count} Fehler", outcome.errors)
    warnings = ngettext("{count} Hinweis", "{count} Hinweise", outcome.warnings)
    return f"{errors.format(count=outcome.errors)}, {warnings.format(count=outcome.warnings)}"


def report_to_ci(content_root: str) -> None:
    """GitHub annotations or a GitLab Code Quality report when running in CI."""
    from content_errors import ci, errors

    collected = errors.current()
    ci.report_to_ci([*collected.errors, *collected.warnings], content_root)


def check(settings_file: Path, *, strict: bool = False, **overrides) -> Outcome:
    """Build into a throw-away folder and report every problem with a count."""
    with tempfile.TemporaryDirectory(prefix="knotenpunkt-check-") as scratch:
        outcome = run_pelican(settings_file, Path(scratch) / "output", **overrides)
    report_to_ci(overrides.get("PATH") or str(Path(settings_file).resolve().parent / "content"))
    if outcome.exit_code == EXIT_INTERNAL_ERROR:
        return outcome
    if outcome.errors:
        verdict = _("Prüfung fehlgeschlagen")
    elif outcome.warnings and strict:
        verdict = _("Prüfung fehlgeschlagen (streng: Hinweise zählen als Fehler)")
    elif outcome.warnings:
        verdict = _("Prüfung bestanden, bitte die Hinweise ansehen")
    else:
        verdict = _("Alles in Ordnung")
    print(f"{verdict}: {summary(outcome)}.", file=sys.stderr)
    failed = outcome.errors or (strict and outcome.warnings) or outcome.exit_code
    outcome.exit_code = EXIT_CONTENT_ERRORS if failed else EXIT_OK
    return outcome
