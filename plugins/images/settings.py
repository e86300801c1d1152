"""Settings of the images plugin: name → default. Set only what differs in pelicanconf.py."""

from __future__ import annotations

import os

from knotenpunkt.plugins.content_errors import config

DEFAULTS = {
    # Where derived files are kept between builds (None: "images" inside
    # Pelican's CACHE_PATH). Safe to delete; it only costs re-encoding.
    "IMAGES_CACHE_PATH": None,
    # Folder in the output (and in URLs) that receives the derived files.
    "IMAGES_OUTPUT_DIR": "bilder",
    # Widths (= heights) of the square crops, used for srcset.
    "IMAGES_SQUARE_SIZES": (160, 320, 640),
    # Encoder quality; part of the cache key, so changing it re-encodes.
    "IMAGES_JPEG_QUALITY": 82,
    "IMAGES_WEBP_QUALITY": 80,
    # Folders below content/ whose originals are never copied to the site as
    # they are: a photo there is published only as the derived squares of the
    # member who names it in Photo:. A file no one names is left out (warning).
    "IMAGES_PRIVATE_DIRS": ("images/members",),
}


def cache_path(settings) -> str:
    configured = setting(settings, "IMAGES_CACHE_PATH")
    if configured:
        return str(configured)
    return os.path.join(str(settings.get("CACHE_PATH", "cache")), "images")


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
