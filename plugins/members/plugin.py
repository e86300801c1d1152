"""Wiring: the members generator joins Pelican's generators."""

from __future__ import annotations

from knotenpunkt.plugins import content_errors
from pelican import signals

from .generator import MembersGenerator


def get_generators(pelican):
    del pelican
    return MembersGenerator


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.get_generators.connect(get_generators)
