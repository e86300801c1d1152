"""Wiring: replace markers in every content object when a reader produced it."""

from __future__ import annotations

from knotenpunkt.plugins import content_errors
from pelican import signals

from .markers import MARKER, replace_markers


def replace_in_content_object(instance) -> None:
    body = getattr(instance, "_content", None)
    if body and MARKER.search(body):
        source = getattr(instance, "source_path", None) or "?"
        instance._content = replace_markers(body, source)


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.content_object_init.connect(replace_in_content_object)
