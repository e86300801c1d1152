"""Mistakes in member profiles and podcast episodes come back as messages members understand.

Each case is a folder under ``tests/fixtures/mistakes-network/`` laid over a
tiny network (``tests/fixtures/network/``: one member, two competences, one
episode; photo, cover and audio are copied from the sample at test time).
"""

import shutil

import pytest

from sitebuild import FIXTURES, SAMPLE_CONTENT, build_site

MISTAKES = FIXTURES / "mistakes-network"
MEDIA = ["images/members/anna-beispiel.jpg", "images/podcast/cover.jpg", "audio/folge-01.mp3"]

# case → (exit code, texts the member must read)
CASES = {
    "member-kompetenzen": (
        1,
        [
            "members/zora-zander.md, Zeile 7",
            "Feld „Kompetenzen“: Dieses Feld ist unbekannt.",
            "Meinten Sie „Competences:“? Dieses Pflichtfeld fehlt sonst in der Datei.",
            "1 Fehler",
        ],
    ),
    "member-competence-typo": (
        1,
        ["Zeile 3", "Die Kompetenz „legasthenia“ gibt es nicht.", "Meinten Sie „legasthenie“?"],
    ),
    "member-competences-semicolon": (
        1,
        ["Zeile 3", "„Competences: legasthenie, dyskalkulie“"],
    ),
    "member-formats-und": (
        1,
        ["Zeile 5", "nicht mit Komma getrennt", "„Formats: praesenz, online“", "1 Fehler"],
    ),
    "member-kind-unknown": (
        1,
        ["Zeile 2", "Feld „Kind“: „verein“ ist hier kein erlaubter Wert.", "person, organisation"],
    ),
    "member-unknown-key": (
        1,
        ["Zeile 8", "Feld „Telefon“: Dieses Feld ist unbekannt.", "Bekannte Felder sind: Title"],
    ),
    "member-empty-region": (1, ["Zeile 4", "Feld „Region“: Dieses Pflichtfeld ist leer."]),
    "member-duplicate-key": (1, ["Zeile 9", "Feld „Roles“: Dieses Feld steht doppelt"]),
    "member-photo-wrong-case": (
        1,
        [
            "Zeile 6",
            "„images/members/Anna-Beispiel.JPG“ gibt es so nicht",
            "Die Datei heißt „images/members/anna-beispiel.jpg“",
        ],
    ),
    "member-photo-spaces": (
        1,
        ["Zeile 6", "enthält Leerzeichen", "„images/members/zora-zander.jpg“", "1 Fehler"],
    ),
    "member-photo-not-image": (
        1,
        ["Zeile 6", "„images/members/zora.jpg“ ist kein Bild", "JPEG, PNG oder WebP"],
    ),
    "member-photo-missing": (
        0,
        [
            "Hinweise (1)",
            "Feld „Photo“: Dieses empfohlene Feld fehlt",
            "„Photo: images/members/zora-zander.jpg“",  # named after this member's file
        ],
    ),
    "member-in-blog": (
        1,
        [
            "content/blog/zora-zander.md, Zeile 2",
            "nur in Dateien der Art „Mitgliederprofil“",
            "Verschieben Sie die Datei nach content/members/.",
            "1 Fehler",
        ],
    ),
    "member-in-root": (
        1,
        ["content/zora-zander.md", "liegt in keinem der Inhaltsordner", "content/members/"],
    ),
    "member-slug-collision": (
        1,
        ["mitglieder/jana-mueller/", "content/members/jana-müller.md", "Slug: jana-mueller-2"],
    ),
    "member-german-date-future": (
        0,
        ["blog/termin.md, Zeile 2", "01.07.2099 liegt in der Zukunft"],
    ),
    "episode-folge-key": (
        1,
        ["podcast/folge-02.md, Zeile 8", "Feld „Folge“", "Meinten Sie „Episode:“?", "1 Fehler"],
    ),
    "episode-audio-wrong-case": (
        1,
        ["Zeile 3", "„audio/Folge-01.mp3“ gibt es so nicht", "„audio/folge-01.mp3“"],
    ),
    "episode-audio-spaces": (1, ["Zeile 3", "„audio/folge 02.mp3“ enthält Leerzeichen"]),
    "episode-in-blog": (
        1,
        ["content/blog/folge-02.md, Zeile 3", "„Podcastfolge“", "nach content/podcast/"],
    ),
    "episode-missing-guid": (1, ["Feld „Guid“: Dieses Pflichtfeld fehlt.", "Guid: "]),
    "episode-duplicate-guid": (1, ["Feld „Guid“", "hat schon die Folge „folge-01.md“"]),
    "episode-german-date": (0, []),
}


def network_site(tmp_path, case=None):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "network", content)
    for relative in MEDIA:
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE_CONTENT / relative, content / relative)
    if case:
        shutil.copytree(MISTAKES / case, content, dirs_exist_ok=True)
    return content


def test_every_fixture_has_a_case():
    assert sorted(p.name for p in MISTAKES.iterdir() if p.is_dir()) == sorted(CASES)


def test_the_tiny_network_builds(tmp_path):
    result = build_site(network_site(tmp_path), tmp_path / "out")
    assert result.exit_code == 0, result.messages
    assert "Hinweis" not in result.messages


@pytest.mark.parametrize("case", sorted(CASES))
def test_mistake_is_explained(tmp_path, case):
    exit_code, expected = CASES[case]
    result = build_site(network_site(tmp_path, case), tmp_path / "out")
    assert result.exit_code == exit_code, result.messages
    for text in expected:
        assert text in result.messages, result.messages
    assert "Traceback" not in result.messages
    if exit_code:
        assert "So beheben Sie es:" in result.messages
        assert not (tmp_path / "out" / "mitglieder").exists()


def test_a_40_megabyte_photo_is_refused_with_its_size(tmp_path):
    content = network_site(tmp_path)
    photo = content / "images" / "members" / "riesig.jpg"
    with photo.open("wb") as handle:  # a real JPEG with 40 MB of trailing bytes
        handle.write((SAMPLE_CONTENT / "images/members/anna-beispiel.jpg").read_bytes())
        handle.truncate(40 * 1024 * 1024)
    member = (content / "members" / "anna-beispiel.md").read_text(encoding="utf-8")
    (content / "members" / "anna-beispiel.md").write_text(
        member.replace("anna-beispiel.jpg", "riesig.jpg"), encoding="utf-8"
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert "members/anna-beispiel.md, Zeile 6" in result.messages
    assert "„images/members/riesig.jpg“ ist 40 MB groß; erlaubt sind höchstens 10 MB." in (
        result.messages
    )
    assert "Traceback" not in result.messages
