"""Episode pages, the episode list at /podcast/ and the subscribe page."""

from __future__ import annotations

import re

EP1 = "podcast/folge-01-netzwerk-ohne-chef/index.html"
EP2 = "podcast/folge-02-mehrsprachig-aufwachsen/index.html"
EP3 = "podcast/folge-03-hausaufgaben-ohne-streit/index.html"


def main_of(html: str) -> str:
    return re.search(r"<main.*?</main>", html, re.S).group(0)


def test_episode_page_has_own_host_player_and_download_with_size_and_duration(sample_site):
    html = sample_site.page(EP1)
    player = re.search(r"<audio[^>]*>", html).group(0)
    assert 'preload="none"' in player and "controls" in player
    assert 'src="../../audio/folge-01.mp3"' in player
    assert sample_site.exists("audio/folge-01.mp3")
    download = re.search(r'<p class="episode__download">(.*?)</p>', html, re.S).group(1)
    assert 'href="../../audio/folge-01.mp3" download' in download
    assert "0,4 MB" in download  # 376 155 bytes, Babel-formatted for German
    assert '<time datetime="PT47S">47\xa0Sek.</time>' in download  # in words, not "0:47 Min."
    assert "<h1>Wie arbeitet ein Netzwerk ohne Chef?</h1>" in html
    assert "Staffel 1 · Folge 1" in html


def test_episode_page_shows_notes_and_links_hosts_and_guests(sample_site):
    html = main_of(sample_site.page(EP3))
    assert '<h2 id="text-drei-tipps-aus-der-folge">' in html  # show notes from Markdown
    people = re.search(r'<dl class="episode__people">.*?</dl>', html, re.S).group(0)
    assert '<a href="../../mitglieder/anna-beispiel/">Anna Beispiel</a>' in people
    assert '<a href="../../mitglieder/tobias-lindner/">Tobias Lindner</a>' in people
    assert "Dr. Petra Gast" in people
    assert not re.search(r"<a[^>]*>Dr. Petra Gast</a>", people)  # a free name, no link


def test_chapters_are_a_list_of_timestamps_that_work_without_javascript(sample_site):
    html = sample_site.page(EP1)
    chapters = re.findall(
        r'<a class="chapter-link" href="([^"]+)" data-seek="([^"]+)"><time[^>]*>([^<]+)</time> '
        r"<span>([^<]+)</span></a>",
        html,
    )
    assert chapters == [
        ("../../audio/folge-01.mp3#t=0.0", "0.0", "0:00", "Begrüßung"),
        ("../../audio/folge-01.mp3#t=16.3", "16.3", "0:16", "Was heißt heterarchisch?"),
        ("../../audio/folge-01.mp3#t=29.6", "29.6", "0:29", "Wer sorgt für Verlässlichkeit?"),
    ]
    assert "theme/js/podcast.js" in html
    assert sample_site.exists("theme/js/podcast.js")


def test_transcript_is_rendered_as_readable_text(sample_site):
    html = main_of(sample_site.page(EP2))
    section = re.search(r"<section[^>]*episode__transcript.*?</section>", html, re.S).group(0)
    assert "Mein Name ist Anna Beispiel." in section
    assert "-->" not in section and "WEBVTT" not in section
    assert 'href="../../audio/folge-02.vtt"' in section
    # no transcript, no empty section
    assert "episode__transcript" not in sample_site.page(EP1)


