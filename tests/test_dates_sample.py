"""The sample network shows dates and groups (read from the shared session builds;
"today" is the real build day here, so nothing depends on which dates are upcoming)."""

from __future__ import annotations

import icalendar

SAMPLE_LINK = b"https://meet.netzwerk-lernen.example.org/netzwerktreffen"


def test_sample_feed_has_every_date_with_absolute_page_addresses(published_sample):
    feed = icalendar.Calendar.from_ical(
        (published_sample.output / "termine/termine.ics").read_bytes()
    )
    events = {str(e["SUMMARY"]): e for e in feed.walk("VEVENT")}
    assert set(events) == {
        "Netzwerktreffen",
        "Netzwerktreffen Januar 2026",
        "Barcamp Lernen 2027",
        "Fachtag Inklusion 2027",
    }
    meeting = events["Netzwerktreffen"]
    assert [d.dt.date().isoformat() for d in meeting["EXDATE"].dts] == ["2026-12-08"]
    assert str(meeting["URL"]) == ("https://netzwerk-lernen.example.org/termine/netzwerktreffen/")


def test_sample_meeting_link_only_on_its_own_page(published_sample):
    holders = sorted(
        str(path.relative_to(published_sample.output))
        for path in published_sample.output.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".ics", ".xml", ".json", ".txt"}
        and SAMPLE_LINK in path.read_bytes()
    )
    assert holders == ["termine/netzwerktreffen/index.html"]


def test_sample_network_overview_and_groups(sample_site):
    overview = sample_site.page("netzwerk/index.html")
    for name in ("Steuerungsgruppe", "AG Inklusion und Schulbegleitung", "AG Mehrsprachigkeit"):
        assert name in overview
    group = sample_site.page("netzwerk/ag-mehrsprachigkeit/index.html")
    for member in ("Özlem Arslan", "Samira Haddad", "Anna Beispiel"):
        assert member in group
    minutes = sample_site.page("termine/netzwerktreffen-januar-2026/index.html")
    assert "Tagesordnung und Protokoll" in minutes and "Wahl der Steuerungsgruppe" in minutes
    fachtag = sample_site.page("termine/fachtag-inklusion-2027/index.html")
    assert 'href="mailto:fachtag@netzwerk-lernen.example.org"' in fachtag
