"""Settings of the groups plugin: name → default. Set only what differs in pelicanconf.py."""

from __future__ import annotations

from knotenpunkt.plugins.content_errors import config

DEFAULTS = {
    # Folders below PATH holding one Markdown file per group.
    "GROUPS_PATHS": ["groups"],
    # The overview of the network's structure and one page per group.
    "GROUPS_URL": "netzwerk/",
    "GROUPS_SAVE_AS": "netzwerk/index.html",
    "GROUP_URL": "netzwerk/{slug}/",
    "GROUP_SAVE_AS": "netzwerk/{slug}/index.html",
}


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
