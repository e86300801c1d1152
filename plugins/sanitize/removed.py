"""What the sanitiser is about to take out of a member's HTML, in words a member reads.

nh3 removes silently. A member who wrote ``<a href="javascript:…">`` or
``<div onclick=…>`` would find a dead link or a plain box on the site and
never learn why. This scan reads the same HTML against the same allow-list
(:mod:`.clean`) and names every element, attribute and link address that
will not be published, together with a text to find it in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .clean import ATTRIBUTES, LANGUAGE_CLASS, MARKDOWN_CLASSES, TAGS, URL_SCHEMES

#: attributes whose value is an address
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "poster", "data"}
#: attributes nh3 may rewrite or thin out without the member losing anything visible
QUIET_ATTRIBUTES = {"style", "id"}


@dataclass(frozen=True)
class Removal:
    """One thing that will not be published: ``what`` for the message, ``needle`` to find it."""

    kind: str  # "element", "attribute", "address" or "class"
    what: str
    needle: str


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[tuple[str, str], Removal] = {}

    def add(self, kind: str, what: str, needle: str) -> None:
        self.found.setdefault((kind, what), Removal(kind, what, needle))

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in TAGS:
            self.add("element", f"<{tag}>", f"<{tag}")
            return
        allowed = ATTRIBUTES.get("*", set()) | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                if name not in QUIET_ATTRIBUTES:
                    self.add("attribute", f'{name}="…" an <{tag}>', name)
            elif name in URL_ATTRIBUTES and not _allowed_address(value):
                scheme = value.strip().split(":", 1)[0].lower()
                self.add("address", f"{scheme}:", value.strip()[:40])
            elif name == "class":
                for cls in value.split():
                    if cls not in MARKDOWN_CLASSES and not LANGUAGE_CLASS.match(cls):
                        self.add("class", cls, cls)

    handle_startendtag = handle_starttag


def _allowed_address(value: str) -> bool:
    text = "".join(value.split())
    try:
        scheme = urlsplit(text).scheme
    except ValueError:
        return False
    return not scheme or scheme.lower() in URL_SCHEMES or text.startswith("{")


def removed_markup(html: str) -> list[Removal]:
    """Every element, attribute, address scheme and class :func:`.clean.clean` drops."""
    if not html or "<" not in html:
        return []
    scan = _Scan()
    scan.feed(html)
    scan.close()
    return list(scan.found.values())
