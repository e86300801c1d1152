"""Collect the HTML pages written during a build; write sitemap.xml and robots.txt."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from xml.sax.saxutils import escape

_pages: dict[str, datetime.date | None] = {}

CONTENT_KEYS = ("article", "page", "member", "episode", "competence")


def reset() -> None:
    _pages.clear()


def url_of(relative: str) -> str:
    """``blog/x/index.html`` → ``blog/x/``; ``index.html`` → ``""``."""
    relative = relative.replace(os.sep, "/")
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return None


def lastmod(context: dict) -> datetime.date | None:
    """The newest content date a page shows; ``None`` when it shows none."""
    item = shown_item(context)
    if item is not None:
        return _date(getattr(item, "modified", None)) or _date(getattr(item, "date", None))
    listed = context.get("articles_page")
    if listed is None:
        return None
    items = listed.object_list
    dates = [_date(getattr(i, "modified", None) or getattr(i, "date", None)) for i in items]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def shown_item(context: dict):
    """The one content object (post, page, member …) a page shows, if any."""
    for key in CONTENT_KEYS:
        item = context.get(key)
        if item is not None and not isinstance(item, str | list | tuple | dict):
            return item
    return None


def is_hidden(context: dict) -> bool:
    """``Status: hidden``: reachable by its address, but listed nowhere, not here either."""
    return getattr(shown_item(context), "status", None) in ("hidden", "draft")


def excluded(relative: str, exclude: list[str]) -> bool:
    """An excluded file, or a file below an excluded folder (``admin/``)."""
    return any(
        relative == entry or (entry.endswith("/") and relative.startswith(entry))
        for entry in exclude
    )


HEAD_CHARACTERS = 65536
ROBOTS_META = re.compile(r"<meta\s[^>]*name=[\"']?robots[\"']?[^>]*>", re.IGNORECASE)


def declares_noindex(path: str) -> bool:
    """The written page says ``<meta name="robots" content="noindex">``.

    Listing such a page in the sitemap contradicts it (search consoles report
    "submitted URL marked noindex"): the embeddable player, redirect pages.
    """
    try:
        with open(path, encoding="utf-8", errors="replace") as page:
            head = page.read(HEAD_CHARACTERS)  # the head, not the whole page (3 MB directory)
            if "</head>" not in head:
                head += page.read()
            head = head.partition("</head>")[0]
    except OSError:
        return False
    return any("noindex" in tag.lower() for tag in ROBOTS_META.findall(head))


def record(path: str, context: dict, output_path: str, exclude: list[str]) -> None:
    relative = os.path.relpath(path, output_path).replace(os.sep, "/")
    if not relative.endswith(".html") or excluded(relative, exclude) or is_hidden(context):
        return
    if declares_noindex(path):
        return  # a page that asks search engines to leave it out (player, redirect, 404)
    _pages[url_of(relative)] = lastmod(context)


def sitemap_xml(siteurl: str) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url in sorted(_pages):
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(f'{siteurl}/{url}')}</loc>")
        if _pages[url]:
            lines.append(f"    <lastmod>{_pages[url].isoformat()}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(siteurl: str) -> str:
    """robots.txt; the ``Sitemap:`` line only with an absolute address (the
    standard requires one; a development build has none, and a relative line
    costs the site its SEO score in Lighthouse)."""
    if not siteurl.startswith(("https://", "http://")):
        return "User-agent: *\nAllow: /\n"
    return f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/sitemap.xml\n"


def write(output_path: str, siteurl: str, sitemap: bool, robots: bool) -> None:
    out = Path(output_path)
    if sitemap:
        (out / "sitemap.xml").write_text(sitemap_xml(siteurl), encoding="utf-8")
    if robots:
        (out / "robots.txt").write_text(robots_txt(siteurl), encoding="utf-8")
