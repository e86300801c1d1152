"""German addresses: umlauts spelled out (ä → ae), as a German reader writes them.

Pelican's slugify turns ``Übergänge`` into ``ubergange``; a German reader
expects ``uebergaenge``. Members, competences and regions use this function;
the plugin also applies it to posts and pages that have no ``Slug:`` of their
own when the site is German (setting ``I18N_GERMAN_SLUGS``).
"""

from __future__ import annotations

import functools
import os

from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_slug(text: str, settings=None) -> str:
    """``Musterstadt-Süd`` → ``musterstadt-sued``; other letters as Pelican does (é → e)."""
    settings = settings or {}
    substitutions = settings.get(
        "SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    )
    return _german_slug(str(text), tuple(tuple(pair) for pair in substitutions))


@functools.lru_cache(maxsize=65536)
def _german_slug(text: str, substitutions: tuple) -> str:
    """A pure function of its arguments, asked thousands of times per build for
    the same tags, regions and titles."""
    return slugify(
        text.translate(GERMAN_LETTERS),
        regex_subs=substitutions,
        preserve_case=False,
        use_unicode=False,
    )


def wants_german_slugs(settings) -> bool:
    configured = settings.get("I18N_GERMAN_SLUGS")
    if configured is None:
        return str(settings.get("DEFAULT_LANG", "de")).lower().startswith("de")
    return bool(configured)


def apply_german_slug(content) -> None:
    """Give a post or page without ``Slug:`` the German spelling of its slug."""
    if not isinstance(content, Article | Page) or "slug" in content.metadata:
        return
    settings = content.settings
    if not wants_german_slugs(settings):
        return
    if settings.get("SLUGIFY_SOURCE", "title") == "basename":
        source = os.path.splitext(os.path.basename(content.source_path or ""))[0]
    else:
        source = getattr(content, "title", "")
    if source:
        content.slug = german_slug(source, settings)
