"""The one way a path written by a member becomes a file inside ``content/``.

Members name files in header fields (``Photo:``, ``Audio:``, ``Image:``,
``Chapters:``, ``Transcript:`` …). Such a value must never reach a file
outside the content folder: not with ``..``, not as an absolute path, not
through a symbolic link, and never a device or a pipe. Every plugin that
turns a field into a file goes through :func:`resolve_content_path`, so the
rule is enforced in one place.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .errors import ContentError
from .i18n import _

PREFIXES = ("{static}", "{attach}", "{filename}")
URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
WINDOWS_DRIVE_RE = re.compile(r"^[A-Za-z]:[\\/]")
#: an example path per field, for the hint
EXAMPLES = {
    "Photo": "images/members/name.jpg",
    "Image": "images/podcast/folge-01.jpg",
    "Audio": "audio/folge-01.mp3",
    "Chapters": "audio/folge-01.chapters.json",
    "Transcript": "audio/folge-01.vtt",
}


# {static}/{attach}/{filename} links in a body, in Markdown or raw HTML
BODY_LINK_RE = re.compile(r"\{(?:static|attach|filename)\}([^\s)\"'<>]+)")


@dataclass(frozen=True)
class ContentPath:
    """A checked path: ``relative`` to the content folder (POSIX), and ``absolute``."""

    relative: str
    absolute: Path

    def exists(self) -> bool:
        return self.absolute.is_file()


def strip_prefix(value: str) -> tuple[str, bool]:
    """``value`` without Pelican's ``{static}``-like prefix; and whether it had one."""
    text = str(value).strip().replace("\\", "/")
    for prefix in PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix) :], True
    return text, False


def resolve_content_path(
    content_root: str | os.PathLike, value: str, source: str, field: str | None
) -> ContentPath:
    """Turn ``value`` (as written in ``field`` of ``source``) into a file below ``content_root``.

    Raises :class:`ContentError` for web addresses, absolute paths, ``..``
    leaving the folder, symbolic links on the way and anything that is not a
    regular file. A path to a file that does not exist is returned (check
    :meth:`ContentPath.exists`): the plugin reading it knows the best hint.
    """
    root = Path(content_root).resolve()
    raw = str(value).strip()
    text, prefixed = strip_prefix(raw)

    def refuse(message: str, hint: str) -> ContentError:
        return ContentError(source, field, message, hint)

    example = _("Schreiben Sie den Pfad ab dem Ordner content/, z. B. „{example}“.").format(
        example=EXAMPLES.get(field or "", "images/bild.jpg")
    )
    if "\x00" in text or not text.strip("/"):
        raise refuse(_("„{path}“ ist kein gültiger Dateipfad.").format(path=raw), example)
    if URL_RE.match(text):
        raise refuse(
            _("„{path}“ ist eine Webadresse; hier gehört eine Datei aus content/ hin.").format(
                path=raw
            ),
            _("Legen Sie die Datei in den Ordner content/ und tragen Sie ihren Pfad ein. ")
            + example,
        )
    if WINDOWS_DRIVE_RE.match(text) or text.startswith("~"):
        raise refuse(_absolute_message(raw), example)
    if text.startswith("/") and not prefixed:
        # "/images/x.jpg" is meant from content/ (as Pelican reads "{static}/…"),
        # "/etc/passwd" is a path on the computer: only the first is accepted.
        inside = posixpath.normpath(text.lstrip("/"))
        if inside.startswith("..") or not (root / inside).exists():
            raise refuse(_absolute_message(raw), example)
    relative = posixpath.normpath(text.lstrip("/"))
    if relative == ".." or relative.startswith("../") or relative == ".":
        raise refuse(
            _("„{path}“ zeigt aus dem Ordner content/ heraus.").format(path=raw),
            _("Dateien für die Website müssen im Ordner content/ liegen. ") + example,
        )
    absolute = root / relative
    refuse_links_and_specials(root, absolute, source, field, shown=raw)
    return ContentPath(relative, absolute)


def _absolute_message(raw: str) -> str:
    return _("„{path}“ ist ein Pfad auf dem eigenen Rechner, keiner im Ordner content/.").format(
        path=raw
    )


