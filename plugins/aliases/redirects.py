"""Which old address leads where: read from the content objects, checked per file."""

from __future__ import annotations

from dataclasses import dataclass

from knotenpunkt.plugins.content_errors import ContentError, report
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.metadata import content_objects
from knotenpunkt.plugins.content_errors.values import check_alias, normal_alias, split_values

#: statuses whose pages are published (a draft's old address must not lead to it)
PUBLISHED = ("published", "hidden")


@dataclass(frozen=True)
class Alias:
    content: object
    #: ``podcast/alte-folge/``: no leading slash, one trailing slash
    path: str


def written_aliases(item) -> list[str]:
    """The ``Aliases`` values of one content object, as written (list or comma text)."""
    value = (getattr(item, "metadata", None) or {}).get("aliases")
    if value is None:
        return []
    values = value if isinstance(value, list | tuple) else [value]
    return [part for text in values for part in split_values(str(text))]


def own_path(item) -> str:
    return normal_alias(str(getattr(item, "url", "") or ""))


def aliases_of(item) -> list[Alias]:
    """The checked old addresses of one content object; each problem is reported."""
    found: list[Alias] = []
    seen: set[str] = set()
    for value in written_aliases(item):
        problem = check_alias(value)
        if problem:
            report(ContentError(item.source_path, "Aliases", problem.message, problem.hint))
            continue
        path = normal_alias(value)
        if path == own_path(item):
            report(
                ContentError(
                    item.source_path,
                    "Aliases",
                    _("„{value}“ ist die jetzige Adresse dieser Seite, keine alte.").format(
                        value=value
                    ),
                    _("Löschen Sie „{value}“ aus „Aliases:“.").format(value=value),
                )
            )
            continue
        if path not in seen:
            seen.add(path)
            found.append(Alias(item, path))
    return found


def collect_aliases(generators) -> list[Alias]:
    """Every old address of every published content object, in a stable order."""
    items = [
        item
        for item in content_objects(generators)
        if getattr(item, "status", "published") in PUBLISHED and getattr(item, "save_as", None)
    ]
    items.sort(key=lambda item: str(item.source_path))
    return [alias for item in items for alias in aliases_of(item)]
