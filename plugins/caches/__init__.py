"""Caches that make builds cheaper without changing a byte of the output."""

from .plugin import register

__all__ = ["register"]