def refuse_links_and_specials(
    root: Path, absolute: Path, source: str, field: str | None, *, shown: str | None = None
) -> None:
    """Raise ContentError if a part of ``absolute`` below ``root`` is a symbolic link,
    if the file is not a regular file, or if it lies outside ``root``.

    A missing part is fine (the caller reports a missing file in its own words).
    """
    try:
        parts = absolute.relative_to(root).parts
    except ValueError:
        raise ContentError(
            source,
            field,
            _("„{path}“ liegt außerhalb des Ordners content/.").format(path=shown or absolute),
            _("Dateien für die Website müssen im Ordner content/ liegen."),
        ) from None
    shown = shown or "/".join(parts)
    current = root
    for index, part in enumerate(parts):
        current = current / part
        try:
            info = current.lstat()
        except OSError:
            return  # missing: reported by whoever needs the file
        if stat.S_ISLNK(info.st_mode):
            raise ContentError(
                source,
                field,
                _(
                    "„{path}“ ist eine Verknüpfung (symbolischer Link) und wird aus "
                    "Sicherheitsgründen nicht gelesen."
                ).format(path=current.relative_to(root).as_posix()),
                _(
                    "Legen Sie statt der Verknüpfung die Datei selbst in den Ordner content/ "
                    "(kopieren statt verlinken)."
                ),
            )
        last = index == len(parts) - 1
        if last and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            raise ContentError(
                source,
                field,
                _("„{path}“ ist keine gewöhnliche Datei.").format(path=shown),
                _("Legen Sie an diese Stelle eine normale Datei (Bild, Audio oder Text)."),
            )
    # Belt and braces for ".." in the path. Without one, every part below root
    # exists and none is a link (checked above), so the resolved path is the
    # resolved root plus these parts: resolving (a system call per part of the
    # whole path, for every file of every build) cannot find anything more.
    if ".." in parts and not absolute.resolve().is_relative_to(root.resolve()):
        raise ContentError(
            source,
            field,
            _("„{path}“ liegt außerhalb des Ordners content/.").format(path=shown),
            _("Dateien für die Website müssen im Ordner content/ liegen."),
        )


def links_leaving_content(source: str, file_relative: str, lines: list[str]) -> list[ContentError]:
    """An error for every ``{static}``-style link in ``lines`` that leaves content/.

    Pelican reads such a link from the content folder when it starts with
    ``/`` and from the file's own folder otherwise, and would copy the target
    into the site: a link to ``../../etc/passwd`` must stop at the door.
    """
    folder = posixpath.dirname(file_relative)
    problems = []
    for number, line in enumerate(lines, 1):
        for match in BODY_LINK_RE.finditer(line):
            target = match.group(1).split("#", 1)[0].split("?", 1)[0]
            joined = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
            normal = posixpath.normpath(joined)
            if normal == ".." or normal.startswith("../"):
                problems.append(
                    ContentError(
                        source,
                        None,
                        _("Der Link „{link}“ zeigt aus dem Ordner content/ heraus.").format(
                            link=match.group(0)
                        ),
                        _(
                            "Verlinken Sie nur Dateien im Ordner content/, z. B. "
                            "„{static}/images/bild.jpg“."
                        ),
                        line=number,
                    )
                )
    return problems


FENCE_RE = re.compile(r"^\s*(```|~~~)")
# like BODY_LINK_RE, with balanced parentheses inside the address, as Markdown reads it
BODY_LINK_BALANCED_RE = re.compile(
    r"\{(?:static|attach|filename)\}((?:[^\s()\"'<>]|\([^\s()\"'<>]*\))+)"
)
INLINE_CODE_RE = re.compile(r"`+[^`]*`+")


def links_to_missing_files(
    content_root: str | os.PathLike, source: str, file_relative: str, lines: list[str]
) -> list[ContentError]:
    """An error for every ``{filename}``-style link whose target is not in content/.

    Pelican only logs "Unable to find" (naming the target, not the file with
    the link) and publishes a literal ``{filename}`` address: a dead link on
    the site. Here the member learns the file and line that hold the link.
    Links in code (fenced blocks, backticks) are examples, not links.
    """
    root = Path(content_root)
    folder = posixpath.dirname(file_relative)
    problems = []
    in_fence = False
    for number, line in enumerate(lines, 1):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in BODY_LINK_BALANCED_RE.finditer(INLINE_CODE_RE.sub("", line)):
            # Pelican unquotes the address before it looks for the file
            target = unquote(match.group(1).split("#", 1)[0].split("?", 1)[0])
            joined = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
            normal = posixpath.normpath(joined)
            if normal == ".." or normal.startswith("../") or (root / normal).exists():
                continue  # leaving content/ is links_leaving_content's error
            problems.append(
                ContentError(
                    source,
                    None,
                    _("Der Link „{link}“ zeigt auf eine Datei, die es nicht gibt.").format(
                        link=match.group(0)
                    ),
                    _missing_link_hint(root, normal),
                    line=number,
                )
            )
    return problems


def _missing_link_hint(root: Path, normal: str) -> str:
    from .errors import suggest

    parent = root / posixpath.dirname(normal)
    name = posixpath.basename(normal)
    siblings = sorted(p.name for p in parent.iterdir()) if parent.is_dir() else []
    same_but_case = next((s for s in siblings if s.lower() == name.lower()), None)
    if same_but_case:
        return _("Achten Sie auf Groß- und Kleinschreibung: Die Datei heißt „{actual}“.").format(
            actual=same_but_case
        )
    close = suggest(name, siblings)
    if close:
        return _("Meinten Sie „{path}“? Wurde die Datei vielleicht umbenannt?").format(
            path=posixpath.join(posixpath.dirname(normal), close)
        )
    return _(
        "Prüfen Sie den Pfad: Er beginnt nach {{filename}} mit „/“ und dem Ordner in "
        "content/, z. B. „{{filename}}/pages/mitmachen.md“. Wurde die Datei umbenannt "
        "oder gelöscht, passen Sie den Link an."
    ).format()
