"""Screenshots of every kind of page, for a design review: `make screenshots`.

Serves a built site (default: output/) on loopback, opens one page of each kind
in Debian's Chromium at 375, 768 and 1280 px, light and dark, and writes full-page
PNGs plus an HTML contact sheet (index.html) that shows them side by side.
Requests to other hosts are blocked, as in the browser tests.

    .venv/bin/python tools/screenshots.py [--site output] [--out test-artifacts/review]
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

WIDTHS = {"375": 740, "768": 1024, "1280": 800}
SCHEMES = ("light", "dark")

# (label, candidates): the first candidate that exists in the build is shown.
PAGE_KINDS = [
    ("Startseite", [""]),
    ("Mitglieder", ["mitglieder/"]),
    ("Profil Person", ["mitglieder/anna-beispiel/"]),
    ("Profil Organisation", ["mitglieder/verein-lernen-musterstadt/"]),
    ("Kompetenz", ["kompetenzen/dyskalkulie/"]),
    ("Blog", ["blog/"]),
    ("Blogbeitrag", ["blog/barcamp-lernen-2026/"]),
    ("Podcast", ["podcast/"]),
    ("Folge", ["podcast/folge-01-netzwerk-ohne-chef/", "podcast/folge-1/"]),
    ("Abonnieren", ["podcast/abonnieren/"]),
    ("Über uns", ["ueber-uns/"]),
    ("Mitmachen", ["mitmachen/"]),
    ("Impressum", ["impressum/"]),
    ("404", ["404.html"]),
]


def existing_pages(site: Path) -> list[tuple[str, str]]:
    """(label, path) for each page kind the build contains."""
    found = []
    for label, candidates in PAGE_KINDS:
        for path in candidates:
            file = site / path / "index.html" if path.endswith("/") or not path else site / path
            if file.exists():
                found.append((label, path))
                break
    return found


def file_name(path: str, width: str, scheme: str) -> str:
    name = (path.strip("/").replace("/", "-") or "home").replace(".html", "")
    return f"{name}-{width}-{scheme}.png"


def take(site: Path, out: Path) -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    from theme_checks import guard_context

    out.mkdir(parents=True, exist_ok=True)
    pages = existing_pages(site)
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for scheme in SCHEMES:
                for width, height in WIDTHS.items():
                    context = browser.new_context(
                        locale="de-DE",
                        color_scheme=scheme,
                        viewport={"width": int(width), "height": height},
                    )
                    guard_context(context)
                    page = context.new_page()
                    for _label, path in pages:
                        page.goto(f"{url}/{path}", wait_until="load")
                        # a full-page shot does not scroll: show what loads lazily
                        page.add_style_tag(content="*{content-visibility:visible!important}")
                        page.evaluate(
                            "Promise.all([...document.images].map(i => (i.loading = 'eager',"
                            " i.decode().catch(() => null))))"
                        )
                        target = out / file_name(path, width, scheme)
                        page.screenshot(path=str(target), full_page=True)
                    context.close()
        finally:
            browser.close()
    write_contact_sheet(out, pages)
    return pages


def write_contact_sheet(out: Path, pages: list[tuple[str, str]]) -> None:
    """index.html: one row per page kind, one column per width and scheme."""
    columns = [(w, s) for s in SCHEMES for w in WIDTHS]
    head = "".join(f"<th>{w} px, {'hell' if s == 'light' else 'dunkel'}</th>" for w, s in columns)
    rows = []
    for label, path in pages:
        cells = "".join(
            f'<td><a href="{file_name(path, w, s)}"><img src="{file_name(path, w, s)}" '
            f'alt="{html.escape(label)}, {w} px, {s}" loading="lazy"></a></td>'
            for w, s in columns
        )
        rows.append(
            f"<tr><th>{html.escape(label)}<br><code>/{html.escape(path)}</code></th>{cells}</tr>"
        )
    (out / "index.html").write_text(
        "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
        "<title>Knotenpunkt: Kontaktbogen</title><style>"
        "body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse}"
        "th,td{vertical-align:top;border:1px solid #ccc;padding:.4rem}"
        "td img{width:180px;height:auto;max-height:600px;object-fit:cover;object-position:top}"
        "thead th{position:sticky;top:0;background:#fff}</style></head><body>"
        "<h1>Kontaktbogen</h1><p>Jede Seitenart bei 375, 768 und 1280 px, hell und dunkel. "
        "Ein Klick öffnet das volle Bild.</p>"
        f"<table><thead><tr><th>Seite</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        "</table></body></html>",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=PROJECT_ROOT / "output")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "test-artifacts" / "review")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site}/index.html fehlt: erst `make html` ausführen.", file=sys.stderr)
        return 1
    pages = take(args.site, args.out)
    count = len(pages) * len(WIDTHS) * len(SCHEMES)
    print(f"{count} Bildschirmfotos in {args.out}; Kontaktbogen: {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
