"""Wiring: clean every content object as soon as a reader has produced it."""

from __future__ import annotations

from pelican import signals

from .clean import clean_html
from .settings import DEFAULTS


def clean_content_object(instance) -> None:
    """Sanitise the body and the (Markdown-rendered) summary of one object."""
    settings = getattr(instance, "settings", None) or {}
    if not settings.get("SANITIZE_ENABLED", DEFAULTS["SANITIZE_ENABLED"]):
        return
    if getattr(instance, "_content", None):
        instance._content = clean_html(instance._content)
    metadata = getattr(instance, "metadata", {})
    if isinstance(metadata.get("summary"), str):
        metadata["summary"] = clean_html(metadata["summary"])
    if isinstance(getattr(instance, "_summary", None), str):
        instance._summary = clean_html(instance._summary)


def register() -> None:
    signals.content_object_init.connect(clean_content_object)
