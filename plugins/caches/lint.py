"""The raw-file pass (``content_errors.lint``) remembered per Markdown file.

What the pass reports about one Markdown file depends on its bytes, the
settings and code (``reading.fingerprint``), today's date (future dates are
flagged) and the rest of the content folder (links and paths to other
files, image sizes). The key is therefore a SHA-256 of the file's bytes
under a fingerprint of all of those: every path in the folder, and the size
and modification time of every file that is not Markdown. A changed byte in
the file gives a new key and the file is checked again; a file added,
removed or replaced elsewhere checks every file again. The link and device
check runs on every file on every build, outside the cache. Development
builds only (``CACHE_CONTENT``); the file lives in ``CACHE_PATH``.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from pathlib import Path

from knotenpunkt.plugins.content_errors import lint
from knotenpunkt.plugins.content_errors.errors import ContentError

from . import cachefile, problems
from .reading import fingerprint

FILE_NAME = "knotenpunkt-lint"
_original_run = lint.ContentLinter.run
_original_check = lint.ContentLinter.check_file


def _folder_state(linter, files: list[Path]) -> str:
    digest = hashlib.sha256(fingerprint(linter.settings).encode())
    digest.update(datetime.date.today().isoformat().encode())
    for path in files:
        digest.update(os.fsencode(path) + b"\0")
        if path.suffix[1:].lower() not in lint.MARKDOWN_EXTENSIONS:
            try:
                stat = path.lstat()
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_mode}\n".encode())
            except OSError:
                digest.update(b"?\n")
    return digest.hexdigest()


def run(self) -> None:
    path = cachefile.path(self.settings, FILE_NAME)
    if path is None:
        self._knotenpunkt_cache = None
        return _original_run(self)
    state = _folder_state(self, self.files())
    try:
        folder, known = cachefile.load(path, (None, {}))
    except (TypeError, ValueError):  # not the pair this module stores
        folder, known = None, {}
    self._knotenpunkt_cache = (known if folder == state else {}, {})
    try:
        _original_run(self)
    finally:
        fresh = self._knotenpunkt_cache[1]
        self._knotenpunkt_cache = None
        cachefile.save(path, (state, fresh))  # a failure only costs checking again next time


def check_file(self, path: Path) -> None:
    cache = getattr(self, "_knotenpunkt_cache", None)
    if cache is None or path.suffix[1:].lower() not in lint.MARKDOWN_EXTENSIONS:
        return _original_check(self, path)
    known, fresh = cache
    try:
        key = hashlib.sha256(path.read_bytes()).hexdigest() + ":" + str(path)
    except OSError:
        return _original_check(self, path)
    if key in known:
        fresh[key] = known[key]
        problems.replay(known[key])
        return None
    with problems.recording() as reported:
        try:
            _original_check(self, path)
        except ContentError as problem:
            found = [*reported, problems.state(problem)]
            fresh[key] = found
            problems.replay(found[len(reported) :])  # run() would report it
            return None
    fresh[key] = reported
    return None


def install() -> None:
    problems.install()
    lint.ContentLinter.run = run
    lint.ContentLinter.check_file = check_file
