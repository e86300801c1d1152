"""The content-error type and the per-build collection of reported problems."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

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


class ProblemCollector:
    """All problems reported during one build, de-duplicated, in a stable order."""

    def __init__(self) -> None:
        self._problems: dict[tuple, ContentError] = {}

    def add(self, problem: ContentError) -> None:
        self._problems.setdefault(problem.sort_key() + (problem.severity,), problem)

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


def suggest(value: str, choices: Iterable[str]) -> str | None:
    """The closest known value to a mistyped one, for "did you mean" hints."""
    lowered = {choice.lower(): choice for choice in choices}
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None
