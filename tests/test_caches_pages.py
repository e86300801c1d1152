"""Incremental development builds (``caches.pages``): only what changed is rendered.

One small network (the members fixture, a date and a few posts) is rebuilt
into the same ``output/`` with the same cache after each change; after every
rebuild a fresh build of the same content (new output and cache folders)
must give the same files byte for byte, and the rebuild must have reused
pages (else these tests would prove nothing).
"""

from __future__ import annotations

import datetime
import shutil
import time
from pathlib import Path

import pytest
from knotenpunkt.plugins.caches import pages, reading

from dates_fixture import TODAY, meeting
from knotenpunkt.build import atomic_build
from members_fixture import members_content, zoras_post
from sitebuild import PROJECT_ROOT
from test_caches import differences

PELICANCONF = PROJECT_ROOT / "pelicanconf.py"


class Site:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = members_content(root)
        for number in range(1, 4):
            (self.content / "blog" / f"beitrag-{number}.md").write_text(zoras_post(number), "utf-8")
        (self.content / "termine").mkdir()
        (self.content / "termine" / "treffen.md").write_text(meeting(Groups=None), "utf-8")
        self.theme = root / "theme"
        shutil.copytree(PROJECT_ROOT / "themes" / "knotenpunkt", self.theme)
        self.output = root / "output"
        # one member per directory page: an edit must re-render only its own page
        self.settings = {"DATES_TODAY": TODAY, "DEFAULT_PAGINATION": 2, "MEMBERS_PER_PAGE": 1}
        self.fresh_builds = 0

    def build(self, output: Path, cache: Path):
        outcome = atomic_build(
            PELICANCONF,
            output,
            PATH=str(self.content),
            CACHE_PATH=str(cache),
            THEME=str(self.theme),
            **self.settings,
        )
        assert outcome.exit_code == 0
        return outcome

    def rebuild(self) -> dict:
        """The incremental build; what it rendered. A fresh build must equal it."""
        outcome = self.build(self.output, self.root / "cache")
        done = {"rendered": set(pages.last["rendered"]), "reused": pages.last["reused"]}
        done["warnings"] = outcome.warnings
        self.fresh_builds += 1
        fresh = self.root / f"fresh-{self.fresh_builds}"
        fresh_outcome = self.build(fresh, self.root / f"fresh-cache-{self.fresh_builds}")
        assert pages.last["reused"] == 0
        assert differences(fresh, self.output) == []
        assert fresh_outcome.warnings == outcome.warnings, "every warning reported again"
        shutil.rmtree(fresh)
        return done

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def page(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("incremental"))
    site.build(site.output, site.root / "cache")
    assert pages.last["reused"] == 0 and pages.last["rendered"]
    return site


PROFILE = "mitglieder/anna-beispiel/index.html"
ZORA = "mitglieder/zora-zander/index.html"
IMPRESSUM = "impressum/index.html"


def test_an_unchanged_rebuild_renders_nothing(site):
    entry = site.output / "pagefind" / "pagefind-entry.json"
    index_before = entry.stat().st_ino
    done = site.rebuild()
    assert done["rendered"] == set()
    assert done["reused"] > 20
    assert entry.stat().st_ino == index_before, "the search index is linked, not rebuilt"


def test_the_replaced_site_is_deleted_in_the_background(site):
    site.rebuild()  # replaces the site (also when this test runs alone)
    retired = site.root / "cache" / "retired-sites"
    assert sorted(p.name for p in site.output.parent.iterdir() if p.name.startswith(".")) == []
    for _ in range(600):
        if not any(retired.iterdir()):
            break
        time.sleep(0.1)
    assert list(retired.iterdir()) == []


def test_a_member_summary(site):
    site.edit("content/members/anna-beispiel.md", "Lerntherapeutin in", "Lernberaterin aus")
    done = site.rebuild()
    assert "Lernberaterin aus" in site.page("mitglieder/index.html")
    assert PROFILE in done["rendered"] and "mitglieder/index.html" in done["rendered"]
    assert ZORA not in done["rendered"] and IMPRESSUM not in done["rendered"]


DIRECTORY_PAGES = [f"mitglieder/seite/{number}/index.html" for number in (2, 3, 4)]


