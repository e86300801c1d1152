"""The final page check's "clean" verdicts, remembered by the page's bytes.

Every HTML page goes through ``content_errors.executable.executable_parts``
before it is written (lxml parses the whole page: about a tenth of a cold
build). A rebuild renders most pages to exactly the same text, so the
verdict for a page is kept under a SHA-256 of the page, the settings the
check reads and the check's own source code. Only *clean* verdicts are kept:
a page with a finding is checked again on every build, and any changed byte
gives another key, so a changed page is always checked. Development builds
only (``CACHE_CONTENT``); the file lives in ``CACHE_PATH``.
"""

from __future__ import annotations

import hashlib
import inspect

from knotenpunkt.plugins.content_errors import executable, writer

from . import cachefile

FILE_NAME = "knotenpunkt-page-checks"
_check = executable.executable_parts
_CODE = hashlib.sha256(inspect.getsource(executable).encode()).digest()
_state: dict = {"clean": None, "path": None, "seen": set()}


def _key(html: str, site_url: str, script_folders, options: dict) -> bytes:
    digest = hashlib.sha256(_CODE)
    arguments = (site_url, tuple(script_folders), sorted(options.items()))
    digest.update(f"{arguments!r}\0".encode())
    digest.update(html.encode("utf-8", "surrogatepass"))
    return digest.digest()


def checked(html: str, site_url: str = "", script_folders=("theme/js",), **options) -> list[str]:
    """The check's answer; every argument of the check is part of the key."""
    clean = _state["clean"]
    if clean is None:  # caching off: the plain check
        return _check(html, site_url, script_folders, **options)
    key = _key(html, site_url, script_folders, options)
    if key in clean:
        _state["seen"].add(key)
        return []
    found = _check(html, site_url, script_folders, **options)
    if not found:
        _state["seen"].add(key)
    return found


def start(pelican) -> None:
    """Load the verdicts of the last development build (none for publish builds)."""
    settings = pelican.settings
    _state.update(clean=None, path=None, seen=set())
    path = cachefile.path(settings, FILE_NAME)
    if path is None:
        return
    clean: set[bytes] = set()
    try:
        with open(path, "rb") as stored:
            data = stored.read()
        clean = {data[i : i + 32] for i in range(0, len(data) - len(data) % 32, 32)}
    except OSError:
        pass
    _state.update(clean=clean, path=path)


def save(_pelican=None) -> None:
    """Keep the verdicts of the pages this build wrote (old ones are dropped)."""
    path = _state["path"]
    if path is None:
        return
    cachefile.write_bytes(path, b"".join(sorted(_state["seen"])))  # a failure: checked again
    _state.update(clean=None, path=None, seen=set())


def install() -> None:
    writer.executable_parts = checked
