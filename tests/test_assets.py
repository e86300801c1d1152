"""Theme assets in production: hashed, minified, and only where a page needs them."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from jinja2 import Undefined

from assets.fingerprint import collect, hashed_name, minify
from assets.plugin import has_embed
from sitebuild import PROJECT_ROOT, PUBLISH, build_site, copy_sample

ASSET_REF = re.compile(r'(?:href|src)="https://[^/"]+/(theme/[^"]+)"')


def test_minify_drops_comments_and_white_space_but_keeps_the_code():
    css = b"/* a comment */\n.card {\n  color: red;\n}\n"
    js = b"// note\nfunction add(a, b) {\n  return a + b;  /* sum */\n}\n"
    assert minify("x.css", css) == b".card{color:red}"
    assert minify("x.js", js) == b"function add(a,b){return a+b;}"
    assert minify("x.svg", b"<svg/>  ") == b"<svg/>  "


def test_hashed_name_changes_with_the_content():
    first = hashed_name("css/main.css", b"a", 12)
    assert re.fullmatch(r"css/main\.[0-9a-f]{12}\.css", first)
    assert first == hashed_name("css/main.css", b"a", 12)
    assert first != hashed_name("css/main.css", b"b", 12)


def test_collect_names_every_theme_file(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "main.css").write_text("/* x */ body { margin: 0 }")
    found = collect(tmp_path, ["css", "js"], fingerprint=True, minified=True, length=8)
    asset = found["css/main.css"]
    assert asset.data == b"body{margin:0}"
    assert asset.served == f"css/main.{hashlib.sha256(asset.data).hexdigest()[:8]}.css"
    plain = collect(tmp_path, ["css"], fingerprint=False, minified=False, length=8)
    assert plain["css/main.css"].served == "css/main.css"


def test_has_embed_looks_at_the_bodies_of_the_page_objects():
    class Item:
        _content = '<figure class="embed" data-embed-src="https://www.youtube-nocookie.com/x">'

    class Plain:
        _content = "<p>Text</p>"

    assert has_embed(Undefined(), Plain(), Item())
    assert not has_embed(Undefined(), Plain(), None)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    root = tmp_path_factory.mktemp("publish")
    result = build_site(
        copy_sample(root), root / "output", settings_file=PROJECT_ROOT / "publishconf.py", **PUBLISH
    )
    assert result.exit_code == 0, result.messages
    return result


def references(html: str) -> list[str]:
    return ASSET_REF.findall(html)


def test_production_pages_load_hashed_minified_files_that_exist(production):
    output = production.output
    seen = set()
    for page in output.rglob("*.html"):
        for ref in references(page.read_text(encoding="utf-8")):
            seen.add(ref)
    theme_refs = {ref for ref in seen if ref.endswith((".css", ".js", ".svg"))}
    assert {Path(ref).name.split(".")[0] for ref in theme_refs} >= {
        "main", "members", "podcast", "consent-embed", "member-filter", "share",
        "favicon",
    }  # fmt: skip
    for ref in theme_refs:
        match = re.fullmatch(r"theme/(.+)\.([0-9a-f]{12})\.(css|js|svg)", ref)
        assert match, f"{ref} has no content hash in its name"
        data = (output / ref).read_bytes()  # exists
        assert hashlib.sha256(data).hexdigest()[:12] == match.group(2)
        if ref.endswith((".css", ".js")):
            source = (
                PROJECT_ROOT / "themes/knotenpunkt/static" / f"{match.group(1)}.{match.group(3)}"
            )
            assert len(data) < len(source.read_bytes())  # minified
            assert b"\n  " not in data and b"/* " not in data


def test_consent_script_only_on_pages_with_an_embed(production):
    with_embed = production.page("blog/barcamp-lernen-2026/index.html")
    assert "data-embed-src" in with_embed
    assert re.search(r'<script src="[^"]+/consent-embed\.[0-9a-f]{12}\.js" defer>', with_embed)
    for page in ["index.html", "blog/index.html", "mitglieder/index.html", "podcast/index.html"]:
        assert "consent-embed" not in production.page(page), page


def test_podcast_styles_where_podcast_components_are(production):
    home = production.page("index.html")
    assert "episode__number" in home  # the newest episode's card …
    assert re.search(r"/theme/css/podcast\.[0-9a-f]{12}\.css", home)  # … gets its styles
    assert "podcast." not in production.page("mitglieder/index.html")
    assert "podcast." not in production.page("blog/index.html")


def test_podcast_cover_is_shown_from_small_variants(production):
    html = production.page("podcast/index.html")
    header = html.split('<header class="podcast-header">')[1].split("</header>")[0]
    assert "images/podcast/cover.jpg" not in header
    sources = re.findall(r"/(bilder/cover-[0-9a-f]+-(\d+)\.(?:jpg|webp))", header)
    assert sorted({int(width) for _path, width in sources}) == [160, 320]
    for path, _width in sources:
        assert production.exists(path)
    img = re.search(r'<img class="podcast-header__cover" src="[^"]+/(bilder/[^"]+)"', header)
    assert img and (production.output / img.group(1)).stat().st_size < 40_000
    # the feed still names the full-size original, and it is published
    assert "images/podcast/cover.jpg" in production.page("podcast/feed.xml")
    assert production.exists("images/podcast/cover.jpg")
