"""A link to a file that does not exist names the file and line that hold the link.

Pelican only logs "Unable to find …" with the target and publishes a literal
``{filename}`` address (issues 12 and 17).
"""

from sitebuild import build_site, write_files
from test_robust_build import minimal_content

POST = """Title: Mit Links
Date: 2026-03-01

Siehe [Impressum]({filename}/pages/impresum.md) und [groß]({filename}/pages/Impressum.md).

Ein [guter Link]({filename}/pages/impressum.md) und [ganz falsch]({filename}/gibtsnicht/x.md).

```markdown
So schreibt man einen Link: [Mitmachen]({filename}/pages/mitmachen.md)
```

Im Text als Code: `[x]({filename}/pages/beispiel.md)`.
"""


def test_missing_link_targets_are_errors_at_the_line_of_the_link(tmp_path):
    content = minimal_content(tmp_path)
    write_files(content, {"blog/links.md": POST})
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1, result.messages
    blocks = [b for b in result.messages.split("\n\n") if "content/blog/links.md" in b]
    text = "\n\n".join(blocks)
    assert "„{filename}/pages/impresum.md“ zeigt auf eine Datei, die es nicht gibt" in text
    assert "Meinten Sie „pages/impressum.md“?" in text
    assert "Die Datei heißt „impressum.md“" in text  # wrong case, fine on a Mac only
    assert "„{filename}/gibtsnicht/x.md“" in text
    assert all("Zeile 4" in b or "Zeile 6" in b for b in blocks), text
    # the good link and the examples in code are not reported
    assert "/pages/impressum.md“ zeigt" not in text
    assert "„{filename}/pages/mitmachen.md“ zeigt" not in text
    assert "beispiel.md" not in text
    assert "Traceback" not in result.messages
