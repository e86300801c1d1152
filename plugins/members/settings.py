"""Settings of the members plugin: name → default. Set only what differs in pelicanconf.py.

URL patterns use ``{slug}``; every ``*_URL`` has a ``*_SAVE_AS`` partner (the
file written in the output folder). Member and competence URLs may use any
metadata field of the file, like Pelican's own ``PAGE_URL``.
"""

from __future__ import annotations

from knotenpunkt.plugins.content_errors import config

DEFAULTS = {
    # Folders below PATH holding one Markdown file per member / per competence.
    "MEMBERS_PATHS": ["members"],
    "COMPETENCES_PATHS": ["competences"],
    # The directory of all members, with the filter.
    "MEMBERS_URL": "mitglieder/",
    "MEMBERS_SAVE_AS": "mitglieder/index.html",
    # Cards per directory page. Without JavaScript the directory is paginated
    # (MEMBERS_PAGE_URL from page 2 on); with it, the filter shows this many
    # results at a time and "Weitere anzeigen" adds as many again.
    "MEMBERS_PER_PAGE": 24,
    "MEMBERS_PAGE_URL": "mitglieder/seite/{number}/",
    "MEMBERS_PAGE_SAVE_AS": "mitglieder/seite/{number}/index.html",
    # One profile per member.
    "MEMBER_URL": "mitglieder/{slug}/",
    "MEMBER_SAVE_AS": "mitglieder/{slug}/index.html",
    # The list of all competences and one page per competence.
    "COMPETENCES_URL": "kompetenzen/",
    "COMPETENCES_SAVE_AS": "kompetenzen/index.html",
    "COMPETENCE_URL": "kompetenzen/{slug}/",
    "COMPETENCE_SAVE_AS": "kompetenzen/{slug}/index.html",
    # One page per region, per format (vor Ort / online) and per kind
    # (Person / Organisation): every filter value is a static link.
    "REGION_URL": "regionen/{slug}/",
    "REGION_SAVE_AS": "regionen/{slug}/index.html",
    "FORMAT_URL": "formate/{slug}/",
    "FORMAT_SAVE_AS": "formate/{slug}/index.html",
    "KIND_URL": "mitgliedsart/{slug}/",
    "KIND_SAVE_AS": "mitgliedsart/{slug}/index.html",
    # Blog authors are member slugs; their links lead to the member profile
    # and Pelican's own author pages are not written for them.
    "MEMBERS_LINK_AUTHORS": True,
    # Names of the query parameters of the directory filter
    # (/mitglieder/?kompetenz=dyskalkulie&format=online).
    "MEMBERS_FILTER_PARAMETERS": {
        "competences": "kompetenz",
        "region": "region",
        "formats": "format",
        "kind": "art",
        "search": "suche",
    },
}


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
