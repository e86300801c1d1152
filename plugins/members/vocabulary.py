"""The closed lists of values members choose from, with their display names.

Keys are what members write in their files; values are the German display
names (templates pass them through ``_()`` for other languages). Competences
are not listed here: they are files in ``content/competences/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from knotenpunkt.plugins.content_errors.i18n import N_

KINDS = {
    "person": N_("Person"),
    "organisation": N_("Organisation"),
}

FORMATS = {
    "praesenz": N_("Vor Ort"),
    "online": N_("Online"),
}

STATUSES = ("published", "draft")

# Roles are free text; these known ones get a nicer display name.
ROLE_NAMES = {
    "moderation": N_("Moderation"),
    "koordination": N_("Koordination"),
    "fortbildung": N_("Fortbildung"),
    "mentoring": N_("Mentoring"),
    "vorstand": N_("Vorstand"),
}


@dataclass(frozen=True)
class Role:
    """A role as shown on the profile.

    Only the known roles are message ids: templates pass ``name`` through
    ``_()`` when ``translatable`` is true. Free text must never go through
    ``_()``, because Jinja marks what gettext returns as safe HTML.
    """

    name: str
    translatable: bool

    def __str__(self) -> str:
        return self.name


def role_name(role: str) -> Role:
    known = ROLE_NAMES.get(role.lower())
    if known is not None:
        return Role(known, True)
    return Role(role[:1].upper() + role[1:], False)
