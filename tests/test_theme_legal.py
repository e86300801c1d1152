"""Impressum and Datenschutz come from the LEGAL block; production needs it complete."""

import shutil

from sitebuild import (
    FIXTURES,
    build_site,
    write_files,
)

COMPLETE = {
    "name": "Test e. V.",
    "street": "Teststraße 5",
    "postcode_city": "54321 Prüfstadt",
    "represented_by": "Vorstand: Erika Muster",
    "email": "kontakt@example.org",
    "responsible_for_content": "Erika Muster, Teststraße 5, 54321 Prüfstadt",
    "supervisory_authority": "Landesbeauftragte für Datenschutz Prüfland",
}


def legal_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    return write_files(
        content,
        {"pages/datenschutz.md": "Title: Datenschutzerklärung\nSlug: datenschutz\n\nText.\n"},
    )


def test_impressum_and_datenschutz_show_the_configured_data(tmp_path):
    result = build_site(legal_site(tmp_path), tmp_path / "out", LEGAL=COMPLETE)
    assert result.exit_code == 0, result.messages
    impressum = result.page("impressum/index.html")
    assert "Angaben gemäß § 5 DDG" in impressum
    for value in ["Test e. V.", "Teststraße 5", "54321 Prüfstadt", "Vorstand: Erika Muster"]:
        assert value in impressum
    assert 'href="mailto:kontakt@example.org"' in impressum
    assert "bitte ausfüllen" not in impressum
    privacy = result.page("datenschutz/index.html")
    assert "Landesbeauftragte für Datenschutz Prüfland" in privacy and "Test e. V." in privacy


def test_development_build_marks_missing_data_visibly(tmp_path):
    incomplete = {**COMPLETE, "street": "", "email": ""}
    result = build_site(legal_site(tmp_path), tmp_path / "out", LEGAL=incomplete)
    assert result.exit_code == 0, result.messages
    impressum = result.page("impressum/index.html")
    assert '<mark class="fill-in">bitte ausfüllen: Straße und Hausnummer</mark>' in impressum
    assert "bitte ausfüllen: E-Mail-Adresse" in impressum


def test_production_build_stops_when_impressum_data_is_missing(tmp_path):
    incomplete = {key: value for key, value in COMPLETE.items() if key != "street"}
    result = build_site(
        legal_site(tmp_path), tmp_path / "out", LEGAL=incomplete, LEGAL_REQUIRE_COMPLETE=True
    )
    assert result.exit_code == 1
    assert 'Feld „LEGAL["street"]“' in result.messages
    assert "Pflichtangabe für das Impressum fehlt: Straße und Hausnummer." in result.messages
    assert "pelicanconf.py" in result.messages
    assert "Traceback" not in result.messages
    assert not (tmp_path / "out" / "impressum" / "index.html").exists()


def test_unknown_legal_key_gets_a_did_you_mean_hint(tmp_path):
    result = build_site(legal_site(tmp_path), tmp_path / "out", LEGAL={**COMPLETE, "emial": "x"})
    assert result.exit_code == 1
    assert "Meinten Sie „email“?" in result.messages


def test_sample_network_publishes_with_complete_legal_data(published_sample):
    result = published_sample
    impressum = result.page("impressum/index.html")
    assert "Lernen in Musterstadt e. V." in impressum and "fill-in" not in impressum
    # exactly one Impressum: the page, with the legal template, no second output path
    assert sorted(p.as_posix() for p in result.output.rglob("impressum*")) == [
        (result.output / "impressum").as_posix()
    ]
