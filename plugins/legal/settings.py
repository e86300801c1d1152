"""Settings of the legal plugin, their defaults and the keys of ``LEGAL``."""

from knotenpunkt.plugins.content_errors import config
from knotenpunkt.plugins.content_errors.i18n import _

DEFAULTS = {
    # The provider's data (keys: FIELDS below). Empty: every required field
    # shows "bitte ausfüllen" (development) or stops the build (production).
    "LEGAL": {},
    # Keys of LEGAL that § 5 DDG / § 18 MStV make mandatory for the network.
    "LEGAL_REQUIRED": [
        "name",
        "street",
        "postcode_city",
        "represented_by",
        "email",
        "responsible_for_content",
    ],
    # True in publishconf.py: a missing required field stops the build.
    "LEGAL_REQUIRE_COMPLETE": False,
    # Slugs of the content pages that get the legal templates.
    "LEGAL_IMPRESSUM_SLUG": "impressum",
    "LEGAL_PRIVACY_SLUG": "datenschutz",
}


def field_labels() -> dict[str, str]:
    """Every key of LEGAL with the label members read in messages."""
    return {
        "name": _("Name des Anbieters (z. B. Verein mit Rechtsform)"),
        "street": _("Straße und Hausnummer"),
        "postcode_city": _("Postleitzahl und Ort"),
        "represented_by": _("Vertreten durch"),
        "email": _("E-Mail-Adresse"),
        "phone": _("Telefonnummer"),
        "register": _("Registereintrag (Gericht und Nummer)"),
        "vat_id": _("Umsatzsteuer-Identifikationsnummer"),
        "responsible_for_content": _("Verantwortlich für den Inhalt (Name und Anschrift)"),
        "supervisory_authority": _("Zuständige Datenschutz-Aufsichtsbehörde"),
        "data_protection_officer": _("Datenschutzbeauftragte Person"),
        "hoster": _("Hoster der Website (Name und Anschrift)"),
    }


FIELDS = list(field_labels())


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
