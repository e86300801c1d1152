"""Content classes for member profiles, competences and the facet values.

``Member`` and ``Competence`` are Pelican ``Content`` objects (read through
Pelican's readers), so metadata parsing, Markdown, intra-site links and the
content cache work as for pages. Their URLs come from this plugin's settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican.contents import Content

from .settings import setting


class _PluginContent(Content):
    setting_prefix = ""

    def _expand_settings(self, key: str, klass: str | None = None) -> str:
        del klass
        key = key.removeprefix("lang_").upper()
        pattern = setting(self.settings, f"{self.setting_prefix}_{key}")
        return str(pattern).format(**self.url_format)


class Member(_PluginContent):
    """One member profile. After validation the generator sets:

    ``kind`` (Facet), ``competences`` (list of Competence), ``region`` (Facet),
    ``formats`` (list of Facet), ``roles`` (list of vocabulary.Role),
    ``photo`` (images.Picture or None), ``initials``, ``email`` and
    ``website`` (None unless valid), ``posts`` (published blog posts the
    member wrote, newest first) and ``episodes`` (podcast episodes naming the
    member in ``Hosts:``/``Guests:``; the podcast plugin may fill it instead).
    """

    setting_prefix = "MEMBER"
    default_template = "members/profile"
    default_status = "published"


class Competence(_PluginContent):
    """One competence of the vocabulary. The generator adds ``members``
    (sorted) and ``posts`` (published articles tagged with its slug)."""

    setting_prefix = "COMPETENCE"
    default_template = "members/competence"
    default_status = "published"


@dataclass(eq=False)
class Facet:
    """A region, format or kind: a filter value with its own static page."""

    group: str  # "region" | "format" | "kind"
    slug: str
    name: str
    url: str
    save_as: str
    members: list = field(default_factory=list)

    def __str__(self) -> str:
        return self.name
