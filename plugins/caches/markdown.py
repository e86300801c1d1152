"""One Markdown instance per reader, reset between files.

Pelican's ``MarkdownReader.read`` builds a new ``markdown.Markdown`` for every
file: loading and configuring the extensions costs more than converting a
short profile. Python-Markdown's documented way to convert several documents
is one instance with ``reset()`` in between (every extension in use here
resets its state). Pelican's metadata parsing removes the ``meta``
preprocessor from the instance (so a ``Summary:`` is not read as a header);
it is put back before the next file. After any failure (a time limit, a
too-deep nesting) the instance is dropped and the next file gets a new one.
"""

from __future__ import annotations

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

_ATTRIBUTE = "_knotenpunkt_markdown"


def _instance(reader) -> Markdown:
    kept = reader.__dict__.get(_ATTRIBUTE)
    if kept is None:
        md = Markdown(**reader.settings["MARKDOWN"])
        meta = md.preprocessors["meta"]
        priority = next(item.priority for item in md.preprocessors._priority if item.name == "meta")
        reader.__dict__[_ATTRIBUTE] = (md, meta, priority)
        return md
    md, meta, priority = kept
    md.reset()
    if "meta" not in md.preprocessors:
        md.preprocessors.register(meta, "meta", priority)
    return md


def read(self, source_path):
    """Pelican's ``MarkdownReader.read`` with a reused instance."""
    self._source_path = source_path
    try:
        self._md = _instance(self)
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
    except BaseException:
        self.__dict__.pop(_ATTRIBUTE, None)
        raise
    return content, metadata


def install() -> None:
    MarkdownReader.read = read
