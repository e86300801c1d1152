"""Registers the build caches (see the modules' docstrings)."""

from __future__ import annotations

from pelican import signals

from . import urls


def register() -> None:
    urls.install()
    signals.initialized.connect(urls.thaw)
    signals.all_generators_finalized.connect(urls.freeze)
    signals.finalized.connect(urls.thaw)
