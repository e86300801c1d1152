"""Running Pelican in-process: atomic builds into output/, and content checks.

A build writes into a hidden temporary folder next to ``output/`` and swaps
it in only when Pelican finished without a content error. A failed,
interrupted or killed build therefore leaves the previous site in ``output/``
exactly as it was, and no half-written folder behind.

Three more guarantees (docs/security.md, "Builds"):

- *Exclusive*: builds into the same folder hold a lock on it, so a second
  ``make html`` waits for the first instead of mixing two half sites.
- *Never without a site*: on Linux the swap is one atomic exchange of the
  two folders (``renameat2(RENAME_EXCHANGE)``). Elsewhere it is two renames;
  if the build is killed between them, the next build first puts the
  previous site back, so no later failure can delete the only copy.
- *Interruptions are not content errors*: Ctrl-C and SIGTERM end the build
  with "Abgebrochen", never blamed on the file being read at that moment.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import io
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import blinker

from knotenpunkt.plugins.content_errors.i18n import _, ngettext

from . import early as early_pages
from . import use_site_language

EXIT_OK = 0
EXIT_CONTENT_ERRORS = 1
EXIT_INTERNAL_ERROR = 2
EXIT_INTERRUPTED = 130

BUILDING = ".{name}.building-"
RETIRED = ".{name}.old-"
#: the cache's folder of replaced sites still being deleted (development builds)
RETIRED_SITES = "retired-sites"

#: sent with the output folder once a build is in place; a receiver returns
#: False when its work failed. The devserver's builds index the search there
#: (``caches.search_index.finish_after_swap``), so the preview need not wait.
published = blinker.signal("knotenpunkt.published")


class BuildInterrupted(BaseException):  # noqa: N818 - like KeyboardInterrupt
    """The build was stopped from outside (``kill``, SIGTERM).

    A ``BaseException`` like ``KeyboardInterrupt``: Pelican catches
    ``Exception`` around every file it reads and would report the signal as
    a broken content file.
    """


@dataclass
class Outcome:
    exit_code: int
    errors: int = 0
    warnings: int = 0
    #: one German line: what the build contains (members, posts, episodes, pages)
    built: str = ""
    #: where the replaced site is deleted in the background (development builds), or None
    retire_into: str | None = None


class _WithoutPelicanSummary(io.TextIOBase):
    """stdout without Pelican's English "Done: Processed …" line.

    That line counts published podcast episodes as "hidden articles" and
    speaks English; :func:`built_summary` says what was built instead.
    Everything else (plugins' own output included) passes through at once.
    """

    def __init__(self, target) -> None:
        self.target = target

    def write(self, text: str) -> int:
        if text.lstrip().startswith("Done: Processed"):
            return len(text)
        return self.target.write(text)

    def flush(self) -> None:
        self.target.flush()


def built_summary(context: dict) -> str:
    """``Gebaut: 12 Mitglieder, 8 Blogbeiträge, 4 Podcastfolgen, 6 Seiten, 4 Termine.``

    Dates and groups are named only when the site has some.
    """

    def count(key: str) -> int:
        return len(context.get(key) or ())

    forms = [
        ("members", ngettext("{count} Mitglied", "{count} Mitglieder", count("members"))),
        ("articles", ngettext("{count} Blogbeitrag", "{count} Blogbeiträge", count("articles"))),
        (
            "podcast_episodes",
            ngettext("{count} Podcastfolge", "{count} Podcastfolgen", count("podcast_episodes")),
        ),
        ("pages", ngettext("{count} Seite", "{count} Seiten", count("pages"))),
    ]
    if count("dates"):
        forms.append(("dates", ngettext("{count} Termin", "{count} Termine", count("dates"))))
    if count("network_groups"):
        forms.append(
            (
                "network_groups",
                ngettext("{count} Gruppe", "{count} Gruppen", count("network_groups")),
            )
        )
    shown = ", ".join(form.format(count=count(key)) for key, form in forms)
    return _("Gebaut: {parts}.").format(parts=shown)


def setup_logging() -> None:
    """Pelican's warnings on the console; our reports are printed by content_errors."""
    from pelican.log import init

    init(level=logging.WARNING)


def run_pelican(settings_file: Path, output: Path, **overrides) -> Outcome:
    """One Pelican run in this process; content errors never become tracebacks."""
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    from knotenpunkt.plugins.content_errors import errors
    from knotenpunkt.plugins.content_errors.report import format_report

    override = {"OUTPUT_PATH": str(output), **overrides}
    errors.reset()
    contexts: list[dict] = []
    retire_into = None

    def remember_context(generators) -> None:
        if generators:
            contexts.append(generators[0].context)

    signals.all_generators_finalized.connect(remember_context)
    try:
        settings = read_settings(str(settings_file), override=override)
        use_site_language(settings)
        if settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE"):
            retire_into = os.path.join(settings["CACHE_PATH"], RETIRED_SITES)
        with contextlib.redirect_stdout(_WithoutPelicanSummary(sys.stdout)):
            Pelican(settings).run()
        code = EXIT_OK
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else EXIT_CONTENT_ERRORS
    except errors.ContentError as problem:  # a plugin raised instead of reporting
        errors.report(problem)
        checking = bool(overrides.get("CONTENT_CHECK_ONLY"))
        print(format_report(*errors.current().unshown(), checking=checking), file=sys.stderr)
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
    finally:
        signals.all_generators_finalized.disconnect(remember_context)
    collected = errors.current()
    built = built_summary(contexts[-1]) if contexts and code == EXIT_OK else ""
    return Outcome(code, len(collected.errors), len(collected.warnings), built, retire_into)


def _recover_and_clean(output: Path) -> None:
    """Put a previous site back if a build died mid-swap, then drop temporary folders.

    Runs under the build lock, so no other build's folder is touched.
    """
    retired = sorted(
        output.parent.glob(RETIRED.format(name=output.name) + "*"),
        key=lambda folder: folder.stat().st_mtime,
    )
    if retired and not output.exists():
        os.rename(retired.pop(), output)
    for prefix in (BUILDING, RETIRED, early_pages.ASIDE):
        for stale in output.parent.glob(prefix.format(name=output.name) + "*"):
            shutil.rmtree(stale, ignore_errors=True)


def _raise_interrupted(signum, _frame):
    raise BuildInterrupted(signum)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGTERM ends the build like Ctrl-C does (in the main thread only)."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_interrupted)
    except ValueError:  # not the main thread (tests): Ctrl-C still cleans up
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold the build lock of ``folder``; a second build waits here with a message.

    The lock is ``flock`` on the folder itself: no lock file to leave behind,
    and the kernel releases it when a build dies.
    """
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                _(
                    "Ein anderer Build schreibt gerade in {folder}. "
                    "Dieser Build wartet, bis er fertig ist …"
                ).format(folder=folder),
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def exchange_folders(first: Path, second: Path) -> None:
    """Swap two folders: ``second`` has ``first``'s content and the other way round.

    One atomic step where the system allows it, else three renames.
    """
    if not _exchange(first, second):
        parked = first.with_name(first.name + ".parked")
        os.rename(second, parked)
        os.rename(first, second)
        os.rename(parked, first)


def swap_in(fresh: Path, output: Path, retire_into: str | None = None) -> None:
    """Replace ``output`` by ``fresh`` so that ``output`` is never missing.

    The replaced site is deleted; with ``retire_into`` (a folder of the
    development cache) it is moved there and deleted by a background process,
    so the build does not wait for thousands of files to be unlinked.
    """
    if not output.exists():
        os.rename(fresh, output)
    elif _exchange(fresh, output):
        delete_tree(fresh, retire_into)  # now holds the previous site
    else:
        retired = output.parent / (RETIRED.format(name=output.name) + str(os.getpid()))
        os.rename(output, retired)
        os.rename(fresh, output)  # a kill before this line: _recover_and_clean
        delete_tree(retired, retire_into)


#: run by the background deleter: holds a lock on the folder while deleting it
_DELETER = (
    "import fcntl, os, shutil, sys\n"
    "handle = os.open(sys.argv[1], os.O_RDONLY)\n"
    "fcntl.flock(handle, fcntl.LOCK_EX)\n"
    "shutil.rmtree(sys.argv[1], ignore_errors=True)\n"
)


def delete_tree(folder: Path, retire_into: str | None) -> None:
    """Delete ``folder``, in the background when a retirement folder is given."""
    if retire_into:
        trash = Path(retire_into)
        target = trash / f"{os.getpid()}-{time.time_ns()}"
        try:
            trash.mkdir(parents=True, exist_ok=True)
            os.rename(folder, target)
        except OSError:  # another file system: delete it here
            shutil.rmtree(folder, ignore_errors=True)
            return
        _delete_in_background(target)
        return
    shutil.rmtree(folder, ignore_errors=True)


def _delete_in_background(folder: Path) -> None:
    try:
        subprocess.Popen(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", _DELETER, str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # survives the build and the devserver's Ctrl-C
            close_fds=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def resume_deleting(retire_into: str | None) -> None:
    """Replaced sites a background deleter did not finish (it was killed) are deleted again.

    A folder whose deleter still runs is locked and left to it.
    """
    if not retire_into or not os.path.isdir(retire_into):
        return
    for entry in Path(retire_into).iterdir():
        try:
            handle = os.open(entry, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # being deleted
        finally:
            os.close(handle)
        _delete_in_background(entry)


def unwritable(folder: Path, problem: OSError) -> Outcome:
    print(
        _(
            "In den Ordner {folder} kann nicht geschrieben werden ({error}). "
            "Prüfen Sie die Schreibrechte oder bauen Sie mit --output in einen anderen Ordner."
        ).format(folder=folder, error=problem.strerror or problem),
        file=sys.stderr,
    )
    return Outcome(EXIT_INTERNAL_ERROR)


def atomic_build(settings_file: Path, output: Path, **overrides) -> Outcome:
    """Build into a temporary folder next to ``output`` and swap it in on success."""
    output = output.resolve()
    building = output.parent / (BUILDING.format(name=output.name) + str(os.getpid()))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with exclusive(output.parent), interruptible():
            _recover_and_clean(output)
            building.mkdir()
            early = None
            if overrides.get(early_pages.SETTING) and output.is_dir():
                early = early_pages.EarlyPages(
                    building, output, overrides.get(early_pages.CHANGED) or ()
                )
            swapped = False
            try:
                # unchanged pages are taken from the current site (caches.pages)
                overrides = {"CACHES_PREVIOUS_OUTPUT": str(output), **overrides}
                with early or contextlib.nullcontext():
                    outcome = run_pelican(settings_file, building, **overrides)
                resume_deleting(outcome.retire_into)
                if outcome.exit_code == EXIT_OK:
                    swap_in(building, output, outcome.retire_into)
                    swapped = True
                    print(outcome.built, file=sys.stderr, flush=True)
                    if not all(done for _receiver, done in published.send(output)):
                        outcome.exit_code = EXIT_INTERNAL_ERROR
                return outcome
            finally:
                if early is not None:
                    early.discard() if swapped else early.undo()
                shutil.rmtree(building, ignore_errors=True)
    except (KeyboardInterrupt, BuildInterrupted):
        print(_("Abgebrochen: output/ bleibt unverändert."), file=sys.stderr)
        return Outcome(EXIT_INTERRUPTED)
    except OSError as problem:  # pelican's own errors are handled in run_pelican
        return unwritable(output.parent, problem)


def summary(outcome: Outcome) -> str:
    """``1 Fehler, 2 Hinweise`` in the site's language."""
    errors = ngettext("{count} Fehler", "{count} Fehler", outcome.errors)
    warnings = ngettext("{count} Hinweis", "{count} Hinweise", outcome.warnings)
    return f"{errors.format(count=outcome.errors)}, {warnings.format(count=outcome.warnings)}"


def report_to_ci(content_root: str) -> None:
    """GitHub annotations or a GitLab Code Quality report when running in CI."""
    from knotenpunkt.plugins.content_errors import ci, errors

    collected = errors.current()
    ci.report_to_ci([*collected.errors, *collected.warnings], content_root)


def check(settings_file: Path, *, strict: bool = False, **overrides) -> Outcome:
    """Build into a throw-away folder and report every problem with a count."""
    try:
        with interruptible(), tempfile.TemporaryDirectory(prefix="knotenpunkt-check-") as scratch:
            outcome = run_pelican(
                settings_file,
                Path(scratch) / "output",
                # nothing is published, but everything publishing would refuse in
                # the content is reported: the Impressum must be complete
                **{"CONTENT_CHECK_ONLY": True, "LEGAL_REQUIRE_COMPLETE": True, **overrides},
            )
    except (KeyboardInterrupt, BuildInterrupted):
        print(_("Abgebrochen."), file=sys.stderr)
        return Outcome(EXIT_INTERRUPTED)
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
