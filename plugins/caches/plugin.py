"""Registers the build caches (see the modules' docstrings)."""

from __future__ import annotations

from pelican import signals

from . import cards, lint, markdown, reading, templates, urls, verdicts


def register() -> None:
    urls.install()
    reading.install()
    markdown.install()
    lint.install()
    verdicts.install()
    signals.initialized.connect(verdicts.start)
    signals.finalized.connect(verdicts.save)
    signals.initialized.connect(urls.thaw)
    signals.all_generators_finalized.connect(urls.freeze)
    signals.finalized.connect(urls.thaw)
    signals.generator_init.connect(cards.install)
    signals.generator_init.connect(templates.install)
    signals.all_generators_finalized.connect(cards.clear)
    signals.finalized.connect(cards.clear)
