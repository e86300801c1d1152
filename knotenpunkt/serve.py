"""The local preview server behind ``make serve`` and ``make devserver``.

It behaves like the static web host the site is published on, because podcast
apps and browsers depend on that: byte ranges (``206 Partial Content``,
``Accept-Ranges: bytes``, ``416`` for a range past the end), ``HEAD``,
conditional requests, the site's own ``404.html`` for unknown addresses, and
the MIME types hosts are asked to use (``text/vtt``, chapters as
``application/json+chapters``, ``audio/mpeg`` …). Chromium can only seek in
audio served with byte ranges, so without them a chapter link does nothing.

The HTTP side is Werkzeug's (request parsing, ranges, ETags, the threaded
server); this module only maps addresses to files below the output folder.

``make devserver`` (:func:`devserver`) serves the same way while it rebuilds
the site whenever content, theme, plugins or settings change (watchfiles):
in a long-lived worker process that forks a fresh-state child per build
(:mod:`knotenpunkt.worker`; restarted when anything but content changes, and
replaced by a fresh process per build if it dies). Each rebuild is atomic,
so the preview shows the last good site until a mistake is fixed; the
search index follows a second or two after the site. A page the save changed
is served as soon as it is written (:mod:`knotenpunkt.early`), and an open
page reloads itself in the browser once it has changed
(:mod:`knotenpunkt.reload`). Ctrl-C or SIGTERM ends the server, the watcher,
the worker and a running build.
"""

from __future__ import annotations

import mimetypes
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.security import safe_join
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.utils import redirect, send_file
from werkzeug.wrappers import Request, Response

from . import PROJECT_ROOT, reload
from .reload import LiveReload
from .worker import BuildWorker

# What hosts should send for the files a podcast site publishes. Fixed here
# rather than read from the machine's /etc/mime.types, so every machine serves
# the same types. Longest suffix first: "x.chapters.json" is chapters, "x.json" JSON.
MIME_TYPES = {
    ".chapters.json": "application/json+chapters",  # Podcasting 2.0 chapters
    ".json": "application/json",
    ".vtt": "text/vtt",
    ".srt": "application/x-subrip",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".mp4": "video/mp4",
    ".opus": "audio/ogg",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".ics": "text/calendar",
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
}
NOT_FOUND_PAGE = "404.html"
ALLOWED_METHODS = ("GET", "HEAD")


