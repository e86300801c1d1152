"""The content class of a date and the occurrences the lists show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pelican.contents import Content

from .settings import setting


class DateItem(Content):
    """One date file (a single date or a series). After validation the generator sets:

    ``start``/``end`` (aware, local), ``location``, ``online_link`` (only for
    the date's own page), ``organizers`` (content_errors.people.Person),
    ``groups``, ``recurrence`` (dates.recurrence.Recurrence or None),
    ``cancelled_days``, ``registration`` (``{"url": …}`` or ``{"email": …}``),
    ``uid``, ``record`` (dates.ical.DateRecord), ``upcoming`` (the next
    occurrences), ``is_past``, ``ics_url``/``ics_save_as``.
    """

    default_template = "dates/date"
    default_status = "published"

    def _expand_settings(self, key: str, klass: str | None = None) -> str:
        del klass
        key = key.removeprefix("lang_").upper()
        return str(setting(self.settings, f"DATE_{key}")).format(**self.url_format)

    @property
    def is_online(self) -> bool:
        return bool(getattr(self, "online_link", None))


@dataclass(frozen=True)
class Occurrence:
    """One meeting of a date: the date itself, or one day of a series.

    ``title``, ``url`` and ``date`` (the start) are what the home page's
    ``upcoming_dates`` slot reads; ``item`` is the date file it belongs to.
    """

    item: DateItem
    start: datetime
    end: datetime

    @property
    def title(self) -> str:
        return str(self.item.title)

    @property
    def url(self) -> str:
        return self.item.url

    @property
    def date(self) -> datetime:
        return self.start
