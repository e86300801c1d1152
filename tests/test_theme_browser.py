"""The theme in a real browser (Debian's Chromium), beyond the every-page sweep.

The sweep (tests/test_theme_sweep_*.py, one module per section so test
workers share it) loads each HTML file of the built sample: no request to
another host, no console error, no cookie, no axe-core WCAG 2.x A/AA
violation, exactly one h1, no sideways scrolling at 320 px. Here: the
sections cover every page, member markup never runs, embeds load only after
a click, and the sweep's checks catch what they must. Keyboard:
test_theme_keyboard.py; phones: test_theme_phone.py; the Nu HTML checker:
test_theme_html_checker.py.
"""

from __future__ import annotations

import pytest

from browser import chromium
from theme_checks import (
    DESKTOP,
    OTHER_SECTION,
    SWEEP_SECTIONS,
    guard_context,
    html_pages,
    page_problems,
    served_page,
    sweep_section,
    watch_page,
)

pytestmark = pytest.mark.browser


def test_every_page_belongs_to_exactly_one_sweep(sample_site):
    """The sweep modules (test_theme_sweep_*.py) split the pages by section; each
    named section still has pages (a renamed URL would empty it silently), and
    whatever no section names is swept with the network's pages."""
    sections = {}
    for path in html_pages(sample_site.output):
        sections.setdefault(sweep_section(path), []).append(path)
    assert set(sections) == {*SWEEP_SECTIONS, OTHER_SECTION}
    assert all(len(paths) >= 10 for paths in sections.values()), sections
    assert "" in sections[OTHER_SECTION] and "404.html" in sections[OTHER_SECTION]


XSS_POST = """Title: Böse <script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">
Slug: boese
Date: 2026-03-02
Summary: <img src=x onerror="window.__xss = 3"> <a href="javascript:window.__xss=4">klick</a>
Tags: inklusion

Text <script>window.__xss = 6; alert(6)</script>

<div onmouseover="window.__xss = 7" style="position:fixed;inset:0">Fläche</div>

[Link](javascript:window.__xss=8) <a href="jAvAsCrIpT:window.__xss=9">zwei</a>
<iframe src="javascript:window.__xss=10"></iframe>
"""


def test_member_markup_never_executes_in_the_browser(tmp_path):
    """Markup in free text is escaped or sanitised. (Tags with markup, like slugs and
    languages, are refused at the door: tests/test_security_metadata.py.)"""
    import shutil as _shutil

    from sitebuild import FIXTURES, build_site, write_files

    content = tmp_path / "content"
    _shutil.copytree(FIXTURES / "minimal", content)
    write_files(content, {"blog/boese.md": XSS_POST})
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    with served_page(result.output) as (url, page, watch):
        for path in ["blog/boese/", "blog/", ""]:
            page.goto(f"{url}/{path}")
            page.mouse.move(200, 300)  # would trigger an onmouseover that survived
            assert page.locator("a[href^='javascript' i], iframe, [onmouseover]").count() == 0
            assert page.evaluate("window.__xss") is None, path
        assert watch.external == []
    assert watch.dialogs == []
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in result.page("blog/boese/index.html")


EMBED_POST = """Title: Mit Video
Slug: video
Date: 2026-03-02

Vorher.

[embed youtube https://www.youtube.com/watch?v=aqz-KE-bpKQ]

Nachher.
"""


def test_embed_loads_only_after_the_click(tmp_path):
    import shutil as _shutil

    from browser import serve
    from sitebuild import FIXTURES, build_site, write_files

    content = tmp_path / "content"
    _shutil.copytree(FIXTURES / "minimal", content)
    write_files(content, {"blog/video.md": EMBED_POST})
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    with serve(result.output) as url, chromium(locale="de-DE") as context:
        watch = guard_context(context)
        page = context.new_page()
        page.goto(f"{url}/blog/video/", wait_until="load")
        page.wait_for_timeout(300)
        assert watch.external == []
        assert page.locator("iframe").count() == 0
        button = page.get_by_role("button", name="Inhalt von YouTube laden")
        assert button.is_visible()
        button.click()
        page.wait_for_timeout(500)
        frame = page.locator("iframe.embed__frame")
        assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
        assert frame.get_attribute("title") == "Eingebetteter Inhalt von YouTube"
        assert any(u.startswith("https://www.youtube-nocookie.com/") for u in watch.external)
        assert all("youtube-nocookie.com" in u for u in watch.external)
        assert context.cookies() == []


def test_the_checks_catch_what_they_must(tmp_path):
    """The sweep's own guards: a foreign request, a console error, a second h1, a
    missing alt and a page wider than a small phone are all found."""
    from browser import serve

    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head><body><main><h1>x</h1>'
        '<img src="https://cdn.example.org/a.png"><script>console.error("kaputt")</script>'
        '<h1>y</h1><div style="width:400px">breit</div></main></body></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as url, chromium(viewport=DESKTOP) as context:
        watch = guard_context(context)
        page = context.new_page()
        watch_page(page, watch)
        page.goto(f"{url}/")
        found = page_problems(page, watch)
    assert watch.external == ["https://cdn.example.org/a.png"]
    assert any("kaputt" in text for text in watch.console_errors)
    assert "request to another host: https://cdn.example.org/a.png" in found
    assert "2 h1 elements (exactly one expected)" in found
    assert any(line.startswith("axe: image-alt") for line in found)
    assert any(line.startswith("scrolls sideways on a small phone: ") for line in found)
