"""The design review (issue 16): what a visitor sees on the built pages.

Durations in words, one spelling and German address per tag, code blocks a
keyboard can scroll, the home page's identity, the folding menu, the podcast
header. Browser-level checks (axe, layout) live in test_theme_sweep_*.py.
"""

import datetime
import re
import shutil
from types import SimpleNamespace

import pytest
from knotenpunkt.plugins.i18n.durations import format_duration
from knotenpunkt.plugins.sanitize.scrolling import focusable_code_blocks

from sitebuild import FIXTURES, build_site, write_files


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 Sek."),
        (44, "44 Sek."),
        (59.4, "59 Sek."),
        (60, "1 Min."),
        (47 * 60 + 10, "47 Min."),
        (3600, "1 Std."),
        (3600 + 5 * 60 + 3, "1 Std. 5 Min."),
        (2 * 3600 + 59 * 60 + 50, "3 Std."),
    ],
)
def test_durations_read_as_words(seconds, words):
    assert format_duration(seconds) == words


def test_durations_use_the_site_translation():
    english = {
        "%(num)s Sek.": "%(num)s sec",
        "%(num)s Min.": "%(num)s min",
        "%(num)s Std.": "%(num)s h",
    }
    assert format_duration(3900, english.get) == "1 h 5 min"


def test_code_blocks_become_named_focusable_regions():
    html = focusable_code_blocks(
        '<pre><code>a</code></pre><p>pre</p><pre class="x">b</pre>', "Code"
    )
    assert html.count('<pre tabindex="0" role="region" aria-label="Code"') == 2
    assert "<p>pre</p>" in html
    assert 'aria-label="&quot;&gt;"' in focusable_code_blocks("<pre>x</pre>", '">')


def test_code_block_on_the_sample_join_page_is_reachable_by_keyboard(sample_site):
    html = sample_site.page("mitmachen/index.html")
    blocks = re.findall(r"<pre[^>]*>", html)
    assert blocks and all('tabindex="0"' in b and 'role="region"' in b for b in blocks)


TAGGED = """Title: {title}
Date: 2026-0{month}-01
Tags: {tags}

Text.
"""


@pytest.fixture(scope="module")
def tagged_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("tags")
    content = root / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    write_files(
        content,
        {
            "blog/eins.md": TAGGED.format(title="Eins", month=1, tags="Qualität, inklusion, adhs"),
            "blog/zwei.md": TAGGED.format(title="Zwei", month=2, tags="qualität, Inklusion"),
            "blog/drei.md": TAGGED.format(title="Drei", month=3, tags="Inklusion, ADHS"),
        },
    )
    # another plugin (dates, issue 14) provides upcoming_dates; here a stand-in
    meeting = SimpleNamespace(
        title="Netzwerktreffen <März>", url="termine/treffen/", date=datetime.date(2027, 3, 4)
    )
    result = build_site(content, root / "output", upcoming_dates=[meeting])
    assert result.exit_code == 0, result.messages
    return result


def test_home_shows_the_next_date_when_the_context_has_one(tagged_site):
    html = tagged_site.page("index.html")
    item = html.split('class="key-figures__next"', 1)[1].split("</li>", 1)[0]
    assert "Nächster Termin" in item
    assert 'href="./termine/treffen/"' in item
    assert '<time datetime="2027-03-04">4. März 2027</time>' in item
    assert "Netzwerktreffen &lt;März&gt;" in item  # escaped like every field


def tag_links(html: str) -> list[tuple[str, str]]:
    block = html.split('class="tags"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'href="[./]*(thema/[^"]+)">([^<]+)</a>', block)


def test_tags_get_german_addresses(tagged_site):
    assert tagged_site.exists("thema/qualitaet/index.html")
    assert not tagged_site.exists("thema/qualitat/index.html")


def test_each_tag_has_one_spelling_on_every_post(tagged_site):
    seen = {}
    for slug in ("eins", "zwei", "drei"):
        for url, name in tag_links(tagged_site.page(f"blog/{slug}/index.html")):
            seen.setdefault(url, set()).add(name)
    assert seen == {
        "thema/qualitaet/": {"Qualität"},  # tie: the capitalised spelling
        "thema/inklusion/": {"Inklusion"},  # most posts write it so
        "thema/adhs/": {"ADHS"},
    }


def test_home_says_who_the_network_is_with_figures_ways_in_and_partners(sample_site):
    html = sample_site.page("index.html")
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    assert "<h1" in main and ">Netzwerk Lernen Musterstadt</h1>" not in main  # not the header again
    assert "Lerntherapeut:innen, Sozialarbeiter:innen" in main  # HOME_INTRO
    figures = dict(
        (label, int(number))
        for number, label in re.findall(
            r'key-figures__number">(\d+)</span> <span class="key-figures__label">([^<]+)<', main
        )
    )
    assert figures == {"Mitglieder": 12, "Organisationen": 4, "Kompetenzen": 10, "Podcastfolgen": 4}
    # the next date (the sample's depend on the build day) is covered by
    # test_home_shows_the_next_date_when_the_context_has_one
    for target in ('href="./mitglieder/"', 'href="./mitmachen/"', 'href="./podcast/"'):
        assert target in main.split('class="ways-in"', 1)[1].split("</ul>", 1)[0]
    partners = main.split('id="partner"', 1)[1]
    assert partners.count('class="partner"') == 4
    assert "Lernen in Musterstadt e. V." in partners
    assert '<img src="./theme/img/home-illustration.svg"' in main
    assert (sample_site.output / "theme/img/home-illustration.svg").exists()


def test_home_loads_the_podcast_styles_for_its_episode_card(sample_site):
    html = sample_site.page("index.html")
    assert 'href="./theme/css/podcast.css"' in html
    assert "episode-card__play" in html


def test_menu_folds_behind_a_button_that_works_without_javascript(sample_site):
    html = sample_site.page("blog/index.html")
    menu = html.split('<details class="site-menu">', 1)[1].split("</details>", 1)[0]
    assert '<summary class="site-menu__toggle">' in menu
    assert 'aria-label="Hauptnavigation"' in menu
    assert 'href="../mitmachen/"' in menu


def test_podcast_index_names_the_show_once_with_play_links(sample_site):
    html = sample_site.page("podcast/index.html")
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert h1 == "Lernen im Netzwerk – der Podcast aus Musterstadt"
    assert html.count('class="episode-card__play"') == 4
    assert 'href="../podcast/folge-01-netzwerk-ohne-chef/#anhoeren"' in html
    assert re.search(r"<time datetime=\"PT\d+S\">\d+\xa0Sek\.</time>", html)
    episode = sample_site.page("podcast/folge-01-netzwerk-ohne-chef/index.html")
    assert 'id="anhoeren"' in episode


def test_screenshot_tool_finds_every_kind_of_page_and_writes_a_contact_sheet(sample_site, tmp_path):
    """`make screenshots` covers each page type the issue names; the sheet links every shot."""
    import screenshots  # tools/ is on pytest's pythonpath

    pages = screenshots.existing_pages(sample_site.output)
    assert [label for label, _path in pages] == [label for label, _ in screenshots.PAGE_KINDS]
    screenshots.write_contact_sheet(tmp_path, pages)
    sheet = (tmp_path / "index.html").read_text()
    for _label, path in pages:
        for width in ("375", "768", "1280"):
            for scheme in ("light", "dark"):
                assert f'src="{screenshots.file_name(path, width, scheme)}"' in sheet
