"""Knotenpunkt's command line: build, check, scaffold and document the site.

``python -m knotenpunkt build|check|new|docs`` — the Makefile's targets call
these; see ``python -m knotenpunkt --help``.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
