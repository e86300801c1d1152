"""Hosts and guests: member slugs link to profiles, other names stay plain text.

A value that looks like a slug (lowercase letters, digits and dashes) must be
a member: one of the people the members plugin provides through the build
context (:mod:`content_errors.people`); nothing here reads member files.
Anything else (``Dr. Petra Gast``) is a free name.
"""

from __future__ import annotations

import dataclasses
import re

from knotenpunkt.plugins.content_errors import ContentError, suggest
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.people import Person, people_of

__all__ = ["SLUG", "Directory", "Person", "member_slugs", "resolve"]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Directory:
    """The network's members of this build, by slug."""

    def __init__(self, context: dict) -> None:
        self.people = people_of(context)

    @property
    def slugs(self) -> list[str]:
        return sorted(self.people)

    def knows(self, slug: str) -> bool:
        return slug in self.people

    def person(self, slug: str, role: str) -> Person:
        return dataclasses.replace(self.people[slug], role=role)


def member_slugs(value: str | None) -> list[str]:
    """The values of a Hosts/Guests field that name members (before they are resolved)."""
    return [item.strip() for item in (value or "").split(",") if SLUG.match(item.strip())]


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
