"""`make bench`: Knotenpunkt against plain Pelican on the same Markdown, measured fairly.

For each size (members / posts / episodes) a synthetic network is generated
(members, competences, posts, episodes with real audio copied from the
sample) and built

* with plain Pelican: default theme, no plugins, members and competences
  read as ordinary pages, episodes as ordinary articles
  (``DISPLAY_PAGES_ON_MENU = False``: its default lists every page on every
  page and makes the baseline itself quadratic), and
* with Knotenpunkt's own build command, ``python -m knotenpunkt build``, with
  this project's pelicanconf.py, theme and plugins.

Fairness: plain and ours alternate within every round (ABBA order), every
cold build gets a fresh output folder *and* a fresh cache folder (our audio
facts and image variants included), and the same Markdown is read by both.
After each cold build of ours the same output and cache are rebuilt three
times: unchanged (warm), with one member's ``Summary:`` edited, and with one
post's text edited; the edits are undone before the next round. Peak memory
is the maximum resident set size of the build process (``wait4``), CPU time
its user + system time with its children's (Pagefind), printed next to the
wall-clock seconds because it scatters far less on a loaded machine.

Printed per size: cold ours / plain, warm / cold, member edit / cold, post
edit / cold, peak memory ours / plain, milliseconds per written page; then
the directory page at 500 members (raw and gzipped), CSS and JS per page
kind (gzipped), the seconds from saving a member's ``Summary:`` to the new
text in ``make devserver``'s preview (``bench_devserver.py``, medium) and
the directory filter in Chromium (``bench_filter.py``).
Targets from issue 13 are printed next to each figure with "met" or
"NOT met". Seconds depend on the machine; compare the ratios.

Usage: ``python tools/bench.py [--sizes small,medium] [--runs 3]
[--filter-members 2000 | --no-filter] [--devserver-edits 5 | --no-devserver]``
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE = PROJECT_ROOT / "content"

SIZES = {
    # name: (members, posts, episodes)
    "small": (12, 30, 5),
    "medium": (500, 1000, 100),
    "large": (2000, 4000, 300),
}

# Targets of issue 13 (ratios against the cold build or plain Pelican).
TARGETS = {
    "cold / plain": 1.10,
    "warm / cold": 0.30,
    "member edit / cold": 0.30,
    "post edit / cold": 0.30,
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
import os
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
CACHE_PATH = os.environ["BENCH_CACHE"]
"""

# Ours: the project's settings, with absolute theme and plugin paths (this
# file lives outside the project), a cache folder per build, no show-level
# hosts (the sample's hosts are sample members) and the production handling
# of theme assets (hashed, minified: a few milliseconds).
OUR_SETTINGS = f"""
import os
from knotenpunkt.conf import inherit
globals().update(inherit({str(PROJECT_ROOT / "pelicanconf.py")!r}))
THEME = {str(PROJECT_ROOT / "themes" / "knotenpunkt")!r}
CACHE_PATH = os.environ["BENCH_CACHE"]
PODCAST_HOSTS = []
# What a visitor downloads is measured as published (as publishconf.py sets it).
ASSETS_FINGERPRINT = True
ASSETS_MINIFY = True
"""


def member_slug(number: int) -> str:
    return f"mitglied-{number:05d}"


def member_file(content: Path, number: int) -> Path:
    return content / "members" / f"{member_slug(number)}.md"


def post_file(content: Path, number: int) -> Path:
    return content / "blog" / f"beitrag-{number:05d}.md"


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
        member_file(content, n).write_text(
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
        post_file(content, n).write_text(
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
            f"Title: Bench-Thema {n + 1}\nSlug: bench-folge-{n + 1}\n"
            f"Date: 2024-{n % 12 + 1:02d}-{n % 28 + 1:02d} 08:00\nCategory: Podcast\n"
            f"Audio: audio/bench-{n:04d}.mp3\nEpisode: {n + 1}\nSeason: 1\n"
            f"Guid: 00000000-0000-4000-8000-{n:012d}\nSummary: Folge {n + 1}.\n"
            f"Hosts: {member_slug(n % max(members, 1))}\nExplicit: false\n\nShownotes.\n",
            encoding="utf-8",
        )
    return content


def write_settings(root: Path) -> tuple[Path, Path]:
    """The settings files of both builds: (plain, ours)."""
    plain, ours = root / "plainconf.py", root / "benchconf.py"
    plain.write_text(PLAIN_SETTINGS, encoding="utf-8")
    ours.write_text(OUR_SETTINGS, encoding="utf-8")
    return plain, ours


def plain_command(content: Path, output: Path, settings: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings), "-q"]  # fmt: skip


def our_command(content: Path, output: Path, settings: Path) -> list[str]:
    """Exactly what ``make html`` runs, with the bench's settings file."""
    return [sys.executable, "-m", "knotenpunkt", "build", "--content", str(content),
            "--output", str(output), "--settings", str(settings)]  # fmt: skip


