"""The devserver's preview shows a page that changed before its build has ended.

A build writes a new folder and swaps it in when everything is written
(:mod:`knotenpunkt.build`), so a member who saved a profile would wait for
the other 2 000 pages too. In the devserver's builds (``PREVIEW_EARLY_PAGES``)
every page that is rendered anew, not linked from the current site, and that
replaces a page the preview already serves is put into the served folder at
once: a hard link renamed over the old file, so the preview serves either
version whole. The swap then brings the rest.

The pages of the saved file come first: the devserver tells its worker which
files changed (``PREVIEW_CHANGED_FILES``), and the generators holding those
files write before the others (their order among themselves kept), so a
profile is not written after 1 100 blog pages. Pelican runs its generators in
the list it hands to ``all_generators_finalized``; that list is sorted in
place (``docs/development.md``, Pelican's internals this project relies on).
The pages are the same in any order; the search index reads them in one
fixed order (``search.index.pages_in_fixed_order``).

The preview's promise stays: when a build fails or is stopped, every page
published early is put back (the old files are kept aside until then), so the
preview shows the last good site. Once the build has reported a content
error, nothing more is published early. A page at a new address waits for
the swap, so a failed build never leaves one behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

#: the override that turns it on (``python -m knotenpunkt build --search-after-swap``
#: and the devserver's worker set it)
SETTING = "PREVIEW_EARLY_PAGES"
#: the files the save changed (absolute paths), which the devserver's worker passes
CHANGED = "PREVIEW_CHANGED_FILES"
ASIDE = ".{name}.early-"


def holds_any(generator, sources: set[str]) -> bool:
    """Whether one of the generator's lists holds a content object read from ``sources``."""
    for value in vars(generator).values():
        if isinstance(value, list | tuple):
            for item in value:
                source = getattr(item, "source_path", None)
                if isinstance(source, str) and os.path.normpath(source) in sources:
                    return True
    return False


def normalised(paths) -> set[str]:
    return {os.path.normpath(path) for path in paths}


def changed_sources(settings) -> set[str]:
    """The files this build was told the save changed (empty outside the devserver)."""
    return normalised(settings.get(CHANGED) or ())


def changed_first(generators: list, changed) -> None:
    """Sort ``generators`` in place: those holding a changed file first, order kept.

    A generator that reads what the others wrote (``writes_after_others``, the
    aliases' redirects) keeps its place after them."""
    sources = normalised(changed)
    if sources:
        generators.sort(
            key=lambda generator: (
                getattr(generator, "writes_after_others", False)
                or not holds_any(generator, sources)
            )
        )


class EarlyPages:
    """Publish freshly written pages of ``building`` into ``live`` while the build runs."""

    def __init__(self, building: Path, live: Path, changed=()) -> None:
        self.building = str(building)
        self.changed = list(changed)
        self.live = str(live)
        self.aside = str(live.parent / (ASIDE.format(name=live.name) + str(os.getpid())))
        #: (page in the served folder, its previous file kept aside)
        self.replaced: list[tuple[str, str]] = []
        self.stopped = False

    def __enter__(self) -> EarlyPages:
        from pelican import signals

        signals.content_written.connect(self.written, weak=False)
        signals.all_generators_finalized.connect(self.order, weak=False)
        return self

    def __exit__(self, *_exc) -> None:
        from pelican import signals

        signals.content_written.disconnect(self.written)
        signals.all_generators_finalized.disconnect(self.order)

    def order(self, generators) -> None:
        """Pelican's ``all_generators_finalized``: the changed files' generators first."""
        changed_first(generators, self.changed)

    def written(self, path, context=None) -> None:
        """Pelican's ``content_written``: one output file is complete."""
        if self.stopped:
            return
        from knotenpunkt.plugins.content_errors import errors

        if errors.current().errors:
            self.stopped = True  # the build will fail: show nothing of it
            return
        relative = os.path.relpath(path, self.building)
        if relative.startswith(os.pardir):
            return
        served = os.path.join(self.live, relative)
        try:
            fresh, old = os.lstat(path), os.lstat(served)
        except OSError:
            return  # a new address (or not written): it waits for the swap
        if os.path.samestat(fresh, old):
            return  # linked from the served site: unchanged
        if not (stat.S_ISREG(fresh.st_mode) and stat.S_ISREG(old.st_mode)):
            return
        kept = os.path.join(self.aside, str(len(self.replaced)))
        temporary = f"{served}.early-{os.getpid()}"
        try:
            os.makedirs(self.aside, exist_ok=True)
            os.link(served, kept)
            os.link(path, temporary)
            os.replace(temporary, served)
        except OSError:
            # another file system or no room: the swap publishes it, as without this
            self.stopped = True
            for leftover in (temporary, kept):
                if os.path.lexists(leftover):
                    os.unlink(leftover)
            return
        self.replaced.append((served, kept))

    def undo(self) -> None:
        """Put back every page published early (the build failed or was stopped)."""
        for served, kept in reversed(self.replaced):
            with contextlib.suppress(OSError):  # the served folder went away meanwhile
                os.replace(kept, served)
        self.replaced.clear()
        self.discard()

    def discard(self) -> None:
        """Drop the old files kept aside (the new site is in place)."""
        shutil.rmtree(self.aside, ignore_errors=True)
