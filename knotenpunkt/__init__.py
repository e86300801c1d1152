"""Knotenpunkt's command line: build, check, scaffold and document the site.

``python -m knotenpunkt build|check|new|docs`` — the Makefile's targets call
these; see ``python -m knotenpunkt --help``.

Messages for members are German message ids wrapped in ``_()`` from the
plugins' ``content_errors.i18n`` (one catalogue with the theme and plugins),
so ``plugins/`` goes on ``sys.path`` as soon as this package is imported.
"""

import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def plugins_on_path() -> None:
    plugins = str(PROJECT_ROOT / "plugins")
    if plugins not in sys.path:
        sys.path.insert(0, plugins)


def use_site_language(settings) -> None:
    """Print the following messages in the site's DEFAULT_LANG (German by default)."""
    from content_errors.i18n import set_language, translations_dir

    set_language(settings.get("DEFAULT_LANG", "de"), translations_dir(settings))


plugins_on_path()
