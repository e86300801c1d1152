"""Settings files that extend another settings file, without touching sys.path.

Pelican loads a settings file by its path, so ``publishconf.py`` cannot simply
``from pelicanconf import *`` unless the project folder is on ``sys.path``.
``inherit()`` runs the base file by path instead (standard library
``runpy``) and returns its settings for ``globals().update(...)``.
"""

from __future__ import annotations

import runpy
from pathlib import Path


def inherit(base_file: str | Path) -> dict:
    """Every public name the settings file ``base_file`` defines."""
    namespace = runpy.run_path(str(Path(base_file).resolve()))
    return {name: value for name, value in namespace.items() if not name.startswith("_")}
