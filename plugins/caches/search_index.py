"""The search index (Pagefind) taken from the last build when no HTML file changed.

Pagefind reads every HTML file of the site on every build (seconds on a
medium network). Its bundle depends only on those files and on how it is run
(made deterministic by ``search.canonical``). So the key of a bundle is a
SHA-256 of every HTML file's path and bytes under the bundle folder's name,
the language, and the source of the search plugin and of the ``pagefind-bin``
package's version. A file's digest is remembered with its inode, size and
modification time, so pages linked unchanged from the last build
(``caches.pages``) are not read again.

When the key equals the last build's and the bundle in the previous
``output/`` is still the one that build wrote (every file's stamp checked),
its files are hard-linked into the new output; anything else runs Pagefind.
Development builds only; ``make publish`` always runs Pagefind.

The devserver goes one step further (``CACHES_SEARCH_AFTER_SWAP``): when
Pagefind has to run, the previous bundle is linked into the new site for the
moment and the site is published without waiting; Pagefind then indexes the
published site into a fresh folder next to the bundle, which is swapped in
with one atomic exchange (:func:`finish_after_swap`, run by
``knotenpunkt.build`` once the site is in place). The preview shows an edit
about two seconds (medium network) earlier, its search finds the old text
for that long, and the final bundle is byte for byte the one a complete
build writes (Pagefind's output does not depend on its folder's name).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from importlib import metadata
from pathlib import Path

from . import cachefile, pages

FILE_NAME = "knotenpunkt-search-index"
#: setting (an override of the devserver's builds): index after publishing
AFTER_SWAP = "CACHES_SEARCH_AFTER_SWAP"
_state: dict = {"settings": None, "pending": None}


def _debug(what: str) -> None:
    if os.environ.get("KNOTENPUNKT_CACHE_DEBUG"):
        print(f"search index: {what}", file=sys.stderr)


def html_state(site: Path, bundle_dir: str, known: dict) -> tuple[bytes, dict]:
    """The digest of every HTML file (path and bytes) below ``site``, outside the bundle."""
    digests: dict = {}
    found: list[tuple[str, bytes]] = []
    bundle = bundle_dir.strip("/") + "/"
    for folder, subfolders, files in os.walk(site):
        subfolders.sort()
        for name in files:
            if not name.endswith((".html", ".htm")):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, site)
            if relative.startswith(bundle):
                continue
            stamp = pages.stamp(os.lstat(path))
            digest = known.get((relative, stamp))
            if digest is None:
                with open(path, "rb") as handle:
                    digest = hashlib.sha256(handle.read()).digest()
            digests[(relative, stamp)] = digest
            found.append((relative, digest))
    total = hashlib.sha256()
    for relative, digest in sorted(found):
        total.update(os.fsencode(relative) + b"\0" + digest)
    return total.digest(), digests


def _code() -> bytes:
    from knotenpunkt.plugins.search import canonical, index

    digest = hashlib.sha256()
    for module in (canonical, index):
        digest.update(Path(module.__file__).read_bytes())
    try:
        digest.update(metadata.version("pagefind-bin").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"?")
    return digest.digest()


def _bundle_files(bundle: Path) -> dict[str, tuple]:
    found = {}
    for folder, _subfolders, files in os.walk(bundle):
        for name in files:
            path = os.path.join(folder, name)
            found[os.path.relpath(path, bundle)] = pages.stamp(os.lstat(path))
    return found


def _link_bundle(old: Path, new: Path, files: dict[str, tuple]) -> bool:
    """Hard-link the previous bundle in place; False (nothing left behind) if it changed."""
    for relative, stamp in files.items():
        try:
            if pages.stamp(os.lstat(old / relative)) != stamp:
                return False
        except OSError:
            return False
    made: set[Path] = set()
    try:
        for relative in files:
            target = new / relative
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.link(old / relative, target)
    except OSError:
        shutil.rmtree(new, ignore_errors=True)
        return False
    return True


def cached(build_index):
    """``search.index.build_index`` that reuses an unchanged bundle."""

    def build(site, bundle_dir: str = "pagefind", language: str = "de", reuse_from=None):
        settings = _state["settings"]
        if settings is None:
            return build_index(site, bundle_dir, language, reuse_from)
        site = Path(site)
        path = cachefile.path(settings, FILE_NAME)
        previous = cachefile.load(path, {})
        previous = previous if isinstance(previous, dict) else {}
        state, digests = html_state(site, bundle_dir, previous.get("digests", {}))
        key = hashlib.sha256(state + _code() + f"{bundle_dir}\0{language}".encode()).digest()
        bundle = site / bundle_dir
        root = settings.get(pages.PREVIOUS_OUTPUT)
        same = previous.get("key") == key
        old_files = previous.get("files", {})
        # the previous bundle serves when it is still right, or (devserver) until
        # the fresh one is built after the site is published
        link_old = (
            root and not bundle.exists() and (same or (settings.get(AFTER_SWAP) and old_files))
        )
        if link_old and _link_bundle(Path(root) / bundle_dir, bundle, old_files):
            if not same:
                # the cache keeps the old key, which still describes the linked bundle
                _state["pending"] = {
                    "path": path,
                    "key": key,
                    "digests": digests,
                    "bundle_dir": bundle_dir,
                    "language": language,
                    "build_index": build_index,
                }
                _debug("the previous one until the site is published")
                return bundle
            _debug("linked")
        else:
            # the last build's bundle lends Pagefind's unchanged files
            old = Path(root) / bundle_dir if root else reuse_from
            bundle = build_index(site, bundle_dir, language, old)
            _debug("built")
        # a failure only costs running Pagefind next time
        cachefile.save(path, {"key": key, "digests": digests, "files": _bundle_files(Path(bundle))})
        return bundle

    build._knotenpunkt_cached = True
    return build


def finish_after_swap(output) -> bool:
    """Index the published site ``output`` and swap the fresh bundle in.

    Connected to ``knotenpunkt.build.published``; does nothing unless this
    build linked the old bundle in its place. False (after saying why) when
    Pagefind failed: the site stays published with the old index.
    """
    job, _state["pending"] = _state["pending"], None
    if job is None:
        return True
    from knotenpunkt.plugins.content_errors.i18n import _
    from knotenpunkt.plugins.search.index import SearchIndexError

    from knotenpunkt.build import exchange_folders

    site = Path(output)
    bundle = site / job["bundle_dir"]
    fresh = bundle.parent / f".{bundle.name}.fresh-{os.getpid()}"
    try:
        job["build_index"](site, os.path.relpath(fresh, site), job["language"], bundle)
        if bundle.exists():
            exchange_folders(fresh, bundle)
        else:  # nothing to replace (cannot happen unless deleted meanwhile)
            os.rename(fresh, bundle)
        saved = {"key": job["key"], "digests": job["digests"], "files": _bundle_files(bundle)}
        cachefile.save(job["path"], saved)
        _debug("built after the site was published")
    except (SearchIndexError, OSError) as problem:
        print(
            _("Der Suchindex konnte nicht gebaut werden: {output}").format(output=problem),
            file=sys.stderr,
        )
        return False
    finally:
        shutil.rmtree(fresh, ignore_errors=True)  # the old bundle, after the exchange
    return True


def start(pelican) -> None:
    """Development builds keep the index's key; publishing builds run Pagefind."""
    _state["pending"] = None
    settings = pelican.settings
    enabled = (
        cachefile.path(settings, FILE_NAME) is not None
        and settings.get(pages.PREVIOUS_OUTPUT)  # an atomic build into output/
    )
    _state["settings"] = settings if enabled else None


def install() -> None:
    """Wrap the search plugin's indexer, if that plugin is installed."""
    try:
        from knotenpunkt.plugins.search import plugin as search
    except ImportError:
        return
    original = getattr(search, "build_index", None)
    if original is not None and not getattr(original, "_knotenpunkt_cached", False):
        search.build_index = cached(original)
