"""The network's dates as iCalendar: the feed of all dates and one ``.ics`` per date.

Built as objects with the ``icalendar`` library from plain
:class:`DateRecord` values, never by string templates. What calendar apps
rely on:

- **Local time with a real VTIMEZONE**: DTSTART/DTEND/EXDATE carry
  ``TZID=Europe/Berlin`` and the calendar holds the matching VTIMEZONE
  (:mod:`dates.vtimezone`), so a meeting at 19:00 stays at 19:00 across the
  change to summer time.
- **Stable UIDs**: a date is recognised by its ``uid``, a UUID written once
  into the date's file (``Uid:``, like an episode's ``Guid:``) and never
  derived from the file name, title or slug. Renaming the file changes
  nothing for subscribers. (A UUIDv5 of site and slug would change with the
  slug unless every old slug were kept in the file; a written-once value is
  simpler and already how episodes work.) :func:`new_uid` makes one.
- **SEQUENCE and LAST-MODIFIED** tell apps that a date changed. DTSTAMP is
  the last modification as well (RFC 5545 allows that for calendars without
  METHOD:REQUEST), never the build time: the same content gives the same
  bytes. :func:`sequence_for` derives a SEQUENCE that grows whenever the
  modification time moves forward.
- **No meeting link**: a :class:`DateRecord` has no field for it on purpose.
  An online date says "online" and points to the date's own page, the only
  place that shows the link.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vDuration
from knotenpunkt.plugins.content_errors.i18n import _

from .recurrence import Recurrence
from .vtimezone import vtimezone

PRODID = "-//Knotenpunkt//Termine//DE"
# Years of VTIMEZONE data after the last dated event of a series without end.
OPEN_SERIES_YEARS = 10
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class DateRecord:
    """One date (or series) as the calendar shows it; all datetimes timezone-aware."""

    uid: str
    title: str
    start: datetime
    end: datetime
    url: str = ""  # absolute address of the date's page
    location: str = ""
    online: bool = False  # the link itself never enters a calendar
    description: str = ""  # plain text (the agenda), no HTML
    recurrence: Recurrence | None = None
    exdates: tuple[date | datetime, ...] = ()  # cancelled occurrences of a series
    sequence: int = 0
    last_modified: datetime | None = None
    organizers: tuple[str, ...] = ()  # names as shown on the site
    cancelled: bool = False  # the whole date (or series) is cancelled


@dataclass(frozen=True)
class CalendarInfo:
    """What the calendar as a whole is called and where it lives."""

    name: str
    url: str = ""  # the page listing the dates
    source: str = ""  # the address of this .ics file
    description: str = ""
    zone: str = "Europe/Berlin"
    language: str = "de"
    refresh_interval: timedelta = timedelta(days=1)  # the site is rebuilt daily
    extra: dict = field(default_factory=dict)


def new_uid() -> str:
    """A fresh UID for a new date's ``Uid:`` field."""
    return str(uuid.uuid4())


def normalise_uid(value: str) -> str:
    """The canonical form of a ``Uid:`` value; ``ValueError`` if it is no UUID."""
    return str(uuid.UUID(str(value).strip()))


def sequence_for(last_modified: datetime | None) -> int:
    """A SEQUENCE that grows with the modification time (minutes since 2020).

    Deterministic and monotonic without any stored state: every edit that
    moves ``Modified:`` forward raises it, so apps replace their copy.
    """
    if last_modified is None:
        return 0
    minutes = (last_modified.astimezone(UTC) - SEQUENCE_EPOCH).total_seconds() // 60
    return max(0, int(minutes))


def _text(value: str) -> str:
    """Member text without control characters (which have no place in iCalendar)."""
    return _CONTROL_CHARACTERS.sub("", value or "").strip()


def local(moment: date | datetime, record: DateRecord, zone: ZoneInfo) -> datetime:
    """``moment`` in ``zone``; a bare day gets the series' local start time."""
    if isinstance(moment, datetime):
        return moment.astimezone(zone)
    start_time = record.start.astimezone(zone).time()
    return datetime.combine(moment, start_time, tzinfo=zone)


def location_text(record: DateRecord) -> str:
    place = _text(record.location)
    if record.online and place:
        return _("{place} und online").format(place=place)
    if record.online:
        return _("Online")
    return place


