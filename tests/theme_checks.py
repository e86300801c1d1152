"""Helpers for the theme's browser suite: pages of a built site, guards, axe, focus.

Used by the sweep (tests/test_theme_sweep_*.py); kept separate so other browser tests (the
members directory, the podcast player) can reuse the same guards.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK = "127.0.0.1"

# axe-core rule tags for WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


#: not the theme's pages: the editing interface (Decap CMS) has its own tests
#: (tests/test_admin_browser.py)
NOT_THEMED = ("admin/",)


def html_pages(output: Path) -> list[str]:
    """Every HTML file of a built site as a URL path (``blog/x/`` for ``blog/x/index.html``)."""
    paths = []
    for file in sorted(output.rglob("*.html")):
        relative = file.relative_to(output).as_posix()
        if relative.startswith(NOT_THEMED):
            continue
        if relative == "index.html":
            relative = ""
        elif relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        paths.append(relative)
    return paths


@dataclass
class PageWatch:
    """What a page did that it must not: other hosts, console errors, script errors."""

    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    #: messages of alert/confirm/prompt dialogs (``served_page`` dismisses them)
    dialogs: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.external.clear()
        self.console_errors.clear()
        self.dialogs.clear()


#: what plainly stays on this machine; Playwright lets such requests through
#: without asking the test (a round trip to Python for every file of every page
#: otherwise). The route below decides everything else, loopback included.
CLEARLY_LOCAL = r"(?:data:|blob:|about:|https?://127\.0\.0\.1(?:[:/?#]|$))"
NOT_CLEARLY_LOCAL = re.compile(rf"^(?!{CLEARLY_LOCAL})")


def guard_context(context) -> PageWatch:
    """Block and record every request to a host other than loopback."""
    watch = PageWatch()

    def route(route):
        url = route.request.url
        if url.startswith(("data:", "blob:", "about:")) or urlsplit(url).hostname == LOOPBACK:
            route.continue_()
        else:
            watch.external.append(url)
            route.abort()

    context.route(NOT_CLEARLY_LOCAL, route)
    return watch


def watch_page(page, watch: PageWatch) -> None:
    page.on(
        "console",
        lambda message: (
            watch.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: watch.console_errors.append(f"pageerror: {error}"))


@cache
def axe_source() -> str:
    """axe-core as shipped inside the PyPI package ``axe-playwright-python``."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def preload_axe(context) -> None:
    """Load axe-core into every page of ``context`` as it opens, instead of sending
    half a megabyte of script over the wire for each page checked."""
    context.add_init_script(axe_source())


def axe_violations(page) -> list[str]:
    """axe-core's WCAG A/AA violations of the loaded page, one line each."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    # only the violations travel back: axe's whole result (every rule that passed
    # or did not apply, with an example node each) would cost more to hand from
    # the page to Python than the violations are worth
    violations = page.evaluate(
        """async (options) => (await axe.run(document, options)).violations.map(
             (violation) => ({id: violation.id, impact: violation.impact,
                              targets: violation.nodes.slice(0, 3).map((node) => node.target)}))""",
        {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    found = []
    for violation in violations:
        targets = ", ".join(str(target) for target in violation["targets"])
        found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


# Returns the focus indicator of the active element and of the same element
# unfocused, so a test can tell they differ.
FOCUS_STYLE_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = (e) => {
    const s = getComputedStyle(e);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
            s.textDecorationLine].join("|");
  };
  const focused = style(el);
  const rect = el.getBoundingClientRect();
  const index = Array.prototype.indexOf.call(document.querySelectorAll("*"), el);
  const describe = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.getAttribute("href") ? "[href=" + el.getAttribute("href") + "]" : "") +
    (el.textContent ? " " + el.textContent.trim().slice(0, 40) : "");
  el.blur();
  const unfocused = style(el);
  el.focus({preventScroll: true});
  const outline = getComputedStyle(el);
  return {index, describe, focused, unfocused, width: rect.width, height: rect.height,
          outlineVisible: outline.outlineStyle !== "none" && parseFloat(outline.outlineWidth) >= 2};
}
"""

# Records FOCUS_STYLE_JS's answer after every Tab the page receives, so a test
# presses Tab many times and reads the answers with one call instead of one round
# trip per key. Tab moves focus on keydown; on keyup the focus has settled.
RECORD_FOCUS_JS = f"""
() => {{
  const focusStyle = {FOCUS_STYLE_JS};
  window.__focusLog = [];
  window.addEventListener("keyup", (event) => {{
    if (event.key === "Tab") window.__focusLog.push(focusStyle());
  }}, true);
}}
"""


def tab_through(page, expected: int) -> list[dict]:
    """Press Tab ``expected + 5`` times and return FOCUS_STYLE_JS's answer for each
    element reached, in order, up to where focus comes back to the first one or
    leaves the page."""
    page.evaluate(RECORD_FOCUS_JS)
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
    reached = []
    for info in page.evaluate("window.__focusLog"):
        if info is None or (reached and info["index"] == reached[0]["index"]):
            break
        reached.append(info)
    return reached


