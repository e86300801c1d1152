"""Wiring: collect old addresses after reading, write redirect pages last."""

from __future__ import annotations

import os
import time

from knotenpunkt.plugins import content_errors
from knotenpunkt.plugins.content_errors import ContentError, report
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.plugin import fail_on_errors
from knotenpunkt.plugins.content_errors.writer import RedirectPage
from pelican import signals
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from .redirects import collect_aliases
from .settings import setting


class AliasesGenerator(Generator):
    """Writes one redirect page per old address; must run after the other generators.

    It redirects the sub-pages a file owns below its address too (an
    episode's ``player/`` and ``transcript/``), which it learns from the
    writer; so the plugin is listed after every plugin that writes pages.
    """

    aliases: list = []
    #: it redirects the pages the other generators wrote: never moved before them
    #: (knotenpunkt.early.changed_first)
    writes_after_others = True

    def generate_context(self) -> None:
        self.aliases = []
        self.started = time.time() - 1  # file systems round modification times

    def written_elsewhere(self, writer, save_as: str) -> bool:
        """A page this build wrote without the writer (the editing interface at admin/).

        The writer itself reports a collision with a page it wrote, naming both files.
        """
        has_written = getattr(writer, "has_written", None)
        if has_written is not None and has_written(save_as):
            return False
        path = os.path.join(self.output_path, save_as)
        return os.path.exists(path) and os.path.getmtime(path) >= self.started

    def target(self, save_as: str, url: str) -> str:
        """The address a page at ``save_as`` links to ``url`` with, as Pelican would."""
        if self.settings.get("RELATIVE_URLS"):
            base = path_to_url(get_relative_path(save_as))
        else:
            base = self.settings.get("SITEURL") or ""
        return f"{base}/{url}" if base else f"/{url}"

    def generate_output(self, writer) -> None:
        if not self.aliases:
            return
        by_source = writer.pages_by_source() if hasattr(writer, "pages_by_source") else {}
        template = self.get_template(setting(self.settings, "ALIAS_TEMPLATE"))
        save_as_pattern = setting(self.settings, "ALIAS_SAVE_AS")
        for alias in self.aliases:
            content = alias.content
            url = str(content.url)
            owned = by_source.get(content.source_path, [])
            pages = [url] + [p for p in owned if p.startswith(url) and p != url]
            for page_url in pages:
                old = alias.path + page_url[len(url) :]
                save_as = save_as_pattern.format(alias=old.strip("/"))
                target = self.target(save_as, page_url)
                if self.written_elsewhere(writer, save_as):
                    report(
                        ContentError(
                            content.source_path,
                            "Aliases",
                            _(
                                "Die Adresse „/{url}“ gehört schon zu einer Seite, die die "
                                "Website selbst erzeugt; eine Weiterleitung würde sie ersetzen."
                            ).format(url=old),
                            _("Löschen Sie die Adresse aus „Aliases:“."),
                        )
                    )
                    continue
                writer.write_file(
                    save_as,
                    template,
                    self.context,
                    relative_urls=self.settings.get("RELATIVE_URLS"),
                    url=old,
                    target_url=page_url,
                    redirect=RedirectPage(content, old, target),
                    redirect_title=content.title,
                )


def get_generators(_pelican):
    return AliasesGenerator


def collect(generators) -> None:
    for generator in generators:
        if isinstance(generator, AliasesGenerator):
            generator.aliases = collect_aliases(generators)
            # stop before anything is written, as content_errors does for every other problem
            fail_on_errors(generator.settings["PATH"], generator.settings)


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(collect)
