"""Settings of the content_errors plugin, with their defaults."""

DEFAULTS = {
    # Largest photo or cover art a member may upload, in bytes.
    "CONTENT_MAX_IMAGE_BYTES": 10 * 1024 * 1024,
    # Warn about dates in the future (Pelican publishes such posts right away).
    "CONTENT_WARN_FUTURE_DATES": True,
    # More keys a folder knows, e.g. {"blog": ["Image"]} for a key the theme reads.
    "CONTENT_EXTRA_FIELDS": {},
    # A Summary longer than this is cut in search results and link previews
    # (they show about 160 characters): a warning. None switches it off.
    "CONTENT_SUMMARY_MAX_CHARS": 160,
    # Production build (publishconf.py): SITEURL must be an absolute http(s) address.
    "CONTENT_PRODUCTION": False,
    # Pelican keys that move a page or change its template ("Save_as", "Url",
    # "Template"). Content files may set only those listed here: with them a
    # member could replace the home page or another member's page.
    "CONTENT_ALLOWED_MAINTAINER_FIELDS": [],
    # Language codes a content file may give in "Lang:". None: DEFAULT_LANG
    # plus every language the theme has a catalogue for (translations/<lang>/).
    "CONTENT_LANGUAGES": None,
}
