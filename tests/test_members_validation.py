"""Every mistake in a member or competence file stops the build with a German
message naming the file, the field, what is wrong and how to fix it."""

import pytest

from members_fixture import build_members_site, members_content
from sitebuild import run_pelican_cli


def member(**fields) -> str:
    base = {
        "Title": "Zora Zander",
        "Kind": "person",
        "Competences": "legasthenie",
        "Region": "Musterstadt-Nord",
        "Formats": "praesenz",
        "Summary": "Lesepatin.",
    }
    base.update(fields)
    header = "".join(f"{key}: {value}\n" for key, value in base.items() if value is not None)
    return header + "\nZoras Biografie.\n"


def assert_fails_with(result, file, field, *fragments):
    assert result.exit_code == 1, result.messages
    assert "Traceback" not in result.messages
    assert "Die Website wurde nicht gebaut" in result.messages
    block = next(
        (b for b in result.messages.split("\n\n") if file in b and f"Feld „{field}“" in b),
        None,
    )
    assert block is not None, result.messages
    assert "So beheben Sie es:" in block
    for fragment in fragments:
        assert fragment in block, block
    # nothing is written when the content has errors
    assert not result.exists("mitglieder/index.html")


def test_fixture_network_builds(tmp_path):
    """An unreferenced competence file (unbenutzt.md) is fine."""
    result = build_members_site(tmp_path)
    assert result.exit_code == 0, result.messages
    assert result.exists("kompetenzen/unbenutzt/index.html")


@pytest.mark.parametrize("field", ["Title", "Kind", "Competences", "Region", "Formats", "Summary"])
def test_missing_required_field(tmp_path, field):
    result = build_members_site(tmp_path, {"members/zora-zander.md": member(**{field: None})})
    assert_fails_with(
        result,
        "content/members/zora-zander.md",
        field,
        "Pflichtfeld fehlt",
        "Ergänzen Sie am Anfang der Datei eine Zeile wie",
    )


def test_unknown_competence_suggests_the_closest(tmp_path):
    result = build_members_site(
        tmp_path, {"members/zora-zander.md": member(Competences="legastenie")}
    )
    assert_fails_with(
        result,
        "content/members/zora-zander.md",
        "Competences",
        "„legastenie“ gibt es nicht",
        "Meinten Sie „legasthenie“?",
    )


def test_competence_without_file_is_an_error_naming_the_file_to_create(tmp_path):
    result = build_members_site(
        tmp_path, {"members/zora-zander.md": member(Competences="legasthenie, Hochbegabung")}
    )
    assert_fails_with(
        result,
        "content/members/zora-zander.md",
        "Competences",
        "„Hochbegabung“ gibt es nicht",
        "content/competences/hochbegabung.md",
    )


def test_empty_competence_list(tmp_path):
    result = build_members_site(tmp_path, {"members/zora-zander.md": member(Competences=" , ")})
    assert_fails_with(
        result,
        "content/members/zora-zander.md",
        "Competences",
        "keine Kompetenz angegeben",
        "mindestens eine Kompetenz",
    )


def test_unknown_kind(tmp_path):
    result = build_members_site(tmp_path, {"members/zora-zander.md": member(Kind="persn")})
    assert_fails_with(
        result, "content/members/zora-zander.md", "Kind", "„persn“", "Meinten Sie „person“?"
    )


def test_unknown_format(tmp_path):
    result = build_members_site(
        tmp_path, {"members/zora-zander.md": member(Formats="präsens, online")}
    )
    assert_fails_with(
        result, "content/members/zora-zander.md", "Formats", "„präsens“", "Meinten Sie „praesenz“?"
    )


