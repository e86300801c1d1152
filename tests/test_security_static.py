"""Static files are an allow-list: symlinks, devices, script files and files
that are not what their name says are never published.

One sample build with every hostile file planted at once (each must be a
content error naming the file, and no secret from outside content/ may reach
output/); one with only an orphaned member photo (published site, the photo
left out with a warning); and unit tests of the check for each file kind.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from knotenpunkt.plugins.content_errors.errors import ContentError, reset
from knotenpunkt.plugins.content_errors.static_files import check_static_file, filter_static_files
from PIL import Image

from sitebuild import build_site, copy_sample

SECRET = "GEHEIM-9c1e-nicht-veroeffentlichen"
SCRIPT = b"<html><script>alert(document.domain)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


def png_bytes(size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    content = copy_sample(root)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.jpg").write_text(SECRET)
    (outside / "page.md").write_text(f"Title: Geheim\n\n{SECRET}\n")
    images = content / "images"
    (images / "leak.jpg").symlink_to(outside / "secret.jpg")
    (images / "ordner").symlink_to(outside)
    (content / "pages" / "geheim.md").symlink_to(outside / "page.md")
    (content / "blog" / "verlinkt").symlink_to(outside)  # a whole folder of Markdown
    (content / "blog" / "schleuse.md").write_text(
        "Title: Schleuse\nDate: 2026-01-01\n\n![Bild]({static}/../outside/secret.jpg)\n",
        encoding="utf-8",
    )
    (images / "seite.html").write_bytes(SCRIPT)
    (content / "audio" / "bild.svg").write_bytes(SVG)
    (images / "falsch.png").write_bytes(SCRIPT)
    (content / "audio" / "falsch.mp3").write_bytes(SCRIPT)
    result = build_site(content, root / "out")
    return root, result


def block(messages: str, relative: str) -> str:
    """The report block whose heading names ``relative`` (below content/, or not)."""
    headings = (f"content/{relative}", relative)

    def heading(text: str) -> str:
        return re.sub(r"^\d+\. ", "", text.strip().splitlines()[0]) if text.strip() else ""

    found = [b for b in messages.split("\n\n") if heading(b) in headings]
    assert found, messages
    return found[0]


def test_the_build_stops_without_a_traceback(hostile):
    _root, result = hostile
    assert result.exit_code == 1, result.messages
    assert "Traceback" not in result.messages
    assert "Interner Fehler" not in result.messages


@pytest.mark.parametrize(
    ("relative", "fragment"),
    [
        ("images/leak.jpg", "Verknüpfung (symbolischer Link)"),
        ("images/ordner", "Verknüpfung (symbolischer Link)"),
        ("pages/geheim.md", "Verknüpfung (symbolischer Link)"),
        ("blog/verlinkt", "Verknüpfung (symbolischer Link)"),
        ("blog/verlinkt/page.md", "„blog/verlinkt“ ist eine Verknüpfung"),
        ("outside/secret.jpg", "„../outside/secret.jpg“ außerhalb des Ordners content/"),
        ("blog/schleuse.md, Zeile 4", "„{static}/../outside/secret.jpg“ zeigt aus dem Ordner"),
        ("images/seite.html", "„.html“ werden in content/images/ nicht veröffentlicht"),
        ("audio/bild.svg", "„.svg“ werden in content/audio/ nicht veröffentlicht"),
        ("images/falsch.png", "„falsch.png“ ist kein Bild, das gelesen werden kann"),
        ("audio/falsch.mp3", "„falsch.mp3“ ist keine MP3-Audiodatei"),
    ],
)
def test_each_refused_file_is_named_with_a_fix(hostile, relative, fragment):
    _root, result = hostile
    text = block(result.messages, relative)
    assert fragment in text
    assert "So beheben Sie es" in text


def test_no_secret_and_no_script_file_reaches_the_output(hostile):
    _root, result = hostile
    files = [p for p in result.output.rglob("*") if p.is_file()] if result.output.exists() else []
    for path in files:
        data = path.read_bytes()
        assert SECRET.encode() not in data, path
        assert b"alert(" not in data, path
    assert not [p for p in files if p.suffix in (".html", ".svg") and "images" in p.parts]


def test_an_orphaned_member_photo_is_left_out_with_a_warning(tmp_path):
    content = copy_sample(tmp_path)
    shutil.copy(
        content / "images" / "members" / "anna-beispiel.jpg",
        content / "images" / "members" / "ehemalig.jpg",
    )
    # one small square per photo keeps this full build cheap
    result = build_site(content, tmp_path / "out", IMAGES_SQUARE_SIZES=(160,))
    assert result.exit_code == 0, result.messages
    assert "Kein Mitglied trägt dieses Foto bei „Photo:“ ein" in block(
        result.messages, "images/members/ehemalig.jpg"
    )
    assert not result.exists("images/members/ehemalig.jpg")
    assert not result.exists("images/members/anna-beispiel.jpg")  # only the derived squares
    assert result.exists("images/podcast/cover.jpg")  # allowed static files still published
    assert result.exists("audio/folge-01.mp3")
    assert result.exists("audio/folge-02.vtt")
    assert result.exists("audio/folge-01.chapters.json")


# --- the check of one file ---------------------------------------------------------


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    for folder in ("images", "audio", "blog"):
        (root / folder).mkdir(parents=True)
    return root


def check(root: Path, relative: str, data: bytes, **settings) -> ContentError | None:
    path = root / relative
    path.write_bytes(data)
    try:
        check_static_file(root, relative, settings)
    except ContentError as problem:
        assert problem.source_path == str(path)
        assert problem.hint
        return problem
    return None


def test_the_expected_kinds_pass(content):
    webp = io.BytesIO()
    Image.new("RGB", (4, 4)).save(webp, "WEBP")
    assert check(content, "images/a.png", png_bytes()) is None
    assert check(content, "images/a.webp", webp.getvalue()) is None
    assert check(content, "audio/a.mp3", b"ID3\x04\x00" + b"\x00" * 64) is None
    assert check(content, "audio/a.m4a", b"\x00\x00\x00\x20ftypM4A " + b"\x00" * 64) is None
    assert check(content, "audio/a.ogg", b"OggS" + b"\x00" * 64) is None
    assert check(content, "audio/a.json", b'{"version": "1.2.0", "chapters": []}') is None
    assert check(content, "audio/a.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n") is None
    assert check(content, "audio/a.srt", b"1\n00:00:00,000 --> 00:00:01,000\nHallo\n") is None
    # linked from outside the static folders (e.g. an episode's chapters): any known kind
    assert check(content, "blog/a.json", b'{"version": "1.2.0", "chapters": []}') is None


@pytest.mark.parametrize(
    ("relative", "data", "fragment"),
    [
        ("images/x.svg", SVG, "„.svg“ werden in content/images/"),
        ("images/x.gif", b"GIF89a" + b"\x00" * 20, "„.gif“ werden in content/images/"),
        ("audio/x.html", SCRIPT, "„.html“ werden in content/audio/"),
        ("images/x.mp3", b"ID3" + b"\x00" * 20, "„.mp3“ werden in content/images/"),
        ("audio/x.jpg", png_bytes(), "„.jpg“ werden in content/audio/"),
        ("images/x.jpg", png_bytes(), "ist aber kein JPEG-Bild (sondern PNG)"),
        ("audio/x.m4a", SCRIPT, "keine M4A-Audiodatei"),
        ("audio/x.json", b"<script>", "kein gültiges JSON"),
        ("audio/x.json", b"[" * 100_000 + b"]" * 100_000, "zu tief verschachtelt"),
        ("audio/x.vtt", SCRIPT, "kein Transkript im Format VTT"),
        ("audio/x.srt", "Überschrift".encode("latin-1"), "nicht als UTF-8 gespeichert"),
        ("blog/x.pdf", b"%PDF-1.4", "Dateien der Art „.pdf“ werden nicht veröffentlicht"),
        ("blog/x.html", SCRIPT, "Dateien der Art „.html“ werden nicht veröffentlicht"),
        ("blog/x.jpg", SCRIPT, "kein Bild, das gelesen werden kann"),
    ],
)
def test_everything_else_is_refused(content, relative, data, fragment):
    problem = check(content, relative, data)
    assert problem is not None
    assert fragment in problem.message


def test_a_static_link_out_of_content_is_refused(content):
    with pytest.raises(ContentError, match="außerhalb des Ordners content/"):
        check_static_file(content, "../../etc/passwd", {})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_device_or_pipe_is_refused(content):
    os.mkfifo(content / "audio" / "pipe.mp3")
    with pytest.raises(ContentError, match="keine gewöhnliche Datei"):
        check_static_file(content, "audio/pipe.mp3", {})


def test_the_gate_drops_refused_files_from_the_copy_list(content):
    """Even if a report were ignored, a refused file is no longer on Pelican's list."""
    (content / "images" / "ok.png").write_bytes(png_bytes())
    (content / "images" / "bad.html").write_bytes(SCRIPT)
    (content / "images" / "leak.jpg").symlink_to("/etc/hostname")

    def static(relative):
        return SimpleNamespace(get_relative_source_path=lambda: relative)

    files = [static("images/ok.png"), static("images/bad.html"), static("images/leak.jpg")]
    generator = SimpleNamespace(settings={"PATH": str(content)}, staticfiles=files, context={})
    collector = reset()
    filter_static_files(generator)
    assert [s.get_relative_source_path() for s in generator.staticfiles] == ["images/ok.png"]
    assert generator.context["staticfiles"] is generator.staticfiles
    assert sorted(os.path.basename(p.source_path) for p in collector.errors) == [
        "bad.html",
        "leak.jpg",
    ]


def test_chapters_json_is_parsed_not_only_named(content):
    problem = check(content, "audio/x.json", json.dumps([1, 2]).encode())
    assert problem is not None and "keine Kapiteldatei" in problem.message
