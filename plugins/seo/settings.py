"""Settings of the seo plugin and their defaults."""

from knotenpunkt.plugins.content_errors import config

DEFAULTS = {
    # Write sitemap.xml and robots.txt into the output folder.
    "SEO_SITEMAP": True,
    "SEO_ROBOTS": True,
    # Output files never listed in the sitemap (paths relative to output/;
    # an entry ending in "/" leaves out a whole folder, e.g. the editing
    # interface at admin/).
    "SEO_SITEMAP_EXCLUDE": ["404.html", "admin/"],
    # Image for Open Graph previews of pages without an image of their own,
    # relative to the site root.
    "SEO_DEFAULT_IMAGE": "theme/img/og-default.png",
    # Extra properties for the network's schema.org Organization (home page),
    # e.g. {"sameAs": ["https://social.example/@netzwerk"]}.
    "SEO_ORGANIZATION": {},
}


def setting(settings, name: str):
    """One setting of this plugin, with its documented default (the one accessor)."""
    return config.setting(settings, DEFAULTS, name)
