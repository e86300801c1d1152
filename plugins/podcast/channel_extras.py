"""The show's optional Podcasting 2.0 settings, checked: podcast:location,
podroll, updateFrequency and txt (see ``settings.py`` for their form).

- ``podcast:podroll`` lists other shows as ``podcast:remoteItem``, whose
  ``feedGuid`` is required: a GUID is used as it is, a feed address gets the
  GUID the namespace derives from it (UUIDv5) and is kept as ``feedUrl``;
- ``podcast:updateFrequency``: a label (≤ 128 characters) and an RFC 5545
  ``rrule`` (checked with python-dateutil), optionally ``complete``;
- ``podcast:txt``: free text (≤ 4000 characters) with a ``purpose`` such as
  ``verify`` (≤ 128 characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from dateutil.rrule import rrulestr
from knotenpunkt.plugins.content_errors.errors import ContentError, report
from knotenpunkt.plugins.content_errors.i18n import _

from . import settings as ps
from .episode_extras import Location, read_location

SETTINGS_FILE = "pelicanconf.py"
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
MAX_LABEL = 128
MAX_TXT = 4000


@dataclass(frozen=True)
class UpdateFrequency:
    label: str
    rrule: str | None = None
    complete: bool = False


def _error(name: str, message: str, hint: str) -> None:
    report(ContentError(SETTINGS_FILE, name, message, hint))


def channel_location(settings) -> Location | None:
    value = ps.get(settings, "PODCAST_LOCATION")
    if not value:
        return None
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        _error(
            "PODCAST_LOCATION",
            _("Der Ort ist nicht richtig angegeben."),
            _('Schreiben Sie z. B. PODCAST_LOCATION = {"name": "Musterstadt", "osm": "R62422"}.'),
        )
        return None
    meta = {
        "location": value.get("name"),
        "locationgeo": value.get("geo"),
        "locationosm": value.get("osm"),
    }
    location, problems = read_location(meta, SETTINGS_FILE)
    for problem in problems:
        problem.field = "PODCAST_LOCATION"
        report(problem)
    return location if not problems else None


def podroll(settings) -> list[dict]:
    """``podcast:remoteItem`` attributes for every entry of ``PODCAST_PODROLL``."""
    items = []
    for entry in ps.get(settings, "PODCAST_PODROLL") or []:
        text = str(entry).strip()
        if UUID.match(text):
            items.append({"feedGuid": text.lower()})
            continue
        parts = urlsplit(text)
        if parts.scheme in ("http", "https") and parts.hostname and " " not in text:
            items.append({"feedGuid": ps.guid_for_feed_url(text), "feedUrl": text})
            continue
        _error(
            "PODCAST_PODROLL",
            _("„{value}“ ist weder eine podcast:guid noch eine Feed-Adresse.").format(value=text),
            _(
                "Tragen Sie für jeden empfohlenen Podcast seine podcast:guid (aus dem Podcast "
                "Index) oder die vollständige Adresse seines Feeds ein."
            ),
        )
    return items


def update_frequency(settings) -> UpdateFrequency | None:
    value = ps.get(settings, "PODCAST_UPDATE_FREQUENCY")
    if not value:
        return None
    if isinstance(value, str):
        value = {"label": value}
    label = str(value.get("label") or "").strip() if isinstance(value, dict) else ""
    example = 'PODCAST_UPDATE_FREQUENCY = {"label": "Einmal im Monat", "rrule": "FREQ=MONTHLY"}'
    if not label or len(label) > MAX_LABEL:
        _error(
            "PODCAST_UPDATE_FREQUENCY",
            _(
                "Es fehlt eine kurze Beschreibung (bis {max} Zeichen), wie oft Folgen erscheinen."
            ).format(max=MAX_LABEL),
            _("Schreiben Sie z. B. {example}.").format(example=example),
        )
        return None
    rule = str(value.get("rrule") or "").strip() or None
    if rule:
        try:
            rrulestr(rule)
            valid = rule.upper().startswith("FREQ=")
        except (ValueError, TypeError):
            valid = False
        if not valid:
            _error(
                "PODCAST_UPDATE_FREQUENCY",
                _("„{value}“ ist keine gültige Wiederholungsregel (RRULE).").format(value=rule),
                _(
                    "Beginnen Sie mit FREQ=, z. B. „FREQ=WEEKLY“ oder „FREQ=MONTHLY;INTERVAL=2“ "
                    "(alle zwei Monate)."
                ),
            )
            return None
    return UpdateFrequency(label, rule, bool(value.get("complete", False)))


def txt_records(settings) -> list[tuple[str, str]]:
    """``PODCAST_TXT`` as (purpose, text) pairs."""
    records = []
    for entry in ps.get(settings, "PODCAST_TXT") or []:
        purpose, text = ("", "")
        if isinstance(entry, list | tuple) and len(entry) == 2:
            purpose, text = (str(entry[0]).strip(), str(entry[1]).strip())
        if purpose and text and len(purpose) <= MAX_LABEL and len(text) <= MAX_TXT:
            records.append((purpose, text))
            continue
        _error(
            "PODCAST_TXT",
            _("Der Eintrag „{value}“ braucht einen Zweck und einen Text.").format(value=entry),
            _(
                'Schreiben Sie jeden Eintrag als Paar (Zweck, Text), z. B. ("verify", '
                '"S6lpp-7ZCn8-dZfGc-OoyaG"); der Zweck höchstens {max} Zeichen.'
            ).format(max=MAX_LABEL),
        )
    return records


@dataclass
class ChannelExtras:
    location: Location | None = None
    podroll: list[dict] | None = None
    update_frequency: UpdateFrequency | None = None
    txt: list[tuple[str, str]] | None = None
    images_srcset: str | None = None  # podcast:images, absolute URLs


def read_channel_extras(settings) -> ChannelExtras:
    """Every optional channel setting, checked (problems are reported)."""
    return ChannelExtras(
        location=channel_location(settings),
        podroll=podroll(settings),
        update_frequency=update_frequency(settings),
        txt=txt_records(settings),
    )
