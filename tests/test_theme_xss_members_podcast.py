"""Hostile markup in every free-text field of members, competences, episodes and posts.

Issue 6, item 7: with autoescape on, a script tag, an event-handler attribute or
a ``javascript:`` URL in any member, competence, post or episode field never
executes in Chromium. One small network (tests/fixtures/network plus hostile
files, plus what a member may legitimately write: self-links, a post in
another language, ids and classes in raw HTML) is built once; every HTML page
of it is visited in one browser, where no script may run and no member id
may clobber a global name. The
podcast feed and the JSON-LD blocks must carry the hostile text only escaped.
Values that validation refuses (links, addresses) are checked without a
browser: they stop the build with a clear message.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from sitebuild import FIXTURES, SAMPLE_CONTENT, build_site, write_files

MEDIA = ["images/members/anna-beispiel.jpg", "images/podcast/cover.jpg", "audio/folge-01.mp3"]


def hostile(n: int) -> str:
    """A script tag and two event handlers that each set ``window.__xss`` to ``n``."""
    return (
        f'<script>window.__xss={n}</script><img src=x onerror="window.__xss={n}">'
        f'<svg onload="window.__xss={n}"></svg>'
    )


def hostile_link(n: int) -> str:
    return f'<a href="javascript:window.__xss={n}">klick</a>'


# Every field that legally holds free text gets its own number, so a failure names it.
MEMBER = f"""Title: Verein {hostile(1)}
Kind: organisation
Competences: boese, legasthenie
Region: Nord {hostile(2)}
Formats: praesenz, online
Roles: moderation {hostile(3)}, <b onmouseover="window.__xss=4">mentoring</b>
Contact: Dr. {hostile(5)}
Email: verein@example.org
Website: https://verein.example.org/?q=<script>window.__xss=6</script>
Summary: Beratung {hostile(7)} {hostile_link(8)} [md](javascript:window.__xss=9)

Vorstellung {hostile(10)}

{hostile_link(11)} [Link](javascript:window.__xss=12) <a href=" JaVaScRiPt:window.__xss=13">x</a>

<div onmouseover="window.__xss=14" style="position:fixed;inset:0">Fläche</div>
<iframe src="javascript:window.__xss=15"></iframe>
<form action="javascript:window.__xss=16"><button formaction="javascript:window.__xss=17">b</button></form>
<object data="javascript:window.__xss=18"></object>
<a href="data:text/html,<script>window.__xss=19</script>">data</a>
"""

COMPETENCE = f"""Title: Böse {hostile(20)}
Slug: boese
Summary: Kompetenz {hostile(21)} {hostile_link(22)}

Beschreibung {hostile(23)} [Link](javascript:window.__xss=24)
"""

EPISODE = f"""Title: Folge {hostile(30)}
Slug: folge-boese
Date: 2026-02-20 08:00
Category: Podcast
Audio: audio/folge-01.mp3
Episode: 2
Season: 1
Guid: 0d6f3a52-4b8e-4d0a-9a52-6f0c7f4bb1e2
Summary: Zusammenfassung {hostile(31)} {hostile_link(32)}
Hosts: anna-beispiel, verein-boese
Guests: Dr. <img src=x onerror="window.__xss=33">, Gast <script>window.__xss=34</script>
Chapters: audio/folge-boese.chapters.json
Transcript: audio/folge-boese.vtt

Shownotes {hostile(35)} [Link](javascript:window.__xss=36) ]]><script>window.__xss=38</script>

<details open ontoggle="window.__xss=37"><summary>s</summary>x</details>
"""

CHAPTERS = {
    "version": "1.2.0",
    "chapters": [
        {"startTime": 0, "title": f"Kapitel {hostile(40)}"},
        {"startTime": 5, "title": "</script><script>window.__xss=41</script>"},
    ],
}

TRANSCRIPT = f"""WEBVTT

1
00:00:00.000 --> 00:00:02.000
<v Dr. Böse&lt;img src=x onerror="window.__xss=42"&gt;>Hallo &lt;script&gt;window.__xss=43&lt;/script&gt;

