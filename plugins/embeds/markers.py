"""Find ``[embed provider URL]`` markers in rendered HTML and replace them."""

from __future__ import annotations

import html
import re

from knotenpunkt.plugins.content_errors.errors import ContentError, report, suggest
from knotenpunkt.plugins.content_errors.i18n import _
from markupsafe import Markup, escape

from .providers import NAMES, resolve

# Markdown renders a marker on its own line as a paragraph of its own.
MARKER = re.compile(r"<p>\s*\[embed\b([^<\]]*)\]\s*</p>")


def placeholder(embed) -> str:
    """The consent notice; consent-embed.js turns it into the player on click."""
    name = embed.name
    title = _("Eingebetteter Inhalt von {provider}").format(provider=name)
    notice = _(
        "Hier ist ein Inhalt von {provider} eingebunden. Erst wenn Sie ihn laden, "
        "stellt Ihr Browser eine Verbindung zu {provider} her und überträgt dabei "
        "Daten wie Ihre IP-Adresse."
    ).format(provider=name)
    link = _("Bei {provider} ansehen").format(provider=name)
    button = _("Inhalt von {provider} laden").format(provider=name)
    return str(
        Markup(
            '<figure class="embed" data-embed-provider="{p}" data-embed-src="{src}" '
            'data-embed-title="{title}">'
            '<p class="embed__notice">{notice}</p>'
            '<p class="embed__actions"><button type="button" class="button embed__load" hidden>'
            "{button}</button> "
            '<a class="embed__link" href="{href}">{link}</a></p>'
            "</figure>"
        ).format(
            p=embed.provider,
            src=embed.embed_url,
            title=title,
            notice=notice,
            button=button,
            href=embed.page_url,
            link=link,
        )
    )


def replace_markers(text: str, source_path: str) -> str:
    """``text`` with every valid marker replaced; each invalid one is reported."""

    def substitute(match: re.Match) -> str:
        written = html.unescape(match.group(0))
        parts = html.unescape(match.group(1)).split()
        if len(parts) != 2:
            report(
                ContentError(
                    source_path,
                    None,
                    _("Die Einbettung „{marker}“ ist unvollständig.").format(
                        marker=_strip_tags(written)
                    ),
                    _(
                        "Schreiben Sie in eine eigene Zeile: [embed Anbieter Adresse], "
                        "z. B. [embed youtube https://www.youtube.com/watch?v=…]. "
                        "Anbieter: {providers}."
                    ).format(providers=", ".join(NAMES)),
                )
            )
            return match.group(0)
        provider, address = parts[0].lower(), parts[1]
        if provider not in NAMES:
            guess = suggest(provider, NAMES)
            hint = _("Unterstützt werden: {providers}.").format(providers=", ".join(NAMES))
            if guess:
                hint = _("Meinten Sie „{guess}“?").format(guess=guess) + " " + hint
            report(
                ContentError(
                    source_path,
                    None,
                    _("„{provider}“ ist kein unterstützter Anbieter für Einbettungen.").format(
                        provider=parts[0]
                    ),
                    hint,
                )
            )
            return match.group(0)
        embed = resolve(provider, address)
        if embed is None:
            report(
                ContentError(
                    source_path,
                    None,
                    _("„{address}“ ist keine gültige Adresse bei {provider}.").format(
                        address=address, provider=NAMES[provider]
                    ),
                    _(
                        "Kopieren Sie die Adresse (beginnend mit https://) aus der "
                        "Adresszeile des Browsers, während der Inhalt bei {provider} geöffnet ist."
                    ).format(provider=NAMES[provider]),
                )
            )
            return match.group(0)
        return placeholder(embed)

    return MARKER.sub(substitute, text)


def _strip_tags(text: str) -> str:
    return str(escape(re.sub(r"<[^>]+>", "", text)).unescape()).strip()
