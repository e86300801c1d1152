"""Every mistake in a date file stops the build with a German message naming
the file and the field, what is wrong and how to fix it. All broken files sit
in one fixture site: one build reports every problem at once."""

from __future__ import annotations

import pytest

from dates_fixture import build_dates_site, date_file, fachtag, meeting

UID = "4d6b3c1e-2a7f-4b9e-8c0d-{:012d}"

BROKEN = {
    # file stem: (the file, the field, fragments of the message and hint)
    "ende-vor-beginn": (
        fachtag(Start="2027-09-17 16:00", Duration=None, End="2027-09-17 09:00"),
        "End",
        ["liegt nicht nach dem Beginn", "Das Ende muss später sein"],
    ),
    "ohne-uhrzeit": (fachtag(Start="2027-09-17"), "Start", ["hat keine Uhrzeit", "19:00"]),
    "sommerzeit-luecke": (
        fachtag(Start="2027-03-28 02:30"),
        "Start",
        ["gibt es in deutscher Zeit nicht", "ab 03:00"],
    ),
    "winterzeit-doppelt": (
        fachtag(Start="2027-10-31 02:30"),
        "Start",
        ["gibt es in deutscher Zeit zweimal"],
    ),
    "unbekannte-organisatorin": (
        fachtag(Organizers="ana-beispiel"),
        "Organizers",
        ["„ana-beispiel“ gibt es nicht", "Meinten Sie „anna-beispiel“?"],
    ),
    "unbekannte-gruppe": (
        fachtag(Groups="steuerungsgrupe"),
        "Groups",
        ["„steuerungsgrupe“ gibt es nicht", "content/groups/"],
    ),
    "unverstaendliche-wiederholung": (
        meeting(Recurrence="ab und zu dienstags", Cancelled=None),
        "Recurrence",
        ["jeden zweiten Dienstag im Monat"],  # the hint lists the accepted forms
    ),
    "endlose-reihe": (
        meeting(Recurrence="täglich, bis 31.12.9999", Cancelled=None),
        "Recurrence",
        ["ist zu lang: höchstens 10 Jahre"],
    ),
    "zu-viele-termine": (
        meeting(Recurrence="jeden zweiten Dienstag im Monat, 999 Mal", Cancelled=None),
        "Recurrence",
        ["ist zu lang"],
    ),
    "jahr-9999": (fachtag(Start="9999-12-31 20:00"), "Start", ["Das Jahr 9999"]),
    "riesige-dauer": (fachtag(Duration="99999999 Stunden"), "Duration", ["länger als zwei Wochen"]),
    "ausfall-nicht-in-reihe": (
        meeting(Cancelled="2027-04-14"),
        "Cancelled",
        ["Am 14.04.2027 findet kein Termin dieser Reihe statt"],
    ),
    "ausfall-ohne-reihe": (
        fachtag(Cancelled="2027-09-17"),
        "Cancelled",
        ["gilt nur für regelmäßige Termine"],
    ),
    "ende-und-dauer": (fachtag(End="17:00"), "Duration", ["ein Ende (End) und eine Dauer"]),
    "ohne-ende": (fachtag(Duration=None), "End", ["wann der Termin endet"]),
    "dauer-unklar": (fachtag(Duration="den ganzen Tag"), "Duration", ["keine Dauer"]),
    "ohne-ort": (fachtag(Location=None), "Location", ["wo der Termin stattfindet"]),
    "online-ohne-https": (
        fachtag(Online="http://meet.example.org/raum"),
        "Online",
        [],
    ),
    "anmeldung-unklar": (
        fachtag(Registration="beim Vorstand"),
        "Registration",
        ["weder ein https-Link noch eine E-Mail-Adresse"],
    ),
    "uid-kaputt": (fachtag(Uid="mein-termin"), "Uid", ["keine gültige Kennung"]),
    "ohne-uid": (fachtag(Uid=None), "Uid", ["Pflichtfeld"]),
}


def with_own_uid(number: int, text: str) -> str:
    return text.replace("0b7a9d52-0c65-4f0e-8f5e-3a3d9f3f8c11", UID.format(number)).replace(
        "6f1c1f0e-1d5a-4c0b-9a77-2f1d1c2b3a4e", UID.format(number)
    )


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    files = {
        f"termine/{stem}.md": with_own_uid(number, text)
        for number, (stem, (text, _field, _fragments)) in enumerate(BROKEN.items())
    }
    files["termine/doppelte-uid.md"] = date_file(
        Title="Kopie",
        Start="2027-05-01 10:00",
        Duration="1 Stunde",
        Location="Saal",
        Uid="0b7a9d52-0c65-4f0e-8f5e-3a3d9f3f8c11",
    )
    return build_dates_site(tmp_path_factory.mktemp("broken"), files)


def block_for(result, stem: str, field: str) -> str:
    file = f"content/termine/{stem}.md"
    blocks = [b for b in result.messages.split("\n\n") if file in b and f"Feld „{field}“" in b]
    assert blocks, f"no message for {file} / {field}:\n{result.messages}"
    return "\n".join(blocks)


def test_the_build_stops_without_traceback_and_writes_nothing(broken):
    assert broken.exit_code == 1
    assert "Traceback" not in broken.messages
    assert "Die Website wurde nicht gebaut" in broken.messages
    assert not broken.exists("termine/index.html")


@pytest.mark.parametrize("stem", sorted(BROKEN))
def test_each_mistake_is_explained(broken, stem):
    _text, field, fragments = BROKEN[stem]
    block = block_for(broken, stem, field)
    assert "So beheben Sie es:" in block
    for fragment in fragments:
        assert fragment in block, block


def test_a_uid_used_twice_is_reported(broken):
    # read in path order: the later file is told which earlier one has its Uid
    block = block_for(broken, "fachtag", "Uid")
    assert "Diese Uid hat schon content/termine/doppelte-uid.md" in block


def test_the_good_files_are_not_blamed(broken):
    assert "content/termine/netzwerktreffen.md" not in broken.messages
