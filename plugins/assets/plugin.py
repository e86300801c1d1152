"""Wiring: the ``asset()`` and ``has_embed()`` Jinja globals, the hashed files at the end."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Undefined
from pelican import signals

from .fingerprint import Asset, collect
from .settings import setting

# Marks a consent embed in rendered content (plugins/embeds/markers.py).
EMBED_MARK = "data-embed-src="

_state: dict = {"assets": None, "settings": None}


def theme_static(settings) -> tuple[Path, str]:
    """The theme's static folder and the output folder Pelican copies it to."""
    static = Path(settings["THEME"]) / "static"
    return static, str(settings.get("THEME_STATIC_DIR", "theme"))


def assets_for(settings) -> dict[str, Asset]:
    if _state["assets"] is None or _state["settings"] is not settings:
        static, _target = theme_static(settings)
        _state["assets"] = collect(
            static,
            list(setting(settings, "ASSETS_FOLDERS")),
            fingerprint=bool(setting(settings, "ASSETS_FINGERPRINT")),
            minified=bool(setting(settings, "ASSETS_MINIFY")),
            length=int(setting(settings, "ASSETS_HASH_LENGTH")),
        )
        _state["settings"] = settings
    return _state["assets"]


def asset_url(settings, relative: str) -> str:
    """``css/main.css`` → ``theme/css/main.<hash>.css`` (or unchanged in development)."""
    assets = assets_for(settings)
    if relative not in assets:
        raise ValueError(f"asset(): no theme file static/{relative}")
    return f"{theme_static(settings)[1]}/{assets[relative].served}"


def has_embed(*items) -> bool:
    """True when one of the content objects (article, page, member …) holds an embed."""
    for item in items:
        if isinstance(item, Undefined):  # not set on this kind of page
            continue
        # the body as stored (the ``content`` property would rewrite its links again)
        content = getattr(item, "_content", None)
        if isinstance(content, str) and EMBED_MARK in content:
            return True
    return False


def start_build(pelican) -> None:
    _state.update(assets=None, settings=None)


def install(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    settings = generator.settings
    env.globals["asset"] = lambda relative: asset_url(settings, relative)
    env.globals["has_embed"] = has_embed


def write_assets(pelican) -> None:
    """The minified, fingerprinted copies next to Pelican's plain ones."""
    settings = pelican.settings
    if not (setting(settings, "ASSETS_FINGERPRINT") or setting(settings, "ASSETS_MINIFY")):
        return
    _static, target = theme_static(settings)
    for item in assets_for(settings).values():
        destination = Path(pelican.output_path) / target / item.served
        os.makedirs(destination.parent, exist_ok=True)
        destination.write_bytes(item.data)


def register() -> None:
    signals.initialized.connect(start_build)
    signals.generator_init.connect(install)
    signals.finalized.connect(write_assets)
