"""The directory at scale: paginated without JavaScript, filtered from the page's index with it.

One module-wide build of a 31-member network with ``MEMBERS_PER_PAGE = 10``
(so three static pages and "Weitere anzeigen" are exercised); expected
counts are computed from the generated input, not copied from the output.
"""

from __future__ import annotations

import json
import re

import pytest
from knotenpunkt.plugins.members.directory import directory_pages, fold, search_text
from playwright.sync_api import expect

from members_fixture import members_content
from sitebuild import build_site

PER_PAGE = 10
HOSTILE = 'Eva <img src=x onerror="window.pwned=1">'

# The four members of tests/fixtures/members plus generated ones:
# name → (competences, region slug)
FIXTURE_MEMBERS = {
    "Anna Beispiel": ({"legasthenie", "dyskalkulie"}, "musterstadt-nord"),
    "Oskar Öhler": ({"dyskalkulie"}, "musterstadt-sued"),
    "Verein Straße e. V.": ({"legasthenie"}, "musterstadt-sued"),
    "Zora Zander": ({"legasthenie"}, "musterstadt-nord"),
}


def generated(number: int) -> tuple[str, str, str]:
    """Name, competence and region of generated member ``number``."""
    name = HOSTILE if number == 0 else f"Testperson {number:02d}"
    return (
        name,
        "legasthenie" if number % 2 else "dyskalkulie",
        "Musterstadt-Nord" if number % 3 == 0 else "Musterstadt-Süd",
    )


GENERATED = [generated(number) for number in range(27)]


def region_slug(region: str) -> str:
    return {"Musterstadt-Nord": "musterstadt-nord", "Musterstadt-Süd": "musterstadt-sued"}[region]


EXPECTED = {
    **FIXTURE_MEMBERS,
    **{name: ({competence}, region_slug(region)) for name, competence, region in GENERATED},
}


def names_with(competence: str | None = None, region: str | None = None) -> set[str]:
    return {
        name
        for name, (competences, slug) in EXPECTED.items()
        if (competence is None or competence in competences) and (region is None or slug == region)
    }


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("directory")
    files = {
        f"members/test-{number:02d}.md": (
            f"Title: {name}\nSlug: test-{number:02d}\nKind: person\nCompetences: {competence}\n"
            f"Region: {region}\nFormats: online\nSummary: Nummer {number} im Netzwerk.\n\nText.\n"
        )
        for number, (name, competence, region) in enumerate(GENERATED)
    }
    result = build_site(members_content(root, files), root / "output", MEMBERS_PER_PAGE=PER_PAGE)
    assert result.exit_code == 0, result.messages
    return result


@pytest.fixture(scope="module")
def big_url(big_site):
    from browser import serve

    with serve(big_site.output) as url:
        yield url


def card_names(html: str) -> list[str]:
    return re.findall(r'class="member-card__name"><a href="[^"]*">([^<]*)</a>', html)


# -- unit -------------------------------------------------------------------


def test_pages_split_the_directory_and_link_each_other():
    pages = directory_pages(list(range(25)), {"MEMBERS_PER_PAGE": 10})
    assert [len(page.members) for page in pages] == [10, 10, 5]
    assert [page.save_as for page in pages] == [
        "mitglieder/index.html",
        "mitglieder/seite/2/index.html",
        "mitglieder/seite/3/index.html",
    ]
    assert pages[0].previous is None and pages[0].next is pages[1]
    assert pages[2].previous is pages[1] and pages[2].next is None
    assert [page.count for page in pages] == [3, 3, 3]
    empty = directory_pages([], {})
    assert len(empty) == 1 and empty[0].members == []


def test_search_text_folds_case_accents_and_sharp_s_and_drops_markup():
    class Member:
        title = "Jürgen Straßer"
        summary = "<p>Hilft bei <em>Dyskalkulie</em>\n und ADHS.</p>"

    assert fold("  Öhler  ÇELİK ") == "ohler celik"
    assert search_text(Member()) == "jurgen strasser hilft bei dyskalkulie und adhs."


# -- static output -----------------------------------------------------------


