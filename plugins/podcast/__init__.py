"""Podcast: episodes as articles in ``content/podcast/``, a feed every podcast
app accepts (feedgen + Podcasting 2.0), episode pages, an episode list and a
subscribe page.

Settings and their defaults: :mod:`podcast.settings`. Episode fields:
:mod:`podcast.fields`. What templates and other plugins can use:
:mod:`podcast.generator`.
"""

from .plugin import register

__all__ = ["register"]
