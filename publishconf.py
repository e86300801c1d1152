"""Production settings: ``make publish`` builds with these.

Everything from pelicanconf.py applies; this file only overrides what differs
in production (absolute URLs, feeds, cleaning the output folder).
"""

import os
from pathlib import Path

from knotenpunkt.conf import inherit

globals().update(inherit(Path(__file__).with_name("pelicanconf.py")))

# The public address of the site, https://, without a trailing slash: set it
# here or as the environment variable SITEURL (the Pages workflows do). There
# is deliberately no default: a fork must never publish with the sample's
# address, and `make publish` refuses a missing, http:// or example address.
SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
RELATIVE_URLS = False

# Drafts (Status: draft) are not written at all in production.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

# Production checks: content_errors refuses a SITEURL that is missing, not
# https://, not a valid host name or an example address (PUBLISH_ALLOW_HTTP
# and PUBLISH_ALLOW_EXAMPLE_ADDRESS in plugins/content_errors/settings.py),
# and plugins may be stricter where it matters for the public.
CONTENT_PRODUCTION = True

FEED_ALL_ATOM = "feeds/blog.atom.xml"
CATEGORY_FEED_ATOM = None

DELETE_OUTPUT_DIRECTORY = True

# A production build stops when the Impressum lacks a required value.
LEGAL_REQUIRE_COMPLETE = True

# Theme CSS, JS and images named after a hash of their content and minified
# (plugin "assets"): a web server may let browsers cache them forever.
ASSETS_FINGERPRINT = True
ASSETS_MINIFY = True

# Production builds read every file afresh (no content cache).
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
