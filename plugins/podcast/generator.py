"""Wiring into Pelican.

Episodes are articles under ``content/podcast/``. Right after the articles are
read (``article_generator_pretaxonomy``) they are checked and enriched with
their audio facts, get their own URL (``podcast/{slug}/``) and template
(``podcast/episode``), and leave the blog lists (they stay written, like hidden
articles). :class:`PodcastGenerator` checks the channel settings and writes
the feed, the episode list and the subscribe page.

Exposed to templates and other plugins:
- ``article.podcast``: the :class:`~podcast.episode.Episode` of an episode;
- ``article.podcast_people``: ``[{"slug", "name", "role"}]`` for every host/guest
  who is a member (role ``host`` or ``guest``), for member profiles;
- context ``podcast_episodes`` (newest first) and ``podcast_episodes_by_member``
  (member slug → that member's episodes, newest first).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from knotenpunkt.plugins.content_errors.config import plugin_enabled
from knotenpunkt.plugins.content_errors.errors import WARNING, ContentError, as_warnings, report
from knotenpunkt.plugins.content_errors.i18n import _
from pelican.generators import Generator

from . import cover_sizes
from . import settings as ps
from .artwork import check_artwork
from .audio import AudioCache, quality_warnings
from .categories import check_category
from .channel_extras import read_channel_extras
from .episode import EpisodeReader, check_duplicates
from .episode_extras import read_extras
from .feed import build_feed
from .people import Directory, resolve
from .show_guid import moved_feed_paths, old_feed_urls, show_guid
from .transcript_voices import speakers, webvtt, with_speakers

SETTINGS_FILE = "pelicanconf.py"
EPISODE_TEMPLATE = "podcast/episode"


def _is_episode(article, folder: str) -> bool:
    path = os.path.abspath(article.source_path)
    return path.startswith(folder + os.sep)


def prepare_episodes(generator) -> None:
    """Check and enrich the episodes among the articles just read."""
    settings = generator.settings
    for name in ps.DEFAULTS:  # templates read the settings, defaults included
        generator.context.setdefault(name, ps.get(settings, name))
    folder = os.path.abspath(
        os.path.join(settings["PATH"], ps.get(settings, "PODCAST_CONTENT_DIR"))
    )
    published = [a for a in generator.articles if _is_episode(a, folder)]
    hidden = [a for a in generator.hidden_articles if _is_episode(a, folder)]
    episodes = published + hidden

    cache = AudioCache(settings.get("CACHE_PATH"))
    reader = EpisodeReader(settings, cache)
    url_pattern = ps.get(settings, "PODCAST_EPISODE_URL")
    save_pattern = ps.get(settings, "PODCAST_EPISODE_SAVE_AS")
    for article in sorted(episodes, key=lambda a: a.source_path):
        article.override_url = url_pattern.format(slug=article.slug)
        article.podcast_transcript_url = ps.get(settings, "PODCAST_TRANSCRIPT_URL").format(
            slug=article.slug
        )
        article.podcast_player_url = ps.get(settings, "PODCAST_PLAYER_URL").format(
            slug=article.slug
        )
        article.override_save_as = save_pattern.format(slug=article.slug)
        article.template = EPISODE_TEMPLATE
        article.podcast = reader.read(article)
        article.podcast_people = []
        enrich_episode(settings, article, cache)
    check_drafts(generator, folder, reader)
    cache.save()

    good = [a for a in episodes if a.podcast is not None]
    check_duplicates(good)

    # Episodes have their own list at /podcast/; keep them out of blog lists
    # (they are still written, like hidden articles).
    moved = {id(a) for a in published}
    generator.articles = [a for a in generator.articles if id(a) not in moved]
    generator.hidden_articles = generator.hidden_articles + published
    newest_first = sorted(
        [a for a in good if id(a) in moved], key=lambda a: (a.date, a.source_path), reverse=True
    )
    # The files the feed and the pages link to are published at the URL they are
    # named by, even outside STATIC_PATHS (Pelican copies "static links").
    # Published episodes only: a draft's audio stays private.
    linked = generator.context.setdefault("static_links", set())
    for article in newest_first:
        episode = article.podcast
        for path in (
            episode.audio_path,
            episode.chapters_path,
            episode.transcript_path,
            episode.image_path,
            article.podcast_extras.alternate.path if article.podcast_extras.alternate else None,
        ):
            if path:
                linked.add(os.path.normpath(path))
    by_member: dict[str, list] = {}
    for article in newest_first:
        for slug in article.podcast.member_slugs:
            episodes_of = by_member.setdefault(slug, [])
            if article not in episodes_of:
                episodes_of.append(article)
    generator.context["podcast_episodes"] = newest_first
    generator.context["podcast_episodes_by_member"] = by_member
    # every readable episode, drafts and hidden ones included: their people are
    # resolved once the members plugin has provided them (PodcastGenerator)
    generator.context["podcast_episodes_read"] = good


def check_drafts(generator, folder: str, reader) -> None:
    """Draft episodes are checked like published ones, as warnings: a draft may
    still lack its MP3, but the member learns it before publishing. Nothing of
    a draft is published (no audio link, no feed entry)."""
    note = _("Die Folge ist noch ein Entwurf; veröffentlicht wäre das ein Fehler.")
    drafts = [a for a in generator.drafts if _is_episode(a, folder)]
    with as_warnings(note):
        for article in sorted(drafts, key=lambda a: a.source_path):
            reader.read(article)


def enrich_episode(settings, article, cache) -> None:
    """What the build adds to an episode that could be read: the audio check and
    the optional Podcasting 2.0 fields (transcript speakers: :func:`attach_speakers`)."""
    article.podcast_extras = None
    article.podcast_transcript_vtt = None
    article.podcast_speakers = []
    episode = article.podcast
    if episode is None:
        return
    check_audio_quality(settings, article)
    article.podcast_extras = read_extras(article, cache, Path(settings["PATH"]))


def attach_speakers(settings, article) -> None:
    """The speakers of the transcript, once hosts and guests are resolved: a
    "Name: " of one of them becomes a voice (and a voiced WebVTT copy)."""
    episode = article.podcast
    if episode is None or not episode.transcript:
        return
    episode.transcript, derived = with_speakers(episode.transcript, episode.people)
    article.podcast_speakers = speakers(episode.transcript)
    if derived:
        pattern = ps.get(settings, "PODCAST_TRANSCRIPT_VTT_URL")
        article.podcast_transcript_vtt = pattern.format(slug=article.slug)


def check_audio_quality(settings, article) -> None:
    """Warn when the episode's audio is below what podcast apps recommend."""
    episode = article.podcast
    for problem in quality_warnings(
        episode.facts,
        os.path.basename(episode.audio_path),
        article.source_path,
        min_mono=ps.get(settings, "PODCAST_MIN_BITRATE_MONO"),
        min_stereo=ps.get(settings, "PODCAST_MIN_BITRATE_STEREO"),
        min_sample_rate=ps.get(settings, "PODCAST_MIN_SAMPLE_RATE"),
        locale=settings.get("DEFAULT_LANG", "de").replace("-", "_"),
    ):
        report(problem)


