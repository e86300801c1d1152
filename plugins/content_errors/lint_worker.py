"""The raw-file pass (``lint.py``) on the machine's second core while Pelican reads.

The pass reads every file below ``PATH`` on its own and only reports, so it
can run in a forked process while this one reads and renders Markdown. The
build's collector holds back what is reported meanwhile
(:meth:`errors.ProblemCollector.defer`) and, the first time anything asks
it for its state (the members generator, the checks after reading), takes
over the pass's problems, claims and unread headers and then files the
held reports: the same result as running the pass first, here.

Only where forking is safe and cheap: Linux, one thread (a test server or
devserver thread in the same process could hold a lock across the fork),
and ``CONTENT_LINT_IN_PARALLEL`` on. If the other process fails for any
reason, the pass runs here after all.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import tempfile
import threading

from . import errors
from .lint import lint_content
from .settings import setting


def usable(settings) -> bool:
    return (
        bool(setting(settings, "CONTENT_LINT_IN_PARALLEL"))
        and sys.platform == "linux"
        and threading.active_count() == 1
    )


def run_pass(settings, collector: errors.ProblemCollector) -> None:
    """The pass as the build runs it: what it reports claims the field."""
    collector.claiming = True
    try:
        lint_content(settings)
    finally:
        collector.claiming = False


class Pending:
    """A pass running in process ``pid``; its state arrives in file ``path``."""

    def __init__(self, pid: int, path: str, settings) -> None:
        self.pid = pid
        self.path = path
        self.settings = settings

    def result(self) -> dict | None:
        """Wait for the process; its collector's state, or None if it failed."""
        try:
            _pid, status = os.waitpid(self.pid, 0)
            if status != 0:
                return None
            with open(self.path, "rb") as stored:
                return pickle.load(stored)
        except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError):
            return None
        finally:
            self._remove()

    def run_here(self, collector: errors.ProblemCollector) -> None:
        run_pass(self.settings, collector)

    def cancel(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        self._remove()

    def _remove(self) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.path)


def _child(settings, collector: errors.ProblemCollector, path: str) -> None:
    code = 1
    try:
        run_pass(settings, collector)
        with open(path, "wb") as stored:
            pickle.dump(collector.export(), stored, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    except BaseException:  # noqa: BLE001, S110 - the parent runs the pass itself then
        pass
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers


def start(settings, collector: errors.ProblemCollector) -> bool:
    """Run the pass in a forked process for ``collector``; False: run it here."""
    if not usable(settings):
        return False
    handle, path = tempfile.mkstemp(prefix="knotenpunkt-lint-", suffix=".pickle")
    os.close(handle)
    sys.stdout.flush(), sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        os.unlink(path)
        return False
    if pid == 0:
        _child(settings, collector, path)
    collector.defer(Pending(pid, path, settings))
    return True
