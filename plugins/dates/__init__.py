"""Dates (Termine) of the network: the content type, its pages and iCalendar.

- :mod:`dates.fields` defines the fields of ``content/termine/*.md``;
  :mod:`dates.generator` reads, checks and renders them (settings:
  :mod:`dates.settings`).
- :mod:`dates.recurrence` turns a German sentence ("jeden zweiten Dienstag im
  Monat, bis 30.6.2027") into an RFC 5545 recurrence rule.
- :mod:`dates.ical` builds the iCalendar feed of all dates and the ``.ics``
  of one date from plain :class:`dates.ical.DateRecord` objects.
"""

from .plugin import register

__all__ = ["register"]
