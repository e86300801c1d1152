"""Publishing cannot go to the wrong address; `make check` says what publishing refuses.

Issue 12: a fork must never publish with the sample's address, http:// or a
malformed one; `make check` covers the Impressum; its report speaks of
checking; mistakes in the settings are reported as such; the build log is
one German line, not Pelican's English summary.
"""

import pytest
from knotenpunkt.plugins.content_errors.publishing import siteurl_problem

from knotenpunkt.build import atomic_build, check
from test_robust_build import PELICANCONF, PUBLISHCONF, minimal_content, run_cli
from test_theme_legal import COMPLETE


@pytest.mark.parametrize(
    ("address", "wanted"),
    [
        ("", "fehlt"),
        ("   ", "fehlt"),
        ("http://verein.example.de", "http://"),
        ("https://verein example.de", "Leerzeichen"),
        ("https://x.example@evil.de", "Zugangsdaten"),
        ("https://verein.de/?x=1", "Zugangsdaten"),
        ("verein.de", "keine vollständige Internetadresse"),
        ("https://verein_de", "kein gültiger Name"),
        ("https://-verein.de", "kein gültiger Name"),
        ("https://localhost", "kein gültiger Name"),
        ("https://netzwerk-lernen.example.org", "Beispieladresse"),
        ("https://verein.test", "Beispieladresse"),
        ("https://verein.de:abc", "Portnummer"),
    ],
)
def test_addresses_a_network_must_not_publish_with(address, wanted):
    problem = siteurl_problem(address, allow_http=False, allow_example=False)
    assert problem is not None and wanted in problem


@pytest.mark.parametrize(
    "address",
    [
        "https://netzwerk-lernen.de",
        "https://www.verein-muenchen.de",
        "https://lernen-münchen.de",  # an internationalised domain name
        "https://user.github.io/netzwerk",  # GitHub Pages of a project
        "https://verein.de:8443",
    ],
)
def test_real_public_addresses_pass(address):
    assert siteurl_problem(address, allow_http=False, allow_example=False) is None


def test_http_and_example_addresses_pass_only_when_explicitly_allowed():
    assert siteurl_problem("http://verein.de", allow_http=True, allow_example=False) is None
    assert siteurl_problem("https://n.example.org", allow_http=False, allow_example=True) is None


def test_publishing_without_an_address_is_a_configuration_error_saying_where_to_set_it(
    tmp_path, capsys
):
    output = tmp_path / "output"
    outcome = atomic_build(PUBLISHCONF, output, PATH=str(minimal_content(tmp_path)), SITEURL="")
    printed = capsys.readouterr().err
    assert outcome.exit_code == 1
    assert not output.exists()
    assert "Fehler in der Konfiguration" in printed
    assert "Fehler in den Inhalten" not in printed
    assert "publishconf.py" in printed and "Feld „SITEURL“" in printed
    assert "Die öffentliche Adresse der Website fehlt." in printed
    assert "SITEURL=https://ihr-netzwerk.de make publish" in printed


def test_the_sample_address_is_not_published_by_a_fork(tmp_path, capsys):
    outcome = check(
        PUBLISHCONF,
        PATH=str(minimal_content(tmp_path)),
        SITEURL="https://netzwerk-lernen.example.org",
    )
    assert outcome.exit_code == 1
    assert "Beispieladresse" in capsys.readouterr().err


def test_publish_takes_siteurl_from_the_environment(tmp_path):
    output = tmp_path / "output"
    completed = run_cli(
        "build",
        "--publish",
        "--content",
        str(minimal_content(tmp_path)),
        "--output",
        str(output),
        env={"SITEURL": "https://netzwerk-lernen.de/"},
    )
    assert completed.returncode == 0, completed.stderr
    assert 'href="https://netzwerk-lernen.de/blog/erster-beitrag/"' in (
        output / "blog" / "index.html"
    ).read_text(encoding="utf-8")


def test_check_fails_on_incomplete_impressum_that_html_still_builds(tmp_path, capsys):
    incomplete = {key: value for key, value in COMPLETE.items() if key != "street"}
    content = minimal_content(tmp_path)
    outcome = check(PELICANCONF, PATH=str(content), LEGAL=incomplete)
    printed = capsys.readouterr().err
    assert outcome.exit_code == 1
    assert 'Feld „LEGAL["street"]“' in printed
    assert "Fehler in der Konfiguration" in printed
    # a preview with the gap marked is still useful while the data is collected
    built = atomic_build(PELICANCONF, tmp_path / "output", PATH=str(content), LEGAL=incomplete)
    assert built.exit_code == 0


def test_check_speaks_of_checking_not_of_building(tmp_path, capsys):
    outcome = check(PELICANCONF, PATH=str(minimal_content(tmp_path, "date-impossible")))
    printed = capsys.readouterr().err
    assert outcome.exit_code == 1
    assert "Die Prüfung hat 1 Fehler in den Inhalten gefunden" in printed
    assert "nicht gebaut" not in printed and "bauen Sie" not in printed


def test_build_log_is_one_german_line_without_pelicans_summary(tmp_path):
    completed = run_cli(
        "build", "--content", str(minimal_content(tmp_path)), "--output", str(tmp_path / "out")
    )
    assert completed.returncode == 0, completed.stderr
    printed = completed.stdout + completed.stderr
    assert "Done: Processed" not in printed
    assert "Gebaut: 0 Mitglieder, 1 Blogbeitrag, 0 Podcastfolgen, 2 Seiten." in printed


def test_build_summary_names_dates_and_groups_only_when_the_site_has_some():
    from knotenpunkt.build import built_summary

    base = {"members": [1, 2], "articles": [1], "podcast_episodes": [], "pages": [1]}
    assert built_summary({**base, "dates": [], "network_groups": []}) == (
        "Gebaut: 2 Mitglieder, 1 Blogbeitrag, 0 Podcastfolgen, 1 Seite."
    )
    assert built_summary({**base, "dates": [1], "network_groups": [1, 2, 3]}) == (
        "Gebaut: 2 Mitglieder, 1 Blogbeitrag, 0 Podcastfolgen, 1 Seite, 1 Termin, 3 Gruppen."
    )
