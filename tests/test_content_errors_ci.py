"""`make check` in CI: problems appear on the line of the changed file in the merge request.

GitHub Actions reads workflow commands from the log (``::error file=…``);
GitLab reads a Code Quality report (JSON) declared as a job artefact.
"""

import contextlib
import io
import json
import shutil
import subprocess

import pytest
from knotenpunkt.plugins.content_errors import ci
from knotenpunkt.plugins.content_errors.errors import WARNING, ContentError

from knotenpunkt.build import check
from sitebuild import FIXTURES, PROJECT_ROOT, write_files

PELICANCONF = PROJECT_ROOT / "pelicanconf.py"

BROKEN_MEMBER = (
    "Title: Karla Kaputt\n"
    "Kind: persn\n"
    "Competences: legasthenie\n"
    "Region: Musterstadt-Nord\n"
    "Formats: online\n"
    "Summary: Ein Profil mit einem Tippfehler.\n"
    "\n"
    "Karlas Biografie.\n"
)
NO_CI = {"GITHUB_ACTIONS": None, "GITLAB_CI": None, ci.CODE_QUALITY_ENV: None}


def site_with_broken_member(root):
    content = root / "content"
    shutil.copytree(FIXTURES / "members", content)
    return write_files(content, {"members/karla-kaputt.md": BROKEN_MEMBER})


