"""Reading settings: the one accessor every plugin uses.

Each plugin documents its settings with their defaults in a ``DEFAULTS`` dict
(its ``settings.py``); ``setting(settings, DEFAULTS, name)`` reads one of them,
falling back to the documented default. ``plugin_enabled`` tells whether a
plugin is in ``PLUGINS``, however it is spelt there (``"images"``, the module
name ``"knotenpunkt.plugins.images"`` or the module object).
"""

from __future__ import annotations

from collections.abc import Mapping

PACKAGE = "knotenpunkt.plugins"


def setting(settings: Mapping, defaults: Mapping, name: str):
    """The value of ``name`` in ``settings``, else its documented default."""
    return settings.get(name, defaults[name])


def plugin_name(plugin) -> str:
    """The short name of a ``PLUGINS`` entry: ``images`` for every spelling."""
    name = plugin if isinstance(plugin, str) else getattr(plugin, "__name__", str(plugin))
    return name.removeprefix(PACKAGE + ".")


def plugin_enabled(settings: Mapping, name: str) -> bool:
    return any(plugin_name(plugin) == name for plugin in settings.get("PLUGINS") or [])
