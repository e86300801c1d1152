"""Recurring dates written the way members say them, as RFC 5545 rules.

A member writes ``Recurrence: jeden zweiten Dienstag im Monat, bis 30.6.2027``;
:func:`parse_recurrence` turns that into a :class:`Recurrence`, which gives the
``RRULE`` for iCalendar (:meth:`Recurrence.to_vrecur`) and the occurrences
(:meth:`Recurrence.rrule`, dateutil). A sentence that is not understood raises
:class:`RecurrenceError` with a German message and a hint listing the accepted
forms; the dates generator turns it into a ``ContentError``.

Sentences are case-insensitive, umlauts may be written as ``ae``/``oe``/``ue``,
numbers as digits or words (``zwei``/``2``), ordinals as words or ``2.``.
"Jeden zweiten Dienstag" alone is refused on purpose: in German it means both
"the second Tuesday of the month" and "every other Tuesday"; the hint asks for
"im Monat" or "alle zwei Wochen".

Accepted forms (each example is checked by ``tests/test_dates_recurrence.py``;
:func:`accepted_forms_markdown` prints this table for the member guide):

"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from dateutil import rrule as du_rrule
from icalendar import vRecur
from knotenpunkt.plugins.content_errors.i18n import N_, _

UTC = ZoneInfo("UTC")

# (example as a member writes it, what it means, the RRULE it becomes)
ACCEPTED_FORMS: list[tuple[str, str, str]] = [
    ("täglich", N_("jeden Tag"), "FREQ=DAILY"),
    ("wöchentlich", N_("jede Woche am Wochentag des ersten Termins"), "FREQ=WEEKLY"),
    ("jeden Montag", N_("jede Woche montags"), "FREQ=WEEKLY;BYDAY=MO"),
    (
        "jeden Montag und Donnerstag",
        N_("jede Woche montags und donnerstags"),
        "FREQ=WEEKLY;BYDAY=MO,TH",
    ),
    (
        "alle zwei Wochen am Donnerstag",
        N_("jede zweite Woche donnerstags (auch: „vierzehntägig“)"),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    ),
    (
        "monatlich",
        N_("jeden Monat am selben Kalendertag wie der erste Termin"),
        "FREQ=MONTHLY",
    ),
    (
        "monatlich am ersten Mittwoch",
        N_("am ersten Mittwoch jedes Monats"),
        "FREQ=MONTHLY;BYDAY=1WE",
    ),
    (
        "jeden zweiten Dienstag im Monat",
        N_("am zweiten Dienstag jedes Monats („im Monat“ ist nötig)"),
        "FREQ=MONTHLY;BYDAY=2TU",
    ),
    (
        "jeden letzten Freitag im Monat",
        N_("am letzten Freitag jedes Monats (auch „vorletzten“)"),
        "FREQ=MONTHLY;BYDAY=-1FR",
    ),
    (
        "jeden ersten und dritten Mittwoch im Monat",
        N_("am ersten und dritten Mittwoch jedes Monats"),
        "FREQ=MONTHLY;BYDAY=1WE,3WE",
    ),
    ("monatlich am 15.", N_("am 15. Tag jedes Monats"), "FREQ=MONTHLY;BYMONTHDAY=15"),
    (
        "alle drei Monate am ersten Montag",
        N_("jeden dritten Monat am ersten Montag (auch „vierteljährlich“)"),
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO",
    ),
    ("jährlich", N_("jedes Jahr am Tag des ersten Termins"), "FREQ=YEARLY"),
    (
        "jeden Montag, bis 30.6.2027",
        N_("mit Ende: der letzte Termin ist spätestens an diesem Tag (auch „bis 2027-06-30“)"),
        "FREQ=WEEKLY;UNTIL=20270630T215959Z;BYDAY=MO",
    ),
    (
        "monatlich am ersten Mittwoch, 10 Mal",
        N_("mit Anzahl: insgesamt so viele Termine (auch „zehnmal“)"),
        "FREQ=MONTHLY;COUNT=10;BYDAY=1WE",
    ),
]

WEEKDAYS = {
    "montag": "MO",
    "dienstag": "TU",
    "mittwoch": "WE",
    "donnerstag": "TH",
    "freitag": "FR",
    "samstag": "SA",
    "sonnabend": "SA",
    "sonntag": "SU",
}
WEEKDAY_NAMES = {
    "MO": N_("Montag"),
    "TU": N_("Dienstag"),
    "WE": N_("Mittwoch"),
    "TH": N_("Donnerstag"),
    "FR": N_("Freitag"),
    "SA": N_("Samstag"),
    "SU": N_("Sonntag"),
}
NUMBER_WORDS = {
    "ein": 1,
    "eine": 1,
    "einen": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fuenf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwoelf": 12,
    "zwanzig": 20,
}
ORDINAL_STEMS = {
    "erst": 1,
    "zweit": 2,
    "dritt": 3,
    "viert": 4,
    "fuenft": 5,
    "vorletzt": -2,
    "letzt": -1,
}

_WEEKDAY = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)"
_WEEKDAY_LIST = rf"{_WEEKDAY}(?:\s+und\s+{_WEEKDAY})*"
_WEEKDAY_ADVERB_LIST = rf"{_WEEKDAY}s(?:\s+und\s+{_WEEKDAY}s)*"
_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_ORDINAL = r"(?:(?:vorletzt|letzt|erst|zweit|dritt|viert|fuenft)(?:e|en|er|es)?|[1-5]\.)"
_ORDINAL_LIST = rf"{_ORDINAL}(?:\s+und\s+{_ORDINAL})*"
_OF_THE_MONTH = r"(?:im\s+monat|jedes\s+monats|des\s+monats|eines\s+monats)"
# "am Dienstag" / "dienstags" after a weekly rhythm
_ON_WEEKDAYS = rf"(?:\s+(?:am\s+(?P<days>{_WEEKDAY_LIST})|(?P<adverbs>{_WEEKDAY_ADVERB_LIST})))?"
# "am ersten Mittwoch" / "am 15." after a monthly rhythm
_ON_MONTH_DAY = (
    rf"(?:\s+am\s+(?:(?P<nth>{_ORDINAL_LIST})\s+(?P<nth_day>{_WEEKDAY})|(?P<monthday>\d{{1,2}})\.?)"
    rf"(?:\s+{_OF_THE_MONTH})?)?"
)

_UNTIL_AT_END = re.compile(
    r"(?:^|\s)bis\s+(?:zum\s+|einschliesslich\s+|einschl\.\s*)?(?P<until>\S+)$"
)
_COUNT_AT_END = re.compile(
    rf"(?:^|\s)(?:insgesamt\s+)?(?P<count>{_NUMBER})\s*-?\s*(?:mal|termine|treffen)$"
)


@dataclass(frozen=True)
class Recurrence:
    """A recurrence rule as RFC 5545 sees it; ``until`` is a local calendar day."""

    freq: str
    interval: int = 1
    byday: tuple[str, ...] = ()
    bymonthday: tuple[int, ...] = ()
    until: date | None = None
    count: int | None = None
    text: str = field(default="", compare=False)

    def rule_parts(self) -> dict[str, object]:
        """The parts of the rule without UNTIL (which needs the time zone)."""
        parts: dict[str, object] = {"FREQ": self.freq}
        if self.interval != 1:
            parts["INTERVAL"] = self.interval
        if self.byday:
            parts["BYDAY"] = list(self.byday)
        if self.bymonthday:
            parts["BYMONTHDAY"] = list(self.bymonthday)
        if self.count is not None:
            parts["COUNT"] = self.count
        return parts

    def until_utc(self, zone: tzinfo) -> datetime | None:
        """The end of the ``until`` day in ``zone``, in UTC, as RFC 5545 wants it
        when DTSTART carries a time zone."""
        if self.until is None:
            return None
        last_moment = datetime.combine(self.until, time(23, 59, 59), tzinfo=zone)
        return last_moment.astimezone(UTC)

    def to_vrecur(self, zone: tzinfo) -> vRecur:
        """The ``RRULE`` value for an event whose DTSTART is local time in ``zone``."""
        parts = self.rule_parts()
        until = self.until_utc(zone)
        if until is not None:
            parts["UNTIL"] = until
        return vRecur(parts)

    def rrule(self, start: datetime) -> du_rrule.rrule:
        """The occurrences from ``start`` (timezone-aware) on, as a dateutil rule."""
        if start.tzinfo is None:
            raise ValueError("start must carry a time zone")
        text = self.to_vrecur(start.tzinfo).to_ical().decode("ascii")
        return du_rrule.rrulestr(text, dtstart=start)


class RecurrenceError(ValueError):
    """A recurrence sentence that cannot be understood; ``message`` and ``hint``
    are German (translated) text for members."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else accepted_forms_hint()