def channel_hosts(settings, directory: Directory) -> list:
    """``PODCAST_HOSTS`` as people (member slugs resolved); reports unknown slugs."""
    value = ps.get(settings, "PODCAST_HOSTS") or []
    if isinstance(value, str):
        value = [value]
    hosts, problems = resolve(
        ",".join(str(v) for v in value), "host", "PODCAST_HOSTS", directory, SETTINGS_FILE
    )
    for problem in problems:
        report(problem)
    return hosts


def check_channel(settings, old_feeds=()) -> str:
    """Report problems with the channel settings; return the podcast:guid to use.
    ``old_feeds``: earlier addresses of the feed (``PODCAST_OLD_FEED_URLS``)."""
    for problem in check_category(
        ps.get(settings, "PODCAST_CATEGORY"),
        ps.get(settings, "PODCAST_SUBCATEGORY"),
        SETTINGS_FILE,
    ):
        report(problem)
    image = ps.get(settings, "PODCAST_IMAGE")
    for problem in check_artwork(
        Path(settings["PATH"]) / image, SETTINGS_FILE, "PODCAST_IMAGE", settings
    ):
        report(problem)
    if ps.get(settings, "PODCAST_EXPLICIT") not in (True, False):
        report(
            ContentError(
                SETTINGS_FILE,
                "PODCAST_EXPLICIT",
                _("„{value}“ ist kein gültiger Wert.").format(
                    value=ps.get(settings, "PODCAST_EXPLICIT")
                ),
                _("Schreiben Sie PODCAST_EXPLICIT = False oder PODCAST_EXPLICIT = True."),
            )
        )
    if ps.get(settings, "PODCAST_TYPE") not in ("episodic", "serial"):
        report(
            ContentError(
                SETTINGS_FILE,
                "PODCAST_TYPE",
                _("„{value}“ ist kein gültiger Wert.").format(
                    value=ps.get(settings, "PODCAST_TYPE")
                ),
                _("Erlaubt sind „episodic“ (neueste Folge zuerst) und „serial“."),
            )
        )
    if len(ps.get(settings, "PODCAST_DESCRIPTION") or "") > 4000:
        report(
            ContentError(
                SETTINGS_FILE,
                "PODCAST_DESCRIPTION",
                _("Die Beschreibung ist länger als 4000 Zeichen."),
                _("Kürzen Sie die Beschreibung; Apple Podcasts schneidet sie sonst ab."),
            )
        )
    if not ps.get(settings, "PODCAST_OWNER_EMAIL"):
        report(
            ContentError(
                SETTINGS_FILE,
                "PODCAST_OWNER_EMAIL",
                _("Es ist keine E-Mail-Adresse der Verantwortlichen eingetragen."),
                _(
                    "Apple Podcasts prüft damit, wem der Podcast gehört; tragen Sie eine "
                    "Adresse ein."
                ),
                severity=WARNING,
            )
        )
    if settings.get("CONTENT_PRODUCTION"):
        for problem in filter(None, [example_owner_email(settings), example_podroll(settings)]):
            report(problem)
    return show_guid(settings, list(old_feeds), production=bool(settings.get("CONTENT_PRODUCTION")))


