"""A small network for members tests: 4 members, 3 competences, 1 post, 1 photo."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild import FIXTURES, SAMPLE_CONTENT, build_site, write_files

# The sample photo carries fake EXIF and GPS data (see tools/make_sample_media.py).
PHOTO_WITH_GPS = SAMPLE_CONTENT / "images" / "members" / "tobias-lindner.jpg"


def members_content(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    content = root / "content"
    shutil.copytree(FIXTURES / "members", content)
    (content / "images" / "members").mkdir(parents=True)
    shutil.copy(PHOTO_WITH_GPS, content / "images" / "members" / "anna.jpg")
    return write_files(content, files or {})


def build_members_site(root: Path, files: dict[str, str | bytes] | None = None, **overrides):
    return build_site(members_content(root, files), root / "output", **overrides)


def zoras_post(number: int, text: str = "Ein Absatz über das Lernen.", date: str = "") -> str:
    """Blog post number ``number`` (slug ``beitrag-<number>``) by Zora Zander, dated
    February ``number``, 2026 unless ``date`` says otherwise."""
    return (
        f"Title: Beitrag {number}\nSlug: beitrag-{number}\n"
        f"Date: {date or f'2026-02-{number:02d}'} 10:00\n"
        f"Authors: zora-zander\nTags: legasthenie\n\n{text}\n"
    )
