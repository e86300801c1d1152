"""Every field of a group file (``content/groups/*.md``), defined once."""

from __future__ import annotations

from knotenpunkt.plugins.content_errors.fields import Field
from knotenpunkt.plugins.content_errors.i18n import N_

#: kinds of group, in the order the overview shows them: value → German name
GROUP_KINDS = {
    "steuerungsgruppe": N_("Steuerungsgruppe"),
    "arbeitsgruppe": N_("Arbeitsgruppe"),
}
#: the overview's heading for each kind
GROUP_KIND_HEADINGS = {
    "steuerungsgruppe": N_("Steuerung"),
    "arbeitsgruppe": N_("Arbeitsgruppen"),
}

GROUP_FIELDS = (
    Field(
        "Title",
        required=True,
        help="Name der Gruppe.",
        example="AG Übergänge",
    ),
    Field(
        "Slug",
        help="Kurzname für die Adresse (netzwerk/<slug>/) und für „Groups:“ in Profilen und "
        "Terminen. Ohne Angabe gilt der Dateiname.",
        example="ag-uebergaenge",
        allowed="Kleinbuchstaben, Ziffern und Bindestriche",
        kind="slug",
    ),
    Field(
        "Kind",
        required=True,
        help="Steuerungsgruppe oder Arbeitsgruppe.",
        example="arbeitsgruppe",
        choices=tuple(GROUP_KINDS),
        kind="choice",
        aliases=("art",),
    ),
    Field(
        "Summary",
        required=True,
        help="Ein Satz zum Zweck der Gruppe, für die Übersicht.",
        example="Wir begleiten Kinder beim Wechsel von der Kita in die Schule.",
    ),
    Field(
        "Contact",
        help="Ansprechperson: Kurzname (Dateiname ohne .md) eines Mitglieds.",
        example="anna-beispiel",
        allowed="ein Dateiname (ohne .md) aus content/members/",
        kind="reference",
        references="member",
        aliases=("kontakt", "ansprechperson"),
    ),
    Field(
        "Rhythm",
        help="Wie oft sich die Gruppe trifft, in Worten.",
        example="jeden ersten Mittwoch im Monat, online",
        aliases=("rhythmus", "treffen"),
    ),
    Field(
        "Status",
        help="„draft“ blendet die Gruppe aus, bis sie fertig ist.",
        example="draft",
        choices=("published", "draft"),
        kind="choice",
    ),
)


def _register_with_content_errors() -> None:
    from knotenpunkt.plugins.content_errors.fields import register_known_fields
    from knotenpunkt.plugins.content_errors.i18n import N_

    from .settings import DEFAULTS

    register_known_fields(
        DEFAULTS["GROUPS_PATHS"][0],
        GROUP_FIELDS,
        label=N_("Gruppe"),
        folders_setting="GROUPS_PATHS",
        plugin=__package__,
    )


_register_with_content_errors()
