"""Which of several files came last: the one that should give way.

When two files claim the same address, the fix belongs to the newer one (an
existing member's address is linked from elsewhere and must not change). The
order comes from git when the project is a git checkout (a file not committed
yet is the newest; otherwise the commit that added it), else from the files'
modification times. Each answer says how it was decided, for the hint.
"""

from __future__ import annotations

import os
import subprocess

from .i18n import _

GIT_TIMEOUT = 10  # seconds; a slow or broken git falls back to file times


def _git_added(path: str) -> tuple[str, int | None] | None:
    """("untracked", None), ("added", unix time) or None when git cannot say."""
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    try:
        tracked = subprocess.run(
            ["git", "ls-files", "--error-unmatch", "--", name],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
        )
        if tracked.returncode != 0:
            inside = subprocess.run(
                ["git", "rev-parse", "--is-inside-work-tree"],
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=GIT_TIMEOUT,
            )
            return ("untracked", None) if inside.stdout.strip() == "true" else None
        added = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=%ct", "-1", "--", name],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
        )
        stamp = added.stdout.strip()
        return ("added", int(stamp)) if stamp.isdigit() else None
    except (OSError, subprocess.SubprocessError):
        return None


def oldest_first(paths: list[str]) -> tuple[list[str], str]:
    """``paths`` from the oldest to the newest, and why in that order (German)."""
    from_git = {path: _git_added(path) for path in paths}
    if all(answer is not None for answer in from_git.values()):

        def git_key(path: str) -> tuple:
            state, stamp = from_git[path]
            return (state == "untracked", stamp or 0, path)

        ordered = sorted(paths, key=git_key)
        newest = from_git[ordered[-1]]
        if newest[0] == "untracked":
            return ordered, _("sie ist noch nicht in git eingetragen, die andere schon")
        return ordered, _("sie kam laut git-Verlauf später dazu")

    def mtime(path: str) -> float:
        try:
            return os.path.getmtime(path)
        except OSError:
            return 0.0

    return sorted(paths, key=lambda p: (mtime(p), p)), _(
        "sie wurde laut Dateidatum zuletzt geändert"
    )
