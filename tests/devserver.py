"""Start `python -m knotenpunkt devserver` on a content folder and wait for what it does."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

from knotenpunkt.serve import devserver_command
from sitebuild import PROJECT_ROOT


def wait_until(predicate, timeout: float = 90.0) -> bool:
    """Poll ``predicate`` every 0.2 s; True as soon as it holds, False after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def start_devserver(content: Path, output: Path, log, *extra: str) -> subprocess.Popen:
    """The devserver on a free port, writing everything it prints to ``log``.

    It runs in its own process group, so a test can see (and stop) every child.
    """
    return subprocess.Popen(
        devserver_command(content, output, *extra),
        cwd=PROJECT_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "COLUMNS": "200"},
        start_new_session=True,
    )


def preview_address(log: Path) -> str:
    """Wait until the devserver in ``log`` says where it serves; its base URL."""
    assert wait_until(lambda: "Vorschau unter" in log.read_text()), log.read_text()
    return re.search(r"Vorschau unter (http://\S+?)/ ", log.read_text()).group(1)
