"""The podcast feed audited the way a podcast host's engineers would: Apple's list
item by item, the feed of a production build, and every link in the feed that
points at our own site resolving to a file in output/."""

from __future__ import annotations

import re
import shutil
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag

import lxml.html
import pytest
from lxml import etree

from sitebuild import PUBLISH, PUBLISHCONF, build_site, copy_sample

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
NS = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM, "content": CONTENT}
SHOW_TITLE = "Lernen im Netzwerk – der Podcast aus Musterstadt"
DEV_SITE = "http://127.0.0.1:8000"
PROD_SITE = PUBLISH["SITEURL"]
MEDIA = "https://media.example.net/knotenpunkt"
EP2_PAGE = "podcast/folge-02-mehrsprachig-aufwachsen/"
EP2_GUID = "d0c70920-0312-4b48-8976-ded62b560da8"
EP3_GUID = "66799f65-3b23-4cfd-a694-9725555c9bb8"
# RFC 2822 as Apple shows it: "Tue, 03 Mar 2026 08:00:00 +0000"
RFC2822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)


def feed_of(result) -> etree._Element:
    return etree.fromstring(result.output.joinpath("podcast/feed.xml").read_bytes())


# --- Apple's list, one row per element ---------------------------------------


def _text(element) -> str:
    return (element.text or "").strip()


def _category(element) -> bool:
    from knotenpunkt.plugins.podcast.categories import APPLE_CATEGORIES

    name = element.get("text")
    subs = element.findall("itunes:category", NS)
    return name in APPLE_CATEGORIES and all(s.get("text") in APPLE_CATEGORIES[name] for s in subs)


def _image(element) -> bool:
    href = element.get("href") or ""
    return href.startswith("http") and href.endswith((".jpg", ".png")) and not element.text


def _enclosure(element) -> bool:
    url, length, mime = element.get("url"), element.get("length"), element.get("type")
    return (
        url.startswith("http")
        and url.rsplit(".", 1)[-1] in ("mp3", "m4a", "mp4", "m4v", "mov")
        and length.isdigit()
        and int(length) > 0
        and mime in ("audio/mpeg", "audio/x-m4a", "audio/mp4", "video/mp4", "video/quicktime")
    )


def _item_title(element) -> bool:
    title = _text(element)
    numbered = re.search(r"(?i)\b(folge|episode|ep\.?)\s*\d+|#\s*\d+|^\d+\s*[:.–-]", title)
    return bool(title) and SHOW_TITLE not in title and not numbered


def _rfc2822(element) -> bool:
    return bool(RFC2822.match(_text(element))) and (
        parsedate_to_datetime(_text(element)).tzinfo is not None
    )


CHANNEL = "channel"
ITEM = "item"
APPLE_LIST = [
    # (where, element path, required by Apple?, check)
    (CHANNEL, "title", True, lambda e: _text(e) == SHOW_TITLE),
    (CHANNEL, "description", True, lambda e: 0 < len(_text(e)) <= 4000),
    (CHANNEL, "itunes:image", True, _image),
    (CHANNEL, "language", True, lambda e: re.fullmatch(r"[a-z]{2}(-[A-Za-z]{2})?", _text(e))),
    (CHANNEL, "itunes:category", True, _category),  # the first one counts
    (CHANNEL, "itunes:explicit", True, lambda e: _text(e) in ("true", "false")),
    (CHANNEL, "itunes:author", False, lambda e: bool(_text(e))),
    (CHANNEL, "link", False, lambda e: _text(e) == f"{DEV_SITE}/podcast/"),
    (CHANNEL, "itunes:owner/itunes:name", False, lambda e: bool(_text(e))),
    (
        CHANNEL,
        "itunes:owner/itunes:email",
        False,
        lambda e: re.fullmatch(r"[^@\s]+@[^@\s]+", _text(e)),
    ),
    (CHANNEL, "itunes:title", False, lambda e: _text(e) == SHOW_TITLE),
    (CHANNEL, "itunes:type", False, lambda e: _text(e) in ("episodic", "serial")),
    (CHANNEL, "copyright", False, lambda e: _text(e).startswith("©")),
    (
        CHANNEL,
        "atom:link[@rel='self']",
        False,
        lambda e: (
            e.get("href") == f"{DEV_SITE}/podcast/feed.xml"
            and e.get("type") == "application/rss+xml"
        ),
    ),
    (ITEM, "title", True, lambda e: bool(_text(e))),
    (ITEM, "enclosure", True, _enclosure),
    (ITEM, "guid", True, lambda e: bool(_text(e)) and e.get("isPermaLink") == "false"),
    (ITEM, "pubDate", False, _rfc2822),
    (ITEM, "description", False, lambda e: bool(_text(e))),
    (ITEM, "itunes:duration", False, lambda e: re.fullmatch(r"[1-9]\d*", _text(e))),
    (ITEM, "link", False, lambda e: _text(e).startswith(f"{DEV_SITE}/podcast/")),
    (ITEM, "itunes:explicit", False, lambda e: _text(e) in ("true", "false")),
    (ITEM, "itunes:title", False, _item_title),
    (ITEM, "itunes:episode", False, lambda e: re.fullmatch(r"[1-9]\d*", _text(e))),
    (ITEM, "itunes:season", False, lambda e: re.fullmatch(r"[1-9]\d*", _text(e))),
    (ITEM, "itunes:episodeType", False, lambda e: _text(e) in ("full", "trailer", "bonus")),
]


