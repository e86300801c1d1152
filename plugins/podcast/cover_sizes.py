"""Smaller copies of the cover art for ``podcast:images`` (a srcset apps pick from).

The cover itself stays the file Apple requires (1400–3000 px); apps that show
it small save bandwidth with these. They are resized here with Pillow, not by
the images plugin: that plugin claims its sources as private originals (member
photos), which would unpublish the cover. Names carry a hash of the cover, so
a new cover gets new addresses (apps cache artwork by URL). No metadata is
copied; the same cover and Pillow version give the same bytes, so the copies
are kept between builds in the folder of derived images
(``IMAGES_CACHE_PATH``, also when the images plugin is off) under a name made
of the cover's hash, the width and the recipe.
"""

from __future__ import annotations

import hashlib
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

import PIL
from knotenpunkt.plugins.images.settings import cache_path
from knotenpunkt.plugins.images.store import save_to_cache
from PIL import Image, UnidentifiedImageError

from . import settings as ps

WIDTHS = (300, 600)  # below Apple's 1400 px minimum: what apps show in lists
JPEG_QUALITY = 85


#: what makes the bytes of a copy: part of its name in the cache
RECIPE = f"lanczos-q{JPEG_QUALITY}-pillow{PIL.__version__}"


@dataclass(frozen=True)
class CoverSize:
    width: int
    path: str  # below the output folder
    digest: str = ""  # of the cover's bytes

    @property
    def cache_name(self) -> str:
        return f"podcast-cover-{self.digest}-{self.width}-{RECIPE}.jpg"


def plan(settings) -> tuple[list[CoverSize], int] | None:
    """The copies to write and the cover's own width, or None for a broken cover
    (``check_channel`` reports that)."""
    cover = ps.get(settings, "PODCAST_IMAGE")
    source = Path(settings["PATH"]) / cover
    try:
        data = source.read_bytes()
        with Image.open(source) as image:
            width = image.width
    except (OSError, UnidentifiedImageError):
        return None
    digest = hashlib.sha256(data).hexdigest()[:12]
    folder = ps.get(settings, "PODCAST_URL").strip("/")
    stem = posixpath.splitext(posixpath.basename(cover))[0]
    sizes = [
        CoverSize(w, posixpath.join(folder, f"{stem}-{digest}-{w}.jpg"), digest)
        for w in WIDTHS
        if w < width
    ]
    return sizes, width


def srcset(settings, sizes: list[CoverSize], cover_width: int) -> str:
    entries = [(size.width, size.path) for size in sizes]
    entries.append((cover_width, ps.get(settings, "PODCAST_IMAGE")))
    return ", ".join(f"{ps.absolute(settings, path)} {width}w" for width, path in entries)


def write(settings, sizes: list[CoverSize], output: str) -> None:
    cache = Path(cache_path(settings))
    missing = [size for size in sizes if not (cache / size.cache_name).is_file()]
    if missing:
        source = Path(settings["PATH"]) / ps.get(settings, "PODCAST_IMAGE")
        with Image.open(source) as image:
            rgb = image.convert("RGB")
        cache.mkdir(parents=True, exist_ok=True)
        for size in missing:
            height = round(rgb.height * size.width / rgb.width)
            resized = rgb.resize((size.width, height), Image.Resampling.LANCZOS)
            save_to_cache(
                resized, cache / size.cache_name, "JPEG", quality=JPEG_QUALITY, optimize=True
            )
    for size in sizes:
        target = Path(output) / size.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache / size.cache_name, target)
