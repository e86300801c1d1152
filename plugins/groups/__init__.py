"""Working groups and the network's structure (steering group, working groups).

Reads ``content/groups/*.md`` (fields: :mod:`groups.fields`), checks the
members' ``Groups:`` field against them and writes one page per group (its
purpose, contact, rhythm, members and dates) and the overview /netzwerk/.
List it before ``dates`` in PLUGINS: dates name groups. Settings:
:mod:`groups.settings`.
"""

from .plugin import register

__all__ = ["register"]
