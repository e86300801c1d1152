"""The podcast pages in Chromium: chapters seek the player, the copy button
copies and announces, and everything works with the keyboard alone."""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading

import pytest

pytestmark = pytest.mark.browser

EP1 = "/podcast/folge-01-netzwerk-ohne-chef/"
SUBSCRIBE = "/podcast/abonnieren/"


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with HTTP byte ranges, as every real web server (and Apple)
    provides; Chromium can only seek in audio served this way."""

    def log_message(self, format, *args):  # noqa: A002 - signature from the stdlib
        pass

    def send_head(self):
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
        path = self.translate_path(self.path)
        if not match or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        start = int(match.group(1) or 0)
        end = min(int(match.group(2) or size - 1), size - 1)
        if start >= size:
            self.send_error(416)
            return None
        handle = open(path, "rb")  # noqa: SIM115 - closed by copyfile's caller
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self._remaining = end - start + 1
        return handle

    def copyfile(self, source, outputfile):
        remaining = getattr(self, "_remaining", None)
        if remaining is None:
            return super().copyfile(source, outputfile)
        try:
            while remaining > 0:
                chunk = source.read(min(64 * 1024, remaining))
                if not chunk:
                    break
                outputfile.write(chunk)
                remaining -= len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def site_url(sample_site):
    """The sample site served with byte-range support."""
    handler = functools.partial(RangeHandler, directory=str(sample_site.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


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
