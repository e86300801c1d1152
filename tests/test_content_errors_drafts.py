"""Issue 12: drafts are checked too (as warnings), and no message shows a path of
the build machine. One tiny network with a draft and a published episode
whose MP3 is missing, built once for the module."""

from __future__ import annotations

import re
import shutil

import pytest
from knotenpunkt.plugins.content_errors.errors import ContentError
from knotenpunkt.plugins.content_errors.report import describe

from sitebuild import FIXTURES, SAMPLE_CONTENT, build_site, write_files

MEDIA = ["images/members/anna-beispiel.jpg", "images/podcast/cover.jpg", "audio/folge-01.mp3"]
EPISODE = (FIXTURES / "network" / "podcast" / "folge-01.md").read_text(encoding="utf-8")


def episode(number: int, *, draft: bool) -> str:
    text = (
        EPISODE.replace("folge-01", f"folge-{number:02d}")
        .replace("Episode: 1", f"Episode: {number}")
        .replace("72099485-", f"7209948{number}-")
    )
    return text.replace("Slug:", "Status: draft\nSlug:") if draft else text


def blocks(messages: str, name: str) -> list[str]:
    return [b for b in re.split(r"\n\s*\n", messages) if f"content/{name}" in b]


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    root = tmp_path_factory.mktemp("drafts")
    content = root / "content"
    shutil.copytree(FIXTURES / "network", content)
    for relative in MEDIA:
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE_CONTENT / relative, content / relative)
    write_files(
        content,
        {
            "podcast/folge-02.md": episode(2, draft=True),
            "podcast/folge-03.md": episode(3, draft=False),
            "blog/entwurf.md": "Title: Noch ohne Datum\nStatus: draft\n\nText.\n",
        },
    )
    result = build_site(content, root / "out")
    return root, result


def warnings_and_errors(messages: str) -> tuple[str, str]:
    warnings, _, errors = messages.partition("Die Website wurde nicht gebaut")
    return warnings, errors


def test_incomplete_drafts_are_warnings(build):
    _root, result = build
    warnings, errors = warnings_and_errors(result.messages)
    (audio,) = blocks(warnings, "podcast/folge-02.md")
    assert "Feld „Audio“" in audio and "gibt es nicht" in audio
    assert "Entwurf" in audio
    (date,) = blocks(warnings, "blog/entwurf.md")
    assert "Der Entwurf hat noch kein Datum." in date
    assert blocks(errors, "podcast/folge-02.md") == []
    assert blocks(errors, "blog/entwurf.md") == []


def test_published_episode_without_mp3_is_an_error_named_from_the_project(build):
    root, result = build
    assert result.exit_code == 1
    _warnings, errors = warnings_and_errors(result.messages)
    (block,) = blocks(errors, "podcast/folge-03.md")
    assert "„content/audio/folge-03.mp3“ gibt es nicht" in block
    assert str(root) not in result.messages


def test_no_message_shows_an_absolute_path_into_the_project(tmp_path):
    content = tmp_path / "content"
    missing = content / "audio" / "x.mp3"
    problem = ContentError(
        str(content / "podcast" / "x.md"),
        "Audio",
        f"Die Audiodatei „{missing}“ gibt es nicht.",
        f"Legen Sie sie als {missing} ab.",
    )
    text = describe(problem, str(content))
    assert str(tmp_path) not in text
    assert "„content/audio/x.mp3“ gibt es nicht" in text
    assert "als content/audio/x.mp3 ab" in text


def test_a_draft_is_previewed_at_its_draft_address_and_listed_nowhere(tmp_path):
    """docs/mitmachen.md: development builds (make html, make devserver) write
    drafts to drafts/<slug>.html; no list, feed or sitemap names them."""
    from members_fixture import build_members_site

    draft = "Title: Mein Entwurf\nDate: 2026-01-01\nStatus: draft\nAuthor: anna-beispiel\n\nX.\n"
    result = build_members_site(tmp_path, {"blog/entwurf.md": draft})
    assert result.exit_code == 0, result.messages
    assert "Mein Entwurf" in result.page("drafts/mein-entwurf.html")
    for listing in ("sitemap.xml", "blog/index.html", "index.html"):
        assert "mein-entwurf" not in result.page(listing), listing
