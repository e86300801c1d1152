"""Settings of the search plugin and their defaults."""

from knotenpunkt.plugins.content_errors import config
from knotenpunkt.plugins.content_errors.i18n import N_

DEFAULTS = {
    # The search page.
    "SEARCH_URL": "suche/",
    "SEARCH_SAVE_AS": "suche/index.html",
    # Folder (below the output) Pagefind writes its index and UI into.
    "SEARCH_BUNDLE_DIR": "pagefind",
    # Build the index after every build. False leaves the search page
    # without results (only for experiments; the page says nothing is found).
    "SEARCH_INDEX": True,
    # One index for the whole site in this language (ISO 639-1); None: the
    # site's DEFAULT_LANG. Without it Pagefind splits the index by each
    # page's lang attribute, and an English post could not be found from the
    # German search page.
    "SEARCH_LANGUAGE": None,
    # Links the search page offers (always, and instead of the search when
    # JavaScript is off): (label, URL relative to the site).
    "SEARCH_BROWSE_LINKS": [
        (N_("Alle Mitglieder"), "mitglieder/"),
        (N_("Kompetenzen"), "kompetenzen/"),
        (N_("Blog-Archiv"), "archiv/"),
        (N_("Podcast"), "podcast/"),
        (N_("Über uns"), "ueber-uns/"),
    ],
}


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
