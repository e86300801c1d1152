"""Issue 12: one right diagnosis per mistake, every problem of every file in one run.

One small fixture site (the members fixture) with several broken files, built
once for the module.
"""

from __future__ import annotations

import re

import pytest
from knotenpunkt.plugins.content_errors.header import parse_header

from members_fixture import build_members_site

MEMBER = (
    "Title: Tab Person\nKind: person\n{tab}Competences: legasthenie\nRegion: Musterstadt-Nord\n"
    "Formats: online\nPhoto: images/members/anna.jpg\nSummary: Kurz.\n\nBiografie.\n"
)

FILES = {
    "members/tab-mitte.md": MEMBER.format(tab="\t"),
    "members/tab-anfang.md": "\t" + MEMBER.format(tab=""),
    "members/leer.md": "",
    "blog/leer.md": "\n\n",
    "blog/halb.md": "Author: anna-beispiel\n\nNur Text.\n",
    "blog/ohne-datum.md": "Title: Ohne Datum\nAuthor: anna-beispil\n\nText.\n",
    "blog/doppelt.md": "Title: Doppelt\nDate: 2026-01-01\nTags: a\nTags: b\n\nText.\n",
}


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    return build_members_site(tmp_path_factory.mktemp("diagnoses"), FILES)


def blocks_about(messages: str, name: str) -> list[str]:
    """Every reported problem (error or warning) of one file, as printed."""
    return [
        block
        for block in re.split(r"\n\s*\n", messages)
        if re.search(rf"content/{re.escape(name)}\b", block)
    ]


def test_the_build_fails(build):
    assert build.exit_code == 1


def test_tab_inside_the_header_is_one_error_saying_exactly_that(build):
    blocks = blocks_about(build.messages, "members/tab-mitte.md")
    assert len(blocks) == 1, blocks
    (block,) = blocks
    assert "Zeile 3" in block
    assert "Tabulator" in block
    # what really happens: the line continues the field above it
    assert "an das Feld „Kind“ in der Zeile darüber angehängt" in block
    assert "Programmcode" not in block


def test_tab_on_the_first_line_is_one_error_and_no_missing_fields(build):
    blocks = blocks_about(build.messages, "members/tab-anfang.md")
    assert len(blocks) == 1, blocks
    assert "Die erste Zeile beginnt mit einem Tabulator" in blocks[0]
    assert "Pflichtfeld" not in blocks[0]


def test_empty_member_file_says_it_is_empty_and_how_to_start(build):
    blocks = blocks_about(build.messages, "members/leer.md")
    assert len(blocks) == 1, blocks
    assert "Die Datei ist leer." in blocks[0]
    assert "make member" in blocks[0]


def test_empty_blog_file_says_it_is_empty(build):
    blocks = blocks_about(build.messages, "blog/leer.md")
    assert len(blocks) == 1, blocks
    assert "Die Datei ist leer." in blocks[0]
    assert "make post" in blocks[0]


def test_incomplete_post_reports_title_and_date_in_the_same_run(build):
    blocks = blocks_about(build.messages, "blog/halb.md")
    fields = sorted(re.findall(r"Feld „(\w+)“: Dieses Pflichtfeld fehlt", "\n".join(blocks)))
    assert fields == ["Date", "Title"]


def test_parser_reads_a_tabbed_header_line_as_markdown_does():
    header = parse_header(["Title: X", "Kind: person", "\tRegion: Nord", "Formats: online", ""])
    # Python-Markdown appends the tabbed line to "Kind" and reads on
    assert [e.key for e in header.entries] == ["Title", "Kind", "Formats"]
    assert header.first("Kind").value == "person"
    assert [(e.key, e.line) for e in header.tabbed] == [("Region", 3)]
    assert header.tabbed_into[3].key == "Kind"
    assert header.stray == []


def test_a_post_pelican_skips_still_has_its_author_checked(build):
    # Pelican skips a post without Date; its unknown author is reported in the same run
    text = "\n".join(blocks_about(build.messages, "blog/ohne-datum.md"))
    assert "Feld „Date“: Dieses Pflichtfeld fehlt." in text
    assert "Zeile 2" in text and "„anna-beispil“ ist kein Mitglied" in text
    assert "Meinten Sie „anna-beispiel“?" in text


def test_a_duplicate_key_is_said_once_in_german(build):
    (block,) = blocks_about(build.messages, "blog/doppelt.md")
    assert "Zeile 4" in block and "steht doppelt" in block
    assert "Duplicate definition" not in build.messages  # Pelican's English warning
