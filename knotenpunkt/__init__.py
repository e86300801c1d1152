"""Knotenpunkt's command line: build, check, scaffold and document the site.

``python -m knotenpunkt build|check|new|docs`` — the Makefile's targets call
these; see ``python -m knotenpunkt --help``.

The project is one installed package (``pip install -e .``, see
pyproject.toml): this command line in ``knotenpunkt``, the Pelican plugins in
``plugins/`` as ``knotenpunkt.plugins.<name>``. Messages for members are
German message ids wrapped in ``_()`` from
``knotenpunkt.plugins.content_errors.i18n`` (one catalogue with the theme).
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def use_site_language(settings) -> None:
    """Print the following messages in the site's DEFAULT_LANG (German by default)."""
    from knotenpunkt.plugins.content_errors.i18n import set_language, translations_dir

    set_language(settings.get("DEFAULT_LANG", "de"), translations_dir(settings))
