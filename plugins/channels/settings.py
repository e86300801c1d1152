"""Settings of the channels plugin and their defaults."""

from knotenpunkt.plugins.content_errors import config

DEFAULTS = {
    # The network's channels, in the order shown: (label, https address) or
    # (label, https address, kind), e.g.
    # [("Mastodon", "https://social.example/@netzwerk", "mastodon"),
    #  ("Newsletter", "https://netzwerk.example/newsletter/", "newsletter")].
    # kind is one of CHANNEL_KINDS below (default "website"); it only marks
    # the link for styling and structured data, no icon is loaded.
    "NETWORK_CHANNELS": [],
    # Slug of the page that lists the channels under its text ("" for none);
    # the footer of every page lists them anyway.
    "NETWORK_CHANNELS_PAGE": "ueber-uns",
}

CHANNEL_KINDS = (
    "mastodon",
    "newsletter",
    "linkedin",
    "blog",
    "podcast",
    "video",
    "website",
)


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
