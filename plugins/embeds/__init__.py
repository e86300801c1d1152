"""Two-click consent for external media (YouTube, Vimeo, SoundCloud, Spotify).

A post author writes a marker on a line of its own::

    [embed youtube https://www.youtube.com/watch?v=aqz-KE-bpKQ]

The page then shows a notice naming the provider, a link to the content on
the provider's site and a button. Nothing is requested from the provider
until the visitor clicks the button; only then does the theme's own
``consent-embed.js`` create the iframe (YouTube through
``youtube-nocookie.com``, Vimeo with ``dnt=1``). Without JavaScript the link
still works. An unknown provider or an address the provider does not use is a
content error naming the file and the line's marker.

Providers and the URLs they accept live in :mod:`embeds.providers`.
"""

from .plugin import register

__all__ = ["register"]
