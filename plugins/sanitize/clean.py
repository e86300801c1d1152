"""The allow-list: what Markdown produces, and nothing that can run."""

from __future__ import annotations

import nh3

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


def clean_html(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        filter_style_properties=STYLE_PROPERTIES,
        link_rel=None,
        strip_comments=True,
    )
