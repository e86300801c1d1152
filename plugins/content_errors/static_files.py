"""Static files are an allow-list: only checked pictures, audio, chapters and transcripts.

Pelican copies every file in ``STATIC_PATHS`` (and every file a content file
links with ``{static}``) to the site as it is. Without a check that would
publish an ``.html`` or ``.svg`` file with script from the site's own origin,
or, through a symbolic link, any file the build can read (``/etc/passwd``,
the build's environment). So each file must be

* a regular file inside ``content/`` with no symbolic link on its way,
* of a kind its folder may hold (``CONTENT_STATIC_KINDS``; a file linked
  from another folder may be any of the kinds below),
* of a known extension whose content really is that kind (magic bytes, or a
  real parse for JSON and text), and within the size limits.

:func:`check_static_file` is run by the raw pass (``lint.py``) on the static
folders and, as the gate, on the StaticGenerator's list right before anything
is written (:func:`filter_static_files`): refused files are dropped from it.
"""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path

from .errors import ContentError, report
from .i18n import _
from .limits import check_audio_size, check_file_size, check_text_size, image_header, limit
from .paths import refuse_links_and_specials

IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
AUDIO_EXTENSIONS = {".mp3", ".m4a", ".aac", ".ogg", ".opus"}
KIND_EXTENSIONS = {
    "image": set(IMAGE_FORMATS),
    "audio": AUDIO_EXTENSIONS,
    "chapters": {".json"},
    "transcript": {".vtt", ".srt"},
}


def kind_of(extension: str) -> str | None:
    return next((k for k, exts in KIND_EXTENSIONS.items() if extension in exts), None)


def _kind_names() -> dict[str, str]:
    return {
        "image": _("Bilder (JPEG, PNG, WebP)"),
        "audio": _("Audio (MP3, M4A, AAC, Ogg, Opus)"),
        "chapters": _("Kapitelmarken (JSON)"),
        "transcript": _("Transkripte (VTT, SRT)"),
    }


def allowed_here(settings) -> dict[str, tuple[str, ...]]:
    return dict(limit(settings, "CONTENT_STATIC_KINDS"))


def check_static_file(root: Path, relative: str, settings) -> None:
    """Raise ContentError unless the file ``relative`` (to ``root``) may be published."""
    relative = posixpath.normpath(relative.replace("\\", "/"))
    absolute = root / relative
    shown = str(absolute)
    if relative == ".." or relative.startswith("../") or os.path.isabs(relative):
        raise ContentError(
            shown,
            None,
            _("Ein Link zeigt auf „{path}“ außerhalb des Ordners content/.").format(path=relative),
            _("Verlinken Sie mit {static} nur Dateien, die im Ordner content/ liegen."),
        )
    refuse_links_and_specials(root, absolute, shown, None, shown=relative)
    if not absolute.is_file():
        return  # a dangling link target: Pelican reports it as a missing link
    folders = allowed_here(settings)
    top = relative.split("/", 1)[0] if "/" in relative else ""
    extension = absolute.suffix.lower()
    kind = kind_of(extension)
    names = _kind_names()
    # A folder named in CONTENT_STATIC_KINDS holds only its kinds; a file a
    # content file links from elsewhere (e.g. an episode's chapters in
    # content/kapitel/) may be any known kind, checked all the same.
    allowed = folders.get(top, tuple(KIND_EXTENSIONS))
    if kind is None or kind not in allowed:
        listed = ", ".join(names[k] for k in allowed if k in names)
        if top in folders:
            message = _(
                "Dateien der Art „{ext}“ werden in content/{folder}/ nicht veröffentlicht."
            ).format(ext=extension or absolute.name, folder=top)
        else:
            message = _("Dateien der Art „{ext}“ werden nicht veröffentlicht.").format(
                ext=extension or absolute.name
            )
        raise ContentError(
            shown,
            None,
            message,
            _(
                "Veröffentlicht werden nur {allowed}. Löschen Sie die Datei oder wandeln "
                "Sie sie um."
            ).format(allowed=listed),
        )
    CHECKS[kind](absolute, shown, settings)


