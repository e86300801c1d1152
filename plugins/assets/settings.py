"""Settings of the assets plugin: name → default. Set only what differs (publishconf.py)."""

from __future__ import annotations

DEFAULTS = {
    # Name theme CSS, JS and images after a hash of their content
    # (main.css → main.<hash>.css). Off in development, on in production.
    "ASSETS_FINGERPRINT": False,
    # Minify CSS (rcssmin) and JavaScript (rjsmin) before hashing.
    "ASSETS_MINIFY": False,
    # Hex digits of the SHA-256 content hash in the file name.
    "ASSETS_HASH_LENGTH": 12,
    # Theme static files below these folders are fingerprinted.
    "ASSETS_FOLDERS": ["css", "js", "img"],
}


def setting(settings, name: str):
    """One setting of this plugin, with its documented default."""
    return settings.get(name, DEFAULTS[name])