@dataclass
class Run:
    seconds: float
    peak_mib: float
    #: user + system CPU of the build and its children (Pagefind): steadier than
    #: wall-clock seconds on a loaded machine
    cpu: float = 0.0
    #: the system (kernel) part of ``cpu``: creating files, which a slow disk
    #: inflates without any change in the code
    kernel: float = 0.0


def timed_build(command: list[str], cache: Path) -> Run:
    """Run one build; wall-clock seconds, peak resident memory and CPU time."""
    env = {**os.environ, "BENCH_CACHE": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"build failed: {' '.join(command)}\n{output.decode(errors='replace')}")
    # wait4 counts the build's own waited-for children (Pagefind) in its usage;
    # ru_maxrss is in KiB on Linux
    return Run(elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, usage.ru_stime)


@dataclass
class SizeResult:
    name: str
    counts: tuple[int, int, int]
    runs: dict[str, list[Run]] = field(default_factory=dict)
    plain_pages: int = 0
    pages: int = 0
    directory: tuple[int, int] = (0, 0)  # raw bytes, gzipped bytes
    assets: dict[str, tuple[int, int, list[str]]] = field(default_factory=dict)

    def median(self, key: str) -> float:
        return statistics.median(run.seconds for run in self.runs[key])

    def cpu(self, key: str) -> float:
        return statistics.median(run.cpu for run in self.runs[key])

    def kernel(self, key: str) -> float:
        return statistics.median(run.kernel for run in self.runs[key])

    def peak(self, key: str) -> float:
        return statistics.median(run.peak_mib for run in self.runs[key])


def edit(path: Path, old: str, new: str) -> str:
    """Replace ``old`` in a file once; returns the original text for undoing."""
    original = path.read_text(encoding="utf-8")
    assert old in original, (path, old)
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return original


def html_count(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def bench_size(name: str, runs: int, keep: Path | None = None) -> SizeResult:
    members, posts, episodes = SIZES[name]
    result = SizeResult(name, (members, posts, episodes))
    keys = ["plain", "cold", "warm", "member edit", "post edit"]
    result.runs = {key: [] for key in keys}
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
        root = Path(tmp)
        content = generate(root, members, posts, episodes)
        plain_conf, our_conf = write_settings(root)
        member, post = member_file(content, members // 2), post_file(content, posts // 2)
        for round_number in range(runs):

            def plain(n=round_number):
                out, cache = root / f"plain-{n}", root / f"plain-cache-{n}"
                result.runs["plain"].append(
                    timed_build(plain_command(content, out, plain_conf), cache)
                )
                result.plain_pages = html_count(out)
                shutil.rmtree(out), shutil.rmtree(cache, ignore_errors=True)

            def ours(n=round_number):
                out, cache = root / f"ours-{n}", root / f"ours-cache-{n}"
                command = our_command(content, out, our_conf)
                result.runs["cold"].append(timed_build(command, cache))
                result.pages = html_count(out)
                result.runs["warm"].append(timed_build(command, cache))
                original = edit(member, "Profil Nummer", f"Geändertes Profil {n}, Nummer")
                result.runs["member edit"].append(timed_build(command, cache))
                member.write_text(original, encoding="utf-8")
                original = edit(post, "Ein Absatz", f"Ein geänderter Absatz ({n})")
                result.runs["post edit"].append(timed_build(command, cache))
                post.write_text(original, encoding="utf-8")
                if n == runs - 1:
                    measure_output(result, out)
                    if keep is not None:
                        shutil.copytree(out, keep, dirs_exist_ok=True)
                shutil.rmtree(out), shutil.rmtree(cache, ignore_errors=True)

            # ABBA: neither side always runs first (warm caches of the OS, CPU clock)
            for step in (plain, ours) if round_number % 2 == 0 else (ours, plain):
                step()
    return result


# -- what a visitor downloads ---------------------------------------------------

ASSET = re.compile(
    r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<script[^>]+src="([^"]+)"', re.IGNORECASE
)


def page_assets(output: Path, page: str) -> tuple[int, int, list[str]]:
    """CSS and JS one page loads: (raw bytes, gzipped bytes, file names)."""
    html_file = output / page
    html = html_file.read_text(encoding="utf-8")
    raw = zipped = 0
    names = []
    for match in ASSET.finditer(html):
        href = (match.group(1) or match.group(2)).split("?")[0]
        if re.match(r"\w+://", href):  # absolute (production): the path part
            href = "/" + href.split("://", 1)[1].split("/", 1)[1]
        path = output / href.lstrip("/") if href.startswith("/") else html_file.parent / href
        data = path.resolve().read_bytes()
        raw += len(data)
        zipped += len(gzip.compress(data, 9))
        names.append(path.name)
    return raw, zipped, names


