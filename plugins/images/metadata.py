"""Lossless removal of metadata (EXIF, GPS, XMP, IPTC, comments) from image files.

Member photos are re-encoded from pixels anyway (``store.py``). Every other
image a member puts under ``content/images/`` (blog pictures, logos, cover
art) is published by Pelican's static copy as it is, with the camera's GPS
position inside. Re-encoding those would cost quality, so the metadata blocks
are cut out of the file instead: the compressed image data stays byte for byte
the same.

Kept: what decoding needs (JPEG APP0/JFIF, APP14/Adobe colour transform, the
ICC colour profile; PNG's image, palette and colour chunks; WebP's bitstream).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

JPEG_SUFFIXES = {".jpg", ".jpeg"}
PNG_SUFFIXES = {".png"}
WEBP_SUFFIXES = {".webp"}
SUFFIXES = JPEG_SUFFIXES | PNG_SUFFIXES | WEBP_SUFFIXES

# PNG ancillary chunks that carry text, dates or EXIF.
PNG_METADATA_CHUNKS = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def strip_jpeg(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        return data
    out = bytearray(b"\xff\xd8")
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return data  # not a marker where one must be: leave the file alone
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without length
            out += data[position : position + 2]
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        segment = data[position : position + 2 + length]
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[position:]
            return bytes(out)
        if not _is_jpeg_metadata(marker, segment[4:]):
            out += segment
        position += 2 + length
    return data


def _is_jpeg_metadata(marker: int, payload: bytes) -> bool:
    if marker == 0xFE:  # COM: free-text comment
        return True
    if marker == 0xE2:  # APP2: keep the ICC profile, drop FlashPix and the like
        return not payload.startswith(b"ICC_PROFILE\x00")
    if marker in (0xE0, 0xEE):  # APP0 (JFIF), APP14 (Adobe colour transform)
        return False
    return 0xE1 <= marker <= 0xEF  # APP1 Exif/XMP, APP13 IPTC, and the rest


def strip_png(data: bytes) -> bytes:
    signature = b"\x89PNG\r\n\x1a\n"
    if not data.startswith(signature):
        return data
    out = bytearray(signature)
    position = len(signature)
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if kind not in PNG_METADATA_CHUNKS:
            out += data[position:end]
        position = end
        if kind == b"IEND":
            return bytes(out)
    return data


def strip_webp(data: bytes) -> bytes:
    if not (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return data
    chunks = bytearray()
    position = 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        end = position + 8 + length + (length & 1)
        chunk = bytearray(data[position:end])
        if kind == b"VP8X":
            chunk[8] &= ~0x0C & 0xFF  # clear the "has EXIF" and "has XMP" flags
        if kind not in (b"EXIF", b"XMP "):
            chunks += chunk
        position = end
    return b"RIFF" + struct.pack("<I", len(chunks) + 4) + b"WEBP" + bytes(chunks)


def strip_metadata(data: bytes, suffix: str) -> bytes:
    """``data`` without metadata blocks; unknown formats come back unchanged."""
    suffix = suffix.lower()
    if suffix in JPEG_SUFFIXES:
        return strip_jpeg(data)
    if suffix in PNG_SUFFIXES:
        return strip_png(data)
    if suffix in WEBP_SUFFIXES:
        return strip_webp(data)
    return data


def strip_file(path: Path) -> bool:
    """Strip ``path`` in place; True when something was removed."""
    if path.suffix.lower() not in SUFFIXES or not path.is_file():
        return False
    data = path.read_bytes()
    stripped = strip_metadata(data, path.suffix)
    if stripped == data:
        return False
    stat = path.stat()
    # a new file, never a write through a hard or symbolic link into content/
    path.unlink()
    path.write_bytes(stripped)
    # keep the copy's time so Pelican's "copy only when newer" stays right
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return True
