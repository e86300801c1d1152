"""One way for every Knotenpunkt plugin to report mistakes in content.

Plugins raise or report a :class:`ContentError` (file, field, what is wrong,
how to fix it). This plugin collects all of them during a build, also turns
the errors Pelican itself would only log (and then skip the file) into
content errors, and stops the build before anything is written, printing every
problem at once in plain language.
"""

from . import errors
from .errors import ContentError, suggest
from .plugin import register

# Importing .plugin loads the submodule ``content_errors.report``, which would
# otherwise shadow the function of the same name for ``from content_errors
# import report``.
report = errors.report

__all__ = ["ContentError", "register", "report", "suggest"]
