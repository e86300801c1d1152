"""Wiring: check LEGAL, give the legal pages their templates, expose the data."""

from __future__ import annotations

from knotenpunkt.plugins import content_errors
from knotenpunkt.plugins.content_errors.errors import (
    ERROR,
    WARNING,
    ConfigurationError,
    ContentError,
    report,
    suggest,
)
from knotenpunkt.plugins.content_errors.i18n import _
from pelican import signals

from .settings import FIELDS, field_labels, setting

SETTINGS_FILE = "pelicanconf.py"


def missing_fields(settings) -> list[str]:
    legal = setting(settings, "LEGAL") or {}
    return [
        key for key in setting(settings, "LEGAL_REQUIRED") if not str(legal.get(key) or "").strip()
    ]


def check_settings(settings) -> None:
    """Report unknown keys always, missing required ones when completeness is required."""
    legal = setting(settings, "LEGAL") or {}
    labels = field_labels()
    for key in sorted(set(legal) - set(FIELDS)):
        guess = suggest(key, FIELDS)
        report(
            ConfigurationError(
                SETTINGS_FILE,
                f'LEGAL["{key}"]',
                _("Diese Angabe kennt das Impressum nicht."),
                _("Meinten Sie „{guess}“?").format(guess=guess)
                if guess
                else _("Erlaubt sind: {fields}.").format(fields=", ".join(FIELDS)),
            )
        )
    if not setting(settings, "LEGAL_REQUIRE_COMPLETE"):
        return
    for key in missing_fields(settings):
        report(
            ConfigurationError(
                SETTINGS_FILE,
                f'LEGAL["{key}"]',
                _("Pflichtangabe für das Impressum fehlt: {label}.").format(label=labels[key]),
                _(
                    "Tragen Sie die Angabe im Block LEGAL in pelicanconf.py ein. Ohne "
                    "vollständiges Impressum wird die Website nicht veröffentlicht."
                ),
            )
        )


def assign_templates(generator) -> None:
    settings = generator.settings
    check_settings(settings)
    generator.context["LEGAL"] = setting(settings, "LEGAL") or {}
    generator.context["LEGAL_MISSING"] = missing_fields(settings)
    wanted = {
        setting(settings, "LEGAL_IMPRESSUM_SLUG"): "impressum",
        setting(settings, "LEGAL_PRIVACY_SLUG"): "datenschutz",
    }
    found = set()
    for page in generator.pages:
        template = wanted.get(page.slug)
        if template is None:
            continue
        found.add(page.slug)
        if "template" not in page.metadata:
            page.template = template
    for slug in sorted(set(wanted) - found):
        report(
            ContentError(
                f"{settings['PATH']}/pages/{slug}.md",
                None,
                _(
                    "Die Seite „{slug}“ fehlt; jede Website braucht Impressum und Datenschutz."
                ).format(slug=slug),
                _("Legen Sie die Datei mit „Title:“ und „Slug: {slug}“ an.").format(slug=slug),
                severity=ERROR if setting(settings, "LEGAL_REQUIRE_COMPLETE") else WARNING,
            )
        )


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.page_generator_finalized.connect(assign_templates)
