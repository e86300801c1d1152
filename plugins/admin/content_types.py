"""The content types the forms are generated from: the one adapter to the field registry.

Today the fields of each content folder live in ``content_errors.fields``
(``registered()``), filled when the members and podcast plugins are imported
and, for posts and pages, by ``register_pelican_defaults``. When the content
model gets one ``ContentType`` definition per kind of content, only
:func:`content_types` changes; the Decap configuration reads nothing else.
"""

from __future__ import annotations

import contextlib
import importlib
from dataclasses import dataclass, replace

from content_errors.fields import POST_FIELDS, Field, register_pelican_defaults, registered

#: what the registry does not say yet: fields whose values name other content
#: (folder, field) → the kind of content they refer to
REFERENCES = {("members", "competences"): "competence"}
#: Pelican's own keys with their kind (Date is a date, Slug a slug …), for
#: plugins that define such a key again as plain text
PELICAN_KEYS = {spec.name.lower(): spec for spec in POST_FIELDS if spec.kind != "text"}


@dataclass(frozen=True)
class ContentType:
    folder: str  # below the content folder, e.g. "members"
    label: str  # singular, German message id, e.g. "Mitgliederprofil"
    fields: tuple[Field, ...]


def content_types(settings) -> list[ContentType]:
    """Every kind of content of this site with its fields, in registration order."""
    for plugin in settings.get("PLUGINS") or []:
        name = plugin if isinstance(plugin, str) else plugin.__name__
        with contextlib.suppress(ImportError):  # plugins register their fields on import
            importlib.import_module(f"{name}.fields")
    register_pelican_defaults(
        settings.get("ARTICLE_PATHS", []),
        settings.get("PAGE_PATHS", []),
        settings.get("CONTENT_EXTRA_FIELDS", {}),
    )
    types = []
    for folder, field_set in registered().items():
        fields = tuple(completed(folder, spec) for spec in field_set.fields.values())
        types.append(ContentType(folder, field_set.label, fields))
    return types


def completed(folder: str, spec: Field) -> Field:
    """A field with the kind the registry does not record yet."""
    key = spec.name.lower()
    if (folder, key) in REFERENCES:
        return replace(spec, kind=REFERENCES[(folder, key)])
    pelican = PELICAN_KEYS.get(key)
    if pelican and spec.kind == "text" and not spec.choices:
        return replace(spec, kind=pelican.kind, choices=pelican.choices)
    return spec