def _example_allowed(settings) -> bool:
    from knotenpunkt.plugins.content_errors.settings import setting as content_setting

    return bool(content_setting(settings, "PUBLISH_ALLOW_EXAMPLE_ADDRESS"))


def example_podroll(settings) -> ContentError | None:
    """A fork publishing the sample's recommendation of an example feed."""
    from urllib.parse import urlsplit

    from knotenpunkt.plugins.content_errors.publishing import is_reserved

    if _example_allowed(settings):
        return None
    for entry in ps.get(settings, "PODCAST_PODROLL") or []:
        host = urlsplit(str(entry)).hostname if "://" in str(entry) else None
        if host and is_reserved(host):
            return ContentError(
                SETTINGS_FILE,
                "PODCAST_PODROLL",
                _(
                    "„{url}“ ist eine Beispieladresse; Podcast-Apps würden Ihren Hörer:innen "
                    "einen Podcast empfehlen, den es nicht gibt."
                ).format(url=entry),
                _(
                    "Tragen Sie in pelicanconf.py die Feeds von Podcasts ein, die Ihr Netzwerk "
                    "empfiehlt, oder schreiben Sie PODCAST_PODROLL = []."
                ),
            )
    return None


def example_owner_email(settings) -> ContentError | None:
    """A fork publishing with the sample's owner address: apps would mail nobody.

    Apple Podcasts and the Podcast Index send ownership checks to
    ``PODCAST_OWNER_EMAIL``; an address at a reserved example domain is
    refused like an example ``SITEURL`` (``PUBLISH_ALLOW_EXAMPLE_ADDRESS``).
    """
    from knotenpunkt.plugins.content_errors.publishing import is_reserved

    email = str(ps.get(settings, "PODCAST_OWNER_EMAIL") or "")
    domain = email.rpartition("@")[2]
    if not domain or not is_reserved(domain) or _example_allowed(settings):
        return None
    return ContentError(
        SETTINGS_FILE,
        "PODCAST_OWNER_EMAIL",
        _(
            "„{email}“ ist eine Beispieladresse; Apple Podcasts und der Podcast Index "
            "schicken die Bestätigung, wem der Podcast gehört, an diese Adresse."
        ).format(email=email),
        _("Tragen Sie in pelicanconf.py eine echte Adresse Ihres Netzwerks ein."),
    )


def subscribe_links(settings, feed: str) -> list[tuple[str, str]]:
    """Plain links for common podcast apps (no scripts or images from elsewhere)."""
    bare = feed.split("://", 1)[-1]
    title = ps.get(settings, "PODCAST_TITLE")
    apple = ps.get(settings, "PODCAST_APPLE_URL") or f"podcast://{bare}"
    return [
        ("Apple Podcasts", apple),
        (
            "AntennaPod",
            "https://antennapod.org/deeplink/subscribe?url="
            + quote(feed, safe="")
            + "&title="
            + quote(title, safe=""),
        ),
        ("Pocket Casts", f"pktc://subscribe/{bare}"),
        ("Overcast", "overcast://x-callback-url/add?url=" + quote(feed, safe="")),
        ("gPodder", f"gpodder://{bare}"),
    ]


