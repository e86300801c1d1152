"""Builds are exclusive and crash-safe: a site is always there, whatever happens.

Threat model, "Builds" (docs/security.md): two builds at once, a kill at any
moment, a signal while a member's file is read, an unwritable folder.
"""

import os
import select
import signal
import subprocess
import sys
import threading

from knotenpunkt import build
from knotenpunkt.build import atomic_build, exclusive, swap_in
from sitebuild import FIXTURES, PROJECT_ROOT
from test_robust_build import PELICANCONF, leftovers, minimal_content, previous_site


def start_build(content, output, *, settings=PELICANCONF, **env):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "knotenpunkt",
            "build",
            "--settings",
            str(settings),
            "--content",
            str(content),
            "--output",
            str(output),
        ],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200", **env},
    )


def read_line(stream, timeout=60):
    ready, _, _ = select.select([stream], [], [], timeout)
    assert ready, "the build printed nothing in time"
    return stream.readline()


def test_second_build_waits_for_the_first_and_then_finishes(tmp_path):
    output = previous_site(tmp_path)
    content = minimal_content(tmp_path)
    with exclusive(output.parent):  # a first build holds the folder
        second = start_build(content, output)
        try:
            assert "Ein anderer Build schreibt gerade" in read_line(second.stderr)
            assert (output / "index.html").read_text(encoding="utf-8") == "die alte Website"
        except BaseException:
            second.kill()
            raise
    assert second.wait(timeout=120) == 0, second.stderr.read()
    assert (output / "blog" / "erster-beitrag" / "index.html").exists()
    assert leftovers(output) == []


def test_two_builds_at_once_both_leave_a_complete_site(tmp_path):
    output = previous_site(tmp_path)
    content = minimal_content(tmp_path)
    builds = [start_build(content, output) for _ in range(2)]
    for process in builds:
        assert process.wait(timeout=180) == 0, process.stderr.read()
    assert (output / "index.html").exists()
    assert (output / "blog" / "erster-beitrag" / "index.html").exists()
    assert "die alte Website" not in (output / "index.html").read_text(encoding="utf-8")
    assert leftovers(output) == []


def test_sigterm_while_a_file_is_read_is_an_interruption_not_a_content_error(tmp_path):
    output = previous_site(tmp_path)
    process = start_build(
        minimal_content(tmp_path),
        output,
        settings=FIXTURES / "explode_conf.py",
        EXPLODE_ON_READ="sleep",
    )
    try:
        assert read_line(process.stdout).strip() == "READING-STARTED"
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == build.EXIT_INTERRUPTED
    assert "Abgebrochen" in stderr
    assert "konnte nicht gelesen werden" not in stderr
    assert "erster-beitrag" not in stderr  # no member file is blamed
    assert "Traceback" not in stderr
    assert (output / "index.html").read_text(encoding="utf-8") == "die alte Website"
    assert leftovers(output) == []


def test_build_killed_between_the_renames_never_loses_the_site(tmp_path):
    """The fallback swap is two renames; a kill in between leaves output/ missing.

    The next build, even a failing one, must put the previous site back
    instead of deleting the only copy as a "leftover".
    """
    output = previous_site(tmp_path)
    retired = output.parent / ".output.old-4242"
    os.rename(output, retired)  # the state a kill between the renames leaves
    failing = minimal_content(tmp_path, "date-impossible")
    assert atomic_build(PELICANCONF, output, PATH=str(failing)).exit_code == 1
    assert (output / "index.html").read_text(encoding="utf-8") == "die alte Website"
    assert leftovers(output) == []


def test_swap_replaces_the_site_in_one_step_and_falls_back_to_renames(tmp_path, monkeypatch):
    for exchange_works in (True, False):
        if not exchange_works:
            monkeypatch.setattr(build, "_exchange", lambda first, second: False)
        site = tmp_path / str(exchange_works)
        output, fresh = site / "output", site / ".output.building-1"
        output.mkdir(parents=True)
        (output / "index.html").write_text("alt", encoding="utf-8")
        fresh.mkdir()
        (fresh / "index.html").write_text("neu", encoding="utf-8")
        swap_in(fresh, output)
        assert (output / "index.html").read_text(encoding="utf-8") == "neu"
        assert sorted(p.name for p in site.iterdir()) == ["output"]


def test_exchange_swaps_two_folders_atomically_on_linux(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "mark").write_text("a", encoding="utf-8")
    assert build._exchange(first, second) is True
    assert (second / "mark").read_text(encoding="utf-8") == "a"
    assert not (first / "mark").exists()


def test_unwritable_output_folder_is_a_clear_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "kein-ordner"
    blocker.write_text("eine Datei, kein Ordner", encoding="utf-8")
    process = start_build(minimal_content(tmp_path), blocker / "output")
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == build.EXIT_INTERNAL_ERROR
    assert "kann nicht geschrieben werden" in stderr
    assert "Traceback" not in stderr


def test_lock_is_held_per_folder_by_one_build_at_a_time(tmp_path):
    entered = []
    with exclusive(tmp_path):
        waiting = threading.Thread(target=lambda: entered.append(exclusive(tmp_path).__enter__()))
        waiting.daemon = True
        waiting.start()
        waiting.join(timeout=1)
        assert entered == []  # still waiting while the first holds the lock
    waiting.join(timeout=10)
    assert len(entered) == 1


def test_temporary_build_folders_are_ignored_by_git():
    ignored = subprocess.run(
        ["git", "check-ignore", ".output.building-123", ".output.old-123"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert ignored.stdout.split() == [".output.building-123", ".output.old-123"]
