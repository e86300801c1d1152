"""Findable: sitemap, robots.txt, canonical URLs, Open Graph, JSON-LD, feed link."""

import json
import re
import shutil

import pytest
from knotenpunkt.plugins.seo.jsonld import dumps, script

from sitebuild import FIXTURES, PUBLISH, build_site, write_files

SITEURL = PUBLISH["SITEURL"]


@pytest.fixture(scope="module")
def published(published_sample):
    """The sample network built with publishconf.py (absolute URLs, feeds), shared."""
    return published_sample


def jsonld_of(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_sitemap_lists_every_html_page_but_the_404_and_the_editing_interface(published):
    sitemap = published.page("sitemap.xml")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    pages = sorted(
        p.relative_to(published.output).as_posix() for p in published.output.rglob("*.html")
    )
    expected = {
        f"{SITEURL}/" + (p[: -len("index.html")] if p.endswith("index.html") else p)
        for p in pages
        if p != "404.html"
        and not p.startswith("admin/")
        # pages that ask search engines to leave them out (the embeddable players)
        and '<meta name="robots" content="noindex">' not in published.page(p)
    }
    assert any(p.endswith("/player/index.html") for p in pages)
    assert set(locs) == expected
    assert locs == sorted(locs)
    assert f"{SITEURL}/404.html" not in locs
    assert published.exists("admin/index.html")
    assert not [loc for loc in locs if "/admin/" in loc]


def test_sitemap_lastmod_comes_from_content_dates(published):
    sitemap = published.page("sitemap.xml")
    entry = re.search(
        rf"<loc>{SITEURL}/blog/barcamp-lernen-2026/</loc>\s*<lastmod>(.*?)</lastmod>", sitemap
    )
    assert entry and entry.group(1) == "2026-03-14"
    # a page without a date has no lastmod (never the build time)
    assert re.search(rf"<loc>{SITEURL}/ueber-uns/</loc>\s*</url>", sitemap)


def test_robots_txt_points_at_the_absolute_sitemap(published):
    assert published.page("robots.txt") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITEURL}/sitemap.xml\n"
    )


def test_development_robots_txt_names_no_relative_sitemap(sample_site):
    assert sample_site.page("robots.txt") == "User-agent: *\nAllow: /\n"


def test_canonical_description_and_open_graph_on_a_post(published):
    html = published.page("blog/barcamp-lernen-2026/index.html")
    url = f"{SITEURL}/blog/barcamp-lernen-2026/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:image" content="{SITEURL}/theme/img/og-default.png">' in html
    assert '<meta name="description" content="Rund 60 Teilnehmende' in html
    assert (published.output / "theme" / "img" / "og-default.png").exists()


def test_atom_feed_is_linked_when_the_feed_is_on(published):
    html = published.page("index.html")
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Blog von Netzwerk Lernen '
        f'Musterstadt (Atom-Feed)" href="{SITEURL}/feeds/blog.atom.xml">'
    ) in html
    assert published.exists("feeds/blog.atom.xml")


def test_no_feed_link_and_no_canonical_in_development(sample_site):
    html = sample_site.page("index.html")
    assert "application/atom+xml" not in html
    assert 'rel="canonical"' not in html


def test_home_has_organization_and_post_has_blogposting(published):
    (organization,) = jsonld_of(published.page("index.html"))
    assert organization["@type"] == "Organization"
    assert organization["name"] == "Netzwerk Lernen Musterstadt"
    assert organization["url"] == f"{SITEURL}/"
    assert organization["email"] == "lernen-musterstadt@example.org"
    (posting,) = jsonld_of(published.page("blog/barcamp-lernen-2026/index.html"))
    assert posting["@type"] == "BlogPosting"
    assert posting["url"] == f"{SITEURL}/blog/barcamp-lernen-2026/"
    assert posting["datePublished"].startswith("2026-03-14")
    assert posting["author"][0]["@type"] == "Person"


def test_jsonld_cannot_close_its_script_element():
    data = {"name": "</script><script>alert(1)</script> & <!-- x"}
    text = str(script(data))
    inner = text[len('<script type="application/ld+json">') : -len("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == data
    assert dumps({"a": "ä"}) == '{"a":"ä"}'


def test_member_text_in_a_title_stays_data_in_jsonld(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    title = "Böse </script><script>window.__xss=1</script>"
    write_files(content, {"blog/b.md": f"Title: {title}\nSlug: b\nDate: 2026-03-02\n\nText\n"})
    result = build_site(content, tmp_path / "out")
    html = result.page("blog/b/index.html")
    assert "<script>window.__xss" not in html
    (posting,) = jsonld_of(html)
    assert posting["headline"] == title
