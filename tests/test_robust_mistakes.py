"""Every mistake a member can make comes back as a message they understand.

Each case is a fixture folder under ``tests/fixtures/mistakes/`` whose files
are laid over the minimal site; the build must exit as expected and the
report must say what is wrong, where, and how to fix it, never a traceback.
"""

import shutil

import pytest

from sitebuild import FIXTURES, build_site

MISTAKES = FIXTURES / "mistakes"

# case → (exit code, texts the member must read)
CASES = {
    "summary-too-long": (
        0,
        ["blog/lang.md, Zeile 3", "Feld „Summary“: Der Text ist 200 Zeichen lang", "160 Zeichen"],
    ),
    "key-german-titel": (
        1,
        [
            "blog/titel.md, Zeile 1",
            "Feld „Titel“: Dieses Feld ist unbekannt.",
            "Meinten Sie „Title:“? Dieses Pflichtfeld fehlt sonst",
        ],
    ),
    "key-misspelled": (
        1,
        ["blog/kategorie.md, Zeile 3", "Feld „Catgory“", "Meinten Sie „Category:“?"],
    ),
    "key-without-colon": (
        1,
        [
            "blog/ohne-doppelpunkt.md, Zeile 2",
            "In der Zeile „Date 2026-03-01“ fehlt der Doppelpunkt",
            "Meinten Sie „Date: 2026-03-01“?",
        ],
    ),
    "key-duplicate": (
        1,
        ["blog/doppelt.md, Zeile 4", "Feld „Tags“: Dieses Feld steht doppelt", "zuerst in Zeile 3"],
    ),
    "key-umlaut": (
        1,
        ["blog/umlaut.md, Zeile 2", "Feld „Schlagwörter“", "Meinten Sie „Tags: Feier“?"],
    ),
    "key-with-space": (
        1,
        [
            "blog/leerzeichen.md, Zeile 2",
            "Feld „Meine Tags“: Dieser Feldname ist ungültig",
            "ohne Leerzeichen",
        ],
    ),
    "key-unknown-warning": (
        0,
        ["Hinweise (1)", "Feld „Stimmung“: Dieses Feld ist unbekannt und wird nicht angezeigt."],
    ),
    "empty-title": (1, ["blog/leer.md, Zeile 1", "Feld „Title“: Dieses Pflichtfeld ist leer."]),
    "empty-date": (1, ["blog/leer.md, Zeile 2", "Feld „Date“: Dieses Pflichtfeld ist leer."]),
    "missing-title": (1, ["blog/ohne-titel.md", "Feld „Title“: Dieses Pflichtfeld fehlt."]),
    "list-semicolon": (
        1,
        ["blog/semikolon.md, Zeile 3", "„Authors: anna-beispiel, miriam-kowalski“"],
    ),
    "list-und": (
        1,
        [
            "blog/und.md, Zeile 3",
            "nicht mit Komma getrennt",
            "„Authors: anna-beispiel, miriam-kowalski“",
        ],
    ),
    "status-unknown": (
        1,
        ["blog/status.md, Zeile 3", "„entwurf“ ist kein gültiger Status", "„draft“"],
    ),
    "tab-in-header": (1, ["blog/tab.md, Zeile 2", "beginnt mit einem Tabulator"]),
    "tab-in-body": (0, ["blog/tab.md, Zeile 6", "als Programmcode"]),
    "outside-folder": (
        1,
        ["content/sommerfest.md", "liegt in keinem der Inhaltsordner", "content/blog/"],
    ),
    "wrong-extension-txt": (1, ["blog/sommerfest.txt", "Endung „.txt“", "„.md“"]),
    "wrong-extension-upper": (1, ["blog/sommerfest.MD", "Endung „.MD“"]),
    "date-german": (0, []),
    "date-german-time": (0, []),
    "date-impossible": (
        1,
        [
            "blog/unmoeglich.md, Zeile 2",
            "Den 31. Februar 2026 gibt es nicht.",
            "Der Februar 2026 hat 28 Tage.",
        ],
    ),
    # the same diagnosis in ISO notation: not "write it as year-month-day"
    "date-impossible-iso": (
        1,
        ["blog/unmoeglich-iso.md, Zeile 2", "Den 31. Februar 2026 gibt es nicht."],
    ),
    "date-impossible-month": (
        1,
        ["blog/monat.md, Zeile 2", "Einen 13. Monat gibt es nicht („2026-13-01“).", "vertauscht"],
    ),
    "date-words": (1, ["blog/worte.md, Zeile 2", "„nächsten Freitag“ ist kein gültiges Datum"]),
    "date-future": (
        0,
        ["blog/zukunft.md, Zeile 2", "01.07.2099 liegt in der Zukunft", "Status: draft"],
    ),
    "html-unclosed": (
        1,
        ["blog/kasten.md, Zeile 6", "„<div>“ wird nie geschlossen", "„</div>“"],
    ),
    "html-stray-close": (1, ["blog/kasten.md, Zeile 6", "„</div>“ schließt etwas"]),
    "html-code-is-fine": (0, []),
    "slug-collision": (
        1,
        [
            # only the newer file is asked to change (issue 12)
            "1 Fehler",
            "ergeben dieselbe Adresse „blog/treffen-bei-mueller/“",
            "eigene Zeile „Slug: …“",
            "sie ist die neuere",
        ],
    ),
    "page-titel": (1, ["pages/kontakt.md, Zeile 1", "Meinten Sie „Title:“?"]),
    "encoding-latin1": (
        1,
        ["blog/latin1.md, Zeile 1", "nicht als UTF-8 gespeichert", "„UTF-8“"],
    ),
    "encoding-cp1252": (1, ["blog/windows.md, Zeile 1", "nicht als UTF-8 gespeichert"]),
    "encoding-utf16": (1, ["blog/utf16.md", "nicht als UTF-8 gespeichert"]),
    "encoding-bom": (0, []),
    "encoding-crlf": (0, []),
    "encoding-bom-crlf": (0, []),
}


