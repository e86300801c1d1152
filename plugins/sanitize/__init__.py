"""Member-supplied text is never code: raw HTML in Markdown is sanitised.

Markdown lets a member write raw HTML. Instead of rejecting it (members paste
snippets from elsewhere and would be stuck), every content object's body and
summary is cleaned with nh3 (a maintained, Rust-backed sanitiser) against an
allow-list of what Markdown itself produces: headings, paragraphs, lists,
tables, code, quotes, footnotes, images, links with ``http``, ``https``,
``mailto``, ``tel`` or relative targets, plus the consent-embed placeholder of
the ``embeds`` plugin. Scripts, styles, iframes, forms, event-handler
attributes and ``javascript:`` URLs are removed (``<script>``/``<style>``
together with their text).

The cleaning hooks into Pelican's ``content_object_init`` signal, so it
covers articles, pages *and* every content object another plugin creates
through Pelican's readers (member profiles, podcast episodes). A plugin that
builds HTML some other way calls :func:`sanitize.clean_html` itself.

Settings (defaults in :data:`sanitize.settings.DEFAULTS`):
``SANITIZE_ENABLED`` (``True``).
"""

from .clean import clean_html
from .plugin import register

__all__ = ["clean_html", "register"]
