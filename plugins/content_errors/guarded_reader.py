"""Pelican's Markdown (and HTML) reader with the limits checked before parsing.

Every Markdown file Pelican reads (blog, pages, podcast, and the members
plugin's own folders) goes through :class:`GuardedMarkdownReader`: a
symbolic link or a device is refused before it is opened, a file that is
too big, has an overlong line or too deep nesting before it is parsed,
rendering itself gets a time limit, and dates are read strictly
(:mod:`dates`). The reader raises a ContentError, which
Pelican logs as "Could not process" and the log capture reports.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.readers import HTMLReader, MarkdownReader

from .dates import StrictDatesMixin
from .errors import ContentError
from .header import decode
from .i18n import _
from .limits import (
    RenderTimeout,
    check_markdown_text,
    check_text_size,
    limit,
    time_limit,
    timeout_error,
)
from .paths import refuse_links_and_specials

_resolved_roots: dict[str, Path] = {}


def forget_roots() -> None:
    """A new build resolves the content folder again (called when a build starts)."""
    _resolved_roots.clear()


def _resolved_root(path: str) -> Path:
    """``PATH`` resolved once per build, not once per file (a system call per part)."""
    try:
        return _resolved_roots[path]
    except KeyError:
        root = _resolved_roots[path] = Path(path).resolve()
        return root


def check_path(source_path: str, settings) -> Path:
    """Raise ContentError if the path is a link, a device or outside ``content/``
    (whatever the file holds); returns the path."""
    root = _resolved_root(settings["PATH"])
    path = Path(source_path)
    absolute = path if path.is_absolute() else Path.cwd() / path
    # Pelican joins PATH and the walked path without resolving: compare likewise.
    try:
        inside = root / absolute.relative_to(Path(settings["PATH"]).absolute())
    except ValueError:
        inside = absolute
    refuse_links_and_specials(root, inside, source_path, None)
    return path


def check_before_reading(source_path: str, settings, *, markdown: bool = True) -> None:
    """Raise ContentError if ``source_path`` must not be handed to the reader."""
    path = check_path(source_path, settings)
    too_big = check_text_size(path, source_path, None, settings)
    if too_big:
        raise too_big
    if not markdown:
        return
    try:
        text = decode(path.read_bytes())
    except UnicodeDecodeError:
        return  # Pelican's own read fails next; the log capture explains it
    problem = check_markdown_text(source_path, text, settings)
    if problem:
        raise problem


def guarded_read(reader, source_path: str, read, *, markdown: bool):
    """``read(source_path)`` after the pre-read checks, within the time limit."""
    check_before_reading(source_path, reader.settings, markdown=markdown)
    seconds = limit(reader.settings, "CONTENT_MAX_RENDER_SECONDS")
    try:
        with time_limit(seconds):
            return read(source_path)
    except RenderTimeout:
        raise timeout_error(source_path, seconds) from None
    except RecursionError:
        raise ContentError(
            source_path,
            None,
            _("Der Text ist zu tief verschachtelt, um gelesen zu werden."),
            _(
                "Verschachteln Sie Listen, Zitate und Klammern weniger tief "
                "(Grenze: Einstellung CONTENT_MAX_NESTING)."
            ),
        ) from None


class GuardedMarkdownReader(StrictDatesMixin, MarkdownReader):
    def read(self, source_path):
        return guarded_read(self, source_path, super().read, markdown=True)


class GuardedHTMLReader(StrictDatesMixin, HTMLReader):
    """Pages written as HTML: no link, no device, no oversized file either."""

    def read(self, source_path):
        return guarded_read(self, source_path, super().read, markdown=False)


GUARDED = {MarkdownReader: GuardedMarkdownReader, HTMLReader: GuardedHTMLReader}


def install_reader(readers) -> None:
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class in GUARDED:
            readers.reader_classes[extension] = GUARDED[reader_class]


def register() -> None:
    signals.readers_init.connect(install_reader)
