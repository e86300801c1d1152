"""The supported providers: which addresses they accept and where the player lives.

``EMBED_PREFIXES`` must stay in step with ``ALLOWED`` in the theme's
``static/js/consent-embed.js``: the script loads nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit


@dataclass(frozen=True)
class Embed:
    provider: str  # key as written in the marker, e.g. "youtube"
    name: str  # the provider's name shown to visitors
    page_url: str  # the content on the provider's own site
    embed_url: str  # the player the iframe loads after consent


YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
SPOTIFY_PATH = re.compile(
    r"^/(?:intl-[a-z]{2}/)?(track|album|playlist|episode|show|artist)/([A-Za-z0-9]+)/?$"
)
VIMEO_PATH = re.compile(r"^/(\d+)/?$")
SOUNDCLOUD_PATH = re.compile(r"^/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)?/?$")

NAMES = {"youtube": "YouTube", "vimeo": "Vimeo", "soundcloud": "SoundCloud", "spotify": "Spotify"}

EMBED_PREFIXES = {
    "youtube": "https://www.youtube-nocookie.com/embed/",
    "vimeo": "https://player.vimeo.com/video/",
    "soundcloud": "https://w.soundcloud.com/player/",
    "spotify": "https://open.spotify.com/embed/",
}


def _youtube(url) -> str | None:
    host = url.hostname or ""
    if host == "youtu.be":
        video = url.path.strip("/")
    elif host in {"www.youtube.com", "youtube.com", "m.youtube.com"}:
        if url.path == "/watch":
            video = (parse_qs(url.query).get("v") or [""])[0]
        elif url.path.startswith(("/shorts/", "/embed/", "/live/")):
            video = url.path.split("/")[2]
        else:
            return None
    else:
        return None
    return EMBED_PREFIXES["youtube"] + video if YOUTUBE_ID.match(video) else None


def _vimeo(url) -> str | None:
    match = VIMEO_PATH.match(url.path)
    if url.hostname not in {"vimeo.com", "www.vimeo.com"} or not match:
        return None
    return f"{EMBED_PREFIXES['vimeo']}{match.group(1)}?dnt=1"


def _soundcloud(url) -> str | None:
    if url.hostname not in {"soundcloud.com", "www.soundcloud.com"}:
        return None
    if not SOUNDCLOUD_PATH.match(url.path):
        return None
    target = quote(f"https://soundcloud.com{url.path.rstrip('/')}", safe="")
    return f"{EMBED_PREFIXES['soundcloud']}?url={target}"


def _spotify(url) -> str | None:
    match = SPOTIFY_PATH.match(url.path)
    if url.hostname != "open.spotify.com" or not match:
        return None
    return f"{EMBED_PREFIXES['spotify']}{match.group(1)}/{match.group(2)}"


PLAYERS = {"youtube": _youtube, "vimeo": _vimeo, "soundcloud": _soundcloud, "spotify": _spotify}


def resolve(provider: str, address: str) -> Embed | None:
    """The embed for a marker, or ``None`` if the address is not the provider's."""
    url = urlsplit(address)
    if url.scheme != "https":
        return None
    embed_url = PLAYERS[provider](url)
    if embed_url is None:
        return None
    return Embed(provider, NAMES[provider], address, embed_url)
