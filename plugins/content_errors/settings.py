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
    # Set by `make check` (python -m knotenpunkt check): the report speaks of
    # checking, not building, because nothing is published.
    "CONTENT_CHECK_ONLY": False,
    # Production only: allow an http:// SITEURL (a web host without https).
    "PUBLISH_ALLOW_HTTP": False,
    # Production only: allow example addresses (example.org, *.test …) for
    # tests and demonstrations; a network's real site never needs it.
    "PUBLISH_ALLOW_EXAMPLE_ADDRESS": False,
}
