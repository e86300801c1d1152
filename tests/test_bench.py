"""`make bench` keeps working: its synthetic network builds with both commands it times."""

import os
import subprocess

import bench
from sitebuild import PROJECT_ROOT


def run(command, cache):
    return subprocess.run(
        command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "BENCH_CACHE": str(cache)},
    )  # fmt: skip


def test_synthetic_network_builds_with_knotenpunkt_and_plain_pelican(tmp_path):
    content = bench.generate(tmp_path, members=15, posts=10, episodes=3)
    plain_conf, our_conf = bench.write_settings(tmp_path)

    ours = run(bench.our_command(content, tmp_path / "ours", our_conf), tmp_path / "cache")
    assert ours.returncode == 0, ours.stdout + ours.stderr
    assert (tmp_path / "ours" / "mitglieder" / "mitglied-00014" / "index.html").exists()
    assert (tmp_path / "ours" / "podcast" / "bench-folge-3" / "index.html").exists()
    # the build's caches went to the folder the bench gave it, not the project's cache/
    assert (tmp_path / "cache").is_dir()

    plain = run(bench.plain_command(content, tmp_path / "plain", plain_conf), tmp_path / "pc")
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert bench.html_count(tmp_path / "plain") > 15

    # what a visitor downloads: the directory's own stylesheet and script are counted
    raw, zipped, names = bench.page_assets(tmp_path / "ours", "mitglieder/index.html")
    assert any(name.startswith("members") and name.endswith(".css") for name in names)
    assert any(name.startswith("member-filter") and name.endswith(".js") for name in names)
    assert 0 < zipped < raw


def test_cpu_time_counts_the_builds_children(tmp_path):
    """Pagefind runs as a child of the build: its CPU time belongs to the build's."""
    child = "import time\nwhile time.process_time() < 0.2: pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    run = bench.timed_build([bench.sys.executable, "-c", parent], tmp_path / "cache")
    assert run.cpu >= 0.2
    assert 0 <= run.kernel < run.cpu  # the busy loop is user time


def test_kernel_time_is_reported_apart(tmp_path):
    """Creating files is kernel time, which a slow disk inflates: shown on its own."""
    files = "import os\nfor n in range(3000): open(f'{n}.txt', 'w').close()"
    command = [bench.sys.executable, "-c", f"import os; os.chdir({str(tmp_path)!r})\n{files}"]
    run = bench.timed_build(command, tmp_path / "cache")
    assert run.kernel > 0 and run.kernel <= run.cpu
