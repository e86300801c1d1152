"""Wiring: the groups generator joins Pelican's generators (after members, before dates)."""

from __future__ import annotations

from knotenpunkt.plugins import content_errors
from pelican import signals

from .generator import GroupsGenerator


def get_generators(pelican):
    del pelican
    return GroupsGenerator


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.get_generators.connect(get_generators)
