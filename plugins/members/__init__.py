"""Member profiles, the competence vocabulary and the filterable member directory.

Reads ``content/members/*.md`` and ``content/competences/*.md`` with a
generator of its own (:mod:`members.generator`), checks every field defined in
:mod:`members.fields`, links blog authors (member slugs) to profiles, and
writes the directory, profiles, competence, region, format and kind pages.
Photos go through the ``images`` plugin. Settings: :mod:`members.settings`.
"""

from .plugin import register

__all__ = ["register"]
