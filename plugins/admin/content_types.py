"""The content types the forms are generated from: the one adapter to the field registry.

The fields of each kind of content are defined once, in the content model
(``content_errors.fields``: one ``Field`` type; members and podcast register
theirs from their ``fields.py`` when imported, posts and pages are Pelican's
keys), placed in the folders this build's settings name. This adapter reads
them; the Decap configuration reads nothing else.
"""

from __future__ import annotations

import contextlib
import importlib
from dataclasses import dataclass, replace

from knotenpunkt.plugins.content_errors.fields import (
    POST_FIELDS,
    Field,
    place_content_types,
    plugin_names,
    register_pelican_defaults,
    registered,
)

#: Pelican's own keys with their kind (Date is a date, Slug a slug …), for
#: plugins that define such a key again as plain text
PELICAN_KEYS = {spec.name.lower(): spec for spec in POST_FIELDS if spec.kind != "text"}


@dataclass(frozen=True)
class ContentType:
    folder: str  # below the content folder, e.g. "members"
    label: str  # singular, German message id, e.g. "Mitgliederprofil"
    fields: tuple[Field, ...]


def content_types(settings) -> list[ContentType]:
    """Every kind of content of this site with its fields, in the order of ``PLUGINS``.

    Only the plugins of this build: a ``fields`` module another build (or a
    test) imported earlier in this process adds no form, so the configuration
    is the same as a fresh process would write.
    """
    plugins = plugin_names(settings)
    for name in plugins:
        with contextlib.suppress(ImportError):  # plugins register their fields on import
            importlib.import_module(f"{name}.fields")
    place_content_types(settings)
    register_pelican_defaults(
        settings.get("ARTICLE_PATHS", []),
        settings.get("PAGE_PATHS", []),
        settings.get("CONTENT_EXTRA_FIELDS", {}),
    )
    types = []
    for folder, field_set in registered().items():
        if field_set.plugin is not None and field_set.plugin not in plugins:
            continue
        fields = tuple(completed(folder, spec) for spec in field_set.fields.values())
        types.append(ContentType(folder, field_set.label, fields))
    return types


def completed(folder: str, spec: Field) -> Field:
    """A field as the forms need it: a reference names the kind it refers to."""
    key = spec.name.lower()
    if spec.kind == "reference" and spec.references:
        return replace(spec, kind=spec.references)
    pelican = PELICAN_KEYS.get(key)
    if pelican and spec.kind == "text" and not spec.choices:
        return replace(spec, kind=pelican.kind, choices=pelican.choices)
    return spec