@pytest.fixture(scope="module")
def sample_feed(sample_site):
    return feed_of(sample_site)


@pytest.mark.parametrize(
    ("where", "path", "required", "check"),
    APPLE_LIST,
    ids=[f"{where}/{path}" for where, path, _r, _c in APPLE_LIST],
)
def test_apples_required_and_recommended_elements_are_present_and_well_formed(
    sample_feed, where, path, required, check
):
    assert sample_feed.tag == "rss" and sample_feed.get("version") == "2.0"
    # namespace URIs exactly as Apple and podcastindex spell them
    assert sample_feed.nsmap["itunes"] == ITUNES and sample_feed.nsmap["podcast"] == PODCAST
    channel = sample_feed.find("channel")
    parents = [channel] if where == CHANNEL else channel.findall("item")
    if path == "itunes:episode":  # Apple numbers full episodes; a trailer may go without
        parents = [p for p in parents if p.findtext("itunes:episodeType", namespaces=NS) == "full"]
    assert parents
    for parent in parents:
        found = parent.findall(path, NS)
        assert found, f"{where}: <{path}> missing ({'required' if required else 'recommended'})"
        if path in ("itunes:category",):
            found = found[:1]  # Apple reads only the first category
        elif path not in ("itunes:owner/itunes:email",):
            assert len(found) == 1, f"{where}: <{path}> more than once"
        for element in found:
            assert check(element), (where, path, etree.tostring(element, encoding="unicode"))


# --- transcripts, chapters, persons ----------------------------------------------


def test_transcript_is_linked_as_vtt_captions_and_as_the_episode_pages_html(
    sample_feed, sample_site
):
    item = next(i for i in sample_feed.iter("item") if i.findtext("guid") == EP2_GUID)
    transcripts = {t.get("type"): t for t in item.findall("podcast:transcript", NS)}
    assert set(transcripts) == {"text/vtt", "text/html"}
    assert transcripts["text/vtt"].get("rel") == "captions"
    html = transcripts["text/html"]
    assert html.get("rel") is None and html.get("language") == "de"
    # the transcript alone: no navigation, no show notes (issue 17)
    assert html.get("url") == f"{DEV_SITE}/{EP2_PAGE}transkript/"
    page = lxml.html.fromstring(sample_site.page(EP2_PAGE + "transkript/index.html"))
    assert "Mein Name ist Anna Beispiel." in page.text_content()
    assert not page.xpath("//nav") and not page.xpath('//*[@id="folge-shownotes"]')
    assert len(page.xpath("//h1")) == 1
    # the episode page keeps its own transcript section
    episode = lxml.html.fromstring(sample_site.page(EP2_PAGE + "index.html"))
    (section,) = episode.xpath('//*[@id="transkript"]')
    assert "Mein Name ist Anna Beispiel." in section.text_content()