def test_a_member_summary_renders_only_her_directory_page(site):
    """Zora is on the last directory page; the first page holds the filter's index of all."""
    assert all((site.output / page).is_file() for page in DIRECTORY_PAGES)
    assert "Lesepatin" in site.page(DIRECTORY_PAGES[-1])
    site.edit("content/members/zora-zander.md", "Summary: Lesepatin.", "Summary: Vorlesepatin.")
    done = site.rebuild()
    assert "Vorlesepatin" in site.page(DIRECTORY_PAGES[-1])
    assert "Vorlesepatin" in site.page("mitglieder/index.html")  # the filter's index
    assert {ZORA, DIRECTORY_PAGES[-1], "mitglieder/index.html"} <= done["rendered"]
    assert not done["rendered"] & set(DIRECTORY_PAGES[:-1]), done["rendered"]
    assert PROFILE not in done["rendered"]


def test_a_member_name_reaches_the_posts_naming_her(site):
    site.edit("content/members/anna-beispiel.md", "Title: Anna Beispiel", "Title: Anna Neuname")
    done = site.rebuild()
    assert "Anna Neuname" in site.page("blog/rechnen/index.html")
    assert ZORA not in done["rendered"]


def test_competences_move_a_member_between_pages(site):
    site.edit(
        "content/members/zora-zander.md", "Competences: legasthenie", "Competences: dyskalkulie"
    )
    done = site.rebuild()
    assert "Zora" in site.page("kompetenzen/dyskalkulie/index.html")
    assert IMPRESSUM not in done["rendered"]


def test_a_photo_removed(site):
    assert "bilder/anna-" in site.page(PROFILE)
    site.edit("content/members/anna-beispiel.md", "Photo: images/members/anna.jpg\n", "")
    done = site.rebuild()
    assert "bilder/anna-" not in site.page(PROFILE)
    assert PROFILE in done["rendered"]


def test_a_post_text_and_its_automatic_summary(site):
    site.edit("content/blog/beitrag-3.md", "Ein Absatz über", "Ein geänderter Absatz über")
    done = site.rebuild()
    assert "Ein geänderter Absatz" in site.page("blog/beitrag-3/index.html")
    assert "blog/beitrag-3/index.html" in done["rendered"]
    assert "blog/beitrag-1/index.html" not in done["rendered"]


def test_markup_the_sanitiser_removes_is_reported_on_every_build(site):
    """The sanitiser's answers are cached (``caches.sanitize``), its findings too."""
    before = site.rebuild()["warnings"]
    site.edit(
        "content/blog/beitrag-2.md",
        "Ein Absatz über",
        'Ein <span onclick="alert(1)" class="rot">Absatz</span> über',
    )
    done = site.rebuild()
    assert done["warnings"] == before + 2  # the handler and the class
    assert "onclick" not in site.page("blog/beitrag-2/index.html")
    assert 'class="rot"' not in site.page("blog/beitrag-2/index.html")
    assert site.rebuild()["warnings"] == done["warnings"]  # answered from the cache


def test_a_new_post_shifts_the_pagination(site):
    (site.content / "blog" / "beitrag-9.md").write_text(zoras_post(9), "utf-8")
    site.rebuild()
    assert site.page("blog/beitrag-9/index.html")


def test_a_new_and_a_removed_member(site):
    (site.content / "members" / "neu-mitglied.md").write_text(
        "Title: Nele Neu\nKind: person\nCompetences: legasthenie\nRegion: Musterstadt-Nord\n"
        "Formats: online\nSummary: Neu im Netzwerk.\n\nText.\n",
        "utf-8",
    )
    site.rebuild()  # the pagination shifts: every member after Nele moves a page on
    assert "Nele Neu" in site.page("mitglieder/index.html")
    assert "Nele Neu" in site.page("mitglieder/seite/2/index.html")
    assert (site.output / "mitglieder/seite/5/index.html").is_file()
    (site.content / "members" / "oskar-oehler.md").unlink()
    site.edit("content/blog/rechnen.md", "anna-beispiel, oskar-oehler", "anna-beispiel")
    site.rebuild()
    assert not (site.output / "mitglieder" / "oskar-oehler").exists()
    assert not (site.output / "mitglieder/seite/5").exists()


