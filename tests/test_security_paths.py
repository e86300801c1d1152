"""Every path a member writes in a header field stays inside content/.

The build is run once against a sample copy whose episodes and a member point
``Audio:``, ``Image:``, ``Chapters:``, ``Transcript:`` and ``Photo:`` outside
the content folder, at files that really exist there and hold a secret. Each
field must be a German content error, and the secret must not reach output/.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from knotenpunkt.plugins.content_errors.errors import ContentError
from knotenpunkt.plugins.content_errors.paths import resolve_content_path

from sitebuild import build_site, copy_sample

SECRET = "GEHEIM-7f3a-nicht-veroeffentlichen"
EP1 = "podcast/folge-01-netzwerk-ohne-chef.md"
EP2 = "podcast/folge-02-mehrsprachig-aufwachsen.md"
MEMBER = "members/anna-beispiel.md"


def edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_fields(content: Path, relative: str, fields: str) -> None:
    edit(content, relative, "Title:", fields + "\nTitle:")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("paths")
    content = copy_sample(root)
    # Files outside content/ that the build could read, each holding the secret.
    (root / "secret.json").write_text(
        json.dumps({"version": "1.2.0", "chapters": [{"startTime": 0, "title": SECRET}]})
    )
    (root / "secret.vtt").write_text(f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{SECRET}\n")
    shutil.copy(content / "audio" / "folge-01.mp3", root / "outside.mp3")
    shutil.copy(content / "images" / "podcast" / "cover.jpg", root / "x.jpg")
    shutil.copy(content / "images" / "members" / "anna-beispiel.jpg", root / "secret.jpg")
    shutil.copy(content / "audio" / "folge-01.opus", root / "outside.opus")
    edit(content, EP1, "Audio: audio/folge-01.mp3", "Audio: ../outside.mp3")
    edit(content, EP1, "AlternateAudio: audio/folge-01.opus", "AlternateAudio: ../outside.opus")
    edit(content, EP1, "Chapters: audio/folge-01.chapters.json", "Chapters: ../../etc/hostname")
    add_fields(content, EP1, "Image: ../../x.jpg")
    edit(content, EP2, "Transcript: audio/folge-02.vtt", "Transcript: /etc/passwd")
    add_fields(content, EP2, "Chapters: {static}/../secret.json")
    edit(content, MEMBER, "Photo: images/members/anna-beispiel.jpg", "Photo: ../secret.jpg")
    result = build_site(content, root / "out")
    return root, result


def block_about(messages: str, where: str, field: str) -> str:
    blocks = [b for b in messages.split("\n\n") if where in b and f"„{field}“" in b]
    assert blocks, messages
    return "\n\n".join(blocks)


def test_the_build_stops_with_a_clear_error(hostile):
    _root, result = hostile
    assert result.exit_code == 1, result.messages
    assert "Traceback" not in result.messages
    assert "Interner Fehler" not in result.messages


@pytest.mark.parametrize(
    ("where", "field", "fragment"),
    [
        (EP1, "Audio", "„../outside.mp3“ zeigt aus dem Ordner content/ heraus"),
        (EP1, "Chapters", "„../../etc/hostname“ zeigt aus dem Ordner content/ heraus"),
        (EP1, "Image", "„../../x.jpg“ zeigt aus dem Ordner content/ heraus"),
        (EP1, "AlternateAudio", "„../outside.opus“ zeigt aus dem Ordner content/ heraus"),
        (EP2, "Transcript", "„/etc/passwd“ ist ein Pfad auf dem eigenen Rechner"),
        (EP2, "Chapters", "zeigt aus dem Ordner content/ heraus"),
        (MEMBER, "Photo", "„../secret.jpg“ zeigt aus dem Ordner content/ heraus"),
    ],
)
def test_each_path_outside_content_is_a_content_error(hostile, where, field, fragment):
    _root, result = hostile
    block = block_about(result.messages, "content/" + where, field)
    assert fragment in block
    assert "So beheben Sie es" in block


def test_nothing_from_outside_content_reaches_the_output(hostile):
    root, result = hostile
    for path in result.output.rglob("*") if result.output.exists() else []:
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    # nothing was written next to the output folder either
    assert sorted(p.name for p in root.iterdir() if p.is_file()) == [
        "outside.mp3",
        "outside.opus",
        "secret.jpg",
        "secret.json",
        "secret.vtt",
        "x.jpg",
    ]


# --- the resolver itself --------------------------------------------------------


def refused(root: Path, value: str) -> str:
    with pytest.raises(ContentError) as caught:
        resolve_content_path(root, value, "content/x.md", "Audio")
    assert caught.value.field == "Audio"
    assert caught.value.hint
    return caught.value.message


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    (root / "audio").mkdir(parents=True)
    (root / "audio" / "folge.mp3").write_bytes(b"ID3")
    (tmp_path / "outside.txt").write_text(SECRET)
    return root


@pytest.mark.parametrize(
    "value",
    ["audio/folge.mp3", "{static}/audio/folge.mp3", "{attach}audio/folge.mp3", "/audio/folge.mp3"],
)
def test_the_written_forms_of_a_content_path_are_accepted(content, value):
    checked = resolve_content_path(content, value, "content/x.md", "Audio")
    assert checked.relative == "audio/folge.mp3"
    assert checked.exists()


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("../outside.txt", "zeigt aus dem Ordner content/ heraus"),
        ("audio/../../outside.txt", "zeigt aus dem Ordner content/ heraus"),
        ("{static}/../outside.txt", "zeigt aus dem Ordner content/ heraus"),
        ("/etc/passwd", "Pfad auf dem eigenen Rechner"),
        ("C:\\Users\\anna\\folge.mp3", "Pfad auf dem eigenen Rechner"),
        ("~/folge.mp3", "Pfad auf dem eigenen Rechner"),
        ("https://example.org/folge.mp3", "Webadresse"),
    ],
)
def test_paths_leaving_content_are_refused(content, value, fragment):
    assert fragment in refused(content, value)


def test_a_symlink_on_the_way_is_refused(content):
    (content / "audio" / "leak.mp3").symlink_to(content.parent / "outside.txt")
    (content / "linked").symlink_to(content.parent)
    assert "Verknüpfung" in refused(content, "audio/leak.mp3")
    assert "Verknüpfung" in refused(content, "linked/outside.txt")


def test_a_symlink_inside_content_is_refused_too(content):
    # even pointing inside: a link can be changed to point anywhere later
    (content / "audio" / "alias.mp3").symlink_to(content / "audio" / "folge.mp3")
    assert "Verknüpfung" in refused(content, "audio/alias.mp3")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_named_pipe_is_refused_before_anything_reads_it(content):
    os.mkfifo(content / "audio" / "pipe.mp3")
    assert "keine gewöhnliche Datei" in refused(content, "audio/pipe.mp3")


def test_a_missing_file_is_left_to_the_plugin_that_reads_it(content):
    checked = resolve_content_path(content, "audio/fehlt.mp3", "content/x.md", "Audio")
    assert not checked.exists()


def test_body_links_are_read_as_pelican_reads_them():
    from knotenpunkt.plugins.content_errors.paths import links_leaving_content

    lines = [
        "![ok]({static}../images/bild.jpg)",  # from blog/ up to content/: fine
        "[ok]({filename}/pages/impressum.md)",
        '<img src="{attach}/../../etc/hostname">',
        "![weg]({static}../../geheim.txt)",
    ]
    problems = links_leaving_content("content/blog/x.md", "blog/x.md", lines)
    assert [p.line for p in problems] == [3, 4]
    assert "„{attach}/../../etc/hostname“" in problems[0].message