def description_text(record: DateRecord) -> str:
    """The agenda, then who organises it, the online note and the page's address."""
    parts = [_text(record.description)]
    if record.organizers:
        parts.append(
            _("Organisation: {names}").format(
                names=", ".join(_text(name) for name in record.organizers)
            )
        )
    if record.online:
        parts.append(_("Online-Termin: Den Zugangslink finden Sie auf der Seite des Termins."))
    if record.url:
        parts.append(_("Mehr: {url}").format(url=record.url))
    return "\n\n".join(part for part in parts if part)


def event(record: DateRecord, zone: ZoneInfo) -> Event:
    """The VEVENT of one date or series."""
    component = Event()
    stamp = (record.last_modified or record.start).astimezone(UTC)
    component.add("UID", normalise_uid(record.uid))
    component.add("DTSTAMP", stamp)
    component.add("DTSTART", record.start.astimezone(zone))
    component.add("DTEND", record.end.astimezone(zone))
    component.add("SUMMARY", _text(record.title))
    place = location_text(record)
    if place:
        component.add("LOCATION", place)
    description = description_text(record)
    if description:
        component.add("DESCRIPTION", description)
    if record.url:
        component.add("URL", record.url)
    if record.recurrence is not None:
        component.add("RRULE", record.recurrence.to_vrecur(zone))
        for cancelled in sorted(local(day, record, zone) for day in record.exdates):
            component.add("EXDATE", cancelled)
    for name in record.organizers:
        component.add("CONTACT", _text(name))
    component.add("STATUS", "CANCELLED" if record.cancelled else "CONFIRMED")
    component.add("SEQUENCE", record.sequence)
    if record.last_modified is not None:
        component.add("LAST-MODIFIED", record.last_modified.astimezone(UTC))
    return component


def covered_years(records: Iterable[DateRecord], zone: ZoneInfo) -> tuple[int, int]:
    """First and last year the VTIMEZONE must describe, from the dates alone."""
    first, last = None, None
    for record in records:
        years = [record.start.astimezone(zone).year, record.end.astimezone(zone).year]
        if record.recurrence is not None:
            if record.recurrence.until is not None:
                years.append(record.recurrence.until.year)
            elif record.recurrence.count is None:
                years.append(years[0] + OPEN_SERIES_YEARS)
            else:
                years.append(max(rule.year for rule in record.recurrence.rrule(record.start)))
        first = min([*years, first] if first is not None else years)
        last = max([*years, last] if last is not None else years)
    return (first, last) if first is not None else (2000, 2000)


def build_calendar(records: Iterable[DateRecord], info: CalendarInfo) -> Calendar:
    """A VCALENDAR with the given dates, sorted by start and UID (stable output)."""
    zone = ZoneInfo(info.zone)
    ordered = sorted(records, key=lambda r: (r.start.astimezone(UTC), normalise_uid(r.uid)))
    calendar = Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("NAME", _text(info.name))
    calendar.add("X-WR-CALNAME", _text(info.name))
    calendar.add("X-WR-TIMEZONE", info.zone)
    if info.description:
        calendar.add("DESCRIPTION", _text(info.description))
        calendar.add("X-WR-CALDESC", _text(info.description))
    if info.url:
        calendar.add("URL", info.url)
    if info.source:
        calendar.add("SOURCE", info.source, parameters={"VALUE": "URI"})
    calendar.add("REFRESH-INTERVAL", info.refresh_interval, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(info.refresh_interval).to_ical().decode())
    for key, value in info.extra.items():
        calendar.add(key, value)
    if ordered:
        calendar.add_component(vtimezone(zone, *covered_years(ordered, zone)))
    for record in ordered:
        calendar.add_component(event(record, zone))
    return calendar


def calendar_bytes(records: Iterable[DateRecord], info: CalendarInfo) -> bytes:
    """The ``.ics`` file of these dates (the feed, or one date's download)."""
    return build_calendar(records, info).to_ical()


def exdates_outside_series(record: DateRecord) -> list[date | datetime]:
    """Cancelled days that are not occurrences of the series (a typo in ``Cancelled``)."""
    if record.recurrence is None:
        return list(record.exdates)
    zone = record.start.tzinfo
    rule = record.recurrence.rrule(record.start)
    missing = []
    for day in record.exdates:
        moment = local(day, record, zone)
        if rule.after(moment, inc=True) != moment:
            missing.append(day)
    return missing
