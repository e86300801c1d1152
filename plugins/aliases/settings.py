"""Settings of the aliases plugin and their defaults."""

from knotenpunkt.plugins.content_errors import config

DEFAULTS = {
    # Where the redirect page for an old address is written: {alias} is the
    # address as a path without slashes around it (e.g. "podcast/alte-folge").
    "ALIAS_SAVE_AS": "{alias}/index.html",
    # The theme template of a redirect page.
    "ALIAS_TEMPLATE": "redirect",
}


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
