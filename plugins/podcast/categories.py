"""Apple Podcasts categories (the list in force since 2019) and their check.

feedgen's built-in list is the outdated pre-2019 one, so it is not used.
"""

from __future__ import annotations

from knotenpunkt.plugins.content_errors import ContentError, suggest
from knotenpunkt.plugins.content_errors.i18n import _

APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": (
        "Careers",
        "Entrepreneurship",
        "Investing",
        "Management",
        "Marketing",
        "Non-Profit",
    ),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": (
        "Alternative Health",
        "Fitness",
        "Medicine",
        "Mental Health",
        "Nutrition",
        "Sexuality",
    ),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": (
        "Animation & Manga",
        "Automotive",
        "Aviation",
        "Crafts",
        "Games",
        "Hobbies",
        "Home & Garden",
        "Video Games",
    ),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": (
        "Business News",
        "Daily News",
        "Entertainment News",
        "News Commentary",
        "Politics",
        "Sports News",
        "Tech News",
    ),
    "Religion & Spirituality": (
        "Buddhism",
        "Christianity",
        "Hinduism",
        "Islam",
        "Judaism",
        "Religion",
        "Spirituality",
    ),
    "Science": (
        "Astronomy",
        "Chemistry",
        "Earth Sciences",
        "Life Sciences",
        "Mathematics",
        "Natural Sciences",
        "Nature",
        "Physics",
        "Social Sciences",
    ),
    "Society & Culture": (
        "Documentary",
        "Personal Journals",
        "Philosophy",
        "Places & Travel",
        "Relationships",
    ),
    "Sports": (
        "Baseball",
        "Basketball",
        "Cricket",
        "Fantasy Sports",
        "Football",
        "Golf",
        "Hockey",
        "Rugby",
        "Running",
        "Soccer",
        "Swimming",
        "Tennis",
        "Volleyball",
        "Wilderness",
        "Wrestling",
    ),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}


def check_category(category: str | None, subcategory: str | None, source: str) -> list:
    """Problems with the configured category; an empty list when Apple knows it."""
    if not category or category not in APPLE_CATEGORIES:
        nearest = suggest(category or "", APPLE_CATEGORIES)
        hint = _("Wählen Sie eine Kategorie aus Apples Liste, z. B. „Education“.")
        if nearest:
            hint = _("Meinten Sie „{value}“? ").format(value=nearest) + hint
        return [
            ContentError(
                source,
                "PODCAST_CATEGORY",
                _("„{value}“ ist keine Kategorie von Apple Podcasts.").format(value=category or ""),
                hint,
            )
        ]
    if subcategory and subcategory not in APPLE_CATEGORIES[category]:
        choices = APPLE_CATEGORIES[category]
        nearest = suggest(subcategory, choices)
        if choices:
            hint = _("Erlaubt sind unter „{category}“: {choices}.").format(
                category=category, choices=", ".join(choices)
            )
        else:
            hint = _(
                "„{category}“ hat keine Unterkategorien; lassen Sie PODCAST_SUBCATEGORY leer."
            ).format(category=category)
        if nearest:
            hint = _("Meinten Sie „{value}“? ").format(value=nearest) + hint
        return [
            ContentError(
                source,
                "PODCAST_SUBCATEGORY",
                _("„{value}“ ist keine Unterkategorie von „{category}“.").format(
                    value=subcategory, category=category
                ),
                hint,
            )
        ]
    return []
