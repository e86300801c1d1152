"""Slugs and initials made from German names."""

from __future__ import annotations

import re


def initials(name: str) -> str:
    """``Anna Beispiel`` → ``AB``; ``Lernen in Musterstadt e. V.`` → ``LM``; ``Dr. Karin Vogt`` → ``KV``."""
    words = [w for w in re.split(r"[\s\-–/]+", name) if w and not w.endswith(".")]
    words = [w.strip("„“\"'()") for w in words]
    capitalised = [w for w in words if w[:1].isupper() and len(w) > 1] or [w for w in words if w]
    if not capitalised:
        return "?"
    letters = capitalised[0][0] + (capitalised[-1][0] if len(capitalised) > 1 else "")
    return letters.upper()
