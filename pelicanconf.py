"""Development settings of the sample network "Netzwerk Lernen Musterstadt".

A network that forks Knotenpunkt edits this file (and replaces ``content/``).
Every plugin documents its own settings and defaults in its package; only
what differs from those defaults needs to be set here.
"""

# --- The network -----------------------------------------------------------
SITENAME = "Netzwerk Lernen Musterstadt"
SITESUBTITLE = "Lerntherapie, Beratung und Inklusion – gemeinsam in Musterstadt"
SITEURL = ""
AUTHOR = "Netzwerk Lernen Musterstadt"
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"

# --- Content ---------------------------------------------------------------
PATH = "content"
# members/ and competences/ are read by the members plugin (its own
# generator, see plugins/members/settings.py), podcast/ holds episodes; blog
# posts live in blog/. Keep members/ and competences/ out of both lists.
ARTICLE_PATHS = ["blog", "podcast"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "audio"]
DEFAULT_DATE_FORMAT = "%d.%m.%Y"
DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = 40

# German URLs without .html, served as folders
ARTICLE_URL = "blog/{slug}/"
ARTICLE_SAVE_AS = "blog/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "kategorie/{slug}/"
CATEGORY_SAVE_AS = "kategorie/{slug}/index.html"
TAG_URL = "thema/{slug}/"
TAG_SAVE_AS = "thema/{slug}/index.html"
AUTHOR_URL = "autorin/{slug}/"
AUTHOR_SAVE_AS = "autorin/{slug}/index.html"
ARCHIVES_SAVE_AS = "archiv/index.html"
CATEGORIES_SAVE_AS = "kategorien/index.html"
TAGS_SAVE_AS = "themen/index.html"
AUTHORS_SAVE_AS = "autorinnen/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""


def translatable(text: str) -> str:
    """Marks menu labels for `make translations-extract`; the theme translates them."""
    return text


# Never list every page in the menu: with many member pages that makes the
# build quadratic (see docs). The menu is set explicitly instead.
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False
MENUITEMS = [
    (translatable("Mitglieder"), "mitglieder/"),
    (translatable("Blog"), "blog/"),
    (translatable("Podcast"), "podcast/"),
    (translatable("Über uns"), "ueber-uns/"),
    (translatable("Mitmachen"), "mitmachen/"),
]
FOOTER_LINKS = [
    (translatable("Impressum"), "impressum/"),
    (translatable("Datenschutz"), "datenschutz/"),
]

# Blog index at /blog/, a home page of our own at /
INDEX_SAVE_AS = "blog/index.html"
INDEX_URL = "blog/"
DIRECT_TEMPLATES = ["index", "archives", "tags", "categories", "home", "404"]  # 404 → 404.html
HOME_SAVE_AS = "index.html"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/seite/{number}/", "{base_name}/seite/{number}/index.html"),
)

# --- Legal pages (plugin "legal") -------------------------------------------
# Feeds the Impressum (§ 5 DDG, § 18 MStV) and the Datenschutz page; the free
# text of both stays in content/pages/. Required: name, street,
# postcode_city, represented_by, email, responsible_for_content (see
# plugins/legal/settings.py). A missing one shows "bitte ausfüllen" here and
# stops `make publish` (publishconf.py sets LEGAL_REQUIRE_COMPLETE = True).
LEGAL = {
    "name": "Lernen in Musterstadt e. V.",
    "street": "Musterstraße 1",
    "postcode_city": "12345 Musterstadt",
    "represented_by": (
        "Vorstand: Heike Sommer (Vorsitzende), Max Mustermann (stellvertretender Vorsitzender)"
    ),
    "email": "lernen-musterstadt@example.org",
    "phone": "01234 567890",
    "register": "Vereinsregister des Amtsgerichts Musterstadt, VR 12345",
    "vat_id": "",
    "responsible_for_content": "Heike Sommer, Musterstraße 1, 12345 Musterstadt",
    "supervisory_authority": (
        "Die Landesbeauftragte für den Datenschutz Musterland, Datenschutzplatz 1, "
        "12345 Musterstadt"
    ),
    "data_protection_officer": "",
    "hoster": "Muster-Hosting GmbH, Beispielweg 5, 12345 Musterstadt",
}

# --- Feeds: none in development (publishconf.py switches them on) ---------
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# --- Podcast ----------------------------------------------------------------
# The show as podcast apps see it. Every setting and its default is documented
# in plugins/podcast/settings.py; episode fields in plugins/podcast/fields.py.
PODCAST_TITLE = "Lernen im Netzwerk – der Podcast aus Musterstadt"
PODCAST_DESCRIPTION = (
    "Gespräche aus dem Netzwerk Lernen Musterstadt: Lerntherapeutinnen, "
    "Sozialarbeiter und Initiativen erzählen, wie Kinder mit Lernschwierigkeiten "
    "gut begleitet werden – für Eltern, Fachleute und alle, die mitmachen wollen."
)
PODCAST_IMAGE = "images/podcast/cover.jpg"  # 1400–3000 px square, JPEG/PNG, RGB
PODCAST_CATEGORY = "Education"  # from Apple's list; optional PODCAST_SUBCATEGORY
PODCAST_EXPLICIT = False
PODCAST_AUTHOR = "Netzwerk Lernen Musterstadt"
PODCAST_OWNER_NAME = "Netzwerk Lernen Musterstadt"
PODCAST_OWNER_EMAIL = "podcast@netzwerk-lernen.example.org"
PODCAST_TYPE = "episodic"
# Regular hosts (member slugs or names): channel-level podcast:person.
PODCAST_HOSTS = ["anna-beispiel"]
PODCAST_LANGUAGE = DEFAULT_LANG
# No PODCAST_GUID: podcast:guid is derived from the public feed address. When the
# feed moves, list the old address in PODCAST_OLD_FEED_URLS (keeps the GUID).
PODCAST_LOCKED = True
PODCAST_LICENSE = "cc-by-4.0"
PODCAST_FUNDING = [("Mitmachen im Netzwerk", "mitmachen/")]
PODCAST_FEED_PATH = "podcast/feed.xml"
# Optional Podcasting 2.0 tags (forms in plugins/podcast/settings.py).
PODCAST_LOCATION = {"name": "Musterstadt"}
PODCAST_UPDATE_FREQUENCY = {"label": "Etwa alle drei Monate", "rrule": "FREQ=MONTHLY;INTERVAL=3"}
PODCAST_PODROLL = ["https://podcast.example.org/feed.xml"]  # shows we recommend
PODCAST_TXT = [("hinweis", "Fiktiver Beispiel-Podcast von Knotenpunkt.")]
# Audio may be served from a separate media host (set it in publishconf.py);
# None: the site itself. Duration and size always come from content/audio/.
PODCAST_MEDIA_URL = None