def mime_type(name: str) -> str:
    """The Content-Type for a file name, as a well-configured host sends it."""
    lowered = name.lower()
    for suffix in sorted(MIME_TYPES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return MIME_TYPES[suffix]
    guessed, _encoding = mimetypes.guess_type(lowered)
    return guessed or "application/octet-stream"


def preview_url(bind: str, port: int) -> str:
    """The address a browser or podcast app on this machine uses for the preview."""
    host = bind if bind and bind not in ("0.0.0.0", "::") else "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


class StaticSite:
    """A WSGI application serving a built site folder the way a static host does."""

    def __init__(self, root: str | os.PathLike, live_reload: LiveReload | None = None) -> None:
        # Kept as a path, not opened: an atomic rebuild swaps a new folder in
        # under the same name, and the next request sees it.
        self.root = os.fspath(root)
        #: the devserver's reloading pages (knotenpunkt.reload); None for `make serve`
        self.live_reload = live_reload

    def __call__(self, environ, start_response):
        request = Request(environ)
        try:
            response = self.respond(request)
        except HTTPException as problem:  # e.g. 416 Range Not Satisfiable
            response = problem.get_response(environ)
        return response(environ, start_response)

    def joined(self, url_path: str) -> str | None:
        """The path below the site an address names; None outside the site."""
        relative = url_path.lstrip("/")
        return safe_join(self.root, relative) if relative else self.root

    def file_for(self, url_path: str) -> str | None:
        """The file an address is served from (it may not exist); None outside the site."""
        target = self.joined(url_path)
        if target is not None and (url_path.endswith("/") or os.path.isdir(target)):
            target = os.path.join(target, "index.html")
        return target

    def respond(self, request: Request) -> Response:
        if request.method not in ALLOWED_METHODS:
            raise MethodNotAllowed(valid_methods=list(ALLOWED_METHODS))
        if self.live_reload is not None and request.path.startswith(reload.PREFIX):
            return self.live_reload.respond(request, self.file_for)
        target = self.joined(request.path)
        if target is None:
            return self.not_found(request)
        if os.path.isdir(target):
            if not request.path.endswith("/"):
                location = request.path + "/"
                if request.query_string:
                    location += "?" + request.query_string.decode("latin-1")
                return redirect(location, code=301)
            target = os.path.join(target, "index.html")
        if not os.path.isfile(target):
            return self.not_found(request)
        if (
            self.live_reload is not None
            and target.endswith((".html", ".htm"))
            and reload.watched(request.path)
        ):
            try:
                body, page_stamp = reload.read_with_stamp(target)
            except OSError:  # replaced between the check and the read: ask again
                return self.not_found(request)
            return self.live_reload.page(body, page_stamp)
        response = send_file(
            target, request.environ, mimetype=mime_type(target), conditional=True, max_age=0
        )
        response.headers["Accept-Ranges"] = "bytes"
        return response

    def not_found(self, request: Request) -> Response:
        page = Path(self.root) / NOT_FOUND_PAGE
        try:
            body = page.read_bytes()
        except OSError:
            body = b"<!doctype html><title>404</title><h1>404 Not Found</h1>"
        if self.live_reload is not None and reload.watched(request.path):
            # reloads once a page appears at this address (a new member's profile)
            page_stamp = reload.stamp(self.file_for(request.path))
            return self.live_reload.page(body, page_stamp, status=404)
        return Response(body, status=404, mimetype="text/html")


class _RequestHandler(WSGIRequestHandler):
    quiet = False

    def log_request(self, code="-", size="-"):
        if not self.quiet:
            super().log_request(code, size)


class _QuietRequestHandler(_RequestHandler):
    quiet = True


def make_preview_server(
    root: str | os.PathLike,
    bind: str = "127.0.0.1",
    port: int = 8000,
    quiet: bool = False,
    live_reload: LiveReload | None = None,
) -> BaseWSGIServer:
    """A threaded server for ``root``; ``port=0`` picks a free port
    (``server.server_port`` tells which). Run it with ``serve_forever()``.
    ``live_reload``: the devserver's pages reload themselves when rebuilt."""
    handler = _QuietRequestHandler if quiet else _RequestHandler
    site = StaticSite(root, live_reload)
    return make_server(bind, port, site, threaded=True, request_handler=handler)


def serve(root: Path, bind: str, port: int) -> int:
    """``make serve``: serve ``root`` until Ctrl-C or SIGTERM."""
    from knotenpunkt.plugins.content_errors.i18n import _

    if not (root / "index.html").is_file():
        print(
            _(
                "In {folder} ist keine gebaute Website. Bauen Sie sie zuerst mit „make html“."
            ).format(folder=root),
            file=sys.stderr,
        )
        return 1
    server = make_preview_server(root, bind, port)
    _stop_on_sigterm(server.shutdown)
    print(
        _("Vorschau unter {url}/ (beenden mit Strg+C)").format(url=preview_url(bind, port)),
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _stop_on_sigterm(stop) -> None:
    """Run ``stop`` (in a thread: it may block) when SIGTERM arrives."""

    def handler(_signum, _frame):
        threading.Thread(target=stop, daemon=True).start()

    signal.signal(signal.SIGTERM, handler)


# --- make devserver -----------------------------------------------------------

IGNORED_DIRS = {"__pycache__", ".git", "cache", ".pytest_cache"}


def _watch_filter(change, path: str) -> bool:
    parts = Path(path).parts
    if any(part in IGNORED_DIRS or part.startswith((".", "#")) for part in parts[-3:]):
        return False
    name = parts[-1]
    return not name.endswith(("~", ".swp", ".swx", ".tmp", ".pyc"))


class DevServer:
    """Serve ``output`` and rebuild it from ``content`` whenever something changes."""

    def __init__(
        self,
        content: Path,
        output: Path,
        settings: Path,
        bind: str = "127.0.0.1",
        port: int = 8000,
        quiet: bool = False,
    ) -> None:
        self.content = content.resolve()
        self.output = output.resolve()
        self.settings = settings.resolve()
        self.stop_event = threading.Event()
        self.server = make_preview_server(
            self.output, bind, port, quiet=quiet, live_reload=LiveReload(self.stop_event)
        )
        self.bind = bind
        self.url = preview_url(bind, self.server.server_port)
        self.build_process: subprocess.Popen | None = None
        #: the long-lived build process (knotenpunkt.worker), started with the first build
        self.worker: BuildWorker | None = None
        #: KNOTENPUNKT_DEVSERVER_SIMPLE=1: a fresh process per save that indexes the
        #: search before publishing, as before the worker (comparisons, an escape hatch)
        self.simple = bool(os.environ.get("KNOTENPUNKT_DEVSERVER_SIMPLE"))
        self.use_worker = not self.simple

    def watched_paths(self) -> list[Path]:
        paths = [self.content, self.settings, PROJECT_ROOT / "themes", PROJECT_ROOT / "plugins"]
        return [path for path in paths if path.exists()]

    def build_arguments(self) -> list[str]:
        """What both kinds of build are told: folders, settings, the preview's address."""
        return [
            "--content",
            str(self.content),
            "--output",
            str(self.output),
            "--settings",
            str(self.settings),
            # the preview shows an edit before the search knows it
            *([] if self.simple else ["--search-after-swap"]),
        ]

    def build(self, changed=()) -> int:
        """One atomic build, in the long-lived worker if it runs, else in a fresh process.

        ``changed``: the files the save changed; the worker writes their pages first."""
        if self.stop_event.is_set():
            return 130
        if self.use_worker:
            if self.worker is None:
                self.worker = BuildWorker([*self.build_arguments(), "--dev-siteurl", self.url])
            self.build_process = self.worker.process
            try:
                code = self.worker.build(changed)
            finally:
                self.build_process = None
            if self.stop_event.is_set():
                return 130 if code is None else code
            if code is not None and code >= 0:
                return code
            from knotenpunkt.plugins.content_errors.i18n import _

            print(
                _(
                    "Der Bauprozess im Hintergrund ist ausgefallen. Bis zur nächsten "
                    "Änderung an Einstellungen, Theme oder Code baut die Vorschau bei jeder "
                    "Änderung in einem neuen Prozess (etwas langsamer)."
                ),
                flush=True,
            )
            self.stop_worker()
            self.use_worker = False
        return self.build_in_fresh_process()

    def build_in_fresh_process(self) -> int:
        """One atomic build in a child process (fresh plugins and settings)."""
        command = [
            sys.executable,
            "-m",
            "knotenpunkt",
            "build",
            *self.build_arguments(),
            "--bind",
            self.bind,
            "--port",
            str(self.server.server_port),
        ]
        if self.stop_event.is_set():
            return 130
        process = self.build_process = subprocess.Popen(command, cwd=PROJECT_ROOT)
        if self.stop_event.is_set():  # stopped while it was starting
            process.terminate()
        try:
            return process.wait()
        finally:
            self.build_process = None

    def stop_worker(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.close()

    def needs_new_worker(self, changes) -> bool:
        """Anything but content (settings, plugins, theme, code) needs fresh imports.

        Correct beats fast: templates would be read again anyway, but a
        translation or a helper module would not.
        """
        return any(not Path(path).is_relative_to(self.content) for _change, path in changes)

    def stop(self) -> None:
        """End the watcher, a running build and the server.

        Called from the signal handler, so it takes no lock: a handler that
        waits for a lock the interrupted code holds never returns.
        """
        self.stop_event.set()
        process = self.build_process
        if process is not None and process.poll() is None:
            process.terminate()  # the build cleans up its temporary folder
        threading.Thread(target=self.server.shutdown, daemon=True).start()

    def report_waiting(self, exit_code: int) -> None:
        """After a failed build: the preview keeps the last good site, and the
        member need not start anything (the build's report asks to build again)."""
        if exit_code == 0 or self.stop_event.is_set():
            return
        from knotenpunkt.plugins.content_errors.i18n import _

        print(
            _(
                "Die Vorschau zeigt weiter den letzten fehlerfreien Stand. "
                "Sobald Sie eine Datei speichern, wird neu gebaut."
            ),
            flush=True,
        )

    def run(self) -> int:
        from watchfiles import watch

        from knotenpunkt.plugins.content_errors.i18n import _

        # Ctrl-C (SIGINT, which the terminal sends to the whole process group,
        # so a running build gets it too) and SIGTERM only ask to stop. Left
        # to Python, Ctrl-C raises KeyboardInterrupt wherever the code happens
        # to be, which once left the devserver hanging after a rebuild.
        previous = {
            number: signal.signal(number, lambda _signum, _frame: self.stop())
            for number in (signal.SIGTERM, signal.SIGINT)
        }
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        try:
            self.report_waiting(self.build())
            if not self.stop_event.is_set():
                print(
                    _(
                        "Vorschau unter {url}/ – wird bei jeder Änderung neu gebaut "
                        "(Strg+C beendet)."
                    ).format(url=self.url),
                    flush=True,
                )
            for changes in watch(
                *self.watched_paths(),
                watch_filter=_watch_filter,
                stop_event=self.stop_event,
                raise_interrupt=False,
            ):
                if self.stop_event.is_set():
                    break
                print(_("Änderung erkannt, baue neu …"), flush=True)
                if self.needs_new_worker(changes):
                    self.stop_worker()
                    self.use_worker = not self.simple
                self.report_waiting(self.build([path for _change, path in changes]))
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()
            process = self.build_process
            if process is not None:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
            self.stop_worker()
            thread.join(timeout=10)
            self.server.server_close()
            for number, handler in previous.items():
                signal.signal(number, handler)
        return 0


def devserver_command(
    content: Path, output: Path, *extra: str, settings: Path | None = None
) -> list[str]:
    """``python -m knotenpunkt devserver`` on ``content`` into ``output``, on a free
    port (the tests and ``tools/bench_devserver.py`` start it this way)."""
    return [
        sys.executable,
        "-m",
        "knotenpunkt",
        "devserver",
        "--content",
        str(content),
        "--output",
        str(output),
        *(["--settings", str(settings)] if settings is not None else []),
        "--port",
        "0",
        *extra,
    ]


def devserver(
    content: Path, output: Path, settings: Path, bind: str, port: int, quiet: bool = False
) -> int:
    return DevServer(content, output, settings, bind, port, quiet=quiet).run()
