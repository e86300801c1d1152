"""Old addresses keep working: ``Aliases:`` writes redirect pages for every kind of content.

One build of the tiny network (``tests/fixtures/network/``) in which every
kind of content lists an old address and the episode got a new slug, one
build with colliding old addresses, and unit tests of the two rules the
feature bends or adds (the alias form, the final page check's one exception).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
from knotenpunkt.plugins.content_errors.executable import executable_parts
from knotenpunkt.plugins.content_errors.fields import known_fields, place_content_types
from knotenpunkt.plugins.content_errors.values import check_alias
from lxml import etree

from sitebuild import FIXTURES, SAMPLE_CONTENT, build_site

MEDIA = ["images/members/anna-beispiel.jpg", "images/podcast/cover.jpg", "audio/folge-01.mp3"]
GUID = "72099485-a086-4a21-b6cd-05575eac9a93"
OLD_EPISODE = "podcast/folge-01-netzwerk-ohne-chef/"
NEW_EPISODE = "podcast/netzwerk-ohne-chef/"


def network(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """The tiny network with ``{file: (old text, new text)}`` replaced."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "network", content)
    for relative in MEDIA:
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE_CONTENT / relative, content / relative)
    for relative, (old, new) in edits.items():
        path = content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return content


RENAMED = {
    "podcast/folge-01.md": (
        "Slug: folge-01-netzwerk-ohne-chef",
        f"Slug: netzwerk-ohne-chef\nAliases: /{OLD_EPISODE}",
    ),
    "members/anna-beispiel.md": ("Kind: person", "Kind: person\nAliases: team/anna"),
    "competences/dyskalkulie.md": ("Slug: dyskalkulie", "Slug: dyskalkulie\nAliases: rechnen/"),
    "blog/erster-beitrag.md": (
        "Slug: erster-beitrag",
        "Slug: erster-beitrag\nAliases: blog/alt/erster, news/erster-beitrag",
    ),
    "pages/impressum.md": ("Slug: impressum", "Slug: impressum\nAliases: kontakt/impressum/"),
}


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("aliases")
    result = build_site(network(tmp, RENAMED), tmp / "out")
    assert result.exit_code == 0, result.messages
    return result


def redirect_of(result, old: str) -> tuple[str, lxml.html.HtmlElement]:
    """Where the page at ``old`` sends a browser (resolved), and the page."""
    page = lxml.html.fromstring(result.page(old + "index.html"))
    (refresh,) = page.xpath("//meta[@http-equiv='refresh']")
    delay, _, target = refresh.get("content").partition("; url=")
    assert delay == "0"
    return urljoin("https://site.test/" + old, target), page


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (OLD_EPISODE, NEW_EPISODE),
        ("team/anna/", "mitglieder/anna-beispiel/"),
        ("rechnen/", "kompetenzen/dyskalkulie/"),
        ("blog/alt/erster/", "blog/erster-beitrag/"),
        ("news/erster-beitrag/", "blog/erster-beitrag/"),
        ("kontakt/impressum/", "impressum/"),
    ],
)
def test_every_kind_of_content_redirects_from_its_old_addresses(renamed, old, new):
    target, page = redirect_of(renamed, old)
    assert target == "https://site.test/" + new
    assert renamed.exists(new + "index.html")
    link = page.xpath("//main//a/@href")
    assert [urljoin("https://site.test/" + old, href) for href in link] == [target]
    assert page.xpath("//link[@rel='canonical']/@href")
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    # the search index reads only marked bodies; a redirect never has one
    assert "data-pagefind-body" not in renamed.page(old + "index.html")


def test_renamed_episode_keeps_its_player_address_and_feed_guid(renamed):
    target, _page = redirect_of(renamed, OLD_EPISODE + "player/")
    assert target == "https://site.test/" + NEW_EPISODE + "player/"
    channel = etree.fromstring((renamed.output / "podcast" / "feed.xml").read_bytes())
    (item,) = channel.iter("item")
    assert item.findtext("guid") == GUID
    assert item.findtext("link").endswith("/" + NEW_EPISODE)


def test_redirect_pages_stay_out_of_the_sitemap(renamed):
    sitemap = (renamed.output / "sitemap.xml").read_text(encoding="utf-8")
    assert NEW_EPISODE in sitemap
    for old in (OLD_EPISODE, "team/anna/", "rechnen/", "kontakt/impressum/"):
        assert old not in sitemap
    # nor any other page that asks search engines to leave it out: the embed player
    assert 'content="noindex"' in renamed.page(NEW_EPISODE + "player/index.html")
    assert NEW_EPISODE + "player/" not in sitemap


