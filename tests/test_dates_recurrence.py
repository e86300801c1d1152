"""Recurrence sentences as members write them become the right RFC 5545 rules."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from knotenpunkt.plugins.dates import recurrence
from knotenpunkt.plugins.dates.recurrence import (
    ACCEPTED_FORMS,
    Recurrence,
    RecurrenceError,
    check_start,
    parse_recurrence,
)

BERLIN = ZoneInfo("Europe/Berlin")


def rule_of(sentence: str) -> str:
    return parse_recurrence(sentence).to_vrecur(BERLIN).to_ical().decode()


@pytest.mark.parametrize(("example", "meaning", "rule"), ACCEPTED_FORMS)
def test_every_documented_form_gives_its_documented_rule(example, meaning, rule):
    assert rule_of(example) == rule


def test_the_module_docstring_carries_the_table_for_the_member_guide():
    for example, _meaning, rule in ACCEPTED_FORMS:
        assert f"| {example} |" in recurrence.__doc__
        assert f"`{rule}`" in recurrence.__doc__


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Jeden zweiten Dienstag im Monat", "FREQ=MONTHLY;BYDAY=2TU"),
        ("jeden 2. Dienstag im Monat", "FREQ=MONTHLY;BYDAY=2TU"),
        ("am zweiten Dienstag jedes Monats", "FREQ=MONTHLY;BYDAY=2TU"),
        ("monatlich am 1. Mittwoch.", "FREQ=MONTHLY;BYDAY=1WE"),
        ("jeden ersten Mittwoch", "FREQ=MONTHLY;BYDAY=1WE"),
        ("jeden letzten Freitag", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("jeden vorletzten Freitag im Monat", "FREQ=MONTHLY;BYDAY=-2FR"),
        ("dienstags", "FREQ=WEEKLY;BYDAY=TU"),
        ("immer montags und donnerstags", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("jeden Montag, Mittwoch und Freitag", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
        ("wöchentlich am Mittwoch", "FREQ=WEEKLY;BYDAY=WE"),
        ("woechentlich", "FREQ=WEEKLY"),
        ("alle 2 Wochen donnerstags", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
        ("vierzehntägig am Donnerstag", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
        ("jede zweite Woche am Freitag", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
        ("jeden Monat am 3.", "FREQ=MONTHLY;BYMONTHDAY=3"),
        ("jeden 15. im Monat", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("vierteljährlich am ersten Montag", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO"),
        ("alle 3 Tage", "FREQ=DAILY;INTERVAL=3"),
        ("jedes Jahr", "FREQ=YEARLY"),
        ("TÄGLICH", "FREQ=DAILY"),
    ],
)
def test_variants_members_write(sentence, rule):
    assert rule_of(sentence) == rule


@pytest.mark.parametrize(
    "sentence",
    [
        "monatlich am ersten Mittwoch bis 31.12.2027",
        "monatlich am ersten Mittwoch, bis zum 31.12.2027.",
        "monatlich am ersten Mittwoch (bis einschließlich 31.12.2027)",
        "monatlich am ersten Mittwoch bis 2027-12-31",
    ],
)
def test_an_end_date_is_the_last_local_day_in_utc(sentence):
    parsed = parse_recurrence(sentence)
    assert parsed.until == date(2027, 12, 31)
    # 23:59:59 in Berlin (winter time, UTC+1) is 22:59:59 UTC
    assert "UNTIL=20271231T225959Z" in rule_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["jeden Montag, 10 Mal", "jeden Montag zehnmal", "jeden Montag, insgesamt 10 Termine"],
)
def test_a_count(sentence):
    assert parse_recurrence(sentence).count == 10


def test_the_rule_gives_the_meetings_members_expect():
    # the second Tuesday of each month, 19:00 Berlin, until the end of June 2027
    start = datetime(2027, 3, 9, 19, 0, tzinfo=BERLIN)
    rule = parse_recurrence("jeden zweiten Dienstag im Monat, bis 30.6.2027").rrule(start)
    assert list(rule) == [
        datetime(2027, 3, 9, 19, 0, tzinfo=BERLIN),
        datetime(2027, 4, 13, 19, 0, tzinfo=BERLIN),
        datetime(2027, 5, 11, 19, 0, tzinfo=BERLIN),
        datetime(2027, 6, 8, 19, 0, tzinfo=BERLIN),
    ]
    assert all(moment.hour == 19 for moment in rule)


def test_every_other_week_skips_a_week():
    start = datetime(2027, 1, 7, 18, 0, tzinfo=BERLIN)  # a Thursday
    days = [
        d.date() for d in parse_recurrence("alle zwei Wochen am Donnerstag, 3 Mal").rrule(start)
    ]
    assert days == [date(2027, 1, 7), date(2027, 1, 21), date(2027, 2, 4)]


def test_the_last_friday_of_a_month():
    start = datetime(2027, 1, 29, 17, 0, tzinfo=BERLIN)
    days = [
        d.date() for d in parse_recurrence("jeden letzten Freitag im Monat, 2 Mal").rrule(start)
    ]
    assert days == [date(2027, 1, 29), date(2027, 2, 26)]


def expect_error(sentence: str) -> RecurrenceError:
    with pytest.raises(RecurrenceError) as caught:
        parse_recurrence(sentence)
    return caught.value


@pytest.mark.parametrize("sentence", ["", "   ", "ab und zu", "jeden Blumentag", "alle Wochen"])
def test_not_understood_lists_the_accepted_forms(sentence):
    error = expect_error(sentence)
    assert "Wiederholung" in error.message
    for example in ("jeden zweiten Dienstag im Monat", "alle zwei Wochen am Donnerstag"):
        assert f"„{example}“" in error.hint


def test_every_second_tuesday_alone_is_ambiguous_and_says_how_to_write_it():
    error = expect_error("jeden zweiten Dienstag")
    assert "mehrdeutig" in error.message
    assert "„jeden zweiten Dienstag im Monat“" in error.hint
    assert "„alle zwei Wochen am Dienstag“" in error.hint


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("jeden Montag bis 31.2.2027", "gibt es nicht"),
        ("jeden Montag bis Ende Juni", "Enddatum"),
        ("jeden Montag bis 30.6.", "Enddatum"),
        ("jeden Montag, 10 Mal, bis 1.1.2028", "Enddatum und eine Anzahl"),
        ("jeden Montag, 0 Mal", "mindestens 1"),
        ("monatlich am 32.", "32."),
    ],
)
def test_mistakes_in_the_end_or_count(sentence, words):
    error = expect_error(sentence)
    assert words in error.message
    assert error.hint


def test_a_start_that_is_not_an_occurrence_is_reported_with_the_right_day():
    rule = parse_recurrence("jeden zweiten Dienstag im Monat")
    check_start(rule, datetime(2027, 3, 9, 19, 0, tzinfo=BERLIN))  # a second Tuesday: fine
    with pytest.raises(RecurrenceError) as caught:
        check_start(rule, datetime(2027, 3, 10, 19, 0, tzinfo=BERLIN))  # a Wednesday
    assert "13.04.2027" in caught.value.message


def test_an_end_before_the_start_is_reported():
    rule = parse_recurrence("jeden Montag bis 1.1.2027")
    with pytest.raises(RecurrenceError) as caught:
        check_start(rule, datetime(2027, 3, 1, 19, 0, tzinfo=BERLIN))
    assert "endet, bevor sie beginnt" in caught.value.message


def test_a_recurrence_is_a_plain_comparable_value():
    assert parse_recurrence("dienstags") == Recurrence(freq="WEEKLY", byday=("TU",))