def test_channel_lists_the_regular_hosts_and_items_repeat_them(sample_feed):
    channel = sample_feed.find("channel")
    (host,) = channel.findall("podcast:person", NS)
    assert host.text == "Anna Beispiel" and host.get("role") == "host"
    assert host.get("href") == f"{DEV_SITE}/mitglieder/anna-beispiel/"
    # item-level persons replace the channel's, so every item names its host again
    for item in channel.iter("item"):
        hosts = [p.text for p in item.findall("podcast:person", NS) if p.get("role") == "host"]
        assert hosts == ["Anna Beispiel"]


def test_an_episode_naming_only_guests_keeps_the_shows_hosts_in_the_feed(tmp_path):
    content = copy_sample(tmp_path)
    episode = content / "podcast" / "folge-03-hausaufgaben-ohne-streit.md"
    episode.write_text(
        episode.read_text(encoding="utf-8").replace("Hosts: anna-beispiel\n", ""), "utf-8"
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    item = next(i for i in feed_of(result).iter("item") if i.findtext("guid") == EP3_GUID)
    persons = [(p.get("role"), p.text) for p in item.findall("podcast:person", NS)]
    assert persons == [
        ("host", "Anna Beispiel"),
        ("guest", "Tobias Lindner"),
        ("guest", "Dr. Petra Gast"),
    ]


def test_unknown_regular_host_is_a_content_error_with_a_suggestion(tmp_path):
    result = build_site(copy_sample(tmp_path), tmp_path / "out", PODCAST_HOSTS=["anna-beispil"])
    assert result.exit_code == 1
    assert "PODCAST_HOSTS" in result.messages
    assert "„anna-beispil“ ist kein Mitglied" in result.messages
    assert "Meinten Sie „anna-beispiel“?" in result.messages


# --- every own URL exists ------------------------------------------------------


def own_urls(feed, site: str) -> set[str]:
    """Every URL in the feed (attributes, link texts, links in show notes) on ``site``."""
    urls = set()
    for element in feed.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("url", "href", "img"):
            if element.get(name):
                urls.add(element.get(name))
        if element.tag in ("link", "url", "docs") or element.get("rel") == "self":
            urls.add(_text(element))
        if element.tag == f"{{{CONTENT}}}encoded":
            urls.update(lxml.html.fragment_fromstring(element.text, "div").xpath("//@href"))
    return {url for url in urls if url.startswith(site + "/")}


def assert_published(result, site: str) -> set[str]:
    urls = own_urls(feed_of(result), site)
    for url in urls:
        path, fragment = urldefrag(url[len(site) + 1 :])
        target = result.output / (path + "index.html" if path.endswith("/") or not path else path)
        assert target.is_file(), f"{url} names a file that is not in output/"
        if fragment:
            page = lxml.html.fromstring(target.read_text(encoding="utf-8"))
            assert page.xpath(f'//*[@id="{fragment}"]'), f"{url}: no element with that id"
    return urls


def test_every_url_of_the_sample_feed_on_our_site_exists_in_output(sample_site):
    urls = assert_published(sample_site, DEV_SITE)
    kinds = {url.rsplit(".", 1)[-1] for url in urls if "." in url.rsplit("/", 1)[-1]}
    # enclosures, chapters, transcript, cover, the feed itself and member photos
    assert {"mp3", "json", "vtt", "jpg", "xml"} <= kinds
    assert f"{DEV_SITE}/{EP2_PAGE}transkript/" in urls


def test_files_named_outside_static_paths_are_published_where_the_feed_says(tmp_path):
    content = copy_sample(tmp_path)
    for source, target in (
        ("audio/folge-01.chapters.json", "kapitel/folge-01.json"),
        ("audio/folge-02.vtt", "transkripte/folge-02.vtt"),
    ):
        (content / target).parent.mkdir(exist_ok=True)
        shutil.move(content / source, content / target)
    (content / "folgenbilder").mkdir()
    shutil.copy(content / "images/podcast/cover.jpg", content / "folgenbilder/folge-03.jpg")
    for name, old, new in (
        ("folge-01-netzwerk-ohne-chef.md", "audio/folge-01.chapters.json", "kapitel/folge-01.json"),
        ("folge-02-mehrsprachig-aufwachsen.md", "audio/folge-02.vtt", "transkripte/folge-02.vtt"),
        (
            "folge-03-hausaufgaben-ohne-streit.md",
            "EpisodeType: full\n",
            "EpisodeType: full\nImage: folgenbilder/folge-03.jpg\n",
        ),
    ):
        path = content / "podcast" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), "utf-8")

    result = build_site(content, tmp_path / "out", settings_file=PUBLISHCONF, **PUBLISH)
    assert result.exit_code == 0, result.messages
    urls = assert_published(result, PROD_SITE)
    assert f"{PROD_SITE}/kapitel/folge-01.json" in urls
    assert f"{PROD_SITE}/transkripte/folge-02.vtt" in urls
    item = next(i for i in feed_of(result).iter("item") if i.findtext("guid") == EP3_GUID)
    assert item.find("itunes:image", NS).get("href") == f"{PROD_SITE}/folgenbilder/folge-03.jpg"
    chapters = item.getparent().xpath("item/podcast:chapters", namespaces={"podcast": PODCAST})[0]
    assert chapters.get("type") == "application/json+chapters"
    assert result.page("kapitel/folge-01.json").lstrip().startswith("{")
    assert '<track kind="captions" src="https://netzwerk-lernen.example.org/transkripte/' in (
        result.page(EP2_PAGE + "index.html")
    )


