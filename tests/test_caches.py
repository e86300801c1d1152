"""Build caches (plugin ``caches``, i18n memos): they change no byte of the site.

One reference build of the sample without the ``caches`` plugin runs in a
separate process (the plugin patches Pelican's ``Content`` for the whole
process it runs in); the builds with caches run here and must produce the
same files, byte for byte.
"""

from __future__ import annotations

import datetime
import filecmp
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from sitebuild import FIXTURES, PROJECT_ROOT, build_site, copy_sample

NO_CACHES = f"""
from knotenpunkt.conf import inherit
globals().update(inherit({str(PROJECT_ROOT / "pelicanconf.py")!r}))
PLUGINS = [name for name in PLUGINS if not name.endswith(".caches")]
"""


def differences(first: Path, second: Path) -> list[str]:
    """Every relative path that is missing on one side or differs in content."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only)
        _, mismatch, errors = filecmp.cmpfiles(
            comparison.left, comparison.right, comparison.common_files, shallow=False
        )
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(first, second), "")
    return found


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("caches")
    content = copy_sample(root)
    # one recommended field left out: a warning the cached build must repeat
    member = content / "members" / "anna-beispiel.md"
    text = member.read_text(encoding="utf-8")
    photo = next(line for line in text.splitlines() if line.startswith("Photo:"))
    member.write_text(text.replace(photo + "\n", "", 1), encoding="utf-8")
    settings = root / "nocaches.py"
    settings.write_text(NO_CACHES, encoding="utf-8")
    reference = root / "reference"
    plain = subprocess.run(
        [sys.executable, "-m", "knotenpunkt", "build", "--content", str(content),
         "--output", str(reference), "--settings", str(settings)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert plain.returncode == 0, plain.stderr
    cache = root / "cache"
    cold = build_site(content, root / "cold", CACHE_PATH=str(cache))
    assert cold.exit_code == 0, cold.messages
    assert list(cache.glob("*Readers")), "the development build keeps a content cache"
    warm = build_site(content, root / "warm", CACHE_PATH=str(cache))
    assert warm.exit_code == 0, warm.messages
    return reference, cold, warm


def test_caches_change_no_byte_of_the_site(sites):
    reference, cold, _warm = sites
    assert (cold.output / "mitglieder" / "index.html").exists()
    assert differences(reference, cold.output) == []


def test_a_build_from_the_content_cache_is_byte_identical(sites):
    reference, cold, warm = sites
    assert differences(cold.output, warm.output) == []
    assert differences(reference, warm.output) == []


def test_a_build_from_the_content_cache_reports_the_same_problems(sites):
    _reference, cold, warm = sites

    def problems(messages: str) -> str:  # without Pelican's "Done: … in 2.1 seconds"
        return messages.split("Done:")[0]

    assert "Hinweise" in problems(cold.messages)
    assert problems(warm.messages) == problems(cold.messages)


def test_a_cached_file_turned_into_a_link_is_still_refused(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    cache = str(tmp_path / "cache")
    assert build_site(content, tmp_path / "one", CACHE_PATH=cache).exit_code == 0
    post = next((content / "blog").glob("*.md"))
    outside = tmp_path / "outside.md"
    outside.write_bytes(post.read_bytes())  # the same bytes: the same content hash
    post.unlink()
    post.symlink_to(outside)
    again = build_site(content, tmp_path / "two", CACHE_PATH=cache)
    assert again.exit_code == 1, again.messages
    assert post.name in again.messages
    assert "Traceback" not in again.messages


@pytest.mark.parametrize("method", ["sha256", "mtime"])
def test_a_cached_files_bytes_are_checked_once_and_its_path_every_time(
    tmp_path, monkeypatch, method
):
    """A cache entry is made from bytes that passed the size, line and nesting
    checks, and its stamp is their hash: a hit needs only the path checked (no
    link, no device). With modification times as stamps the bytes are checked too."""
    from knotenpunkt.plugins.content_errors import guarded_reader

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "CHECK_MODIFIED_METHOD": method}
    assert build_site(content, tmp_path / "one", **settings).exit_code == 0
    markdown = {path.name for path in content.rglob("*.md")}
    bytes_checked, paths_checked = [], []
    check_text, check_links = (
        guarded_reader.check_markdown_text,
        guarded_reader.refuse_links_and_specials,
    )

    def text(source, *args):
        bytes_checked.append(Path(source).name)
        return check_text(source, *args)

    def links(root, absolute, source, *args, **kwargs):
        paths_checked.append(Path(source).name)
        return check_links(root, absolute, source, *args, **kwargs)

    monkeypatch.setattr(guarded_reader, "check_markdown_text", text)
    monkeypatch.setattr(guarded_reader, "refuse_links_and_specials", links)
    assert build_site(content, tmp_path / "two", **settings).exit_code == 0
    assert markdown <= set(paths_checked)
    assert set(bytes_checked) == (markdown if method == "mtime" else set())


def test_no_file_is_hashed_for_the_unused_generator_cache(tmp_path, monkeypatch):
    """Pelican hashed every article and page twice per build for its generators'
    cache layer, which this project does not use (the reader's layer is)."""
    from pelican.generators import CachingGenerator

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    cache = str(tmp_path / "cache")
    assert build_site(content, tmp_path / "one", CACHE_PATH=cache).exit_code == 0
    hashed = []
    original = CachingGenerator._get_file_stamp

    def stamp(self, filename):
        hashed.append(filename)
        return original(self, filename)

    monkeypatch.setattr(CachingGenerator, "_get_file_stamp", stamp)
    again = build_site(content, tmp_path / "two", CACHE_PATH=cache)
    assert again.exit_code == 0, again.messages
    assert hashed == []
    assert filecmp.dircmp(tmp_path / "one", tmp_path / "two").diff_files == []


def test_a_changed_limit_applies_to_cached_files(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    cache = str(tmp_path / "cache")
    assert build_site(content, tmp_path / "one", CACHE_PATH=cache).exit_code == 0
    again = build_site(content, tmp_path / "two", CACHE_PATH=cache, CONTENT_MAX_LINE_CHARS=5)
    assert again.exit_code == 1, again.messages


def test_url_memo_only_after_reading_and_overrides_win():
    from knotenpunkt.plugins.caches import urls

    urls.install()
    settings = {**DEFAULT_CONFIG, "PATH": "/c", "ARTICLE_URL": "{slug}/"}
    article = Article("", metadata={"title": "T", "slug": "eins"}, settings=settings,
                      source_path="/c/a.md")  # fmt: skip
    try:
        urls.thaw()
        assert article.url == "eins/"
        article.slug = "zwei"  # still reading: a plugin may change the slug
        assert article.url == "zwei/"
        urls.freeze()
        assert article.url == "zwei/"
        article.slug = "drei"
        assert article.url == "zwei/"  # memoised once reading is over
        article.override_url = "anders/"  # {attach} sets this while rendering
        assert article.url == "anders/"
    finally:
        urls.thaw()


def test_date_memo_tells_time_zones_apart():
    from knotenpunkt.plugins.i18n.plugin import _format_date

    berlin = datetime.datetime(2025, 1, 1, 0, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    utc = berlin.astimezone(datetime.UTC)  # the same instant, still 31 December in UTC
    assert berlin == utc
    assert _format_date(berlin, "long", "de") == "1. Januar 2025"
    assert _format_date(utc, "long", "de") == "31. Dezember 2024"
    assert _format_date(berlin, "long", "de") == "1. Januar 2025"


def test_page_check_verdicts_never_hide_a_changed_page(tmp_path):
    from types import SimpleNamespace

    from knotenpunkt.plugins.caches import verdicts

    settings = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path)}
    build = SimpleNamespace(settings=settings)
    clean = "<html><body><p>Hallo</p></body></html>"
    dirty = '<html><body><p onclick="x()">Hallo</p></body></html>'
    verdicts.start(build)
    assert verdicts.checked(clean) == []
    assert verdicts.checked(dirty) == ["<p onclick=…>"]
    verdicts.save()
    stored = (tmp_path / verdicts.FILE_NAME).read_bytes()
    assert len(stored) == 32  # only the clean page's verdict is kept
    verdicts.start(build)
    assert verdicts.checked(clean) == []
    assert verdicts.checked(dirty) == ["<p onclick=…>"]  # checked again, every build
    assert verdicts.checked(clean.replace("Hallo", "<script>x()</script>")) == ["<script >"]
    verdicts.save()
    verdicts.start(SimpleNamespace(settings={**settings, "CACHE_CONTENT": False}))
    assert verdicts._state["clean"] is None  # publish builds check every page


def test_the_raw_pass_reports_from_its_cache_and_sees_every_change(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    post = content / "blog" / "erster-beitrag.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Title:", "Titel:", 1), "utf-8")
    cache = str(tmp_path / "cache")
    first = build_site(content, tmp_path / "one", CACHE_PATH=cache)
    assert first.exit_code == 1 and "Titel" in first.messages, first.messages
    assert (tmp_path / "cache" / "knotenpunkt-lint").exists()
    second = build_site(content, tmp_path / "two", CACHE_PATH=cache)
    assert second.exit_code == 1
    assert second.messages.split("Done:")[0] == first.messages.split("Done:")[0]
    post.write_text(post.read_text(encoding="utf-8").replace("Titel:", "Title:", 1), "utf-8")
    fixed = build_site(content, tmp_path / "three", CACHE_PATH=cache)
    assert fixed.exit_code == 0, fixed.messages
    assert "Titel" not in fixed.messages


