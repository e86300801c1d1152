"""Blog authors are members: link them to profiles and index posts per member.

Posts name their authors by member slug (``Author: anna-beispiel``). Every
author of an article that names authors explicitly must be a member (an
unknown slug is a content error with a suggestion); articles without an
``Author:`` line keep Pelican's default author (the network). The index of
posts and episodes per member is built in one pass over the articles, never
member × article.
"""

from __future__ import annotations

from types import SimpleNamespace

from knotenpunkt.plugins.content_errors import ContentError, suggest
from knotenpunkt.plugins.content_errors.i18n import _
from pelican.urlwrappers import Author

from .validate import split_list


class MemberAuthor(Author):
    """An author who is a member: shows the member's name, links to the profile.

    No separate author page is written (``save_as`` is empty): the profile
    lists the member's posts.
    """

    def __init__(self, member, settings) -> None:
        super().__init__(member.title, settings)
        self.slug = member.slug
        self.member = member
        self.display_name = member.title

    @property
    def url(self) -> str:
        return self.member.url

    @property
    def save_as(self) -> str:
        return ""

    @property
    def page_name(self) -> str:
        return self.member.url.rstrip("/")

    # Compare with Pelican's own Author objects by slug, in both directions.
    def __eq__(self, other) -> bool:
        return self.slug == other.slug if isinstance(other, Author) else super().__eq__(other)

    def __lt__(self, other) -> bool:
        return self.slug < other.slug if isinstance(other, Author) else super().__lt__(other)

    def __hash__(self) -> int:
        return hash(self.slug)


def _with_translations(articles):
    for article in articles:
        yield article
        yield from getattr(article, "translations", ())


def link_authors(context: dict, members_by_slug: dict, settings) -> list[ContentError]:
    """Replace member authors by :class:`MemberAuthor`, fill ``member.posts``."""
    problems = []
    linked = {slug: MemberAuthor(member, settings) for slug, member in members_by_slug.items()}
    groups = (
        context.get("articles", ()),
        context.get("hidden_articles", ()),
        context.get("drafts", ()),
    )
    published = {id(article) for article in context.get("articles", ())}
    for articles in groups:
        for article in _with_translations(articles):
            metadata = article.metadata
            if "author" not in metadata and "authors" not in metadata:
                continue
            field_name = "Authors" if "authors" in metadata else "Author"
            authors = []
            for author in article.authors:
                member_author = linked.get(author.slug)
                if member_author is None:
                    problems.append(
                        unknown_author(article, field_name, str(author), members_by_slug)
                    )
                    authors.append(author)
                    continue
                authors.append(member_author)
                if id(article) in published and article not in member_author.member.posts:
                    member_author.member.posts.append(article)
            article.authors = authors
            article.author = authors[0]
    # Pelican's list of (author, articles) feeds the author pages and authors.html
    grouped = context.get("authors")
    if isinstance(grouped, list):
        for position, (author, articles) in enumerate(grouped):
            if author.slug in linked:
                grouped[position] = (linked[author.slug], articles)
    return problems


def authors_of_unread_files(unread: dict, members_by_slug: dict) -> list[ContentError]:
    """The ``Author:`` lines of files Pelican skipped (Title or Date missing,
    already reported): checked from the raw header, so the member reads an
    unknown author in the same run, not after fixing the date."""
    problems = []
    for source, header in sorted(unread.items()):
        for entry in header.entries:
            if entry.key.lower() not in ("author", "authors"):
                continue
            field_name = "Authors" if entry.key.lower() == "authors" else "Author"
            for name in split_list(entry.value):
                if name not in members_by_slug:
                    problem = unknown_author(
                        SimpleNamespace(source_path=source), field_name, name, members_by_slug
                    )
                    problem.line = entry.line
                    problems.append(problem)
    return problems


def unknown_author(article, field_name: str, name: str, members_by_slug: dict) -> ContentError:
    close = suggest(name, sorted(members_by_slug))
    hint = _(
        "Als Autor:in steht der Slug eines Mitglieds, also der Dateiname in "
        "content/members/ ohne .md, z. B. „{field}: {example}“."
    ).format(
        field=field_name, example=close or next(iter(sorted(members_by_slug)), "anna-beispiel")
    )
    if close:
        hint = _("Meinten Sie „{suggestion}“? ").format(suggestion=close) + hint
    return ContentError(
        article.source_path,
        field_name,
        _("„{value}“ ist kein Mitglied des Netzwerks.").format(value=name),
        hint,
    )


def index_episodes(articles, members_by_slug: dict, slugify) -> None:
    """``member.episodes``: articles naming the member in ``Hosts:`` or ``Guests:``.

    Names that are no member slug are guests from outside the network and fine.
    Values may be strings or lists (of strings or objects with a ``slug``).
    """
    for article in articles:
        metadata = article.metadata
        if "hosts" not in metadata and "guests" not in metadata:
            continue
        for name in _names(metadata.get("hosts")) + _names(metadata.get("guests")):
            member = members_by_slug.get(getattr(name, "slug", None) or slugify(str(name)))
            if member is not None and article not in member.episodes:
                member.episodes.append(article)


def _names(value) -> list:
    return list(value) if isinstance(value, list | tuple) else split_list(value)


def index_posts_by_tag(articles) -> dict[str, list]:
    """Published articles per tag slug (competence pages list them)."""
    by_tag: dict[str, list] = {}
    for article in articles:
        for tag in getattr(article, "tags", ()) or ():
            by_tag.setdefault(tag.slug, []).append(article)
    return by_tag
