"""The page at /admin/: loads the vendored Decap CMS and our small admin script.

Not indexed (``noindex``; the sitemap leaves /admin/ out), and nothing from
another host: Decap's script, its lazily loaded parts and its configuration
come from this site. What ``knotenpunkt-admin.js`` needs to read and write
Pelican's ``Key: value`` files is embedded as JSON (escaped for a script
element).
"""

from __future__ import annotations

import json
from html import escape

from knotenpunkt.plugins.content_errors.i18n import _


def script_json(data) -> str:
    """JSON that cannot end the script element it sits in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def admin_page(settings, formats: dict, has_backend: bool, language: str) -> str:
    title = _("Inhalte bearbeiten – {site}").format(site=settings.get("SITENAME", ""))
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex, nofollow">',
        '<meta name="referrer" content="no-referrer">',
        '<link rel="icon" href="data:,">',
        f"<title>{escape(title)}</title>",
    ]
    if not has_backend:
        message = _(
            "Das Bearbeiten im Browser ist für diese Website noch nicht eingerichtet. "
            "Die Betreuer:innen der Website finden die Anleitung in docs/mitmachen.md "
            "(„Im Browser bearbeiten“)."
        )
        body = f"<main><h1>{escape(title)}</h1><p>{escape(message)}</p></main>"
        return "\n".join([*head, "</head>", "<body>", body, "</body>", "</html>", ""])
    noscript = _("Zum Bearbeiten im Browser wird JavaScript benötigt.")
    return "\n".join(
        [
            *head,
            '<link href="config.yml" type="text/yaml" rel="cms-config-url">',
            '<script type="application/json" id="knotenpunkt-admin">'
            + script_json({"formats": formats})
            + "</script>",
            '<script src="knotenpunkt-admin.js"></script>',
            '<script src="decap/decap-cms.js"></script>',
            "</head>",
            "<body>",
            f"<noscript><p>{escape(noscript)}</p></noscript>",
            "</body>",
            "</html>",
            "",
        ]
    )
