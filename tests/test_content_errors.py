"""A mistake in a content file stops the build with a message a member understands."""

import shutil

from knotenpunkt.plugins.content_errors.errors import ContentError, ProblemCollector, suggest
from knotenpunkt.plugins.content_errors.report import format_report

from sitebuild import FIXTURES, build_site, run_pelican_cli, write_files


def minimal_site(tmp_path, **files):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    return write_files(content, files)


def test_minimal_site_builds(tmp_path):
    result = build_site(minimal_site(tmp_path), tmp_path / "out")
    assert result.exit_code == 0, result.messages
    assert "Hallo <strong>Netzwerk</strong>" in result.page("blog/erster-beitrag/index.html")


def test_impossible_date_names_file_field_and_fix(tmp_path):
    content = minimal_site(
        tmp_path,
        **{"blog/kaputt.md": "Title: Kaputt\nDate: 1.13.2026\n\nText\n"},
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert "blog/kaputt.md" in result.messages
    assert "Feld „Date“" in result.messages
    assert "2026-03-01" in result.messages  # the hint shows the expected form
    assert "Traceback" not in result.messages


def test_german_date_notation_is_read_day_first(tmp_path):
    content = minimal_site(
        tmp_path, **{"blog/deutsch.md": "Title: Deutsch\nDate: 1.3.2026\n\nText\n"}
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    assert 'datetime="2026-03-01' in result.page("blog/deutsch/index.html")


def test_missing_mandatory_field_is_an_error_not_a_skipped_file(tmp_path):
    content = minimal_site(tmp_path, **{"blog/ohne-datum.md": "Title: Ohne Datum\n\nText\n"})
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert "blog/ohne-datum.md" in result.messages
    assert "Feld „Date“: Dieses Pflichtfeld fehlt." in result.messages


def test_all_errors_of_a_build_are_listed_together(tmp_path):
    content = minimal_site(
        tmp_path,
        **{
            "blog/a.md": "Title: A\n\nText\n",
            "blog/b.md": "Title: B\nDate: gestern\n\nText\n",
        },
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert "2 Fehler" in result.messages
    assert "blog/a.md" in result.messages and "blog/b.md" in result.messages


def test_file_not_saved_as_utf8_is_explained(tmp_path):
    content = minimal_site(tmp_path)
    (content / "blog" / "latin1.md").write_bytes(
        "Title: Größe\nDate: 2026-03-01\n\nÄrger\n".encode("latin-1")
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert "blog/latin1.md" in result.messages
    assert "UTF-8" in result.messages


def test_failed_build_writes_no_pages(tmp_path):
    content = minimal_site(tmp_path, **{"blog/ohne-datum.md": "Title: X\n\nText\n"})
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert not (tmp_path / "out" / "blog" / "erster-beitrag" / "index.html").exists()


def test_command_line_build_exits_non_zero_without_traceback(tmp_path):
    content = minimal_site(tmp_path, **{"blog/b.md": "Title: B\nDate: 31.02.2026\n\nText\n"})
    completed = run_pelican_cli(content, tmp_path / "out")
    printed = completed.stdout + completed.stderr
    assert completed.returncode == 1, printed
    assert "blog/b.md" in printed
    assert "Die Website wurde nicht gebaut" in printed
    assert "Traceback" not in printed


def test_report_names_file_field_message_and_hint():
    problem = ContentError(
        "/site/content/members/anna.md",
        "Competences",
        "„dyskalkulia“ ist keine bekannte Kompetenz.",
        "Meinten Sie „dyskalkulie“?",
        line=3,
    )
    text = format_report([problem], [], "/site/content")
    assert "content/members/anna.md, Zeile 3" in text
    assert "Feld „Competences“: „dyskalkulia“ ist keine bekannte Kompetenz." in text
    assert "So beheben Sie es: Meinten Sie „dyskalkulie“?" in text


def test_collector_keeps_each_problem_once_in_file_order():
    collector = ProblemCollector()
    for path in ["b.md", "a.md", "b.md"]:
        collector.add(ContentError(path, "Title", "fehlt"))
    assert [p.source_path for p in collector.errors] == ["a.md", "b.md"]


def test_suggest_finds_the_closest_known_value():
    assert suggest("dyskalkulia", ["legasthenie", "dyskalkulie", "adhs"]) == "dyskalkulie"
    assert suggest("xyz", ["legasthenie", "dyskalkulie"]) is None