def test_closed_values_accept_capitals_and_umlauts(tmp_path):
    """„Präsenz“ and „Person“ are what a German member writes; they mean the same values."""
    result = build_members_site(
        tmp_path, {"members/zora-zander.md": member(Kind="Person", Formats="Präsenz, ONLINE")}
    )
    assert result.exit_code == 0, result.messages
    directory = result.page("mitglieder/index.html")
    item = next(li for li in directory.split("<li ") if "Zora Zander" in li)
    assert 'data-formats="praesenz online"' in item and 'data-kind="person"' in item
    assert "kein erlaubter Wert" not in result.messages


def test_duplicate_slug_after_slugification(tmp_path):
    result = build_members_site(tmp_path, {"members/zora-zander.md": member(Slug="Anna Beispiel")})
    assert_fails_with(
        result,
        "content/members/zora-zander.md",
        "Slug",
        "content/members/anna-beispiel.md",
        "eigenen Slug",
    )


def test_photo_file_missing(tmp_path):
    result = build_members_site(
        tmp_path, {"members/zora-zander.md": member(Photo="images/members/zora.jpg")}
    )
    assert_fails_with(
        result,
        "content/members/zora-zander.md",
        "Photo",
        "„images/members/zora.jpg“ gibt es nicht",
        "content/images/members/zora.jpg",
    )


def test_photo_that_is_not_an_image(tmp_path):
    result = build_members_site(
        tmp_path,
        {
            "images/members/zora.jpg": b"not a picture at all",
            "members/zora-zander.md": member(Photo="images/members/zora.jpg"),
        },
    )
    assert_fails_with(
        result, "content/members/zora-zander.md", "Photo", "kein Bild", "JPEG, PNG oder WebP"
    )


def test_email_that_is_not_an_address(tmp_path):
    result = build_members_site(
        tmp_path, {"members/zora-zander.md": member(Email="zora(at)example.org")}
    )
    assert_fails_with(
        result,
        "content/members/zora-zander.md",
        "Email",
        "keine E-Mail-Adresse",
        "Email: anna@example.org",
    )


@pytest.mark.parametrize("website", ["javascript:alert(1)", "www.example.org", "ftp://example.org"])
def test_website_must_be_http(tmp_path, website):
    result = build_members_site(tmp_path, {"members/zora-zander.md": member(Website=website)})
    assert_fails_with(
        result, "content/members/zora-zander.md", "Website", "https://", "Website: https://"
    )


def test_unknown_author_slug_in_a_post(tmp_path):
    post = "Title: Lesen\nDate: 2026-03-02\nAuthor: zora-zandr\n\nText.\n"
    result = build_members_site(tmp_path, {"blog/lesen.md": post})
    assert_fails_with(
        result, "content/blog/lesen.md", "Author", "kein Mitglied", "Meinten Sie „zora-zander“?"
    )


def test_competence_file_without_title(tmp_path):
    result = build_members_site(tmp_path, {"competences/legasthenie.md": "Summary: x\n\nText\n"})
    assert_fails_with(
        result, "content/competences/legasthenie.md", "Title", "Pflichtfeld fehlt", "Title:"
    )


def test_all_broken_members_are_reported_together(tmp_path):
    result = build_members_site(
        tmp_path,
        {
            "members/zora-zander.md": member(Kind="persn"),
            "members/oskar-oehler.md": member(Title="Oskar Öhler", Email="oskar"),
        },
    )
    assert_fails_with(result, "content/members/zora-zander.md", "Kind", "„persn“")
    assert_fails_with(result, "content/members/oskar-oehler.md", "Email", "„oskar“")
    assert "2 Fehler" in result.messages


def test_command_line_build_exits_1_without_traceback(tmp_path):
    content = members_content(
        tmp_path, {"members/zora-zander.md": member(Website="javascript:alert(1)")}
    )
    completed = run_pelican_cli(content, tmp_path / "output")
    output = completed.stdout + completed.stderr
    assert completed.returncode == 1, output
    assert "Traceback" not in output
    assert "content/members/zora-zander.md" in output and "Feld „Website“" in output
    assert not (tmp_path / "output" / "mitglieder").exists()
