"""The devserver's preview reloads a page in the browser when that page changes.

Each HTML page the devserver serves gets one small script, from the preview
server itself and never part of the built site. The script asks the server to
wait until the file behind the page's address changes, then reloads the page.
A member who saves a file sees the result without pressing F5.

A page has changed when its address leads to another file (inode, size,
time): a page the build rendered again, one published early
(:mod:`knotenpunkt.early`), or a page that appears where the preview answered
404. A page the build reused is the same file, so saving one profile does not
reload every open tab. The editing interface (``admin/``) is never reloaded:
a form being filled in would be lost. Only a visible page waits on the server
(a browser keeps six connections per host; background tabs must not hold
them); a page shown again asks at once.
"""

from __future__ import annotations

import os
import threading
import time

from werkzeug.wrappers import Request, Response

PREFIX = "/.knotenpunkt/"
SCRIPT = PREFIX + "reload.js"
CHANGED = PREFIX + "changed"
#: how long one question waits for a change before the script asks again
WAIT_SECONDS = 20.0
POLL_SECONDS = 0.1
#: address prefixes (without the leading slash) whose pages are never reloaded
NOT_WATCHED = ("admin/",)

RELOAD_JS = """\
// Knotenpunkt's preview (make devserver): reload this page once it has been rebuilt.
// Only a visible page waits on the server: a browser keeps six connections per
// host, and a dozen background tabs each holding one would stall the next page.
// A page that becomes visible again asks at once.
(() => {
  const stamp = document.currentScript.dataset.stamp;
  const address = `__CHANGED__?page=${encodeURIComponent(location.pathname)}` +
    `&stamp=${encodeURIComponent(stamp)}`;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2000));
  const shown = () => new Promise((resolve) => {
    if (!document.hidden) { resolve(); return; }
    document.addEventListener("visibilitychange", resolve, {once: true});
  });
  let waiting = null;
  document.addEventListener("visibilitychange", () => {
    if (document.hidden && waiting) waiting.abort();
  });
  (async () => {
    for (;;) {
      await shown();
      if (document.hidden) continue;
      waiting = new AbortController();
      try {
        const response = await fetch(address, {cache: "no-store", signal: waiting.signal});
        if (!response.ok) { await pause(); continue; }
        if ((await response.text()).trim() !== stamp) { location.reload(); return; }
      } catch (error) {
        if (!document.hidden) await pause();  // the devserver is restarting
      }
    }
  })();
})();
""".replace("__CHANGED__", CHANGED)


def stamp(path: str | None) -> str:
    """Which file is at ``path`` now: inode, size and time, or ``missing``."""
    try:
        return stamp_of(os.stat(path)) if path else "missing"
    except OSError:
        return "missing"


def stamp_of(info: os.stat_result) -> str:
    return f"{info.st_ino}-{info.st_size}-{info.st_mtime_ns}"


def read_with_stamp(path: str) -> tuple[bytes, str]:
    """A page's bytes and the stamp of exactly that file (it may be replaced meanwhile)."""
    with open(path, "rb") as page:
        return page.read(), stamp_of(os.fstat(page.fileno()))


def watched(relative: str) -> bool:
    return not relative.lstrip("/").startswith(NOT_WATCHED)


def with_script(body: bytes, page_stamp: str) -> bytes:
    """``body`` with the reload script before its last ``</body>``."""
    tag = f'<script src="{SCRIPT}" data-stamp="{page_stamp}" defer></script>'.encode()
    end = body.lower().rfind(b"</body>")
    return body[:end] + tag + body[end:] if end >= 0 else body + tag


class LiveReload:
    """The preview server's side: the script, the waiting, the pages with the script."""

    def __init__(self, stop: threading.Event | None = None, wait_seconds: float = WAIT_SECONDS):
        self.stop = stop or threading.Event()
        self.wait_seconds = wait_seconds

    def respond(self, request: Request, file_for) -> Response:
        """Answer ``/.knotenpunkt/…``; ``file_for(url_path)`` is the file a page is read from."""
        if request.path == SCRIPT:
            response = Response(RELOAD_JS, mimetype="text/javascript")
        elif request.path == CHANGED:
            page = request.args.get("page", "/")
            known = request.args.get("stamp", "")
            response = Response(self.wait(file_for(page), known), mimetype="text/plain")
        else:
            response = Response("", status=404, mimetype="text/plain")
        response.headers["Cache-Control"] = "no-store"
        return response

    def wait(self, path: str | None, known: str) -> str:
        """The stamp of ``path`` once it differs from ``known``, or after the wait."""
        deadline = time.monotonic() + self.wait_seconds
        current = stamp(path)
        while current == known and time.monotonic() < deadline and not self.stop.is_set():
            time.sleep(POLL_SECONDS)
            current = stamp(path)
        return current

    def page(self, body: bytes, page_stamp: str, status: int = 200) -> Response:
        """An HTML page as served by the devserver: with the script, never cached."""
        response = Response(with_script(body, page_stamp), status=status, mimetype="text/html")
        response.headers["Cache-Control"] = "no-store"
        return response
