"""The raw header parser: the ``Key: value`` lines at the top of a content file.

One parser for the whole project, reading a header exactly as Python-Markdown's
meta extension (and so Pelican) will: the raw-file checks (``lint.py``), the
location of a field in a report (``errors.py``), the scaffolding and the CMS
configuration use it. Nothing else parses headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# The same patterns Python-Markdown's meta extension uses.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
# What a member meant as a key, even with umlauts or spaces: "Schlagwörter: …"
KEYLIKE_RE = re.compile(r"^\s*(?P<key>[^\s:][^:]{0,30}?)\s*:\s*(?P<value>.*)$")


@dataclass
class MetaLine:
    key: str
    value: str
    line: int


@dataclass
class Header:
    """The metadata block of a Markdown file, as Pelican will read it."""

    entries: list[MetaLine] = field(default_factory=list)
    #: lines the reader will not take as metadata although they look like it
    stray: list[tuple[int, str]] = field(default_factory=list)
    #: lines that start with a tab and look like a field of their own; the
    #: reader appends them to the field above (``tabbed_into``), so they are
    #: kept out of that field's value here and reported as the one mistake
    tabbed: list[MetaLine] = field(default_factory=list)
    tabbed_into: dict[int, MetaLine] = field(default_factory=dict)  # line → field above
    body_start: int = 0  # index into lines

    def first(self, key: str) -> MetaLine | None:
        key = key.lower()
        return next((e for e in self.entries if e.key.lower() == key), None)


def decode(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark is fine); raises UnicodeDecodeError otherwise."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8")


def parse_header(lines: list[str]) -> Header:
    """Split the metadata block off as Python-Markdown's meta extension does."""
    header = Header()
    index = 0
    if lines and lines[0].strip() == "---":
        index = 1
    current: MetaLine | None = None
    while index < len(lines):
        text = lines[index]
        if not text.strip() or (text.strip() in ("---", "...") and header.entries):
            index += 1
            break
        # Python-Markdown expands tabs to 4 columns before the meta extension reads
        expanded = text.expandtabs(4)
        meta = META_RE.match(expanded)
        more = META_MORE_RE.match(expanded)
        if meta:
            current = MetaLine(meta.group("key"), meta.group("value").strip(), index + 1)
            header.entries.append(current)
        elif more and current is not None:
            keyish = META_RE.match(more.group("value"))
            if "\t" in text[: len(text) - len(text.lstrip())] and keyish:
                tabbed = MetaLine(keyish.group("key"), keyish.group("value").strip(), index + 1)
                header.tabbed.append(tabbed)
                header.tabbed_into[tabbed.line] = current
            else:
                current.value = (current.value + " " + more.group("value").strip()).strip()
        else:
            # the reader stops here: everything from this line on is body text
            header.stray = _stray_lines(lines, index)
            break
        index += 1
    header.body_start = index
    return header


def _stray_lines(lines: list[str], start: int) -> list[tuple[int, str]]:
    """Lines from ``start`` to the next blank line: the rest of the would-be header."""
    stray = []
    for number in range(start, len(lines)):
        if not lines[number].strip():
            break
        stray.append((number + 1, lines[number]))
    return stray


def find_field_line(path: str, field_name: str) -> int | None:
    """The line where ``field_name:`` is written in a content file, if it is."""
    try:
        text = decode(Path(path).read_bytes())
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.splitlines()
    entry = parse_header(lines).first(field_name)
    if entry:
        return entry.line
    wanted = field_name.lower()
    for number, line in enumerate(lines[:60], 1):
        keyish = KEYLIKE_RE.match(line)
        if keyish and keyish.group("key").strip().lower() == wanted:
            return number
    return None
