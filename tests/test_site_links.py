"""No dead ends: every link, image and script on every page of the sample network resolves."""

import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            elif name == "srcset":
                self.links += [part.strip().split()[0] for part in value.split(",")]
            elif name == "id":
                self.ids.add(value)


def local_target(page: Path, link: str, output: Path) -> Path | None:
    """The file a site-internal link points at, or None for other hosts and schemes."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    base = output if path.startswith("/") else page.parent
    target = Path(os.path.normpath(base / path.lstrip("/")))
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


def test_every_internal_link_and_asset_exists(sample_site):
    output = sample_site.output
    broken = []
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        collector = LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for link in collector.links:
            target = local_target(page, link, output)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(output)} → {link}")
    assert not broken, "\n".join(broken)


def test_in_page_anchors_point_at_existing_ids(sample_site):
    missing = []
    for page in sorted(sample_site.output.rglob("*.html")):
        collector = LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for link in collector.links:
            if link.startswith("#") and len(link) > 1 and link[1:] not in collector.ids:
                missing.append(f"{page.relative_to(sample_site.output)} → {link}")
    assert not missing, "\n".join(missing)
