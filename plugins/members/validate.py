"""Checks of member and competence files; each returns the content errors it found.

Every check works on one field, returns the cleaned value (or ``None``) and
the problems, and never stops: the generator reports all problems of all
files together, so one broken profile never hides another one's mistakes.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from knotenpunkt.plugins.content_errors import ContentError, suggest

# The shared checks, written once in the content model; imported here under
# their old names for the members plugin's callers.
from knotenpunkt.plugins.content_errors.cleaning import (  # noqa: E402,F401
    EMAIL,
    check_choices,
    check_email,
    check_website,
    is_present,
    missing_required,
    quoted,
    split_list,
)
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.newest import oldest_first
from knotenpunkt.plugins.content_errors.report import display_path

from .fields import Field


def check_competences(
    source: str, field: Field, raw, known: dict, slugify: Callable[[str], str]
) -> tuple[list, list[ContentError]]:
    """Competence slugs → Competence objects; unknown ones are errors with a suggestion."""
    found, problems = [], []
    names = split_list(raw)
    if not names:
        problems.append(
            ContentError(
                source,
                field.name,
                _("Es ist keine Kompetenz angegeben."),
                _(
                    "Nennen Sie mindestens eine Kompetenz, z. B. „{example}“. Erlaubt sind: {values}."
                ).format(example=field.example_line, values=quoted(sorted(known))),
            )
        )
    for name in names:
        competence = known.get(slugify(name))
        if competence is not None:
            if competence not in found:
                found.append(competence)
            continue
        close = suggest(name, sorted(known))
        hint = _(
            "Jede Kompetenz braucht eine Datei in content/competences/. Legen Sie "
            "„content/competences/{slug}.md“ an oder verwenden Sie eine vorhandene: {values}."
        ).format(slug=slugify(name) or name, values=quoted(sorted(known)))
        if close:
            hint = _("Meinten Sie „{suggestion}“? ").format(suggestion=close) + hint
        problems.append(
            ContentError(
                source,
                field.name,
                _("Die Kompetenz „{value}“ gibt es nicht.").format(value=name),
                hint,
            )
        )
    return found, problems


ALLOWED_PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")


def photo_format(path) -> str | None:
    """The picture format Pillow reads from the file's header (no decoding); None if none."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as picture:
            return picture.format
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def check_photo_type(source: str, field: Field, raw, content_root: str) -> list[ContentError]:
    """A photo must be a JPEG, PNG or WebP file (read from its content, not its name).

    A missing file or one that is no picture at all is left to the images
    plugin, which suggests similar names or says that it is no picture.
    """
    if not is_present(raw):
        return []
    relative = str(raw).strip().replace("{static}", "").lstrip("/")
    path = os.path.join(content_root, relative)
    found = photo_format(path) if os.path.isfile(path) else None
    if found is None or found in ALLOWED_PHOTO_FORMATS:
        return []
    return [
        ContentError(
            source,
            field.name,
            _("„{value}“ ist ein {format}-Bild; erlaubt sind JPEG, PNG und WebP.").format(
                value=raw, format=found
            ),
            _(
                "Speichern Sie das Foto in einem Bildprogramm als JPEG (.jpg) oder PNG und "
                "tragen Sie den neuen Dateinamen hier ein."
            ),
        )
    ]


def duplicate_slugs(
    items, url_of: Callable, content_root: str, field_name: str = "Slug"
) -> list[ContentError]:
    """Files that would get the same address: the oldest keeps it, each newer one
    is asked for a slug of its own (never the existing member's file)."""
    by_slug: dict[str, list] = {}
    for item in items:
        by_slug.setdefault(item.slug, []).append(item)
    problems = []
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        by_path = {item.source_path: item for item in group}
        ordered, why = oldest_first(list(by_path))
        keeper = display_path(ordered[0], content_root)
        for number, path in enumerate(ordered[1:], start=2):
            problem = ContentError(
                path,
                field_name,
                _("Die Adresse „{url}“ (Slug „{slug}“) gehört schon „{keeper}“.").format(
                    url=url_of(by_path[path]), slug=slug, keeper=keeper
                ),
                _(
                    "Geben Sie dieser Datei einen eigenen Slug, z. B. „Slug: {slug}-{number}“; "
                    "sie ist die neuere ({why}). „{keeper}“ bleibt, wie es ist."
                ).format(slug=slug, number=number, why=why, keeper=keeper),
            )
            # a slug that is also badly written is still taken: both are said at once
            problem.beyond_claims = True
            problems.append(problem)
    return problems
