"""The sample network builds, and its key pages are there with the right titles."""

import re

import pytest

from sitebuild import FIXTURES, build_site, write_files


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def h1_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()


def test_sample_network_builds_without_problems(sample_site):
    assert sample_site.exit_code == 0
    assert "Fehler" not in sample_site.messages


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("blog/index.html", "Blog"),
        ("ueber-uns/index.html", "Über uns"),
        ("aufnahmekriterien/index.html", "Aufnahmekriterien"),
        ("mitmachen/index.html", "Mitmachen"),
        ("impressum/index.html", "Impressum"),
        ("datenschutz/index.html", "Datenschutzerklärung"),
    ],
)
def test_key_pages_exist_with_their_titles(sample_site, path, heading):
    html = sample_site.page(path)
    assert h1_of(html) == heading
    assert title_of(html).startswith(heading)


def test_home_page_is_titled_with_the_site_name_and_says_what_the_network_does(sample_site):
    html = sample_site.page("index.html")
    assert title_of(html) == "Netzwerk Lernen Musterstadt"
    # the header already names the site; the heading says what the network does
    assert h1_of(html) == "Lerntherapie, Beratung und Inklusion – gemeinsam in Musterstadt"


def test_every_page_is_german_with_skip_link_and_legal_links(sample_site):
    html = sample_site.page("index.html")
    assert '<html lang="de">' in html
    assert 'href="#inhalt"' in html and 'id="inhalt"' in html
    assert 'href="./impressum/"' in html and 'href="./datenschutz/"' in html


def test_blog_posts_are_rendered_from_markdown(sample_site):
    posts = list((sample_site.output / "blog").glob("*/index.html"))
    assert len(posts) >= 6
    for post in posts:
        assert "<p>" in post.read_text(encoding="utf-8")


def test_markup_in_metadata_is_escaped_but_markdown_body_is_html(tmp_path):
    content = tmp_path / "content"
    import shutil

    shutil.copytree(FIXTURES / "minimal", content)
    write_files(
        content,
        {
            "blog/boese.md": (
                "Title: <script>alert(1)</script> Böse\nSlug: boese\nDate: 2026-03-02\n"
                "Summary: <img src=x onerror=alert(2)>\n\n*Betont*\n"
            )
        },
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    html = result.page("blog/boese/index.html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Böse" in html
    assert "<em>Betont</em>" in html


def test_sample_video_waits_for_consent(sample_site):
    """The sample shows members how an embed looks: a notice and a button, no iframe."""
    html = sample_site.page("blog/barcamp-lernen-2026/index.html")
    assert "Inhalt von YouTube laden" in html
    assert "<iframe" not in html
