"""Reading a text file an episode names (chapters, transcript): there, not too big, UTF-8."""

from __future__ import annotations

from pathlib import Path

from knotenpunkt.plugins.content_errors import ContentError
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.limits import check_text_size


def read_named_text(
    path: Path,
    source: str,
    field: str,
    settings,
    missing: str,
    missing_hint: str,
    encoding: str = "utf-8",
) -> str:
    """The text of ``path``; raises ContentError (``missing`` and ``missing_hint`` when
    there is no such file, else the size limit or the encoding)."""
    if not path.is_file():
        raise ContentError(source, field, missing, missing_hint)
    too_big = check_text_size(path, source, field, settings)
    if too_big:
        raise too_big
    try:
        return path.read_text(encoding=encoding)
    except UnicodeDecodeError:
        raise ContentError(
            source,
            field,
            _("„{file}“ ist nicht als UTF-8 gespeichert.").format(file=path.name),
            _("Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."),
        ) from None
