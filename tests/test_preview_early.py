"""The devserver's builds serve a changed page before the build ends (``knotenpunkt.early``).

Each test builds a small members network twice with ``atomic_build`` as the
devserver's worker does (``PREVIEW_EARLY_PAGES``), and looks at the served
folder from Pelican's ``finalized`` signal: every page is written by then, but
the new folder is not yet swapped in. An edited profile must already be served
there; a failed or stopped build must put every such page back, byte for byte,
so the preview keeps showing the last good site.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from knotenpunkt.plugins.content_errors import errors
from knotenpunkt.plugins.content_errors.errors import ContentError
from pelican import signals

from knotenpunkt import early
from knotenpunkt.build import EXIT_CONTENT_ERRORS, EXIT_INTERRUPTED, BuildInterrupted, atomic_build
from members_fixture import members_content
from sitebuild import PROJECT_ROOT

PROFILE = "mitglieder/anna-beispiel/index.html"
MEMBER = "members/anna-beispiel.md"
OLD_SUMMARY = "Lerntherapeutin in Musterstadt-Nord."
NEW_SUMMARY = "Lerntherapeutin, jetzt auch in Musterstadt-Süd."


class Preview:
    """A members network built the way the devserver's worker builds it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = members_content(root)
        self.output = root / "output"
        #: what the served folder held when the build had written everything
        self.served_before_swap: dict[str, str | None] = {}

    def build(self, early_pages: bool = True, at_the_end=None, changed=(), written=None):
        """One build; ``at_the_end`` runs in Pelican's ``finalized`` (before the swap);
        ``changed``: the files the devserver says were saved; ``written`` collects the
        pages in the order they were written."""

        def look(_pelican) -> None:
            for page in (PROFILE, "mitglieder/neu-im-netz/index.html"):
                served = self.output / page
                self.served_before_swap[page] = (
                    served.read_text(encoding="utf-8") if served.exists() else None
                )
            if at_the_end is not None:
                at_the_end()

        overrides = {early.SETTING: True, early.CHANGED: list(changed)} if early_pages else {}

        def note(path, context=None) -> None:
            if written is not None:
                written.append(Path(path).relative_to(self.output.parent).as_posix())

        signals.finalized.connect(look)
        signals.content_written.connect(note)
        try:
            return atomic_build(
                PROJECT_ROOT / "pelicanconf.py",
                self.output,
                PATH=str(self.content),
                CACHE_PATH=str(self.root / "cache"),
                **overrides,
            )
        finally:
            signals.finalized.disconnect(look)
            signals.content_written.disconnect(note)

    def edit_summary(self) -> None:
        member = self.content / MEMBER
        text = member.read_text(encoding="utf-8")
        member.write_text(text.replace(OLD_SUMMARY, NEW_SUMMARY), encoding="utf-8")

    def leftovers(self) -> list[str]:
        return [path.name for path in self.root.glob(early.ASIDE.format(name="output") + "*")]


@pytest.fixture
def preview(tmp_path):
    site = Preview(tmp_path)
    assert site.build().exit_code == 0
    assert OLD_SUMMARY in (site.output / PROFILE).read_text(encoding="utf-8")
    return site


def test_an_edited_profile_is_served_before_the_build_ends(preview):
    preview.edit_summary()
    assert preview.build().exit_code == 0
    assert NEW_SUMMARY in preview.served_before_swap[PROFILE]
    assert NEW_SUMMARY in (preview.output / PROFILE).read_text(encoding="utf-8")
    assert preview.leftovers() == []


@pytest.mark.parametrize("told", [False, True])
def test_the_saved_files_pages_are_written_first(preview, told):
    """Told which file was saved, the build writes its generator's pages before
    the blog's (which Pelican writes first otherwise); the site is the same."""
    preview.edit_summary()
    written: list[str] = []
    changed = [str(preview.content / MEMBER)] if told else []
    assert preview.build(changed=changed, written=written).exit_code == 0
    profile = next(i for i, page in enumerate(written) if page.endswith(PROFILE))
    first_post = next(i for i, page in enumerate(written) if "/blog/" in page)
    assert (profile < first_post) is told, written[:5]
    # within the members' pages too: before the directory, which lists everyone
    assert (profile == 0) is told, written[:5]


