"""Checks of one date file's fields; each returns values and ContentErrors.

Every message is German, names the field and says how to fix it.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from knotenpunkt.plugins.channels.urls import https_url_problem
from knotenpunkt.plugins.content_errors import ContentError
from knotenpunkt.plugins.content_errors.cleaning import EMAIL, is_present, split_list, unknown_slug
from knotenpunkt.plugins.content_errors.i18n import _

from . import moments
from .ical import normalise_uid
from .recurrence import RecurrenceError, check_start, parse_recurrence

#: a series with an end lies within these bounds (a hostile "bis 9999" would
#: make every build list and describe millions of meetings)
MAX_SERIES_YEARS = 10
MAX_SERIES_COUNT = 500


def _problem(source, field, error) -> ContentError:
    return ContentError(source, field, error.message, error.hint)


def times(source: str, metadata: dict, zone: ZoneInfo) -> tuple:
    """(start, end) or (None, None) with the problems."""
    try:
        start = moments.local_moment(metadata.get("start"), "Start", zone)
    except moments.MomentError as error:
        return None, None, [_problem(source, "Start", error)]

    def without_end(field: str, message: str, hint: str) -> tuple:
        return start, None, [ContentError(source, field, message, hint)]

    has_end, has_duration = is_present(metadata.get("end")), is_present(metadata.get("duration"))
    if has_end and has_duration:
        return without_end(
            "Duration",
            _("Der Termin hat ein Ende (End) und eine Dauer (Duration)."),
            _("Behalten Sie nur eine der beiden Zeilen."),
        )
    if not has_end and not has_duration:
        return without_end(
            "End",
            _("Es fehlt, wann der Termin endet."),
            _("Ergänzen Sie „End: 21:00“ oder „Duration: 2 Stunden“."),
        )
    try:
        if has_end:
            end = moments.end_moment(metadata["end"], start, zone)
        else:
            end = start + moments.duration(metadata["duration"])
    except moments.MomentError as error:
        return start, None, [_problem(source, "End" if has_end else "Duration", error)]
    if end <= start:
        return without_end(
            "End",
            _("Das Ende ({end}) liegt nicht nach dem Beginn ({start}).").format(
                end=end.strftime("%d.%m.%Y %H:%M"), start=start.strftime("%d.%m.%Y %H:%M")
            ),
            _("Prüfen Sie „Start“ und „End“: Das Ende muss später sein als der Beginn."),
        )
    if end - start > timedelta(days=14):
        return without_end(
            "End",
            _("Der Termin dauert länger als zwei Wochen."),
            _("Prüfen Sie das Jahr und den Monat in „End“."),
        )
    return start, end, []


def recurrence(source: str, metadata: dict, start) -> tuple:
    if not is_present(metadata.get("recurrence")):
        return None, []
    try:
        rule = parse_recurrence(str(metadata["recurrence"]))
        if start is not None:
            check_start(rule, start)
    except RecurrenceError as error:
        return None, [_problem(source, "Recurrence", error)]
    too_long = (rule.count or 0) > MAX_SERIES_COUNT or (
        rule.until is not None
        and start is not None
        and rule.until > start.date() + timedelta(days=365 * MAX_SERIES_YEARS)
    )
    if too_long:
        return None, [
            ContentError(
                source,
                "Recurrence",
                _(
                    "Die Reihe „{text}“ ist zu lang: höchstens {years} Jahre oder {count} Termine."
                ).format(text=rule.text, years=MAX_SERIES_YEARS, count=MAX_SERIES_COUNT),
                _(
                    "Lassen Sie das Ende weg (die Reihe läuft dann weiter) oder wählen Sie ein "
                    "näheres Enddatum."
                ),
            )
        ]
    return rule, []


def cancelled(source: str, metadata: dict, rule, start) -> tuple:
    """The cancelled days; each must be a day of the series."""
    values = split_list(metadata.get("cancelled"))
    if not values:
        return [], []
    if rule is None:
        return [], [
            ContentError(
                source,
                "Cancelled",
                _(
                    "„Cancelled“ gilt nur für regelmäßige Termine, dieser Termin hat keine Wiederholung."
                ),
                _(
                    "Fällt ein einzelner Termin aus, schreiben Sie das in den Titel oder löschen "
                    "Sie die Datei; bei einer Reihe ergänzen Sie „Recurrence“."
                ),
            )
        ]
    days, problems = [], []
    for value in values:
        try:
            days.append(moments.cancelled_day(value))
        except moments.MomentError as error:
            problems.append(_problem(source, "Cancelled", error))
    if start is None:
        return days, problems
    series = rule.rrule(start)
    for day in days:
        moment = start.replace(year=day.year, month=day.month, day=day.day)
        if series.after(moment, inc=True) != moment:
            problems.append(
                ContentError(
                    source,
                    "Cancelled",
                    _("Am {day} findet kein Termin dieser Reihe statt („{rule}“).").format(
                        day=day.strftime("%d.%m.%Y"), rule=rule.text
                    ),
                    _("Tragen Sie in „Cancelled“ nur Tage ein, an denen die Reihe stattfände."),
                )
            )
    return days, problems


def online(source: str, metadata: dict) -> tuple:
    if not is_present(metadata.get("online")):
        return None, []
    problem = https_url_problem(str(metadata["online"]))
    if problem:
        return None, [ContentError(source, "Online", problem.message, problem.hint)]
    return str(metadata["online"]).strip(), []


def registration(source: str, metadata: dict) -> tuple:
    if not is_present(metadata.get("registration")):
        return None, []
    value = str(metadata["registration"]).strip().removeprefix("mailto:")
    if "://" not in value and EMAIL.match(value):
        return {"email": value}, []
    if "://" in value and https_url_problem(value) is None:
        return {"url": value}, []
    return None, [
        ContentError(
            source,
            "Registration",
            _("„{value}“ ist weder ein https-Link noch eine E-Mail-Adresse.").format(value=value),
            _(
                "Schreiben Sie den Anmeldelink vollständig mit https:// oder eine E-Mail-Adresse, "
                "z. B. „Registration: anmeldung@netzwerk.example.org“."
            ),
        )
    ]


def uid(source: str, metadata: dict) -> tuple:
    if not is_present(metadata.get("uid")):
        return None, []  # the required-field check reports it
    try:
        return normalise_uid(str(metadata["uid"])), []
    except ValueError:
        return None, [
            ContentError(
                source,
                "Uid",
                _("„{value}“ ist keine gültige Kennung (UUID).").format(value=metadata["uid"]),
                _(
                    "Legen Sie neue Termine mit „make date TITLE=…“ an, dann stimmt die Uid; "
                    "eine bestehende Uid nie ändern."
                ),
            )
        ]


def references(source: str, field: str, raw, known: dict, what: str) -> tuple:
    """Member or group slugs: the known objects, and a "Meinten Sie" for the others."""
    found, problems = [], []
    for slug in split_list(raw):
        key = slug.strip().lower()
        if key in known:
            found.append(known[key])
            continue
        problems.append(unknown_slug(source, field, slug, known, what))
    return found, problems
