"""The dates as visitors and calendar apps see them: /termine/, one page and
.ics per date, the feed; local times across summer time; the meeting link
only on the date's own page; stable UIDs after renaming a file."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from dates_fixture import MEETING_UID, SECRET_LINK, build_dates_site, meeting

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_dates_site(tmp_path_factory.mktemp("dates"))
    assert result.exit_code == 0, result.messages
    return result


def calendar(result, path="termine/termine.ics"):
    return icalendar.Calendar.from_ical((result.output / path).read_bytes())


def test_feed_expands_to_local_times_across_summer_time(site):
    events = recurring_ical_events.of(calendar(site)).between(date(2027, 3, 1), date(2027, 6, 1))
    meetings = sorted(e["DTSTART"].dt for e in events if str(e["SUMMARY"]) == "Netzwerktreffen")
    # 9 March is winter time (+01:00), 11 May summer time (+02:00): 19:00 local both times
    assert [m.astimezone(BERLIN).replace(tzinfo=None) for m in meetings] == [
        datetime(2027, 3, 9, 19, 0),
        datetime(2027, 5, 11, 19, 0),
    ]  # 13 April is cancelled (EXDATE)
    assert [m.utcoffset().total_seconds() / 3600 for m in meetings] == [1, 2]


def test_feed_has_a_real_vtimezone_and_every_published_date(site):
    feed = calendar(site)
    zones = [c for c in feed.walk("VTIMEZONE")]
    assert [str(z["TZID"]) for z in zones] == ["Europe/Berlin"]
    assert {str(e["SUMMARY"]) for e in feed.walk("VEVENT")} == {
        "Netzwerktreffen",
        "Fachtag Inklusion",
        "Netzwerktreffen Januar",
    }
    event = next(e for e in feed.walk("VEVENT") if str(e["UID"]) == MEETING_UID)
    assert event["RRULE"]["FREQ"] == ["MONTHLY"]
    assert int(event["SEQUENCE"]) > 0  # Modified: is set, so calendar apps see changes


def test_each_date_has_its_own_ics_with_only_that_date(site):
    single = calendar(site, "termine/fachtag/termin.ics")
    (event,) = single.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Fachtag Inklusion"
    # Duration: 7 Stunden from 09:30
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(hours=7)
    page = site.page("termine/fachtag/index.html")
    assert 'href="../../termine/fachtag/termin.ics" download' in page


def test_meeting_link_only_on_the_dates_own_page(site):
    holders = sorted(
        str(path.relative_to(site.output))
        for path in site.output.rglob("*")
        if path.is_file() and SECRET_LINK.encode() in path.read_bytes()
    )
    assert holders == ["termine/netzwerktreffen/index.html"]
    # the lists and the calendar still say that it is online
    assert "und online" in site.page("termine/index.html")
    assert "Online-Termin" in (site.output / "termine/termine.ics").read_text(encoding="utf-8")


def test_list_shows_upcoming_occurrences_first_and_the_archive(site):
    page = site.page("termine/index.html")
    upcoming, past = page.split('id="vergangene"')
    starts = re.findall(r'<time datetime="(2027-\d\d-\d\dT[^"]+)">', upcoming)
    days = [s[:10] for s in starts if "T19:00" in s or "T09:30" in s]
    # today is pinned to 2027-03-01: the next three meetings (April cancelled), then the Fachtag
    assert days == ["2027-03-09", "2027-05-11", "2027-06-08", "2027-09-17"]
    assert "Netzwerktreffen Januar" in past and "Netzwerktreffen Januar" not in upcoming


def test_date_page_has_event_structured_data_and_registration(site):
    page = site.page("termine/fachtag/index.html")
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["name"] == "Fachtag Inklusion"
    assert data["startDate"] == "2027-09-17T09:30:00+02:00"
    assert data["location"]["name"] == "Rathaus Musterstadt"
    assert 'href="mailto:anmeldung@netzwerk.example.org"' in page
    meeting_data = site.page("termine/netzwerktreffen/index.html")
    assert SECRET_LINK not in re.search(
        r'<script type="application/ld\+json">(.*?)</script>', meeting_data, re.S
    ).group(1)


def test_uid_survives_renaming_the_file(tmp_path):
    renamed = build_dates_site(
        tmp_path,
        {"termine/netzwerktreffen.md": None, "termine/monatstreffen.md": meeting()},
    )
    assert renamed.exit_code == 0, renamed.messages
    events = {str(e["SUMMARY"]): str(e["UID"]) for e in calendar(renamed).walk("VEVENT")}
    assert events["Netzwerktreffen"] == MEETING_UID
    assert renamed.exists("termine/monatstreffen/termin.ics")


def test_home_page_shows_the_next_date(site):
    home = site.page("index.html")
    next_date = home.split("Nächster Termin")[1].split("</li>")[0]
    assert '<a href="./termine/netzwerktreffen/">' in next_date
    assert '<time datetime="2027-03-09T19:00:00+01:00">' in next_date


def test_same_content_same_day_gives_the_same_bytes(site, tmp_path):
    again = build_dates_site(tmp_path)
    assert again.exit_code == 0, again.messages
    for path in sorted(site.output.joinpath("termine").rglob("*")):
        if path.is_file():
            relative = path.relative_to(site.output)
            assert (again.output / relative).read_bytes() == path.read_bytes(), relative


def test_pinned_today_moves_a_meeting_into_the_archive(tmp_path):
    later = build_dates_site(tmp_path, DATES_TODAY="2028-01-01")
    assert later.exit_code == 0, later.messages
    page = later.page("termine/index.html")
    upcoming, past = page.split('id="vergangene"')
    assert "Zurzeit sind keine Termine geplant." in upcoming
    # the series ended on 31.12.2027: newest first in the archive
    assert past.index("Netzwerktreffen<") < past.index("Fachtag Inklusion")
