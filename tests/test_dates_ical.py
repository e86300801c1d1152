"""The iCalendar feed as calendar apps read it: local times across summer time,
cancelled meetings, stable UIDs, no meeting links, the same bytes every build."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from knotenpunkt.plugins.dates.ical import (
    CalendarInfo,
    DateRecord,
    calendar_bytes,
    exdates_outside_series,
    new_uid,
    normalise_uid,
    sequence_for,
)
from knotenpunkt.plugins.dates.recurrence import parse_recurrence
from knotenpunkt.plugins.dates.vtimezone import transitions

BERLIN = ZoneInfo("Europe/Berlin")
UID = "6f1c1f0e-1d5a-4c0b-9a77-2f1d1c2b3a4e"
INFO = CalendarInfo(
    name="Netzwerk Lernen Musterstadt – Termine",
    url="https://netzwerk.example/termine/",
    source="https://netzwerk.example/termine/termine.ics",
)


def meeting(**changes) -> DateRecord:
    """The monthly network meeting: second Tuesday, 19:00–21:00 Berlin time."""
    values = {
        "uid": UID,
        "title": "Netzwerktreffen",
        "start": datetime(2027, 2, 9, 19, 0, tzinfo=BERLIN),
        "end": datetime(2027, 2, 9, 21, 0, tzinfo=BERLIN),
        "url": "https://netzwerk.example/termine/netzwerktreffen/",
        "location": "Stadtteilzentrum Nord, Raum 2",
        "description": "Tagesordnung:\n1. Neues aus den Arbeitsgruppen",
        "recurrence": parse_recurrence("jeden zweiten Dienstag im Monat, bis 30.6.2027"),
        "last_modified": datetime(2027, 1, 20, 12, 0, tzinfo=UTC),
        "organizers": ("Anna Beispiel", "Tobias Lindner"),
    }
    values.update(changes)
    return DateRecord(**values)


def parsed(*records: DateRecord) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(calendar_bytes(records, INFO))


def occurrences(calendar, first: date, last: date) -> list[datetime]:
    events = recurring_ical_events.of(calendar).between(first, last)
    return sorted(event["DTSTART"].dt for event in events)


def test_the_feed_parses_and_names_itself():
    calendar = parsed(meeting())
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == INFO.name
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Berlin"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Netzwerktreffen"
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"


def test_a_monthly_meeting_stays_at_seven_in_the_evening_across_summer_time():
    # 28 March 2027 clocks go forward: the meeting moves in UTC, not in Berlin
    moments = occurrences(parsed(meeting()), date(2027, 2, 1), date(2027, 7, 1))
    assert [m.date() for m in moments] == [
        date(2027, 2, 9),
        date(2027, 3, 9),
        date(2027, 4, 13),
        date(2027, 5, 11),
        date(2027, 6, 8),
    ]
    assert {m.astimezone(BERLIN).hour for m in moments} == {19}
    assert [m.astimezone(UTC).hour for m in moments] == [18, 18, 17, 17, 17]


def test_a_cancelled_meeting_is_left_out_by_calendar_apps():
    calendar = parsed(meeting(exdates=(date(2027, 4, 13),)))
    days = [m.date() for m in occurrences(calendar, date(2027, 2, 1), date(2027, 7, 1))]
    assert date(2027, 4, 13) not in days
    assert date(2027, 5, 11) in days
    (event,) = calendar.walk("VEVENT")
    assert "EXDATE;TZID=Europe/Berlin:20270413T190000" in event.to_ical().decode()


def test_the_series_ends_on_the_given_day():
    calendar = parsed(meeting())
    assert occurrences(calendar, date(2027, 6, 9), date(2028, 6, 1)) == []


def test_the_vtimezone_switches_at_the_real_instants():
    """Each onset, read in TZOFFSETFROM as RFC 5545 says, is a true transition."""
    series = meeting(recurrence=parse_recurrence("jeden zweiten Dienstag im Monat, bis 31.12.2029"))
    (zone,) = parsed(series).walk("VTIMEZONE")
    found = set()
    for observance in zone.subcomponents:
        offset_from = observance["TZOFFSETFROM"].td
        if offset_from == observance["TZOFFSETTO"].td:
            continue  # the offset in force when the range begins, no transition
        rdates = observance.get("RDATE", [])
        rdates = rdates if isinstance(rdates, list) else [rdates]
        onsets = [observance["DTSTART"].dt] + [p.dt for r in rdates for p in r.dts]
        found |= {(onset - offset_from).replace(tzinfo=UTC) for onset in onsets}
    assert found == set(transitions(BERLIN, 2027, 2029))
    assert len(found) == 6
    assert datetime(2027, 3, 28, 1, 0, tzinfo=UTC) in found  # 02:00 CET → 03:00 CEST
    assert datetime(2027, 10, 31, 1, 0, tzinfo=UTC) in found  # 03:00 CEST → 02:00 CET
    assert "DTSTART:20270328T020000" in zone.to_ical().decode()


def test_uids_do_not_depend_on_file_title_or_address():
    before = parsed(meeting()).walk("VEVENT")[0]
    renamed = parsed(
        meeting(title="Netzwerktreffen (neu)", url="https://netzwerk.example/termine/treffen/")
    ).walk("VEVENT")[0]
    assert str(before["UID"]) == str(renamed["UID"]) == UID


def test_uids_are_normalised_and_checked():
    assert normalise_uid(UID.upper()) == UID
    assert normalise_uid(new_uid()) != normalise_uid(new_uid())
    with pytest.raises(ValueError):
        normalise_uid("netzwerktreffen")


def test_the_same_dates_give_the_same_bytes_in_any_order():
    other = meeting(
        uid="0b6a5d0e-9a43-4c59-8d1e-7f3f8a0d9c21",
        title="Barcamp",
        start=datetime(2027, 5, 22, 10, 0, tzinfo=BERLIN),
        end=datetime(2027, 5, 22, 17, 0, tzinfo=BERLIN),
        recurrence=None,
    )
    assert calendar_bytes([meeting(), other], INFO) == calendar_bytes([other, meeting()], INFO)


def test_stamps_come_from_the_content_not_the_clock():
    (event,) = parsed(meeting()).walk("VEVENT")
    assert event["DTSTAMP"].dt == datetime(2027, 1, 20, 12, 0, tzinfo=UTC)
    assert event["LAST-MODIFIED"].dt == datetime(2027, 1, 20, 12, 0, tzinfo=UTC)


def test_a_later_modification_raises_the_sequence():
    earlier = datetime(2027, 1, 20, 12, 0, tzinfo=UTC)
    later = earlier + timedelta(minutes=1)
    assert sequence_for(later) > sequence_for(earlier) > 0
    (event,) = parsed(meeting(sequence=sequence_for(later))).walk("VEVENT")
    assert int(event["SEQUENCE"]) == sequence_for(later)


def test_an_online_date_points_to_its_page_and_carries_no_link():
    record = meeting(location="", online=True)
    (event,) = parsed(record).walk("VEVENT")
    assert str(event["LOCATION"]) == "Online"
    assert str(event["URL"]) == record.url
    assert "Zugangslink finden Sie auf der Seite des Termins" in str(event["DESCRIPTION"])
    assert not any("link" in name.lower() for name in DateRecord.__dataclass_fields__)


def test_the_description_names_agenda_organisers_and_page():
    (event,) = parsed(meeting()).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert description.startswith("Tagesordnung:\n1. Neues aus den Arbeitsgruppen")
    assert "Organisation: Anna Beispiel, Tobias Lindner" in description
    assert description.endswith("Mehr: https://netzwerk.example/termine/netzwerktreffen/")
    assert [str(c) for c in event["CONTACT"]] == ["Anna Beispiel", "Tobias Lindner"]


def test_a_cancelled_date_says_so():
    (event,) = parsed(meeting(recurrence=None, cancelled=True)).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"


def test_member_text_cannot_break_the_file():
    record = meeting(title="Treffen\x00\x1b; mit, Komma\nEND:VEVENT", recurrence=None)
    (event,) = parsed(record).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Treffen; mit, Komma\nEND:VEVENT"
    assert len(parsed(record).walk("VEVENT")) == 1


def test_a_single_date_download_holds_that_date_alone():
    calendar = parsed(meeting(recurrence=None))
    assert len(calendar.walk("VEVENT")) == 1
    assert occurrences(calendar, date(2027, 1, 1), date(2028, 1, 1)) == [
        datetime(2027, 2, 9, 19, 0, tzinfo=BERLIN)
    ]


def test_cancelled_days_outside_the_series_are_found():
    record = meeting(exdates=(date(2027, 4, 13), date(2027, 4, 14)))
    assert exdates_outside_series(record) == [date(2027, 4, 14)]
