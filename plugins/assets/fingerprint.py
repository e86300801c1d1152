"""Minify and fingerprint the theme's static files (no Pelican here: easy to test)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


def minify(name: str, data: bytes) -> bytes:
    """CSS and JavaScript without comments and needless white space; other files unchanged.

    The minifiers are imported here: development builds never minify and so
    do not need them installed."""
    import rcssmin
    import rjsmin

    if name.endswith(".css"):
        return rcssmin.cssmin(data.decode("utf-8")).encode("utf-8")
    if name.endswith(".js"):
        return rjsmin.jsmin(data.decode("utf-8")).encode("utf-8")
    return data


def hashed_name(relative: str, data: bytes, length: int) -> str:
    """``css/main.css`` → ``css/main.<hash>.css`` (hash of the bytes served)."""
    digest = hashlib.sha256(data).hexdigest()[:length]
    path = Path(relative)
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


@dataclass(frozen=True)
class Asset:
    relative: str  # below the theme's static folder, e.g. "css/main.css"
    served: str  # the name written, e.g. "css/main.3f2a9c0b1d4e.css"
    data: bytes


def collect(
    static: Path, folders: list[str], *, fingerprint: bool, minified: bool, length: int
) -> dict[str, Asset]:
    """Every file below ``static/<folder>``, keyed by its path relative to ``static``."""
    assets = {}
    for folder in folders:
        root = static / folder
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = path.relative_to(static).as_posix()
            data = path.read_bytes()
            if minified:
                data = minify(relative, data)
            served = hashed_name(relative, data, length) if fingerprint else relative
            assets[relative] = Asset(relative, served, data)
    return assets
