"""Lighthouse (mobile) on the sample network, served with gzip like a real host.

Accessibility, best practices and SEO score 100, performance at least 95 (a
page below that is audited again, up to three runs, since the timing depends
on how busy the machine is), and nothing moves after the first paint (beyond a pixel), on the five pages visitors land on most:
home, directory, a profile, the podcast index and an episode.

Lighthouse 12.2.3 comes from npm into tools/lighthouse/ (package.json and
lock committed; `.ci/run` runs `npm ci` there when node_modules is missing)
and drives Debian's Chromium (CHROME_PATH). Locally the test skips without
node or without that install; in CI (CI=true) it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import CHROMIUM, require_chromium
from compressed_server import serve_compressed
from sitebuild import PROJECT_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.long(45)]

LIGHTHOUSE = PROJECT_ROOT / "tools" / "lighthouse"
PAGES = [
    "",
    "mitglieder/",
    "mitglieder/anna-beispiel/",
    "podcast/",
    "podcast/folge-01-netzwerk-ohne-chef/",
]
# Chromium's own <audio controls> lay out their time display after the first
# paint (inside the element's shadow tree, 0.005 on the episode page); nothing
# the page or its scripts do may move anything beyond that.
NATIVE_CONTROLS_SHIFT = 0.01
# Every other page: nothing may move, up to a one-pixel move of a large part of
# the page. A busy CI run once measured 0.0005 on the podcast index (a page
# without any script); thirteen audits of it, quiet and under load, gave 0. A
# script that inserts or resizes anything costs 0.01 and more (a 412 x 823
# phone: a banner of 50 px pushing the page down is about 0.06).
STILL_PAGE_SHIFT = 0.001


def require_lighthouse() -> str:
    node = shutil.which("node")
    installed = (LIGHTHOUSE / "node_modules" / "lighthouse" / "package.json").exists()
    if node and installed:
        return node
    message = (
        "Lighthouse is not installed: run `npm ci` in tools/lighthouse/ (needs Node.js 18.16+)."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


#: performance is timed on this machine: a page below the bar is audited again
#: (up to this many runs in all) and its best run counts, as Lighthouse's own
#: guidance does with repeated runs; a slow page stays slow in every run
PERFORMANCE_RUNS = 3
PERFORMANCE_BAR = 0.95


def audit(node: str, url: str, pages: list[str], scratch: Path) -> dict[str, dict]:
    """Lighthouse's report per page. ``scratch`` is the audit's TMPDIR: Chromium,
    ended by Lighthouse's launcher with SIGKILL, cannot remove its own temporary
    folder, so it goes where pytest cleans up instead of the shared temp folder."""
    completed = subprocess.run(
        [node, str(LIGHTHOUSE / "audit.mjs"), *[f"{url}/{page}" for page in pages]],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": str(scratch)},
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    found = json.loads(completed.stdout.strip().splitlines()[-1])
    return dict(zip(pages, found, strict=True))


def performance(report: dict) -> float:
    return (report.get("scores") or {}).get("performance") or 0.0


@pytest.fixture(scope="module")
def reports(sample_site, tmp_path_factory):
    node = require_lighthouse()
    require_chromium()
    scratch = tmp_path_factory.mktemp("lighthouse-tmp")
    with serve_compressed(sample_site.output) as url:
        best = audit(node, url, PAGES, scratch)
        for page in best:
            best[page]["performance_runs"] = [performance(best[page])]
        for _ in range(PERFORMANCE_RUNS - 1):
            slow = [page for page in PAGES if performance(best[page]) < PERFORMANCE_BAR]
            if not slow:
                break
            for page, report in audit(node, url, slow, scratch).items():
                runs = best[page]["performance_runs"] + [performance(report)]
                if performance(report) > performance(best[page]):
                    best[page] = report
                best[page]["performance_runs"] = runs
    return best


@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_scores_on_a_phone(reports, page):
    report = reports[page]
    assert report["runtimeError"] is None, report["runtimeError"]
    scores = report["scores"]
    details = "\n".join(report["failing"])
    for category in ("accessibility", "best-practices", "seo"):
        assert scores[category] == 1, f"/{page} {category} {scores[category]}:\n{details}"
    runs = report["performance_runs"]
    assert scores["performance"] >= PERFORMANCE_BAR, (
        f"/{page} performance {scores['performance']} (runs: {runs}):\n{details}"
    )
    assert report["layoutShift"] < NATIVE_CONTROLS_SHIFT, (
        f"/{page}: layout shift {report['layoutShift']}"
    )
    if "folge-" not in page:
        assert report["layoutShift"] < STILL_PAGE_SHIFT, (
            f"/{page}: layout shift {report['layoutShift']}"
        )


def test_the_server_compresses_text(sample_site):
    """The scores assume a host that gzips; the test server must do so too."""
    import urllib.request

    with serve_compressed(sample_site.output) as url:
        request = urllib.request.Request(f"{url}/mitglieder/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
        with urllib.request.urlopen(f"{url}/mitglieder/") as response:
            assert response.headers.get("Content-Encoding") is None
            assert b"<h1>Mitglieder</h1>" in response.read()
