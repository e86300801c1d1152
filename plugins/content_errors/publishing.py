"""The public address of a production build: present, https, a real host, not the sample's.

Every absolute link of a published site (canonical links, sitemap, feed
enclosures, the podcast feed's own address) is built from ``SITEURL``. A
wrong one is invisible while building and costly afterwards: podcast apps
and search engines remember it. So ``make publish`` refuses it up front.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .errors import ConfigurationError
from .i18n import N_, _
from .settings import setting

#: where a network sets its address; named in every message
WHERE = N_(
    "Setzen Sie SITEURL in publishconf.py (SITEURL = „https://ihr-netzwerk.de“) oder beim "
    "Veröffentlichen als Umgebungsvariable: SITEURL=https://ihr-netzwerk.de make publish. "
    "In GitHub Actions oder GitLab CI legen Sie dafür eine Variable SITEURL an."
)

# RFC 2606 / RFC 6761: names that can never be a network's public address.
RESERVED_DOMAINS = ("example.org", "example.com", "example.net")
RESERVED_TLDS = ("example", "test", "invalid", "localhost", "local")
LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def host_is_valid(host: str) -> bool:
    """A DNS name of at least two labels (IDN allowed), letters, digits and hyphens."""
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_host.lower().split(".")
    return len(labels) >= 2 and all(LABEL.match(label) for label in labels)


def is_reserved(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host.rsplit(".", 1)[-1] in RESERVED_TLDS or any(
        host == domain or host.endswith("." + domain) for domain in RESERVED_DOMAINS
    )


def siteurl_problem(site_url: str, *, allow_http: bool, allow_example: bool) -> str | None:
    """What is wrong with ``site_url`` as a public address, in German; None if nothing."""
    if not site_url.strip():
        return _("Die öffentliche Adresse der Website fehlt.")
    if any(c.isspace() for c in site_url):
        return _("„{value}“ enthält Leerzeichen; eine Internetadresse hat keine.").format(
            value=site_url
        )
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return _("„{value}“ ist keine vollständige Internetadresse.").format(value=site_url)
    if parts.scheme == "http" and not allow_http:
        return _(
            "„{value}“ beginnt mit http://; Besucher:innen und Podcast-Apps brauchen "
            "eine verschlüsselte Adresse mit https://. Nur wenn Ihr Webspace wirklich kein "
            "https kann: PUBLISH_ALLOW_HTTP = True in publishconf.py."
        ).format(value=site_url)
    if parts.username is not None or parts.query or parts.fragment:
        return _(
            "„{value}“ enthält Zugangsdaten, „?“ oder „#“; die Adresse der Website besteht "
            "nur aus https://, dem Namen und höchstens einem Pfad."
        ).format(value=site_url)
    host = parts.hostname or ""
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return _("„{value}“ hat eine ungültige Portnummer.").format(value=site_url)
    if not host_is_valid(host):
        return _("„{host}“ ist kein gültiger Name einer Website.").format(host=host)
    if is_reserved(host) and not allow_example:
        return _(
            "„{value}“ ist eine Beispieladresse (wie die des Beispielnetzwerks), keine "
            "echte Adresse Ihres Netzwerks."
        ).format(value=site_url)
    return None


def check_production_settings(settings: dict, report) -> None:
    """Report a SITEURL a production build must not publish with."""
    problem = siteurl_problem(
        settings.get("SITEURL") or "",
        allow_http=bool(setting(settings, "PUBLISH_ALLOW_HTTP")),
        allow_example=bool(setting(settings, "PUBLISH_ALLOW_EXAMPLE_ADDRESS")),
    )
    if problem:
        report(ConfigurationError("publishconf.py", "SITEURL", problem, _(WHERE)))
