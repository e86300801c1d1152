"""Translation of the messages plugins show to members.

Message ids are the German texts themselves (German is the default language
of every Knotenpunkt site), so a German site needs no catalogue at all. Other
languages read ``locale/<lang>/LC_MESSAGES/messages.po`` next to this file;
the catalogue is read with Babel at build time, so no compiled ``.mo`` files
live in git.
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"

_language = "de"


def set_language(language: str) -> None:
    """Choose the language for messages of the build that starts now."""
    global _language
    _language = (language or "de").split("-")[0].split("_")[0]


@functools.cache
def _catalogue(language: str) -> dict[str, str]:
    po_file = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if not po_file.exists():
        return {}
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


def gettext(message: str) -> str:
    """The message in the site's language; the German original as fallback."""
    return _catalogue(_language).get(message, message)


_ = gettext