class PodcastGenerator(Generator):
    """Checks the channel settings; writes the feed, the episode list and the
    subscribe page."""

    def generate_context(self) -> None:
        # A site without episodes gets no feed (Apple requires one episode) and
        # needs no cover art; /podcast/ then says there are no episodes yet.
        self.has_episodes = bool(self.context.get("podcast_episodes"))
        old_feeds = old_feed_urls(self.settings) if self.has_episodes else []
        self.podcast_guid = check_channel(self.settings, old_feeds) if self.has_episodes else None
        self.moved_feeds = moved_feed_paths(self.settings, old_feeds)
        # Members are read by now (the members generator runs before this one):
        # hosts and guests are resolved against the people they provide.
        directory = Directory(self.context)
        for article in self.context.get("podcast_episodes_read", []):
            episode = article.podcast
            for problem in episode.resolve_people(directory, article.source_path):
                report(problem)
            article.podcast_people = [
                {"slug": p.slug, "name": p.name, "role": p.role} for p in episode.people if p.slug
            ]
            attach_speakers(self.settings, article)
        self.hosts = channel_hosts(self.settings, directory) if self.has_episodes else []
        self.channel_extras = read_channel_extras(self.settings) if self.has_episodes else None
        self.cover_sizes = []
        if self.has_episodes:
            planned = cover_sizes.plan(self.settings)
            if planned:
                self.cover_sizes = planned[0]
                self.channel_extras.images_srcset = cover_sizes.srcset(self.settings, *planned)
        self.cover = self.cover_variants() if self.has_episodes else None

    def cover_variants(self):
        """The cover as small square variants for /podcast/ (shown at 160 px,
        320 for sharp screens); the full-size original stays published for the feed."""
        if not plugin_enabled(self.settings, "images"):
            return None
        from knotenpunkt.plugins import images

        image = ps.get(self.settings, "PODCAST_IMAGE")
        try:
            return images.square_variants(
                self.context, image, SETTINGS_FILE, "PODCAST_IMAGE", claim=False, sizes=(160, 320)
            )
        except ContentError:  # check_channel has reported the broken cover
            return None

    def write_episode_extras(self, writer, article, relative, common) -> None:
        """The transcript-only page (when there is a transcript) and the embed player."""
        slug = article.slug
        if article.podcast_transcript_vtt:
            target = Path(self.output_path) / article.podcast_transcript_vtt
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(webvtt(article.podcast.transcript), encoding="utf-8")
        pages = [("podcast/player", "PODCAST_PLAYER_SAVE_AS", article.podcast_player_url)]
        if article.podcast.transcript:
            pages.append(
                ("podcast/transcript", "PODCAST_TRANSCRIPT_SAVE_AS", article.podcast_transcript_url)
            )
        for template, save_as, url in pages:
            writer.write_file(
                ps.get(self.settings, save_as).format(slug=slug),
                self.get_template(template),
                self.context,
                relative_urls=relative,
                url=url,
                article=article,
                **common,
            )

    def generate_output(self, writer) -> None:
        settings = self.settings
        episodes = self.context.get("podcast_episodes", [])
        if self.has_episodes:
            feed_path = Path(self.output_path) / ps.get(settings, "PODCAST_FEED_PATH")
            feed_path.parent.mkdir(parents=True, exist_ok=True)
            cover_sizes.write(settings, self.cover_sizes, self.output_path)
            feed_path.write_bytes(
                build_feed(
                    settings, episodes, self.podcast_guid, self.hosts, channel=self.channel_extras
                )
            )
            # The feed moved within this site: the old address gets the same feed
            # with itunes:new-feed-url, so apps subscribed there follow it.
            for old_path in self.moved_feeds:
                target = Path(self.output_path) / old_path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(
                    build_feed(
                        settings,
                        episodes,
                        self.podcast_guid,
                        self.hosts,
                        new_feed_url=ps.feed_url(settings),
                        channel=self.channel_extras,
                    )
                )

        feed = ps.feed_url(settings)
        common = {
            "episodes": episodes,
            "podcast_feed_url": feed,
            "podcast_feed_path": ps.get(settings, "PODCAST_FEED_PATH"),
            "podcast_title": ps.get(settings, "PODCAST_TITLE"),
            "podcast_description": ps.get(settings, "PODCAST_DESCRIPTION"),
            "podcast_image": ps.get(settings, "PODCAST_IMAGE"),
            "podcast_cover": getattr(self, "cover", None),
            "podcast_url": ps.get(settings, "PODCAST_URL"),
            "podcast_subscribe_url": ps.get(settings, "PODCAST_SUBSCRIBE_URL"),
            "podcast_apps": subscribe_links(settings, feed),
            "active_menu": ps.get(settings, "PODCAST_URL"),
        }
        relative = settings.get("RELATIVE_URLS")
        for article in episodes:
            self.write_episode_extras(writer, article, relative, common)
        pages = [("podcast/index", "PODCAST_SAVE_AS", "PODCAST_URL")]
        if self.has_episodes:
            pages.append(
                ("podcast/subscribe", "PODCAST_SUBSCRIBE_SAVE_AS", "PODCAST_SUBSCRIBE_URL")
            )
        for template, save_as, url in pages:
            writer.write_file(
                ps.get(settings, save_as),
                self.get_template(template),
                self.context,
                relative_urls=relative,
                url=ps.get(settings, url),
                **common,
            )
