"""Site search without a server: a Pagefind index built after the site is written.

After Pelican has written every page (signal ``finalized``, so ``make html``,
``make publish``, ``make devserver`` and every test build get it) the
Pagefind binary from the ``pagefind-bin`` package indexes the output folder
into ``/pagefind/`` (:mod:`search.index`). The search page ``/suche/``
(template ``search.html``) uses Pagefind's own UI from that folder: nothing
is loaded from another host. Without JavaScript the page shows links to the
directory and the archives instead of a form that cannot work.

Templates decide what is indexed: an element with ``data-pagefind-body``
(the main article of a member profile, post, episode, page or competence),
so navigation, footers and list pages are never results, and
``search/macros.html`` adds the filters (content type, competences).
Settings: :mod:`search.settings`.
"""

from .plugin import register

__all__ = ["register"]
