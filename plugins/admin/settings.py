"""Settings of the admin plugin (the editing interface at /admin/) and their defaults."""

from __future__ import annotations

from knotenpunkt.plugins.content_errors import config
from knotenpunkt.plugins.content_errors.i18n import N_

DEFAULTS = {
    # Write the editing interface (index.html, config.yml, Decap CMS) at all.
    "ADMIN_ENABLED": True,
    # Its folder in the output (the address is SITEURL/admin/).
    "ADMIN_PATH": "admin",
    # Where Decap CMS reads and writes the content: the network's git host.
    # Keys are passed to Decap's `backend` block; see docs/mitmachen.md
    # ("Im Browser bearbeiten") for the step-by-step set-up. Examples:
    #   GitLab (PKCE, no server needed):
    #     {"name": "gitlab", "repo": "netzwerk/website", "branch": "main",
    #      "auth_type": "pkce", "app_id": "<application id>"}
    #     (self-hosted GitLab: also "base_url" and "api_root")
    #   GitHub (OAuth app plus a small authentication service):
    #     {"name": "github", "repo": "netzwerk/website", "branch": "main",
    #      "base_url": "https://cms-auth.netzwerk.example.org"}
    #     ("open_authoring": True lets people without write access work
    #     through a fork and a pull request)
    # Empty: the interface only works with the local development backend.
    "ADMIN_BACKEND": {},
    # Decap's `local_backend`: edit the files of this checkout through
    # `decap-server` (see README). None: in development builds only (not when
    # CONTENT_PRODUCTION is set, i.e. never in `make publish`).
    "ADMIN_LOCAL_BACKEND": None,
    # The address decap-server listens on (its PORT, default 8081).
    "ADMIN_LOCAL_BACKEND_URL": "http://127.0.0.1:8081/api/v1",
    # "editorial_workflow": every change becomes a merge request (a branch)
    # that is reviewed before it is published; "simple": saving commits to
    # the branch directly. decap-server only knows "simple".
    "ADMIN_PUBLISH_MODE": "editorial_workflow",
    # The content folder inside the repository, as Decap sees it.
    "ADMIN_REPOSITORY_CONTENT_PATH": "content",
    # Fields left out of the forms (for experts only; kept when a file is saved).
    "ADMIN_OMIT_FIELDS": ["Template", "Save_as", "Url", "Translation", "Lang", "Modified"],
    # Collection labels (plural) by content folder; others use the singular label.
    "ADMIN_COLLECTION_LABELS": {
        "members": N_("Mitglieder"),
        "competences": N_("Kompetenzen"),
        "blog": N_("Blog"),
        "podcast": N_("Podcast"),
        "pages": N_("Seiten"),
    },
}

#: Decap backends a network may configure (the git hosts Decap can talk to)
BACKENDS = ("github", "gitlab", "gitea", "forgejo", "bitbucket", "azure", "git-gateway")
#: keys of Decap's backend block that ADMIN_BACKEND may set
BACKEND_KEYS = (
    "name",
    "repo",
    "branch",
    "base_url",
    "auth_endpoint",
    "api_root",
    "site_domain",
    "auth_type",
    "app_id",
    "open_authoring",
    "always_fork",
    "squash_merges",
    "cms_label_prefix",
    "use_graphql",
    "commit_messages",
)


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
