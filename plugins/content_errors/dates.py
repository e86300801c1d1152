"""Strict reading of the ``Date:`` and ``Modified:`` fields.

Pelican hands dates to dateutil, which guesses: ``1.3.2026`` becomes the 3rd
of January (US order) and ``gestern`` may become today. Members write dates
either as ISO (``2026-03-01 10:00``) or in German notation (``1.3.2026``);
both are unambiguous, everything else is rejected with a clear message.
"""

from __future__ import annotations

import calendar
import datetime
import re

ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T_](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?$"
)
GERMAN = re.compile(
    r"^(?P<d>\d{1,2})\.\s*(?P<m>\d{1,2})\.\s*(?P<y>\d{4})"
    r"(?:,?\s+(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*Uhr)?)?$"
)


class DateFormatError(ValueError):
    """A date a member wrote that cannot be read unambiguously."""

    def __init__(self, field: str, value: str) -> None:
        super().__init__(value)
        self.field = field
        self.value = value


class ImpossibleDateError(DateFormatError):
    """Written in a valid notation, but the day does not exist (31.02.2026, 2026-13-01)."""

    def __init__(self, field: str, value: str, year: int, month: int, day: int) -> None:
        super().__init__(field, value)
        self.year, self.month, self.day = year, month, day

    @property
    def days_in_month(self) -> int | None:
        """How many days the month has, or None when the month itself does not exist."""
        if not 1 <= self.month <= 12:
            return None
        return calendar.monthrange(self.year, self.month)[1]


def parse_date(value: str, field: str = "Date") -> datetime.datetime:
    text = value.strip()
    match = ISO.match(text) or GERMAN.match(text)
    if not match:
        raise DateFormatError(field, text)
    parts = match.groupdict()
    year, month, day = int(parts["y"]), int(parts["m"]), int(parts["d"])
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise ImpossibleDateError(field, text, year, month, day) from None
    try:
        moment = datetime.datetime(
            year,
            month,
            day,
            int(parts.get("H") or 0),
            int(parts.get("M") or 0),
            int(parts.get("S") or 0),
        )
    except ValueError:  # the day exists, the time of day does not (25:00)
        raise DateFormatError(field, text) from None
    offset = parts.get("tz")
    if offset:
        if offset == "Z":
            zone = datetime.UTC
        else:
            sign = 1 if offset[0] == "+" else -1
            digits = offset[1:].replace(":", "")
            zone = datetime.timezone(
                sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            )
        moment = moment.replace(tzinfo=zone)
    return moment


#: the metadata keys read with :func:`parse_date`, and how members spell them
DATE_FIELDS = {"date": "Date", "modified": "Modified"}


class StrictDatesMixin:
    """For a Pelican reader class: ``Date`` and ``Modified`` go through :func:`parse_date`.

    Pelican's readers call ``process_metadata`` for every key; overriding it
    in the reader subclasses the ``readers_init`` signal installs (see
    ``guarded_reader.py``) is Pelican's public route, and leaves the
    process-wide ``readers.METADATA_PROCESSORS`` untouched.
    """

    def process_metadata(self, name, value):
        if name in DATE_FIELDS and isinstance(value, str):
            return parse_date(value, DATE_FIELDS[name])
        return super().process_metadata(name, value)
