"""Two files that would end up at the same address.

Pelican only logs a warning when two posts share a slug and then fails while
writing (or silently keeps one). Slugs are made from titles, so ``Müller``
and ``Muller`` collide although the files look different to a member. This
check looks at everything every generator has read and names both files.
"""

from __future__ import annotations

from collections import defaultdict

from .errors import ContentError, current, report
from .i18n import _
from .metadata import held_objects
from .newest import oldest_first
from .report import display_path


def _addressed(generators) -> list:
    """Everything any generator holds that has a source file and an output address
    (static files included: they can take a page's address too)."""
    return held_objects(
        generators,
        lambda item: hasattr(item, "source_path") and getattr(item, "save_as", None),
    )


def check_unique_addresses(generators) -> None:
    content_root = generators[0].settings["PATH"] if generators else None
    by_address: dict[str, set[str]] = defaultdict(set)
    for item in _addressed(generators):
        by_address[item.save_as].add(item.source_path)
    for address, sources in sorted(by_address.items()):
        if len(sources) < 2:
            continue
        if any(
            current().has_error(source, field)
            for source in sources
            for field in ("Slug", "Save_as", "Url")
        ):
            continue  # the plugin that owns these files said it already
        ordered, why = oldest_first(sorted(sources))
        url = address.removesuffix("index.html")
        keeper = display_path(ordered[0], content_root)
        for source in ordered[1:]:  # the oldest file keeps its address
            report(
                ContentError(
                    source,
                    "Slug",
                    _(
                        "Diese Datei und „{others}“ ergeben dieselbe Adresse „{url}“ "
                        "(der Slug wird aus dem Titel gebildet, Umlaute und Akzente fallen weg)."
                    ).format(others=keeper, url=url),
                    _(
                        "Geben Sie dieser Datei eine eigene Zeile „Slug: …“, z. B. mit "
                        "Vornamen oder Jahr; sie ist die neuere ({why})."
                    ).format(why=why),
                )
            )
