"""Signal wiring of the podcast plugin."""

from __future__ import annotations

from knotenpunkt.plugins import content_errors
from pelican import signals

from .generator import PodcastGenerator, prepare_episodes


def get_generators(_pelican):
    return PodcastGenerator


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.article_generator_pretaxonomy.connect(prepare_episodes)
    signals.get_generators.connect(get_generators)