def accepted_forms_hint() -> str:
    """The hint every recurrence error carries: the accepted forms, by example."""
    examples = ", ".join(f"„{example}“" for example, _meaning, _rule in ACCEPTED_FORMS)
    return _(
        "Schreiben Sie die Wiederholung so, wie es diese Beispiele zeigen: {examples}. "
        "Alle Formen stehen in der Anleitung für Mitglieder."
    ).format(examples=examples)


def accepted_forms_markdown() -> str:
    """The accepted forms as a Markdown table (for the member guide)."""
    rows = [
        "| " + _("So schreiben Sie es") + " | " + _("Bedeutung") + " | RRULE |",
        "|---|---|---|",
    ]
    for example, meaning, rule in ACCEPTED_FORMS:
        rows.append(f"| {example} | {_(meaning)} | `{rule}` |")
    return "\n".join(rows) + "\n"


__doc__ += accepted_forms_markdown()


def normalise(text: str) -> str:
    """Lower case, umlauts as ``ae``/``oe``/``ue``, single spaces, no final full stop.

    A trailing ``.`` of an ordinal or day ("am 15.") is dropped too; the
    patterns accept both.
    """
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("ß", "ss").replace("\u00a0", " ")
    text = re.sub(r"[()]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(".!; ").strip()


def parse_recurrence(text: str) -> Recurrence:
    """The rule a member's sentence describes, or :class:`RecurrenceError`."""
    original = (text or "").strip()
    sentence = normalise(original)
    if not sentence:
        raise RecurrenceError(_("Die Angabe zur Wiederholung ist leer."))
    sentence, until, count = _split_end(sentence, original)
    sentence = re.sub(r"\s*,\s*", " und ", sentence).strip()
    sentence = re.sub(r"^(?:und\s+)+|(?:\s+und)+$", "", sentence).strip()
    sentence = re.sub(r"^(?:immer|regelmaessig)\s+", "", sentence)
    rule = _parse_rhythm(sentence, original)
    return Recurrence(
        freq=rule["freq"],
        interval=rule.get("interval", 1),
        byday=tuple(rule.get("byday", ())),
        bymonthday=tuple(rule.get("bymonthday", ())),
        until=until,
        count=count,
        text=original,
    )


def _split_end(sentence: str, original: str) -> tuple[str, date | None, int | None]:
    """Take "bis …" and "N Mal" off the end of the sentence, in either order."""
    until: date | None = None
    count: int | None = None
    while True:
        trimmed = sentence.rstrip(", ").strip()
        until_match = _UNTIL_AT_END.search(trimmed)
        count_match = _COUNT_AT_END.search(trimmed)
        if until_match and until is None:
            until = _parse_end_date(until_match.group("until"), original)
            sentence = trimmed[: until_match.start()]
        elif count_match and count is None:
            count = _number(count_match.group("count"))
            if count < 1:
                raise RecurrenceError(
                    _("„{text}“: Die Anzahl der Termine muss mindestens 1 sein.").format(
                        text=original
                    ),
                    _("Schreiben Sie z. B. „10 Mal“."),
                )
            sentence = trimmed[: count_match.start()]
        else:
            sentence = trimmed
            break
    if until is not None and count is not None:
        raise RecurrenceError(
            _("„{text}“ nennt ein Enddatum und eine Anzahl; das geht nur einzeln.").format(
                text=original
            ),
            _("Behalten Sie entweder „bis …“ oder „… Mal“."),
        )
    if re.search(r"(?:^|\s)bis(?:\s|$)", sentence):
        raise RecurrenceError(
            _("„{text}“: Das Enddatum nach „bis“ ist nicht zu verstehen.").format(text=original),
            _(
                "Schreiben Sie das Enddatum mit Jahr ans Ende, z. B. „jeden Montag, bis "
                "30.6.2027“ oder „bis 2027-06-30“."
            ),
        )
    return sentence.strip(), until, count


def _parse_end_date(value: str, original: str) -> date:
    value = value.rstrip(".,")
    german = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    try:
        if german:
            day, month, year = (int(part) for part in german.groups())
            return date(year, month, day)
        if iso:
            year, month, day = (int(part) for part in iso.groups())
            return date(year, month, day)
    except ValueError:
        raise RecurrenceError(
            _("„{text}“: Den Tag „{value}“ gibt es nicht.").format(text=original, value=value),
            _("Prüfen Sie Tag und Monat des Enddatums, z. B. „bis 30.6.2027“."),
        ) from None
    raise RecurrenceError(
        _("„{text}“: Das Enddatum „{value}“ ist nicht zu verstehen.").format(
            text=original, value=value
        ),
        _("Schreiben Sie das Enddatum mit Jahr, z. B. „bis 30.6.2027“ oder „bis 2027-06-30“."),
    )


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _ordinal(word: str) -> int:
    if word[0].isdigit():
        return int(word.rstrip("."))
    stem = re.sub(r"(?:e|en|er|es)$", "", word)
    return ORDINAL_STEMS[stem]


def _weekday_codes(text: str | None) -> list[str]:
    return [WEEKDAYS[name] for name in re.findall(_WEEKDAY, text or "")]


def _ordinals(text: str) -> list[int]:
    return [_ordinal(word) for word in re.findall(_ORDINAL, text)]


def _weekly(match: re.Match, interval: int = 1) -> dict:
    rule: dict = {"freq": "WEEKLY", "interval": interval}
    days = _weekday_codes(match.group("days")) + _weekday_codes(match.group("adverbs"))
    if days:
        rule["byday"] = days
    return rule


def _monthly(match: re.Match, interval: int = 1) -> dict:
    rule: dict = {"freq": "MONTHLY", "interval": interval}
    if match.group("nth"):
        (day,) = _weekday_codes(match.group("nth_day"))
        rule["byday"] = [f"{n}{day}" for n in _ordinals(match.group("nth"))]
    elif match.group("monthday"):
        rule["bymonthday"] = [_month_day(match.group("monthday"))]
    return rule


def _month_day(value: str) -> int:
    day = int(value)
    if not 1 <= day <= 31:
        raise RecurrenceError(
            _("Einen {day}. Tag im Monat gibt es nicht.").format(day=day),
            _("Schreiben Sie einen Tag von 1 bis 31, z. B. „monatlich am 15.“."),
        )
    return day


def _parse_rhythm(sentence: str, original: str) -> dict:
    """The rule of the sentence without its end ("bis …", "N Mal")."""
    for pattern, build in _RHYTHMS:
        match = re.fullmatch(pattern, sentence)
        if match:
            return build(match, original)
    raise RecurrenceError(
        _("Die Wiederholung „{text}“ ist nicht zu verstehen.").format(text=original)
    )


def _nth_weekday_in_month(match: re.Match, original: str) -> dict:
    ordinals = _ordinals(match.group("nth"))
    (day,) = _weekday_codes(match.group("nth_day"))
    if not match.group("of_month") and len(ordinals) == 1 and ordinals[0] > 1:
        name = _(WEEKDAY_NAMES[day])
        raise RecurrenceError(
            _(
                "„{text}“ ist mehrdeutig: jeden zweiten {day} im Monat oder alle zwei Wochen?"
            ).format(text=original, day=name),
            _(
                "Schreiben Sie „jeden zweiten {day} im Monat“ (einmal im Monat) oder "
                "„alle zwei Wochen am {day}“ (vierzehntägig)."
            ).format(day=name),
        )
    return {"freq": "MONTHLY", "byday": [f"{n}{day}" for n in ordinals]}


def _every_nth(unit_interval: str, freq: str):
    """ "jede zweite Woche" / "jeden 3. Monat": the ordinal is the interval."""

    def build(match: re.Match, _original: str) -> dict:
        interval = _ordinal(match.group(unit_interval))
        if interval < 1:
            raise RecurrenceError(
                _("„{text}“ ist nicht zu verstehen.").format(text=_original),
            )
        return (_weekly if freq == "WEEKLY" else _monthly)(match, interval)

    return build


_RHYTHMS = [
    (r"taeglich|jeden tag", lambda m, _o: {"freq": "DAILY"}),
    (
        rf"alle (?P<n>{_NUMBER}) tage",
        lambda m, _o: {"freq": "DAILY", "interval": _number(m.group("n"))},
    ),
    (rf"(?:woechentlich|jede woche){_ON_WEEKDAYS}", lambda m, _o: _weekly(m)),
    (
        rf"(?:jeden\s+(?P<days>{_WEEKDAY_LIST})|(?P<adverbs>{_WEEKDAY_ADVERB_LIST}))",
        lambda m, _o: _weekly(m),
    ),
    (
        rf"alle (?P<n>{_NUMBER}) wochen{_ON_WEEKDAYS}",
        lambda m, _o: _weekly(m, _number(m.group("n"))),
    ),
    (
        rf"(?:vierzehntaegig|vierzehntaeglich|14-taegig|14-taeglich|zweiwoechentlich)"
        rf"{_ON_WEEKDAYS}",
        lambda m, _o: _weekly(m, 2),
    ),
    (rf"jede (?P<nth_week>{_ORDINAL}) woche{_ON_WEEKDAYS}", _every_nth("nth_week", "WEEKLY")),
    (
        rf"(?:jeden|am) (?P<nth>{_ORDINAL_LIST}) (?P<nth_day>{_WEEKDAY})"
        rf"(?:\s+(?P<of_month>{_OF_THE_MONTH}))?",
        _nth_weekday_in_month,
    ),
    (
        rf"(?:jeden|am) (?P<monthday>\d{{1,2}})\.?(?: tag)? {_OF_THE_MONTH}",
        lambda m, _o: {"freq": "MONTHLY", "bymonthday": [_month_day(m.group("monthday"))]},
    ),
    (rf"(?:monatlich|jeden monat){_ON_MONTH_DAY}", lambda m, _o: _monthly(m)),
    (
        rf"alle (?P<n>{_NUMBER}) monate{_ON_MONTH_DAY}",
        lambda m, _o: _monthly(m, _number(m.group("n"))),
    ),
    (
        rf"jeden (?P<nth_month>{_ORDINAL}) monat{_ON_MONTH_DAY}",
        _every_nth("nth_month", "MONTHLY"),
    ),
    (rf"(?:vierteljaehrlich|jedes quartal){_ON_MONTH_DAY}", lambda m, _o: _monthly(m, 3)),
    (rf"halbjaehrlich{_ON_MONTH_DAY}", lambda m, _o: _monthly(m, 6)),
    (r"jaehrlich|jedes jahr|einmal im jahr", lambda m, _o: {"freq": "YEARLY"}),
]


def first_occurrence(recurrence: Recurrence, start: datetime) -> datetime | None:
    """The first date the rule produces from ``start`` on (None if it produces none)."""
    return recurrence.rrule(start).after(start - timedelta(seconds=1), inc=True)


def check_start(recurrence: Recurrence, start: datetime) -> None:
    """Raise :class:`RecurrenceError` unless ``start`` is itself an occurrence.

    RFC 5545 counts DTSTART as the first occurrence even when it does not
    match the rule; calendar apps then disagree with our own list of dates.
    A mismatch is nearly always a typo in ``Start`` or in the sentence.
    """
    first = first_occurrence(recurrence, start)
    if first == start:
        return
    if first is None:
        raise RecurrenceError(
            _("Die Wiederholung „{text}“ endet, bevor sie beginnt.").format(text=recurrence.text),
            _("Prüfen Sie „Start“ und das Enddatum nach „bis“."),
        )
    raise RecurrenceError(
        _(
            "Der erste Termin ({start}) passt nicht zur Wiederholung „{text}“; "
            "der erste passende Tag wäre der {first}."
        ).format(
            start=start.strftime("%d.%m.%Y"), text=recurrence.text, first=first.strftime("%d.%m.%Y")
        ),
        _("Setzen Sie „Start“ auf den ersten Termin der Reihe oder passen Sie den Satz an."),
    )
