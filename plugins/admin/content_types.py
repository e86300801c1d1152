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

from content_errors.fields import Field, register_pelican_defaults, registered

#: what the registry does not say yet: fields whose values name other content
#: (folder, field) → the kind of content they refer to
REFERENCES = {("members", "competences"): "competence"}


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
        fields = tuple(
            replace(spec, kind=REFERENCES[(folder, spec.name.lower())])
            if (folder, spec.name.lower()) in REFERENCES
            else spec
            for spec in field_set.fields.values()
        )
        types.append(ContentType(folder, field_set.label, fields))
    return types
