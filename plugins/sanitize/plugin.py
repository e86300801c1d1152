"""Wiring: clean every content object as soon as a reader has produced it."""

from __future__ import annotations

from pelican import signals

from content_errors import ContentError, report
from content_errors.i18n import _

from .clean import clean
from .scrolling import focusable_code_blocks
from .settings import DEFAULTS


def clean_content_object(instance) -> None:
    """Sanitise the body and the (Markdown-rendered) summary of one object."""
    settings = getattr(instance, "settings", None) or {}
    if not settings.get("SANITIZE_ENABLED", DEFAULTS["SANITIZE_ENABLED"]):
        return
    options = {
        "site_url": settings.get("SITEURL", ""),
        "id_prefix": settings.get("SANITIZE_ID_PREFIX", DEFAULTS["SANITIZE_ID_PREFIX"]),
    }
    external: list[str] = []

    def cleaned(html: str) -> str:
        result = clean(html, **options)
        external.extend(result.external_images)
        return focusable_code_blocks(result.html, _("Codebeispiel"))

    if getattr(instance, "_content", None):
        instance._content = cleaned(instance._content)
    metadata = getattr(instance, "metadata", {})
    if isinstance(metadata.get("summary"), str):
        metadata["summary"] = cleaned(metadata["summary"])
    if isinstance(getattr(instance, "_summary", None), str):
        instance._summary = cleaned(instance._summary)
    source = getattr(instance, "source_path", None)
    for url in dict.fromkeys(external):
        if source:
            report(external_image(source, url))


def external_image(source: str, url: str) -> ContentError:
    """An image from another host would tell that host who reads the page."""
    return ContentError(
        source,
        None,
        _(
            "Das Bild „{url}“ liegt auf einer anderen Website. Beim Anzeigen würde jeder "
            "Browser Daten der Besucher:innen dorthin senden; das ist hier nicht erlaubt."
        ).format(url=url),
        _(
            "Laden Sie das Bild (wenn Sie es verwenden dürfen) nach content/images/ hoch "
            "und schreiben Sie ![Beschreibung]({{static}}/images/bildname.jpg); oder setzen "
            "Sie nur einen Link: [Bild ansehen]({url})."
        ).format(url=url),
    )


def register() -> None:
    signals.content_object_init.connect(clean_content_object)
