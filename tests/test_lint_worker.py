"""The raw-file pass in a second process reports exactly what it reports in this one."""

import os
import tempfile

import pytest
from knotenpunkt.plugins.content_errors import errors, lint_worker
from knotenpunkt.plugins.content_errors.errors import ContentError
from pelican.settings import DEFAULT_CONFIG

from sitebuild import write_files

FILES = {
    # a misspelled key: the pass reports it and claims the field
    "blog/tippfehler.md": "Title: Ein Beitrag\nDate: 2025-01-02\nSumary: kurz\n\nText.\n",
    # a title too long for previews: a warning of the pass
    "blog/lang.md": "Title: Noch einer\nDate: 2025-01-03\nSummary: " + "x" * 300 + "\n\nText.\n",
    "blog/ohne-datum.md": "Title: Ohne Datum\n\nText.\n",  # Pelican will skip it: unread
}


def settings_for(content, parallel: bool) -> dict:
    return {
        **DEFAULT_CONFIG,
        "PATH": str(content),
        "ARTICLE_PATHS": ["blog"],
        "CONTENT_LINT_IN_PARALLEL": parallel,
    }


def build_like(content, parallel: bool):
    """What a build reports: the pass, then (while it may still run) two reports of reading."""
    collector = errors.reset()
    settings = settings_for(content, parallel)
    collector.claiming = True
    try:
        started = lint_worker.start(settings, collector)
        if not started:
            errors.current().claiming = True
            from knotenpunkt.plugins.content_errors.lint import lint_content

            lint_content(settings)
    finally:
        collector.claiming = False
    source = str(content / "blog" / "tippfehler.md")
    # vaguer, about the claimed field: dropped either way
    errors.report(ContentError(source, "Sumary", "Feld unbekannt (Pelican)"))
    errors.report(ContentError(source, None, "Etwas anderes", severity=errors.WARNING))
    found = [(p.source_path, p.field, p.message, p.severity, p.line) for p in collector.errors]
    found += [(p.source_path, p.field, p.message, p.severity, p.line) for p in collector.warnings]
    return started, found, sorted(collector.unread)


@pytest.mark.skipif(not lint_worker.usable({"CONTENT_LINT_IN_PARALLEL": True}), reason="no fork")
def test_the_same_reports_claims_and_unread_files_in_both_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the state file goes
    content = tmp_path / "content"
    write_files(content, FILES)
    forked, in_parallel, unread_parallel = build_like(content, parallel=True)
    here, serial, unread_serial = build_like(content, parallel=False)
    assert forked and not here
    assert in_parallel == serial
    assert unread_parallel == unread_serial == [str(content / "blog" / "ohne-datum.md")]
    messages = [message for _path, _field, message, _sev, _line in serial]
    assert "Feld unbekannt (Pelican)" not in messages  # covered by the pass's claim
    assert "Etwas anderes" in messages
    assert not list(tmp_path.glob("knotenpunkt-lint-*"))


def test_a_failed_second_process_means_the_pass_runs_here(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    content = tmp_path / "content"
    write_files(content, FILES)
    _here, serial, _unread = build_like(content, parallel=False)
    monkeypatch.setattr(
        lint_worker.Pending, "result", lambda self: os.waitpid(self.pid, 0) and None
    )
    _forked, recovered, _unread = build_like(content, parallel=True)
    assert recovered == serial