def test_index_lists_episodes_newest_first_with_numbers(sample_site):
    html = main_of(sample_site.page("podcast/index.html"))
    titles = re.findall(r'<h3 class="card__title"><a href="([^"]+)">([^<]+)</a>', html)
    assert titles == [
        ("../podcast/folge-03-hausaufgaben-ohne-streit/", "Hausaufgaben ohne Streit"),
        ("../podcast/folge-02-mehrsprachig-aufwachsen/", "Mehrsprachig aufwachsen, lesen lernen"),
        ("../podcast/folge-01-netzwerk-ohne-chef/", "Wie arbeitet ein Netzwerk ohne Chef?"),
        ("../podcast/trailer/", "Worum es in diesem Podcast geht"),
    ]
    numbers = re.findall(r'<p class="episode__number">(.+?)</p>', html)
    assert numbers == [
        "Staffel 1 · Folge 3",
        "Staffel 1 · Folge 2",
        "Staffel 1 · Folge 1",
        '<span class="episode__badge">Trailer</span>',
    ]
    assert 'href="../podcast/abonnieren/"' in html
    assert 'aria-current="page">Podcast<' in sample_site.page("podcast/index.html")


def test_subscribe_page_has_feed_url_copy_button_and_plain_app_links(sample_site):
    html = sample_site.page("podcast/abonnieren/index.html")
    assert '<code id="feed-url">http://127.0.0.1:8000/podcast/feed.xml</code>' in html
    assert re.search(r'<button[^>]*data-copy="feed-url"[^>]*hidden>', html)  # shown by JS only
    assert 'role="status" aria-live="polite"' in html
    for app in ("Apple Podcasts", "AntennaPod", "Pocket Casts", "Overcast", "gPodder"):
        assert f">{app}</a>" in html
    assert 'href="pktc://subscribe/127.0.0.1:8000/podcast/feed.xml"' in html
    assert "antennapod.org/deeplink/subscribe?url=http%3A%2F%2F127.0.0.1%3A8000" in html
    assert 'href="http://127.0.0.1:8000/podcast/feed.xml"' in html


def test_podcast_pages_request_nothing_from_other_hosts(sample_site):
    for page in (EP1, EP2, EP3, "podcast/index.html", "podcast/abonnieren/index.html"):
        html = sample_site.page(page)
        for tag, url in re.findall(
            r"<(script|img|link|audio|source)[^>]+(?:src|href)=\"([^\"]+)\"", html
        ):
            assert not re.match(r"^(https?:)?//", url), (page, tag, url)


def test_episodes_have_their_own_list_not_the_blog(sample_site):
    blog = sample_site.page("blog/index.html")
    assert "Hausaufgaben ohne Streit" not in blog
    assert not sample_site.exists("blog/folge-01-netzwerk-ohne-chef/index.html")
    assert 'rel="alternate" type="application/rss+xml"' in sample_site.page(EP1)


def test_members_plugin_can_find_episodes_of_a_member(tmp_path):
    """``article.podcast_people`` and ``podcast_episodes_by_member`` for profiles."""
    from pelican import signals

    from sitebuild import build_site, copy_sample

    seen = {}

    def grab(generators):
        context = generators[0].context
        seen["by_member"] = dict(context["podcast_episodes_by_member"])
        seen["people"] = {a.slug: a.podcast_people for a in context["podcast_episodes"]}

    # people are resolved once every generator has read its content
    signals.all_generators_finalized.connect(grab)
    try:
        result = build_site(copy_sample(tmp_path), tmp_path / "out")
    finally:
        signals.all_generators_finalized.disconnect(grab)
    assert result.exit_code == 0, result.messages
    assert [a.slug for a in seen["by_member"]["anna-beispiel"]] == [
        "folge-03-hausaufgaben-ohne-streit",
        "folge-02-mehrsprachig-aufwachsen",
        "folge-01-netzwerk-ohne-chef",
        "trailer",
    ]
    assert [a.slug for a in seen["by_member"]["tobias-lindner"]] == [
        "folge-03-hausaufgaben-ohne-streit"
    ]
    assert seen["people"]["folge-03-hausaufgaben-ohne-streit"] == [
        {"slug": "anna-beispiel", "name": "Anna Beispiel", "role": "host"},
        {"slug": "tobias-lindner", "name": "Tobias Lindner", "role": "guest"},
    ]


def test_a_site_without_episodes_says_so_and_needs_no_cover(tmp_path):
    import shutil

    from sitebuild import FIXTURES, build_site

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    assert "Noch keine Folgen." in result.page("podcast/index.html")
    assert not result.exists("podcast/feed.xml")


