"""The allow-list: what Markdown produces, and nothing that can run."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3

from .settings import DEFAULTS

# Elements Python-Markdown (with "extra" and "toc") and the embeds plugin emit.
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "button", "caption", "cite", "code",
    "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}  # fmt: skip
# h1 is left out on purpose: the page title is the one h1 of every page, so a
# "# Heading" in a body is kept as text (nh3 keeps the text of removed tags).

ATTRIBUTES = {
    # ids for heading anchors (toc) and footnotes, classes for code languages
    # and footnotes, lang/dir for the language of parts (WCAG 3.1.2)
    "*": {"id", "class", "lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "abbr": {"title"},
    # the consent-embed placeholder (embeds plugin); consent-embed.js only
    # ever loads URLs of the known providers, whatever these attributes say
    "figure": {"data-embed-provider", "data-embed-src", "data-embed-title"},
    "button": {"type", "hidden"},
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Markdown tables align cells with style="text-align: …"; nothing else passes.
STYLE_PROPERTIES = {"text-align"}


# The classes Python-Markdown itself writes (footnotes, toc, fenced code);
# the theme's own classes ("button", "skip-link" …) never come from a member.
MARKDOWN_CLASSES = frozenset(
    {"footnote", "footnote-ref", "footnote-backref", "toc", "toctitle", "toclink", "headerlink"}
)
LANGUAGE_CLASS = re.compile(r"^language-[A-Za-z0-9_+#.-]{1,40}$")
# Links Pelican fills in later ({filename}/pages/x.md#part): their fragment
# names an id in another body, which carries the prefix as well.
INTERNAL_LINK = re.compile(r"^\{(?:filename|index)\}[^#]*#")


@dataclass
class Cleaned:
    """The cleaned HTML and what was taken out that the member must hear about."""

    html: str
    external_images: list[str] = field(default_factory=list)


def _prefixed(value: str, prefix: str) -> str:
    return value if value.startswith(prefix) else prefix + value


def _classes(value: str) -> str | None:
    kept = [c for c in value.split() if c in MARKDOWN_CLASSES or LANGUAGE_CLASS.match(c)]
    return " ".join(kept) or None


def _is_external(url: str, site_host: str) -> bool:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return True
    if not parts.netloc:
        return False
    return parts.hostname != site_host


def clean(html: str, *, site_url: str = "", id_prefix: str = DEFAULTS["SANITIZE_ID_PREFIX"]):
    """``html`` with everything outside the allow-list removed, as a :class:`Cleaned`.

    Ids (heading anchors, footnotes) get ``id_prefix`` and same-page links
    follow them, so a member's ``id="main"`` cannot clobber a global name or
    the theme's own targets; only Markdown's own classes stay; an image from
    another host loses its address (it would tell that host who reads the
    page) and is listed in ``external_images``.
    """
    result = Cleaned(html)
    if not html:
        return result
    site_host = urlsplit(site_url).hostname or "" if site_url else ""

    def attribute(tag: str, name: str, value: str) -> str | None:
        if name == "id":
            return _prefixed(value, id_prefix) if id_prefix else value
        if name == "class":
            return _classes(value)
        if name == "href" and id_prefix:
            if value.startswith("#") and len(value) > 1:
                return "#" + _prefixed(value[1:], id_prefix)
            if INTERNAL_LINK.match(value):
                base, _hash, fragment = value.partition("#")
                return f"{base}#{_prefixed(fragment, id_prefix)}"
        if tag == "img" and name == "src" and _is_external(value, site_host):
            result.external_images.append(value)
            return None
        return value

    result.html = nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        attribute_filter=attribute,
        url_schemes=URL_SCHEMES,
        filter_style_properties=STYLE_PROPERTIES,
        link_rel=None,
        strip_comments=True,
    )
    return result


def clean_html(html: str, **options) -> str:
    """``html`` with everything outside the allow-list removed."""
    return clean(html, **options).html
