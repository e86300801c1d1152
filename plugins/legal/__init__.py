"""Impressum (§ 5 DDG) and Datenschutz from one documented block of settings.

The network's legal data lives in ``LEGAL`` in ``pelicanconf.py`` (see
:data:`legal.settings.FIELDS` for every key). The content pages
``content/pages/impressum.md`` and ``datenschutz.md`` keep the free text
(liability notes, what is processed); this plugin gives them the theme
templates ``impressum.html`` and ``datenschutz.html``, which put the
structured data from ``LEGAL`` above that text. There is exactly one output
file per page, written by Pelican's page generator.

A required field that is missing or empty is shown as a visible
"bitte ausfüllen" marker in a development build; with
``LEGAL_REQUIRE_COMPLETE = True`` (``publishconf.py``) it is a content error
and the production build stops with a message naming the field.

Context for templates: ``LEGAL`` (the settings block) and ``LEGAL_MISSING``
(the names of required fields that are empty).
"""

from .plugin import register

__all__ = ["register"]