# --- the production build ----------------------------------------------------


@pytest.fixture(scope="module")
def published(published_sample):
    return published_sample


def all_urls(feed) -> list[str]:
    urls = []
    for element in feed.iter():
        if not isinstance(element.tag, str):
            continue
        urls += [v for k, v in element.attrib.items() if k in ("url", "href", "img")]
        if element.tag in ("link", "url", "docs"):
            urls.append(_text(element))
        if element.tag == f"{{{CONTENT}}}encoded":
            urls += lxml.html.fragment_fromstring(element.text, "div").xpath("//@href|//@src")
    return urls


def test_production_feed_uses_https_everywhere_and_never_the_dev_server(published):
    raw = published.output.joinpath("podcast/feed.xml").read_bytes()
    assert b"127.0.0.1" not in raw and b"localhost" not in raw
    urls = all_urls(etree.fromstring(raw))
    assert len(urls) > 30
    assert [u for u in urls if not u.startswith("https://")] == []
    channel = etree.fromstring(raw).find("channel")
    assert channel.find("atom:link", NS).get("href") == f"{PROD_SITE}/podcast/feed.xml"
    assert channel.findtext("link") == f"{PROD_SITE}/podcast/"
    assert_published(published, PROD_SITE)


def test_last_build_date_is_the_newest_episodes_not_the_time_of_the_build(published):
    """So two builds of the same content give the same feed bytes (the whole
    production output is compared across builds in test_robust_build.py)."""
    channel = etree.fromstring(published.output.joinpath("podcast/feed.xml").read_bytes())
    channel = channel.find("channel")
    newest = max(parsedate_to_datetime(i.findtext("pubDate")) for i in channel.iter("item"))
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest


def test_production_enclosures_use_the_media_host_and_nothing_else_does(tmp_path):
    result = build_site(
        copy_sample(tmp_path),
        tmp_path / "out",
        settings_file=PUBLISHCONF,
        PODCAST_MEDIA_URL=MEDIA,
        **PUBLISH,
    )
    assert result.exit_code == 0, result.messages
    feed = feed_of(result)
    enclosures = [i.find("enclosure").get("url") for i in feed.iter("item")]
    assert enclosures == [f"{MEDIA}/audio/folge-0{n}.mp3" for n in (3, 2, 1)] + [
        f"{MEDIA}/audio/trailer.mp3"
    ]
    # the same audio again as podcast:trailer, and the second format, are audio too
    trailers = [t.get("url") for t in feed.iter(f"{{{PODCAST}}}trailer")]
    sources = [s.get("uri") for s in feed.iter(f"{{{PODCAST}}}source")]
    assert trailers == [f"{MEDIA}/audio/trailer.mp3"]
    assert sources == [f"{MEDIA}/audio/folge-01.opus"]
    audio = enclosures + sources
    others = [u for u in all_urls(feed) if u not in audio]
    assert all(u.startswith(PROD_SITE + "/") or not u.startswith(MEDIA) for u in others)
    assert not [u for u in others if u.startswith(MEDIA)]
    assert not [u for u in all_urls(feed) if not u.startswith("https://")]
