"""The podcast pages in Chromium, served by `make serve`'s preview server:
chapters seek the player, the copy button copies and announces, and everything
works with the keyboard alone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

EP1 = "/podcast/folge-01-netzwerk-ohne-chef/"
SUBSCRIBE = "/podcast/abonnieren/"


@pytest.fixture(scope="module")
def site_url(sample_url):
    """The sample site served by the preview server of `make serve` (tests/browser.py
    ``serve``; byte ranges: Chromium can only seek in audio served that way)."""
    return sample_url


def seeked_to(page, seconds: float) -> None:
    """The player's position reaches ``seconds`` by seeking, not by playing there."""
    page.wait_for_function(
        f"Math.abs(document.getElementById('episode-player').currentTime - {seconds}) < 1.5",
        timeout=5000,
    )


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reachable with Tab")


def current_time(page) -> float:
    return page.evaluate("document.getElementById('episode-player').currentTime")


def test_chapter_link_seeks_the_player(site_url, browser_context):
    page = browser_context.new_page()
    page.goto(site_url + EP1)
    assert current_time(page) == 0
    page.click("a[data-seek='16.3']")
    seeked_to(page, 16.3)
    assert page.url == site_url + EP1  # stayed on the page, did not open the MP3
    page.click("a[data-seek='29.6']")
    seeked_to(page, 29.6)


def test_hoerprobe_link_seeks_to_the_soundbite(site_url, browser_context):
    page = browser_context.new_page()
    page.goto(site_url + EP1)
    page.click(".episode__soundbites a[data-seek='17.0']")
    seeked_to(page, 17.0)
    assert page.url == site_url + EP1


def test_chapters_work_with_the_keyboard_alone(site_url, browser_context):
    page = browser_context.new_page()
    page.goto(site_url + EP1)
    tab_to(page, "a[data-seek='29.6']")
    page.keyboard.press("Enter")
    seeked_to(page, 29.6)
    assert page.url == site_url + EP1


def test_copy_button_copies_the_feed_url_and_announces_it(site_url, browser_context):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = browser_context.new_page()
    page.goto(site_url + SUBSCRIBE)
    button = page.locator("button[data-copy='feed-url']")
    assert button.is_visible()  # JavaScript shows it
    button.click()
    status = page.locator("#copy-status")
    status.filter(has_text="kopiert").wait_for()
    assert status.get_attribute("aria-live") == "polite"
    assert page.evaluate("navigator.clipboard.readText()") == (
        "http://127.0.0.1:8000/podcast/feed.xml"
    )


def test_copy_button_and_app_links_are_reachable_with_tab(site_url, browser_context):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = browser_context.new_page()
    page.goto(site_url + SUBSCRIBE)
    tab_to(page, "button[data-copy='feed-url']")
    page.keyboard.press("Enter")
    page.locator("#copy-status").filter(has_text="kopiert").wait_for()
    tab_to(page, "a[href^='pktc://']")
    tab_to(page, "a[href$='/podcast/feed.xml']")


def test_without_javascript_the_url_is_text_and_no_dead_button_shows(site_url, browser_context):
    context = browser_context.browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + SUBSCRIBE)
        assert page.locator("#feed-url").inner_text() == "http://127.0.0.1:8000/podcast/feed.xml"
        assert not page.locator("button[data-copy='feed-url']").is_visible()
        page.goto(site_url + EP1)
        href = page.locator("a[data-seek='16.3']").get_attribute("href")
        assert href.endswith("audio/folge-01.mp3#t=16.3")
    finally:
        context.close()


PLAYER1 = "/podcast/folge-01-netzwerk-ohne-chef/player/"


def test_embedded_player_seeks_inside_an_iframe_with_the_keyboard(site_url, browser_context):
    page = browser_context.new_page()
    page.set_content(
        f'<main><h1>Partnerseite</h1><iframe src="{site_url}{PLAYER1}" title="Player" '
        'width="600" height="320"></iframe></main>'
    )
    frame = page.frame_locator("iframe")
    frame.locator("a[data-seek='29.6']").focus()
    page.keyboard.press("Enter")
    player = next(f for f in page.frames if f.url == site_url + PLAYER1)
    seeked_to(player, 29.6)  # a Frame has the same wait_for_function as a Page
    title_link = frame.locator("h1 a")
    assert title_link.get_attribute("href").endswith("/podcast/folge-01-netzwerk-ohne-chef/")
