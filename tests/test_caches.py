"""Build caches (plugin ``caches``, i18n memos): they change no byte of the site.

One reference build of the sample without the ``caches`` plugin runs in a
separate process (the plugin patches Pelican's ``Content`` for the whole
process it runs in); the builds with caches run here and must produce the
same files, byte for byte.
"""

from __future__ import annotations

import datetime
import filecmp
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from sitebuild import PROJECT_ROOT, build_site, copy_sample

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
    settings = root / "nocaches.py"
    settings.write_text(NO_CACHES, encoding="utf-8")
    reference = root / "reference"
    plain = subprocess.run(
        [sys.executable, "-m", "knotenpunkt", "build", "--content", str(content),
         "--output", str(reference), "--settings", str(settings)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert plain.returncode == 0, plain.stderr
    cached = build_site(content, root / "cached")
    assert cached.exit_code == 0, cached.messages
    return reference, cached.output


def test_caches_change_no_byte_of_the_site(sites):
    reference, cached = sites
    assert (cached / "mitglieder" / "index.html").exists()
    assert differences(reference, cached) == []


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
