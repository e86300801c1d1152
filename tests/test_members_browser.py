"""The directory filter in Chromium, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

VISIBLE = "[data-member-list] > li:not([hidden])"


def visible_names(page) -> list[str]:
    return page.locator(VISIBLE + " .member-card__name").all_inner_texts()


def test_competence_filter_counts_announces_and_survives_reload(sample_url, browser_context):
    page = browser_context.new_page()
    page.goto(sample_url + "/mitglieder/")
    form = page.get_by_role("search", name="Mitglieder filtern")
    assert form.is_visible()
    assert page.locator(VISIBLE).count() == 12

    page.get_by_label("Kompetenz", exact=True).select_option("dyskalkulie")
    assert page.locator(VISIBLE).count() == 2
    assert visible_names(page) == ["Anna Beispiel", "Jonas Ährenfeld"]
    status = page.locator("[aria-live=polite]")
    assert status.inner_text() == "2 Mitglieder gefunden"
    # the URL is written right after the results are painted
    expect(page).to_have_url(re.compile(r"/mitglieder/\?kompetenz=dyskalkulie$"))

    page.reload()
    assert page.get_by_label("Kompetenz", exact=True).input_value() == "dyskalkulie"
    assert page.locator(VISIBLE).count() == 2
    assert status.inner_text() == "2 Mitglieder gefunden"


def test_filters_combine_and_back_button_restores_the_previous_view(sample_url, browser_context):
    page = browser_context.new_page()
    page.goto(sample_url + "/mitglieder/")
    page.get_by_label("Kompetenz", exact=True).select_option("dyskalkulie")
    page.get_by_label("Format", exact=True).select_option("praesenz")
    assert visible_names(page) == ["Anna Beispiel"]
    assert page.locator("[aria-live=polite]").inner_text() == "1 Mitglied gefunden"
    expect(page).to_have_url(re.compile(r"\?kompetenz=dyskalkulie&format=praesenz$"))

    page.go_back()
    assert page.get_by_label("Format", exact=True).input_value() == ""
    assert page.locator(VISIBLE).count() == 2
    page.go_back()
    assert page.locator(VISIBLE).count() == 12
    assert page.locator("[aria-live=polite]").inner_text() == "12 Mitglieder gefunden"


def test_empty_result_offers_a_reset(sample_url, browser_context):
    page = browser_context.new_page()
    page.goto(sample_url + "/mitglieder/?kompetenz=dyskalkulie&region=musterstadt-sued")
    assert page.locator(VISIBLE).count() == 0
    assert page.locator("[aria-live=polite]").inner_text() == "0 Mitglieder gefunden"
    empty = page.locator("[data-member-empty]")
    assert empty.is_visible()
    empty.get_by_role("button", name="Alle Mitglieder zeigen").click()
    assert page.locator(VISIBLE).count() == 12
    assert not empty.is_visible()
    expect(page).to_have_url(re.compile(r"/mitglieder/$"))


def test_without_javascript_facet_links_lead_to_static_pages(sample_url):
    from browser import chromium

    with chromium(locale="de-DE", java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(sample_url + "/mitglieder/")
        # the form needs the script, so it is not shown at all: nothing dead
        assert not page.locator("[data-member-filter]").is_visible()
        assert page.locator("[data-member-list] > li").count() == 12
        facets = page.locator("[data-member-facets]")
        # folded, so the first members are in view; one tap opens the links
        facets.locator("summary").click()
        facets.get_by_role("link", name="Dyskalkulie").click()
        # the address changes when the new page starts; its cards are there once it loaded
        page.wait_for_load_state()
        assert re.search(r"/kompetenzen/dyskalkulie/$", page.url)
        assert page.locator(".member-card__name").all_inner_texts() == [
            "Anna Beispiel",
            "Jonas Ährenfeld",
        ]
        page.go_back()
        if not page.locator("[data-member-facets]").get_by_role("link", name="Online").is_visible():
            page.locator("[data-member-facets] summary").click()
        page.locator("[data-member-facets]").get_by_role("link", name="Online").click()
        page.wait_for_load_state()
        assert page.url.endswith("/formate/online/")
        assert page.locator("h1").inner_text() == "Mitglieder, die online arbeiten"


def test_no_request_leaves_our_host(sample_url, browser_context):
    page = browser_context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(re.sub(r"^\w+://([^/]+).*", r"\1", request.url)))
    page.goto(sample_url + "/mitglieder/")
    page.goto(sample_url + "/mitglieder/anna-beispiel/")
    assert hosts == {sample_url.split("://")[1]}


def test_on_a_phone_the_filter_folds_away_and_says_what_is_set(sample_url):
    from browser import chromium

    with chromium(locale="de-DE", viewport={"width": 390, "height": 844}) as context:
        page = context.new_page()
        page.goto(sample_url + "/mitglieder/?kompetenz=dyskalkulie")
        toggle = page.locator(".member-filter__toggle")
        select = page.get_by_label("Kompetenz", exact=True)
        # folded: the first matching member is on the first screen, and the
        # summary tells that one filter is active
        assert toggle.is_visible() and not select.is_visible()
        assert " ".join(toggle.inner_text().split()) == "Filter (1 aktiv)"
        assert page.locator(VISIBLE).first.bounding_box()["y"] < 844
        toggle.click()
        assert select.is_visible() and select.input_value() == "dyskalkulie"
        select.select_option("")
        assert toggle.inner_text().strip() == "Filter"
        assert page.locator(VISIBLE).count() == 12

    with chromium(locale="de-DE", viewport={"width": 1280, "height": 800}) as context:
        page = context.new_page()
        page.goto(sample_url + "/mitglieder/")
        # wide screens: the fields are always shown, no toggle
        assert page.get_by_label("Kompetenz", exact=True).is_visible()
        assert not page.locator(".member-filter__toggle").is_visible()


def test_printed_profile_keeps_a_round_photo(sample_url, browser_context):
    page = browser_context.new_page()
    page.emulate_media(media="print")
    page.goto(sample_url + "/mitglieder/anna-beispiel/")
    box = page.locator(".member-profile__header .member-photo img").bounding_box()
    assert box["width"] == box["height"] and 60 < box["width"] < 100
