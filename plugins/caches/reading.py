"""Pelican's content cache, made safe for this project (development builds).

Pelican's reader cache keeps what a reader returned (the Markdown rendered
to HTML and the header's metadata) per file, and skips the reader when the
file's stamp is unchanged. Three additions make it safe here:

- The stamp is a hash of the file's bytes (``CHECK_MODIFIED_METHOD``,
  ``pelicanconf.py``), never its modification time: changed bytes are
  always read again.
- Every cache entry carries a fingerprint of the settings and of the
  project's code that shape a read (the Markdown configuration, the limits,
  the plugins' source files): a changed setting or plugin reads everything
  again.
- The reader's safety checks run on every file on every build, cached or
  not: no links or devices by the path; size, line length and nesting by the
  bytes, which for a cached file are those the entry was made from after they
  passed (its stamp is their hash; with ``mtime`` stamps they are checked
  again). The problems a read reported (warnings included) are stored with
  the entry and reported again when it is used. The sanitiser runs on every
  object anyway (``content_object_init``), cached or not.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
from pathlib import Path

import pelican
from knotenpunkt.plugins.content_errors.guarded_reader import check_before_reading, check_path
from pelican.cache import FileStampDataCacher
from pelican.readers import MarkdownReader, Readers

from knotenpunkt import early

from . import problems

#: settings that never change what a reader returns (they differ between builds)
VOLATILE = frozenset(
    {
        "OUTPUT_PATH",
        "CACHE_PATH",
        "PLUGINS",
        "PLUGIN_PATHS",
        "CACHES_PREVIOUS_OUTPUT",
        # when the devserver indexes the search, not what is built
        "CACHES_SEARCH_AFTER_SWAP",
        # when and in which order the devserver publishes pages, not what is built
        early.SETTING,
        early.CHANGED,
    }
)
PLUGIN_ROOT = Path(__file__).resolve().parent.parent

_original_get = Readers.get_cached_data
_original_put = Readers.cache_data
_recording: dict = {"path": None, "block": None, "problems": None}


def _plain(value, depth: int = 0):
    """A stable text form of a setting; objects without one are left out."""
    if depth > 6:
        return "…"
    if isinstance(value, str | int | float | bool) or value is None:
        return repr(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(item, depth + 1) for item in value]
        return "[" + ",".join(sorted(items) if isinstance(value, set | frozenset) else items) + "]"
    if isinstance(value, dict):
        pairs = sorted(f"{key!r}:{_plain(item, depth + 1)}" for key, item in value.items())
        return "{" + ",".join(pairs) + "}"
    return type(value).__name__


@functools.cache
def code_digest(root: Path) -> str:
    """The plugins' source files below ``root``, hashed once per process.

    The code a process runs is the code it imported: a changed plugin only
    takes effect in a new process (``make html`` is one; the devserver starts
    a new worker when plugin code changes). Reading and hashing the sources
    once per process instead of on every use saved a fifth of a small build.
    """
    digest = hashlib.sha256()
    for source in sorted(root.rglob("*.py")):
        data = source.read_bytes()
        digest.update(f"{source.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def fingerprint(settings) -> str:
    """Settings and code a read depends on, as one short hash."""
    digest = hashlib.sha256(pelican.__version__.encode())
    digest.update(code_digest(PLUGIN_ROOT).encode())
    for key in sorted(settings):
        if key not in VOLATILE:
            digest.update(f"{key}={_plain(settings[key])}\n".encode())
    return digest.hexdigest()[:16]


def _key(readers: Readers, path: str) -> str:
    known = getattr(readers, "_knotenpunkt_fingerprint", None)
    if known is None:
        # once per generator's readers, i.e. per build: kept on the object it keys
        known = readers._knotenpunkt_fingerprint = fingerprint(readers.settings)
        # entries of other settings or code would only grow the cache file
        for stale in [key for key in readers._cache if not str(key).startswith(known + ":")]:
            del readers._cache[stale]
    return f"{known}:{path}"


def _stop_recording() -> list[dict]:
    block, found = _recording["block"], _recording["problems"] or []
    if block is not None:
        block.__exit__(None, None, None)
    _recording.update(path=None, block=None, problems=None)
    return found


def get_cached_data(self, filename, default=None):
    _stop_recording()
    if not self._cache_data_policy and not self._cache:
        return default
    found = _original_get(self, _key(self, filename), None)
    if found is None:
        block = problems.recording()  # a miss: record what the read reports
        _recording.update(path=filename, block=block, problems=block.__enter__())
        return default
    (content, metadata), reported = found
    if self.settings.get("CHECK_MODIFIED_METHOD") in hashlib.algorithms_available:
        # The entry is for these very bytes (the stamp is their hash) under
        # these settings and this code (the key), and it was only stored after
        # the checks of the bytes (size, lines, nesting) had passed. What the
        # bytes cannot tell is checked again: the path is no link, no device.
        check_path(filename, self.settings)
    else:  # a stamp by modification time says nothing about the bytes
        extension = os.path.splitext(filename)[1][1:]
        markdown = issubclass(type(self.readers.get(extension)), MarkdownReader)
        check_before_reading(filename, self.settings, markdown=markdown)
    problems.replay(reported)
    return content, metadata


def cache_data(self, filename, data):
    same = _recording["path"] == filename
    reported = _stop_recording()
    _original_put(self, _key(self, filename), (data, reported if same else []))


def _stamp(self, key):
    """Pelican's stamp of the real file named in a ``fingerprint:path`` key."""
    return _original_stamp(self, key.split(":", 1)[1])


_original_stamp = Readers._get_file_stamp


def save_cache(self) -> None:
    """Pelican's save, atomic: a build reading the cache meanwhile (a second
    checkout's tests, a devserver) never sees a half-written file."""
    if not self._cache_data_policy:
        return
    temporary = f"{self._cache_path}.{os.getpid()}.tmp"
    try:
        os.makedirs(self.settings["CACHE_PATH"], exist_ok=True)
        with self._cache_open(temporary, "wb") as stored:
            pickle.dump(self._cache, stored)
        os.replace(temporary, self._cache_path)
    except (OSError, pickle.PicklingError, TypeError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # only costs reading again next time


_pelican_stamped_get = FileStampDataCacher.get_cached_data
_pelican_stamped_put = FileStampDataCacher.cache_data


def stamped_get(self, filename, default=None):
    """Pelican's lookup, without hashing a file that has no entry to compare with.

    Pelican computes the file's stamp first and then finds no entry; for
    the generators' own cache layer (unused here: ``CONTENT_CACHING_LAYER``
    is the reader's) that was a read and a SHA-256 of every file, twice per
    build, for nothing. Same answers."""
    if filename not in self._cache:
        return default
    return _pelican_stamped_get(self, filename, default)


def stamped_put(self, filename, data) -> None:
    """Pelican's store, without hashing the file when nothing is stored."""
    if self._cache_data_policy:
        _pelican_stamped_put(self, filename, data)


def install() -> None:
    FileStampDataCacher.get_cached_data = stamped_get
    FileStampDataCacher.cache_data = stamped_put
    Readers.get_cached_data = get_cached_data
    Readers.cache_data = cache_data
    Readers._get_file_stamp = _stamp
    Readers.save_cache = save_cache
    problems.install()
