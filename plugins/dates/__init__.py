"""Dates (Termine) of the network: recurrence in members' words and iCalendar.

Pure building blocks, independent of how dates are read from content:

- :mod:`dates.recurrence` turns a German sentence ("jeden zweiten Dienstag im
  Monat, bis 30.6.2027") into an RFC 5545 recurrence rule.
- :mod:`dates.ical` builds the iCalendar feed of all dates and the ``.ics``
  of one date from plain :class:`dates.ical.DateRecord` objects.

The content type (fields, generator, pages) is wired onto these once the
shared content model exists; the package has no Pelican ``register()`` yet.
"""
