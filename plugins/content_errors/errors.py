"""The content-error type and the per-build collection of reported problems."""

from __future__ import annotations

import contextlib
import difflib
import os
from collections.abc import Iterable, Iterator

ERROR = "error"
WARNING = "warning"


class ContentError(Exception):
    """A mistake in a content file that a member can fix.

    ``source_path`` is the file, ``field`` the metadata key (``None`` for the
    file as a whole), ``message`` says what is wrong and ``hint`` how to fix
    it. Messages and hints are written for members, not programmers.
    """

    def __init__(
        self,
        source_path: str,
        field: str | None,
        message: str,
        hint: str | None = None,
        *,
        line: int | None = None,
        severity: str = ERROR,
    ) -> None:
        super().__init__(message)
        self.source_path = str(source_path)
        self.field = field
        self.message = message
        self.hint = hint
        self.line = line
        self.severity = severity

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def sort_key(self) -> tuple:
        return (self.source_path, self.line or 0, self.field or "", self.message)

    def __repr__(self) -> str:
        return (
            f"ContentError({self.source_path!r}, {self.field!r}, "
            f"{self.message!r}, {self.hint!r}, severity={self.severity!r})"
        )


class ConfigurationError(ContentError):
    """A mistake in pelicanconf.py or publishconf.py: the maintainers fix it, not members."""


class ProblemCollector:
    """All problems reported during one build, de-duplicated, in a stable order.

    The raw-file checks (``lint.py``) run first and *claim* what they report:
    a later, vaguer report about the same field of the same file (e.g.
    Pelican's "field missing" after lint said "field name misspelled") is
    dropped, so the member reads one precise message per mistake. A problem
    marked ``beyond_claims`` (two files at one address) is a second mistake,
    never covered that way. Problems without a line get the line where their
    field is written in the file.
    """

    def __init__(self) -> None:
        self._problems: dict[tuple, ContentError] = {}
        self._claimed: set[tuple[str, str]] = set()
        self._claimed_files: set[str] = set()
        self._shown: set[tuple] = set()
        self.claiming = False
        #: while set (see :func:`as_warnings`): errors are recorded as warnings
        self.downgrade_note: str | None = None
        #: source path → its raw header, for files Pelican will skip (Title or
        #: Date missing): plugins still check the rest of their fields, so a
        #: member learns every problem of the file in one run
        self.unread: dict[str, object] = {}

    def add(self, problem: ContentError) -> None:
        if self.downgrade_note is not None and problem.is_error:
            problem.severity = WARNING
            problem.hint = " ".join(filter(None, (problem.hint, self.downgrade_note)))
        path = _normal(problem.source_path)
        field = (problem.field or "").lower()
        if self.claiming:
            if problem.is_error:
                if problem.field:
                    self._claimed.add((path, field))
                if getattr(problem, "covers_file", False):
                    self._claimed_files.add(path)
        elif path in self._claimed_files:
            return  # nothing else is read from that file, so no later warning either
        elif (
            problem.is_error
            and problem.field
            and (path, field) in self._claimed
            and not getattr(problem, "beyond_claims", False)
        ):
            return
        if problem.line is None and problem.field:
            problem.line = _locate(problem.source_path, problem.field)
        self._problems.setdefault(problem.sort_key() + (problem.severity,), problem)

    def has_error(self, path: str, field: str) -> bool:
        """Whether an error about ``field`` of ``path`` was reported already."""
        wanted = (_normal(path), field.lower())
        return any(
            p.is_error and (_normal(p.source_path), (p.field or "").lower()) == wanted
            for p in self._problems.values()
        )

    def is_claimed(self, path: str, field: str) -> bool:
        """Whether a report about ``field`` of ``path`` would be dropped as covered."""
        path = _normal(path)
        return path in self._claimed_files or (path, field.lower()) in self._claimed

    def claim(self, path: str, field: str) -> None:
        """Later reports about ``field`` of ``path`` are covered by one already made."""
        self._claimed.add((_normal(path), field.lower()))

    def unshown(self) -> tuple[list[ContentError], list[ContentError]]:
        """Errors and warnings not printed yet; marks them as printed."""
        fresh = {k: p for k, p in self._problems.items() if k not in self._shown}
        self._shown.update(fresh)
        order = sorted(fresh.values(), key=ContentError.sort_key)
        return [p for p in order if p.is_error], [p for p in order if not p.is_error]

    def _sorted(self, severity: str) -> list[ContentError]:
        found = [p for p in self._problems.values() if p.severity == severity]
        return sorted(found, key=ContentError.sort_key)

    @property
    def errors(self) -> list[ContentError]:
        return self._sorted(ERROR)

    @property
    def warnings(self) -> list[ContentError]:
        return self._sorted(WARNING)

    def __len__(self) -> int:
        return len(self._problems)


def _normal(path: str) -> str:
    return os.path.normcase(os.path.abspath(path)) if os.path.isabs(path) else path


def _locate(path: str, field: str) -> int | None:
    if not os.path.isfile(path):
        return None
    from .header import find_field_line  # header imports nothing of ours; kept lazy

    return find_field_line(path, field)


_current = ProblemCollector()


def current() -> ProblemCollector:
    """The collector of the build that is running now."""
    return _current


def reset() -> ProblemCollector:
    """Start a fresh collection (called when a build starts)."""
    global _current
    _current = ProblemCollector()
    return _current


def report(problem: ContentError) -> None:
    """Record a problem without stopping the build, so all are listed together."""
    _current.add(problem)


@contextlib.contextmanager
def as_warnings(note: str) -> Iterator[None]:
    """Problems reported inside are warnings, their hint ending with ``note``:
    for content that is checked but not published yet (drafts)."""
    collector = _current
    previous, collector.downgrade_note = collector.downgrade_note, note
    try:
        yield
    finally:
        collector.downgrade_note = previous


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def choice_key(value: str) -> str:
    """How a value from a closed list is compared: case, umlauts and spacing do
    not matter, so „Präsenz“, „praesenz“ and „PRAESENZ“ are the same value."""
    return "".join(value.casefold().translate(_UMLAUTS).split())


def canonical_choice(value: str, choices: Iterable[str]) -> str | None:
    """The allowed spelling of ``value``, or None if it is not one of ``choices``."""
    wanted = choice_key(value)
    return next((choice for choice in choices if choice_key(choice) == wanted), None)


def suggest(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest known value to a mistyped one, for "did you mean" hints."""
    lowered = {choice.lower(): choice for choice in choices}
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[match[0]] if match else None
