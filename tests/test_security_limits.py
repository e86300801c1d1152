"""Bounded work: hostile inputs are refused early with the limit named.

Each hostile input is generated here and must be refused before the expensive
library sees it, so every case finishes in a moment (a hang would show as a
test that never ends, not as a timed assertion).
"""

from __future__ import annotations

import struct
import time
import zlib
from pathlib import Path

import pytest
from knotenpunkt.plugins.content_errors.errors import ContentError
from knotenpunkt.plugins.content_errors.guarded_reader import GuardedMarkdownReader
from knotenpunkt.plugins.content_errors.limits import (
    RenderTimeout,
    check_markdown_text,
    image_header,
    time_limit,
)
from knotenpunkt.plugins.content_errors.settings import DEFAULTS
from knotenpunkt.plugins.content_errors.static_files import check_static_file
from pelican.settings import DEFAULT_CONFIG

from sitebuild import build_site, copy_sample

EP1 = "podcast/folge-01-netzwerk-ohne-chef.md"


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` pixels in a few bytes (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def nested_list(depth: int) -> str:
    return "\n".join("    " * level + "- x" for level in range(depth))


# --- Markdown, checked on the raw text ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Hallo\n\n" + "[" * 100_000, "Zeichen lang; erlaubt sind höchstens 20000"),
        ("[a](" * 30_000, "Zeichen lang"),
        ("\n".join(["[" * 20] * 5000), "eckige Klammern „[“ ineinander verschachtelt"),
        ("\n".join(["[a](" * 10] * 100), "runde Klammern „(“ ineinander verschachtelt"),
        (nested_list(3000), "Listen oder Zitate ineinander verschachtelt"),
        ("> " * 200 + "Zitat", "Listen oder Zitate ineinander verschachtelt"),
    ],
)
def test_hostile_markdown_is_refused_before_parsing(text, fragment):
    problem = check_markdown_text("content/blog/x.md", text, {})
    assert problem is not None
    assert fragment in problem.message
    assert "CONTENT_MAX_" in problem.hint
    assert problem.line is not None


def test_ordinary_markdown_passes():
    text = (
        "Title: Hallo\n\n"
        "Ein [Link](https://example.org/) und (eine Klammer (mit Klammer)).\n\n"
        + nested_list(6)
        + "\n\n> Zitat\n> > im Zitat\n\n```\n"
        + "[" * 60
        + "\n```\n\n"
        + "Wort " * 3000
    )
    assert check_markdown_text("content/blog/x.md", text, {}) is None


def test_unclosed_brackets_do_not_carry_over_paragraphs():
    text = "\n\n".join(["[ offen"] * 200)
    assert check_markdown_text("content/blog/x.md", text, {}) is None


# --- the time limit -------------------------------------------------------------------


def test_time_limit_interrupts_a_runaway_block():
    with pytest.raises(RenderTimeout), time_limit(0.05):
        while True:
            time.sleep(0.01)


