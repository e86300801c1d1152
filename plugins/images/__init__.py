"""Square, metadata-free photos in several sizes, cached by content hash.

Other plugins ask for a photo with :func:`square_variants` while reading
(``generate_context``); the :class:`ImagesGenerator` writes the derived files
once everything has been read, so a build that stops on content errors writes
nothing. Every derived file is

* a centre crop to a square, in the widths of ``IMAGES_SQUARE_SIZES``
  (never enlarged beyond the original),
* encoded twice: WebP for browsers that can, JPEG as the fallback,
* stripped of every metadata block (EXIF, GPS, XMP, ICC comments): the pixels
  are copied into a fresh image before encoding,
* cached in ``IMAGES_CACHE_PATH`` under a name made from the hash of the
  original's bytes and the recipe, so an unchanged photo is never re-encoded.

The originals are claimed as sources, so Pelican's static copy never publishes
them (with their GPS position) next to the cleaned versions.

Settings: see :mod:`images.settings`.
"""

from .plugin import register
from .store import (
    Picture,
    Variant,
    encode_count,
    original_picture,
    square_variants,
    store_for,
)

__all__ = [
    "Picture",
    "Variant",
    "encode_count",
    "original_picture",
    "register",
    "square_variants",
    "store_for",
]