def test_without_javascript_the_directory_is_paginated(big_site):
    first = big_site.page("mitglieder/index.html")
    second = big_site.page("mitglieder/seite/2/index.html")
    others = [big_site.page(f"mitglieder/seite/{n}/index.html") for n in (3, 4)]
    pages = [card_names(html) for html in (first, second, *others)]
    assert [len(names) for names in pages] == [10, 10, 10, 1]
    assert not big_site.exists("mitglieder/seite/5/index.html")
    everyone = [name for names in pages for name in names]
    assert len(everyone) == len(set(everyone)) == len(EXPECTED) == 31
    assert 'rel="next" href="../mitglieder/seite/2/"' in first
    assert 'rel="prev" href="../../../mitglieder/"' in second
    # only the first page carries the filter, its index and its script
    assert "data-member-index" in first and "data-member-index" not in second
    assert "member-filter.js" not in second


def test_the_index_holds_every_member_escaped(big_site):
    html = big_site.page("mitglieder/index.html")
    raw = html.split('<script type="application/json" data-member-index>')[1].split("</script>")[0]
    assert "<" not in raw  # no markup can end the script element early
    entries = json.loads(raw)
    assert len(entries) == 31
    hostile = next(entry for entry in entries if "onerror" in entry["s"])
    assert "&lt;img src=x onerror=&#34;window.pwned=1&#34;&gt;" in hostile["h"]
    anna = next(entry for entry in entries if entry["s"].startswith("anna beispiel"))
    assert anna["competences"] == "legasthenie dyskalkulie"
    assert anna["region"] == "musterstadt-nord" and anna["kind"] == "person"


# -- in the browser -----------------------------------------------------------

VISIBLE = "[data-member-list] > li"


def visible_names(page) -> set[str]:
    return set(page.locator(VISIBLE + " .member-card__name").all_inner_texts())


@pytest.mark.browser
def test_competence_then_region_then_all(big_url, browser_context):
    page = browser_context.new_page()
    page.goto(big_url + "/mitglieder/")
    status = page.locator("[aria-live=polite]")
    more = page.get_by_role("button", name="Weitere anzeigen")
    # the static pagination gives way to "Weitere anzeigen"
    assert not page.get_by_role("link", name="Nächste Seite").is_visible()
    assert status.inner_text() == "31 Mitglieder gefunden"
    assert page.locator(VISIBLE).count() == PER_PAGE and more.is_visible()

    page.get_by_label("Kompetenz", exact=True).select_option("dyskalkulie")
    wanted = names_with("dyskalkulie")
    assert status.inner_text() == f"{len(wanted)} Mitglieder gefunden"
    assert page.locator(VISIBLE).count() == PER_PAGE
    more.click()
    assert visible_names(page) == wanted and not more.is_visible()

    page.get_by_label("Region", exact=True).select_option("musterstadt-nord")
    wanted = names_with("dyskalkulie", "musterstadt-nord")
    assert visible_names(page) == wanted
    assert status.inner_text() == f"{len(wanted)} Mitglieder gefunden"
    expect(page).to_have_url(re.compile(r"\?kompetenz=dyskalkulie&region=musterstadt-nord$"))

    page.get_by_label("Kompetenz", exact=True).select_option("")
    page.get_by_label("Region", exact=True).select_option("")
    assert status.inner_text() == "31 Mitglieder gefunden"
    assert page.locator(VISIBLE).count() == PER_PAGE
    expect(page).to_have_url(re.compile(r"/mitglieder/$"))
    more.click()
    # keyboard users continue at the first card just added
    assert page.evaluate("document.activeElement.closest('li')") is not None
    assert (
        page.locator(VISIBLE)
        .nth(PER_PAGE)
        .locator("a")
        .first.evaluate("a => a === document.activeElement")
    )
    more.click()
    more.click()
    assert visible_names(page) == set(EXPECTED) and not more.is_visible()
    # the hostile name is shown as text, never run as markup
    assert HOSTILE in visible_names(page)
    assert page.evaluate("window.pwned") is None


