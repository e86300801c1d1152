"""The small copies of the podcast cover (``podcast:images``) are encoded once
and kept with the other derived images between builds."""

from __future__ import annotations

import shutil

import pytest
from knotenpunkt.plugins.podcast import cover_sizes
from PIL import Image

from sitebuild import SAMPLE_CONTENT


@pytest.fixture
def settings(tmp_path):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    shutil.copy(
        SAMPLE_CONTENT / "images" / "podcast" / "cover.jpg", content / "images" / "cover.jpg"
    )
    return {
        "PATH": str(content),
        "PODCAST_IMAGE": "images/cover.jpg",
        "PODCAST_URL": "podcast/",
        "IMAGES_CACHE_PATH": str(tmp_path / "cache"),
        "CACHE_PATH": str(tmp_path / "unused"),
    }


def written(settings, output) -> dict[str, bytes]:
    sizes, _width = cover_sizes.plan(settings)
    cover_sizes.write(settings, sizes, str(output))
    return {size.path: (output / size.path).read_bytes() for size in sizes}


def count_resizes(monkeypatch) -> list:
    calls = []
    original = Image.Image.resize

    def resize(self, *args, **kwargs):
        calls.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Image.Image, "resize", resize)
    return calls


def test_a_second_build_copies_the_cached_sizes(settings, tmp_path, monkeypatch):
    resizes = count_resizes(monkeypatch)
    first = written(settings, tmp_path / "first")
    assert len(resizes) == len(first) == len(cover_sizes.WIDTHS)
    second = written(settings, tmp_path / "second")
    assert second == first
    assert len(resizes) == len(first)  # nothing encoded again
    for path in second:
        with Image.open(tmp_path / "second" / path) as image:
            assert f"-{image.width}.jpg" in path and image.info.get("exif") is None


def test_a_new_cover_is_encoded_under_new_names(settings, tmp_path, monkeypatch):
    first = written(settings, tmp_path / "first")
    cover = tmp_path / "content" / "images" / "cover.jpg"
    with Image.open(cover) as image:
        image.rotate(90).save(cover, "JPEG", quality=90)
    resizes = count_resizes(monkeypatch)
    second = written(settings, tmp_path / "second")
    assert len(resizes) == len(cover_sizes.WIDTHS)
    assert not set(first) & set(second)
