"""Settings of the dates plugin: name → default. Set only what differs in pelicanconf.py."""

from __future__ import annotations

from knotenpunkt.plugins.content_errors import config

DEFAULTS = {
    # Folders below PATH holding one Markdown file per date (or series).
    "DATES_PATHS": ["termine"],
    # The list of upcoming dates with the archive of past ones.
    "DATES_URL": "termine/",
    "DATES_SAVE_AS": "termine/index.html",
    # One page per date, and its .ics download next to it.
    "DATE_URL": "termine/{slug}/",
    "DATE_SAVE_AS": "termine/{slug}/index.html",
    "DATE_ICS_URL": "termine/{slug}/termin.ics",
    "DATE_ICS_SAVE_AS": "termine/{slug}/termin.ics",
    # The calendar feed with every date, for calendar apps to subscribe to.
    "DATES_FEED_URL": "termine/termine.ics",
    "DATES_FEED_SAVE_AS": "termine/termine.ics",
    # The time zone a Start without offset means; also the feed's VTIMEZONE.
    "DATES_TIMEZONE": "Europe/Berlin",
    # "Today" for upcoming/past: None means the build day (in DATES_TIMEZONE);
    # an ISO date ("2027-01-15") pins it for tests and reproducible builds.
    "DATES_TODAY": None,
    # How many next occurrences of a recurring meeting /termine/ lists.
    "DATES_SERIES_OCCURRENCES": 3,
    # How many upcoming dates the home page, a profile and a group page show.
    "DATES_UPCOMING_COUNT": 3,
}


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
