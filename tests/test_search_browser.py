"""The search page in Chromium, on the sample network: a visitor finds members by
competence and by name, filters by content type, nothing leaves our host, and
without JavaScript the page offers links instead of a dead form."""

import re

import pytest
from playwright.sync_api import expect

from theme_checks import guard_context, watch_page

pytestmark = [pytest.mark.browser, pytest.mark.long(20)]

RESULT_LINKS = ".pagefind-ui__result-link"


@pytest.fixture(scope="module")
def browser():
    """The test process's Chromium (tests/browser.py); every test opens its own context."""
    from browser import shared_browser

    return shared_browser()


@pytest.fixture
def search_page(sample_url, browser):
    context = browser.new_context(locale="de-DE")
    watch = guard_context(context)
    page = context.new_page()
    watch_page(page, watch)
    page.goto(f"{sample_url}/suche/")
    page.wait_for_selector(".pagefind-ui__search-input")
    yield page
    context.close()
    assert watch.external == [], "the search must not contact another host"
    assert watch.console_errors == []


def search(page, term: str) -> None:
    page.fill(".pagefind-ui__search-input", term)
    page.locator(".pagefind-ui__message", has_text=re.compile(r"\d+ Ergebnis")).wait_for()
    page.wait_for_selector(RESULT_LINKS)


def only(page, filter_name: str, value: str) -> None:
    """Tick one value of one filter in Pagefind's filter panel."""
    page.locator("summary", has_text=filter_name).click()
    label = page.locator(".pagefind-ui__filter-label", has_text=re.compile(rf"^{value} \(\d+\)"))
    label.first.click()
    expect(page.locator(f"input#{filter_name}-{value}")).to_be_checked()


def result_count(page) -> int:
    """The number in "12 Ergebnisse für …" (the list itself shows the first few)."""
    text = page.locator(".pagefind-ui__message").inner_text()
    return int(re.match(r"\d+", text).group())


def result_hrefs(page) -> list[str]:
    return page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.pathname)")


DYSKALKULIE_MEMBERS = {"/mitglieder/anna-beispiel/", "/mitglieder/jonas-aehrenfeld/"}

# Results render one by one after the count is shown: settled when every
# counted result is on the page and each path passes the check.
SETTLED = """check => {
  const message = document.querySelector('.pagefind-ui__message');
  const count = message ? parseInt(message.textContent, 10) : NaN;
  const paths = Array.from(document.querySelectorAll('.pagefind-ui__result-link'))
    .map(a => a.pathname);
  return count > 0 && new Set(paths).size === count && paths.every(p => check.includes(p) ||
    check.some(prefix => prefix.endsWith('*') && p.startsWith(prefix.slice(0, -1))));
}"""


def wait_for_results_within(page, allowed: list[str]) -> set[str]:
    """All results shown, each one of ``allowed`` (``/prefix/*`` allowed as pattern)."""
    page.wait_for_function(SETTLED, arg=allowed, timeout=15000)
    return set(result_hrefs(page))


def test_searching_a_competence_finds_the_members_who_offer_it(search_page):
    search(search_page, "Dyskalkulie")
    only(search_page, "Inhalt", "Mitglied")
    found = wait_for_results_within(search_page, ["/mitglieder/*"])
    # the sample members with "Competences: dyskalkulie" (others may mention it)
    assert found >= DYSKALKULIE_MEMBERS


def test_the_competence_filter_narrows_results_to_its_members(search_page):
    search(search_page, "Netzwerk")
    before = result_count(search_page)
    only(search_page, "Kompetenz", "Dyskalkulie")
    after = wait_for_results_within(
        search_page, sorted(DYSKALKULIE_MEMBERS | {"/kompetenzen/dyskalkulie/"})
    )
    assert 0 < len(after) < before, "the filter must leave something out"


def test_a_member_is_found_by_name_with_umlauts(search_page):
    search(search_page, "Ährenfeld")
    assert "/mitglieder/jonas-aehrenfeld/" in result_hrefs(search_page)
    assert "Jonas Ährenfeld" in search_page.locator(RESULT_LINKS).all_inner_texts()


def test_navigation_is_not_searchable(search_page):
    search(search_page, "Impressum")
    # the footer links "Impressum" on every page; only the Impressum itself matches
    hrefs = result_hrefs(search_page)
    assert hrefs and all(href.startswith("/impressum/") for href in hrefs)


def test_a_query_in_the_address_starts_the_search(sample_url, browser):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(f"{sample_url}/suche/?q=Dyskalkulie")
    page.wait_for_selector(RESULT_LINKS)
    assert page.input_value(".pagefind-ui__search-input") == "Dyskalkulie"
    context.close()


def test_without_javascript_the_page_offers_links_and_no_form(sample_url, browser):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{sample_url}/suche/")
    assert page.locator("input, form").count() == 0
    browse = page.locator(".search__browse")
    assert browse.get_by_role("link", name="Alle Mitglieder").is_visible()
    assert browse.get_by_role("link", name="Blog-Archiv").is_visible()
    browse.get_by_role("link", name="Alle Mitglieder").click()
    page.wait_for_url("**/mitglieder/")
    context.close()


def test_a_date_is_found_by_its_title_and_the_date_filter(search_page):
    search(search_page, "Barcamp")
    only(search_page, "Inhalt", "Termin")
    # the blog post about the last barcamp mentions it too; the filter keeps the date
    found = wait_for_results_within(search_page, ["/termine/*"])
    assert "/termine/barcamp-lernen-2027/" in found


def test_the_search_box_waits_for_the_filters_so_every_filter_is_listed(sample_url):
    """Pagefind's UI lists only the filters already loaded when the first search
    answers; on a slow phone the Kompetenz filter was missing. The page loads the
    filters first and only then offers the search box."""
    from browser import chromium

    with chromium(locale="de-DE") as context:
        page = context.new_page()
        held, holding = [], [True]
        page.route(
            "**/pagefind/filter/**",
            lambda route: held.append(route) if holding else route.continue_(),
        )
        page.goto(f"{sample_url}/suche/")
        page.wait_for_function("() => document.readyState === 'complete'")
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(50)
        assert held, "the search page should load Pagefind's filters"
        page.wait_for_timeout(500)  # time enough to offer the box if it did not wait
        assert page.locator(".pagefind-ui__search-input").count() == 0
        holding.clear()
        for route in held:
            route.continue_()
        search(page, "Netzwerk")
        expect(page.locator("summary", has_text="Kompetenz")).to_be_visible()
        expect(page.locator("summary", has_text="Inhalt")).to_be_visible()
