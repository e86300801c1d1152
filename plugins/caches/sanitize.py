"""The sanitiser's answers, remembered by the HTML it was given (development builds).

Every content object is sanitised on every build (``sanitize.plugin`` at
``content_object_init``), also when Pelican's content cache spared reading
its file: nh3 and the scan for removed markup take about a tenth of a
rebuild's CPU before anything is written. Both are pure functions of the
HTML, their options and the sanitize plugin's code, so their answers are
kept under a SHA-256 of those three. The findings (external images, removed
markup) are part of the answer, so the plugin reports them on every build
exactly as before. A build keeps only the entries it used; the file lives in
``CACHE_PATH``. Publishing builds (``CACHE_CONTENT`` off) sanitise everything.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from knotenpunkt.plugins.sanitize import plugin as sanitize_plugin
from knotenpunkt.plugins.sanitize.clean import Cleaned
from knotenpunkt.plugins.sanitize.removed import Removal

from . import cachefile

FILE_NAME = "knotenpunkt-sanitized"
_clean = sanitize_plugin.clean
_removed_markup = sanitize_plugin.removed_markup
_CODE = hashlib.sha256(
    b"".join(
        path.read_bytes() for path in sorted(Path(sanitize_plugin.__file__).parent.glob("*.py"))
    )
).digest()
_state: dict = {"known": None, "path": None, "used": {}}


def _key(kind: bytes, html: str, options: dict) -> bytes:
    digest = hashlib.sha256(_CODE + kind)
    digest.update(repr(sorted(options.items())).encode() + b"\0")
    digest.update(html.encode("utf-8", "surrogatepass"))
    return digest.digest()


def clean(html: str, **options) -> Cleaned:
    """``sanitize.clean.clean``, answered from the last build where the input is the same."""
    known = _state["known"]
    if known is None:
        return _clean(html, **options)
    key = _key(b"clean", html, options)
    found = known.get(key)
    if found is None:
        result = _clean(html, **options)
        found = (result.html, tuple(result.external_images))
    _state["used"][key] = found
    return Cleaned(found[0], list(found[1]))


def removed_markup(html: str) -> list[Removal]:
    """``sanitize.removed.removed_markup``, answered the same way."""
    known = _state["known"]
    if known is None:
        return _removed_markup(html)
    key = _key(b"removed", html, {})
    found = known.get(key)
    if found is None:
        found = tuple(dataclasses.astuple(removal) for removal in _removed_markup(html))
    _state["used"][key] = found
    return [Removal(*fields) for fields in found]


def start(pelican) -> None:
    """Load the answers of the last development build (none for publishing builds)."""
    path = cachefile.path(pelican.settings, FILE_NAME)
    known = None
    if path is not None:
        known = cachefile.load(path, {})
        known = known if isinstance(known, dict) else {}
    _state.update(known=known, path=path, used={})


def save(_pelican=None) -> None:
    path = _state["path"]
    if path is not None:
        cachefile.save(path, _state["used"])  # a failure only costs sanitising again
    _state.update(known=None, path=None, used={})


def install() -> None:
    sanitize_plugin.clean = clean
    sanitize_plugin.removed_markup = removed_markup
