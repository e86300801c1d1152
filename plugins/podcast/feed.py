"""The podcast feed, built with feedgen (+ its podcast extension) and our own
Podcasting 2.0 extension; never by formatting strings of XML.

feedgen pitfalls handled here (see docs in the reference):
- ``itunes:explicit`` is written as true/false by our extension;
- the channel ``itunes:image`` must end in .jpg/.png or feedgen drops it
  silently: the cover is validated before (``artwork.py``);
- ``lastBuildDate`` is the newest pubDate, so the same input gives the same bytes;
- entries are appended newest first (feedgen prepends by default);
- ``link(rel="self")`` is set before the alternate link, whose href becomes ``<link>``;
- guids are written with ``isPermaLink="false"``.
"""

from __future__ import annotations

from feedgen.feed import FeedGenerator
from lxml import etree
from markupsafe import Markup

from . import settings as ps
from .podcast_index import ITUNES_NS, PODCAST_NS, PodcastIndexEntryExtension, PodcastIndexExtension


def build_feed(settings, articles, podcast_guid: str) -> bytes:
    """The RSS bytes for ``articles`` (each with ``.podcast``), newest first."""
    site = ps.get(settings, "PODCAST_SITEURL")
    media = ps.get(settings, "PODCAST_MEDIA_URL")
    language = ps.get(settings, "PODCAST_LANGUAGE")
    title = ps.get(settings, "PODCAST_TITLE")

    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension)

    fg.title(title)
    fg.description(ps.get(settings, "PODCAST_DESCRIPTION") or title)
    fg.link(href=ps.feed_url(settings), rel="self", type="application/rss+xml")
    fg.link(href=ps.absolute(settings, ps.get(settings, "PODCAST_URL")), rel="alternate")
    fg.language(language)
    fg.generator("Knotenpunkt (python-feedgen)")
    copyright_line = ps.get(settings, "PODCAST_COPYRIGHT")
    if copyright_line:
        fg.copyright(copyright_line)

    cover = ps.absolute(settings, ps.get(settings, "PODCAST_IMAGE"))
    fg.image(url=cover, title=title, link=ps.absolute(settings, ps.get(settings, "PODCAST_URL")))
    fg.podcast.itunes_image(cover)
    category = {"cat": ps.get(settings, "PODCAST_CATEGORY")}
    if ps.get(settings, "PODCAST_SUBCATEGORY"):
        category["sub"] = ps.get(settings, "PODCAST_SUBCATEGORY")
    fg.podcast.itunes_category(category)
    fg.podcast.itunes_author(ps.get(settings, "PODCAST_AUTHOR"))
    owner_email = ps.get(settings, "PODCAST_OWNER_EMAIL")
    if owner_email:
        fg.podcast.itunes_owner(name=ps.get(settings, "PODCAST_OWNER_NAME"), email=owner_email)
    fg.podcast.itunes_type(ps.get(settings, "PODCAST_TYPE"))

    index = fg.podcastindex
    index.explicit(bool(ps.get(settings, "PODCAST_EXPLICIT")))
    index.guid(podcast_guid)
    index.locked(bool(ps.get(settings, "PODCAST_LOCKED")), owner_email)
    index.medium("podcast")
    index.license(ps.get(settings, "PODCAST_LICENSE"), ps.get(settings, "PODCAST_LICENSE_URL"))
    for label, url in ps.get(settings, "PODCAST_FUNDING") or []:
        index.funding(label, ps.absolute(settings, url))

    ordered = sorted(articles, key=lambda a: (a.date, a.podcast.guid), reverse=True)
    if ordered:
        fg.lastBuildDate(ordered[0].date)
        fg.pubDate(ordered[0].date)
    for article in ordered:
        _add_entry(fg, settings, article, site, media, language)

    feed, _tree = fg._create_rss()
    # Entries were built as standalone elements; declare namespaces once, on <rss>.
    etree.cleanup_namespaces(
        feed, top_nsmap={"itunes": ITUNES_NS, "podcast": PODCAST_NS}, keep_ns_prefixes=None
    )
    return etree.tostring(feed, pretty_print=True, encoding="UTF-8", xml_declaration=True)


def _add_entry(fg, settings, article, site, media, language) -> None:
    episode = article.podcast
    page = ps.absolute(settings, article.url, site)
    entry = fg.add_entry(order="append")
    entry.guid(episode.guid, permalink=False)
    entry.title(article.title)
    entry.link(href=page)
    entry.pubDate(article.date)
    summary = Markup(getattr(article, "summary", "") or "").striptags()
    entry.description(summary or article.title)
    entry.content(article.get_content(site), type="CDATA")
    entry.enclosure(
        ps.absolute(settings, episode.audio_path, media),
        str(episode.facts.length),
        episode.facts.mime,
    )

    entry.podcast.itunes_title(article.title)
    entry.podcast.itunes_duration(episode.itunes_duration)
    entry.podcast.itunes_episode_type(episode.episode_type)
    if episode.number is not None:
        entry.podcast.itunes_episode(episode.number)
    if episode.season is not None:
        entry.podcast.itunes_season(episode.season)
    if episode.image_path:
        entry.podcast.itunes_image(ps.absolute(settings, episode.image_path, site))

    index = entry.podcastindex
    index.explicit(episode.explicit)
    if episode.season is not None:
        index.season(episode.season)
    if episode.number is not None:
        index.episode(episode.number)
    if episode.transcript_path:
        index.transcript(
            ps.absolute(settings, episode.transcript_path, site),
            episode.transcript_mime,
            language,
            rel="captions" if episode.transcript_mime == "text/vtt" else None,
        )
    if episode.chapters_path:
        index.chapters(ps.absolute(settings, episode.chapters_path, site))
    # Item-level persons replace the channel's, so hosts are listed on every item.
    for person in episode.people:
        index.person(
            person.name,
            role=person.role,
            href=ps.absolute(settings, person.url, site) if person.url else None,
            img=ps.absolute(settings, person.photo, site) if person.photo else None,
        )
