"""The member directory as pages of cards, plus the compact index its filter reads.

Without JavaScript the directory is a paginated list (``MEMBERS_PER_PAGE``
cards per page, ``/mitglieder/seite/2/`` …) next to the static competence,
region, format and kind pages. With JavaScript the first page reads
``member_index`` (one entry per member, written into the page as JSON by
``members/directory.html``) and renders only one page of matching cards at a
time, so a filter change never touches thousands of DOM nodes.

An index entry holds the facet slugs (space-separated, like the ``data-*``
attributes of the list items) and ``s``, the text the search matches: name
and summary without markup, lower case, with umlauts and accents folded
(``Jürgen Straßer`` → ``jurgen strasser``; the script folds the query the
same way). The card HTML (``h``) is added by the template from the same
macro the static list uses, rendered with autoescape, so the script inserts
server-escaped markup only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from markupsafe import Markup

from .settings import setting


@dataclass(eq=False)
class DirectoryPage:
    """One page of the server-rendered directory (numbers start at 1)."""

    number: int
    count: int  # pages in total
    size: int  # cards per page
    members: list
    url: str
    save_as: str
    previous: DirectoryPage | None = None
    next: DirectoryPage | None = field(default=None, repr=False)


def directory_pages(members: list, settings) -> list[DirectoryPage]:
    """The directory split into pages; an empty directory still has its first page."""
    size = max(1, int(setting(settings, "MEMBERS_PER_PAGE")))
    chunks = [members[start : start + size] for start in range(0, len(members), size)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        if number == 1:
            url, save_as = setting(settings, "MEMBERS_URL"), setting(settings, "MEMBERS_SAVE_AS")
        else:
            url = setting(settings, "MEMBERS_PAGE_URL").format(number=number)
            save_as = setting(settings, "MEMBERS_PAGE_SAVE_AS").format(number=number)
        pages.append(DirectoryPage(number, len(chunks), size, chunk, url, save_as))
    for before, after in zip(pages, pages[1:], strict=False):
        before.next, after.previous = after, before
    return pages


def fold(text: str) -> str:
    """Lower case without accents, ß as ss, single spaces: what the search compares."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", plain).strip()


def search_text(member) -> str:
    summary = Markup(str(getattr(member, "summary", "") or "")).striptags()
    return fold(f"{member.title} {summary}")


def slugs(items) -> str:
    return " ".join(item.slug for item in items if item is not None)


def index_entry(member) -> dict[str, str]:
    """What the filter needs to know about one member (without the card HTML)."""
    return {
        "competences": slugs(member.competences),
        "region": slugs([member.region]),
        "formats": slugs(member.formats),
        "kind": slugs([member.kind]),
        "s": search_text(member),
    }


def member_index(members: list) -> list[dict[str, str]]:
    return [index_entry(member) for member in members]
