"""`make bench` keeps working: its synthetic network builds with the project's settings."""

import subprocess
import sys

import bench
from sitebuild import PROJECT_ROOT


def test_synthetic_network_builds_with_knotenpunkt(tmp_path):
    content = bench.generate(tmp_path, members=15, posts=10, episodes=3)
    completed = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out"),
         "-s", str(PROJECT_ROOT / "pelicanconf.py"), "-q", *bench.OUR_EXTRA_SETTINGS],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (tmp_path / "out" / "mitglieder" / "mitglied-00014" / "index.html").exists()
    assert (tmp_path / "out" / "podcast" / "bench-folge-3" / "index.html").exists()
