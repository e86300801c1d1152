"""Issue 10, items 5 and 8: no file takes over another page, silently or with a traceback.

Two content files, or a content file and a page the site generates (home,
member directory, subscribe page …), that would write the same output file
are a content error naming the file (and the other file or the generated
page), with exit status 1 and nothing published. Two content files with one
slug, and Save_as/Template refused by default, are in test_security_metadata.py
(they stop the build before anything is written).
"""

from __future__ import annotations

import pytest

from sitebuild import FIXTURES, build_site, write_files
from test_security_metadata import network

EPISODE = (FIXTURES / "network" / "podcast" / "folge-01.md").read_text(encoding="utf-8")


def stopped(result):
    assert result.exit_code == 1, result.messages
    assert "Traceback" not in result.messages
    assert "Interner Fehler" not in result.messages
    return result.messages


def block(messages: str, file: str) -> str:
    found = [b for b in messages.split("\n\n") if f"content/{file}" in b.split("\n")[0]]
    assert found, messages
    return "\n".join(found)


@pytest.fixture(scope="module")
def section_slugs(tmp_path_factory):
    root = tmp_path_factory.mktemp("takeover")
    content = network(root)
    write_files(
        content,
        {
            "pages/mitglieder.md": "Title: Mitglieder\nSlug: mitglieder\n\nText.\n",
            "pages/blog.md": "Title: Blog\nSlug: blog\n\nText.\n",
            "podcast/abo.md": EPISODE.replace(
                "Slug: folge-01-netzwerk-ohne-chef", "Slug: abonnieren"
            )
            .replace("Episode: 1", "Episode: 2")
            .replace(
                "72099485-a086-4a21-b6cd-05575eac9a93", "72099485-a086-4a21-b6cd-05575eac9a94"
            ),
        },
    )
    return build_site(content, root / "output")


@pytest.mark.parametrize(
    ("file", "url", "template"),
    [
        ("pages/mitglieder.md", "/mitglieder/", "members/directory"),
        ("pages/blog.md", "/blog/", "index"),
        ("podcast/abo.md", "/podcast/abonnieren/", "podcast/subscribe"),
    ],
)
def test_a_section_slug_is_a_content_error_naming_the_generated_page(
    section_slugs, file, url, template
):
    text = block(stopped(section_slugs), file)
    assert f"Die Adresse „{url}“ gehört schon zu einer Seite" in text
    assert f"Vorlage „{template}“" in text
    assert "Slug: …" in text


@pytest.fixture(scope="module")
def allowed_by_maintainers(tmp_path_factory):
    """Maintainers allow Save_as and Template; takeovers and misfits are still caught."""
    root = tmp_path_factory.mktemp("allowed")
    content = network(root)
    write_files(
        content,
        {
            "pages/home.md": "Title: Home\nSave_as: index.html\n\nMeins.\n",
            "blog/p.md": "Title: P\nDate: 2026-03-01\nTemplate: page\n\nText.\n",
        },
    )
    return build_site(
        content, root / "output", CONTENT_ALLOWED_MAINTAINER_FIELDS=["Save_as", "Template"]
    )


def test_save_as_allowed_by_maintainers_still_cannot_replace_the_home_page(
    allowed_by_maintainers,
):
    text = block(stopped(allowed_by_maintainers), "pages/home.md")
    assert "Feld „Save_as“" in text
    assert "Die Adresse „/“ gehört schon zu einer Seite" in text and "Vorlage „home“" in text


def test_a_template_that_does_not_fit_is_a_content_error_where_allowed(allowed_by_maintainers):
    text = block(stopped(allowed_by_maintainers), "blog/p.md")
    assert (
        "Feld „Template“: Mit der Vorlage „page“ lässt sich diese Datei nicht darstellen." in text
    )