@pytest.mark.browser
def test_text_search_over_names_and_summaries(big_url, browser_context):
    page = browser_context.new_page()
    page.goto(big_url + "/mitglieder/")
    search = page.get_by_label("Name oder Stichwort")
    status = page.locator("[aria-live=polite]")
    search.fill("ohler")  # accents folded: finds Öhler
    assert visible_names(page) == {"Oskar Öhler"}
    assert status.inner_text() == "1 Mitglied gefunden"
    search.fill("STRASSE")  # ß matches ss, any case
    assert visible_names(page) == {"Verein Straße e. V."}
    search.fill("lesepatin")  # from the summary
    assert visible_names(page) == {"Zora Zander"}
    search.fill("nummer 2")  # every word must occur (anywhere in name or summary)
    assert visible_names(page) == {f"Testperson {n:02d}" for n in [2, 12, *range(20, 27)]}
    page.get_by_label("Kompetenz", exact=True).select_option("legasthenie")
    assert visible_names(page) == {f"Testperson {n:02d}" for n in [21, 23, 25]}
    expect(page).to_have_url(re.compile(r"\?suche=nummer\+2&kompetenz=legasthenie$"))
    search.fill("niemand")
    assert status.inner_text() == "0 Mitglieder gefunden"
    assert page.locator("[data-member-empty]").is_visible()


@pytest.mark.browser
def test_url_state_is_restored_on_load(big_url, browser_context):
    page = browser_context.new_page()
    page.goto(big_url + "/mitglieder/?kompetenz=legasthenie&region=musterstadt-sued&suche=verein")
    assert page.get_by_label("Kompetenz", exact=True).input_value() == "legasthenie"
    assert page.get_by_label("Region", exact=True).input_value() == "musterstadt-sued"
    assert page.get_by_label("Name oder Stichwort").input_value() == "verein"
    assert visible_names(page) == {"Verein Straße e. V."}
    assert page.locator("[aria-live=polite]").inner_text() == "1 Mitglied gefunden"
    page.goto(big_url + "/mitglieder/?region=musterstadt-nord")
    wanted = names_with(region="musterstadt-nord")
    assert page.locator("[aria-live=polite]").inner_text() == f"{len(wanted)} Mitglieder gefunden"
    assert visible_names(page) < wanted and page.locator(VISIBLE).count() == PER_PAGE


@pytest.mark.browser
def test_without_javascript_pages_and_facet_links_work(big_url):
    from browser import chromium

    with chromium(locale="de-DE", java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(big_url + "/mitglieder/")
        assert not page.locator("[data-member-filter]").is_visible()
        seen = visible_names(page)
        assert len(seen) == PER_PAGE
        page.get_by_role("link", name="Nächste Seite").click()
        # the address changes when the new page starts; its cards are there once it loaded
        page.wait_for_load_state()
        assert page.url.endswith("/mitglieder/seite/2/")
        assert "Seite 2 von 4" in page.locator("main").inner_text()
        second = visible_names(page)
        assert len(second) == PER_PAGE and not second & seen
        page.get_by_role("link", name="Vorherige Seite").click()
        page.wait_for_load_state()
        assert page.url.endswith("/mitglieder/")
        facets = page.locator("[data-member-facets]")
        facets.locator("summary").click()  # folded until opened, also without JavaScript
        facets.get_by_role("link", name="Dyskalkulie").click()
        page.wait_for_load_state()
        assert page.url.endswith("/kompetenzen/dyskalkulie/")
        assert set(page.locator(".member-card__name").all_inner_texts()) == names_with(
            "dyskalkulie"
        )


@pytest.mark.browser
def test_filtered_directory_has_no_axe_violation(big_url, browser_context):
    from theme_checks import axe_violations, preload_axe

    preload_axe(browser_context)
    page = browser_context.new_page()
    page.goto(big_url + "/mitglieder/?kompetenz=dyskalkulie")
    page.get_by_role("button", name="Weitere anzeigen").click()
    page.get_by_label("Name oder Stichwort").fill("test")
    assert axe_violations(page) == []
    page.goto(big_url + "/mitglieder/seite/2/")
    assert axe_violations(page) == []
