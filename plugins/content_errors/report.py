"""Turns collected problems into the one plain-language report a member reads."""

from __future__ import annotations

import os

from .errors import ConfigurationError, ContentError
from .i18n import _, ngettext


def describe(problem: ContentError, content_root: str | None = None) -> str:
    """One problem as a short block: where, what, and how to fix it."""
    where = display_path(problem.source_path, content_root)
    if problem.line:
        where += _(", Zeile {line}").format(line=problem.line)
    lines = [where]
    message = project_relative(problem.message, content_root)
    if problem.field:
        lines.append(_("  Feld „{field}“: {message}").format(field=problem.field, message=message))
    else:
        lines.append("  " + message)
    if problem.hint:
        hint = project_relative(problem.hint, content_root)
        lines.append(_("  So beheben Sie es: {hint}").format(hint=hint))
    return "\n".join(lines)


def project_relative(text: str, content_root: str | None) -> str:
    """``text`` with every absolute path into the project written from the project
    folder (``content/audio/x.mp3``): a member never reads the build machine's
    folders, whichever check wrote the message."""
    if not content_root or not text:
        return text
    for root in {os.path.abspath(content_root), os.path.realpath(content_root)}:
        project_root = os.path.dirname(root)
        text = text.replace(project_root + os.sep, "")
    return text


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
    errors: list[ContentError],
    warnings: list[ContentError],
    content_root: str | None = None,
    *,
    checking: bool = False,
) -> str:
    """Warnings, then errors in the configuration, then errors in the content.

    ``checking``: the report of ``make check``, which never builds anything,
    so it must not say "the website was not built".
    """
    blocks = []
    if warnings:
        blocks.append(_("Hinweise ({count}):").format(count=len(warnings)))
        blocks.extend(describe(w, content_root) for w in warnings)
    in_settings = [e for e in errors if isinstance(e, ConfigurationError)]
    in_content = [e for e in errors if not isinstance(e, ConfigurationError)]
    number = 0
    for group, heading in (
        (in_settings, _error_heading(len(in_settings), checking, configuration=True)),
        (in_content, _error_heading(len(in_content), checking, configuration=False)),
    ):
        if not group:
            continue
        blocks.append(heading)
        for problem in group:
            number += 1
            blocks.append(f"{number}. " + describe(problem, content_root))
    if errors:
        blocks.append(
            _("Bitte korrigieren Sie diese Stellen und prüfen Sie dann erneut.")
            if checking
            else _("Bitte korrigieren Sie diese Stellen und bauen Sie die Website dann erneut.")
        )
    return "\n\n".join(blocks)


def _error_heading(count: int, checking: bool, *, configuration: bool) -> str:
    if configuration:
        text = (
            ngettext(
                "Die Prüfung hat {count} Fehler in der Konfiguration gefunden "
                "(pelicanconf.py, publishconf.py):",
                "Die Prüfung hat {count} Fehler in der Konfiguration gefunden "
                "(pelicanconf.py, publishconf.py):",
                count,
            )
            if checking
            else ngettext(
                "Die Website wurde nicht gebaut: {count} Fehler in der Konfiguration "
                "(pelicanconf.py, publishconf.py).",
                "Die Website wurde nicht gebaut: {count} Fehler in der Konfiguration "
                "(pelicanconf.py, publishconf.py).",
                count,
            )
        )
    else:
        text = (
            ngettext(
                "Die Prüfung hat {count} Fehler in den Inhalten gefunden:",
                "Die Prüfung hat {count} Fehler in den Inhalten gefunden:",
                count,
            )
            if checking
            else ngettext(
                "Die Website wurde nicht gebaut: {count} Fehler in den Inhalten.",
                "Die Website wurde nicht gebaut: {count} Fehler in den Inhalten.",
                count,
            )
        )
    return text.format(count=count)