# The interactive elements a visitor sees. Chromium's own answer to "is it
# rendered" (no box, inside a closed <details>, visibility hidden): the header's
# menu is a closed <details> that CSS shows on wide screens, and its links count
# there (an ancestor test missed them, so the last tab stops went unchecked).
INTERACTIVE_JS = """
() => Array.from(document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'
)).filter(e => !e.disabled && !e.hidden && e.checkVisibility({visibilityProperty: true})).length
"""


@contextmanager
def served_page(output: Path, **context_options):
    """``output`` served on loopback and one page of a fresh German context of the
    shared Chromium: requests off loopback are blocked and recorded, dialogs are
    dismissed and recorded (``watch.dialogs``). Yields ``(url, page, watch)``."""
    from browser import chromium, serve

    with serve(output) as url, chromium(locale="de-DE", **context_options) as context:
        watch = guard_context(context)
        page = context.new_page()
        page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
        yield url, page, watch


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


# --- The every-page sweep (tests/test_theme_sweep_*.py) ------------------------

#: the page loads at the desktop size; each page is then also measured at an old
#: phone's width (or a large system font) without loading it again
DESKTOP = {"width": 1280, "height": 720}
SMALL_PHONE = {"width": 320, "height": 640}

#: The sweep over every page is split by section into modules that run on
#: different test workers side by side (it is the suite's longest check).
#: Sections are chosen by a path's first folder; every page not in a named
#: section belongs to "network", so no page can fall between the modules.
SWEEP_SECTIONS = {
    "directory": {"mitglieder", "kompetenzen", "regionen", "formate", "mitgliedsart"},
    "writing": {"blog", "thema", "themen", "kategorie", "kategorien", "archiv"},
}
OTHER_SECTION = "network"


def sweep_section(path: str) -> str:
    """Which sweep module checks the page at URL path ``path``."""
    first = path.strip("/").split("/")[0]
    for section, folders in SWEEP_SECTIONS.items():
        if first in folders:
            return section
    return OTHER_SECTION


def page_problems(page, watch) -> list[str]:
    """What is wrong with the loaded page: foreign requests, console errors, not
    exactly one h1, axe violations, and sideways scrolling on a small phone."""
    found = [f"request to another host: {url}" for url in watch.external]
    found += [f"console error: {text}" for text in watch.console_errors]
    # a plain query in the page's own world: a locator would make Playwright set
    # up its selector engine in every page the sweep loads (a twentieth of its CPU)
    h1_count = page.evaluate("document.querySelectorAll('h1').length")
    if h1_count != 1:
        found.append(f"{h1_count} h1 elements (exactly one expected)")
    found += [f"axe: {line}" for line in axe_violations(page)]
    page.set_viewport_size(SMALL_PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > SMALL_PHONE["width"]:
        found.append(f"scrolls sideways on a small phone: {width}px wide at 320px")
    page.set_viewport_size(DESKTOP)
    return found


def sweep(output: Path, url: str, section: str) -> tuple[list[str], dict[str, list[str]]]:
    """Load every page of ``section`` of the site built into ``output`` (served at
    ``url``) in one guarded page with axe-core preloaded; returns the pages
    checked and the problems found per page."""
    from browser import chromium

    paths = [path for path in html_pages(output) if sweep_section(path) == section]
    problems: dict[str, list[str]] = {}
    with chromium(locale="de-DE", viewport=DESKTOP) as context:
        watch = guard_context(context)
        preload_axe(context)
        page = context.new_page()
        watch_page(page, watch)
        for path in paths:
            watch.reset()
            page.goto(f"{url}/{path}", wait_until="load")
            found = page_problems(page, watch)
            if found:
                problems[path or "/"] = found
        if context.cookies():
            problems["(all pages)"] = [f"cookies set: {context.cookies()}"]
    return paths, problems


def sweep_report(paths: list[str], problems: dict[str, list[str]]) -> str:
    lines = "\n".join(f"{path}:\n  " + "\n  ".join(found) for path, found in problems.items())
    return f"{len(problems)} of {len(paths)} pages fail:\n{lines}"


def sweep_test(section: str):
    """The sweep test of one section, for a module ``test_theme_sweep_<section>.py``
    (one module per section, so test workers share the sweep)."""

    def test(sample_site, sample_url):
        paths, problems = sweep(sample_site.output, sample_url, section)
        assert len(paths) >= 10, paths
        assert not problems, sweep_report(paths, problems)

    test.__doc__ = (
        f"Every page of the section {section!r}: private, error-free, accessible, and "
        "it fits a small phone (long German words break, cards and fact lists shrink; "
        "only code blocks scroll, inside themselves)."
    )
    return test
