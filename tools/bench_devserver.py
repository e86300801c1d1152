"""How long ``make devserver`` takes from saving a member's ``Summary:`` to the new text.

Generates a synthetic network (``bench.generate``), starts ``python -m
knotenpunkt devserver`` on it with the bench's settings (fresh output and
cache), waits for the first build, then edits one member's ``Summary:``
several times and polls the served profile page until the new text is in
it. Prints each delay and the median. The clock starts when the file is
written and stops when the preview answers with the new text: watcher
delay, build and swap are all counted, as a member would see them.

Usage: ``python tools/bench_devserver.py [--size medium] [--edits 5] [--compare]``
(``--compare`` also measures a fresh build process per save, as before).
(also run by ``tools/bench.py`` unless ``--no-devserver``).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import bench  # next to this script
from knotenpunkt.serve import devserver_command

POLL_SECONDS = 0.02


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _wait(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(POLL_SECONDS)
    return False


def measure(
    size: str = "medium", edits: int = 5, timeout: float = 600.0, simple: bool = False
) -> list[float]:
    """Seconds from each save to the new text in the served profile.

    ``simple``: the devserver as it was before its worker (a fresh build
    process per save, search index before publishing), for comparison.
    """
    members, posts, episodes = bench.SIZES[size]
    with tempfile.TemporaryDirectory(prefix=f"bench-devserver-{size}-") as tmp:
        root = Path(tmp)
        content = bench.generate(root, members, posts, episodes)
        _plain, settings = bench.write_settings(root)
        output, log_path = root / "output", root / "devserver.log"
        env = {**os.environ, "BENCH_CACHE": str(root / "cache"), "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("KNOTENPUNKT_DEVSERVER_SIMPLE", None)
        if simple:
            env["KNOTENPUNKT_DEVSERVER_SIMPLE"] = "1"
        number = members // 2
        member = bench.member_file(content, number)
        with log_path.open("w") as log:
            process = subprocess.Popen(
                devserver_command(content, output, "--quiet", settings=settings),
                cwd=bench.PROJECT_ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            if not _wait(lambda: "Vorschau unter" in log_path.read_text(), timeout):
                sys.exit(f"the devserver did not start:\n{log_path.read_text()}")
            url = re.search(r"Vorschau unter (http://\S+?)/ ", log_path.read_text()).group(1)
            profile = f"{url}/mitglieder/{bench.member_slug(number)}/"
            delays = []
            for edit in range(edits):
                marker = f"Bench-Änderung {edit}"
                previous = member.read_text(encoding="utf-8")
                text = re.sub(r"(?m)^Summary: .*$", f"Summary: {marker}, Profil.", previous)
                time.sleep(1.0)  # a member does not save twice within a second
                started = time.perf_counter()
                member.write_text(text, encoding="utf-8")
                if not _wait(lambda m=marker: m in (_get(profile) or ""), timeout):
                    sys.exit(f"the edit never appeared:\n{log_path.read_text()[-3000:]}")
                delays.append(time.perf_counter() - started)
                # let the build's tail (search index, caches) finish before the next save
                time.sleep(3.0)
            return delays
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def report(delays: list[float], size: str, label: str = "") -> None:
    shown = ", ".join(f"{delay:.2f}" for delay in delays)
    median = statistics.median(delays)
    verdict = "met" if median < 1.0 else "NOT met"
    print(
        f"devserver{label}, {size}: one member's Summary edited → visible in the preview: "
        f"median {median:.2f} s ({shown}); target < 1 s: {verdict}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=list(bench.SIZES))
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also measure a fresh build process per save (KNOTENPUNKT_DEVSERVER_SIMPLE)",
    )
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    report(measure(args.size, args.edits), args.size)
    if args.compare:
        print(f"load average {os.getloadavg()[0]:.1f}")
        report(measure(args.size, args.edits, simple=True), args.size, " (fresh process)")
        print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
