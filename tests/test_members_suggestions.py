"""Issue 12: suggestions that fit. A duplicate slug asks only the newer file for
a new slug and says how "newer" was decided (git history, else the file date);
`make post AUTHOR=kaethe` proposes the member it most likely means."""

from __future__ import annotations

import os
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from knotenpunkt.plugins.content_errors.newest import oldest_first
from knotenpunkt.plugins.members.validate import duplicate_slugs


def member(path) -> SimpleNamespace:
    return SimpleNamespace(slug="anna-beispiel", source_path=str(path))


def test_without_git_the_file_date_decides(tmp_path):
    content = tmp_path / "content"
    (content / "members").mkdir(parents=True)
    existing = content / "members" / "anna-beispiel.md"
    newer = content / "members" / "anna-beispiel-neu.md"
    existing.write_text("Title: Anna\n")
    newer.write_text("Title: Anna\n")
    os.utime(existing, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_800_000_000, 1_800_000_000))
    problems = duplicate_slugs(
        [member(newer), member(existing)], lambda m: "mitglieder/anna-beispiel/", str(content)
    )
    assert [p.source_path for p in problems] == [str(newer)]  # never the existing member
    (problem,) = problems
    assert "gehört schon „content/members/anna-beispiel.md“" in problem.message
    assert "Slug: anna-beispiel-2" in problem.hint
    assert "Dateidatum" in problem.hint


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_in_a_git_checkout_the_file_not_yet_committed_is_the_newer(tmp_path):
    def git(*args):
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    committed = tmp_path / "anna.md"
    committed.write_text("Title: Anna\n")
    git("add", "anna.md")
    git("commit", "-q", "-m", "Anna")
    fresh = tmp_path / "anna-zwei.md"
    fresh.write_text("Title: Anna\n")
    # the committed file is touched later: git history wins over the file date
    os.utime(fresh, (1_700_000_000, 1_700_000_000))
    ordered, why = oldest_first([str(fresh), str(committed)])
    assert ordered == [str(committed), str(fresh)]
    assert "git" in why


def test_make_post_with_a_first_name_as_author_suggests_the_member(tmp_path):
    from knotenpunkt.scaffold import ScaffoldError, scaffold

    content = tmp_path / "content"
    (content / "members").mkdir(parents=True)
    for slug in ("kaethe-gross", "anna-beispiel"):
        (content / "members" / f"{slug}.md").write_text("Title: X\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="Meinten Sie AUTHOR=kaethe-gross"):
        scaffold("post", content, title="Sommerfest", author="kaethe")
    with pytest.raises(ScaffoldError, match="Meinten Sie AUTHOR=anna-beispiel"):
        scaffold("post", content, title="Sommerfest", author="anna-beispil")
    assert not (content / "blog").exists()  # nothing written