def test_time_limit_leaves_no_alarm_behind():
    import signal

    with time_limit(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_reader_turns_a_slow_render_into_a_content_error(tmp_path):
    """Python-Markdown is quadratic on open brackets: with the nesting check
    switched off, the time limit is what stops the file."""
    content = tmp_path / "content"
    content.mkdir()
    source = content / "langsam.md"
    source.write_text("Title: Langsam\n\n" + "[" * 8000 + "\n", encoding="utf-8")
    settings = {
        **DEFAULT_CONFIG,
        "PATH": str(content),
        "CONTENT_MAX_NESTING": 10**6,
        "CONTENT_MAX_RENDER_SECONDS": 0.2,
    }
    with pytest.raises(ContentError) as caught:
        GuardedMarkdownReader(settings).read(str(source))
    assert "0.2 Sekunden" in caught.value.message
    assert "CONTENT_MAX_RENDER_SECONDS" in caught.value.hint


def test_reader_refuses_a_symlinked_markdown_file(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "aussen.md").write_text("Title: Geheim\n\nGeheim\n", encoding="utf-8")
    (content / "seite.md").symlink_to(tmp_path / "aussen.md")
    settings = {**DEFAULT_CONFIG, "PATH": str(content)}
    with pytest.raises(ContentError, match="Verknüpfung"):
        GuardedMarkdownReader(settings).read(str(content / "seite.md"))


# --- pictures: pixels counted from the header ------------------------------------------


@pytest.mark.parametrize("side", [12_000, 20_000])
def test_image_bombs_are_refused_from_the_header(tmp_path, side):
    bomb = tmp_path / "bombe.png"
    bomb.write_bytes(png_header(side, side))
    assert bomb.stat().st_size < 20_000
    with pytest.raises(ContentError) as caught:
        image_header(bomb, "content/members/x.md", "Photo", {})
    assert "bombe.png" in caught.value.message
    assert "Millionen Pixel" in caught.value.message
    assert "CONTENT_MAX_IMAGE_PIXELS" in caught.value.hint


def test_a_normal_picture_header_is_read(tmp_path):
    picture = tmp_path / "ok.png"
    picture.write_bytes(png_header(800, 600))
    assert image_header(picture, "content/x.md", "Image", {}) == ("PNG", (800, 600), "L")


# --- audio and chapters -------------------------------------------------------------------


def sparse_mp3(path: Path, size: int) -> Path:
    """An MP3 header padded (sparsely, costing no disk) to ``size`` bytes."""
    with path.open("wb") as handle:
        handle.write(b"ID3\x04\x00\x00\x00\x00\x00\x00")
        handle.truncate(size)
    return path


def test_a_huge_audio_file_is_refused_as_a_static_file(tmp_path):
    root = tmp_path / "content"
    (root / "audio").mkdir(parents=True)
    sparse_mp3(root / "audio" / "riesig.mp3", 300 * 1024 * 1024)
    with pytest.raises(ContentError) as caught:
        check_static_file(root, "audio/riesig.mp3", {})
    assert "300 MB" in caught.value.message
    assert "200 MB" in caught.value.message
    assert "CONTENT_MAX_AUDIO_BYTES" in caught.value.hint


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """The sample with a 300 MB episode, a bomb as episode image, deeply nested
    chapters, and hostile Markdown in a page, a post and a member: one build."""
    root = tmp_path_factory.mktemp("limits")
    content = copy_sample(root)
    sparse_mp3(content / "audio" / "riesig.mp3", 300 * 1024 * 1024)
    (content / "images" / "podcast" / "bombe.png").write_bytes(png_header(20_000, 20_000))
    (content / "audio" / "tief.chapters.json").write_text("[" * 100_000 + "]" * 100_000)
    ep1 = content / EP1
    text = ep1.read_text(encoding="utf-8")
    text = text.replace("Audio: audio/folge-01.mp3", "Audio: audio/riesig.mp3")
    text = text.replace(
        "Chapters: audio/folge-01.chapters.json", "Chapters: audio/tief.chapters.json"
    )
    ep1.write_text("Image: images/podcast/bombe.png\n" + text, encoding="utf-8")
    ep3 = content / "podcast" / "folge-03-hausaufgaben-ohne-streit.md"
    ep3.write_text(
        ep3.read_text(encoding="utf-8").replace(
            "EpisodeType: full", "EpisodeType: full\nChapters: audio/tief.chapters.json"
        ),
        encoding="utf-8",
    )
    (content / "pages" / "klammern.md").write_text(
        "Title: Klammern\n\n" + "[" * 100_000 + "\n", encoding="utf-8"
    )
    (content / "blog" / "links.md").write_text(
        "Title: Links\nDate: 2026-01-01\n\n" + "[a](" * 30_000 + "\n", encoding="utf-8"
    )
    (content / "blog" / "liste.md").write_text(
        "Title: Liste\nDate: 2026-01-01\n\n" + nested_list(300) + "\n", encoding="utf-8"
    )
    (content / "images" / "members" / "bombe.png").write_bytes(png_header(12_000, 12_000))
    photo = content / "members" / "miriam-kowalski.md"
    photo.write_text(
        photo.read_text(encoding="utf-8").replace(
            "Photo: images/members/miriam-kowalski.jpg", "Photo: images/members/bombe.png"
        ),
        encoding="utf-8",
    )
    member = content / "members" / "anna-beispiel.md"
    member.write_text(
        member.read_text(encoding="utf-8") + "\n" + "\n".join(["(" * 20] * 100) + "\n",
        encoding="utf-8",
    )
    return build_site(content, root / "out")


def report_block(messages: str, relative: str) -> str:
    found = [b for b in messages.split("\n\n") if f"content/{relative}" in b]
    assert found, messages
    return "\n\n".join(found)


def test_hostile_build_stops_with_content_errors(hostile_build):
    assert hostile_build.exit_code == 1, hostile_build.messages
    assert "Traceback" not in hostile_build.messages
    assert "Interner Fehler" not in hostile_build.messages
    assert not hostile_build.exists("index.html")


@pytest.mark.parametrize(
    ("relative", "fragments"),
    [
        (EP1, ["„Audio“", "300 MB", "CONTENT_MAX_AUDIO_BYTES"]),
        (EP1, ["„Image“", "bombe.png", "Millionen Pixel"]),
        ("audio/riesig.mp3", ["300 MB", "höchstens 200 MB"]),
        ("audio/tief.chapters.json", ["zu tief verschachtelt"]),
        ("podcast/folge-03-hausaufgaben-ohne-streit.md", ["„Chapters“", "zu tief verschachtelt"]),
        ("pages/klammern.md", ["100000 Zeichen lang", "CONTENT_MAX_LINE_CHARS"]),
        ("blog/links.md", ["120000 Zeichen lang"]),
        ("blog/liste.md", ["Listen oder Zitate", "CONTENT_MAX_NESTING"]),
        ("members/anna-beispiel.md", ["runde Klammern"]),
        ("members/miriam-kowalski.md", ["„Photo“", "12000 × 12000 Pixel", "50 Millionen"]),
    ],
)
def test_each_limit_is_named_in_the_report(hostile_build, relative, fragments):
    block = report_block(hostile_build.messages, relative)
    for fragment in fragments:
        assert fragment in block, block


def test_every_limit_has_a_documented_default():
    source = Path(__file__).resolve().parent.parent / "plugins/content_errors/settings.py"
    lines = source.read_text(encoding="utf-8").splitlines()
    for name in (
        "CONTENT_MAX_FILE_BYTES",
        "CONTENT_MAX_LINE_CHARS",
        "CONTENT_MAX_NESTING",
        "CONTENT_MAX_IMAGE_PIXELS",
        "CONTENT_MAX_IMAGE_BYTES",
        "CONTENT_MAX_AUDIO_BYTES",
        "CONTENT_MAX_RENDER_SECONDS",
        "CONTENT_STATIC_KINDS",
    ):
        assert DEFAULTS[name]
        number = next(i for i, line in enumerate(lines) if f'"{name}"' in line)
        assert lines[number - 1].strip().startswith("#"), name  # explained above its default


def test_brackets_closed_on_a_later_line_of_the_paragraph_count_as_closed():
    text = "\n".join(["[" * 40, "]" * 40, "[" * 40, "]" * 40])
    assert check_markdown_text("content/blog/x.md", text, {}) is None


def test_html_pages_get_the_same_door(tmp_path):
    from knotenpunkt.plugins.content_errors.guarded_reader import GuardedHTMLReader

    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "aussen.html").write_text("<html><head><title>G</title></head></html>")
    (content / "seite.html").symlink_to(tmp_path / "aussen.html")
    settings = {**DEFAULT_CONFIG, "PATH": str(content)}
    with pytest.raises(ContentError, match="Verknüpfung"):
        GuardedHTMLReader(settings).read(str(content / "seite.html"))
    big = content / "gross.html"
    big.write_text("<html><head><title>G</title></head><body>" + "x" * 3_000_000 + "</body>")
    with pytest.raises(ContentError, match="höchstens 2 MB") as caught:
        GuardedHTMLReader(settings).read(str(big))
    assert "CONTENT_MAX_FILE_BYTES" in caught.value.hint
