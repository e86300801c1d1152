"""Old addresses that keep working: redirect pages for every ``Aliases:`` entry.

Every kind of content has the shared field ``Aliases`` (declared once in
``content_errors.fields``; its form is checked in ``content_errors.values``).
After all content is read, :mod:`aliases.redirects` collects each published
file's old addresses and checks them against the file's own address; the
generator writes, as the last plugin, one small page per old address (and
per sub-page the file owns there, such as an episode's player): meta refresh,
canonical link, a visible link, ``noindex``, left out of the sitemap and the
search index. Pages go through the ``GuardedWriter``, which owns the one
exception to "no meta refresh": a ``RedirectPage`` to the address computed here.
"""

from .plugin import register

__all__ = ["register"]
