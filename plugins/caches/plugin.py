"""Registers the build caches (see the modules' docstrings)."""

from __future__ import annotations

from knotenpunkt.plugins.content_errors.writer import GuardedWriter
from pelican import signals

from knotenpunkt.build import published

from . import (
    cards,
    lint,
    markdown,
    pages,
    reading,
    sanitize,
    search_index,
    templates,
    urls,
    verdicts,
)


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
    GuardedWriter.reuse = pages
    signals.initialized.connect(pages.start)
    signals.content_object_init.connect(pages.register_object)
    signals.generator_init.connect(pages.install)
    signals.all_generators_finalized.connect(pages.freeze)
    signals.finalized.connect(pages.save)
    search_index.install()
    signals.initialized.connect(search_index.start)
    published.connect(search_index.finish_after_swap)
    signals.finalized.connect(templates.save)
    sanitize.install()
    signals.initialized.connect(sanitize.start)
    signals.finalized.connect(sanitize.save)
