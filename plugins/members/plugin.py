"""Wiring: the members generator joins Pelican's generators."""

from __future__ import annotations

from pelican import signals

from .generator import MembersGenerator


def get_generators(pelican):
    del pelican
    return MembersGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
