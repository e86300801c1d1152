"""Wiring: Jinja helpers for every generator, sitemap and robots.txt at the end."""

from __future__ import annotations

import functools

from knotenpunkt.plugins import content_errors
from pelican import signals

from . import jsonld, sitemap
from .settings import setting

_settings: dict = {}


def canonical_siteurl(settings) -> str:
    """The configured SITEURL when it is absolute (production), else ``""``."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    return siteurl if siteurl.startswith(("http://", "https://")) else ""


def start_build(pelican) -> None:
    sitemap.reset()
    _settings.clear()
    _settings.update(pelican.settings)


def install(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    settings = generator.settings
    base = canonical_siteurl(settings)
    env.globals["CANONICAL_SITEURL"] = base
    env.globals["SEO_DEFAULT_IMAGE"] = setting(settings, "SEO_DEFAULT_IMAGE")
    env.globals["page_url"] = sitemap.url_of
    env.globals["absolute_url"] = functools.partial(jsonld._absolute, base)
    env.globals["jsonld_organization"] = functools.partial(jsonld.organization, settings, base)
    env.globals["jsonld_blogposting"] = functools.partial(
        _blogposting, settings=settings, base=base
    )
    env.globals["jsonld_member"] = functools.partial(jsonld.member, settings=settings, base=base)
    env.globals["jsonld_podcast_series"] = functools.partial(jsonld.podcast_series, settings, base)
    env.globals["jsonld_podcast_episode"] = functools.partial(
        jsonld.podcast_episode, settings=settings, base=base
    )
    env.filters["jsonld"] = jsonld.script


def _blogposting(article, settings, base):
    return jsonld.blogposting(article, settings, base)


def collect(path, context=None) -> None:
    if not _settings or context is None:
        return
    sitemap.record(
        path, context, _settings["OUTPUT_PATH"], list(setting(_settings, "SEO_SITEMAP_EXCLUDE"))
    )


def finish(pelican) -> None:
    settings = pelican.settings
    sitemap.write(
        settings["OUTPUT_PATH"],
        canonical_siteurl(settings),
        setting(settings, "SEO_SITEMAP"),
        setting(settings, "SEO_ROBOTS"),
    )


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.initialized.connect(start_build)
    signals.generator_init.connect(install)
    signals.content_written.connect(collect)
    signals.finalized.connect(finish)
