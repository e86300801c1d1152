"""Durations in words, as people say them: ``44 Sek.``, ``12 Min.``, ``1 Std. 5 Min.``.

A clock reading like ``0:44 Min.`` is ambiguous (44 minutes or seconds?);
episode lists and pages use this instead. ``gettext`` is the site's
translation function, so English sites read ``44 sec``.
"""

from __future__ import annotations

from collections.abc import Callable


def format_duration(seconds: float, gettext: Callable[[str], str] = str) -> str:
    """Under a minute in seconds, under an hour in whole minutes, else hours and minutes."""
    total = max(0, round(seconds))
    if total < 60:
        return gettext("%(num)s Sek.") % {"num": total}
    minutes = round(total / 60)
    if minutes < 60:
        return gettext("%(num)s Min.") % {"num": minutes}
    hours, minutes = divmod(minutes, 60)
    text = gettext("%(num)s Std.") % {"num": hours}
    if minutes:
        text += " " + gettext("%(num)s Min.") % {"num": minutes}
    return text
