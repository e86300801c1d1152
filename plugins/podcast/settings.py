"""Settings of the podcast plugin, with their defaults.

``pelicanconf.py`` holds one documented "Podcast" block and sets only what
differs from these defaults. Every module reads settings through :func:`get`.
"""

from __future__ import annotations

import uuid
from urllib.parse import urljoin

DEFAULTS = {
    # Name of the show as podcast apps list it (defaults to SITENAME).
    "PODCAST_TITLE": None,
    # What the show is about; plain text, at most 4000 characters (Apple).
    "PODCAST_DESCRIPTION": "",
    # Cover art below the content folder: 1400–3000 px square, JPEG or PNG, RGB.
    "PODCAST_IMAGE": "images/podcast/cover.jpg",
    # One category from Apple's list (2019+) and optionally one of its subcategories.
    "PODCAST_CATEGORY": "Education",
    "PODCAST_SUBCATEGORY": None,
    # Does the show as a whole contain explicit content? Written as true/false.
    "PODCAST_EXPLICIT": False,
    # Who makes the show (itunes:author); defaults to AUTHOR, then SITENAME.
    "PODCAST_AUTHOR": None,
    # Owner contact Apple uses for ownership checks (itunes:owner); `make publish`
    # refuses an address at an example domain (the sample's) unless
    # PUBLISH_ALLOW_EXAMPLE_ADDRESS is set.
    "PODCAST_OWNER_NAME": None,
    "PODCAST_OWNER_EMAIL": "",
    # "episodic" (newest first) or "serial" (oldest first, needs episode numbers).
    "PODCAST_TYPE": "episodic",
    # Language of the show (ISO 639-1, e.g. "de"); defaults to DEFAULT_LANG.
    "PODCAST_LANGUAGE": None,
    # podcast:guid of the show. None (recommended): derived from the first public
    # feed address (UUIDv5, as the Podcasting 2.0 namespace specifies): the oldest
    # of PODCAST_OLD_FEED_URLS, else the current one, so it survives a move.
    # Set it only for a show that brings its GUID from elsewhere; `make publish`
    # refuses one derived from another podcast's address (a copied pelicanconf.py).
    "PODCAST_GUID": None,
    # Earlier public addresses of the feed, oldest first, e.g.
    # ["https://alt.example.org/podcast/feed.xml"]. The GUID stays that of the
    # oldest; an old address on this site gets a copy of the feed with
    # itunes:new-feed-url (for another host, redirect it there with a 301).
    "PODCAST_OLD_FEED_URLS": [],
    # podcast:locked: True stops other hosting services importing the feed.
    "PODCAST_LOCKED": True,
    # podcast:license: an SPDX-like id such as "cc-by-4.0" (None: not stated);
    # PODCAST_LICENSE_URL only for licences that are not on the namespace's list.
    "PODCAST_LICENSE": None,
    "PODCAST_LICENSE_URL": None,
    # podcast:funding: list of (label, url); a url without scheme is site-relative.
    "PODCAST_FUNDING": [],
    # podcast:location of the show: {"name": "Musterstadt", "geo": "geo:52.52,13.40",
    # "osm": "R62422"} (geo and osm optional) or None. Episodes have Location fields.
    "PODCAST_LOCATION": None,
    # podcast:podroll: shows the network recommends, each as its podcast:guid or
    # its feed address (the GUID is then derived from it, as the namespace does);
    # `make publish` refuses feed addresses at example domains (the sample's).
    "PODCAST_PODROLL": [],
    # podcast:updateFrequency: {"label": "Einmal im Monat", "rrule": "FREQ=MONTHLY",
    # "complete": False}; the rrule (RFC 5545) and complete are optional. None: not stated.
    "PODCAST_UPDATE_FREQUENCY": None,
    # podcast:txt: (purpose, text) pairs, e.g. ("verify", "S6lpp-7ZCn8-dZfGc-OoyaG")
    # when a directory asks you to prove that the feed is yours.
    "PODCAST_TXT": [],
    # Copyright line of the feed. None: "© <first year>–<newest year> <PODCAST_AUTHOR>",
    # the years taken from the episodes (so the feed stays the same between builds).
    "PODCAST_COPYRIGHT": None,
    # The show's regular hosts: member slugs or free names, written as channel-level
    # podcast:person. The namespace lets item-level persons *replace* the channel's,
    # so an episode that lists people repeats its hosts; one that names only
    # guests gets these hosts added in the feed; one without people inherits them.
    "PODCAST_HOSTS": [],
    # Audio quality below which the build warns (see docs/mitmachen.md). Apple
    # Podcasts accepts MP3 from 32 kbit/s (mono) / 64 kbit/s (stereo) at 44.1 kHz and
    # recommends 96–128 / 128–256 kbit/s; speech sounds clean from 64 kbit/s mono.
    # Bitrates in kbit/s, sample rate in Hz; 0 switches a check off.
    "PODCAST_MIN_BITRATE_MONO": 64,
    "PODCAST_MIN_BITRATE_STEREO": 128,
    "PODCAST_MIN_SAMPLE_RATE": 44100,
    # Folder below the content folder that holds the episodes (Markdown files).
    "PODCAST_CONTENT_DIR": "podcast",
    # Where the feed is written (below the output folder) and found (below the site URL).
    "PODCAST_FEED_PATH": "podcast/feed.xml",
    # Absolute address the feed's links use. None: SITEURL when it is absolute
    # (publishconf.py), otherwise PODCAST_DEV_SITEURL (what `make serve` serves;
    # `make html/serve/devserver` set it from BIND and PORT, e.g. PORT=8765).
    "PODCAST_SITEURL": None,
    "PODCAST_DEV_SITEURL": "http://127.0.0.1:8000",
    # Separate host for the audio files in the feed's enclosures, e.g.
    # "https://media.example.org" (None: the site itself). The audio facts still
    # come from the local files under content/.
    "PODCAST_MEDIA_URL": None,
    # The episode list, one page per episode, and the subscribe page.
    "PODCAST_URL": "podcast/",
    "PODCAST_SAVE_AS": "podcast/index.html",
    "PODCAST_EPISODE_URL": "podcast/{slug}/",
    "PODCAST_EPISODE_SAVE_AS": "podcast/{slug}/index.html",
    # Per episode: the transcript alone (the feed's text/html podcast:transcript,
    # without navigation or show notes) and a small player other sites embed
    # in an iframe (the episode page offers the snippet).
    "PODCAST_TRANSCRIPT_URL": "podcast/{slug}/transkript/",
    "PODCAST_TRANSCRIPT_SAVE_AS": "podcast/{slug}/transkript/index.html",
    # A transcript whose speakers are named as "Name: " (e.g. an SRT export) is
    # also written here as WebVTT with voice tags, the captions apps get.
    "PODCAST_TRANSCRIPT_VTT_URL": "podcast/{slug}/transkript.vtt",
    "PODCAST_PLAYER_URL": "podcast/{slug}/player/",
    "PODCAST_PLAYER_SAVE_AS": "podcast/{slug}/player/index.html",
    "PODCAST_SUBSCRIBE_URL": "podcast/abonnieren/",
    "PODCAST_SUBSCRIBE_SAVE_AS": "podcast/abonnieren/index.html",
    # Optional link to the show's page in Apple Podcasts once it is listed;
    # until then the subscribe page uses the podcast:// link.
    "PODCAST_APPLE_URL": None,
}

