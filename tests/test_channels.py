"""The network's channels: checked https addresses, plain rel="me" links in the
footer and on the about page, and a clear message for a wrong setting."""

import re
import shutil

import pytest
from knotenpunkt.plugins.channels.plugin import Channel, read_channels
from knotenpunkt.plugins.channels.urls import https_url_problem, https_url_problems

from sitebuild import FIXTURES, build_site, write_files

MASTODON = ("Mastodon", "https://social.example/@netzwerk", "mastodon")
NEWSLETTER = ("Newsletter", "https://newsletter.example/netzwerk")


@pytest.mark.parametrize(
    "url",
    [
        "https://social.example/@netzwerk",
        "https://www.linkedin.com/company/netzwerk-lernen/",
        "https://netzwerk.example.org:8443/newsletter?x=1#anmelden",
        "  https://blog.example.org/  ",
    ],
)
def test_good_https_addresses_pass(url):
    assert https_url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "fehlt"),
        (None, "fehlt"),
        ("http://social.example/@netzwerk", "nicht verschlüsselt"),
        ("social.example/@netzwerk", "keine vollständige Internetadresse"),
        ("javascript:alert(1)", "keine vollständige Internetadresse"),
        ("mailto:info@example.org", "keine vollständige Internetadresse"),
        ("https://social example/@netzwerk", "Leerzeichen"),
        ('https://social.example/"><script>', "Zeichen"),
        ("https://bank.example@evil.example/", "mit „@“"),
        ("https://localhost/", "keinen gültigen Server"),
        ("https:///pfad", "keinen gültigen Server"),
        ("https://social.example:99999/", "keinen gültigen Server"),
    ],
)
def test_bad_addresses_say_what_is_wrong_and_how_to_fix_it(url, words):
    problem = https_url_problem(url)
    assert problem is not None
    assert words in problem.message
    assert "https://" in problem.hint or "Adresszeile" in problem.hint


def test_a_list_of_addresses_reports_each_bad_one_with_its_position():
    found = https_url_problems(["https://a.example/", "http://b.example/", "c"])
    assert [(index, value) for index, value, _problem in found] == [
        (1, "http://b.example/"),
        (2, "c"),
    ]


def test_channels_are_read_from_tuples_and_dicts():
    channels, problems = read_channels(
        [MASTODON, NEWSLETTER, {"label": "Blog", "url": "https://blog.example/", "kind": "blog"}]
    )
    assert problems == []
    assert channels == [
        Channel(*MASTODON),
        Channel(*NEWSLETTER, "website"),
        Channel("Blog", "https://blog.example/", "blog"),
    ]


@pytest.mark.parametrize(
    ("configured", "field", "words"),
    [
        ("https://social.example/@netzwerk", "NETWORK_CHANNELS", "eine Liste"),
        ([("Mastodon",)], "NETWORK_CHANNELS[0]", "Bezeichnung und eine Adresse"),
        ([MASTODON, ("", "https://x.example/")], "NETWORK_CHANNELS[1]", "Bezeichnung"),
        ([("Mastodon", "http://social.example/@n")], "NETWORK_CHANNELS[0]", "verschlüsselt"),
        ([("Mastodon", "https://social.example/@n", "mastodn")], "NETWORK_CHANNELS[0]", "Art"),
    ],
)
def test_a_wrong_setting_is_a_problem_naming_the_entry(configured, field, words):
    channels, problems = read_channels(configured)
    assert problems, channels
    assert problems[0].source_path == "pelicanconf.py"
    assert problems[0].field == field
    assert words in problems[0].message
    assert problems[0].hint


def test_a_misspelt_kind_gets_a_suggestion():
    _channels, (problem,) = read_channels([("Mastodon", "https://social.example/@n", "mastodn")])
    assert "Meinten Sie „mastodon“?" in problem.hint


def channel_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    return write_files(
        content,
        {"pages/ueber-uns.md": "Title: Über uns\nSlug: ueber-uns\n\nWer wir sind.\n"},
    )


def links_with_rel_me(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]+)" rel="me">([^<]+)</a>', html)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("channels")
    result = build_site(channel_site(root), root / "out", NETWORK_CHANNELS=[MASTODON, NEWSLETTER])
    assert result.exit_code == 0, result.messages
    return result


def test_every_page_footer_links_the_channels_with_rel_me(built):
    expected = [("https://social.example/@netzwerk", "Mastodon"), (NEWSLETTER[1], "Newsletter")]
    for page in ["index.html", "blog/erster-beitrag/index.html", "impressum/index.html"]:
        footer = built.page(page).split('<footer class="site-footer">', 1)[1]
        assert links_with_rel_me(footer) == expected, page


def test_the_about_page_lists_the_channels_under_its_text(built):
    main = built.page("ueber-uns/index.html").split("<main", 1)[1].split("</main>", 1)[0]
    assert "Das Netzwerk im Netz" in main
    assert links_with_rel_me(main) == [
        ("https://social.example/@netzwerk", "Mastodon"),
        (NEWSLETTER[1], "Newsletter"),
    ]
    other = built.page("impressum/index.html").split("<main", 1)[1].split("</main>", 1)[0]
    assert links_with_rel_me(other) == []


def test_nothing_is_embedded_from_the_channels_hosts(built):
    html = built.page("ueber-uns/index.html")
    assert "<iframe" not in html
    assert not re.search(r"<(?:script|img|link)[^>]+(?:social|newsletter)\.example", html)


def test_no_channels_no_empty_navigation(tmp_path):
    result = build_site(channel_site(tmp_path), tmp_path / "out", NETWORK_CHANNELS=[])
    assert result.exit_code == 0, result.messages
    assert "Das Netzwerk im Netz" not in result.page("ueber-uns/index.html")


def test_a_wrong_address_stops_the_build_with_a_german_message(tmp_path):
    result = build_site(
        channel_site(tmp_path),
        tmp_path / "out",
        NETWORK_CHANNELS=[MASTODON, ("Newsletter", "http://newsletter.example/netzwerk")],
    )
    assert result.exit_code == 1
    assert "pelicanconf.py" in result.messages
    assert "NETWORK_CHANNELS[1]" in result.messages
    assert "ist nicht verschlüsselt (http)" in result.messages
    assert "Traceback" not in result.messages
