"""Run Pagefind over a written site; fail loudly, never leave a stale index.

Pagefind's output is made deterministic (same pages, same bytes) by
:mod:`search.canonical`, which ``tests/test_search.py`` checks, so atomic
builds stay byte-identical. The binary ships inside the ``pagefind-bin`` wheel; nothing is
downloaded at build time.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from knotenpunkt.plugins.content_errors.i18n import _

from knotenpunkt.ram import ram_folder, same_filesystem

from .canonical import IndexFormatChanged, canonicalise


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index (a broken installation, not content)."""


def pagefind_executable() -> Path:
    try:
        import pagefind_bin

        return Path(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as missing:
        raise SearchIndexError(
            _(
                "Das Programm für die Suche (Pagefind) fehlt: {reason}. Installieren Sie die "
                "Abhängigkeiten neu (make html richtet sie ein)."
            ).format(reason=missing)
        ) from None


#: free space Pagefind's scratch folder in RAM needs (a 2 000-member network's
#: bundle is about 30 MB)
SCRATCH_MIN_FREE = 256 * 1024**2


def pagefind_command(site: Path, output: Path, language: str) -> list[str]:
    """The command line that indexes ``site`` into the folder ``output``."""
    return [
        str(pagefind_executable()),
        "--site",
        str(site),
        "--output-path",
        str(output),
        "--force-language",
        language,
        "--silent",
    ]


def pages_in_fixed_order(site: Path, tree: Path) -> None:
    """Fill ``tree`` with symbolic links to the HTML pages of ``site``, in path order.

    Pagefind reads a site in the order the file system lists it, and its
    bundle (page numbers, index chunks) follows that order. On tmpfs the
    order is the order the folders were created in, so a build that writes
    its pages in another order (the devserver writes a saved file's pages
    first) would get another bundle for the same pages. Pagefind follows the
    links; the tree, created in one fixed order, makes the bundle depend on
    the pages alone. (A bundle holds no HTML page; ``build_index`` removes
    the one it replaces before indexing.)
    """
    site, tree = os.fspath(site), os.fspath(tree)
    pages = []
    for folder, _subfolders, files in os.walk(site):
        relative = os.path.relpath(folder, site)
        prefix = "" if relative == os.curdir else relative + os.sep
        pages.extend(prefix + name for name in files if name.endswith(".html"))
    pages.sort()
    os.makedirs(tree, exist_ok=True)
    made: set[str] = set()
    for page in pages:
        parent = os.path.dirname(page)
        if parent and parent not in made:
            os.makedirs(os.path.join(tree, parent), exist_ok=True)
            while parent and parent not in made:
                made.add(parent)
                parent = os.path.dirname(parent)
        os.symlink(os.path.join(site, page), os.path.join(tree, page))


def _run_pagefind(site: Path, output: Path, language: str, scratch=None) -> None:
    """Index ``site`` into ``output``, reading the pages through links made in
    ``scratch`` (default: the temporary folder)."""
    with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=scratch) as tree:
        pages = Path(tree) / "site"
        pages_in_fixed_order(site.resolve(), pages)
        done = subprocess.run(
            pagefind_command(pages, output, language),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    _check(done, output)


def _check(done: subprocess.CompletedProcess, output: Path) -> None:
    """Pagefind's run ended well, and its bundle is made canonical."""
    if done.returncode != 0 or not (output / "pagefind.js").is_file():
        raise SearchIndexError(
            _("Der Suchindex konnte nicht gebaut werden: {output}").format(
                output=(done.stderr or done.stdout).strip()[-2000:]
            )
        )
    try:
        canonicalise(output)
    except IndexFormatChanged as changed:
        raise SearchIndexError(
            _(
                "Der Suchindex hat ein unbekanntes Format ({reason}); passt die Version von "
                "pagefind-bin in requirements.txt zu plugins/search/canonical.py?"
            ).format(reason=changed)
        ) from None


def _same_bytes(first: Path, second: Path) -> bool:
    try:
        return filecmp.cmp(first, second, shallow=False)
    except OSError:  # not in the last bundle
        return False


def place(fresh: Path, bundle: Path, reuse_from: Path | None) -> None:
    """Copy the bundle ``fresh`` (another file system) to ``bundle``; a file with
    the same name and bytes in ``reuse_from`` (the last build's bundle) is
    hard-linked instead. Pagefind names most files by a hash of their content,
    so after an edit nearly all of them are the last build's."""
    for folder, _subfolders, files in os.walk(fresh):
        relative = Path(folder).relative_to(fresh)
        (bundle / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            source, target = Path(folder) / name, bundle / relative / name
            old = reuse_from / relative / name if reuse_from is not None else None
            if old is not None and _same_bytes(source, old):
                try:
                    os.link(old, target)
                    continue
                except OSError:
                    pass
            shutil.copyfile(source, target)


def build_index(
    site: Path, bundle_dir: str = "pagefind", language: str = "de", reuse_from=None
) -> Path:
    """Index the HTML under ``site`` into ``site/bundle_dir``; returns that folder.

    Pagefind writes its bundle (a file per indexed page) into a scratch
    folder in RAM where the machine has one (:mod:`knotenpunkt.ram`): on a
    disk, creating those files costs about as much again as the indexing.
    The finished bundle is then moved (same file system) or copied into the
    site; ``reuse_from``, the last build's bundle, lends its unchanged files.
    """
    site = Path(site)
    bundle = site / bundle_dir
    if bundle.is_dir():
        shutil.rmtree(bundle)  # a devserver rebuild must not keep old fragments
    bundle.parent.mkdir(parents=True, exist_ok=True)
    scratch_root = ram_folder(SCRATCH_MIN_FREE)
    if scratch_root is not None:
        try:
            _index_via_scratch(site, bundle, language, scratch_root, reuse_from)
            return bundle
        except (SearchIndexError, OSError):
            # the RAM folder filled up or went away meanwhile: on disk as before
            shutil.rmtree(bundle, ignore_errors=True)
    _run_pagefind(site, bundle, language)
    return bundle


#: scratch folders are named after their build's process: ``knotenpunkt-search-<pid>-…``
SCRATCH_PREFIX = "knotenpunkt-search-"


def remove_orphaned_scratch(scratch_root: Path) -> None:
    """Scratch folders of builds that were killed (``kill -9``, no clean-up ran).

    In RAM they would otherwise stay until the machine restarts. A folder
    whose process still runs (or whose number a new process took) is left."""
    for folder in scratch_root.glob(SCRATCH_PREFIX + "*"):
        pid = folder.name.removeprefix(SCRATCH_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # another user's process: not ours to judge
            continue


def _index_via_scratch(site: Path, bundle: Path, language: str, scratch_root: Path, reuse_from):
    remove_orphaned_scratch(scratch_root)
    prefix = f"{SCRATCH_PREFIX}{os.getpid()}-"
    with tempfile.TemporaryDirectory(prefix=prefix, dir=scratch_root) as scratch:
        fresh = Path(scratch) / "bundle"
        _run_pagefind(site, fresh, language, scratch)
        if same_filesystem(fresh, bundle.parent):
            os.rename(fresh, bundle)
        else:
            place(fresh, bundle, Path(reuse_from) if reuse_from is not None else None)
