"""Tags read the same everywhere: one spelling and one German address per topic.

Members write tags as they like (``inklusion``, ``Inklusion``, ``Qualität``).
Pelican already treats tags that differ only in case as one topic (same slug)
but prints each post's own spelling, and its slug drops umlauts
(``/thema/qualitat/``). Here every tag gets the German slug (``qualitaet``)
as soon as a post is read, and before the tag pages are built every tag
gets one display name: the spelling most posts use, starting with a capital
letter (``ADHS`` stays ``ADHS``).
"""

from __future__ import annotations

from collections import Counter

from pelican.contents import Article

from .slugs import german_slug, wants_german_slugs


def german_tag_slugs(content) -> None:
    """content_object_init: ``Qualität`` → slug ``qualitaet`` (on German sites)."""
    if not isinstance(content, Article) or not wants_german_slugs(content.settings):
        return
    for tag in getattr(content, "tags", None) or ():
        tag.slug = german_slug(tag.name, content.settings)


def display_name(spellings: Counter) -> str:
    """The most used spelling (ties: the one with capitals), first letter capitalised."""
    name = max(spellings, key=lambda text: (spellings[text], text != text.lower(), text))
    return name[:1].upper() + name[1:]


def unify_tag_names(generator) -> None:
    """article_generator_pretaxonomy: one display name per tag slug across all posts."""
    articles = [
        *generator.articles,
        *generator.translations,
        *getattr(generator, "drafts", []),
        *getattr(generator, "drafts_translations", []),
    ]
    spellings: dict[str, Counter] = {}
    for article in articles:
        for tag in getattr(article, "tags", None) or ():
            spellings.setdefault(tag.slug, Counter())[tag.name] += 1
    names = {slug: display_name(counter) for slug, counter in spellings.items()}
    for article in articles:
        for tag in getattr(article, "tags", None) or ():
            slug = tag.slug
            tag.name = names[slug]
            tag.slug = slug  # the name setter forgets a slug set by hand