def test_podcast_pages_have_breadcrumbs_back_to_the_podcast(sample_site):
    def labels(page):
        nav = re.search(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', sample_site.page(page), re.S)
        assert nav, f"no breadcrumbs on {page}"
        return re.findall(r"<a [^>]*>([^<]*)</a>", nav.group(1))

    assert labels("podcast/index.html") == ["Startseite", "Podcast"]
    assert labels(EP1) == ["Startseite", "Podcast", "Wie arbeitet ein Netzwerk ohne Chef?"]
    assert labels("podcast/abonnieren/index.html") == ["Startseite", "Podcast", "Abonnieren"]


def test_player_offers_the_vtt_transcript_as_captions_and_the_section_has_an_id(sample_site):
    player = re.search(r"<audio[^>]*>.*?</audio>", sample_site.page(EP2), re.S).group(0)
    track = re.search(r"<track[^>]*>", player).group(0)
    assert 'kind="captions"' in track and 'srclang="de"' in track
    assert 'src="../../audio/folge-02.vtt"' in track and 'label="Untertitel"' in track
    assert sample_site.exists("audio/folge-02.vtt")
    # the feed's text/html podcast:transcript points at this id
    assert re.search(r'<section id="transkript"[^>]*episode__transcript', sample_site.page(EP2))
    # no transcript, no track
    assert "<track" not in sample_site.page(EP1)


# --- transcript alone and the embeddable player -------------------------------------

TRANSCRIPT2 = "podcast/folge-02-mehrsprachig-aufwachsen/transkript/index.html"
PLAYER1 = "podcast/folge-01-netzwerk-ohne-chef/player/index.html"


def test_transcript_page_is_the_transcript_alone(sample_site):
    html = sample_site.page(TRANSCRIPT2)
    assert html.count("<h1") == 1 and "Transkript: Mehrsprachig aufwachsen" in html
    assert "Mein Name ist Anna Beispiel." in html
    assert "site-nav" not in html and "site-footer" not in html
    assert "folge-shownotes" not in html  # no show notes
    assert 'href="../../../podcast/folge-02-mehrsprachig-aufwachsen/"' in html  # back to it
    # episodes without a transcript get no such page
    assert not sample_site.exists("podcast/folge-01-netzwerk-ohne-chef/transkript/index.html")
    episode = sample_site.page(EP2)
    assert 'href="../../podcast/folge-02-mehrsprachig-aufwachsen/transkript/"' in episode


def test_player_page_has_player_chapters_and_a_link_back(sample_site):
    html = sample_site.page(PLAYER1)
    assert re.search(r'<audio id="episode-player"[^>]*src="../../../audio/folge-01.mp3"', html)
    assert 'data-seek="16.3"' in html and 'data-seek="29.6"' in html
    back = re.search(r"<h1[^>]*><a ([^>]*)>", html).group(1)
    assert 'href="../../../podcast/folge-01-netzwerk-ohne-chef/"' in back
    assert 'target="_blank"' in back and 'rel="noopener"' in back
    assert '<meta name="robots" content="noindex">' in html
    assert "site-nav" not in html
    assert not re.search(r'(?:src|href)="https?://', html), "nothing from another host"


def test_episode_page_offers_the_embed_snippet_with_the_absolute_player_address(sample_site):
    import html as html_module

    code = re.search(r'<code id="embed-code">(.*?)</code>', sample_site.page(EP1), re.S).group(1)
    snippet = html_module.unescape(code)
    assert snippet.startswith("<iframe ") and snippet.endswith("></iframe>")
    src = re.search(r'src="([^"]+)"', snippet).group(1)
    assert src == "http://127.0.0.1:8000/podcast/folge-01-netzwerk-ohne-chef/player/"
    assert 'title="Wie arbeitet ein Netzwerk ohne Chef? – ' in snippet
    assert 'data-copy="embed-code"' in sample_site.page(EP1)
