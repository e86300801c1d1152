"""Every image published from content/images/ loses its EXIF/GPS, without re-encoding."""

import io
import shutil

from knotenpunkt.plugins.images.metadata import strip_metadata
from PIL import Image, ImageChops

from members_fixture import PHOTO_WITH_GPS
from sitebuild import FIXTURES, build_site, write_files


def pixels_equal(a: Image.Image, b: Image.Image) -> bool:
    return (
        a.size == b.size
        and ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None
    )


def gps_png() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 80, 20))
    exif = Image.Exif()
    exif[0x010F] = "Musterkamera GmbH"
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Aufgenommen bei Familie Muster, Musterweg 3")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, exif=exif)
    return buffer.getvalue()


def gps_webp() -> bytes:
    exif = Image.open(PHOTO_WITH_GPS).getexif()
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 80, 200)).save(buffer, "WEBP", exif=exif, xmp=b"<x:xmpmeta/>")
    return buffer.getvalue()


def test_blog_picture_with_gps_is_published_without_metadata_and_same_pixels(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    (content / "images" / "blog").mkdir(parents=True)
    shutil.copy(PHOTO_WITH_GPS, content / "images" / "blog" / "treffen.jpg")
    write_files(content, {"images/blog/logo.png": gps_png(), "images/blog/bild.webp": gps_webp()})
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages

    published = result.output / "images" / "blog" / "treffen.jpg"
    with Image.open(published) as image, Image.open(PHOTO_WITH_GPS) as original:
        assert not image.getexif()
        assert "exif" not in image.info
        assert pixels_equal(image, original)
    # the compressed image data is untouched: only metadata blocks went away
    assert published.stat().st_size < PHOTO_WITH_GPS.stat().st_size
    assert PHOTO_WITH_GPS.read_bytes().endswith(published.read_bytes()[-4096:])

    with Image.open(result.output / "images" / "blog" / "logo.png") as png:
        assert not png.getexif() and "Comment" not in png.info
    with Image.open(result.output / "images" / "blog" / "bild.webp") as webp:
        assert not webp.getexif() and "xmp" not in webp.info
        assert webp.size == (40, 30)
    # the member's original in content/ is left as it was
    assert Image.open(content / "images" / "blog" / "treffen.jpg").getexif()


def test_stripping_keeps_the_icc_colour_profile_and_decodability():
    image = Image.new("RGB", (16, 16), (10, 120, 60))
    buffer = io.BytesIO()
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(buffer, "JPEG", icc_profile=profile, exif=Image.open(PHOTO_WITH_GPS).getexif())
    stripped = strip_metadata(buffer.getvalue(), ".jpg")
    with Image.open(io.BytesIO(stripped)) as result:
        assert result.info.get("icc_profile") == profile
        assert not result.getexif()
        assert pixels_equal(result, Image.open(io.BytesIO(buffer.getvalue())))


def test_files_that_are_not_what_they_claim_are_left_alone():
    assert strip_metadata(b"not a jpeg at all", ".jpg") == b"not a jpeg at all"
    assert strip_metadata(b"GIF89a...", ".png") == b"GIF89a..."
