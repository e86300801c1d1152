"""Template snippets rendered once per build and reused (``render_once``).

A member card looks the same on the directory, its pages and every
competence, region, format and kind page of the same depth: the macro's
output depends on the member, the heading level and ``SITEURL`` (relative
links differ per depth), and on nothing else of the page. ``render_once``
renders a macro the first time and returns the same markup for the same
arguments until the build ends. Arguments are told apart by identity (the
objects are kept alive with the entry, so an identity is never reused).
"""

from __future__ import annotations

from . import pages

_memo: dict[tuple, tuple] = {}


def render_once(macro, *args):
    """The macro's markup; what its first rendering read counts for every page using it."""
    key = (getattr(macro, "name", id(macro)),)
    key += tuple(v if isinstance(v, str | int) else id(v) for v in args)
    found = _memo.get(key)
    if found is None:
        with pages.nested() as read:
            markup = macro(*args[:-1])
        found = _memo[key] = (markup, args, read)
    else:
        pages.add(found[2])
    return found[0]


def clear(*_args) -> None:
    _memo.clear()


def install(generator) -> None:
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["render_once"] = render_once
