"""A VTIMEZONE for a zoneinfo zone, with onsets as RFC 5545 defines them.

Why not ``icalendar.Timezone.from_tzinfo``: in icalendar 7.3 it writes the
onset of summer time in Europe/Berlin as ``DTSTART:…T030000``, the wall clock
*after* the change; RFC 5545 §3.6.5 wants the local time in ``TZOFFSETFROM``
(``…T020000``, as the IANA-derived definitions have it). Clients that use the
embedded definition (Outlook, clients without tzdata) would switch an hour
late. This module finds the exact transition instants in ``zoneinfo`` and
writes them with icalendar's own components.

The covered years are given by the caller and derived from the content (the
dates' years), never from the build date, so the output stays deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_DAY = timedelta(days=1)


def transitions(zone: ZoneInfo, first_year: int, last_year: int) -> list[datetime]:
    """UTC instants (to the second) at which ``zone`` changes its offset."""
    found = []
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(zone).utcoffset()
    while moment < end:
        following = moment + _DAY
        if following.astimezone(zone).utcoffset() != offset:
            low, high = moment, following  # offset(low) == old, offset(high) != old
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            found.append(high.replace(microsecond=0))
            offset = high.astimezone(zone).utcoffset()
        moment = following
    return found


def vtimezone(zone: ZoneInfo, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of ``zone`` from 1 January ``first_year`` to the end of ``last_year``."""
    start = datetime(first_year, 1, 1, tzinfo=UTC).astimezone(zone)
    observances: dict[tuple, list[datetime]] = defaultdict(list)
    # the offset in force at the start of the range, as an observance of its own
    initial = start.utcoffset()
    observances[(initial, initial, start.tzname(), bool(start.dst()))].append(
        start.replace(tzinfo=None)
    )
    for instant in transitions(zone, first_year, last_year):
        before = (instant - timedelta(seconds=1)).astimezone(zone)
        after = instant.astimezone(zone)
        offset_from, offset_to = before.utcoffset(), after.utcoffset()
        onset = (instant + offset_from).replace(tzinfo=None)  # wall clock in TZOFFSETFROM
        observances[(offset_from, offset_to, after.tzname(), bool(after.dst()))].append(onset)
    component = Timezone()
    component.add("TZID", zone.key)
    for (offset_from, offset_to, name, is_dst), onsets in observances.items():
        observance = TimezoneDaylight() if is_dst else TimezoneStandard()
        observance.add("DTSTART", onsets[0])
        if onsets[1:]:
            observance.add("RDATE", onsets[1:])
        observance.add("TZNAME", name)
        observance.add("TZOFFSETFROM", offset_from)
        observance.add("TZOFFSETTO", offset_to)
        component.add_component(observance)
    return component
