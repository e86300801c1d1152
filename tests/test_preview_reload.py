"""The devserver's pages reload themselves once they have changed (``knotenpunkt.reload``).

The preview server adds one script to each HTML page of ``make devserver``
(never to ``make serve``, never to the built files), which waits on the
server until the file behind the page is another one. At the end, in
Chromium: a member saves a post and the open page shows the new text by
itself.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from werkzeug.test import Client

from devserver import preview_address, start_devserver
from knotenpunkt import reload
from knotenpunkt.serve import StaticSite
from sitebuild import FIXTURES

PAGE = "<!doctype html><html><body><h1>{}</h1></body></html>"


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    for folder, title in (("seite", "Alt"), ("admin", "Redaktion")):
        (root / folder).mkdir(parents=True)
        (root / folder / "index.html").write_text(PAGE.format(title), encoding="utf-8")
    (root / "404.html").write_text(PAGE.format("Nicht gefunden"), encoding="utf-8")
    return root


def stamp_in(html: str) -> str:
    found = re.search(r'<script src="/\.knotenpunkt/reload\.js" data-stamp="([^"]+)" defer>', html)
    assert found, html
    return found.group(1)


def replace(path: Path, text: str) -> None:
    """What a build does to a page: a new file renamed over the old one."""
    fresh = path.with_name(path.name + ".neu")
    fresh.write_text(text, encoding="utf-8")
    os.replace(fresh, path)


def test_the_devserver_adds_the_script_and_make_serve_does_not(site):
    live = Client(StaticSite(site, reload.LiveReload())).get("/seite/")
    assert live.status_code == 200
    html = live.get_data(as_text=True)
    assert html.index("data-stamp") < html.index("</body>")
    assert stamp_in(html) == reload.stamp(str(site / "seite" / "index.html"))
    assert live.headers["Cache-Control"] == "no-store"
    static = Client(StaticSite(site)).get("/seite/").get_data(as_text=True)
    assert static == PAGE.format("Alt")
    assert (site / "seite" / "index.html").read_text(encoding="utf-8") == PAGE.format("Alt")


def test_the_script_is_served_and_reloads_the_page():
    response = Client(StaticSite(".", reload.LiveReload())).get(reload.SCRIPT)
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    script = response.get_data(as_text=True)
    assert "location.reload()" in script and reload.CHANGED in script


def test_the_answer_comes_when_the_page_is_replaced(site):
    client = Client(StaticSite(site, reload.LiveReload(wait_seconds=30)))
    before = stamp_in(client.get("/seite/").get_data(as_text=True))
    timer = threading.Timer(0.3, replace, [site / "seite" / "index.html", PAGE.format("Neu")])
    timer.start()
    started = time.monotonic()
    answer = client.get(f"{reload.CHANGED}?page=/seite/&stamp={before}").get_data(as_text=True)
    timer.join()
    assert answer != before
    assert answer == stamp_in(client.get("/seite/").get_data(as_text=True))
    assert time.monotonic() - started < 25, "answered on the change, not after the wait"


def test_an_unchanged_page_gets_its_own_stamp_back_after_the_wait(site):
    client = Client(StaticSite(site, reload.LiveReload(wait_seconds=0.3)))
    before = stamp_in(client.get("/seite/").get_data(as_text=True))
    answer = client.get(f"{reload.CHANGED}?page=/seite/&stamp={before}").get_data(as_text=True)
    assert answer == before


def test_a_missing_page_reloads_once_it_appears(site):
    client = Client(StaticSite(site, reload.LiveReload(wait_seconds=30)))
    missing = client.get("/neu-im-netz/")
    assert missing.status_code == 404
    before = stamp_in(missing.get_data(as_text=True))
    assert before == "missing"
    (site / "neu-im-netz").mkdir()
    replace(site / "neu-im-netz" / "index.html", PAGE.format("Neu im Netz"))
    answer = client.get(f"{reload.CHANGED}?page=/neu-im-netz/&stamp={before}")
    assert answer.get_data(as_text=True) != "missing"


def test_the_editing_interface_is_never_reloaded(site):
    """A reload would lose a form being filled in."""
    html = Client(StaticSite(site, reload.LiveReload())).get("/admin/").get_data(as_text=True)
    assert "reload.js" not in html


@pytest.mark.browser
def test_a_saved_post_appears_in_the_open_page_by_itself(tmp_path):
    from browser import chromium
    from theme_checks import guard_context

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    post = content / "blog" / "neu.md"
    post.write_text("Title: Ganz neu\nDate: 2026-02-28\n\nErster Stand.\n", encoding="utf-8")
    log = tmp_path / "devserver.log"
    with log.open("w") as sink:
        process = start_devserver(content, tmp_path / "out", sink, "--quiet")
    try:
        url = preview_address(log)
        with chromium(locale="de-DE") as context:
            watch = guard_context(context)
            page = context.new_page()
            page.goto(f"{url}/blog/ganz-neu/", wait_until="load")
            assert "Erster Stand." in page.inner_text("main")
            page.evaluate("window.__same_document = true")
            post.write_text(post.read_text(encoding="utf-8").replace("Erster", "Zweiter"), "utf-8")
            page.wait_for_function(
                "document.querySelector('main').innerText.includes('Zweiter Stand.')",
                timeout=90_000,
            )
            assert page.evaluate("window.__same_document") is None, "the page was reloaded"
            assert watch.external == []
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


HIDE = """(hidden) => {
  Object.defineProperty(document, "hidden", {configurable: true, get: () => hidden});
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def within(page, predicate, seconds: float = 10) -> bool:
    """``predicate`` holds within ``seconds``; Playwright delivers the page's events
    only while it is called, so the waiting goes through the page."""
    for _ in range(int(seconds * 10)):
        if predicate():
            return True
        page.wait_for_timeout(100)
    return predicate()


@pytest.mark.browser
def test_a_page_in_a_background_tab_lets_go_of_its_connection(site):
    """A browser keeps six connections per host: background tabs must not hold
    them. A hidden page drops its question and asks again once it is shown."""
    from browser import chromium
    from knotenpunkt.serve import make_preview_server

    server = make_preview_server(
        site, "127.0.0.1", 0, quiet=True, live_reload=reload.LiveReload(wait_seconds=30)
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with chromium(locale="de-DE") as context:
            page = context.new_page()
            asked, dropped = [], []
            page.on("request", lambda r: reload.CHANGED in r.url and asked.append(r.url))
            page.on("requestfailed", lambda r: reload.CHANGED in r.url and dropped.append(r.url))
            page.goto(f"http://127.0.0.1:{server.server_port}/seite/", wait_until="load")
            page.wait_for_function("document.querySelector('h1').textContent === 'Alt'")
            assert within(page, lambda: len(asked) == 1)
            page.evaluate(HIDE, True)
            assert within(page, lambda: len(dropped) == 1), "the question is dropped"
            replace(site / "seite" / "index.html", PAGE.format("Neu"))
            page.wait_for_timeout(500)
            assert len(asked) == 1, "no question while hidden"
            assert page.inner_text("h1") == "Alt"
            page.evaluate(HIDE, False)
            page.wait_for_function("document.querySelector('h1').textContent === 'Neu'")
    finally:
        server.shutdown()
        server.server_close()
