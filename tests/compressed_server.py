"""Serve a built site on loopback with gzip, as a real web server would.

Lighthouse's performance and best-practice audits expect compressed text
(``uses-text-compression``); Python's own ``http.server`` sends none.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".xml", ".json", ".txt", ".vtt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text types gzipped when the client accepts it."""

    def log_message(self, format, *args):  # noqa: A002 - signature from the stdlib
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        if Path(self.translate_path(self.path)).is_dir() and not self.path.split("?")[0].endswith(
            "/"
        ):
            return super().send_head()  # the stdlib's redirect to the folder
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self._gzip_body = body
        return None

    def do_GET(self):  # noqa: N802 - name from the stdlib
        self._gzip_body = None
        handle = self.send_head()
        if self._gzip_body is not None:
            self.wfile.write(self._gzip_body)
        elif handle:
            try:
                self.copyfile(handle, self.wfile)
            finally:
                handle.close()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser that stops reading (audio, prefetch) is no error here


@contextmanager
def serve_compressed(directory: Path) -> Iterator[str]:
    """Serve ``directory`` with gzip on a free loopback port; yields the base URL."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
