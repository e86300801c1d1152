"""The groups generator: reads ``content/groups/``, checks members' ``Groups:``, writes pages.

Runs after the members generator (it needs ``members`` and ``people``) and
before the dates generator (which names groups). Provides ``groups_by_slug``,
``network_groups`` (steering group first, then working groups, by title) and
``network_structure`` ([(German kind name, groups)]) and ``groups_url`` to every template; each published member gets ``groups``.

====================  ====================  ==================
output                template              variables
====================  ====================  ==================
GROUPS_SAVE_AS        groups/index.html     network_groups
GROUP_SAVE_AS (each)  groups/group.html     group
====================  ====================  ==================
"""

from __future__ import annotations

import functools

from knotenpunkt.plugins.content_errors import report
from knotenpunkt.plugins.content_errors.cleaning import missing_required, split_list, unknown_slug
from knotenpunkt.plugins.content_errors.folder import FolderGenerator
from knotenpunkt.plugins.content_errors.people import people_of
from knotenpunkt.plugins.i18n.slugs import german_slug
from pelican.contents import Content

from .fields import GROUP_FIELDS, GROUP_KIND_HEADINGS, GROUP_KINDS
from .settings import setting

FIELD = {spec.name: spec for spec in GROUP_FIELDS}


class Group(Content):
    """One group. The generator sets ``kind`` (value of GROUP_KINDS), ``kind_name``,
    ``contact`` (Person or None), ``rhythm``, ``members``; the dates plugin adds
    ``dates`` and ``upcoming_dates``."""

    default_template = "groups/group"
    default_status = "published"

    def _expand_settings(self, key: str, klass: str | None = None) -> str:
        del klass
        key = key.removeprefix("lang_").upper()
        return str(setting(self.settings, f"GROUP_{key}")).format(**self.url_format)


class GroupsGenerator(FolderGenerator):
    def __init__(self, *args, **kwargs) -> None:
        self.groups: list[Group] = []
        super().__init__(*args, **kwargs)

    def slug(self, text: str) -> str:
        return german_slug(text, self.settings)

    def generate_context(self) -> None:
        items = self.read_folder(setting(self.settings, "GROUPS_PATHS"), Group)
        self.save_cache()
        self.readers.save_cache()
        people = people_of(self.context)
        problems = []
        for group in items:
            group.slug = self.file_slug(group, self.slug)
            source, metadata = group.source_path, group.metadata
            problems += missing_required(source, metadata, GROUP_FIELDS)
            kind, found = FIELD["Kind"].clean(metadata.get("kind"), source)
            problems += found
            group.kind = kind if kind in GROUP_KINDS else "arbeitsgruppe"
            group.kind_name = GROUP_KINDS[group.kind]
            group.contact = None
            contact = str(metadata.get("contact") or "").strip().lower()
            if contact and contact in people:
                group.contact = people[contact]
            elif contact:
                problems.append(
                    unknown_slug(source, "Contact", contact, people, "content/members/")
                )
            group.rhythm = str(metadata.get("rhythm") or "").strip()
            group.members = []
            group.dates = []
            group.upcoming_dates = []
        self.groups = [g for g in items if g.status == "published"]
        order = list(GROUP_KINDS)
        self.groups.sort(key=lambda g: (order.index(g.kind), str(g.title).lower()))
        by_slug = {g.slug: g for g in self.groups}
        for member in self.context.get("members") or []:
            member.groups = []
            for slug in split_list(member.metadata.get("groups")):
                group = by_slug.get(slug.strip().lower())
                if group is None:
                    problems.append(
                        unknown_slug(member.source_path, "Groups", slug, by_slug, "content/groups/")
                    )
                    continue
                member.groups.append(group)
                group.members.append(member)
        for problem in problems:
            report(problem)
        self.context.update(
            groups_by_slug=by_slug,
            network_groups=self.groups,
            network_structure=[
                (GROUP_KIND_HEADINGS[kind], [g for g in self.groups if g.kind == kind])
                for kind in GROUP_KINDS
                if any(g.kind == kind for g in self.groups)
            ],
            groups_url=setting(self.settings, "GROUPS_URL"),
        )

    def generate_output(self, writer) -> None:
        write = functools.partial(self.write_page, writer, setting(self.settings, "GROUPS_URL"))

        write(
            setting(self.settings, "GROUPS_SAVE_AS"),
            "groups/index",
            setting(self.settings, "GROUPS_URL"),
        )
        for group in self.groups:
            write(group.save_as, group.template, group.url, group=group)
