"""The per-build registry of requested photos and the encoder with its cache."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import posixpath
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from knotenpunkt.plugins.content_errors import ContentError, suggest
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.limits import check_file_size, image_header, limit
from knotenpunkt.plugins.content_errors.paths import resolve_content_path
from PIL import Image, ImageOps, UnidentifiedImageError

from .settings import cache_path, setting

# Bump when the way variants are made changes: old cache entries are then unused.
RECIPE_VERSION = "1"
FORMATS = (("image/webp", "webp", "WEBP"), ("image/jpeg", "jpg", "JPEG"))
CONTEXT_KEY = "image_store"

_encoded = 0


def encode_count() -> int:
    """How many files were encoded in this process (tests use it to prove caching)."""
    return _encoded


@dataclass(frozen=True)
class Variant:
    width: int
    url: str
    mime: str
    filename: str


@dataclass
class Picture:
    """One source photo and the square variants derived from it."""

    source_path: str  # relative to the content folder
    digest: str
    widths: tuple[int, ...]
    variants: list[Variant] = field(default_factory=list)
    #: the unchanged original (images plugin off): its one "variant" is the file itself
    original: bool = False

    def of_type(self, mime: str) -> list[Variant]:
        return [v for v in self.variants if v.mime == mime]

    @property
    def webp(self) -> list[Variant]:
        return self.of_type("image/webp")

    @property
    def jpeg(self) -> list[Variant]:
        """The variants for ``<img>``: JPEGs, or the original whatever its format."""
        return list(self.variants) if self.original else self.of_type("image/jpeg")

    @property
    def fallback(self) -> Variant:
        """The JPEG for ``<img src>``: the middle size, good enough everywhere."""
        jpegs = self.jpeg
        return jpegs[len(jpegs) // 2]

    @property
    def url(self) -> str:
        """The largest JPEG, so ``{filename}`` links to the original still work."""
        return self.jpeg[-1].url

    def srcset(self, mime: str) -> str:
        return ", ".join(f"{v.url} {v.width}w" for v in self.of_type(mime))


def store_for(context: dict) -> ImageStore:
    """The store of the running build (one per Pelican context)."""
    store = context.get(CONTEXT_KEY)
    if store is None:
        store = context[CONTEXT_KEY] = ImageStore(context)
    return store


def original_picture(context: dict, path: str, source_path: str, field_name: str) -> Picture:
    """The checked photo ``path`` as it is: for builds without the images plugin."""
    return store_for(context).original(path, source_path, field_name)


def square_variants(
    context: dict,
    path: str,
    source_path: str,
    field_name: str,
    *,
    claim: bool = True,
    sizes: tuple[int, ...] | None = None,
) -> Picture:
    """Plan the square variants of the photo ``path`` (relative to the content folder).

    Raises :class:`ContentError` for ``source_path``/``field_name`` when the
    file is missing or not a readable image. Encoding happens later, when the
    images generator writes its output. ``claim=False`` keeps the original
    published as well (the podcast cover: feeds need the full size);
    ``sizes`` replaces ``IMAGES_SQUARE_SIZES`` for a picture always shown at
    one size.
    """
    return store_for(context).square(path, source_path, field_name, claim=claim, sizes=sizes)


class ImageStore:
    def __init__(self, settings) -> None:
        self.settings = settings
        self.content_root = Path(settings["PATH"]).resolve()
        self.cache_dir = Path(cache_path(settings))
        self.output_dir = str(setting(settings, "IMAGES_OUTPUT_DIR")).strip("/")
        self.sizes = tuple(sorted(int(s) for s in setting(settings, "IMAGES_SQUARE_SIZES")))
        self.quality = {
            "JPEG": int(setting(settings, "IMAGES_JPEG_QUALITY")),
            "WEBP": int(setting(settings, "IMAGES_WEBP_QUALITY")),
        }
        self.generated_content = settings.get("generated_content")
        self.pictures: dict[str, Picture] = {}

    # -- reading ------------------------------------------------------------
    def resolve(self, path: str, source_path: str, field_name: str) -> tuple[str, Path]:
        checked = resolve_content_path(self.content_root, path, source_path, field_name)
        relative, absolute = checked.relative, checked.absolute
        if not absolute.is_file():
            folder = absolute.parent
            nearby = {p.stem: p.name for p in folder.iterdir()} if folder.is_dir() else {}
            close = nearby.get(suggest(absolute.stem, sorted(nearby)) or "")
            hint = _(
                "Legen Sie das Bild unter „content/{path}“ ab oder korrigieren Sie den "
                "Pfad (auf Groß- und Kleinschreibung achten)."
            ).format(path=relative)
            if close:
                hint = (
                    _("Meinten Sie „{suggestion}“? ").format(
                        suggestion=posixpath.join(posixpath.dirname(relative), close)
                    )
                    + hint
                )
            raise ContentError(
                source_path,
                field_name,
                _("Die Bilddatei „{path}“ gibt es nicht.").format(path=path),
                hint,
            )
        return relative, absolute

    def square(
        self,
        path: str,
        source_path: str,
        field_name: str,
        claim: bool = True,
        sizes: tuple[int, ...] | None = None,
    ) -> Picture:
        relative, absolute = self.resolve(path, source_path, field_name)
        if relative in self.pictures:
            return self.pictures[relative]
        if claim and self.generated_content is not None:
            # A named photo is never copied as it is, even when it turns out
            # broken below: its mistake is reported once, against the field.
            # (claim=False: the original stays published, e.g. the podcast
            # cover the feed names.)
            self.generated_content.setdefault(relative, None)
        data, width, height = self.read_checked(path, absolute, source_path, field_name)
        side = min(width, height)
        widths = tuple(s for s in (sizes or self.sizes) if s <= side) or (side,)
        recipe = f"{RECIPE_VERSION}|{widths}|{self.quality['JPEG']}|{self.quality['WEBP']}"
        digest = hashlib.sha256(data + recipe.encode()).hexdigest()[:16]
        stem = Path(relative).stem
        picture = Picture(relative, digest, widths)
        for mime, extension, _format in FORMATS:
            for size in widths:
                filename = f"{stem}-{digest}-{size}.{extension}"
                url = f"{self.output_dir}/{filename}" if self.output_dir else filename
                picture.variants.append(Variant(size, url, mime, filename))
        self.pictures[relative] = picture
        if claim and self.generated_content is not None:
            # Claim the original: Pelican's static copy skips sources, so the
            # photo with its EXIF/GPS data is never published.
            self.generated_content[relative] = picture
        return picture

    def original(self, path: str, source_path: str, field_name: str) -> Picture:
        """The photo as it is, published by Pelican's static copy (images plugin off).

        Same checks as :meth:`square`, but the original is not claimed, so it
        is copied to the output and the profile links a file that exists.
        """
        relative, absolute = self.resolve(path, source_path, field_name)
        _data, width, _height = self.read_checked(path, absolute, source_path, field_name)
        mime = mimetypes.guess_type(relative)[0] or "image/jpeg"
        return Picture(relative, "", (width,), [Variant(width, relative, mime, relative)], True)

    def read_checked(self, path: str, absolute: Path, source_path: str, field_name: str):
        """The photo's bytes and upright size, after the size and format checks."""
        too_big = check_file_size(
            absolute,
            source_path,
            field_name,
            int(limit(self.settings, "CONTENT_MAX_IMAGE_BYTES")),
            _(
                "Verkleinern Sie das Foto (z. B. auf 2000 Pixel Breite, als JPEG) und laden Sie "
                "es erneut hoch (Grenze: Einstellung CONTENT_MAX_IMAGE_BYTES)."
            ),
        )
        if too_big:
            raise too_big
        # the pixel count from the header, before anything is decoded
        image_header(absolute, source_path, field_name, self.settings, shown=path)
        data = absolute.read_bytes()
        try:
            width, height = upright_size(absolute, data)
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ContentError(
                source_path,
                field_name,
                _("„{path}“ ist kein Bild, das gelesen werden kann.").format(path=path),
                _(
                    "Verwenden Sie ein Foto im Format JPEG, PNG oder WebP und laden Sie es "
                    "erneut hoch."
                ),
            ) from None
        return data, width, height

    # -- writing ------------------------------------------------------------
    def write(self, output_path: str) -> None:
        target = Path(output_path) / self.output_dir
        for relative in sorted(self.pictures):
            picture = self.pictures[relative]
            self.ensure_cached(picture)
            target.mkdir(parents=True, exist_ok=True)
            for variant in picture.variants:
                cached = self.cache_dir / variant.filename
                destination = target / variant.filename
                if not destination.exists() or destination.stat().st_size != cached.stat().st_size:
                    shutil.copyfile(cached, destination)

    def ensure_cached(self, picture: Picture) -> None:
        missing = [v for v in picture.variants if not (self.cache_dir / v.filename).exists()]
        if not missing:
            return
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        with Image.open(self.content_root / picture.source_path) as image:
            clean = pixels_only(image)
        for variant in missing:
            encode(clean, variant, self.cache_dir / variant.filename, self.quality)