def _check_image(path: Path, shown: str, settings) -> None:
    too_big = check_file_size(
        path,
        shown,
        None,
        int(limit(settings, "CONTENT_MAX_IMAGE_BYTES")),
        _(
            "Verkleinern Sie das Bild (z. B. auf 2000 Pixel Breite, als JPEG) "
            "(Grenze: Einstellung CONTENT_MAX_IMAGE_BYTES)."
        ),
    )
    if too_big:
        raise too_big
    real, _size, _mode = image_header(path, shown, None, settings)
    wanted = IMAGE_FORMATS[path.suffix.lower()]
    if real != wanted:
        raise ContentError(
            shown,
            None,
            _("„{file}“ endet auf {ext}, ist aber kein {wanted}-Bild (sondern {real}).").format(
                file=path.name, ext=path.suffix, wanted=wanted, real=real or "?"
            ),
            _("Speichern Sie das Bild wirklich als JPEG, PNG oder WebP mit passender Endung."),
        )


def _audio_matches(extension: str, head: bytes) -> bool:
    id3 = head.startswith(b"ID3")
    frame_sync = len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
    if extension == ".mp3":
        return id3 or frame_sync
    if extension == ".aac":
        return id3 or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0)
    if extension == ".m4a":
        return head[4:8] == b"ftyp"
    return head.startswith(b"OggS")  # .ogg, .opus


def _check_audio(path: Path, shown: str, settings) -> None:
    too_big = check_audio_size(path, shown, None, settings)
    if too_big:
        raise too_big
    with path.open("rb") as handle:
        head = handle.read(16)
    if not _audio_matches(path.suffix.lower(), head):
        raise ContentError(
            shown,
            None,
            _("„{file}“ ist keine {ext}-Audiodatei.").format(
                file=path.name, ext=path.suffix[1:].upper()
            ),
            _("Exportieren Sie die Aufnahme erneut als MP3 oder M4A und ersetzen Sie die Datei."),
        )


def _read_text(path: Path, shown: str, settings) -> str:
    too_big = check_text_size(path, shown, None, settings)
    if too_big:
        raise too_big
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError(
            shown,
            None,
            _("„{file}“ ist nicht als UTF-8 gespeichert.").format(file=path.name),
            _("Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."),
        ) from None


def _check_chapters(path: Path, shown: str, settings) -> None:
    text = _read_text(path, shown, settings)
    try:
        data = json.loads(text)
    except RecursionError:
        raise nesting_error(shown, path.name) from None
    except ValueError as exc:
        raise ContentError(
            shown,
            None,
            _("„{file}“ ist kein gültiges JSON ({detail}).").format(file=path.name, detail=exc),
            _("Prüfen Sie Kommas, Anführungszeichen und Klammern."),
        ) from None
    if not isinstance(data, dict):
        raise ContentError(
            shown,
            None,
            _("„{file}“ ist keine Kapiteldatei (JSON-Objekt mit „chapters“).").format(
                file=path.name
            ),
            _(
                'Beispiel: {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Begrüßung"}]}'
            ),
        )


def nesting_error(source: str, name: str) -> ContentError:
    return ContentError(
        source,
        None,
        _("„{file}“ ist zu tief verschachtelt, um gelesen zu werden.").format(file=name),
        _("Eine Kapiteldatei braucht nur zwei Ebenen: eine Liste „chapters“ mit Kapiteln."),
    )


def _check_transcript(path: Path, shown: str, settings) -> None:
    text = _read_text(path, shown, settings)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if path.suffix.lower() == ".vtt":
        looks_right = first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))
    else:
        looks_right = first.isdigit() or "-->" in first
    if not looks_right:
        raise ContentError(
            shown,
            None,
            _("„{file}“ ist kein Transkript im Format {ext}.").format(
                file=path.name, ext=path.suffix[1:].upper()
            ),
            _(
                "Eine .vtt-Datei beginnt mit „WEBVTT“, eine .srt-Datei mit der Nummer des "
                "ersten Untertitels."
            ),
        )


CHECKS = {
    "image": _check_image,
    "audio": _check_audio,
    "chapters": _check_chapters,
    "transcript": _check_transcript,
}


def filter_static_files(generator) -> None:
    """Drop every static file that may not be published, reporting why.

    Connected to ``static_generator_finalized``: the list is final, nothing
    is written yet, and the build stops on the reported errors before output.
    """
    root = Path(os.path.abspath(generator.settings["PATH"]))  # as the raw pass names files
    kept = []
    for static in generator.staticfiles:
        relative = static.get_relative_source_path()
        try:
            check_static_file(root, relative, generator.settings)
        except ContentError as problem:
            report(problem)
            continue
        kept.append(static)
    generator.staticfiles[:] = kept
    generator.context["staticfiles"] = generator.staticfiles
