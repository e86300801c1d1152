"""Issue 10, items 1, 7 and 9: member content runs no script, even past the door.

The door refuses the hostile slugs and languages (test_security_metadata.py),
so nothing of those is published; here the attack is built with the door
switched off, and the final page check must still stop it, and no page of
what was written may run script in Chromium. Only Markdown's own classes
stay in a body, and a tracking image is a content error. What a member may
legitimately write (self-links, another language, ids and classes in raw
HTML) is opened in Chromium with the hostile network:
test_theme_xss_members_podcast.py.
"""

from __future__ import annotations

import pytest
from knotenpunkt.plugins.sanitize.clean import clean

from sitebuild import build_site, write_files
from test_security_metadata import network


def test_only_markdown_classes_stay_and_foreign_images_are_listed():
    result = clean(
        '<p class="button">a</p><code class="language-python x">b</code>'
        '<img src="https://evil.example/t.png"><img src="//evil.example/u.png">'
        '<img src="https://site.example/own.png"><img src="/images/a.jpg">',
        site_url="https://site.example",
    )
    assert '<p>a</p><code class="language-python">b</code>' in result.html
    assert "evil.example" not in result.html
    assert result.external_images == ["https://evil.example/t.png", "//evil.example/u.png"]
    assert 'src="https://site.example/own.png"' in result.html
    assert 'src="/images/a.jpg"' in result.html


def test_a_tracking_image_in_a_body_is_a_content_error(tmp_path):
    content = network(tmp_path)
    write_files(
        content,
        {"blog/t.md": "Title: T\nDate: 2026-03-01\n\n![](https://evil.example/track.png)\n"},
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1, result.messages
    assert "content/blog/t.md" in result.messages
    assert "„https://evil.example/track.png“ liegt auf einer anderen Website" in result.messages
    assert "{static}/images/" in result.messages


@pytest.fixture(scope="module")
def attack_without_door(tmp_path_factory):
    """The issue's attack with the door switched off: only the final page check is left."""
    from knotenpunkt.plugins.content_errors import metadata as door_metadata
    from knotenpunkt.plugins.content_errors import values as door_values

    root = tmp_path_factory.mktemp("attack")
    content = network(root)
    write_files(
        content,
        {
            "blog/evil.md": "Title: Evil\nDate: 2026-03-01\nAuthor: anna-beispiel\n"
            'Slug: x" autofocus onfocus="alert(document.domain);window.__xss=1" x="\n\n'
            "[..]({filename}/blog/evil.md)\n",
            "blog/lang.md": "Title: Lang\nSlug: lang\nDate: 2026-03-02\n"
            'Lang: de" onmouseover="alert(2);window.__xss=2" x="\n\n'
            "[..]({filename}/blog/lang.md)\n",
        },
    )
    with pytest.MonkeyPatch.context() as patch:
        for module in (door_values, door_metadata):
            patch.setattr(module, "check_slug", lambda value: None)
            patch.setattr(module, "check_lang", lambda value, allowed: None)
        return build_site(content, root / "output")


def test_the_attack_stops_the_build_even_without_the_door(attack_without_door):
    assert attack_without_door.exit_code == 1, attack_without_door.messages
    assert "ausführbaren Code" in attack_without_door.messages
    assert "content/blog/evil.md" in attack_without_door.messages


@pytest.mark.browser
def test_no_page_of_the_attack_runs_script_in_chromium(attack_without_door):
    from theme_checks import html_pages, served_page

    ran = {}
    output = attack_without_door.output
    with served_page(output) as (url, page, watch):
        paths = html_pages(output)
        for path in paths:
            page.goto(f"{url}/{path}", wait_until="load")
            page.keyboard.press("Tab")
            for x, y in ((100, 150), (300, 300), (600, 450)):
                page.mouse.move(x, y)
            if page.evaluate("window.__xss") is not None:
                ran[path or "/"] = page.evaluate("window.__xss")
    assert ran == {} and watch.dialogs == []
    assert "blog/" in paths  # the blog index, where the self-link would have landed
