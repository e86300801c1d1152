"""The sample on phones, in Debian's Chromium: no axe violation in dark mode,
room above the footer, and a one-row header whose menu works without
JavaScript. (That no page scrolls sideways at 320 px is checked on every page by
the sweep, test_theme_sweep_*.py.)"""

from __future__ import annotations

import pytest

from browser import chromium
from theme_checks import (
    axe_violations,
    guard_context,
    html_pages,
    one_page_per_kind,
    preload_axe,
)

pytestmark = pytest.mark.browser


#: the gap between the last element of the main content and the footer
FOOTER_GAP_JS = """
() => {
  const main = document.querySelector('main');
  const last = [...main.querySelectorAll('*')].filter(e => e.getClientRects().length
    && !e.closest('details:not([open]) > :not(summary)'))
    .reduce((max, e) => Math.max(max, e.getBoundingClientRect().bottom), 0);
  return document.querySelector('.site-footer').getBoundingClientRect().top - last;
}
"""


def test_phone_in_dark_mode_has_no_axe_violation_and_room_above_the_footer(sample_site, sample_url):
    """On one page of each kind, on a phone (folded menu, stacked cards, scrolling
    code blocks) in dark mode: contrast and reachability are checked again where
    they differ most, and the footer keeps at least 32 px from the content."""
    problems = {}
    with chromium(
        locale="de-DE", color_scheme="dark", viewport={"width": 375, "height": 740}
    ) as context:
        guard_context(context)
        preload_axe(context)
        page = context.new_page()
        for path in one_page_per_kind(html_pages(sample_site.output)) + ["mitmachen/"]:
            page.goto(f"{sample_url}/{path}", wait_until="load")
            found = axe_violations(page)
            # cards outside the viewport are laid out only when scrolled to
            page.add_style_tag(content="*{content-visibility:visible!important}")
            gap = page.evaluate(FOOTER_GAP_JS)
            if gap < 32:
                found.append(f"{gap:.0f}px above the footer")
            if found:
                problems[path or "/"] = found
    assert not problems, problems


def test_phone_header_is_one_row_and_its_menu_works_without_javascript(sample_url):
    with chromium(
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
    with chromium(locale="de-DE", viewport={"width": 1280, "height": 800}) as context:
        page = context.new_page()
        page.goto(f"{sample_url}/blog/")
        assert not page.locator(".site-menu__toggle").is_visible()
        assert page.locator(".site-nav").get_by_role("link", name="Mitmachen").is_visible()
        assert page.locator(".site-header").bounding_box()["height"] <= 72
