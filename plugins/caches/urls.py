"""Every content object's URL and output path, computed once per build.

Pelican recomputes ``url`` and ``save_as`` on every access (a copy of the
metadata, a relative path, a format string): tens of thousands of times in a
medium build, because every card, list and link asks again. Until all
generators have read their content, slugs and ``override_*`` addresses may
still change, so the memo is switched on only at ``all_generators_finalized``
and off again when the next build starts. ``override_url``/``override_save_as``
are always asked first (an ``{attach}`` link sets them while pages render).
"""

from __future__ import annotations

import functools
import os

from pelican.contents import Content
from pelican.utils import posixize_path

_MEMO = "_knotenpunkt_url_memo"
_state = {"frozen": False}
_original_get_url_setting = Content.get_url_setting
_original_relative_source_path = Content.get_relative_source_path


def _get_url_setting(self, key: str) -> str:
    if hasattr(self, "override_" + key):
        return getattr(self, "override_" + key)
    if not _state["frozen"]:
        return _original_get_url_setting(self, key)
    memo = self.__dict__.get(_MEMO)
    if memo is None:
        memo = self.__dict__[_MEMO] = {}
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = _original_get_url_setting(self, key)
        return value


@functools.lru_cache(maxsize=65536)
def _relative_path(content_root: str, source_path: str) -> str:
    return posixize_path(
        os.path.relpath(
            os.path.abspath(os.path.join(content_root, source_path)),
            os.path.abspath(content_root),
        )
    )


def _get_relative_source_path(self, source_path: str | None = None) -> str | None:
    """Pelican's function, memoised: a pure function of the two paths."""
    if not source_path:
        source_path = self.source_path
    if source_path is None:
        return None
    return _relative_path(self.settings["PATH"], source_path)


def install() -> None:
    Content.get_url_setting = _get_url_setting
    Content.get_relative_source_path = _get_relative_source_path


def freeze(_generators=None) -> None:
    """Reading is over: addresses no longer change."""
    _state["frozen"] = True


def thaw(_pelican=None) -> None:
    """A new build starts: objects are read again and may change."""
    _state["frozen"] = False
