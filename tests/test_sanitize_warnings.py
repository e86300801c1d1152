"""Nothing is removed silently: each piece of markup the sanitiser drops is named (issue 12)."""

import re

import pytest

from sitebuild import build_site, write_files
from test_robust_build import minimal_content

POST = """Title: Mit Markup
Date: 2026-03-01

Ein Absatz.

<script>alert(1)</script>

# Große Überschrift

Hier ein [Link](javascript:alert(2)) und <span onclick="alert(3)">ein Kasten</span>.

<p class="button skip-link">Knopf?</p>
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("removals")
    content = minimal_content(root)
    write_files(content, {"blog/markup.md": POST})
    return build_site(content, root / "out")


def warning_about(messages: str, fragment: str) -> str:
    blocks = [b for b in messages.split("\n\n") if "content/blog/markup.md" in b]
    found = [b for b in blocks if fragment in b]
    assert found, messages
    return found[0]


def test_the_page_is_built_and_the_removals_are_warnings(built):
    assert built.exit_code == 0, built.messages
    page = built.page("blog/mit-markup/index.html")
    assert "alert(" not in page
    assert '<p class="button' not in page and "Knopf?" in page
    assert "Hinweise" in built.messages


@pytest.mark.parametrize(
    ("fragment", "line"),
    [
        ("„<script>“ wurde samt Inhalt aus dem Text entfernt", 6),
        ("Überschrift der ersten Ebene", 8),
        ("Adresse „javascript:…“ wurde entfernt", 10),
        ('Die Angabe onclick="…" an <span> wurde entfernt', 10),
        ("Die Klasse „button“ wurde entfernt", 12),
        ("Die Klasse „skip-link“ wurde entfernt", 12),
    ],
)
def test_each_removal_names_file_line_and_what(built, fragment, line):
    block = warning_about(built.messages, fragment)
    assert re.search(rf"content/blog/markup\.md, Zeile {line}\b", block), block
    assert "So beheben Sie es" in block


def test_markdown_itself_causes_no_warning(tmp_path):
    content = minimal_content(tmp_path)
    write_files(
        content,
        {
            "blog/sauber.md": "Title: Sauber\nDate: 2026-03-01\n\n## Zwischentitel\n\n"
            "Text mit [Link](https://example.org), Fußnote[^1] und `code`.\n\n"
            "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n```python\nprint(1)\n```\n\n[^1]: Die Fußnote.\n"
        },
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    assert "entfernt" not in result.messages and "Überschrift" not in result.messages
