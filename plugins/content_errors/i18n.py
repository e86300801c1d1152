"""Translation of the messages plugins show to members.

Message ids are the German texts themselves (German is the default language
of every Knotenpunkt site), so a German site needs no catalogue at all. Other
languages read ``locale/<lang>/LC_MESSAGES/messages.po`` next to this file;
the catalogue is read with Babel at build time, so no compiled ``.mo`` files
live in git.
"""

from __future__ import annotations

import functools
from gettext import c2py
from pathlib import Path

from babel.messages.pofile import read_po

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_THEME = PROJECT_ROOT / "themes" / "knotenpunkt"

_language = "de"
_locale_dir: Path = DEFAULT_THEME / "translations"


def translations_dir(settings) -> Path:
    """The folder holding ``<lang>/LC_MESSAGES/messages.po`` for a build's settings."""
    configured = settings.get("I18N_TRANSLATIONS_DIR")
    if configured:
        return Path(configured)
    return Path(settings.get("THEME") or DEFAULT_THEME) / "translations"


def set_language(language: str, locale_dir: Path | None = None) -> None:
    """Choose the language (and catalogue folder) for messages of the build that starts now."""
    global _language, _locale_dir
    _language = (language or "de").split("-")[0].split("_")[0]
    if locale_dir is not None:
        _locale_dir = Path(locale_dir)


def current_language() -> str:
    """The language messages are shown in during this build (``de``, ``en`` …)."""
    return _language


def gettext(message: str) -> str:
    """The message in the site's language; the German original as fallback."""
    return _catalogue(str(_locale_dir), _language)[0].get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` in the site's language; German (one/many) as fallback."""
    messages, plural_form = _catalogue(str(_locale_dir), _language)
    forms = messages.get((singular, plural))
    if forms:
        return forms[min(plural_form(count), len(forms) - 1)]
    return singular if count == 1 else plural


@functools.cache
def read_catalog(po_file: str):
    """The Babel catalogue of one ``.po`` file, read once; ``None`` if there is none.

    The one ``.po`` loader: plugin messages (here) and the theme's Jinja
    translations (the ``i18n`` plugin) both read the catalogue through it.
    """
    path = Path(po_file)
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return read_po(handle)


@functools.cache
def _catalogue(locale_dir: str, language: str):
    """(message id → translation, plural rule) of one catalogue; plural ids are tuples."""
    catalog = read_catalog(str(Path(locale_dir) / language / "LC_MESSAGES" / "messages.po"))
    if catalog is None:
        return {}, c2py("n != 1")
    messages = {
        m.id: m.string
        for m in catalog
        if m.id and not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    return messages, c2py(catalog.plural_expr)


_ = gettext


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a text for translation where it is defined; translate it with ``_()`` where
    it is shown (module-level labels would otherwise be fixed at import time)."""
    return message