def overlay_site(tmp_path, case):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    shutil.copytree(FIXTURES / "legal-pages", content, dirs_exist_ok=True)
    shutil.copytree(MISTAKES / case, content, dirs_exist_ok=True)
    return content


def test_a_misspelled_mandatory_key_is_reported_once(tmp_path):
    result = build_site(overlay_site(tmp_path, "key-german-titel"), tmp_path / "out")
    assert "1 Fehler" in result.messages
    assert "Pflichtfeld fehlt." not in result.messages


def test_every_fixture_has_a_case():
    assert sorted(p.name for p in MISTAKES.iterdir() if p.is_dir()) == sorted(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_mistake_is_explained(tmp_path, case):
    exit_code, expected = CASES[case]
    result = build_site(overlay_site(tmp_path, case), tmp_path / "out")
    assert result.exit_code == exit_code, result.messages
    for text in expected:
        assert text in result.messages, result.messages
    assert "Traceback" not in result.messages
    if exit_code:
        assert "So beheben Sie es:" in result.messages
        assert not (tmp_path / "out" / "blog" / "erster-beitrag" / "index.html").exists()


def test_errors_are_numbered_and_counted(tmp_path):
    content = overlay_site(tmp_path, "slug-collision")
    shutil.copytree(MISTAKES / "key-duplicate", content, dirs_exist_ok=True)
    result = build_site(content, tmp_path / "out")
    # the slug collision is one error (only the newer file changes), the duplicate key one
    assert "Die Website wurde nicht gebaut: 2 Fehler in den Inhalten." in result.messages
    assert "\n1. content/blog/doppelt.md, Zeile 4" in result.messages


@pytest.mark.parametrize(
    ("case", "page", "title"),
    [
        ("encoding-bom", "blog/uebergaenge/index.html", "Übergänge"),
        ("encoding-crlf", "blog/uebergaenge/index.html", "Übergänge"),
        ("encoding-bom-crlf", "blog/uebergaenge/index.html", "Übergänge"),
    ],
)
def test_bom_and_crlf_files_are_read_like_any_other(tmp_path, case, page, title):
    result = build_site(overlay_site(tmp_path, case), tmp_path / "out")
    html = result.page(page)
    assert f"<h1>{title}</h1>" in html or f">{title}<" in html
    assert "\ufeff" not in html


@pytest.mark.parametrize(
    ("case", "stamp"),
    [
        ("date-german", 'datetime="2026-03-01T00:00'),
        ("date-german-time", 'datetime="2026-03-01T18:30'),
    ],
)
def test_german_dates_are_read_day_first(tmp_path, case, stamp):
    result = build_site(overlay_site(tmp_path, case), tmp_path / "out")
    assert stamp in result.page("blog/sommerfest/index.html")


def test_code_examples_of_html_are_not_taken_for_layout(tmp_path):
    result = build_site(overlay_site(tmp_path, "html-code-is-fine"), tmp_path / "out")
    assert "&lt;div" in result.page("blog/sommerfest/index.html")
