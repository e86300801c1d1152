"""Content problems in the formats CI hosts show next to the changed line.

``make check`` prints the German report for people reading the log. A member
who edited a file in the git host's web editor reads the merge request, not
the log, so in CI the same problems are also handed to the host:

- **GitHub Actions** (``GITHUB_ACTIONS=true``): one workflow command per
  problem on standard output (``::error file=…,line=…,title=…::…``); GitHub
  shows it as an annotation on that line in the pull request's changed files.
- **GitLab CI** (``GITLAB_CI=true``): a Code Quality report (a JSON list of
  issues) written to ``gl-code-quality-report.json`` (or the file named by
  ``KNOTENPUNKT_CODE_QUALITY``), which the job declares as
  ``artifacts: reports: codequality``; the merge request widget and the diff
  show it.

Paths are relative to the project (``content/members/x.md``), as the host
expects them.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TextIO

from .errors import ContentError
from .i18n import _
from .report import display_path, project_relative

CODE_QUALITY_FILE = "gl-code-quality-report.json"
CODE_QUALITY_ENV = "KNOTENPUNKT_CODE_QUALITY"

#: GitLab's severities: info, minor, major, critical, blocker
GITLAB_SEVERITY = {"error": "major", "warning": "minor"}


def ci_host(environ: Mapping[str, str] = os.environ) -> str | None:
    """``github``, ``gitlab`` or ``None``, from the variables each CI sets."""
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if environ.get("GITLAB_CI") == "true":
        return "gitlab"
    return None


def _title(problem: ContentError) -> str:
    if problem.field:
        return _("Feld „{field}“").format(field=problem.field)
    return _("Inhaltsfehler") if problem.is_error else _("Hinweis")


def _explanation(problem: ContentError, content_root: str | None = None) -> str:
    message = project_relative(problem.message, content_root)
    if problem.hint:
        hint = project_relative(problem.hint, content_root)
        return message + "\n" + _("So beheben Sie es: {hint}").format(hint=hint)
    return message


# --- GitHub Actions ---------------------------------------------------------


def escape_data(text: str) -> str:
    """The message of a workflow command: ``%``, CR and LF escaped (GitHub's rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (``file=``, ``title=``): also ``:`` and ``,`` escaped."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(problem: ContentError, content_root: str | None) -> str:
    """``::error file=content/members/x.md,line=3,title=Feld „Kind“::…`` for one problem."""
    command = "error" if problem.is_error else "warning"
    properties = [f"file={escape_property(display_path(problem.source_path, content_root))}"]
    if problem.line:
        properties.append(f"line={int(problem.line)}")
    properties.append(f"title={escape_property(_title(problem))}")
    return f"::{command} {','.join(properties)}::{escape_data(_explanation(problem, content_root))}"


def github_commands(problems: Iterable[ContentError], content_root: str | None) -> list[str]:
    return [github_command(problem, content_root) for problem in problems]


# --- GitLab Code Quality ----------------------------------------------------


def code_quality_issue(problem: ContentError, content_root: str | None) -> dict:
    """One issue of GitLab's Code Quality report (a subset of Code Climate's format).

    The fingerprint leaves the line out, so the same mistake keeps its
    identity when lines above it move, and GitLab does not list it as new.
    """
    path = display_path(problem.source_path, content_root).replace(os.sep, "/")
    check_name = "knotenpunkt/" + (problem.field or "inhalt").lower()
    identity = "\0".join((path, check_name, problem.severity, problem.message))
    return {
        "description": f"{_title(problem)}: {_explanation(problem, content_root)}",
        "check_name": check_name,
        "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
        "severity": GITLAB_SEVERITY.get(problem.severity, "minor"),
        "location": {"path": path, "lines": {"begin": int(problem.line or 1)}},
    }


def code_quality_report(problems: Iterable[ContentError], content_root: str | None) -> list:
    return [code_quality_issue(problem, content_root) for problem in problems]


# --- entry point for `make check` -------------------------------------------


def report_to_ci(
    problems: Iterable[ContentError],
    content_root: str | None,
    environ: Mapping[str, str] = os.environ,
    stream: TextIO | None = None,
) -> Path | None:
    """Hand every problem to the CI host this runs in; nothing outside CI.

    Returns the Code Quality file written in GitLab CI (an empty list when
    there is no problem, so the job's declared report always exists).
    """
    host = ci_host(environ)
    problems = sorted(problems, key=ContentError.sort_key)
    if host == "github":
        stream = stream or sys.stdout
        for line in github_commands(problems, content_root):
            print(line, file=stream)
        stream.flush()
    elif host == "gitlab":
        target = Path(environ.get(CODE_QUALITY_ENV) or CODE_QUALITY_FILE)
        report = code_quality_report(problems, content_root)
        target.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return target
    return None
