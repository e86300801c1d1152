"""One way for every Knotenpunkt plugin to report mistakes in content.

Plugins raise or report a :class:`ContentError` (file, field, what is wrong,
how to fix it). This plugin collects all of them during a build, also turns
the errors Pelican itself would only log (and then skip the file) into
content errors, and stops the build before anything is written, printing every
problem at once in plain language.
"""

# Imported after .plugin: importing the submodule ``report`` would otherwise
# shadow the function of the same name on this package.
from .errors import ContentError, report, suggest  # noqa: E402
from .plugin import register

__all__ = ["ContentError", "register", "report", "suggest"]