def test_a_template_edit(site):
    site.edit("theme/templates/base.html", "</footer>", "<p>Neu im Fuß</p></footer>")
    done = site.rebuild()
    assert "Neu im Fuß" in site.page(IMPRESSUM)
    assert IMPRESSUM in done["rendered"]


def test_translations_settings_and_the_pinned_day_are_part_of_the_state(tmp_path):
    """Each renders every page again (the template edit above shows that end to end)."""
    catalogue = tmp_path / "theme" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text('msgid "Mitglieder"\nmsgstr "Members"\n', "utf-8")
    settings = {"PATH": "", "THEME": str(tmp_path / "theme"), "SITENAME": "Netz"}
    before = pages.site_state(settings)
    catalogue.write_text('msgid "Mitglieder"\nmsgstr "Network members"\n', "utf-8")
    translated = pages.site_state(settings)
    assert translated != before
    assert pages.site_state({**settings, "SITENAME": "Anderes Netz"}) != translated
    assert pages.site_state({**settings, "DATES_TODAY": "2027-11-20"}) != translated


def test_the_real_day_is_part_of_the_state(monkeypatch):
    settings = {"PATH": "", "THEME": "", "TIMEZONE": "Europe/Berlin"}
    today = pages.site_state(settings)

    real = datetime.datetime

    class Tomorrow(real):
        @classmethod
        def now(cls, tz=None):
            return real.now(tz) + datetime.timedelta(days=1)

    monkeypatch.setattr(pages.datetime, "datetime", Tomorrow)
    assert pages.site_state(settings) != today


def test_plugin_code_is_part_of_the_state(tmp_path, monkeypatch):
    """Changed plugin code runs only in a new process (the devserver starts a new
    worker for it), and there the state differs; one process reads the code once."""
    code = tmp_path / "plugins"
    code.mkdir()
    (code / "helper.py").write_text("X = 1\n", "utf-8")
    monkeypatch.setattr(reading, "PLUGIN_ROOT", code)
    settings = {"PATH": "", "THEME": ""}
    before = pages.site_state(settings)
    (code / "helper.py").write_text("X = 2\n", "utf-8")
    assert pages.site_state(settings) == before  # this process still runs X = 1
    reading.code_digest.cache_clear()  # a new process
    changed = pages.site_state(settings)
    assert changed != before
    (code / "helper.py").rename(code / "other.py")  # same bytes, another module
    reading.code_digest.cache_clear()
    assert pages.site_state(settings) != changed


def test_linked_values_are_fingerprinted_completely():
    """Pages linked both ways (previous/next): each one's digest covers the other's data."""

    class Page:
        pass

    first, second = Page(), Page()
    first.members, second.members = ["a"], ["b"]
    first.next, second.previous = second, first
    pages.reset()
    before = pages.value_print(second)
    pages.reset()
    pages.value_print(first)  # computed first, with a back-link to the second
    assert pages.value_print(second) == before
    first.members = ["c"]
    pages.reset()
    assert pages.value_print(second) != before
    pages.reset()


def test_a_helper_records_the_content_objects_it_is_given_inside_other_objects():
    """A filter or global may read any attribute of what it gets, in Python."""
    from types import SimpleNamespace

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    metadata = {"title": "T", "date": datetime.datetime(2026, 1, 1)}
    item = Article("<p>x</p>", metadata=metadata, settings=DEFAULT_CONFIG)
    holder = SimpleNamespace(number=2, members=[item])
    helper = pages.tracked(lambda page: len(page.members))
    recorder = pages.Recorder({}, None)
    pages._stack.append(recorder)
    try:
        assert helper(holder) == 1
    finally:
        pages._stack.clear()
    assert list(recorder.objects.values()) == [item]


def test_plain_values_inside_containers_are_told_apart():
    """Text goes into its container's digest as it is, with its length and type."""
    pages.reset()
    different = [
        (["a\0b"], ["a", "b"]),
        ({"a": "bc"}, {"ab": "c"}),
        (["1"], [1]),
        ([b"x"], ["x"]),
        (("a", "b"), ["a", "b"]),
        ({"a", "b"}, {"a", "c"}),
    ]
    for one, other in different:
        assert pages.value_print(one) != pages.value_print(other), (one, other)
    assert pages.value_print({"a": 1, "b": [2]}) == pages.value_print({"b": [2], "a": 1})
    pages.reset()