#: upright size by the SHA-256 of a photo's bytes: decoding is a pure function of
#: them, and a process that builds many times (the devserver's worker, the tests)
#: would otherwise decode every photo again on every build
_sizes: dict[bytes, tuple[int, int]] = {}


def upright_size(path: Path, data: bytes) -> tuple[int, int]:
    """The photo's size as shown (EXIF orientation applied), after decoding it
    in full: a photo that cannot be decoded raises here, not in the encoder."""
    key = hashlib.sha256(data).digest()
    known = _sizes.get(key)
    if known is not None:
        return known
    with Image.open(path) as probe:
        probe.verify()
    with Image.open(path) as image:
        size = ImageOps.exif_transpose(image).size
    _sizes[key] = size
    return size


def pixels_only(image: Image.Image) -> Image.Image:
    """An upright RGB copy that carries no metadata at all (no EXIF, GPS, XMP, ICC)."""
    upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA") or (upright.mode == "P" and "transparency" in upright.info):
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        upright = flat
    clean = Image.new("RGB", upright.size)
    clean.paste(upright.convert("RGB"))
    return clean


def save_to_cache(image: Image.Image, destination: Path, image_format: str, **options) -> None:
    """``image.save`` into a cache several builds share: under a name of its own
    first (two builds may encode the same file at once), then renamed into place."""
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}.part")
    image.save(temporary, image_format, **options)
    os.replace(temporary, destination)


def encode(clean: Image.Image, variant: Variant, destination: Path, quality: dict) -> None:
    global _encoded
    square = ImageOps.fit(clean, (variant.width, variant.width), Image.Resampling.LANCZOS)
    if variant.mime == "image/webp":
        save_to_cache(square, destination, "WEBP", quality=quality["WEBP"], method=4)
    else:
        options = {"quality": quality["JPEG"], "optimize": True, "progressive": True}
        save_to_cache(square, destination, "JPEG", **options)
    _encoded += 1
