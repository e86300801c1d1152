"""Turns collected problems into the one plain-language report a member reads."""

from __future__ import annotations

import os

from .errors import ContentError
from .i18n import _


def describe(problem: ContentError, content_root: str | None = None) -> str:
    """One problem as a short block: where, what, and how to fix it."""
    where = display_path(problem.source_path, content_root)
    if problem.line:
        where += _(", Zeile {line}").format(line=problem.line)
    lines = [where]
    if problem.field:
        lines.append(
            _("  Feld „{field}“: {message}").format(field=problem.field, message=problem.message)
        )
    else:
        lines.append("  " + problem.message)
    if problem.hint:
        lines.append(_("  So beheben Sie es: {hint}").format(hint=problem.hint))
    return "\n".join(lines)


def display_path(path: str, content_root: str | None) -> str:
    """A path as the member sees it in the repository (``content/members/x.md``)."""
    if content_root and os.path.isabs(path):
        project_root = os.path.dirname(os.path.abspath(content_root))
        try:
            return os.path.relpath(path, project_root)
        except ValueError:
            return path
    return path


def format_report(
    errors: list[ContentError], warnings: list[ContentError], content_root: str | None = None
) -> str:
    blocks = []
    if warnings:
        blocks.append(_("Hinweise ({count}):").format(count=len(warnings)))
        blocks.extend(describe(w, content_root) for w in warnings)
    if errors:
        if errors and len(errors) == 1:
            heading = _("Die Website wurde nicht gebaut: 1 Fehler in den Inhalten.")
        else:
            heading = _("Die Website wurde nicht gebaut: {count} Fehler in den Inhalten.")
        blocks.append(heading.format(count=len(errors)))
        blocks.extend(
            f"{number}. " + describe(e, content_root) for number, e in enumerate(errors, 1)
        )
        blocks.append(
            _("Bitte korrigieren Sie diese Stellen und bauen Sie die Website dann erneut.")
        )
    return "\n\n".join(blocks)