def test_one_markdown_instance_reads_like_a_new_one_per_file(tmp_path):
    from knotenpunkt.plugins.caches import markdown
    from pelican.readers import MarkdownReader
    from pelican.settings import read_settings

    settings = read_settings(str(PROJECT_ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path)})
    files = {
        "a.md": "Title: A\nSummary: Kurz *fett*[^1]\n\n# Kopf\n\nText[^1] mit *ABC*.\n\n"
        "*[ABC]: Abkürzung\n\n[^1]: Fußnote A.\n",
        "b.md": "Title: B\n\nText mit ABC und [Link][x].\n\n# Kopf\n\n[x]: https://example.org\n",
        "c.md": "Kein Kopf\n\n# Kopf\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    markdown.install()
    reused = MarkdownReader(settings)
    for name in [*files, *files]:  # twice: state left by every file
        fresh = MarkdownReader(settings).read(str(tmp_path / name))  # a new instance each time
        assert reused.read(str(tmp_path / name)) == fresh, name


def test_page_check_verdicts_depend_on_every_argument_of_the_check(tmp_path):
    from types import SimpleNamespace

    from knotenpunkt.plugins.caches import verdicts

    settings = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path)}
    redirect = '<html><head><meta http-equiv="refresh" content="0; url=/neu/"></head></html>'
    verdicts.start(SimpleNamespace(settings=settings))
    assert verdicts.checked(redirect, redirect_to="/neu/") == []  # an alias page
    assert verdicts.checked(redirect) == ["<meta http-equiv=refresh>"]  # any other page
    verdicts.save()