def test_without_the_setting_the_page_waits_for_the_swap(preview):
    """``make html`` publishes one whole site at once, as before."""
    preview.edit_summary()
    assert preview.build(early_pages=False).exit_code == 0
    assert OLD_SUMMARY in preview.served_before_swap[PROFILE]
    assert NEW_SUMMARY in (preview.output / PROFILE).read_text(encoding="utf-8")


def test_a_page_at_a_new_address_waits_for_the_swap(preview):
    """A failed build could not take it back without a trace, so it is not published early."""
    (preview.content / "members" / "neu-im-netz.md").write_text(
        (preview.content / MEMBER)
        .read_text(encoding="utf-8")
        .replace("Anna Beispiel", "Neu im Netz"),
        encoding="utf-8",
    )
    assert preview.build().exit_code == 0
    assert preview.served_before_swap["mitglieder/neu-im-netz/index.html"] is None
    assert (preview.output / "mitglieder/neu-im-netz/index.html").exists()


def test_a_build_that_fails_after_writing_puts_the_page_back(preview):
    before = (preview.output / PROFILE).read_bytes()
    preview.edit_summary()

    def fail() -> None:
        raise ContentError(
            "members/oskar-oehler.md", "Summary", "Test: ein Fehler nach dem Schreiben"
        )

    outcome = preview.build(at_the_end=fail)
    assert outcome.exit_code == EXIT_CONTENT_ERRORS
    assert NEW_SUMMARY in preview.served_before_swap[PROFILE]  # it had been published early
    assert (preview.output / PROFILE).read_bytes() == before
    assert preview.leftovers() == []


def test_a_stopped_build_puts_the_page_back(preview):
    before = (preview.output / PROFILE).read_bytes()
    preview.edit_summary()

    def stop() -> None:
        raise BuildInterrupted(15)

    assert preview.build(at_the_end=stop).exit_code == EXIT_INTERRUPTED
    assert NEW_SUMMARY in preview.served_before_swap[PROFILE]
    assert (preview.output / PROFILE).read_bytes() == before
    assert preview.leftovers() == []


def two_versions(root: Path) -> tuple[Path, Path]:
    """A page in a build's folder ("neu") and in the served one ("alt")."""
    building, served = root / ".output.building-1", root / "output"
    for folder, text in ((building, "neu"), (served, "alt")):
        (folder / "seite").mkdir(parents=True)
        (folder / "seite" / "index.html").write_text(text, encoding="utf-8")
    return building, served


@pytest.mark.parametrize("reported", [False, True])
def test_nothing_is_published_once_the_build_has_a_content_error(tmp_path, reported):
    """Errors in the content stop a build before it writes; an error found while
    writing (a page taking another's address, script in a page) stops early pages."""
    building, served = two_versions(tmp_path)
    errors.reset()
    try:
        if reported:
            errors.report(ContentError("members/x.md", "Summary", "Test: ein Fehler"))
        with early.EarlyPages(building, served) as pages:
            pages.written(str(building / "seite" / "index.html"))
    finally:
        errors.reset()
    shown = (served / "seite" / "index.html").read_text(encoding="utf-8")
    assert shown == ("alt" if reported else "neu")


def test_the_folder_of_a_killed_build_is_removed_by_the_next(preview):
    stale = preview.root / (early.ASIDE.format(name="output") + "999999")
    stale.mkdir()
    (stale / "0").write_text("old page", encoding="utf-8")
    assert preview.build().exit_code == 0
    assert not stale.exists()


class Holder:
    """A stand-in generator holding content read from the files ``sources``."""

    def __init__(self, name: str, *sources: str, last: bool = False) -> None:
        self.name = name
        self.items = [type("Content", (), {"source_path": source})() for source in sources]
        if last:
            self.writes_after_others = True


def test_generators_holding_a_saved_file_move_first_in_their_order():
    generators = [
        Holder("articles", "/c/blog/a.md"),
        Holder("pages", "/c/pages/p.md"),
        Holder("members", "/c/members/m.md", "/c/members/n.md"),
        Holder("podcast", "/c/blog/a.md"),
        Holder("aliases", "/c/members/m.md", last=True),
    ]
    early.changed_first(generators, ["/c/members/m.md", "/c/blog/./a.md"])
    assert [g.name for g in generators] == ["articles", "members", "podcast", "pages", "aliases"]
    early.changed_first(generators, [])
    assert [g.name for g in generators] == ["articles", "members", "podcast", "pages", "aliases"]
