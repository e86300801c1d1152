"""Builds are atomic and deterministic; `check` counts problems; the CLI never shows tracebacks."""

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest

from knotenpunkt.build import atomic_build, check
from sitebuild import FIXTURES, PROJECT_ROOT, PUBLISH, copy_sample

PELICANCONF = PROJECT_ROOT / "pelicanconf.py"
PUBLISHCONF = PROJECT_ROOT / "publishconf.py"


def tree_hashes(root):
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def minimal_content(tmp_path, *overlays):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    shutil.copytree(FIXTURES / "legal-pages", content, dirs_exist_ok=True)
    for case in overlays:
        shutil.copytree(FIXTURES / "mistakes" / case, content, dirs_exist_ok=True)
    return content


def previous_site(tmp_path):
    output = tmp_path / "site" / "output"
    output.mkdir(parents=True)
    (output / "index.html").write_text("die alte Website", encoding="utf-8")
    return output


def leftovers(output):
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith("."))


def run_cli(*args, env=None, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "knotenpunkt", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        timeout=300,
        **kwargs,
    )


# --- deterministic -----------------------------------------------------------


def test_two_builds_of_the_sample_are_byte_identical(sample_site, tmp_path):
    """Every file, the sitemap included: the session's build is the first."""
    content = copy_sample(tmp_path)
    again = atomic_build(PELICANCONF, tmp_path / "output", PATH=str(content))
    assert again.exit_code == 0
    first, second = tree_hashes(sample_site.output), tree_hashes(tmp_path / "output")
    assert len(first) > 50
    assert first == second


def test_two_production_builds_are_byte_identical(published_sample, tmp_path):
    """Every file, feeds and sitemap included: the session's production build is
    the first, a build of another copy the second."""
    content = copy_sample(tmp_path)
    output = tmp_path / "output"
    assert atomic_build(PUBLISHCONF, output, PATH=str(content), **PUBLISH).exit_code == 0
    first, second = tree_hashes(published_sample.output), tree_hashes(output)
    assert "podcast/feed.xml" in first and "sitemap.xml" in first  # production has both
    assert first == second


# --- atomic --------------------------------------------------------------------


def test_successful_build_replaces_the_previous_output(tmp_path):
    output = previous_site(tmp_path)
    outcome = atomic_build(PELICANCONF, output, PATH=str(minimal_content(tmp_path)))
    assert outcome.exit_code == 0
    assert "die alte Website" not in (output / "index.html").read_text(encoding="utf-8")
    assert (output / "blog" / "erster-beitrag" / "index.html").exists()
    assert leftovers(output) == []


def test_content_error_leaves_previous_output_untouched(tmp_path):
    output = previous_site(tmp_path)
    content = minimal_content(tmp_path, "date-impossible")
    outcome = atomic_build(PELICANCONF, output, PATH=str(content))
    assert outcome.exit_code == 1
    assert (output / "index.html").read_text(encoding="utf-8") == "die alte Website"
    assert sorted(p.name for p in output.iterdir()) == ["index.html"]
    assert leftovers(output) == []


def test_failure_halfway_through_writing_leaves_previous_output(tmp_path):
    output = previous_site(tmp_path)
    completed = run_cli(
        "build",
        "--settings",
        str(FIXTURES / "explode_conf.py"),
        "--content",
        str(minimal_content(tmp_path)),
        "--output",
        str(output),
        env={"EXPLODE_ON_WRITE": "raise"},
    )
    assert completed.returncode == 2, completed.stderr
    assert "Interner Fehler" in completed.stderr
    assert completed.stderr.count("Bitte melden Sie diesen Fehler") == 1
    assert "bitte melden" not in completed.stderr  # said once, not twice
    assert "Traceback" not in completed.stderr + completed.stdout
    assert (output / "index.html").read_text(encoding="utf-8") == "die alte Website"
    assert leftovers(output) == []


def test_interrupted_build_leaves_previous_output(tmp_path):
    output = previous_site(tmp_path)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "knotenpunkt",
            "build",
            "--settings",
            str(FIXTURES / "explode_conf.py"),
            "--content",
            str(minimal_content(tmp_path)),
            "--output",
            str(output),
        ],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "EXPLODE_ON_WRITE": "sleep"},
    )
    try:
        assert process.stdout.readline().strip() == "WRITING-STARTED"
        assert any(p.name.startswith(".output.building-") for p in output.parent.iterdir())
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    finally:
        process.kill()
    assert process.returncode != 0
    assert (output / "index.html").read_text(encoding="utf-8") == "die alte Website"
    assert leftovers(output) == []


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path):
    output = previous_site(tmp_path)
    stale = output.parent / ".output.building-99999"
    (stale / "blog").mkdir(parents=True)
    assert atomic_build(PELICANCONF, output, PATH=str(minimal_content(tmp_path))).exit_code == 0
    assert leftovers(output) == []


# --- check -----------------------------------------------------------------------


def test_check_counts_errors_and_warnings_and_fails(tmp_path, capsys):
    content = minimal_content(tmp_path, "date-impossible", "tab-in-body")
    outcome = check(PELICANCONF, PATH=str(content))
    printed = capsys.readouterr().err
    assert outcome.exit_code == 1
    assert "Prüfung fehlgeschlagen: 1 Fehler, 1 Hinweis." in printed
    assert "content/blog/unmoeglich.md, Zeile 2" in printed


