"""Wiring: an own generator that writes the derived files after reading is done."""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from .store import store_for


class ImagesGenerator(Generator):
    """Writes every photo variant some plugin asked for during reading."""

    def generate_context(self) -> None:
        store_for(self.context)

    def generate_output(self, writer) -> None:
        del writer  # derived images are files, not templates
        store_for(self.context).write(self.output_path)


def get_generators(pelican) -> type[Generator]:
    del pelican
    return ImagesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
