"""Every page of the sample network in a real browser (Debian's Chromium).

For each HTML file in the built sample (whatever generators wrote it, so
member and podcast pages are covered as soon as they exist): no request to
another host, no console error, no axe-core WCAG 2.x A/AA violation, exactly
one h1. Member markup never runs, embeds load only after a click, and the
checks themselves catch what they must. Keyboard: test_theme_keyboard.py;
phones: test_theme_phone.py; the Nu HTML checker: test_theme_html_checker.py.
"""

from __future__ import annotations

import time

import pytest

from browser import chromium
from theme_checks import (
    axe_violations,
    guard_context,
    html_pages,
    preload_axe,
    served_page,
    watch_page,
)

pytestmark = pytest.mark.browser


#: the page loads at the desktop size; each page is then also measured at an old
#: phone's width (or a large system font) without loading it again
DESKTOP = {"width": 1280, "height": 720}
SMALL_PHONE = {"width": 320, "height": 640}


@pytest.fixture(scope="module")
def site_browser(sample_site, sample_url):
    """One page for the sweep over all pages, with axe-core loaded into each page as
    it opens; every request off loopback is blocked."""
    with chromium(locale="de-DE", viewport=DESKTOP) as context:
        watch = guard_context(context)
        preload_axe(context)
        page = context.new_page()
        watch_page(page, watch)
        yield page, watch


def page_problems(page, watch) -> list[str]:
    """What is wrong with the loaded page: foreign requests, console errors, not
    exactly one h1, axe violations, and sideways scrolling on a small phone."""
    found = [f"request to another host: {url}" for url in watch.external]
    found += [f"console error: {text}" for text in watch.console_errors]
    h1_count = page.locator("h1").count()
    if h1_count != 1:
        found.append(f"{h1_count} h1 elements (exactly one expected)")
    found += [f"axe: {line}" for line in axe_violations(page)]
    page.set_viewport_size(SMALL_PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > SMALL_PHONE["width"]:
        found.append(f"scrolls sideways on a small phone: {width}px wide at 320px")
    page.set_viewport_size(DESKTOP)
    return found


def test_every_page_is_private_error_free_accessible_and_fits_a_small_phone(
    sample_site, sample_url, site_browser
):
    """At 320 px long German words break, cards and fact lists shrink; only code
    blocks scroll, inside themselves."""
    page, watch = site_browser
    problems: dict[str, list[str]] = {}
    paths = html_pages(sample_site.output)
    assert len(paths) > 50, "the sample network should have many pages"
    started = time.monotonic()
    for path in paths:
        watch.reset()
        page.goto(f"{sample_url}/{path}", wait_until="load")
        found = page_problems(page, watch)
        if found:
            problems[path or "/"] = found
    elapsed = time.monotonic() - started
    report = "\n".join(f"{path}:\n  " + "\n  ".join(lines) for path, lines in problems.items())
    assert not problems, f"{len(problems)} of {len(paths)} pages fail:\n{report}"
    print(f"{len(paths)} pages checked in {elapsed:.1f} s")


def test_no_cookies_are_set(sample_url, site_browser):
    page, _watch = site_browser
    page.goto(f"{sample_url}/")
    assert page.context.cookies() == []


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
