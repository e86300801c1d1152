"""Member photos: square crops in several sizes, WebP + JPEG, no EXIF/GPS, cached."""

import hashlib
import shutil

from knotenpunkt.plugins import images
from PIL import Image

from members_fixture import PHOTO_WITH_GPS, build_members_site
from sitebuild import build_site

#: the cache's default place below CACHE_PATH, instead of the suite's shared one
OWN_IMAGE_CACHE = {"IMAGES_CACHE_PATH": None}


def test_sample_photo_really_carries_gps():
    """Guard: the test below only means something if the input has EXIF and GPS."""
    exif = Image.open(PHOTO_WITH_GPS).getexif()
    assert exif.get(271) == "Musterkamera GmbH"
    assert 34853 in exif  # GPSInfo


def test_variants_are_squares_in_webp_and_jpeg_without_any_metadata(sample_site):
    derived = sorted((sample_site.output / "bilder").glob("tobias-lindner-*"))
    assert {p.suffix for p in derived} == {".webp", ".jpg"}
    assert len(derived) == 6
    for path in derived:
        with Image.open(path) as image:
            width, height = image.size
            assert width == height and width in (160, 320, 640), path.name
            assert image.format == ("WEBP" if path.suffix == ".webp" else "JPEG")
            assert not image.getexif(), path.name
            assert "exif" not in image.info and "xmp" not in image.info
        data = path.read_bytes()
        assert b"Musterkamera" not in data and b"Exif" not in data


def test_original_with_gps_is_never_published(sample_site):
    for path in sample_site.output.rglob("*"):
        if path.is_file() and path.suffix in (".jpg", ".jpeg", ".webp", ".png"):
            assert b"Musterkamera" not in path.read_bytes(), path


def test_profile_uses_picture_with_srcset_and_the_name_as_alt(sample_site):
    html = sample_site.page("mitglieder/tobias-lindner/index.html")
    picture = html.split("<picture", 1)[1].split("</picture>", 1)[0]
    assert '<source type="image/webp"' in picture
    assert "160w" in picture and "320w" in picture and "640w" in picture
    assert 'alt="Tobias Lindner"' in picture
    for url in picture.split('"'):
        if url.startswith("../../bilder/"):
            for candidate in url.split(", "):
                assert sample_site.exists(candidate.split(" ")[0].removeprefix("../../"))


def test_small_photos_are_not_enlarged(tmp_path):
    small = tmp_path / "small.png"
    Image.new("RGBA", (200, 120), (200, 10, 10, 128)).save(small)
    result = build_members_site(
        tmp_path,
        {
            "images/members/zora.png": small.read_bytes(),
            "members/zora-zander.md": (
                "Title: Zora Zander\nKind: person\nCompetences: legasthenie\nRegion: Nord\n"
                "Formats: praesenz\nPhoto: images/members/zora.png\nSummary: x\n\nBio.\n"
            ),
        },
    )
    assert result.exit_code == 0, result.messages
    sizes = sorted(Image.open(p).size for p in (result.output / "bilder").glob("zora-*.jpg"))
    assert sizes == [(120, 120)]


def test_unchanged_photos_are_never_re_encoded(tmp_path):
    first = build_members_site(
        tmp_path, CACHE_PATH=str(tmp_path / "output-cache"), **OWN_IMAGE_CACHE
    )
    assert first.exit_code == 0, first.messages
    cache = tmp_path / "output-cache" / "images"
    cached = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(cached) == 6  # anna.jpg: 3 sizes × 2 formats
    before = images.encode_count()
    second = build_site(
        tmp_path / "content", tmp_path / "output", CACHE_PATH=str(cache.parent), **OWN_IMAGE_CACHE
    )
    assert second.exit_code == 0, second.messages
    assert images.encode_count() == before
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == cached


def test_changed_photo_gets_new_files_and_encoding_is_deterministic(tmp_path):
    first = build_members_site(
        tmp_path / "a", CACHE_PATH=str(tmp_path / "a" / "cache"), **OWN_IMAGE_CACHE
    )
    second = build_members_site(
        tmp_path / "b", CACHE_PATH=str(tmp_path / "b" / "cache"), **OWN_IMAGE_CACHE
    )

    def digests(result):
        return {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (result.output / "bilder").iterdir()
        }

    first_files = digests(first)
    assert first_files == digests(second)  # same input, same bytes, separate caches
    photo = tmp_path / "a" / "content" / "images" / "members" / "anna.jpg"
    shutil.copy(PHOTO_WITH_GPS.parent / "anna-beispiel.jpg", photo)
    before = images.encode_count()
    third = build_site(
        tmp_path / "a" / "content",
        tmp_path / "a" / "output",
        CACHE_PATH=str(tmp_path / "a" / "cache"),
        **OWN_IMAGE_CACHE,
    )
    assert third.exit_code == 0
    assert images.encode_count() == before + 6
    assert set(digests(third)) - set(first_files)  # new names: browsers never see stale photos


def test_a_photo_is_decoded_once_per_process_and_a_broken_one_every_time(tmp_path, monkeypatch):
    """The size check decodes the whole photo (a truncated file must fail
    there, not in the encoder); the same bytes are not decoded again."""
    import pytest
    from knotenpunkt.plugins.images import store
    from PIL import ImageOps

    decoded = []
    original = ImageOps.exif_transpose
    monkeypatch.setattr(
        ImageOps, "exif_transpose", lambda image: decoded.append(1) or original(image)
    )
    photo = tmp_path / "foto.jpg"
    Image.new("RGB", (40, 30), "teal").save(photo, "JPEG")
    data = photo.read_bytes() + b"anders als jedes andere Foto dieses Laufs"
    photo.write_bytes(data)
    assert store.upright_size(photo, data) == (40, 30)
    assert store.upright_size(photo, data) == (40, 30)
    assert len(decoded) == 1
    broken = tmp_path / "kaputt.jpg"
    broken.write_bytes(data[: len(data) // 2])
    for _attempt in range(2):
        with pytest.raises(OSError):
            store.upright_size(broken, broken.read_bytes())
