"""Issue 12: the log of `make devserver` (knotenpunkt.serve) is German and quiet:
a content mistake is reported as such, never as "Caught exception", no English
Pelican summary, and the fixed site ends with the one German summary line."""

from __future__ import annotations

import re
import shutil
import signal

from devserver import start_devserver, wait_until
from sitebuild import FIXTURES

#: what Pelican or Python would print in English
ENGLISH = re.compile(
    r"Caught exception|Traceback|WARNING|ERROR|Done:|Processed|articles|"
    r"Serving|Shutting|Rebuilding|Watching|Modified",
)


def test_devserver_log_is_german_and_names_the_mistake(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    broken = content / "blog" / "kaputt.md"
    broken.write_text("Title: Kaputt\nDate: 31.02.2026\n\nText\n", encoding="utf-8")
    log = tmp_path / "devserver.log"
    with log.open("w") as sink:
        process = start_devserver(content, tmp_path / "out", sink)
    try:
        assert wait_until(lambda: "Vorschau unter" in log.read_text()), log.read_text()
        assert "Den 31. Februar 2026 gibt es nicht." in log.read_text()
        assert "Sobald Sie eine Datei speichern, wird neu gebaut." in log.read_text()
        broken.write_text("Title: Repariert\nDate: 2026-02-28\n\nText\n", encoding="utf-8")
        assert wait_until(lambda: "Gebaut:" in log.read_text()), log.read_text()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    text = log.read_text()
    assert ENGLISH.search(text) is None, text
    assert "content/blog/kaputt.md" in text
    assert str(tmp_path) not in text
