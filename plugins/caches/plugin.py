"""Registers the build caches (see the modules' docstrings)."""

from __future__ import annotations

from pelican import signals

from . import reading, urls


def register() -> None:
    urls.install()
    reading.install()
    signals.initialized.connect(urls.thaw)
    signals.all_generators_finalized.connect(urls.freeze)
    signals.finalized.connect(urls.thaw)
