"""Issue 10, items 1, 8 and 9: metadata is checked at the door, pages after rendering.

Every value that reaches a URL, a file name or an attribute has a strict
form (content_errors.values); the content objects are checked whatever
reader made them (content_errors.metadata); and the writer looks at every
finished page for anything a browser would run (content_errors.executable).
One hostile network is built once; each mistake must appear as a content
error naming its file and field.
"""

from __future__ import annotations

import shutil

import pytest
from knotenpunkt.plugins.content_errors.executable import executable_parts
from knotenpunkt.plugins.content_errors.values import (
    character_problem,
    check_label,
    check_lang,
    check_slug,
)

from sitebuild import FIXTURES, SAMPLE_CONTENT, build_site, write_files


def member_pages(output):
    """Every page built from content; /admin/ is the maintainers' CMS page, not rendered."""
    return [p for p in output.rglob("*.html") if p.relative_to(output).parts[0] != "admin"]


#: the theme's scripts and the search plugin's Pagefind bundle
OWN_SCRIPTS = ("theme/js", "pagefind")
MEDIA = ["images/members/anna-beispiel.jpg", "images/podcast/cover.jpg", "audio/folge-01.mp3"]
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


def network(root):
    content = root / "content"
    shutil.copytree(FIXTURES / "network", content)
    for relative in MEDIA:
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE_CONTENT / relative, content / relative)
    return content


def post(name: str, header: str, body: str = "Text.") -> dict[str, str]:
    return {f"blog/{name}.md": f"Title: {name}\nDate: 2026-03-01\n{header}\n\n{body}\n"}


MEMBER = (FIXTURES / "network" / "members" / "anna-beispiel.md").read_text(encoding="utf-8")

# file → (field, words the message must contain)
MISTAKES = {
    # the attack from the issue: a quote in Slug plus a {filename} self-link
    "blog/slug-quote.md": ("Slug", "als Slug (Teil der Adresse) nicht erlaubt"),
    "blog/lang-quote.md": ("Lang", "kein Sprachkürzel"),
    "blog/lang-unknown.md": ("Lang", "nicht eingerichtet"),
    "blog/save-as.md": ("Save_as", "dürfen Inhaltsdateien nicht setzen"),
    "blog/url.md": ("Url", "dürfen Inhaltsdateien nicht setzen"),
    "blog/template.md": ("Template", "dürfen Inhaltsdateien nicht setzen"),
    "blog/category.md": ("Category", "nicht erlaubt"),
    "blog/tags.md": ("Tags", "nicht erlaubt"),
    "blog/author.md": ("Author", "nicht erlaubt"),
    "blog/no-slug.md": ("Slug", "keine Adresse bilden"),
    "pages/upper.md": ("Slug", "Slug: ueber-uns"),
    # same-a.md is written first: only the newer file is asked to change (issue 12)
    "pages/same-b.md": ("Slug", "Diese Datei und „content/pages/same-a.md“"),
    "pages/meta.html": ("Slug", "als Slug (Teil der Adresse) nicht erlaubt"),
    "members/nul.md": ("Region", "U+0000"),
    "members/rlo.md": ("Title", "U+202E"),
    "members/zwsp.md": ("Title", "U+200B"),
    "members/userinfo.md": ("Website", "„@“"),
    "members/gif.md": ("Photo", "ein GIF-Bild; erlaubt sind JPEG, PNG und WebP"),
    "members/member-slug.md": ("Slug", "als Slug (Teil der Adresse) nicht erlaubt"),
    "podcast/episode-slug.md": ("Slug", "als Slug (Teil der Adresse) nicht erlaubt"),
}


