"""Start, End, Duration and Cancelled of a date file as timezone-aware values.

Members write local German time ("2027-02-09 19:00" or "9.2.2027 19:00");
it means Europe/Berlin (``DATES_TIMEZONE``). A time that does not exist
there (the hour skipped when summer time begins) or exists twice (the hour
repeated when it ends) has no clear meaning and is refused, as is a Start
without a time of day. Every function raises :class:`MomentError` with a
German message and hint.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from knotenpunkt.plugins.content_errors.dates import DateFormatError, parse_date
from knotenpunkt.plugins.content_errors.i18n import _

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_TIME_ONLY = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})(?:\s*uhr)?$", re.I)
_DURATION_CLOCK = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})$")
_DURATION_WORDS = re.compile(
    r"^(?:(?P<h>\d+(?:[.,]\d+)?)\s*(?:h|std\.?|stunden?)\s*)?"
    r"(?:(?P<m>\d+)\s*(?:min\.?|minuten?))?$",
    re.I,
)


#: the years a date may lie in (beyond them calendars and time zones break down)
FIRST_YEAR, LAST_YEAR = 2000, 2099
#: the longest Duration (a barcamp weekend fits, a typo in the hours does not)
LONGEST = timedelta(days=14)


class MomentError(ValueError):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _form_hint(field: str) -> str:
    return _("Schreiben Sie Datum und Uhrzeit so: „{field}: 2027-02-09 19:00“.").format(field=field)


def local_moment(value: str, field: str, zone: ZoneInfo) -> datetime:
    """A written date and time as an aware datetime in ``zone``."""
    text = str(value or "").strip()
    try:
        moment = parse_date(text, field)
    except DateFormatError:
        raise MomentError(
            _("„{value}“ ist kein Datum mit Uhrzeit.").format(value=text), _form_hint(field)
        ) from None
    if not _HAS_TIME.search(text):
        raise MomentError(
            _("„{value}“ hat keine Uhrzeit.").format(value=text),
            _("Ergänzen Sie die Uhrzeit, z. B. „{field}: {day} 19:00“.").format(
                field=field, day=text
            ),
        )
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise MomentError(
            _("Das Jahr {year} in „{value}“ kann nicht stimmen.").format(
                year=moment.year, value=text
            ),
            _("Termine liegen zwischen {first} und {last}; prüfen Sie das Jahr.").format(
                first=FIRST_YEAR, last=LAST_YEAR
            ),
        )
    if moment.tzinfo is not None:
        return moment.astimezone(zone)
    return _meaningful(moment, zone, field)


def _meaningful(naive: datetime, zone: ZoneInfo, field: str) -> datetime:
    """``naive`` in ``zone``, refusing skipped and repeated local times."""
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    there_and_back = first.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None)
    if there_and_back != naive:
        raise MomentError(
            _(
                "Die Uhrzeit {time} am {day} gibt es in deutscher Zeit nicht: In dieser Nacht "
                "wird die Uhr auf Sommerzeit vorgestellt."
            ).format(time=naive.strftime("%H:%M"), day=naive.strftime("%d.%m.%Y")),
            _("Wählen Sie eine Uhrzeit ab 03:00 in „{field}“.").format(field=field),
        )
    if first.utcoffset() != second.utcoffset():
        raise MomentError(
            _(
                "Die Uhrzeit {time} am {day} gibt es in deutscher Zeit zweimal: In dieser "
                "Nacht wird die Uhr auf Winterzeit zurückgestellt."
            ).format(time=naive.strftime("%H:%M"), day=naive.strftime("%d.%m.%Y")),
            _("Wählen Sie eine Uhrzeit ab 03:00 in „{field}“.").format(field=field),
        )
    return first


def end_moment(value: str, start: datetime, zone: ZoneInfo) -> datetime:
    """``End``: a full date and time, or only a time on the start's day."""
    text = str(value or "").strip()
    only_time = _TIME_ONLY.match(text)
    if only_time:
        hour, minute = int(only_time["h"]), int(only_time["m"])
        if hour > 23 or minute > 59:
            raise MomentError(
                _("„{value}“ ist keine Uhrzeit.").format(value=text),
                _("Schreiben Sie z. B. „End: 21:00“."),
            )
        naive = start.replace(tzinfo=None, hour=hour, minute=minute, second=0)
        return _meaningful(naive, zone, "End")
    return local_moment(text, "End", zone)


def duration(value: str) -> timedelta:
    """``Duration``: "2 Stunden", "90 Minuten", "1,5 h", "1 Stunde 30 Minuten", "1:30"."""
    text = " ".join(str(value or "").split())
    clock = _DURATION_CLOCK.match(text)
    words = _DURATION_WORDS.match(text) if not clock else None
    length = None
    if clock:
        length = timedelta(hours=int(clock["h"]), minutes=int(clock["m"]))
    elif words and (words["h"] or words["m"]):
        hours = float((words["h"] or "0").replace(",", "."))
        minutes = int(words["m"] or 0)
        # huge numbers would overflow timedelta: anything beyond LONGEST is refused below
        hours, minutes = min(hours, 1e6), min(minutes, 10**8)
        length = timedelta(hours=hours, minutes=minutes)
    if length is not None and length > LONGEST:
        raise MomentError(
            _("„{value}“ ist länger als zwei Wochen.").format(value=text),
            _("Prüfen Sie die Zahl in „Duration“, z. B. „Duration: 2 Stunden“."),
        )
    if length is None or length <= timedelta(0):
        raise MomentError(
            _("„{value}“ ist keine Dauer.").format(value=text),
            _(
                "Schreiben Sie z. B. „Duration: 2 Stunden“, „Duration: 90 Minuten“ oder "
                "„Duration: 1:30“."
            ),
        )
    return length


def cancelled_day(value: str) -> date:
    """One day of ``Cancelled``."""
    text = str(value or "").strip()
    try:
        return parse_date(text, "Cancelled").date()
    except DateFormatError:
        raise MomentError(
            _("„{value}“ ist kein Datum.").format(value=text),
            _("Schreiben Sie jeden ausfallenden Tag als Datum, z. B. „Cancelled: 2027-04-13“."),
        ) from None
