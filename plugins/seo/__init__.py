"""Findable: sitemap.xml, robots.txt, canonical URLs and JSON-LD helpers.

* ``sitemap.xml`` lists every HTML page any generator wrote (Pelican's
  ``content_written`` signal, so member and podcast pages are included
  without further work), sorted by URL, with ``lastmod`` taken from content
  dates only: never the build time, so the same content gives the same bytes.
* ``robots.txt`` allows everything and points at the sitemap.
* Jinja helpers for the theme: ``page_url(output_file)`` (the URL of the page
  being written), ``absolute_url(path)`` (with ``SITEURL`` in production),
  the filter ``jsonld`` (a dict → a ``<script type="application/ld+json">``
  element, made safe for HTML), and ``jsonld_organization()`` /
  ``jsonld_blogposting(article)`` for the theme's own structured data.
* ``CANONICAL_SITEURL`` is the configured ``SITEURL`` when it is absolute
  (production), else ``""``; the theme writes canonical and ``og:url`` tags
  only then.

Hooks for other plugins: a template fills the ``jsonld`` block of
``base.html`` with ``{{ some_dict|jsonld }}`` (e.g. ``Person`` on a profile,
``PodcastEpisode`` on an episode); a Python plugin builds the dict and uses
:func:`seo.jsonld.script`. Settings: see :data:`seo.settings.DEFAULTS`.
"""

from .plugin import register

__all__ = ["register"]
