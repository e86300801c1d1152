"""The people of the network, provided once through the build context.

The members plugin knows who is a member (it reads and checks the member
files); it puts every published member into the build context as a
:class:`Person` (name, slug, profile URL, published photo) under
``context["people"]``. The podcast (hosts, guests), the blog and others read
people from there and never read another plugin's files. Without the members
plugin there are no people, and a member slug is reported as unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CONTEXT_KEY = "people"


@dataclass(frozen=True)
class Person:
    name: str
    role: str = ""  # e.g. "host" or "guest" (Podcast Taxonomy roles)
    slug: str | None = None
    url: str | None = None  # site-relative profile URL
    photo: str | None = None  # site-relative URL of the published photo


def provide(context: dict, people: Iterable[Person]) -> None:
    """Called by the plugin that owns the member files, once per build."""
    context[CONTEXT_KEY] = {person.slug: person for person in people if person.slug}


def people_of(context: dict) -> dict[str, Person]:
    """Slug → person of this build; empty without the members plugin."""
    return context.get(CONTEXT_KEY) or {}
