"""Record the problems a cached step reports, to report them again on a hit."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from knotenpunkt.plugins.content_errors import errors

_recorders: list[list[dict]] = []
_original_add = errors.ProblemCollector.add
_original_claim = errors.ProblemCollector.claim


def _add(self, problem) -> None:
    for recorder in _recorders:
        recorder.append(state(problem))
    _original_add(self, problem)


def _claim(self, path: str, field: str) -> None:
    """A claim without a report (a later, vaguer report is covered) is recorded too."""
    for recorder in _recorders:
        recorder.append({"claim": (path, field)})
    _original_claim(self, path, field)


@contextlib.contextmanager
def recording() -> Iterator[list[dict]]:
    """Every problem reported inside the block, as plain (picklable) dicts."""
    recorder: list[dict] = []
    _recorders.append(recorder)
    try:
        yield recorder
    finally:
        _recorders.remove(recorder)


def state(problem: errors.ContentError) -> dict:
    return dict(problem.__dict__, args=problem.args)


def revive(stored: dict) -> errors.ContentError:
    values = dict(stored)
    problem = errors.ContentError.__new__(errors.ContentError)
    problem.args = values.pop("args")
    problem.__dict__.update(values)
    return problem


def replay(stored: list[dict]) -> None:
    for values in stored:
        if "claim" in values:
            errors.current().claim(*values["claim"])
        else:
            errors.report(revive(values))


def install() -> None:
    errors.ProblemCollector.add = _add
    errors.ProblemCollector.claim = _claim