2
00:00:02.500 --> 00:00:04.000
&lt;img src=x onerror=&quot;window.__xss=44&quot;&gt; und {hostile_link(45)}
"""

POST = """Title: Beitrag von Verein
Slug: beitrag-boese
Date: 2026-03-02
Author: verein-boese
Tags: boese
Summary: Kurz.

Text.
"""


# What a member may legitimately write (issue 10, items 1, 7 and 9): self-links
# through {filename}, a post in another configured language, ids and classes
# in raw HTML. A member's <div id="__xss"> must not clobber a global name.
SELF_LINKING_BODY = """Ein Link auf sich selbst: [hier]({filename}/blog/legal.md#ziele).

<div id="__xss" class="button skip-link">Block</div>
<div id="inhalt">Kein zweites Hauptziel</div>
<a id="location" href="#ziele">Sprung</a>

## Ziele

Text mit Fußnote[^1].

[^1]: Die Fußnote.
"""

SELF_LINKING_POSTS = {
    "blog/legal.md": "Title: Legal\nSlug: legal\nDate: 2026-03-01\nAuthor: anna-beispiel\n"
    "Category: Netzwerk & Freunde\nTags: inklusion\n\n" + SELF_LINKING_BODY,
    "blog/english.md": "Title: English\nSlug: english\nDate: 2026-03-02\nLang: en\n\n"
    "[back]({filename}/blog/legal.md)\n",
}


def hostile_network(root):
    content = root / "content"
    shutil.copytree(FIXTURES / "network", content)
    for relative in MEDIA:
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE_CONTENT / relative, content / relative)
    return write_files(
        content,
        {
            "members/verein-boese.md": MEMBER,
            "competences/boese.md": COMPETENCE,
            "podcast/folge-boese.md": EPISODE,
            "audio/folge-boese.chapters.json": json.dumps(CHAPTERS, ensure_ascii=False),
            "audio/folge-boese.vtt": TRANSCRIPT,
            "blog/beitrag-boese.md": POST,
            **SELF_LINKING_POSTS,
        },
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("xss")
    result = build_site(hostile_network(root), root / "output")
    assert result.exit_code == 0, result.messages
    return result


# Attributes that take a URL: none may start with javascript:, vbscript: or data:.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "poster")
DANGEROUS_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
# The theme's scripts, and the search page's Pagefind bundle (plugins/search).
THEME_SCRIPT = re.compile(r"^(?:\./|(?:\.\./)+|/)?(?:theme/js/[a-z-]+|pagefind/pagefind-ui)\.js$")
# Pagefind's search form stops a real submit this way; no member text is involved.
SEARCH_UI_FORM = ("suche/", "form action=javascript:void(0);")


def html_files(output):
    """Every page built from content (not the maintainers' CMS page at /admin/)."""
    from theme_checks import NOT_THEMED

    return [
        page
        for page in sorted(output.rglob("*.html"))
        if not page.relative_to(output).as_posix().startswith(NOT_THEMED)
    ]


def test_no_page_carries_script_handlers_or_script_urls(hostile_site):
    """The built HTML, parsed: only the theme's own scripts and JSON-LD, no on* attribute."""
    import lxml.html

    problems = []
    files = html_files(hostile_site.output)
    assert len(files) > 20
    for file in files:
        name = file.relative_to(hostile_site.output).as_posix()
        doc = lxml.html.fromstring(file.read_bytes())
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute, value in element.attrib.items():
                if attribute.lower().startswith("on"):
                    problems.append(f"{name}: <{element.tag} {attribute}={value!r}>")
                if attribute.lower() in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(value):
                    problems.append(f"{name}: <{element.tag} {attribute}={value!r}>")
            if element.tag in ("iframe", "object", "embed"):
                problems.append(f"{name}: <{element.tag}> from member text")
            if element.tag == "script":
                kind = element.get("type")
                source = element.get("src") or ""
                # JSON data blocks (structured data, the directory filter's index) never run
                data_block = kind in ("application/ld+json", "application/json") and not source
                if not data_block and not THEME_SCRIPT.match(source):
                    problems.append(f"{name}: {lxml.html.tostring(element)[:80]!r}")
    assert not problems, "\n".join(problems)


def test_hostile_text_is_shown_as_text_not_dropped(hostile_site):
    """Escaping, not deletion: visitors read exactly what the member wrote in plain fields."""
    profile = hostile_site.page("mitglieder/verein-boese/index.html")
    # Roles are free text: they must not go through _(), whose result Jinja trusts.
    assert "Moderation &lt;script&gt;window.__xss=3&lt;/script&gt;" in profile
    assert "&lt;b onmouseover=&#34;window.__xss=4&#34;&gt;mentoring&lt;/b&gt;" in profile
    assert "Dr. &lt;script&gt;window.__xss=5&lt;/script&gt;" in profile  # Contact
    assert "Nord &lt;script&gt;window.__xss=2&lt;/script&gt;" in profile  # Region
    episode = hostile_site.page("podcast/folge-boese/index.html")
    assert "Dr. &lt;img src=x onerror=&#34;window.__xss=33&#34;&gt;" in episode  # Guests
    assert "Kapitel &lt;script&gt;window.__xss=40&lt;/script&gt;" in episode  # chapter title
    # Transcript entities are decoded once and escaped once (no "&amp;gt;").
    assert (
        "<strong>Dr. Böse&lt;img src=x onerror=&#34;window.__xss=42&#34;&gt;:</strong>" in episode
    )
    assert "Hallo &lt;script&gt;window.__xss=43&lt;/script&gt;" in episode
    post = hostile_site.page("blog/beitrag-boese/index.html")
    assert "Verein &lt;script&gt;window.__xss=1&lt;/script&gt;" in post  # author display


def test_json_ld_holds_the_hostile_text_only_escaped(hostile_site):
    import lxml.html

    seen = []
    for file in html_files(hostile_site.output):
        raw = file.read_text(encoding="utf-8")
        doc = lxml.html.fromstring(raw)
        for element in doc.iter("script"):
            if element.get("type") != "application/ld+json":
                continue
            text = element.text or ""
            assert "</script" not in text.lower() and "<!--" not in text, file
            assert "<" not in text and ">" not in text, file  # all as \u003c / \u003e
            seen.extend(strings(json.loads(text)))
    # The member's name, the episode title and a guest arrive intact for a JSON parser.
    assert f"Verein {hostile(1)}" in seen
    assert f"Folge {hostile(30)}" in seen
    assert 'Dr. <img src=x onerror="window.__xss=33">' in seen


def strings(data) -> list[str]:
    """Every string value in a JSON document."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return []


def test_podcast_feed_holds_the_hostile_text_only_escaped(hostile_site):
    from lxml import etree

    data = (hostile_site.output / "podcast" / "feed.xml").read_bytes()
    root = etree.fromstring(data)
    names = {
        etree.QName(element).localname for element in root.iter() if isinstance(element.tag, str)
    }
    assert not names & {"script", "img", "svg", "a", "details"}, names
    item = next(i for i in root.iter("item") if "0d6f3a52" in i.findtext("guid"))
    assert item.findtext("title") == f"Folge {hostile(30)}"
    people = [p.text for p in item.iter("{https://podcastindex.org/namespace/1.0}person")]
    assert f"Verein {hostile(1)}" in people
    assert 'Dr. <img src=x onerror="window.__xss=33">' in people
    assert "Gast <script>window.__xss=34</script>" in people
    # Show notes are sanitised HTML: no script, handler or javascript: URL survives,
    # and "]]>" in the body cannot end the CDATA section early.
    notes = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert "Shownotes" in notes and "]]&gt;" in notes
    lowered = notes.lower()
    assert "<script" not in lowered and "javascript:" not in lowered
    assert not re.search(r"\son[a-z]+\s*=", lowered)


def test_member_ids_and_classes_cannot_pose_as_the_sites_own(hostile_site):
    html = hostile_site.page("blog/legal/index.html")
    assert 'id="text-__xss"' in html and 'id="__xss"' not in html
    assert html.count('id="inhalt"') == 1  # the theme's main element only
    assert 'class="button skip-link">Block' not in html
    assert 'href="#text-ziele"' in html and 'id="text-ziele"' in html
    assert 'href="#text-fn:1"' in html and 'id="text-fn:1"' in html


@pytest.mark.browser
def test_nothing_executes_on_any_page_in_chromium(hostile_site):
    from theme_checks import html_pages, served_page

    problems = {}
    handlers_js = """() => [...document.querySelectorAll('*')].flatMap(e =>
        [...e.attributes].filter(a => /^on/i.test(a.name) ||
          (/^(href|src|action|formaction|data)$/i.test(a.name) &&
           /^\\s*(javascript|vbscript|data):/i.test(a.value)))
        .map(a => e.tagName.toLowerCase() + ' ' + a.name + '=' + a.value))"""
    with served_page(hostile_site.output) as (url, page, watch):
        paths = html_pages(hostile_site.output)
        for path in paths:
            page.goto(f"{url}/{path}", wait_until="load")
            for x, y in ((200, 300), (600, 500), (900, 200)):
                page.mouse.move(x, y)  # would fire an onmouseover that survived
            found = [f for f in page.evaluate(handlers_js) if (path, f) != SEARCH_UI_FORM]
            xss, location, main_count = page.evaluate(
                "() => [typeof window.__xss, typeof window.location.href,"
                " document.querySelectorAll('#inhalt').length]"
            )
            if xss != "undefined":  # set by a script, or a member's id clobbering it
                found.append(f"window.__xss is a {xss}: {page.evaluate('String(window.__xss)')}")
            if location != "string" or main_count != 1:
                found.append(f"location.href is a {location}, {main_count} #inhalt elements")
            if found:
                problems[path or "/"] = found
    assert not problems, "\n".join(f"{p}: {f}" for p, f in problems.items())
    assert watch.dialogs == []
    assert watch.external == []
    assert len(paths) > 20
    assert "blog/legal/" in paths and any("english" in p for p in paths)


# --- values validation refuses ------------------------------------------------


def refused(tmp_path, files: dict[str, str]):
    """Build the hostile network with ``files`` laid over it; return the messages."""
    content = hostile_network(tmp_path)
    write_files(content, files)
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 1, result.messages
    assert "Traceback" not in result.messages
    assert not result.exists("index.html")
    return result.messages


def block_for(messages: str, file: str, field: str) -> str:
    block = next((b for b in messages.split("\n\n") if file in b and f"Feld „{field}“" in b), None)
    assert block is not None, messages
    assert "So beheben Sie es:" in block
    return block


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("Email", "<script>alert(1)</script>@example.org", "keine E-Mail-Adresse"),
        ("Email", 'a@example.org" onmouseover="alert(1)', "keine E-Mail-Adresse"),
        ("Website", " JaVaScRiPt:alert(1)", "https://"),
        ("Website", "data:text/html,<script>alert(1)</script>", "https://"),
        ("Website", 'https://example.org/" onmouseover="alert(1)', "https://"),
    ],
)
def test_member_links_with_markup_or_scripts_are_refused(tmp_path, field, value, expected):
    member = re.sub(rf"^{field}: .*$", lambda _m: f"{field}: {value}", MEMBER, flags=re.M)
    assert f"{field}: {value}" in member
    messages = refused(tmp_path, {"members/verein-boese.md": member})
    assert expected in block_for(messages, "content/members/verein-boese.md", field)


@pytest.mark.parametrize("key", ["url", "img"])
def test_chapter_links_that_are_no_web_address_are_refused(tmp_path, key):
    chapters = {
        "version": "1.2.0",
        "chapters": [{"startTime": 0, "title": "Start", key: "javascript:alert(1)"}],
    }
    messages = refused(tmp_path, {"audio/folge-boese.chapters.json": json.dumps(chapters)})
    block = block_for(messages, "content/podcast/folge-boese.md", "Chapters")
    assert f"Kapitel 1 in „folge-boese.chapters.json“: „{key}“ ist keine Webadresse" in block
    assert f'„"{key}": "https://example.org/"“' in block


def test_chapter_links_to_the_web_are_fine(tmp_path):
    from knotenpunkt.plugins.podcast.chapters import load_chapters

    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            {
                "version": "1.2.0",
                "chapters": [
                    {
                        "startTime": 0,
                        "url": "https://example.org/a",
                        "img": "http://example.org/i.jpg",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    assert load_chapters(path, 60.0, "x.md")[0].url == "https://example.org/a"
