"""Settings of the content_errors plugin, with their defaults."""

from . import config

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
    # --- Bounded work (plugins/content_errors/limits.py): each limit broken is a
    # content error naming the limit. Raise one in pelicanconf.py if a real
    # file needs more.
    # Largest Markdown file, chapters JSON or transcript, in bytes.
    "CONTENT_MAX_FILE_BYTES": 2 * 1024 * 1024,
    # Longest line in a Markdown file, in characters.
    "CONTENT_MAX_LINE_CHARS": 20_000,
    # Deepest nesting of lists, quotes and of open "[" or "(" in one paragraph
    # (Python-Markdown slows down quadratically with deep nesting).
    "CONTENT_MAX_NESTING": 50,
    # Most pixels of a picture (width × height), checked before it is decoded.
    "CONTENT_MAX_IMAGE_PIXELS": 50_000_000,
    # Largest audio file, in bytes.
    "CONTENT_MAX_AUDIO_BYTES": 200 * 1024 * 1024,
    # Time limit for turning one Markdown file into HTML, in seconds
    # (enforced with SIGALRM where the platform has it; None switches it off).
    "CONTENT_MAX_RENDER_SECONDS": 30,
    # Files Pelican copies as they are ("static files"): which kinds each
    # top-level folder of content/ may hold. Anything else is refused.
    # Kinds: image (JPEG, PNG, WebP), audio (MP3, M4A/AAC, Ogg/Opus),
    # chapters (JSON), transcript (VTT, SRT).
    "CONTENT_STATIC_KINDS": {
        "images": ("image",),
        "audio": ("audio", "chapters", "transcript"),
    },
    # Pelican keys that move a page or change its template ("Save_as", "Url",
    # "Template"). Content files may set only those listed here: with them a
    # member could replace the home page or another member's page.
    "CONTENT_ALLOWED_MAINTAINER_FIELDS": [],
    # Language codes a content file may give in "Lang:". None: DEFAULT_LANG
    # plus every language the theme has a catalogue for (translations/<lang>/).
    "CONTENT_LANGUAGES": None,
    # Folders of the site's own scripts (below the output folder): a page may
    # load scripts from these and nowhere else (writer.py, executable.py).
    # Plugins that ship a script folder add theirs (the search plugin: pagefind).
    "CONTENT_SCRIPT_FOLDERS": ["theme/js"],
}


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