# Namespace UUID of podcast:guid (Podcasting 2.0 namespace, "guid" tag).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def setting(settings, name: str):
    """A podcast setting, or its default (derived from the site where it is None)."""
    value = settings.get(name, DEFAULTS[name])
    if value is None:
        if name == "PODCAST_TITLE":
            return settings.get("SITENAME", "")
        if name == "PODCAST_AUTHOR":
            return settings.get("AUTHOR") or settings.get("SITENAME", "")
        if name == "PODCAST_OWNER_NAME":
            return setting(settings, "PODCAST_AUTHOR")
        if name == "PODCAST_LANGUAGE":
            return settings.get("DEFAULT_LANG", "de")
        if name == "PODCAST_SITEURL":
            siteurl = (settings.get("SITEURL") or "").rstrip("/")
            if siteurl.startswith(("http://", "https://")):
                return siteurl
            return get(settings, "PODCAST_DEV_SITEURL").rstrip("/")
        if name == "PODCAST_MEDIA_URL":
            return get(settings, "PODCAST_SITEURL")
    return value


def absolute(settings, path: str, base: str | None = None) -> str:
    """``path`` (site-relative or absolute) as an absolute URL for the feed."""
    if path.startswith(("http://", "https://")):
        return path
    root = (base or get(settings, "PODCAST_SITEURL")).rstrip("/") + "/"
    return urljoin(root, path.lstrip("/"))


def feed_url(settings) -> str:
    return absolute(settings, get(settings, "PODCAST_FEED_PATH"))


def guid_for_feed_url(url: str) -> str:
    """podcast:guid as the namespace specifies: UUIDv5 of the feed URL without
    its scheme (``https://``) and without trailing slashes."""
    text = url.strip()
    if "://" in text:
        text = text.split("://", 1)[1]
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, text.rstrip("/")))


#: the name this module used before the one spelling ``setting`` (kept importable)
get = setting
