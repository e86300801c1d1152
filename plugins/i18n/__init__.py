"""Interface language for templates: Jinja's i18n extension fed by Babel.

Templates write German text inside ``{{ _("…") }}`` / ``{% trans %}``; the
German original is the message id, so a German site needs no catalogue. For
another ``DEFAULT_LANG`` the theme's ``translations/<lang>/LC_MESSAGES/
messages.po`` is read with Babel when the build starts. Dates are formatted
with Babel in the site's locale (filter ``format_date``), never the machine's.

Settings (defaults in :data:`DEFAULTS`):
``I18N_TRANSLATIONS_DIR``: folder holding ``<lang>/LC_MESSAGES/messages.po``
(default: ``translations`` inside the theme).
"""

from .plugin import register

__all__ = ["register"]
