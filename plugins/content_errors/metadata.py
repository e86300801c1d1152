"""The door every content object passes after reading: its metadata in allowed form.

``lint.py`` checks the raw header of every Markdown file (with line numbers).
This check runs once all generators have read their content, on the objects
themselves, whatever reader made them (Markdown, HTML, reStructuredText) and
whatever plugin owns them (posts, pages, episodes, members, competences): the
final slug, the language, the fields only maintainers may set, and every text
value. Reports about a field lint already reported are dropped by the
collector, so a member reads one message per mistake.
"""

from __future__ import annotations

from pelican.contents import Content, Static

from .config import plugin_enabled
from .errors import WARNING, ContentError, report
from .i18n import _
from .values import (
    MAINTAINER_FIELDS,
    Problem,
    allowed_maintainer_fields,
    character_problem,
    check_label,
    check_lang,
    check_maintainer_field,
    check_slug,
    content_languages,
)


def held_objects(generators, keep) -> list:
    """Every object in any generator's list attributes for which ``keep(item)`` is true,
    each once, in the order first met."""
    seen: dict[int, object] = {}
    for generator in generators:
        for value in vars(generator).values():
            if not isinstance(value, list | tuple):
                continue
            for item in value:
                if keep(item):
                    seen.setdefault(id(item), item)
    return list(seen.values())


def content_objects(generators) -> list:
    """Every content object any generator holds (articles, pages, members, episodes …)."""
    return held_objects(
        generators, lambda item: isinstance(item, Content) and not isinstance(item, Static)
    )


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def problems_of(item, languages: list[str], allowed: list[str]) -> list[tuple[str, Problem]]:
    """(field, problem) for one content object; ``languages`` and ``allowed`` come
    from the settings (CONTENT_LANGUAGES, CONTENT_ALLOWED_MAINTAINER_FIELDS)."""
    found: list[tuple[str, Problem]] = []
    metadata = getattr(item, "metadata", {}) or {}
    for key, value in metadata.items():
        for text in _texts(value):
            problem = character_problem(text)
            if problem:
                found.append((key.capitalize(), problem))
                break
    for key in MAINTAINER_FIELDS:
        if key in metadata:
            problem = check_maintainer_field(key, allowed, str(metadata[key]))
            if problem:
                found.append((key.capitalize(), problem))
    if hasattr(item, "slug"):
        slug = str(item.slug or "")
        problem = check_slug(slug) if slug else _no_slug(item)
        if problem:
            found.append(("Slug", problem))
    lang = getattr(item, "lang", None)
    if lang:
        problem = check_lang(str(lang), languages)
        if problem:
            found.append(("Lang", problem))
    # as written in the file: plugins may later replace authors by richer objects
    for key in ("category", "tags", "author", "authors"):
        for label in _as_list(metadata.get(key)):
            name = getattr(label, "name", label)
            problem = check_label(name) if isinstance(name, str) else None
            if problem:
                found.append((key.capitalize(), problem))
                break
    return found


def _no_slug(item) -> Problem:
    return Problem(
        _("Aus dem Titel „{title}“ lässt sich keine Adresse bilden.").format(
            title=getattr(item, "title", "")
        ),
        _("Ergänzen Sie eine Zeile „Slug: …“ mit Kleinbuchstaben, Ziffern und Bindestrichen."),
    )


def check_content_metadata(generators) -> None:
    if not generators:
        return
    settings = generators[0].settings
    languages = content_languages(settings)
    allowed = allowed_maintainer_fields(settings)
    redirects = plugin_enabled(settings, "aliases")
    for item in content_objects(generators):
        if not redirects and (getattr(item, "metadata", None) or {}).get("aliases"):
            report(
                ContentError(
                    item.source_path,
                    "Aliases",
                    _("Auf dieser Website werden für alte Adressen keine Weiterleitungen erzeugt."),
                    _(
                        "Bitten Sie die Betreuer:innen der Website, das Plugin „aliases“ "
                        "einzuschalten, oder löschen Sie die Zeile „Aliases: …“."
                    ),
                    severity=WARNING,
                )
            )
        reported: set[str] = set()
        for field, problem in problems_of(item, languages, allowed):
            if field.lower() in reported:
                continue
            reported.add(field.lower())
            report(problem.error(item.source_path, field))
