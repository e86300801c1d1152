"""Wiring: an own generator that writes the derived files after reading is done."""

from __future__ import annotations

import os
from pathlib import Path

from knotenpunkt.plugins import content_errors
from knotenpunkt.plugins.content_errors.errors import WARNING, ContentError, report
from knotenpunkt.plugins.content_errors.i18n import _
from pelican import signals
from pelican.generators import Generator

from .metadata import SUFFIXES, strip_file
from .settings import setting
from .store import store_for

_static_images: list[str] = []


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


def drop_unclaimed_originals(generator) -> None:
    """Never publish an original from a private folder (``IMAGES_PRIVATE_DIRS``).

    Photos a member names are claimed as sources when read, so Pelican's
    static copy skips them already; what is still on the list here is a photo
    no one names (e.g. of a member who left), which must not go online.
    """
    private = [d.strip("/") + "/" for d in setting(generator.settings, "IMAGES_PRIVATE_DIRS")]
    kept = []
    for static in generator.staticfiles:
        relative = static.get_relative_source_path()
        if not any(relative.startswith(folder) for folder in private):
            kept.append(static)
            continue
        report(
            ContentError(
                os.path.join(generator.settings["PATH"], relative),
                None,
                _(
                    "Kein Mitglied trägt dieses Foto bei „Photo:“ ein; es wird deshalb nicht "
                    "veröffentlicht."
                ),
                _(
                    "Tragen Sie es in der Datei des Mitglieds bei „Photo:“ ein oder löschen "
                    "Sie es, wenn es nicht mehr gebraucht wird."
                ),
                severity=WARNING,
            )
        )
    generator.staticfiles[:] = kept


def remember_static_images(generator) -> None:
    """The images Pelican's static copy will publish (set before output starts)."""
    _static_images[:] = [
        static.save_as
        for static in generator.staticfiles
        if os.path.splitext(static.save_as)[1].lower() in SUFFIXES
    ]


def strip_static_images(pelican) -> None:
    """Remove EXIF/GPS and other metadata from every published copy, losslessly."""
    output = Path(pelican.settings["OUTPUT_PATH"])
    for save_as in _static_images:
        strip_file(output / save_as)
    _static_images.clear()


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.get_generators.connect(get_generators)
    signals.static_generator_finalized.connect(drop_unclaimed_originals)
    signals.static_generator_finalized.connect(remember_static_images)
    signals.finalized.connect(strip_static_images)
