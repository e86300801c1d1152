"""The show's ``podcast:guid``: derived from its first public feed address, kept
when the feed moves, and never inherited from another podcast.

The Podcasting 2.0 namespace derives the GUID from the feed URL (UUIDv5,
:func:`~podcast.settings.guid_for_feed_url`). Derived on every build it would
change with the address, so the first address is kept: when the feed moves,
the old address goes into ``PODCAST_OLD_FEED_URLS`` (oldest first) and the GUID
stays the one of the oldest address. There is no value to copy into
``pelicanconf.py``, so a fork of a site cannot silently carry the original
show's GUID into the Podcast Index.

``PODCAST_GUID`` set by hand is for shows that come from elsewhere. In a
production build a UUIDv5 there must belong to the current or an old feed
address: otherwise it was derived from another podcast's feed (a copied
``pelicanconf.py``), and the build stops with both ways out.
"""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlsplit

from knotenpunkt.plugins.content_errors.errors import ContentError, report
from knotenpunkt.plugins.content_errors.i18n import _

from . import settings as ps

SETTINGS_FILE = "pelicanconf.py"
GUID_FORMAT = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)


def old_feed_urls(settings) -> list[str]:
    """``PODCAST_OLD_FEED_URLS`` as a list (a single string is accepted too);
    reports every entry that is not an absolute http(s) address."""
    value = ps.get(settings, "PODCAST_OLD_FEED_URLS") or []
    if isinstance(value, str):
        value = [value]
    urls = []
    for entry in value:
        text = str(entry).strip()
        parts = urlsplit(text)
        if parts.scheme in ("http", "https") and parts.netloc and " " not in text:
            urls.append(text)
            continue
        report(
            ContentError(
                SETTINGS_FILE,
                "PODCAST_OLD_FEED_URLS",
                _("„{value}“ ist keine vollständige Feed-Adresse.").format(value=text),
                _(
                    "Tragen Sie die frühere Adresse des Feeds so ein, wie Podcast-Apps sie "
                    "abonniert haben, z. B. „https://alt.example.org/podcast/feed.xml“."
                ),
            )
        )
    return urls


def show_guid(settings, old: list[str], production: bool) -> str:
    """The podcast:guid for the feed; reports a GUID taken from another podcast.
    ``old``: the feed's earlier addresses (:func:`old_feed_urls`)."""
    feed = ps.feed_url(settings)
    configured = str(ps.get(settings, "PODCAST_GUID") or "").strip()
    if not configured:
        return ps.guid_for_feed_url(old[0] if old else feed)
    if not GUID_FORMAT.match(configured):
        report(
            ContentError(
                SETTINGS_FILE,
                "PODCAST_GUID",
                _("„{value}“ ist keine gültige podcast:guid.").format(value=configured),
                _(
                    "Eine podcast:guid sieht so aus: 8-4-4-4-12 Zeichen aus 0–9 und a–f. "
                    "Löschen Sie die Zeile PODCAST_GUID, dann wird sie aus der Feed-Adresse "
                    "berechnet."
                ),
            )
        )
        return configured
    if production and _derived_elsewhere(configured, [feed, *old]):
        report(foreign_guid_error(configured, feed))
    return configured.lower()


def _derived_elsewhere(guid: str, addresses: list[str]) -> bool:
    """A UUIDv5 that none of the feed's addresses gives was derived from another
    address. Other versions (a random UUID from a former host) cannot be checked."""
    if uuid.UUID(guid).version != 5:
        return False
    return guid.lower() not in {ps.guid_for_feed_url(address) for address in addresses}


def foreign_guid_error(guid: str, feed: str) -> ContentError:
    return ContentError(
        SETTINGS_FILE,
        "PODCAST_GUID",
        _(
            "Die eingetragene podcast:guid „{guid}“ wurde aus einer anderen Feed-Adresse "
            "berechnet als {feed}. Podcast-Verzeichnisse würden diesen Podcast mit einem "
            "anderen verwechseln."
        ).format(guid=guid, feed=feed),
        _(
            "Ist der Podcast umgezogen, behalten Sie die Zeile PODCAST_GUID und tragen Sie die "
            "frühere Feed-Adresse ein: PODCAST_OLD_FEED_URLS = "
            '["https://alte-adresse.example.org/podcast/feed.xml"] – liegt sie auf dieser '
            "Website, steht dort dann ein Feed mit itunes:new-feed-url, der die Abonnements "
            "umzieht. Ist es ein neuer Podcast (z. B. eine Kopie einer anderen "
            "Netzwerk-Website), löschen Sie die Zeile PODCAST_GUID: Die GUID wird dann aus "
            "der Feed-Adresse berechnet."
        ),
    )


def moved_feed_paths(settings, old: list[str]) -> list[str]:
    """Old feed addresses on this site, as output paths: the build writes a feed
    there with ``itunes:new-feed-url`` so apps subscribed to it move along."""
    site = urlsplit(ps.get(settings, "PODCAST_SITEURL").rstrip("/") + "/")
    current = ps.get(settings, "PODCAST_FEED_PATH").lstrip("/")
    paths = []
    for url in old:
        parts = urlsplit(url)  # http:// and https:// of the same host are the same site
        if parts.netloc.lower() != site.netloc.lower() or not parts.path.startswith(site.path):
            continue
        path = parts.path[len(site.path) :]
        if path and path != current and not path.endswith("/") and ".." not in path.split("/"):
            paths.append(path)
    return paths
