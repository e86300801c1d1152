"""Wiring: write the search page, index the written site, expose settings to templates."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from knotenpunkt.plugins import content_errors
from pelican import signals
from pelican.generators import Generator

from .index import build_index
from .settings import setting


def base_path(settings) -> str:
    """The path the site is served under (``/`` or ``/verein/`` for
    ``SITEURL = "https://example.org/verein"``): Pagefind's result links are
    relative to it."""
    siteurl = settings.get("SITEURL") or ""
    if siteurl.startswith(("http://", "https://")):
        return urlsplit(siteurl).path.rstrip("/") + "/"
    return "/"


class SearchPageGenerator(Generator):
    """Writes the one search page; the index follows after all output exists."""

    def generate_context(self) -> None:
        self.context["SEARCH_URL"] = setting(self.settings, "SEARCH_URL")

    def generate_output(self, writer) -> None:
        writer.write_file(
            setting(self.settings, "SEARCH_SAVE_AS"),
            self.get_template("search"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=setting(self.settings, "SEARCH_URL"),
        )


def install(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    settings = generator.settings
    env.globals["SEARCH_URL"] = setting(settings, "SEARCH_URL")
    env.globals["SEARCH_BUNDLE_DIR"] = setting(settings, "SEARCH_BUNDLE_DIR")
    env.globals["SEARCH_BASE_PATH"] = base_path(settings)
    env.globals["SEARCH_BROWSE_LINKS"] = setting(settings, "SEARCH_BROWSE_LINKS")


def get_generators(_pelican):
    return SearchPageGenerator


def index_site(pelican) -> None:
    settings = pelican.settings
    if not setting(settings, "SEARCH_INDEX"):
        return
    language = setting(settings, "SEARCH_LANGUAGE") or settings.get("DEFAULT_LANG") or "de"
    build_index(Path(settings["OUTPUT_PATH"]), setting(settings, "SEARCH_BUNDLE_DIR"), language)


def allow_bundle_scripts(pelican) -> None:
    """The search page loads Pagefind's script: its folder is one of the site's own."""
    from knotenpunkt.plugins.content_errors.settings import DEFAULTS as CONTENT_DEFAULTS

    settings = pelican.settings
    own = list(settings.get("CONTENT_SCRIPT_FOLDERS", CONTENT_DEFAULTS["CONTENT_SCRIPT_FOLDERS"]))
    bundle = setting(settings, "SEARCH_BUNDLE_DIR").strip("/")
    if bundle not in own:
        settings["CONTENT_SCRIPT_FOLDERS"] = [*own, bundle]


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.initialized.connect(allow_bundle_scripts)
    signals.generator_init.connect(install)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(index_site)
