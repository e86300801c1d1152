"""A build process that stays alive for ``make devserver``: fast rebuilds, fresh state.

A fresh ``python -m knotenpunkt build`` spends about a second of CPU before
it reads a file: starting Python and importing Pelican, Jinja, Markdown,
lxml, nh3, Pillow and every plugin. The devserver therefore starts this
worker once. It imports all of that, then waits for build requests; each
build runs in a ``fork()`` of the worker. The child starts with everything
imported, yet with exactly the state a fresh process has after its imports:
nothing a build changes (plugin registries, memos, signal receivers, the
content-errors collector, settings) reaches the next build, because it
happens in a child that exits. That is what makes the fast path safe
without resetting each module's state by hand.

After every build the child tells the worker which modules it imported; the
worker imports those it lacks while the member is still typing, so the next
child finds them loaded (the first build after start imports lazily loaded
modules itself, later ones do not).

Protocol: the devserver writes ``build`` lines to the worker's stdin (after a
tab, the JSON list of files the save changed); the
worker answers each with the exit code on the file descriptor given as
``--reply-fd`` (``ready`` first). Reports go to the inherited stdout and
stderr, exactly as a build process writes them. SIGTERM ends a running
build (it cleans up and keeps ``output/`` as it was) and then the worker;
Ctrl-C reaches the build child through the process group, the worker itself
leaves it to the devserver.

A change of settings, plugin or ``knotenpunkt`` code, or the theme's
translations needs new imports: the devserver then starts a new worker
(``DevServer``). If the worker dies, the devserver builds in a fresh
process again and says so.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from . import PROJECT_ROOT, early

#: modules never imported ahead of a build (entry points, test code, side effects)
NOT_PREIMPORTED = ("__main__", "_pytest", "pytest", "antigravity", "this", "idlelib", "tkinter")

_running: dict = {"child": None, "stopping": False}


def preimport(names) -> None:
    """Import what a build will import, so its child does not have to."""
    for name in sorted(names):
        if name in sys.modules or any(
            name == skip or name.startswith(skip + ".") or name.endswith(".__main__")
            for skip in NOT_PREIMPORTED
        ):
            continue
        with contextlib.suppress(Exception):  # only a missed speed-up
            importlib.import_module(name)


def warm_up(settings_file: Path, overrides: dict) -> None:
    """Pelican, the settings' plugins and what they import, before the first build."""
    from pelican import Pelican  # noqa: F401 - imported for the children
    from pelican.settings import read_settings

    from .build import setup_logging

    setup_logging()
    with contextlib.suppress(Exception):  # a broken settings file: the build reports it
        settings = read_settings(str(settings_file), override=dict(overrides))
        preimport(name for name in settings.get("PLUGINS") or () if isinstance(name, str))
        _load_locale_data(settings.get("DEFAULT_LANG") or "de")


def _load_locale_data(language: str) -> None:
    """Babel's locale data (dates, numbers) read once: a pure function of its files."""
    import datetime

    from babel.dates import format_date

    for name in {language.replace("-", "_"), "de", "en"}:
        with contextlib.suppress(Exception):
            format_date(datetime.date(2000, 1, 1), format="long", locale=name)


def _build_in_child(settings_file: Path, output: Path, overrides: dict, modules_to) -> int:
    """Fork, build in the child, return its exit code; the child lists its modules."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: one build, then exit without running anything else
        code = 2
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            from .build import atomic_build

            code = atomic_build(settings_file, output, **overrides).exit_code
            with os.fdopen(write_end, "w", encoding="utf-8") as names:
                names.write("\n".join(sys.modules))
        except BaseException:  # noqa: BLE001 - nothing may escape a forked child
            code = 2
        finally:
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(code)
    os.close(write_end)
    _running["child"] = pid
    with os.fdopen(read_end, "r", encoding="utf-8") as names:
        listed = names.read()
    _pid, status = os.waitpid(pid, 0)
    _running["child"] = None
    modules_to.extend(listed.split())
    return os.waitstatus_to_exitcode(status)


def _on_sigterm(_signum, _frame) -> None:
    child = _running["child"]
    if child is None:
        os._exit(0)
    _running["stopping"] = True
    with contextlib.suppress(ProcessLookupError):
        os.kill(child, signal.SIGTERM)  # it cleans up; the worker ends after it


def serve_builds(settings_file: Path, output: Path, overrides: dict, replies) -> int:
    """Answer build requests on stdin until it closes or SIGTERM arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the devserver decides; children get it
    signal.signal(signal.SIGTERM, _on_sigterm)
    warm_up(settings_file, overrides)
    replies.write("ready\n")
    replies.flush()
    for request in sys.stdin:
        command, _tab, changed = request.rstrip("\n").partition("\t")
        if command.strip() != "build":
            continue
        this_build = dict(overrides)
        with contextlib.suppress(ValueError, TypeError):  # no list: only the order is lost
            this_build[early.CHANGED] = [str(path) for path in json.loads(changed or "[]")]
        imported: list[str] = []
        code = _build_in_child(settings_file, output, this_build, imported)
        if _running["stopping"]:
            return 0
        replies.write(f"{code}\n")
        replies.flush()
        preimport(imported)
    return 0


class BuildWorker:
    """The devserver's handle on a worker process."""

    def __init__(self, arguments: list[str], log=None, env: dict | None = None) -> None:
        """``arguments`` as :func:`main` takes them; ``log``: where reports go
        (default: the devserver's own stdout and stderr)."""
        read_end, write_end = os.pipe()
        try:
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [
                    sys.executable,
                    "-m",
                    "knotenpunkt.worker",
                    "--reply-fd",
                    str(write_end),
                    *arguments,
                ],  # fmt: skip
                cwd=PROJECT_ROOT,
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=subprocess.STDOUT if log is not None else None,
                pass_fds=(write_end,),
                env=env,
            )
        finally:
            os.close(write_end)
        self.replies = os.fdopen(read_end, "r", encoding="utf-8")
        self.ready = False

    def build(self, changed=()) -> int | None:
        """One build's exit code, or None when the worker is gone. ``changed``: the
        paths the save changed, whose pages the preview shows first (``knotenpunkt.early``)."""
        request = "build\t" + json.dumps(sorted(str(path) for path in changed)) + "\n"
        try:
            if not self.ready:
                if self.replies.readline().strip() != "ready":
                    return None
                self.ready = True
            self.process.stdin.write(request.encode("utf-8"))
            self.process.stdin.flush()
            answer = self.replies.readline().strip()
        except (OSError, ValueError):
            return None
        return int(answer) if answer.lstrip("-").isdigit() else None

    def close(self, timeout: float = 20) -> None:
        """End the worker (a running build cleans up first)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        self.replies.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knotenpunkt.worker")
    parser.add_argument("--reply-fd", type=int, required=True)
    parser.add_argument("--settings", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--dev-siteurl", default=None)
    parser.add_argument("--search-after-swap", action="store_true")
    args = parser.parse_args(argv)
    overrides: dict = {}
    if args.content:
        overrides["PATH"] = str(args.content.resolve())
    if args.dev_siteurl:
        overrides["PODCAST_DEV_SITEURL"] = args.dev_siteurl
    if args.search_after_swap:
        overrides["CACHES_SEARCH_AFTER_SWAP"] = True
        overrides[early.SETTING] = True
    with os.fdopen(args.reply_fd, "w", encoding="utf-8") as replies:
        return serve_builds(args.settings, args.output, overrides, replies)


if __name__ == "__main__":
    sys.exit(main())
