"""Theme assets that can be cached forever, and only the ones a page uses.

* ``asset("css/main.css")`` (a Jinja global) is the address of a theme file
  below ``theme/``. With ``ASSETS_FINGERPRINT`` (``make publish``) it names
  a copy whose file name carries a hash of its content
  (``theme/css/main.3f2a9c0b1d4e.css``), so a web server may let browsers
  keep it forever: a changed file gets a new name. With ``ASSETS_MINIFY``
  CSS and JavaScript are minified first (rcssmin, rjsmin). The plain copies
  Pelican makes of the theme's static files stay in place, so nothing that
  names them directly breaks.
* ``has_embed(item, …)`` tells whether any of the given content objects
  contains a consent embed (see the embeds plugin), so ``base.html`` loads
  the consent script only there.

Settings: see :mod:`assets.settings`.
"""

from .plugin import register

__all__ = ["register"]
