"""The network's own channels (Mastodon, newsletter, LinkedIn, blogs, podcasts …).

Configured once in ``NETWORK_CHANNELS`` (see :mod:`channels.settings`),
checked when the build starts (every address must be ``https://``; a
mistake stops the build with a message naming the entry), and shown as
plain links with ``rel="me"`` in the footer of every page and on the page
named by ``NETWORK_CHANNELS_PAGE`` (the about page). No widgets, no embeds,
nothing loaded from those hosts. ``rel="me"`` lets Mastodon verify the site.

:mod:`channels.urls` holds the https-address check, reusable for members'
own ``Links:``.
"""

from .plugin import register

__all__ = ["register"]
