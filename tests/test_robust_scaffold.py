"""`make member`, `make post`, `make episode` write complete templates that build."""

import re
import shutil
import subprocess
import uuid

import pytest

from knotenpunkt.scaffold import ScaffoldError, german_slug, next_episode, scaffold
from sitebuild import PROJECT_ROOT, SAMPLE_CONTENT, build_site, copy_sample
from test_robust_network_mistakes import network_site


@pytest.fixture
def content(tmp_path):
    return copy_sample(tmp_path)


@pytest.fixture
def small(tmp_path):
    """The tiny network (one member, one post, one episode): for tests that build."""
    return network_site(tmp_path)


def test_german_transliteration_for_slugs():
    assert german_slug("Özlem Arslan") == "oezlem-arslan"
    assert german_slug("Jonas Ährenfeld") == "jonas-aehrenfeld"
    assert german_slug("Straße & Söhne") == "strasse-soehne"
    assert german_slug("  Ana Núñez ") == "ana-nunez"


REQUIRED_TO_FILL = {
    "Competences": "legasthenie",
    "Region": "Musterstadt-Nord",
    "Formats": "online",
    "Summary": "Lerntherapeutin in Musterstadt-Nord.",
}


def test_member_template_names_exactly_the_fields_to_fill_then_builds(small, tmp_path):
    content = small
    path = scaffold("member", content, name="Jana Müller")
    assert path == content / "members" / "jana-mueller.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("Title: Jana Müller\nSlug: jana-mueller\nKind: person\n")
    assert "<!--" in text and "Competences (Pflichtfeld)" in text
    first = build_site(content, tmp_path / "first")
    assert first.exit_code == 1
    assert f"{len(REQUIRED_TO_FILL)} Fehler" in first.messages
    for field in REQUIRED_TO_FILL:
        assert f"Feld „{field}“: Dieses Pflichtfeld ist leer." in first.messages
    for field, value in REQUIRED_TO_FILL.items():
        text = text.replace(f"\n{field}:\n", f"\n{field}: {value}\n")
    path.write_text(text, encoding="utf-8")
    second = build_site(content, tmp_path / "second")
    assert second.exit_code == 0, second.messages
    assert "Jana Müller" in second.page("mitglieder/jana-mueller/index.html")


def test_post_template_is_a_draft_that_builds(small, tmp_path):
    content = small
    path = scaffold("post", content, title="Unser Sommerfest", author="anna-beispiel")
    text = path.read_text(encoding="utf-8")
    assert path == content / "blog" / "unser-sommerfest.md"
    assert "Author: anna-beispiel" in text and "Status: draft" in text
    assert re.search(r"^Date: \d{4}-\d\d-\d\d \d\d:\d\d$", text, re.M)
    assert "\nSummary:" not in text  # the summary is then taken from the text
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    assert not result.exists("blog/unser-sommerfest/index.html")  # a draft
    path.write_text(text.replace("Status: draft", "Status: published"), encoding="utf-8")
    published = build_site(content, tmp_path / "published")
    assert published.exit_code == 0, published.messages
    html = published.page("blog/unser-sommerfest/index.html")
    assert "Unser Sommerfest" in html
    assert "Pflichtfeld" not in html  # the explaining comment never reaches the page


def test_post_for_an_unknown_author_is_refused(content):
    with pytest.raises(ScaffoldError, match="anna-beispil"):
        scaffold("post", content, title="X", author="anna-beispil")


def test_episode_gets_next_number_and_fresh_guid(content):
    assert next_episode(content / "podcast") == (4, 1)
    first = scaffold("episode", content, title="Übergänge in die Schule")
    assert first.name == "folge-04-uebergaenge-in-die-schule.md"
    text = first.read_text(encoding="utf-8")
    assert "Episode: 4" in text and "Audio: audio/folge-04.mp3" in text
    guid = re.search(r"^Guid: (.+)$", text, re.M).group(1)
    assert uuid.UUID(guid).version == 4
    second = scaffold("episode", content, title="Noch eine")
    assert "Episode: 5" in second.read_text(encoding="utf-8")
    assert guid not in second.read_text(encoding="utf-8")


def test_episode_template_is_a_draft_then_needs_its_audio(small, tmp_path):
    content = small
    path = scaffold("episode", content, title="Neue Folge")
    assert build_site(content, tmp_path / "draft").exit_code == 0
    path.write_text(
        path.read_text(encoding="utf-8").replace("Status: draft", "Status: published"),
        encoding="utf-8",
    )
    missing = build_site(content, tmp_path / "missing")
    assert missing.exit_code == 1
    assert "folge-02-neue-folge.md, Zeile 3" in missing.messages
    assert "Feld „Audio“" in missing.messages
    shutil.copy(SAMPLE_CONTENT / "audio" / "folge-01.mp3", content / "audio" / "folge-02.mp3")
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    assert "Neue Folge" in result.page("podcast/folge-02-neue-folge/index.html")


@pytest.mark.parametrize(
    ("kind", "kwargs", "existing"),
    [
        ("member", {"name": "Anna Beispiel"}, "members/anna-beispiel.md"),
        ("post", {"title": "Barcamp Lernen 2026"}, "blog/barcamp-lernen-2026.md"),
    ],
)
def test_existing_files_are_never_overwritten(content, kind, kwargs, existing):
    before = (content / existing).read_bytes()
    with pytest.raises(ScaffoldError, match="gibt es schon"):
        scaffold(kind, content, **kwargs)
    assert (content / existing).read_bytes() == before


def test_make_member_refuses_to_overwrite_with_exit_1(content):
    completed = subprocess.run(
        ["make", "--no-print-directory", "member", "NAME=Anna Beispiel", f"INPUTDIR={content}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode != 0
    assert "content/members/anna-beispiel.md gibt es schon" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_make_member_without_name_explains_what_to_type(content):
    completed = subprocess.run(
        ["make", "--no-print-directory", "member", f"INPUTDIR={content}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode != 0
    assert 'make member NAME="Anna Beispiel"' in completed.stderr