PAGE_KINDS = {
    "home": "index.html",
    "directory": "mitglieder/index.html",
    "profile": "mitglieder/mitglied-00001/index.html",
    "competence": "kompetenzen/dyskalkulie/index.html",
    "blog post": "blog/beitrag-00001/index.html",
    "podcast index": "podcast/index.html",
    "episode": "podcast/bench-folge-1/index.html",
}


def measure_output(result: SizeResult, output: Path) -> None:
    directory = (output / PAGE_KINDS["directory"]).read_bytes()
    result.directory = (len(directory), len(gzip.compress(directory, 9)))
    for kind, page in PAGE_KINDS.items():
        if (output / page).exists():
            raw, zipped, names = page_assets(output, page)
            result.assets[kind] = (raw, zipped, names)


# -- printing ------------------------------------------------------------------------


def verdict(value: float, target: float) -> str:
    return f"≤ {target:.2f}: {'met' if value <= target else 'NOT met'}"


def print_size(result: SizeResult) -> None:
    members, posts, episodes = result.counts
    cold, plain = result.median("cold"), result.median("plain")
    print(f"\n## {result.name} ({members} members / {posts} posts / {episodes} episodes)")
    print(f"HTML pages: plain {result.plain_pages}, ours {result.pages}")
    print(
        "| figure | seconds (median) | ratio | target | CPU s (median) | of it kernel | CPU ratio |"
    )
    print("|---|---|---|---|---|---|---|")
    rows = [
        ("plain Pelican, cold", "plain", None),
        ("ours, cold", "cold", "cold / plain"),
        ("ours, rebuild, nothing changed", "warm", "warm / cold"),
        ("ours, one member's Summary edited", "member edit", "member edit / cold"),
        ("ours, one post edited", "post edit", "post edit / cold"),
    ]
    for label, key, target in rows:
        seconds, cpu = result.median(key), result.cpu(key)
        shown = goal = cpu_shown = ""
        if target:
            base, cpu_base = (
                (plain, result.cpu("plain")) if key == "cold" else (cold, result.cpu("cold"))
            )
            ratio = seconds / base
            shown, goal = f"{ratio:.2f} ({target})", verdict(ratio, TARGETS[target])
            cpu_shown = f"{cpu / cpu_base:.2f}" if cpu_base else ""
        kernel = result.kernel(key)
        print(
            f"| {label} | {seconds:.2f} | {shown} | {goal} | {cpu:.2f} | {kernel:.2f} "
            f"| {cpu_shown} |"
        )
    peak_ours, peak_plain = result.peak("cold"), result.peak("plain")
    print(
        f"| peak memory, cold | ours {peak_ours:.0f} MiB, plain {peak_plain:.0f} MiB | "
        f"{peak_ours / peak_plain:.2f} (ours / plain) | | | | |"
    )
    print(
        f"| cost per page, cold | ours {cold / result.pages * 1000:.2f} ms, "
        f"plain {plain / result.plain_pages * 1000:.2f} ms | | | | | |"
    )


def print_assets(result: SizeResult) -> None:
    raw, zipped = result.directory
    members = result.counts[0]
    print(f"\n## What a visitor downloads ({result.name}, {members} members)")
    print(
        f"directory page at {members} members: {raw / 1024:.0f} KiB, {zipped / 1024:.1f} KiB gzipped"
    )
    print("| page | CSS + JS (KiB raw / gzipped) | files |")
    print("|---|---|---|")
    for kind, (raw, zipped, names) in result.assets.items():
        print(f"| {kind} | {raw / 1024:.1f} / {zipped / 1024:.1f} | {', '.join(names)} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,medium")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--filter-members", type=int, default=2000)
    parser.add_argument("--filter-runs", type=int, default=10)
    parser.add_argument("--no-filter", action="store_true", help="skip the Chromium filter bench")
    parser.add_argument(
        "--no-devserver", action="store_true", help="skip the devserver save-to-visible bench"
    )
    parser.add_argument("--devserver-edits", type=int, default=5)
    args = parser.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{os.cpu_count()} cores, load average {load:.1f}, Python {sys.version.split()[0]}, "
        f"medians of {args.runs} interleaved rounds"
    )
    results = []
    for name in args.sizes.split(","):
        result = bench_size(name.strip(), args.runs)
        results.append(result)
        print_size(result)
        sys.stdout.flush()
    if len(results) > 1:
        print("\ncost per page (cold, ms): " + ", ".join(
            f"{r.name} ours {r.median('cold') / r.pages * 1000:.2f} / plain "
            f"{r.median('plain') / r.plain_pages * 1000:.2f}" for r in results
        ))  # fmt: skip
    at_500 = next((r for r in results if r.counts[0] == 500), results[-1])
    print_assets(at_500)
    if not args.no_devserver:
        import bench_devserver  # next to this script

        size = "medium" if "medium" in args.sizes else results[0].name
        print()
        bench_devserver.report(bench_devserver.measure(size, args.devserver_edits), size)
    if not args.no_filter:
        import bench_filter  # next to this script

        print()
        bench_filter.report(bench_filter.measure(args.filter_members, args.filter_runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
