"""Bounded work: no content file can make the build slow or eat the machine's memory.

Python-Markdown is quadratic on some inputs (a line of 100 000 ``[``, deeply
nested lists or brackets) and Pillow decodes whatever pixel count a tiny PNG
header claims. Every limit here is checked on the raw file, before the
expensive library sees it, and reported as a content error that names the
limit. A per-file time limit on Markdown rendering is the last line of
defence for inputs no pre-check foresaw.

Settings and their defaults: ``CONTENT_MAX_*`` in :mod:`content_errors.settings`.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .errors import ContentError
from .i18n import _
from .settings import DEFAULTS

FENCE_RE = re.compile(r"^\s*(```|~~~)")
BRACKET_RE = re.compile(r"[\[\]()]")
CLOSING = {"]": "[", ")": "("}  # closing bracket -> the one it closes
# One nesting level at the start of a line: 4 columns of indent, a quote
# marker, or a list marker ("- ", "* ", "+ ", "1. ").
LEVEL_RE = re.compile(r"(?: {4}|\t|>[ ]?|[-*+][ ]+|\d{1,9}[.)][ ]+)")


def limit(settings, name: str):
    """One ``CONTENT_MAX_*`` limit from the build's settings, or its default."""
    return settings.get(name, DEFAULTS[name]) if settings is not None else DEFAULTS[name]


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.1f}"


