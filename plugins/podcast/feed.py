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

Transcripts: a VTT/SRT file is linked as ``rel="captions"``; every episode with
a transcript also links its transcript-only page (``podcast/<slug>/transkript/``)
as ``text/html``. Channel-level ``podcast:person`` lists ``PODCAST_HOSTS``; since
item-level persons replace the channel's, items repeat their hosts and an item
naming only guests gets the channel hosts added.
"""

from __future__ import annotations

from email.utils import format_datetime

from feedgen.feed import FeedGenerator
from lxml import etree
from markupsafe import Markup

from . import settings as ps
from .podcast_index import ITUNES_NS, PODCAST_NS, PodcastIndexEntryExtension, PodcastIndexExtension

TRANSCRIPT_ANCHOR = "transkript"  # id of the transcript section on the episode page
TIMED_TRANSCRIPTS = ("text/vtt", "application/x-subrip")


def default_copyright(settings, articles) -> str:
    """``© 2026 Author`` or ``© 2025–2026 Author``, the years from the episodes."""
    years = sorted({a.date.year for a in articles})
    span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    return f"© {span} {ps.get(settings, 'PODCAST_AUTHOR')}"


def build_feed(
    settings, articles, podcast_guid: str, hosts=(), new_feed_url=None, channel=None
) -> bytes:
    """The RSS bytes for ``articles`` (each with ``.podcast``), newest first.
    ``hosts``: the channel's regular hosts (:class:`~podcast.people.Person`);
    ``new_feed_url``: for the copy at an old address, where the feed lives now;
    ``channel``: the optional channel tags (:class:`~podcast.channel_extras.ChannelExtras`)."""
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
    fg.docs("https://www.rssboard.org/rss-specification")  # feedgen's default is http://
    copyright_line = ps.get(settings, "PODCAST_COPYRIGHT")
    if copyright_line is None and articles:
        copyright_line = default_copyright(settings, articles)
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
    if new_feed_url:
        fg.podcast.itunes_new_feed_url(new_feed_url)

    index = fg.podcastindex
    index.title(title)
    index.explicit(bool(ps.get(settings, "PODCAST_EXPLICIT")))
    index.guid(podcast_guid)
    index.locked(bool(ps.get(settings, "PODCAST_LOCKED")), owner_email)
    index.medium("podcast")
    index.license(ps.get(settings, "PODCAST_LICENSE"), ps.get(settings, "PODCAST_LICENSE_URL"))
    for label, url in ps.get(settings, "PODCAST_FUNDING") or []:
        index.funding(label, ps.absolute(settings, url))
    for person in hosts:
        _person(index, settings, person, site)
    ordered = sorted(articles, key=lambda a: (a.date, a.podcast.guid), reverse=True)
    _channel_extras(index, settings, channel, ordered, media)

    if ordered:
        fg.lastBuildDate(ordered[0].date)
        fg.pubDate(ordered[0].date)
    for article in ordered:
        _add_entry(fg, settings, article, site, media, language, hosts)

    # feedgen's public serialiser, parsed again (CDATA and all) so that the
    # namespaces the entries declare one by one are declared once, on <rss>.
    parser = etree.XMLParser(strip_cdata=False, remove_blank_text=True, resolve_entities=False)
    feed = etree.fromstring(fg.rss_str(pretty=False), parser)
    etree.cleanup_namespaces(
        feed, top_nsmap={"itunes": ITUNES_NS, "podcast": PODCAST_NS}, keep_ns_prefixes=None
    )
    return etree.tostring(feed, pretty_print=True, encoding="UTF-8", xml_declaration=True)


def _channel_extras(index, settings, channel, ordered, media) -> None:
    """podcast:trailer for every trailer episode, and the optional channel tags."""
    for article in ordered:
        episode = article.podcast
        if episode.episode_type == "trailer":
            index.trailer(
                article.title,
                ps.absolute(settings, episode.audio_path, media),
                format_datetime(article.date),
                length=episode.facts.length,
                mime=episode.facts.mime,
                season=episode.season,
            )
    if channel is None:
        return
    if channel.location:
        index.location(channel.location.name, channel.location.geo, channel.location.osm)
    if channel.podroll:
        index.podroll(channel.podroll)
    if channel.update_frequency:
        frequency = channel.update_frequency
        index.update_frequency(frequency.label, frequency.rrule, frequency.complete)
    for purpose, text in channel.txt or []:
        index.txt(purpose, text)
    if channel.images_srcset:
        index.images(channel.images_srcset)


def _item_extras(index, settings, article, site, media) -> None:
    extras = getattr(article, "podcast_extras", None)
    if extras is None:
        return
    for soundbite in extras.soundbites:
        index.soundbite(soundbite.start, soundbite.duration, soundbite.title)
    if extras.location:
        index.location(extras.location.name, extras.location.geo, extras.location.osm)
    if extras.discussion:
        discussion = extras.discussion
        index.social_interact(
            discussion.uri, discussion.protocol, discussion.account_id, discussion.account_url
        )
    if extras.alternate:
        alternate = extras.alternate
        index.alternate_enclosure(
            ps.absolute(settings, alternate.path, media),
            alternate.facts.mime,
            alternate.facts.length,
            bitrate=alternate.facts.bitrate or None,
            title=alternate.label,
        )


def _person(index, settings, person, site) -> None:
    index.person(
        person.name,
        role=person.role,
        href=ps.absolute(settings, person.url, site) if person.url else None,
        img=ps.absolute(settings, person.photo, site) if person.photo else None,
    )


def _add_entry(fg, settings, article, site, media, language, hosts) -> None:
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
    voiced = getattr(article, "podcast_transcript_vtt", None)
    if voiced:  # speakers found as "Name: ": the copy with voice tags comes first
        index.transcript(ps.absolute(settings, voiced, site), "text/vtt", language, rel="captions")
    if episode.transcript_path and not (voiced and episode.transcript_mime == "text/vtt"):
        index.transcript(
            ps.absolute(settings, episode.transcript_path, site),
            episode.transcript_mime,
            language,
            rel="captions" if episode.transcript_mime in TIMED_TRANSCRIPTS else None,
        )
    if episode.transcript_path:
        # the readable transcript alone (no navigation, no show notes), for apps
        transcript_page = getattr(article, "podcast_transcript_url", None)
        index.transcript(
            ps.absolute(settings, transcript_page, site)
            if transcript_page
            else f"{page}#{TRANSCRIPT_ANCHOR}",
            "text/html",
            language,
        )
    if episode.chapters_path:
        index.chapters(ps.absolute(settings, episode.chapters_path, site))
    # Item-level persons replace the channel's: an item that names only guests
    # would lose the show's hosts, so they are added to it.
    people = episode.people
    if episode.guests and not episode.hosts:
        people = list(hosts) + episode.guests
    for person in people:
        _person(index, settings, person, site)
    _item_extras(index, settings, article, site, media)
