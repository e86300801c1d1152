"""The editing interface at /admin/: Decap CMS with forms generated from the content types.

Members who never wrote Markdown edit their profile, a post or an episode in
a form in the browser; Decap CMS writes the same ``Key: value`` Markdown
files into git (through the git host, or ``decap-server`` locally). The
collections and widgets are generated from the field definitions the checks
read (``content_types.py`` is the one adapter to them), and Decap CMS itself
is served from our host (``vendor/decap-cms``, pinned, with checksums).
"""

from .plugin import register

__all__ = ["register"]
