"""Is it a public https address? One check for every configured or member link.

Used for the network's channels and meant for members' own ``Links:``: the
value must be a complete ``https://`` address of a host with a domain, with
no spaces, no user name before the host (``https://bank.example@evil.example``
misleads readers) and nothing a browser would run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from knotenpunkt.plugins.content_errors.i18n import _

_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}\.?$", re.I)
_EXAMPLE = "https://social.example/@netzwerk"


@dataclass(frozen=True)
class UrlProblem:
    """What is wrong with an address and how to fix it (German, for members)."""

    message: str
    hint: str


def https_url_problem(value: object) -> UrlProblem | None:
    """``None`` for a good ``https://`` address, else what is wrong with it."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return UrlProblem(
            _("Die Adresse fehlt."),
            _("Tragen Sie die vollständige Adresse ein, z. B. „{example}“.").format(
                example=_EXAMPLE
            ),
        )
    if re.search(r"[\s\x00-\x1f\x7f\\<>\"]", text):
        return UrlProblem(
            _("„{value}“ enthält Leerzeichen oder Zeichen, die in keiner Adresse stehen.").format(
                value=text
            ),
            _("Kopieren Sie die Adresse direkt aus der Adresszeile des Browsers."),
        )
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "http":
        return UrlProblem(
            _("„{value}“ ist nicht verschlüsselt (http).").format(value=text),
            _("Schreiben Sie die Adresse mit „https://“ am Anfang."),
        )
    if scheme != "https":
        return UrlProblem(
            _("„{value}“ ist keine vollständige Internetadresse.").format(value=text),
            _("Die Adresse muss mit „https://“ beginnen, z. B. „{example}“.").format(
                example=_EXAMPLE
            ),
        )
    if "@" in parts.netloc:
        return UrlProblem(
            _("„{value}“ enthält vor dem Servernamen einen Namen mit „@“.").format(value=text),
            _("Schreiben Sie die Adresse ohne Namen vor dem Server, z. B. „{example}“.").format(
                example=_EXAMPLE
            ),
        )
    try:
        port = parts.port
    except ValueError:
        port = -1
    if not _HOST.match(parts.hostname or "") or port == -1:
        return UrlProblem(
            _("„{value}“ nennt keinen gültigen Server.").format(value=text),
            _("Prüfen Sie den Teil nach „https://“, z. B. „{example}“.").format(example=_EXAMPLE),
        )
    return None


def https_url_problems(values: Iterable[object]) -> list[tuple[int, object, UrlProblem]]:
    """Every bad address of a list as (position from 0, value, problem)."""
    found = []
    for index, value in enumerate(values):
        problem = https_url_problem(value)
        if problem is not None:
            found.append((index, value, problem))
    return found
