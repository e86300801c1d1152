"""Production settings: ``make publish`` builds with these.

Everything from pelicanconf.py applies; this file only overrides what differs
in production (absolute URLs, feeds, cleaning the output folder).
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The public address of the site, without a trailing slash. CI may set it.
SITEURL = os.environ.get("SITEURL", "https://netzwerk-lernen.example.org")
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/blog.atom.xml"
CATEGORY_FEED_ATOM = None

DELETE_OUTPUT_DIRECTORY = True

# A production build stops when the Impressum lacks a required value.
LEGAL_REQUIRE_COMPLETE = True
