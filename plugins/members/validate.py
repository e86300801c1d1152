"""Checks of member and competence files; each returns the content errors it found.

Every check works on one field, returns the cleaned value (or ``None``) and
the problems, and never stops: the generator reports all problems of all
files together, so one broken profile never hides another one's mistakes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from knotenpunkt.plugins.content_errors import ContentError, suggest
from knotenpunkt.plugins.content_errors.errors import canonical_choice
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.report import display_path

from .fields import Field

EMAIL = re.compile(
    r"^[^@\s<>()\[\],;:\"']+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$"
)


def split_list(value) -> list[str]:
    """``"a, b ,c"`` → ``["a", "b", "c"]``; lists pass through."""
    if value is None:
        return []
    parts = value if isinstance(value, list | tuple) else str(value).split(",")
    return [str(part).strip() for part in parts if str(part).strip()]


def is_present(value) -> bool:
    if isinstance(value, list | tuple):
        return bool(split_list(value))
    return value is not None and str(value).strip() != ""


def quoted(values: Iterable[str]) -> str:
    return ", ".join(f"„{value}“" for value in values)


def missing_required(source: str, metadata: dict, fields: tuple[Field, ...]) -> list[ContentError]:
    problems = []
    for field in fields:
        if field.required and field.key not in metadata:
            problems.append(
                ContentError(
                    source,
                    field.name,
                    _("Dieses Pflichtfeld fehlt."),
                    _("Ergänzen Sie am Anfang der Datei eine Zeile wie „{example}“.").format(
                        example=field.example_line
                    ),
                )
            )
    return problems


def unknown_value_hint(value: str, field: Field, choices: Iterable[str]) -> str:
    choices = list(choices)
    close = suggest(value, choices)
    allowed = _("Erlaubt sind: {values}.").format(values=quoted(choices))
    if close:
        return _("Meinten Sie „{suggestion}“? ").format(suggestion=close) + allowed
    return allowed + " " + _("Beispiel: „{example}“.").format(example=field.example_line)


def check_choices(source: str, field: Field, raw) -> tuple[list[str], list[ContentError]]:
    """Values from a closed list (Kind, Formats, Status), lower-cased."""
    values, problems = [], []
    for value in split_list(raw):
        normal = canonical_choice(value, field.values)
        if normal is not None:
            if normal not in values:
                values.append(normal)
            continue
        problems.append(
            ContentError(
                source,
                field.name,
                _("„{value}“ ist hier kein erlaubter Wert.").format(value=value),
                unknown_value_hint(value, field, field.values),
            )
        )
    if not values and not problems and field.required:
        problems.append(
            ContentError(
                source,
                field.name,
                _("Das Feld ist leer."),
                unknown_value_hint("", field, field.values),
            )
        )
    return values, problems


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


def check_email(source: str, field: Field, raw) -> tuple[str | None, list[ContentError]]:
    if not is_present(raw):
        return None, []
    value = str(raw).strip().removeprefix("mailto:")
    if EMAIL.match(value):
        return value, []
    return None, [
        ContentError(
            source,
            field.name,
            _("„{value}“ ist keine E-Mail-Adresse.").format(value=raw),
            _(
                "Schreiben Sie die Adresse vollständig und ohne Leerzeichen, z. B. „{example}“."
            ).format(example=field.example_line),
        )
    ]


def check_website(source: str, field: Field, raw) -> tuple[str | None, list[ContentError]]:
    """Only http(s) addresses become links; ``javascript:`` and the like never do."""
    if not is_present(raw):
        return None, []
    value = str(raw).strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts and parts.scheme.lower() in ("http", "https") and parts.netloc and " " not in value:
        if "@" not in parts.netloc:
            return value, []
        return None, [
            ContentError(
                source,
                field.name,
                _(
                    "In „{value}“ steht ein „@“ vor dem Namen der Website; so eine Adresse "
                    "führt woandershin, als sie aussieht (zu „{host}“)."
                ).format(value=raw, host=parts.hostname or ""),
                _(
                    "Schreiben Sie nur die Adresse der Website, ohne Benutzername und „@“, "
                    "z. B. „{example}“."
                ).format(example=field.example_line),
            )
        ]
    return None, [
        ContentError(
            source,
            field.name,
            _("„{value}“ ist keine Webadresse, die mit https:// oder http:// beginnt.").format(
                value=raw
            ),
            _("Schreiben Sie die vollständige Adresse, z. B. „{example}“.").format(
                example=field.example_line
            ),
        )
    ]


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
    """Files that would get the same address: each one is named with the others."""
    by_slug: dict[str, list] = {}
    for item in items:
        by_slug.setdefault(item.slug, []).append(item)
    problems = []
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        for item in group:
            others = sorted(
                display_path(other.source_path, content_root)
                for other in group
                if other is not item
            )
            problems.append(
                ContentError(
                    item.source_path,
                    field_name,
                    _("Die Adresse „{url}“ (Slug „{slug}“) ist auch von {others} belegt.").format(
                        url=url_of(item), slug=slug, others=quoted(others)
                    ),
                    _("Geben Sie jeder Datei einen eigenen Slug, z. B. „Slug: {slug}-2“.").format(
                        slug=slug
                    ),
                )
            )
    return problems
