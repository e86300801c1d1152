"""The members generator: reads and checks profiles and competences, writes their pages.

``generate_context`` reads ``content/competences/`` and ``content/members/``
through Pelican's readers, checks every file (all problems are reported
together through ``content_errors``), links blog authors to members and builds
the indexes (members per competence, region, format and kind; posts and
episodes per member) in single passes. ``generate_output`` renders:

===========================  ==========================  ==========================
page                         template                    variables
===========================  ==========================  ==========================
MEMBERS_SAVE_AS              members/directory.html      members, member_filter,
                                                         member_facets
MEMBER_SAVE_AS (each)        members/profile.html        member
COMPETENCES_SAVE_AS          members/competences.html    competences
COMPETENCE_SAVE_AS (each)    members/competence.html     competence, members, posts
REGION/FORMAT/KIND_SAVE_AS   members/facet.html          facet, members
===========================  ==========================  ==========================

Shared context for every template: ``members`` (published, German order),
``competences``, ``member_regions``, ``member_formats``, ``member_kinds``,
``members_by_slug``, ``members_url``, ``competences_url``.
"""

from __future__ import annotations

import functools
import os

from knotenpunkt.plugins import images
from knotenpunkt.plugins.channels.urls import https_url_problem
from knotenpunkt.plugins.content_errors import ContentError, people, report
from knotenpunkt.plugins.content_errors.config import plugin_enabled
from knotenpunkt.plugins.content_errors.errors import current
from knotenpunkt.plugins.content_errors.folder import FolderGenerator, file_stem
from knotenpunkt.plugins.content_errors.i18n import N_
from knotenpunkt.plugins.i18n.slugs import german_slug

from knotenpunkt import early

from . import authors, directory
from .contents import Competence, Facet, Member
from .fields import COMPETENCE_FIELDS, MEMBER_FIELDS, field_named
from .names import initials
from .settings import setting
from .sorting import sorted_german
from .validate import (
    check_choices,
    check_competences,
    check_email,
    check_photo_type,
    check_website,
    duplicate_slugs,
    is_present,
    missing_required,
    split_list,
)
from .vocabulary import FORMATS, KINDS, role_name

FIELD = {field.name: field for field in MEMBER_FIELDS}


