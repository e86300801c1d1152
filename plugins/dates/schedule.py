"""Which occurrences of a date are upcoming, relative to "today" of the build.

"Today" is the build day in the site's time zone, or ``DATES_TODAY`` when
pinned: builds of the same content on the same day give the same pages.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .contents import DateItem, Occurrence


def today(pinned, zone: ZoneInfo) -> date:
    if pinned:
        return pinned if isinstance(pinned, date) else date.fromisoformat(str(pinned))
    return datetime.now(zone).date()


def occurrences_from(item: DateItem, day: date, limit: int) -> list[Occurrence]:
    """Up to ``limit`` occurrences ending on or after ``day``, cancelled days left out."""
    length = item.end - item.start
    zone = item.start.tzinfo
    if item.recurrence is None:
        return [Occurrence(item, item.start, item.end)] if item.end.date() >= day else []
    rule = item.recurrence.rrule(item.start)
    cancelled = set(item.cancelled_days)
    found: list[Occurrence] = []
    moment = datetime.combine(day, time(0, 0), tzinfo=zone) - length
    for start in rule.xafter(moment, inc=True):
        if start.date() in cancelled:
            continue
        start = start.replace(tzinfo=zone)  # the wall-clock time, in local time
        found.append(Occurrence(item, start, start + length))
        if len(found) >= limit:
            break
    return found


def last_occurrence(item: DateItem) -> Occurrence | None:
    """The last occurrence of a finite series (None for an open one)."""
    if item.recurrence is None:
        return Occurrence(item, item.start, item.end)
    if item.recurrence.until is None and item.recurrence.count is None:
        return None
    starts = [s for s in item.recurrence.rrule(item.start) if s.date() not in item.cancelled_days]
    if not starts:
        return Occurrence(item, item.start, item.end)
    return Occurrence(item, starts[-1], starts[-1] + (item.end - item.start))
