"""The sitemap lists what a visitor may find, and nothing hidden (unit tests, no build)."""

from types import SimpleNamespace

from knotenpunkt.plugins.seo import sitemap


def record(tmp_path, name, context):
    sitemap.record(str(tmp_path / name), context, str(tmp_path), exclude=[])


def test_a_hidden_post_stays_out_of_the_sitemap(tmp_path):
    sitemap.reset()
    hidden = SimpleNamespace(status="hidden", date=None, modified=None)
    shown = SimpleNamespace(status="published", date=None, modified=None)
    record(tmp_path, "blog/geheim/index.html", {"article": hidden})
    record(tmp_path, "blog/offen/index.html", {"article": shown})
    record(tmp_path, "ueber-uns/index.html", {"page": SimpleNamespace(status="hidden")})
    xml = sitemap.sitemap_xml("https://site.example")
    assert "https://site.example/blog/offen/" in xml
    assert "geheim" not in xml
    assert "ueber-uns" not in xml
    sitemap.reset()
