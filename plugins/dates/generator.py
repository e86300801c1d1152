"""The dates generator: reads and checks ``content/termine/``, writes pages and calendars.

``generate_context`` reads every date file through Pelican's readers, checks
its fields (all problems reported together through ``content_errors``) and
works out the upcoming occurrences relative to "today" (``DATES_TODAY``).
It provides ``upcoming_dates`` (for the home page), ``dates``, ``dates_url``
and ``dates_feed_url`` to every template and gives each member (organiser)
and group an ``upcoming_dates`` list. ``generate_output`` renders:

=====================  ==================  =========================================
output                 template            variables
=====================  ==================  =========================================
DATES_SAVE_AS          dates/index.html    upcoming (occurrences), past (dates)
DATE_SAVE_AS (each)    dates/date.html     date, occurrences, event_data
DATE_ICS_SAVE_AS       (iCalendar)         the date alone
DATES_FEED_SAVE_AS     (iCalendar)         every published date
=====================  ==================  =========================================
"""

from __future__ import annotations

import functools
import os
from datetime import UTC
from zoneinfo import ZoneInfo

from knotenpunkt.plugins.content_errors import ContentError, report
from knotenpunkt.plugins.content_errors.cleaning import missing_required
from knotenpunkt.plugins.content_errors.folder import FolderGenerator
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.people import people_of
from knotenpunkt.plugins.i18n.slugs import german_slug
from markupsafe import Markup

from . import jsonld, schedule, validate
from .contents import DateItem
from .fields import DATE_FIELDS
from .ical import CalendarInfo, DateRecord, calendar_bytes, sequence_for
from .settings import setting

#: where a date's organisers and groups come from, for messages
MEMBERS_FOLDER = "content/members/"
GROUPS_FOLDER = "content/groups/"


