"""Find anything a browser would run in a finished HTML page.

The sanitiser cleans a body before Pelican fills in ``{filename}`` links and
before templates place metadata into attributes, so it never sees the page as
published. This check does: the writer (``writer.py``) runs it on every HTML
page it renders, and a page with an event-handler attribute, a
``javascript:`` URL, a frame or a script that is not one of the theme's own
files or a JSON-LD block is a content error instead of a published page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree

URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "data",
        "poster",
        "xlink:href",
        "background",
        "cite",
        "ping",
        "codebase",
        "srcset",
    }
)
# <script> elements of these types are data blocks a browser never runs (JSON-LD,
# the directory's member index); importmap and module stay forbidden.
DATA_BLOCK_TYPES = frozenset({"application/ld+json", "application/json"})
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
FORBIDDEN_ELEMENTS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base"})
# "podcast.js", or its content-hashed production copy "podcast.3f2a9c0b1d4e.js"
SCRIPT_NAME = re.compile(r"^[A-Za-z0-9_-]+(?:\.[0-9a-f]{6,64})?\.js$")
# Browsers drop these from URLs before reading the scheme: "java\tscript:" runs.
URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


# lxml.html's parser without its Python element classes (the check reads tags,
# attributes and text only): the same libxml2 tree, cheaper to walk.
_PARSER = lxml.etree.HTMLParser()


def _script_url(value: str) -> bool:
    # every scheme ends in ":" and the noise removal only drops characters
    return ":" in value and URL_NOISE.sub("", value).lower().startswith(SCRIPT_SCHEMES)


def _own_script(element, site_host: str, script_folders: tuple[str, ...]) -> bool:
    if (element.get("type") or "").strip().lower() in DATA_BLOCK_TYPES:
        return not element.get("src")
    source = element.get("src")
    if not source or (element.text or "").strip():
        return False
    parts = urlsplit(source.strip())
    if parts.scheme not in ("", "http", "https") or parts.query or parts.fragment:
        return False
    if parts.netloc and parts.netloc != site_host:
        return False
    folder, _, name = parts.path.rpartition("/")
    return bool(SCRIPT_NAME.match(name)) and any(
        folder == own or folder.endswith("/" + own) for own in script_folders
    )


def _refresh_allowed(element, redirect_to: str | None, seen: int) -> bool:
    """The one meta refresh of a redirect page, to the address its writer computed."""
    if redirect_to is None or seen:
        return False
    return (element.get("content") or "") == f"0; url={redirect_to}" and not _script_url(
        redirect_to
    )


def executable_parts(
    html: str,
    site_url: str = "",
    script_folders: tuple[str, ...] = ("theme/js",),
    redirect_to: str | None = None,
) -> list[str]:
    """What in ``html`` could run script, one short description each (empty: safe).

    ``script_folders``: the site's own script folders (``CONTENT_SCRIPT_FOLDERS``).
    ``redirect_to``: set only for the redirect pages of the aliases plugin
    (``writer.RedirectPage``): one ``<meta http-equiv=refresh>`` to exactly this
    address is then allowed; any other refresh is still forbidden.
    """
    if not html.strip():
        return []
    site_host = urlsplit(site_url).netloc if site_url else ""
    try:
        document = lxml.etree.fromstring(html, _PARSER)
    except (ValueError, lxml.etree.ParserError):
        return []
    if document is None:  # what lxml.html.document_fromstring refuses as empty
        return []
    found = []
    refreshes = 0
    for element in document.iter(lxml.etree.Element):  # no comments, no processing instructions
        tag = element.tag.lower()
        for name, value in element.items():
            lowered = name.lower()
            if lowered.startswith("on"):
                found.append(f"<{tag} {name}=…>")
            elif lowered == "srcdoc" or (lowered in URL_ATTRIBUTES and _script_url(value)):
                found.append(f"<{tag} {name}={value[:40]!r}>")
        if tag in FORBIDDEN_ELEMENTS:
            found.append(f"<{tag}>")
        elif tag == "script" and not _own_script(element, site_host, tuple(script_folders)):
            found.append(f"<script {' '.join(element.attrib)}>")
        elif tag == "meta" and (element.get("http-equiv") or "").strip().lower() == "refresh":
            if not _refresh_allowed(element, redirect_to, refreshes):
                found.append("<meta http-equiv=refresh>")
            refreshes += 1
    return found
