"""A RAM-backed folder for scratch files, where the machine has one.

Creating thousands of small files costs a disk far more kernel time than a
tmpfs: Pagefind's bundle (one file per indexed page) is written there first
(``plugins/search/index.py``), and the test suite keeps its temporary
folders there (``tests/conftest.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

#: Linux's shared-memory tmpfs; other systems have none and use the disk as before
RAM_FOLDER = Path("/dev/shm")


def available_memory() -> int | None:
    """Bytes of memory the kernel can still hand out (Linux), None where unknown.

    A tmpfs reports its size limit (half the memory by default) as free space,
    however much of the memory other programs use."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def ram_folder(min_free: int, folder: Path = RAM_FOLDER) -> Path | None:
    """``folder`` when it is writable and it and the memory have ``min_free``
    bytes free, else None."""
    try:
        usage = os.statvfs(folder)
    except OSError:
        return None
    if not os.access(folder, os.W_OK | os.X_OK):
        return None
    free = usage.f_bavail * usage.f_frsize
    memory = available_memory()
    if memory is not None:
        free = min(free, memory)
    return folder if free >= min_free else None


def same_filesystem(first: Path, second: Path) -> bool:
    try:
        return os.stat(first).st_dev == os.stat(second).st_dev
    except OSError:
        return False
