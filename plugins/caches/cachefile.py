"""The caches' files in ``CACHE_PATH``: where each lives, reading and writing them.

Only development builds keep them (Pelican's ``CACHE_CONTENT`` and
``LOAD_CONTENT_CACHE``, as ``pelicanconf.py`` sets and ``publishconf.py``
unsets). A file is written under a temporary name and renamed into place, so
a build reading it meanwhile (a devserver, a second checkout's tests) never
sees half of it. A missing, unreadable or foreign file is simply no cache:
it only costs doing the work again.
"""

from __future__ import annotations

import contextlib
import os
import pickle

#: what an unreadable cache file may raise while unpickling
UNREADABLE = (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError)


def path(settings, name: str) -> str | None:
    """The path of the cache file ``name``, or None when this build keeps no caches."""
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")):
        return None
    return os.path.join(settings["CACHE_PATH"], name)


def load(file: str, default=None):
    """What ``save`` stored in ``file``, or ``default``."""
    try:
        with open(file, "rb") as stored:
            return pickle.load(stored)
    except UNREADABLE:
        return default


def save(file: str, value) -> None:
    """Store ``value`` in ``file`` (pickled)."""
    with contextlib.suppress(pickle.PicklingError, TypeError):  # not storable: no cache
        write_bytes(file, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def write_bytes(file: str, data: bytes) -> None:
    """Put ``data`` in ``file`` in one step; a failure leaves the old file."""
    temporary = f"{file}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(file), exist_ok=True)
        with open(temporary, "wb") as stored:
            stored.write(data)
        os.replace(temporary, file)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