def member(name: str, **changes: str) -> dict[str, str]:
    text = MEMBER
    for field, value in changes.items():
        lines = [line for line in text.splitlines() if not line.startswith(field + ":")]
        lines.insert(1, f"{field}: {value}")
        text = "\n".join(lines) + "\n"
    return {f"members/{name}.md": text}


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    root = tmp_path_factory.mktemp("metadata")
    content = network(root)
    episode = (FIXTURES / "network" / "podcast" / "folge-01.md").read_text(encoding="utf-8")
    files = {
        **post(
            "slug-quote",
            'Slug: x" autofocus onfocus="alert(document.domain)" x="',
            "[..]({filename}/blog/slug-quote.md)",
        ),
        **post(
            "lang-quote",
            'Lang: de" onmouseover="alert(1)" x="',
            "[..]({filename}/blog/lang-quote.md)",
        ),
        **post("lang-unknown", "Lang: fr"),
        **post("save-as", "Save_as: index.html"),
        **post("url", "Url: mitglieder/"),
        **post("template", "Template: page"),
        **post("category", "Category: <b>Fett</b>"),
        **post("tags", 'Tags: gut, bö"se'),
        **post("author", "Author: anna-beispiel<script>"),
        "blog/no-slug.md": "Title: !!!\nDate: 2026-03-01\n\nText.\n",
        "pages/upper.md": "Title: Über uns\nSlug: Über uns\n\nText.\n",
        "pages/same-a.md": "Title: A\nSlug: gleich\n\nA.\n",
        "pages/same-b.md": "Title: B\nSlug: gleich\n\nB.\n",
        "pages/meta.html": (
            '<html><head><title>Meta</title><meta name="slug" content="a&quot; onfocus=&quot;x">'
            "</head><body><p>Text</p></body></html>"
        ),
        **member("nul", Region="Nord\x00Süd"),
        **member("rlo", Title="Anna \u202eleipsieB"),
        **member("zwsp", Title="Anna\u200bBeispiel"),
        **member("userinfo", Website="https://x.example@evil.example"),
        **member("gif", Photo="images/members/gif.jpg"),
        **member("member-slug", Slug="Anna_Beispiel"),
        "images/members/gif.jpg": GIF,
        "podcast/episode-slug.md": episode.replace(
            "Slug: folge-01-netzwerk-ohne-chef", 'Slug: folge"><svg onload=alert(1)>'
        ).replace("72099485-a086-4a21-b6cd-05575eac9a93", "72099485-a086-4a21-b6cd-05575eac9a99"),
    }
    write_files(content, files)
    return build_site(content, root / "output")


def test_the_build_stops_with_content_errors_only(refused):
    assert refused.exit_code == 1, refused.messages
    assert "Traceback" not in refused.messages
    assert "Interner Fehler" not in refused.messages
    assert not refused.exists("index.html")


@pytest.mark.parametrize("file", sorted(MISTAKES))
def test_each_hostile_value_is_named_with_file_field_and_fix(refused, file):
    field, words = MISTAKES[file]
    blocks = [b for b in refused.messages.split("\n\n") if f"content/{file}" in b.split("\n")[0]]
    block = next((b for b in blocks if f"Feld „{field}“" in b), None)
    assert block is not None, refused.messages
    assert words in block
    assert "So beheben Sie es:" in block


def test_no_file_reaches_the_output_under_a_hostile_name(refused):
    names = [p.name for p in refused.output.rglob("*")] if refused.output.exists() else []
    assert not [n for n in names if '"' in n or "<" in n], names


# --- the allowed forms, one by one ------------------------------------------------


@pytest.mark.parametrize("value", ["anna-beispiel", "folge-01", "2026"])
def test_slugs_of_lowercase_letters_digits_and_hyphens_pass(value):
    assert check_slug(value) is None


@pytest.mark.parametrize("value", ["Anna", "a b", "a_b", "-a", "a--b", "ü", 'x"', "a/b", ""])
def test_other_slugs_are_refused(value):
    assert check_slug(value) is not None


def test_languages_are_the_configured_ones():
    assert check_lang("en", ["de", "en"]) is None
    assert check_lang("fr", ["de", "en"]) is not None
    assert check_lang('de" x', ["de", "en"]) is not None


@pytest.mark.parametrize(
    "value", ["a\x00b", "a\x1bb", "a\u202eb", "a\u2066b", "a\u200bb", "a\ufeffb", "a\u2060b"]
)
def test_control_direction_and_invisible_characters_are_refused(value):
    problem = character_problem(value)
    assert problem is not None and problem.severity == "error"


def test_plain_text_umlauts_and_emoji_sequences_pass():
    assert character_problem("Jürgen Groß – Lerntherapie") is None
    assert character_problem("Team 👩\u200d💻") is None  # zero-width joiner inside an emoji
    assert character_problem("<p>Zwei\nZeilen</p>") is None  # a rendered summary


def test_fields_maintainers_allow_are_still_plain_relative_paths():
    from knotenpunkt.plugins.content_errors.values import check_maintainer_field

    assert check_maintainer_field("Save_as", [], "x/index.html") is not None
    assert check_maintainer_field("Save_as", ["Save_as"], "x/index.html") is None
    assert check_maintainer_field("Template", ["Template"], "page") is None
    for bad in ['x" onfocus="a', "../../etc/x", "/abs/x.html", "a b", "https://e.x/"]:
        assert check_maintainer_field("Url", ["Url"], bad) is not None, bad