def test_an_old_address_used_by_another_page_names_both_files(tmp_path):
    content = network(
        tmp_path,
        {
            "members/anna-beispiel.md": (
                "Kind: person",
                "Kind: person\nAliases: blog/erster-beitrag, podcast/",
            ),
            "pages/impressum.md": ("Slug: impressum", "Slug: impressum\nAliases: alt/"),
            "pages/datenschutz.md": ("Slug: datenschutz", "Slug: datenschutz\nAliases: /alt"),
        },
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    messages = result.messages
    assert "content/members/anna-beispiel.md" in messages
    assert "„content/blog/erster-beitrag.md“" in messages
    assert "„/podcast/“" in messages  # the podcast's own page, generated by the site
    assert "„Aliases“" in messages
    # two files claiming one old address: both are named
    assert "content/pages/datenschutz.md" in messages
    assert "„content/pages/impressum.md“" in messages
    # the page living at the address is not blamed
    assert "content/blog/erster-beitrag.md, " not in messages


def test_an_old_address_cannot_replace_the_editing_interface(tmp_path):
    content = network(
        tmp_path, {"members/anna-beispiel.md": ("Kind: person", "Kind: person\nAliases: admin/")}
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert "„/admin/“" in result.messages
    assert "http-equiv" not in (result.output / "admin" / "index.html").read_text()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://verein.de/alt/folge/", "„alt/folge/“ ohne „https://“"),
        ("../../etc/passwd", "nicht erlaubt"),
        ("alt/Über uns", "„alt/ueber-uns/“"),
        ("blog/alt.html", "nicht erlaubt"),
        ("alt/?x=1", "nicht erlaubt"),
    ],
)
def test_an_old_address_is_a_path_of_slugs_in_the_file_and_line(tmp_path, value, expected):
    content = network(
        tmp_path,
        {
            "blog/erster-beitrag.md": (
                "Slug: erster-beitrag",
                f"Slug: erster-beitrag\nAliases: {value}",
            )
        },
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert "content/blog/erster-beitrag.md, Zeile 4" in result.messages
    assert expected in result.messages


def test_the_current_address_is_no_old_address(tmp_path):
    content = network(
        tmp_path,
        {"pages/impressum.md": ("Slug: impressum", "Slug: impressum\nAliases: /impressum/")},
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1
    assert "ist die jetzige Adresse dieser Seite" in result.messages


@pytest.mark.parametrize("value", ["alt", "/alt/", "podcast/folge-1", "a/b/c-2/"])
def test_path_forms_of_this_site_are_accepted(value):
    assert check_alias(value) is None


def test_every_content_type_knows_the_field_once():
    place_content_types({})
    for folder in ("members", "competences", "podcast"):
        fields = known_fields(folder)
        assert fields.get("Aliases") is not None, folder
        assert [name for name in fields.names if name == "Aliases"] == ["Aliases"]


REDIRECT = '<html><head><meta http-equiv="refresh" content="0; url={}"></head></html>'


def test_final_page_check_allows_only_the_computed_redirect():
    page = REDIRECT.format("../podcast/neu/")
    assert executable_parts(page) == ["<meta http-equiv=refresh>"]
    assert executable_parts(page, redirect_to="../podcast/neu/") == []
    assert executable_parts(page, redirect_to="../podcast/andere/") != []
    twice = page.replace("</head>", '<meta http-equiv="Refresh" content="0; url=x"></head>')
    assert executable_parts(twice, redirect_to="../podcast/neu/") != []
    script = REDIRECT.format("javascript:alert(1)")
    assert executable_parts(script, redirect_to="javascript:alert(1)") != []


@pytest.mark.browser
def test_an_old_link_lands_on_the_renamed_episode_in_a_browser(renamed):
    from browser import chromium, serve

    with serve(renamed.output) as url, chromium() as context:
        page = context.new_page()
        page.goto(f"{url}/{OLD_EPISODE}")
        page.wait_for_url(f"{url}/{NEW_EPISODE}", timeout=5000)
        assert page.locator("audio").count() >= 1
        page.goto(f"{url}/{OLD_EPISODE}player/")
        page.wait_for_url(f"{url}/{NEW_EPISODE}player/", timeout=5000)


def test_without_the_plugin_an_old_address_is_a_warning_not_silence(tmp_path):
    from pelican.settings import read_settings

    from sitebuild import PROJECT_ROOT

    plugins = read_settings(str(PROJECT_ROOT / "pelicanconf.py"))["PLUGINS"]
    without = [p for p in plugins if not str(p).endswith(".aliases")]
    assert len(without) == len(plugins) - 1
    content = network(tmp_path, {"pages/impressum.md": RENAMED["pages/impressum.md"]})
    result = build_site(content, tmp_path / "out", PLUGINS=without)
    assert result.exit_code == 0, result.messages
    assert "keine Weiterleitungen" in result.messages
    assert "content/pages/impressum.md" in result.messages
