"""The final page check knows the theme's scripts, fingerprinted or not (unit tests)."""

from knotenpunkt.plugins.content_errors.executable import executable_parts


def page(src: str) -> str:
    return f'<html><head><script src="{src}" defer></script></head><body></body></html>'


def test_the_themes_scripts_pass_also_with_a_content_hash():
    assert executable_parts(page("/theme/js/consent.js"), "https://site.example") == []
    assert executable_parts(page("/theme/js/consent.3f2a9c0b1d4e.js"), "https://site.example") == []


def test_other_names_and_folders_are_still_refused():
    for src in (
        "/theme/js/consent.evil.js",
        "/theme/js/consent.3f2a9c0b1d4e.js?x=1",
        "/images/consent.3f2a9c0b1d4e.js",
        "https://elsewhere.example/theme/js/consent.js",
    ):
        assert executable_parts(page(src), "https://site.example") != [], src