def run_check(content, **environment):
    """`check` as `make check` runs it, with CI variables set; returns (outcome, stdout)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {**NO_CI, **environment}.items():
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            outcome = check(PELICANCONF, PATH=str(content))
    return outcome, stdout.getvalue()


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    return site_with_broken_member(tmp_path_factory.mktemp("ci"))


@pytest.fixture(scope="module")
def github_run(broken_site):
    return run_check(broken_site, GITHUB_ACTIONS="true")


@pytest.fixture(scope="module")
def gitlab_report(broken_site, tmp_path_factory):
    target = tmp_path_factory.mktemp("gitlab") / "gl-code-quality-report.json"
    outcome, stdout = run_check(broken_site, GITLAB_CI="true", **{ci.CODE_QUALITY_ENV: str(target)})
    assert outcome.exit_code == 1
    assert "::error" not in stdout  # GitHub's syntax only on GitHub
    return json.loads(target.read_text(encoding="utf-8"))


def test_github_actions_gets_an_error_annotation_on_the_broken_line(github_run):
    outcome, stdout = github_run
    assert outcome.exit_code == 1
    annotation = next(
        line for line in stdout.splitlines() if "karla-kaputt.md" in line and "Kind" in line
    )
    assert annotation.startswith("::error file=content/members/karla-kaputt.md,line=2,")
    properties, message = annotation[len("::error ") :].split("::", 1)
    assert "title=Feld „Kind“" in properties
    assert "„persn“" in message and "person" in message
    assert "%0ASo beheben Sie es%3A" not in message  # only properties escape colons
    assert "%0ASo beheben Sie es: " in message  # the hint, on its own line


def test_github_actions_warnings_are_warning_annotations(github_run):
    _, stdout = github_run
    # Karla has no photo: a recommended field, so a warning on the file as a whole
    photo = [line for line in stdout.splitlines() if "karla-kaputt.md" in line and "Photo" in line]
    assert len(photo) == 1
    assert photo[0].startswith(
        "::warning file=content/members/karla-kaputt.md,title=Feld „Photo“::"
    )


def test_outside_ci_nothing_but_the_report_is_printed(broken_site, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outcome, stdout = run_check(broken_site)
    assert outcome.exit_code == 1
    assert "::" not in stdout
    assert not (tmp_path / ci.CODE_QUALITY_FILE).exists()


def test_gitlab_code_quality_report_points_at_the_broken_line(gitlab_report):
    kind = [
        issue
        for issue in gitlab_report
        if issue["location"]["path"] == "content/members/karla-kaputt.md"
        and issue["check_name"] == "knotenpunkt/kind"
    ]
    assert len(kind) == 1
    issue = kind[0]
    assert issue["location"]["lines"]["begin"] == 2
    assert issue["severity"] == "major"
    assert issue["description"].startswith("Feld „Kind“: ")
    assert "„persn“" in issue["description"] and "So beheben Sie es: " in issue["description"]
    assert len(issue["fingerprint"]) == 64
    assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}


def test_gitlab_report_lists_warnings_as_minor_with_unique_fingerprints(gitlab_report):
    assert {issue["severity"] for issue in gitlab_report} == {"major", "minor"}
    fingerprints = [issue["fingerprint"] for issue in gitlab_report]
    assert len(fingerprints) == len(set(fingerprints))


def test_gitlab_report_is_an_empty_list_when_all_is_well(tmp_path):
    target = tmp_path / "report.json"
    assert ci.report_to_ci([], None, {"GITLAB_CI": "true", ci.CODE_QUALITY_ENV: str(target)})
    assert json.loads(target.read_text(encoding="utf-8")) == []


def test_fingerprint_survives_lines_moving():
    first = ContentError("/p/content/blog/a.md", "Date", "kaputt", line=2)
    moved = ContentError("/p/content/blog/a.md", "Date", "kaputt", line=7)
    issues = [ci.code_quality_issue(p, "/p/content") for p in (first, moved)]
    assert issues[0]["fingerprint"] == issues[1]["fingerprint"]
    assert issues[1]["location"] == {"path": "content/blog/a.md", "lines": {"begin": 7}}


def test_workflow_command_escapes_what_github_would_misread():
    problem = ContentError(
        "/p/content/blog/100%, a:b.md",
        "Title",
        "50% falsch\r\nzweite Zeile",
        "Schreiben Sie: x, y",
        line=4,
        severity=WARNING,
    )
    command = ci.github_command(problem, "/p/content")
    assert command == (
        "::warning file=content/blog/100%25%2C a%3Ab.md,line=4,title=Feld „Title“::"
        "50%25 falsch%0D%0Azweite Zeile%0ASo beheben Sie es: Schreiben Sie: x, y"
    )


def test_file_without_line_becomes_a_file_annotation():
    command = ci.github_command(ContentError("/p/content/x.md", None, "Fehler"), "/p/content")
    assert command == "::error file=content/x.md,title=Inhaltsfehler::Fehler"


@pytest.mark.parametrize(
    ("environ", "host"),
    [
        ({"GITHUB_ACTIONS": "true", "CI": "true"}, "github"),
        ({"GITLAB_CI": "true", "CI": "true"}, "gitlab"),
        ({"CI": "true"}, None),
        ({}, None),
    ],
)
def test_ci_host_is_read_from_the_variables_each_host_sets(environ, host):
    assert ci.ci_host(environ) == host


def test_make_check_publish_checks_with_the_production_settings():
    dry_run = subprocess.run(
        ["make", "--no-print-directory", "-n", "check", "PUBLISH=1"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "publishconf.py" in dry_run.stdout and "pelicanconf.py" not in dry_run.stdout


def test_workflows_check_every_merge_request_with_publish_checks_and_run_the_tests():
    github = (PROJECT_ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    gitlab = (PROJECT_ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "pull_request:" in github and "make check PUBLISH=" in github
    assert ".ci/run" in github
    # the production checks need the address: the check step gets it like the publish step
    check_step = github.split("make check")[1].split("make publish")[0]
    assert "SITEURL: ${{ vars.SITEURL || steps.pages.outputs.base_url }}" in check_step
    assert 'SITEURL="${SITEURL:-$CI_PAGES_URL}" make check PUBLISH=1' in gitlab
    assert "merge_request_event" in gitlab and "make check PUBLISH=1" in gitlab
    assert "codequality: gl-code-quality-report.json" in gitlab
    assert ".ci/run" in gitlab