def test_labels_carry_no_markup_or_quotes():
    assert check_label("Veranstaltungen & Termine") is None
    for bad in ["<b>x</b>", 'a"b', "a'b", "{filename}", "a\\b"]:
        assert check_label(bad) is not None, bad


# --- the final check of rendered pages ---------------------------------------------


def test_executable_parts_of_a_finished_page_are_found():
    page = (
        '<html><body><a href="../x" autofocus onfocus="alert(1)" x="">a</a>'
        '<a href="java\tscript:alert(1)">b</a><iframe src="x"></iframe>'
        '<script>alert(1)</script><script src="https://evil.example/theme/js/a.js"></script>'
        "</body></html>"
    )
    found = " ".join(executable_parts(page, "https://site.example"))
    for part in ["onfocus=", "java\\tscript:", "<iframe>", "<script >", "<script src>"]:
        assert part in found, (part, found)


def test_the_theme_scripts_and_json_ld_are_fine():
    page = (
        '<html><head><script type="application/ld+json">{"a": 1}</script></head><body>'
        '<script src="../theme/js/share.js" defer></script>'
        '<script src="https://site.example/theme/js/podcast.js" defer></script>'
        '<form action="https://mastodon.social/share"></form></body></html>'
    )
    assert executable_parts(page, "https://site.example") == []


def test_the_writer_refuses_a_page_the_door_would_have_let_through(tmp_path, monkeypatch):
    """Safety net: with the slug check switched off, the rendered page is caught."""
    from knotenpunkt.plugins.content_errors import metadata as door_metadata
    from knotenpunkt.plugins.content_errors import values as door_values

    monkeypatch.setattr(door_values, "check_slug", lambda value: None)
    monkeypatch.setattr(door_metadata, "check_slug", lambda value: None)
    content = network(tmp_path)
    write_files(
        content,
        post(
            "evil",
            'Slug: x" autofocus onfocus="alert(document.domain)" x="',
            "[..]({filename}/blog/evil.md)",
        ),
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1, result.messages
    assert "ausführbaren Code" in result.messages
    assert "content/blog/evil.md" in result.messages
    for page in member_pages(tmp_path / "out"):
        assert executable_parts(page.read_text(encoding="utf-8"), "", OWN_SCRIPTS) == [], page


def test_a_byte_order_mark_does_not_change_a_hosts_name(tmp_path):
    """Hosts are named from the member the members plugin read (BOM and all)."""
    content = network(tmp_path)
    (content / "members" / "anna-beispiel.md").write_bytes(b"\xef\xbb\xbf" + MEMBER.encode("utf-8"))
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    feed = result.page("podcast/feed.xml")
    assert 'role="host"' in feed
    assert ">Anna Beispiel</podcast:person>" in feed
    assert "\ufeff" not in feed


def test_a_static_file_name_with_quotes_cannot_break_out_of_a_link(tmp_path):
    """The names of static files are no metadata, yet Pelican pastes them into links."""
    content = network(tmp_path)
    shutil.copy(SAMPLE_CONTENT / MEDIA[0], content / "images" / 'x" onerror="alert(1)" y=".jpg')
    write_files(
        content,
        post("s", "", "[Bild]({static}/images/x%22%20onerror=%22alert(1)%22%20y=%22.jpg)"),
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1, result.messages
    assert "content/blog/s.md" in result.messages
    assert "Die Seite „/blog/s/“ enthielte ausführbaren Code (<a onerror=…>)" in result.messages
    for page in member_pages(tmp_path / "out"):
        assert executable_parts(page.read_text(encoding="utf-8"), "", OWN_SCRIPTS) == [], page


def test_a_direction_mark_is_a_warning_not_an_error():
    problem = character_problem("Name\u200f")
    assert problem is not None and problem.severity == "warning"
    assert "U+200F" in problem.message


def test_data_blocks_pass_the_final_check_and_script_types_do_not():
    """The directory's member index is a JSON data block; a module or importmap would run."""
    data = '<script type="application/json" data-member-index>{"a": 1}</script>'
    assert executable_parts(f"<html><body>{data}</body></html>") == []
    for kind in ("module", "importmap", "text/javascript", ""):
        page = f'<html><body><script type="{kind}">alert(1)</script></body></html>'
        assert executable_parts(page) != [], kind
    fetched = '<script type="application/json" src="https://evil.example/x.json"></script>'
    assert executable_parts(f"<html><body>{fetched}</body></html>") != []
