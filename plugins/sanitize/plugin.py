"""Wiring: clean every content object as soon as a reader has produced it."""

from __future__ import annotations

import re
from pathlib import Path

from knotenpunkt.plugins import content_errors
from knotenpunkt.plugins.content_errors import ContentError, report
from knotenpunkt.plugins.content_errors.errors import WARNING
from knotenpunkt.plugins.content_errors.i18n import _
from pelican import signals

from .clean import clean
from .removed import Removal, removed_markup
from .scrolling import focusable_code_blocks
from .settings import setting


def clean_content_object(instance) -> None:
    """Sanitise the body and the (Markdown-rendered) summary of one object."""
    settings = getattr(instance, "settings", None) or {}
    if not setting(settings, "SANITIZE_ENABLED"):
        return
    options = {
        "site_url": settings.get("SITEURL", ""),
        "id_prefix": setting(settings, "SANITIZE_ID_PREFIX"),
    }
    external: list[str] = []
    removed: list[Removal] = []
    # Pelican keeps the Summary: twice (metadata["summary"] and _summary, the
    # same text): clean it once; the findings are reported once either way.
    done: dict[str, str] = {}

    def cleaned(html: str) -> str:
        if html in done:
            return done[html]
        result = clean(html, **options)
        external.extend(result.external_images)
        removed.extend(removed_markup(html))
        done[html] = focusable_code_blocks(result.html, _("Codebeispiel"))
        return done[html]

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
    for removal in dict.fromkeys(removed):
        if source:
            report(removal_warning(source, removal))


def _line_of(source: str, removal: Removal) -> int | None:
    """Where the removed markup is written in the file (first match), if found."""
    try:
        lines = Path(source).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if removal.what == "<h1>":
        pattern = re.compile(r"^\s{0,3}#(?!#)\s|<h1", re.IGNORECASE)
    else:
        pattern = re.compile(re.escape(removal.needle), re.IGNORECASE)
    return next((n for n, line in enumerate(lines, 1) if pattern.search(line)), None)


def removal_warning(source: str, removal: Removal) -> ContentError:
    """Nothing is removed silently: the member learns what and why (issue 12)."""
    if removal.what in ("<script>", "<style>"):
        message = _(
            "„{what}“ wurde samt Inhalt aus dem Text entfernt: Skripte und Stilangaben aus "
            "Inhaltsdateien laufen auf der Website nie."
        )
        hint = _(
            "Löschen Sie es aus der Datei. Ein Video binden Sie ein, indem Sie seinen Link "
            "allein in eine Zeile schreiben."
        )
    elif removal.what == "<h1>":
        message = _(
            "Eine Überschrift der ersten Ebene („# …“) ist dem Seitentitel vorbehalten; "
            "ihr Text erscheint als normaler Absatz."
        )
        hint = _("Schreiben Sie Zwischenüberschriften mit zwei Rauten: „## …“.")
    elif removal.kind == "element":
        message = _(
            "„{what}“ wird auf der Website nicht angezeigt; nur der Text darin bleibt stehen."
        )
        hint = _(
            "Löschen Sie das Element aus der Datei. Ein Video binden Sie ein, indem Sie "
            "seinen Link allein in eine Zeile schreiben."
        )
    elif removal.kind == "attribute":
        message = _(
            "Die Angabe {what} wurde entfernt: Inhaltsdateien dürfen keine Skripte oder "
            "Sonderfunktionen mitbringen."
        )
        hint = _("Löschen Sie die Angabe aus der Datei.")
    elif removal.kind == "address":
        message = _("Ein Link oder Bild mit der Adresse „{what}…“ wurde entfernt.")
        hint = _("Verwenden Sie eine Adresse mit https://, mailto: oder tel:.")
    else:
        message = _("Die Klasse „{what}“ wurde entfernt; die Gestaltung kommt allein vom Theme.")
        hint = _('Löschen Sie class="{what}" aus der Datei.')
    return ContentError(
        source,
        None,
        message.format(what=removal.what),
        hint.format(what=removal.what),
        line=_line_of(source, removal),
        severity=WARNING,
    )


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
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.content_object_init.connect(clean_content_object)
