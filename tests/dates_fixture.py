"""A small network with dates, on top of the members fixture (4 members)."""

from __future__ import annotations

from pathlib import Path

from members_fixture import members_content
from sitebuild import FIXTURES, build_site

#: "today" of every fixture build: between the cancelled April and the May meeting
TODAY = "2027-03-01"
MEETING_UID = "6f1c1f0e-1d5a-4c0b-9a77-2f1d1c2b3a4e"
SECRET_LINK = "https://meet.example.org/geheimer-raum-4711"


def date_file(**fields) -> str:
    body = fields.pop("body", "Tagesordnung:\n\n1. Neues aus den Arbeitsgruppen\n")
    header = "".join(f"{key}: {value}\n" for key, value in fields.items() if value is not None)
    return header + "\n" + body


def meeting(**changes) -> str:
    """The monthly meeting: second Tuesday 19:00–21:00, across the summer-time change."""
    fields = {
        "Title": "Netzwerktreffen",
        "Start": "2027-02-09 19:00",
        "End": "21:00",
        "Location": "Stadtteilzentrum Nord",
        "Online": SECRET_LINK,
        "Organizers": "anna-beispiel",
        "Groups": "steuerungsgruppe",
        "Recurrence": "jeden zweiten Dienstag im Monat, bis 31.12.2027",
        "Cancelled": "2027-04-13",
        "Uid": MEETING_UID,
        "Modified": "2026-11-01 12:00",
    }
    fields.update(changes)
    return date_file(**fields)


def fachtag(**changes) -> str:
    fields = {
        "Title": "Fachtag Inklusion",
        "Start": "17.9.2027 09:30",
        "Duration": "7 Stunden",
        "Location": "Rathaus Musterstadt",
        "Registration": "anmeldung@netzwerk.example.org",
        "Uid": "0b7a9d52-0c65-4f0e-8f5e-3a3d9f3f8c11",
    }
    fields.update(changes)
    return date_file(**fields)


def past_meeting() -> str:
    return date_file(
        Title="Netzwerktreffen Januar",
        Start="2027-01-12 19:00",
        End="2027-01-12 21:00",
        Location="Stadtteilzentrum Nord",
        Uid="9a3c9f8e-5d1b-4e55-a0a8-7c2a86b1d0aa",
        body="Protokoll: Wir haben den Fachtag geplant.\n",
    )


STEERING = """Title: Steuerungsgruppe
Kind: steuerungsgruppe
Summary: Die Steuerungsgruppe koordiniert das Netzwerk.
Contact: anna-beispiel
Rhythm: jeden ersten Montag im Monat

Wir bereiten die Netzwerktreffen vor.
"""

WORKING_GROUP = """Title: AG Übergänge
Slug: ag-uebergaenge
Kind: arbeitsgruppe
Summary: Wir begleiten Kinder beim Wechsel in die Schule.
Rhythm: alle zwei Wochen, online

Unsere Themen.
"""

ANNA_CHANNEL = "https://social.example/@anna"


def dates_content(root: Path, files: dict | None = None) -> Path:
    anna = (FIXTURES / "members" / "members" / "anna-beispiel.md").read_text(encoding="utf-8")
    zora = (FIXTURES / "members" / "members" / "zora-zander.md").read_text(encoding="utf-8")
    base = {
        "groups/steuerungsgruppe.md": STEERING,
        "groups/ag-uebergaenge.md": WORKING_GROUP,
        "members/anna-beispiel.md": f"Groups: steuerungsgruppe, ag-uebergaenge\nLinks: {ANNA_CHANNEL}\n"
        + anna,
        "members/zora-zander.md": "Groups: ag-uebergaenge\n" + zora,
        "termine/netzwerktreffen.md": meeting(),
        "termine/fachtag.md": fachtag(),
        "termine/netzwerktreffen-januar.md": past_meeting(),
    }
    base.update(files or {})
    return members_content(root, {k: v for k, v in base.items() if v is not None})


def build_dates_site(root: Path, files: dict | None = None, **overrides):
    overrides.setdefault("DATES_TODAY", TODAY)
    return build_site(dates_content(root, files), root / "output", **overrides)