def test_check_passes_with_warnings_unless_strict(tmp_path, capsys):
    content = minimal_content(tmp_path, "date-future")
    assert check(PELICANCONF, PATH=str(content)).exit_code == 0
    assert "Prüfung bestanden, bitte die Hinweise ansehen: 0 Fehler, 1 Hinweis." in (
        capsys.readouterr().err
    )
    assert check(PELICANCONF, strict=True, PATH=str(content)).exit_code == 1
    assert "streng" in capsys.readouterr().err


def test_check_writes_nothing_into_output(tmp_path):
    content = minimal_content(tmp_path)
    before = set(PROJECT_ROOT.iterdir())
    assert check(PELICANCONF, PATH=str(content)).exit_code == 0
    assert set(PROJECT_ROOT.iterdir()) == before


@pytest.mark.parametrize("case", ["encoding-latin1", "key-without-colon", "html-unclosed"])
def test_command_line_check_has_no_traceback(tmp_path, case):
    completed = run_cli("check", "--content", str(minimal_content(tmp_path, case)))
    assert completed.returncode == 1
    assert "Prüfung fehlgeschlagen: 1 Fehler" in completed.stderr
    assert "Traceback" not in completed.stderr + completed.stdout


def test_command_line_check_speaks_the_site_language(tmp_path):
    settings = tmp_path / "english_conf.py"
    settings.write_text(
        "from knotenpunkt.conf import inherit\n"
        f"globals().update(inherit({str(PROJECT_ROOT / 'pelicanconf.py')!r}))\n"
        f"THEME = {str(PROJECT_ROOT / 'themes' / 'knotenpunkt')!r}\n"
        'DEFAULT_LANG = "en"\n',
        encoding="utf-8",
    )
    content = minimal_content(tmp_path, "date-impossible", "encoding-latin1", "tab-in-body")
    completed = run_cli("check", "--settings", str(settings), "--content", str(content))
    assert completed.returncode == 1
    assert "Check failed: 2 errors, 1 note." in completed.stderr
    assert "Prüfung" not in completed.stderr and "Hinweis" not in completed.stderr
    assert "Traceback" not in completed.stderr + completed.stdout


def test_make_check_strict_fails_on_warnings(tmp_path):
    content = minimal_content(tmp_path, "date-future")
    completed = subprocess.run(
        ["make", "--no-print-directory", "check", "STRICT=1", f"INPUTDIR={content}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode != 0
    assert "1 Hinweis" in completed.stderr


def test_sample_network_check_has_no_errors_and_no_warnings(capsys):
    started = time.monotonic()
    outcome = check(PELICANCONF)
    printed = capsys.readouterr().err
    assert outcome.exit_code == 0, printed
    assert outcome.errors == 0
    assert re.findall(r"Feld „([^“]+)“", printed) == [], printed  # strict check passes
    assert "Alles in Ordnung: 0 Fehler, 0 Hinweise." in printed
    assert time.monotonic() - started < 60


def test_field_reference_in_the_guide_is_generated_from_the_field_definitions():
    from knotenpunkt.docs import END, GUIDE, START, render_reference, rendered_guide
    from knotenpunkt.scaffold import load_field_sets

    committed = GUIDE.read_text(encoding="utf-8")
    assert START in committed and END in committed
    fresh = rendered_guide(committed, render_reference(load_field_sets()))
    assert committed == fresh, "docs/mitmachen.md is stale: run `make docs`"
    assert "| `Title` | ja |" in committed


def test_production_build_refuses_a_relative_siteurl(tmp_path, capsys):
    outcome = check(PUBLISHCONF, PATH=str(minimal_content(tmp_path)), SITEURL="netzwerk")
    assert outcome.exit_code == 1
    assert "Feld „SITEURL“: „netzwerk“ ist keine vollständige Internetadresse." in (
        capsys.readouterr().err
    )


def test_production_build_has_absolute_links_feeds_and_no_drafts(tmp_path):
    content = minimal_content(tmp_path)
    (content / "blog" / "entwurf.md").write_text(
        "Title: Entwurf\nDate: 2026-03-02\nStatus: draft\n\nNoch nicht fertig.\n", encoding="utf-8"
    )
    output = tmp_path / "output"
    outcome = atomic_build(
        PUBLISHCONF,
        output,
        PATH=str(content),
        SITEURL="https://n.example.org",
        PUBLISH_ALLOW_EXAMPLE_ADDRESS=True,
    )
    assert outcome.exit_code == 0
    assert 'href="https://n.example.org/blog/erster-beitrag/"' in (
        output / "blog" / "index.html"
    ).read_text(encoding="utf-8")
    assert (output / "feeds" / "blog.atom.xml").exists()
    assert not list(output.rglob("*entwurf*"))


def test_ci_workflows_check_then_publish_output():
    github = (PROJECT_ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    gitlab = (PROJECT_ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8")
    for workflow in (github, gitlab):
        assert workflow.index("make check") < workflow.index("make publish")
    assert "actions/upload-pages-artifact" in github and "path: output/" in github
    assert "actions/deploy-pages" in github and 'python-version: "3.11"' in github
    assert "cp -r output public" in gitlab and "- public" in gitlab
