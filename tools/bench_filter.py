"""Benchmark of the member directory filter with a large synthetic network.

Generates N members (default 2 000) with competences, regions and formats,
builds the site with the real plugins and theme, opens /mitglieder/ in
Chromium and times filtering: the script's own work (synchronous, from the
change event to the updated count) and the time until the next painted frame.

    .venv/bin/python tools/bench_filter.py [--members 2000] [--runs 15]

Not part of `make test`; results go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]  # the test helpers (sitebuild, browser)

from browser import chromium, serve  # noqa: E402
from sitebuild import build_site, write_files  # noqa: E402

COMPETENCES = [
    "legasthenie", "dyskalkulie", "adhs", "autismus", "diagnostik",
    "elternberatung", "inklusion", "mehrsprachigkeit", "schulbegleitung", "sprachfoerderung",
]  # fmt: skip
REGIONS = ["Nord", "Süd", "Mitte", "Ost", "West", "Landkreis", "Altstadt", "Hafen"]
FIRST = ["Anna", "Özlem", "Jonas", "Ülrich", "Mia", "Ben", "Lea", "Tom", "Zoë", "Ida"]
LAST = ["Ährenfeld", "Beispiel", "Brandt", "Kowalski", "Lindner", "Straßer", "Vogt", "Yıldız"]


def network(members: int) -> dict[str, str]:
    files = {
        f"competences/{slug}.md": f"Title: {slug.capitalize()}\nSummary: Über {slug}.\n\nText.\n"
        for slug in COMPETENCES
    }
    for number in range(members):
        competences = ", ".join(COMPETENCES[(number * k) % len(COMPETENCES)] for k in (1, 3, 7))
        name = f"{FIRST[number % len(FIRST)]} {LAST[number % len(LAST)]} {number}"
        files[f"members/m{number:05d}.md"] = (
            f"Title: {name}\nKind: {'organisation' if number % 5 == 0 else 'person'}\n"
            f"Competences: {competences}\nRegion: Musterstadt-{REGIONS[number % len(REGIONS)]}\n"
            f"Formats: {['praesenz', 'online', 'praesenz, online'][number % 3]}\n"
            f"Email: m{number}@example.org\nSummary: Mitglied Nummer {number}.\n\nBiografie.\n"
        )
    files["pages/impressum.md"] = "Title: Impressum\n\nText.\n"
    return files


TIME_FILTER = """async ([id, value]) => {
  const select = document.getElementById(id);
  const start = performance.now();
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  const scripted = performance.now() - start;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return [scripted, performance.now() - start,
          document.querySelectorAll("[data-member-list] > li:not([hidden])").length];
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = write_files(root / "content", network(args.members))
        started = time.perf_counter()
        result = build_site(content, root / "output")
        build_seconds = time.perf_counter() - started
        if result.exit_code:
            sys.exit(result.messages)
        html = (result.output / "mitglieder/index.html").read_bytes()
        script = (result.output / "theme/js/member-filter.js").read_bytes()
        print(f"members:                 {args.members}")
        print(f"site build:              {build_seconds:.1f} s")
        print(
            f"directory HTML:          {len(html) / 1024:.0f} KiB ({len(gzip.compress(html)) / 1024:.0f} KiB gzipped)"
        )
        print(f"filter script:           {len(script)} B ({len(gzip.compress(script))} B gzipped)")

        with serve(result.output) as url, chromium() as context:
            page = context.new_page()
            started = time.perf_counter()
            page.goto(url + "/mitglieder/", wait_until="load")
            calibration = page.evaluate(
                "() => { const t = performance.now(); let x = 0;"
                " for (let i = 0; i < 1e7; i++) x += i; return performance.now() - t; }"
            )
            load_ms = (time.perf_counter() - started) * 1000
            timings = {"narrow": ([], []), "reset": ([], [])}
            for run in range(args.runs * 2):
                narrowing = run % 2 == 0
                value = COMPETENCES[(run // 2) % len(COMPETENCES)] if narrowing else ""
                scripted, painted, _shown = page.evaluate(TIME_FILTER, ["filter-kompetenz", value])
                timings["narrow" if narrowing else "reset"][0].append(scripted)
                timings["narrow" if narrowing else "reset"][1].append(painted)
            combined = page.evaluate(TIME_FILTER, ["filter-region", "musterstadt-nord"])
        print(f"page load (to 'load'):   {load_ms:.0f} ms")
        print(f"calibration (1e7 adds):  {calibration:.0f} ms (a quiet laptop: about 10 ms)")
        for name, label in [("narrow", "all → one competence"), ("reset", "one competence → all")]:
            scripted, painted = timings[name]
            print(
                f"{label + ':':24} script median {statistics.median(scripted):.0f} ms, "
                f"to next paint median {statistics.median(painted):.0f} ms, "
                f"max {max(painted):.0f} ms ({args.runs} runs)"
            )
        print(f"competence + region:     {combined[1]:.1f} ms to paint, {combined[2]} shown")


if __name__ == "__main__":
    main()
