"""Settings of the sanitize plugin and their defaults."""

from knotenpunkt.plugins.content_errors import config

DEFAULTS = {
    # Clean the HTML of every content object (body and summary). Switching it
    # off is only for debugging: member text would be trusted as code.
    "SANITIZE_ENABLED": True,
    # Prefix of every id in member HTML (heading anchors, footnotes): keeps a
    # member's id="main" from clobbering the theme's targets or global names.
    # Same-page links (#part) are rewritten to match.
    "SANITIZE_ID_PREFIX": "text-",
}


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
