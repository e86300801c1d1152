"""Build-time benchmark: Knotenpunkt against plain Pelican on the same content.

``make bench`` generates synthetic networks of a few sizes (members,
competences, blog posts, podcast episodes with real audio copied from the
sample), builds each one

* with plain Pelican: default theme, no plugins, members and competences read
  as ordinary pages, episodes as ordinary articles, and
* with Knotenpunkt: this project's pelicanconf.py, theme and plugins,

and prints wall-clock medians and the ratio Knotenpunkt / plain Pelican.
Seconds depend on the machine; the ratios are what to compare over time
(record them in docs/performance.md).

Plain Pelican runs with ``DISPLAY_PAGES_ON_MENU = False``: its default (True)
lists every page on every page and makes the baseline itself quadratic.

Usage: ``python tools/bench.py [--sizes small,medium] [--runs 3]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE = PROJECT_ROOT / "content"

SIZES = {
    # name: (members, posts, episodes)
    "small": (12, 30, 5),
    "medium": (500, 1000, 100),
    "large": (2000, 4000, 300),
}

COMPETENCES = [
    "legasthenie",
    "dyskalkulie",
    "adhs",
    "autismus",
    "mehrsprachigkeit",
    "elternberatung",
    "inklusion",
    "sprachfoerderung",
    "diagnostik",
    "schulbegleitung",
]
REGIONS = ["Musterstadt-Nord", "Musterstadt-Süd", "Musterstadt-Mitte", "Landkreis Musterland"]
FIRST = ["Anna", "Ben", "Clara", "Deniz", "Emil", "Fatma", "Greta", "Hannes", "Ida", "Jonas"]
LAST = ["Arslan", "Becker", "Çelik", "Dietrich", "Engel", "Fuchs", "Graf", "Huber", "Ilić"]

PLAIN_SETTINGS = """
SITENAME = "Bench"
SITEURL = ""
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
PATH = "content"
ARTICLE_PATHS = ["blog", "podcast"]
PAGE_PATHS = ["pages", "members", "competences"]
STATIC_PATHS = ["images", "audio"]
DISPLAY_PAGES_ON_MENU = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
"""


# The sample's show-level hosts are sample members; the synthetic network has others.
OUR_EXTRA_SETTINGS = ["-e", "PODCAST_HOSTS=[]"]


def member_slug(number: int) -> str:
    return f"mitglied-{number:05d}"


def generate(root: Path, members: int, posts: int, episodes: int) -> Path:
    """Write a synthetic network below ``root/content`` and return that folder."""
    content = root / "content"
    for folder in ["competences", "pages", "images/podcast", "audio"]:
        shutil.copytree(SAMPLE / folder, content / folder, dirs_exist_ok=True)
    (content / "members").mkdir(parents=True)
    (content / "blog").mkdir()
    (content / "podcast").mkdir()
    for n in range(members):
        name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]} {n}"
        kind = "organisation" if n % 7 == 0 else "person"
        competences = ", ".join(COMPETENCES[(n + k) % len(COMPETENCES)] for k in range(n % 3 + 1))
        formats = ["praesenz", "online", "praesenz, online"][n % 3]
        (content / "members" / f"{member_slug(n)}.md").write_text(
            f"Title: {name}\nSlug: {member_slug(n)}\nKind: {kind}\n"
            f"Competences: {competences}\nRegion: {REGIONS[n % len(REGIONS)]}\n"
            f"Formats: {formats}\nEmail: m{n}@example.org\n"
            f"Summary: Lerntherapie und Beratung, Profil Nummer {n}.\n\n"
            f"{name} arbeitet seit vielen Jahren mit Kindern und Familien.\n\n"
            "Schwerpunkte sind *Lesen*, *Schreiben* und **Rechnen**.\n",
            encoding="utf-8",
        )
    for n in range(posts):
        month, day = n % 12 + 1, n % 28 + 1
        (content / "blog" / f"beitrag-{n:05d}.md").write_text(
            f"Title: Beitrag {n}\nSlug: beitrag-{n:05d}\nDate: 2025-{month:02d}-{day:02d} 10:00\n"
            f"Author: {member_slug(n % max(members, 1))}\nCategory: Netzwerk\n"
            f"Tags: {COMPETENCES[n % len(COMPETENCES)]}\nSummary: Zusammenfassung {n}.\n\n"
            "## Abschnitt\n\nEin Absatz mit einem [Link](https://example.org).\n\n"
            "- Punkt eins\n- Punkt zwei\n",
            encoding="utf-8",
        )
    audio = sorted((SAMPLE / "audio").glob("*.mp3"))[0]
    for n in range(episodes):
        shutil.copy(audio, content / "audio" / f"bench-{n:04d}.mp3")
        (content / "podcast" / f"bench-{n:04d}.md").write_text(
            f"Title: Folge {n + 1}\nSlug: bench-folge-{n + 1}\n"
            f"Date: 2024-{n % 12 + 1:02d}-{n % 28 + 1:02d} 08:00\nCategory: Podcast\n"
            f"Audio: audio/bench-{n:04d}.mp3\nEpisode: {n + 1}\nSeason: 1\n"
            f"Guid: 00000000-0000-4000-8000-{n:012d}\nSummary: Folge {n + 1}.\n"
            f"Hosts: {member_slug(n % max(members, 1))}\nExplicit: false\n\nShownotes.\n",
            encoding="utf-8",
        )
    return content


def timed_build(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"build failed: {' '.join(command)}\n{completed.stdout}\n{completed.stderr}")
    return elapsed


def bench_size(name: str, runs: int) -> dict:
    members, posts, episodes = SIZES[name]
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
        root = Path(tmp)
        content = generate(root, members, posts, episodes)
        plain_conf = root / "plainconf.py"
        plain_conf.write_text(PLAIN_SETTINGS, encoding="utf-8")
        plain = [
            sys.executable, "-m", "pelican", str(content), "-o", str(root / "plain"),
            "-s", str(plain_conf), "-q",
        ]  # fmt: skip
        ours = [
            sys.executable, "-m", "pelican", str(content), "-o", str(root / "ours"),
            "-s", str(PROJECT_ROOT / "pelicanconf.py"), "-q", *OUR_EXTRA_SETTINGS,
        ]  # fmt: skip
        plain_times = [timed_build(plain, PROJECT_ROOT) for _ in range(runs)]
        our_times = [timed_build(ours, PROJECT_ROOT) for _ in range(runs)]
        pages = sum(1 for _ in (root / "ours").rglob("*.html"))
        plain_pages = sum(1 for _ in (root / "plain").rglob("*.html"))
    plain_median = statistics.median(plain_times)
    our_median = statistics.median(our_times)
    return {
        "size": f"{name} ({members} / {posts} / {episodes})",
        "plain_pages": plain_pages,
        "pages": pages,
        "plain": plain_median,
        "ours": our_median,
        "ratio": our_median / plain_median,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,medium")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, medians of {args.runs} runs")
    header = "| size (members / posts / episodes) | HTML pages plain / ours | plain s | ours s | ratio ours / plain |"
    print(header)
    print("|---|---|---|---|---|")
    for name in args.sizes.split(","):
        row = bench_size(name.strip(), args.runs)
        print(
            f"| {row['size']} | {row['plain_pages']} / {row['pages']} | {row['plain']:.2f} | "
            f"{row['ours']:.2f} | {row['ratio']:.2f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
