"""`make devserver` survives a content mistake: it reports, waits for the fix, rebuilds."""

import os
import shutil
import subprocess
import sys
import time

from devserver import wait_until
from sitebuild import FIXTURES, PROJECT_ROOT


def test_preview_waits_for_the_fix_and_then_builds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    broken = content / "blog" / "kaputt.md"
    broken.write_text("Title: Kaputt\nDate: 31.02.2026\n\nText\n", encoding="utf-8")
    output = tmp_path / "out"
    log = tmp_path / "devserver.log"
    settings = str(PROJECT_ROOT / "pelicanconf.py")
    with log.open("w") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pelican",
                str(content),
                "-r",
                "-o",
                str(output),
                "-s",
                settings,
            ],
            cwd=PROJECT_ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "KNOTENPUNKT_DEVSERVER": settings},
        )
    try:
        assert wait_until(lambda: "Sobald Sie eine Datei speichern" in log.read_text(), 60)
        text = log.read_text()
        assert "blog/kaputt.md" in text and "Feld „Date“" in text
        assert "Traceback" not in text
        time.sleep(1.5)
        assert process.poll() is None, "the preview must keep running"
        assert text.count("Die Website wurde nicht gebaut") == 1, "no rebuild loop before a change"

        broken.write_text("Title: Repariert\nDate: 2026-02-28\n\nText\n", encoding="utf-8")
        assert wait_until(lambda: (output / "blog" / "repariert" / "index.html").exists(), 60)
        assert process.poll() is None
    finally:
        process.terminate()
        process.wait(timeout=10)
