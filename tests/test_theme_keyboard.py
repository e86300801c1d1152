"""Keyboard only, in Debian's Chromium: on one page of each kind every
interactive element gets focus with a visible indicator, the first Tab reaches
the skip link, and the skip link moves focus to the main content."""

from __future__ import annotations

import pytest

from theme_checks import (
    INTERACTIVE_JS,
    guard_context,
    html_pages,
    one_page_per_kind,
    tab_through,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(sample_url):
    from browser import chromium

    with chromium(locale="de-DE") as context:
        guard_context(context)
        yield context.new_page()


def test_keyboard_reaches_every_interactive_element_with_visible_focus(
    sample_site, sample_url, page
):
    problems = []
    for path in one_page_per_kind(html_pages(sample_site.output)):
        page.goto(f"{sample_url}/{path}")
        expected = page.evaluate(INTERACTIVE_JS)
        seen = []
        for info in tab_through(page, expected):
            seen.append((info["index"], info["describe"]))
            if info["focused"] == info["unfocused"] or not info["outlineVisible"]:
                problems.append(f"{path}: no visible focus on {info['describe']}")
            if min(info["width"], info["height"]) < 24 and info["describe"].startswith(
                ("button", "input")
            ):
                problems.append(f"{path}: target smaller than 24px: {info['describe']}")
        if len(set(seen)) < expected:
            problems.append(f"{path}: {len(set(seen))} of {expected} interactive elements reached")
        if len(set(seen)) > expected:
            problems.append(
                f"{path}: {len(set(seen))} tab stops for {expected} visible interactive elements"
                " (an element INTERACTIVE_JS does not count takes the focus)"
            )
        if not seen or not seen[0][1].startswith("a[href=#inhalt]"):
            problems.append(f"{path}: the first Tab does not reach the skip link")
    assert not problems, "\n".join(problems)


def test_skip_link_moves_focus_to_the_main_content(sample_url, page):
    page.goto(f"{sample_url}/blog/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#inhalt"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
