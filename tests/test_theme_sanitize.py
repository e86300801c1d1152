"""Raw HTML in Markdown is sanitised: what Markdown makes stays, code never runs."""

import shutil

from knotenpunkt.plugins.sanitize import clean_html

from sitebuild import FIXTURES, build_site, write_files


def test_scripts_handlers_and_javascript_urls_are_removed():
    dirty = (
        '<p onclick="alert(1)">Hallo<script>alert(2)</script></p>'
        '<a href="javascript:alert(3)">x</a><img src="x" onerror="alert(4)">'
        '<iframe src="https://evil.example"></iframe><style>body{}</style>'
        '<a href="JaVaScRiPt:alert(5)">y</a><svg onload="alert(6)"></svg>'
    )
    clean = clean_html(dirty)
    for bad in ["onclick", "<script", "alert(2)", "javascript:", "JaVaScRiPt", "onerror",
                "<iframe", "<style", "onload", "<svg"]:  # fmt: skip
        assert bad not in clean, bad
    assert "<p>Hallo</p>" in clean


def test_what_markdown_produces_is_kept():
    markdown_html = (
        '<h2 id="ziele">Ziele</h2><table><thead><tr><th style="text-align: left;">A</th></tr>'
        '</thead><tbody><tr><td style="text-align: left;">1</td></tr></tbody></table>'
        '<pre><code class="language-python">x = 1</code></pre>'
        '<p>Text<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
        '<div class="footnote"><ol><li id="fn:1"><p>Fußnote <a class="footnote-backref" '
        'href="#fnref:1" title="Zurück">↩</a></p></li></ol></div>'
        '<p><a href="https://example.org">extern</a> <a href="mailto:a@example.org">Mail</a> '
        '<a href="{filename}/pages/mitmachen.md">intern</a> <img alt="Foto" src="/images/a.jpg"></p>'
        '<p lang="en">English part</p>'
    )
    # Ids get the "text-" prefix (and same-page links follow), so member HTML
    # cannot clobber the theme's targets or global names.
    expected = (
        markdown_html.replace('style="text-align: left;"', 'style="text-align:left"')
        .replace('id="', 'id="text-')
        .replace('href="#', 'href="#text-')
    )
    assert clean_html(markdown_html) == expected


def test_a_built_post_has_no_executable_markup_in_body_or_summary(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    write_files(
        content,
        {
            "blog/boese.md": (
                "Title: Böse\nSlug: boese\nDate: 2026-03-02\n"
                'Summary: Kurz <img src=x onerror="alert(1)"> <a href="javascript:alert(2)">x</a>\n\n'
                "Text <script>alert(3)</script>\n\n"
                '<div onmouseover="alert(4)">Block</div>\n\n'
                "[Link](javascript:alert(5))\n"
            )
        },
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    for page in ["blog/boese/index.html", "blog/index.html"]:
        html = result.page(page)
        for bad in ["onerror", "javascript:", "<script>alert", "onmouseover"]:
            assert bad not in html, (page, bad)
    assert "<div>Block</div>" in result.page("blog/boese/index.html")


def test_a_level_one_heading_in_a_body_does_not_add_a_second_h1(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    write_files(content, {"blog/h.md": "Title: H\nSlug: h\nDate: 2026-03-02\n\n# Zweite\n\nText\n"})
    html = build_site(content, tmp_path / "out").page("blog/h/index.html")
    assert html.count("<h1") == 1
    assert "Zweite" in html