class MembersGenerator(FolderGenerator):
    def __init__(self, *args, **kwargs) -> None:
        self.members: list[Member] = []
        self.competences: list[Competence] = []
        self.facets: dict[str, dict[str, Facet]] = {"region": {}, "format": {}, "kind": {}}
        super().__init__(*args, **kwargs)

    # -- reading ------------------------------------------------------------
    def setting(self, name: str):
        return setting(self.settings, name)

    def slug(self, text: str) -> str:
        return german_slug(text, self.settings)

    def settle_slug(self, item) -> None:
        """Explicit ``Slug:`` (slugified) or else the file name: never the title."""
        item.slug = self.file_slug(item, self.slug) or self.slug(file_stem(item))
        if not is_present(item.metadata.get("title")):
            item.title = item.slug

    def generate_context(self) -> None:
        competences = self.read_folder(self.setting("COMPETENCES_PATHS"), Competence)
        members = self.read_folder(self.setting("MEMBERS_PATHS"), Member)
        self.save_cache()
        self.readers.save_cache()

        problems: list[ContentError] = []
        for competence in competences:
            self.settle_slug(competence)
            problems += missing_required(
                competence.source_path, competence.metadata, COMPETENCE_FIELDS
            )
            competence.members = []
            competence.posts = []
            competence.episodes = []
        problems += duplicate_slugs(competences, lambda c: c.url, self.path)
        known = {competence.slug: competence for competence in competences}

        for member in members:
            self.settle_slug(member)
            problems += self.prepare_member(member, known)
        problems += duplicate_slugs(members, lambda m: m.url, self.path)

        published = sorted_german(
            (m for m in members if m.status == "published"), lambda m: str(m.title)
        )
        for member in published:
            for competence in member.competences:
                competence.members.append(member)
            for facet in [member.region, member.kind, *member.formats]:
                if facet is not None:
                    facet.members.append(member)

        self.members = published
        self.competences = sorted_german(competences, lambda c: str(c.title))
        members_by_slug = {member.slug: member for member in published}
        # who is a member, for the podcast, the blog and others (content_errors.people)
        people.provide(
            self.context,
            (
                people.Person(
                    name=str(member.title),
                    slug=member.slug,
                    url=member.url,
                    photo=member.photo.url if member.photo else None,
                )
                for member in published
            ),
        )
        articles = self.context.get("articles", [])
        if self.setting("MEMBERS_LINK_AUTHORS"):
            problems += authors.link_authors(self.context, members_by_slug, self.settings)
            problems += authors.authors_of_unread_files(current().unread, members_by_slug)
        episodes_by_member = self.context.get("podcast_episodes_by_member")
        if episodes_by_member is not None:
            # the podcast plugin has indexed its episodes (and hidden them from the blog)
            for member in published:
                member.episodes = list(episodes_by_member.get(member.slug, []))
        else:
            authors.index_episodes(articles, members_by_slug, self.slug)
        by_tag = authors.index_posts_by_tag(articles)
        for competence in self.competences:
            competence.posts = by_tag.get(competence.slug, [])
        # episodes are hidden from the blog lists by the podcast plugin; index them apart
        episodes_by_tag = authors.index_posts_by_tag(self.context.get("podcast_episodes", []))
        for competence in self.competences:
            competence.episodes = episodes_by_tag.get(competence.slug, [])

        for problem in problems:
            report(problem)

        self.context.update(
            members=self.members,
            members_by_slug=members_by_slug,
            competences=self.competences,
            member_regions=sorted_german(self.facets["region"].values(), lambda f: f.name),
            member_formats=[
                self.facets["format"][s] for s in FORMATS if s in self.facets["format"]
            ],
            member_kinds=[self.facets["kind"][s] for s in KINDS if s in self.facets["kind"]],
            members_url=self.setting("MEMBERS_URL"),
            competences_url=self.setting("COMPETENCES_URL"),
            filter_parameters={
                **self.setting("MEMBERS_FILTER_PARAMETERS"),
                "format": self.setting("MEMBERS_FILTER_PARAMETERS")["formats"],
            },
        )

    def facet(self, group: str, slug: str, name: str) -> Facet:
        known = self.facets[group]
        if slug not in known:
            prefix = group.upper()
            known[slug] = Facet(
                group,
                slug,
                name,
                self.setting(f"{prefix}_URL").format(slug=slug),
                self.setting(f"{prefix}_SAVE_AS").format(slug=slug),
            )
        return known[slug]

    def prepare_member(self, member: Member, known: dict) -> list[ContentError]:
        """Check one profile and give it its parsed fields; returns its problems."""
        source, metadata = member.source_path, member.metadata
        problems = missing_required(source, metadata, MEMBER_FIELDS)

        kinds, found = (
            check_choices(source, FIELD["Kind"], metadata.get("kind"))
            if "kind" in metadata
            else ([], [])
        )
        problems += found
        member.kind = self.facet("kind", kinds[0], KINDS[kinds[0]]) if kinds else None

        member.competences, found = (
            check_competences(
                source, FIELD["Competences"], metadata.get("competences"), known, self.slug
            )
            if "competences" in metadata
            else ([], [])
        )
        problems += found

        formats, found = (
            check_choices(source, FIELD["Formats"], metadata.get("formats"))
            if "formats" in metadata
            else ([], [])
        )
        problems += found
        member.formats = [self.facet("format", slug, FORMATS[slug]) for slug in formats]

        if "status" in metadata:
            statuses, found = check_choices(
                source, field_named(MEMBER_FIELDS, "Status"), metadata["status"]
            )
            problems += found

        region = str(metadata.get("region", "")).strip()
        member.region = (
            self.facet("region", self.slug(region), region)
            if region and self.slug(region)
            else None
        )

        member.email, found = check_email(source, FIELD["Email"], metadata.get("email"))
        problems += found
        member.website, found = check_website(source, FIELD["Website"], metadata.get("website"))
        problems += found

        member.photo = None
        wrong_type = check_photo_type(source, FIELD["Photo"], metadata.get("photo"), self.path)
        problems += wrong_type
        if is_present(metadata.get("photo")) and not wrong_type:
            try:
                # Without the images plugin, the original is published and linked.
                picture = (
                    images.square_variants
                    if plugin_enabled(self.settings, "images")
                    else images.original_picture
                )
                member.photo = picture(self.context, str(metadata["photo"]), source, "Photo")
            except ContentError as problem:
                problems.append(problem)

        member.links = []
        for link in split_list(metadata.get("links")):
            problem = https_url_problem(link)
            if problem:
                problems.append(ContentError(source, "Links", problem.message, problem.hint))
            else:
                member.links.append(link)
        member.groups = []  # the groups plugin fills it
        member.roles = [role_name(role) for role in split_list(metadata.get("roles"))]
        member.contact = (
            str(metadata["contact"]).strip() if is_present(metadata.get("contact")) else None
        )
        member.initials = initials(str(member.title))
        member.posts = []
        member.episodes = []
        return problems

    # -- writing ------------------------------------------------------------
    def member_filter(self) -> list[dict]:
        """The filter form's fields: query parameter, label, data attribute, options."""
        parameters = self.setting("MEMBERS_FILTER_PARAMETERS")
        context = self.context
        groups = [
            (
                "competences",
                N_("Kompetenz"),
                N_("Alle Kompetenzen"),
                [c for c in self.competences if c.members],
            ),
            ("region", N_("Region"), N_("Alle Regionen"), context["member_regions"]),
            ("formats", N_("Format"), N_("Alle Formate"), context["member_formats"]),
            ("kind", N_("Art"), N_("Personen und Organisationen"), context["member_kinds"]),
        ]
        return [
            {
                "parameter": parameters[attribute],
                "attribute": attribute,
                "label": label,
                "any": any_label,
                "options": items,
            }
            for attribute, label, any_label, items in groups
        ]

    def generate_output(self, writer) -> None:
        write = functools.partial(self.write_page, writer, self.setting("MEMBERS_URL"))

        # the devserver shows the profile of a saved file first (knotenpunkt.early)
        changed = early.changed_sources(self.settings)
        saved = [m for m in self.members if os.path.normpath(m.source_path) in changed]
        for member in saved:
            write(member.save_as, member.template, member.url, member=member)
        member_filter = self.member_filter()
        for page in directory.directory_pages(self.members, self.settings):
            write(
                page.save_as,
                "members/directory",
                page.url,
                member_filter=member_filter,
                directory_page=page,
                member_index=directory.member_index(self.members) if page.number == 1 else [],
            )
        for member in self.members:
            if not any(member is first for first in saved):
                write(member.save_as, member.template, member.url, member=member)
        write(
            self.setting("COMPETENCES_SAVE_AS"),
            "members/competences",
            self.setting("COMPETENCES_URL"),
        )
        for competence in self.competences:
            write(
                competence.save_as,
                competence.template,
                competence.url,
                competence=competence,
                posts=competence.posts,
            )
        for group in ("region", "format", "kind"):
            for facet in self.facets[group].values():
                if facet.members:
                    write(facet.save_as, "members/facet", facet.url, facet=facet)