# --- Theme and plugins -----------------------------------------------------
THEME = "themes/knotenpunkt"
# Importable modules of the installed project package (`pip install -e .`).
PLUGINS = [
    "knotenpunkt.plugins.content_errors",
    "knotenpunkt.plugins.i18n",
    "knotenpunkt.plugins.sanitize",
    "knotenpunkt.plugins.embeds",
    "knotenpunkt.plugins.seo",
    "knotenpunkt.plugins.legal",
    "knotenpunkt.plugins.images",
    "knotenpunkt.plugins.members",
    "knotenpunkt.plugins.podcast",
    "knotenpunkt.plugins.admin",
    "knotenpunkt.plugins.assets",
]

# Autoescape on: member-supplied text is never markup. Templates mark the
# Markdown-rendered bodies as safe explicitly.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
}

# Markdown: headings get ids, tables and footnotes work, no "typographic" magic.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

# Development builds reuse what the readers returned for unchanged files
# (plugin "caches": keyed by a hash of the bytes, the settings and the code;
# safety checks still run on every file). publishconf.py turns it off.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "sha256"
DELETE_OUTPUT_DIRECTORY = False
# Relative links: output/ works wherever it is served from.
RELATIVE_URLS = True

# --- Editing in the browser (plugin "admin", /admin/) -------------------------
# Decap CMS writes content through the network's git host. Set it up as
# docs/mitmachen.md ("Im Browser bearbeiten") explains, e.g. for GitLab:
# ADMIN_BACKEND = {"name": "gitlab", "repo": "netzwerk/website", "branch": "main",
#                  "auth_type": "pkce", "app_id": "…"}
# Without it, development builds edit this checkout through decap-server
# (README: "Editing in the browser"). All settings: plugins/admin/settings.py.

# --- The network's channels (plugin "channels") -----------------------------
# Plain links with rel="me" (Mastodon verification) in the footer and on the
# about page; no widgets, nothing loaded from those hosts. Entries:
# (label, https address, kind); defaults and kinds: plugins/channels/settings.py.
NETWORK_CHANNELS = [
    ("Mastodon", "https://social.example/@netzwerklernen", "mastodon"),
    ("Newsletter", "https://newsletter.example/netzwerk-lernen-musterstadt", "newsletter"),
]
PLUGINS += ["knotenpunkt.plugins.channels"]

# --- Site search (plugin "search") ------------------------------------------
# A Pagefind index written after every build, the search page at /suche/;
# defaults in plugins/search/settings.py.
PLUGINS += ["knotenpunkt.plugins.search"]
MENUITEMS += [(translatable("Suche"), "suche/")]

# --- Build caches (plugin "caches") -------------------------------------------
# Addresses computed once per build; see plugins/caches and docs/performance.md.
PLUGINS += ["knotenpunkt.plugins.caches"]

# --- Home page (theme) ---------------------------------------------------------
# Who the network is, in two or three sentences (plain text; without it the
# summary of the page HOME_ABOUT_PAGE is shown), and the image slot beside it
# (any image path of the site; here an illustration drawn for the sample).
HOME_INTRO = (
    "Wir sind Lerntherapeut:innen, Sozialarbeiter:innen, Heilpädagog:innen und "
    "Partnerorganisationen aus Musterstadt und dem Landkreis Musterland. Gemeinsam "
    "sorgen wir dafür, dass Kinder und Jugendliche, denen das Lernen schwerfällt, "
    "schnell die passende Unterstützung finden – auf Augenhöhe und ohne Leitung."
)
HOME_ABOUT_PAGE = "ueber-uns"
HOME_IMAGE = "theme/img/home-illustration.svg"
HOME_IMAGE_ALT = ""

# --- Dates (plugin "dates") -------------------------------------------------
# content/termine/: /termine/, one page and .ics per date, /termine/termine.ics;
# defaults in plugins/dates/settings.py.
# Groups first: dates name groups (content/groups/, /netzwerk/).
PLUGINS += ["knotenpunkt.plugins.groups", "knotenpunkt.plugins.dates"]
# Not in MENUITEMS: with seven entries the desktop menu overflows at 900 px
# (the phone menu folds and would fit); the footer links them instead.
FOOTER_LINKS += [(translatable("Termine"), "termine/"), (translatable("Netzwerk"), "netzwerk/")]

# --- Old addresses (plugin "aliases") ---------------------------------------
# A redirect page at every address a file lists in "Aliases:" (after a renamed
# slug). Listed last: it also redirects the sub-pages other plugins write
# (an episode's player and transcript); defaults in plugins/aliases/settings.py.
PLUGINS += ["knotenpunkt.plugins.aliases"]
