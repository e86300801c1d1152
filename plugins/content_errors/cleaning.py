"""Turning raw header values into values: each check written once.

:meth:`Field.clean <fields.Field.clean>` calls :func:`clean_value`; the raw
pass (``lint.py``) and the generators (members, podcast …) use the same
functions, so "required field missing", a closed list of choices, an e-mail
address and a web address are each checked in one place. A problem found by
both the raw pass (which knows the line) and a generator is reported once:
the raw pass runs first and *claims* the field (``errors.ProblemCollector``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .errors import ContentError, canonical_choice, suggest
from .i18n import _

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


def missing_field(field, source: str, message: str | None = None) -> ContentError:
    """A required field is not in the file."""
    return ContentError(
        source,
        field.name,
        message or _("Dieses Pflichtfeld fehlt."),
        _("Ergänzen Sie am Anfang der Datei eine Zeile wie „{example}“.").format(
            example=field.example_line
        ),
    )


def missing_required(source: str, metadata: dict, fields: Iterable) -> list[ContentError]:
    """Every required field of ``fields`` that ``metadata`` lacks."""
    return [f.missing(source) for f in fields if f.required and f.key not in metadata]


def choice_problem(field, value: str) -> tuple[str, str] | None:
    """``(message, hint)`` when ``value`` is not one of ``field.choices``."""
    if canonical_choice(value, field.choices) is not None:
        return None
    close = suggest(value, field.choices)
    if close:
        hint = _("Meinten Sie „{value}“?").format(value=close)
    else:
        hint = _("Erlaubt sind: {choices}.").format(choices=", ".join(field.choices))
        if field.example:
            hint += " " + _("Beispiel: „{example}“.").format(example=field.example_line)
    return _("„{value}“ ist hier kein erlaubter Wert.").format(value=value), hint


def check_choices(source: str, field, raw) -> tuple[list[str], list[ContentError]]:
    """Values from a closed list (Kind, Formats, Status, EpisodeType …), normalised."""
    values, problems = [], []
    for value in split_list(raw):
        problem = choice_problem(field, value)
        if problem:
            problems.append(ContentError(source, field.name, *problem))
            continue
        normal = canonical_choice(value, field.choices)
        if normal not in values:
            values.append(normal)
    if not values and not problems and field.required:
        problems.append(
            ContentError(
                source,
                field.name,
                _("Das Feld ist leer."),
                _("Erlaubt sind: {choices}.").format(choices=", ".join(field.choices))
                + " "
                + _("Beispiel: „{example}“.").format(example=field.example_line),
            )
        )
    return values, problems


def check_email(source: str, field, raw) -> tuple[str | None, list[ContentError]]:
    """An e-mail address (``mailto:`` is dropped); anything else is a problem."""
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


def is_web_address(value: str) -> bool:
    """An absolute http(s) address with a host and no user name: the one URL rule."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return (
        parts.scheme.lower() in ("http", "https")
        and bool(parts.netloc)
        and " " not in value
        and "@" not in parts.netloc
    )


def check_website(source: str, field, raw) -> tuple[str | None, list[ContentError]]:
    """Only http(s) addresses become links; ``javascript:`` and the like never do."""
    if not is_present(raw):
        return None, []
    value = str(raw).strip()
    if is_web_address(value):
        return value, []
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts and parts.scheme.lower() in ("http", "https") and parts.netloc and " " not in value:
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


def clean_value(field, raw, source: str):
    """See :meth:`fields.Field.clean`."""
    if field.choices:
        values, problems = check_choices(source, field, raw)
        return (values if field.multiple else (values[0] if values else None)), problems
    if field.kind == "email":
        return check_email(source, field, raw)
    if field.kind == "url":
        return check_website(source, field, raw)
    if field.multiple:
        return split_list(raw), []
    if not is_present(raw):
        return None, []
    return str(raw).strip(), []


def unknown_slug(source: str, field: str, slug: str, known, folder: str) -> ContentError:
    """``slug`` names no file in ``folder``; "Meinten Sie" the nearest of ``known``."""
    nearest = suggest(slug, known)
    hint = (_("Meinten Sie „{nearest}“?").format(nearest=nearest) + " " if nearest else "") + _(
        "Schreiben Sie den Dateinamen ohne .md aus {folder}."
    ).format(folder=folder)
    return ContentError(
        source,
        field,
        _("„{slug}“ gibt es nicht in {folder}.").format(slug=slug, folder=folder),
        hint,
    )