def check_file_size(
    path: Path, source: str, field: str | None, maximum: int, hint: str
) -> ContentError | None:
    """An error when ``path`` is larger than ``maximum`` bytes (read from the file system)."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size <= maximum:
        return None
    return ContentError(
        source,
        field,
        _("„{file}“ ist {size} MB groß; erlaubt sind höchstens {limit} MB.").format(
            file=path.name, size=megabytes(size), limit=megabytes(maximum)
        ),
        hint,
    )


def check_text_size(path: Path, source: str, field: str | None, settings) -> ContentError | None:
    return check_file_size(
        path,
        source,
        field,
        int(limit(settings, "CONTENT_MAX_FILE_BYTES")),
        _(
            "Teilen Sie den Text auf mehrere Dateien auf oder kürzen Sie ihn "
            "(Grenze: Einstellung CONTENT_MAX_FILE_BYTES)."
        ),
    )


def check_audio_size(path: Path, source: str, field: str | None, settings) -> ContentError | None:
    """An error when the file is above ``CONTENT_MAX_AUDIO_BYTES`` (checked before reading)."""
    return check_file_size(
        path,
        source,
        field,
        int(limit(settings, "CONTENT_MAX_AUDIO_BYTES")),
        _(
            "Speichern Sie die Aufnahme mit geringerer Bitrate (z. B. MP3 mit 64–128 kbit/s) "
            "oder teilen Sie sie auf (Grenze: Einstellung CONTENT_MAX_AUDIO_BYTES)."
        ),
    )


def check_markdown_text(source: str, text: str, settings) -> ContentError | None:
    """The first limit a Markdown text breaks (line length, nesting depth), or None.

    Runs in one linear pass, so it is cheap on any input; Python-Markdown
    only ever sees texts that passed.
    """
    max_line = int(limit(settings, "CONTENT_MAX_LINE_CHARS"))
    max_depth = int(limit(settings, "CONTENT_MAX_NESTING"))
    open_ = dict.fromkeys("[(", 0)  # open "[" and "(" in the current paragraph
    in_fence = False
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > max_line:
            return ContentError(
                source,
                None,
                _("Zeile {line} ist {length} Zeichen lang; erlaubt sind höchstens {limit}.").format(
                    line=number, length=len(line), limit=max_line
                ),
                _(
                    "Teilen Sie die Zeile mit Zeilenumbrüchen in Absätze auf "
                    "(Grenze: Einstellung CONTENT_MAX_LINE_CHARS)."
                ),
                line=number,
            )
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not line.strip():
            open_ = dict.fromkeys("[(", 0)  # brackets never pair across paragraphs
            continue
        depth = _line_depth(line)
        if depth > max_depth:
            return _too_deep(
                source,
                number,
                depth,
                max_depth,
                _("Listen oder Zitate"),
                _("Verschachteln Sie Listen und Zitate weniger tief"),
            )
        if not BRACKET_RE.search(line):
            continue
        for char in line:
            if char in open_:
                open_[char] += 1
                if open_[char] > max_depth:
                    what = _("eckige Klammern „[“") if char == "[" else _("runde Klammern „(“")
                    return _too_deep(source, number, open_[char], max_depth, what, close_hint())
            elif char in CLOSING and open_[CLOSING[char]]:
                open_[CLOSING[char]] -= 1
    return None


def _line_depth(line: str) -> int:
    depth = 0
    position = 0
    while match := LEVEL_RE.match(line, position):
        depth += 1
        position = match.end()
    return depth


def close_hint() -> str:
    return _("Schließen Sie geöffnete Klammern wieder oder lassen Sie überzählige weg")


def _too_deep(
    source: str, number: int, depth: int, maximum: int, what: str, fix: str
) -> ContentError:
    return ContentError(
        source,
        None,
        _(
            "In Zeile {line} sind {depth} {what} ineinander verschachtelt; erlaubt sind "
            "höchstens {limit}."
        ).format(line=number, depth=depth, what=what, limit=maximum),
        fix + " " + _("(Grenze: Einstellung CONTENT_MAX_NESTING)."),
        line=number,
    )


class RenderTimeout(Exception):  # noqa: N818 - raised by the alarm, never shown as is
    """The time limit of one file ran out."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`RenderTimeout` in the block after ``seconds``.

    Uses SIGALRM, which only exists on Unix and only works in the main
    thread; elsewhere (or when a timer is already running) the block simply
    runs without a limit: the pre-read checks are the main protection.
    """
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def expire(signum, frame):
        del signum, frame
        raise RenderTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_error(source: str, seconds: float) -> ContentError:
    return ContentError(
        source,
        None,
        _(
            "Die Datei konnte nicht in {seconds} Sekunden in eine Webseite umgewandelt werden."
        ).format(seconds=f"{seconds:g}"),
        _(
            "Meist liegt das an sehr vielen ungeschlossenen Klammern oder Sonderzeichen; "
            "vereinfachen Sie den Text (Grenze: Einstellung CONTENT_MAX_RENDER_SECONDS)."
        ),
    )


def image_header(
    path: Path, source: str, field: str | None, settings, *, shown: str | None = None
) -> tuple[str, tuple, str]:
    """Format, size and mode of the image at ``path``, read from its header only.

    Refuses pictures with more pixels than ``CONTENT_MAX_IMAGE_PIXELS`` before
    anything is decoded (a 17 KB PNG can claim 12000 × 12000 pixels).
    """
    maximum = int(limit(settings, "CONTENT_MAX_IMAGE_PIXELS"))
    shown = shown or path.name
    hint = _(
        "Verkleinern Sie das Bild (z. B. auf 3000 Pixel an der längsten Seite) und speichern "
        "Sie es neu (Grenze: Einstellung CONTENT_MAX_IMAGE_PIXELS)."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                found = image.format, image.size, image.mode
    except Image.DecompressionBombError:
        raise ContentError(
            source,
            field,
            _("„{file}“ hat mehr als {limit} Millionen Pixel.").format(
                file=shown, limit=_millions(maximum)
            ),
            hint,
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ContentError(
            source,
            field,
            _("„{file}“ ist kein Bild, das gelesen werden kann.").format(file=shown),
            _("Verwenden Sie ein Bild im Format JPEG, PNG oder WebP und laden Sie es erneut hoch."),
        ) from None
    width, height = found[1]
    if width * height > maximum:
        raise ContentError(
            source,
            field,
            _(
                "„{file}“ ist {width} × {height} Pixel groß; erlaubt sind höchstens "
                "{limit} Millionen Pixel."
            ).format(file=shown, width=width, height=height, limit=_millions(maximum)),
            hint,
        )
    return found


def _millions(pixels: int) -> str:
    return f"{pixels / 1_000_000:g}"