class DatesGenerator(FolderGenerator):
    def __init__(self, *args, **kwargs) -> None:
        self.dates: list[DateItem] = []
        self.upcoming: list = []  # occurrences, soonest first
        self.past: list[DateItem] = []  # latest first
        super().__init__(*args, **kwargs)

    def setting(self, name: str):
        return setting(self.settings, name)

    def slug(self, text: str) -> str:
        return german_slug(text, self.settings)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.setting("DATES_TIMEZONE"))

    # -- reading ------------------------------------------------------------
    def generate_context(self) -> None:
        items = self.read_folder(self.setting("DATES_PATHS"), DateItem)
        self.save_cache()
        self.readers.save_cache()
        people = {slug.lower(): person for slug, person in people_of(self.context).items()}
        groups = {slug.lower(): g for slug, g in (self.context.get("groups_by_slug") or {}).items()}
        problems = []
        for item in items:
            item.slug = self.file_slug(item, self.slug)
            problems += self.prepare(item, people, groups)
        seen: dict[str, DateItem] = {}
        for item in items:
            if item.uid and item.uid in seen:
                problems.append(
                    ContentError(
                        item.source_path,
                        "Uid",
                        _("Diese Uid hat schon {other}.").format(
                            other="content/"
                            + os.path.relpath(seen[item.uid].source_path, self.path)
                        ),
                        _(
                            "Jeder Termin braucht eine eigene Uid; legen Sie neue Termine mit "
                            "„make date TITLE=…“ an."
                        ),
                    )
                )
            seen.setdefault(item.uid, item)
        for problem in problems:
            report(problem)
        if any(problem.is_error for problem in problems):
            return  # the build stops after all generators have read their content

        self.dates = [item for item in items if item.status == "published"]
        day = schedule.today(self.setting("DATES_TODAY"), self.zone)
        per_series = self.setting("DATES_SERIES_OCCURRENCES")
        upcoming = []
        for item in self.dates:
            item.upcoming = schedule.occurrences_from(item, day, per_series)
            item.is_past = not item.upcoming
            upcoming += item.upcoming
        upcoming.sort(key=lambda o: (o.start, o.item.uid))
        past = sorted(
            (item for item in self.dates if item.is_past),
            key=lambda item: (schedule.last_occurrence(item).start, item.uid),
            reverse=True,
        )
        count = self.setting("DATES_UPCOMING_COUNT")
        self.upcoming, self.past = upcoming, past
        members = self.context.get("members_by_slug") or {}
        for member in members.values():
            member.upcoming_dates = [
                o for o in upcoming if member.slug in [p.slug for p in o.item.organizers]
            ][:count]
        for group in groups.values():
            group.upcoming_dates = [o for o in upcoming if group in o.item.groups][:count]
            group.dates = [item for item in self.dates if group in item.groups]
        if items:
            # a site without date files keeps whatever its settings put in the slot
            self.context["upcoming_dates"] = upcoming[:count]
        self.context.update(
            dates=self.dates,
            dates_url=self.setting("DATES_URL"),
            dates_feed_url=self.setting("DATES_FEED_URL"),
        )

    def prepare(self, item: DateItem, people: dict, groups: dict) -> list:
        source, metadata = item.source_path, item.metadata
        problems = missing_required(source, metadata, DATE_FIELDS)
        item.start, item.end, found = validate.times(source, metadata, self.zone)
        problems += found
        item.recurrence, found = validate.recurrence(source, metadata, item.start)
        problems += found
        item.cancelled_days, found = validate.cancelled(
            source, metadata, item.recurrence, item.start
        )
        problems += found
        item.online_link, found = validate.online(source, metadata)
        problems += found
        item.location = str(metadata.get("location") or "").strip()
        if not item.location and not item.online_link and "online" not in metadata:
            problems.append(
                ContentError(
                    source,
                    "Location",
                    _("Es fehlt, wo der Termin stattfindet."),
                    _("Ergänzen Sie „Location: …“ mit der Adresse oder „Online: https://…“."),
                )
            )
        item.registration, found = validate.registration(source, metadata)
        problems += found
        item.uid, found = validate.uid(source, metadata)
        problems += found
        item.organizers, found = validate.references(
            source, "Organizers", metadata.get("organizers"), people, MEMBERS_FOLDER
        )
        problems += found
        item.groups, found = validate.references(
            source, "Groups", metadata.get("groups"), groups, GROUPS_FOLDER
        )
        problems += found
        item.ics_url = self.setting("DATE_ICS_URL").format(slug=item.slug)
        item.ics_save_as = self.setting("DATE_ICS_SAVE_AS").format(slug=item.slug)
        return problems

    # -- writing ------------------------------------------------------------
    def absolute(self, path: str) -> str:
        """An absolute address, or "" in development builds (no SITEURL)."""
        base = str(self.settings.get("SITEURL") or "").rstrip("/")
        return f"{base}/{path}" if base.startswith(("https://", "http://")) else ""

    def record(self, item: DateItem) -> DateRecord:
        modified = getattr(item, "modified", None)
        if modified is not None and modified.tzinfo is None:
            modified = modified.replace(tzinfo=self.zone)
        agenda = Markup(item.content or "").striptags()
        return DateRecord(
            uid=item.uid,
            title=str(item.title),
            start=item.start,
            end=item.end,
            url=self.absolute(item.url),
            location=item.location,
            online=item.is_online,
            description=agenda,
            recurrence=item.recurrence,
            exdates=tuple(item.cancelled_days),
            sequence=sequence_for(modified.astimezone(UTC) if modified else None),
            last_modified=modified.astimezone(UTC) if modified else None,
            organizers=tuple(person.name for person in item.organizers),
        )

    def calendar_info(self, url: str, source: str, name: str) -> CalendarInfo:
        return CalendarInfo(
            name=name,
            url=self.absolute(url),
            source=self.absolute(source),
            zone=self.setting("DATES_TIMEZONE"),
            language=str(self.settings.get("DEFAULT_LANG") or "de"),
        )

    def write_calendar(self, save_as: str, records, info: CalendarInfo) -> None:
        path = os.path.join(self.output_path, save_as)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(calendar_bytes(records, info))

    def generate_output(self, writer) -> None:
        write = functools.partial(self.write_page, writer, self.setting("DATES_URL"))

        sitename = str(self.settings.get("SITENAME") or "")
        write(
            self.setting("DATES_SAVE_AS"),
            "dates/index",
            self.setting("DATES_URL"),
            upcoming=self.upcoming,
            past=self.past,
        )
        for item in self.dates:
            write(
                item.save_as,
                item.template,
                item.url,
                date=item,
                event_data=functools.partial(jsonld.event, item),
            )
            self.write_calendar(
                item.ics_save_as,
                [self.record(item)],
                self.calendar_info(item.url, item.ics_url, f"{item.title} – {sitename}"),
            )
        self.write_calendar(
            self.setting("DATES_FEED_SAVE_AS"),
            [self.record(item) for item in self.dates],
            self.calendar_info(
                self.setting("DATES_URL"),
                self.setting("DATES_FEED_URL"),
                _("{site} – Termine").format(site=sitename),
            ),
        )
