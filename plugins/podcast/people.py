"""Hosts and guests: member slugs link to profiles, other names stay plain text.

A value that looks like a slug (lowercase letters, digits and dashes) must be
a member: a file ``<slug>.md`` in the members folder. This works with or
without the members plugin, because only the folder is read. Anything else
(``Dr. Petra Gast``) is a free name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from knotenpunkt.plugins.content_errors import ContentError, suggest
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.lint import decode, parse_header

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # "host" or "guest" (Podcast Taxonomy roles)
    slug: str | None = None
    url: str | None = None  # site-relative profile URL
    photo: str | None = None  # site-relative photo URL


def _header(path: Path) -> dict[str, str]:
    """The ``Field: value`` lines at the top of a Markdown file, read as Pelican reads
    them (a byte-order mark, continuation lines and ``---`` fences included)."""
    try:
        text = decode(path.read_bytes())
    except (OSError, UnicodeDecodeError):
        return {}
    fields: dict[str, str] = {}
    for entry in parse_header(text.splitlines()).entries:
        fields.setdefault(entry.key.lower(), entry.value)
    return fields


class Directory:
    """Member slugs from the folder names, their names and photos read lazily."""

    def __init__(self, members_dir: Path, url_pattern: str) -> None:
        self.folder = members_dir
        self.url_pattern = url_pattern
        self._slugs: list[str] | None = None
        self._headers: dict[str, dict[str, str]] = {}

    @property
    def slugs(self) -> list[str]:
        if self._slugs is None:
            self._slugs = (
                sorted(p.stem for p in self.folder.glob("*.md")) if self.folder.is_dir() else []
            )
        return self._slugs

    def knows(self, slug: str) -> bool:
        return (self.folder / f"{slug}.md").is_file()

    def header(self, slug: str) -> dict[str, str]:
        if slug not in self._headers:
            self._headers[slug] = _header(self.folder / f"{slug}.md")
        return self._headers[slug]

    def person(self, slug: str, role: str) -> Person:
        header = self.header(slug)
        photo = header.get("photo") or None
        if photo:
            photo = photo.replace("{static}", "").lstrip("/")
        return Person(
            name=header.get("title") or slug,
            role=role,
            slug=slug,
            url=self.url_pattern.format(slug=slug),
            photo=photo,
        )


def resolve(value: str | None, role: str, field: str, directory: Directory, source: str):
    """People of one field (``Hosts`` or ``Guests``) and the problems found."""
    people: list[Person] = []
    problems: list[ContentError] = []
    for raw in (value or "").split(","):
        item = raw.strip()
        if not item:
            continue
        if SLUG.match(item):
            if directory.knows(item):
                people.append(directory.person(item, role))
                continue
            nearest = suggest(item, directory.slugs)
            hint = _(
                "Tragen Sie das Kürzel eines Mitglieds ein (der Dateiname in "
                "content/members/ ohne .md) oder einen Namen mit Vor- und Nachnamen."
            )
            if nearest:
                hint = _("Meinten Sie „{value}“? ").format(value=nearest) + hint
            problems.append(
                ContentError(
                    source,
                    field,
                    _("„{value}“ ist kein Mitglied des Netzwerks.").format(value=item),
                    hint,
                )
            )
        else:
            people.append(Person(name=item, role=role))
    return people, problems
