"""The preview server (`make serve`, `make devserver`) behaves like a real web host:
byte ranges, HEAD, the site's 404 page, the MIME types hosts are asked to use,
the development feed pointing at the port it serves on, and a devserver that
rebuilds on a change and leaves no process behind when it is stopped."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from werkzeug.test import Client

from devserver import preview_address, start_devserver, wait_until
from knotenpunkt.serve import StaticSite, make_preview_server, mime_type, preview_url
from sitebuild import FIXTURES, PROJECT_ROOT

AUDIO = bytes(range(256)) * 40  # 10 240 bytes, every offset recognisable


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    (root / "audio").mkdir(parents=True)
    (root / "podcast" / "folge-1").mkdir(parents=True)
    (root / "audio" / "folge-01.mp3").write_bytes(AUDIO)
    (root / "index.html").write_text("<h1>Start</h1>", encoding="utf-8")
    (root / "404.html").write_text("<h1>Seite nicht gefunden</h1>", encoding="utf-8")
    (root / "podcast" / "folge-1" / "index.html").write_text("<h1>Folge 1</h1>", encoding="utf-8")
    for name in (
        "folge-01.vtt",
        "folge-01.chapters.json",
        "suche.json",
        "folge.m4a",
        "folge.opus",
        "folge.ogg",
        "cover.webp",
        "termine.ics",
    ):
        (root / "audio" / name).write_bytes(b"x")
    return root


@pytest.fixture
def client(site) -> Client:
    return Client(StaticSite(site))


def test_range_request_returns_206_and_exactly_those_bytes(client):
    response = client.get("/audio/folge-01.mp3", headers={"Range": "bytes=1000-1099"})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes 1000-1099/{len(AUDIO)}"
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["Content-Length"] == "100"
    assert response.get_data() == AUDIO[1000:1100]


def test_open_ended_and_suffix_ranges(client):
    tail = client.get("/audio/folge-01.mp3", headers={"Range": "bytes=10000-"})
    assert tail.status_code == 206
    assert tail.get_data() == AUDIO[10000:]
    last = client.get("/audio/folge-01.mp3", headers={"Range": "bytes=-16"})
    assert last.status_code == 206
    assert last.get_data() == AUDIO[-16:]


def test_range_past_the_end_is_416_with_the_length(client):
    response = client.get("/audio/folge-01.mp3", headers={"Range": "bytes=20000-20010"})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{len(AUDIO)}"


def test_whole_file_announces_byte_ranges(client):
    response = client.get("/audio/folge-01.mp3")
    assert response.status_code == 200
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.get_data() == AUDIO


def test_head_has_the_headers_of_get_and_no_body(client):
    response = client.head("/audio/folge-01.mp3")
    assert response.status_code == 200
    assert response.headers["Content-Length"] == str(len(AUDIO))
    assert response.headers["Content-Type"] == "audio/mpeg"
    assert response.get_data() == b""


def test_unknown_address_gets_the_sites_404_page(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.get_data(as_text=True)
    assert response.headers["Content-Type"].startswith("text/html")
    assert client.head("/audio/fehlt.mp3").status_code == 404


def test_folders_serve_their_index_and_get_a_trailing_slash(client):
    page = client.get("/podcast/folge-1/")
    assert page.status_code == 200 and "Folge 1" in page.get_data(as_text=True)
    moved = client.get("/podcast/folge-1")
    assert moved.status_code == 301
    assert moved.headers["Location"].endswith("/podcast/folge-1/")


def test_nothing_outside_the_site_folder_is_served(client, site):
    (site.parent / "geheim.txt").write_text("geheim", encoding="utf-8")
    for path in ("/../geheim.txt", "/%2e%2e/geheim.txt", "/audio/../../geheim.txt"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "geheim" not in response.get_data(as_text=True)


def test_only_get_and_head(client):
    response = client.post("/index.html")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/audio/folge-01.vtt", "text/vtt"),
        ("/audio/folge-01.chapters.json", "application/json+chapters"),
        ("/audio/suche.json", "application/json"),
        ("/audio/folge-01.mp3", "audio/mpeg"),
        ("/audio/folge.m4a", "audio/mp4"),
        ("/audio/folge.opus", "audio/ogg"),
        ("/audio/folge.ogg", "audio/ogg"),
        ("/audio/cover.webp", "image/webp"),
        ("/audio/termine.ics", "text/calendar"),
    ],
)
def test_mime_types_are_those_hosts_are_asked_to_send(client, path, expected):
    content_type = client.head(path).headers["Content-Type"]
    assert content_type.split(";")[0] == expected


def test_mime_type_does_not_depend_on_the_case_of_the_name():
    assert mime_type("FOLGE.MP3") == "audio/mpeg"
    assert mime_type("a.Chapters.JSON") == "application/json+chapters"


def test_preview_url_for_a_wildcard_bind_is_loopback():
    assert preview_url("0.0.0.0", 8765) == "http://127.0.0.1:8765"
    assert preview_url("192.168.1.20", 8000) == "http://192.168.1.20:8000"


def test_real_socket_range_and_head(site):
    """The same over a real connection, as Chromium and podcast apps talk to it."""
    server = make_preview_server(site, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
        connection.request("GET", "/audio/folge-01.mp3", headers={"Range": "bytes=0-9"})
        response = connection.getresponse()
        assert response.status == 206
        assert response.read() == AUDIO[:10]
        connection.request("HEAD", "/audio/folge-01.mp3")  # same keep-alive connection
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Length") == str(len(AUDIO))
        assert response.read() == b""
        connection.close()
    finally:
        server.shutdown()
        server.server_close()


def test_development_feed_uses_the_port_it_is_served_on(tmp_path):
    """`make html PORT=8765` (then `make serve PORT=8765`) writes 8765 into the feed."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    output = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "knotenpunkt",
            "build",
            "--content",
            str(content),
            "--output",
            str(output),
            "--port",
            "8765",
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    feed = (output / "podcast" / "feed.xml").read_text(encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert "http://127.0.0.1:8765/podcast/feed.xml" in feed
    assert "127.0.0.1:8000" not in feed
    subscribe = (output / "podcast" / "abonnieren" / "index.html").read_text(encoding="utf-8")
    assert "http://127.0.0.1:8765/podcast/feed.xml" in subscribe


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_devserver_rebuilds_on_change_and_sigterm_ends_every_process(tmp_path):
    run_devserver_and_stop(tmp_path, lambda process: process.send_signal(signal.SIGTERM))


def test_ctrl_c_in_the_terminal_ends_every_process(tmp_path):
    # the terminal sends SIGINT to the whole foreground process group
    run_devserver_and_stop(tmp_path, lambda process: os.killpg(process.pid, signal.SIGINT))


def run_devserver_and_stop(tmp_path, stop):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    output = tmp_path / "out"
    log = tmp_path / "devserver.log"
    with log.open("w") as sink:
        process = start_devserver(content, output, sink, "--quiet")
    try:
        url = preview_address(log)
        status, _body = _get(url + "/")
        assert status == 200
        assert _get(url + "/gibt-es-nicht/")[0] == 404

        (content / "blog" / "neu.md").write_text(
            "Title: Ganz neu\nDate: 2026-02-28\n\nText\n", encoding="utf-8"
        )
        assert wait_until(lambda: _get(url + "/blog/ganz-neu/")[0] == 200), log.read_text()

        stop(process)
        # the devserver gives a running build 20 s and the server 10 s to end
        # (DevServer.run); a loaded machine may need all of it
        try:
            code = process.wait(timeout=45)
        except subprocess.TimeoutExpired:
            code = None
        assert code == 0, log.read_text()
        assert wait_until(lambda: not _group_alive(process.pid), timeout=15), "a child survived"
        assert _get(url + "/")[0] == 0, "nothing may listen on the port any more"
        assert "Traceback" not in log.read_text()
    finally:
        if _group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
