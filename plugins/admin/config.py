"""The Decap CMS configuration, generated from the content types (never written by hand).

One collection per content folder, one widget per field, chosen by the
field's kind: a select for closed choices, a multi-select of the competences
in ``content/competences/`` or of the members, an image or file widget that
uploads into the folder the field's example names (``images/members/``,
``audio/``), a date-time widget, a hidden ``Guid`` (written once, by
``knotenpunkt-admin.js``). The field's German help text is the hint.

Files are Pelican's ``Key: value`` Markdown, which no Decap format reads:
each collection uses a custom format ``knotenpunkt-<folder>`` that
``static/knotenpunkt-admin.js`` registers from :func:`format_specs` (which
fields are lists, the order of keys).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from knotenpunkt.plugins.content_errors.fields import Field
from knotenpunkt.plugins.content_errors.header import decode, parse_header
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.i18n.slugs import german_slug

from .content_types import ContentType
from .labels import label_for
from .settings import setting

#: Decap's `format` for date-time fields: what Pelican and our date check read
DATE_FORMAT = "YYYY-MM-DD HH:mm"
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
#: fields written by knotenpunkt-admin.js, not by people
GENERATED = {"guid": "uuid", "uid": "uuid"}  # episodes' Guid, dates' Uid
#: where uploads go when a field's example names no folder
DEFAULT_MEDIA = {"image": "images", "audio": "audio", "file": "audio"}


def vocabulary(folder: Path, settings=None) -> list[dict[str, str]]:
    """``[{"label": Title, "value": slug}]`` of the Markdown files in ``folder``.

    The slug is the file's ``Slug:`` or its file name, as the members plugin
    reads it; unreadable files are left to the checks to report.
    """
    options = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if path.is_symlink():  # never read outside content/ (the checks report it)
            continue
        try:
            header = parse_header(decode(path.read_bytes()).splitlines())
        except (OSError, UnicodeDecodeError):
            continue
        slug_line, title_line = header.first("Slug"), header.first("Title")
        slug = german_slug(slug_line.value, settings) if slug_line else path.stem
        title = title_line.value if title_line and title_line.value else slug
        options.append({"label": title, "value": slug})
    return sorted(options, key=lambda option: option["label"].casefold())


def media_folder(spec: Field) -> str:
    """The folder below content/ an upload for this field goes to (from its example)."""
    folder = posixpath.dirname(spec.example.strip()) if "/" in spec.example else ""
    return folder or DEFAULT_MEDIA.get(spec.kind, "images")


def widget(folder: str, spec: Field, options: dict[str, list], content_path: str) -> dict:
    """The Decap field for one of our fields."""
    config: dict = {
        "name": spec.name,
        "label": _(label_for(folder, spec.name)),
        "required": bool(spec.required),
    }
    if spec.explanation:
        config["hint"] = _(spec.explanation)
    kind = spec.kind
    if spec.name.lower() in GENERATED:
        return {"name": spec.name, "label": config["label"], "widget": "hidden", "required": False}
    if kind in ("competence", "member", "group"):
        config.update(widget="select", options=options[kind], multiple=bool(spec.multiple))
        if spec.required and spec.multiple:
            config["min"] = 1
    elif spec.choices:
        config.update(widget="select", options=list(spec.choices), multiple=bool(spec.multiple))
    elif kind in ("image", "audio", "file"):
        where = media_folder(spec)
        config.update(
            widget="image" if kind == "image" else "file",
            media_folder=f"/{content_path}/{where}",
            public_folder=where,
            choose_url=False,
        )
    elif kind == "date":
        config.update(
            widget="datetime",
            format=DATE_FORMAT,
            date_format="DD.MM.YYYY",
            time_format="HH:mm",
        )
        if spec.required:
            config["default"] = "{{now}}"
    elif spec.multiple or kind == "list":
        config.update(widget="list")
    elif kind == "slug" or spec.name.lower() == "slug":
        config.update(
            widget="string",
            pattern=[SLUG_PATTERN, _("Nur Kleinbuchstaben, Ziffern und Bindestriche.")],
        )
    elif kind == "url":
        config.update(
            widget="string",
            pattern=[r"^https?://\S+$", _("Bitte mit https:// oder http:// beginnen.")],
        )
    elif kind == "email":
        config.update(
            widget="string",
            pattern=[r"^[^@\s]+@[^@\s]+\.[^@\s]+$", _("Bitte eine E-Mail-Adresse angeben.")],
        )
    else:
        config["widget"] = "string"
    return config


def body_widget() -> dict:
    return {
        "name": "body",
        "label": _("Text"),
        "widget": "markdown",
        "required": False,
        "hint": _("Der Text der Seite, in Markdown: Absätze, Überschriften, Listen, Links."),
    }


def shown_fields(content_type: ContentType, settings) -> list[Field]:
    omitted = {name.lower() for name in setting(settings, "ADMIN_OMIT_FIELDS")}
    return [spec for spec in content_type.fields if spec.name.lower() not in omitted]


def collection(content_type: ContentType, settings, options: dict[str, list]) -> dict:
    content_path = setting(settings, "ADMIN_REPOSITORY_CONTENT_PATH").strip("/")
    fields = shown_fields(content_type, settings)
    names = {spec.name.lower() for spec in fields}
    singular = _(content_type.label)
    plural = setting(settings, "ADMIN_COLLECTION_LABELS").get(content_type.folder)
    return {
        "name": collection_name(content_type.folder),
        "label": _(plural) if plural else singular,
        "label_singular": singular,
        "folder": f"{content_path}/{content_type.folder}",
        "create": True,
        "extension": "md",
        "format": format_name(content_type.folder),
        "identifier_field": "Title",
        # knotenpunkt-admin.js writes the German slug into Slug: before saving a new file
        "slug": "{{fields.Slug}}" if "slug" in names else "{{slug}}",
        "summary": "{{Title}}",
        "sortable_fields": ["Title"],
        # the form alone, full width: the site's own preview is `make serve`
        "editor": {"preview": False},
        "fields": [
            *(widget(content_type.folder, spec, options, content_path) for spec in fields),
            body_widget(),
        ],
    }


def collection_name(folder: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", folder.lower()).strip("-") or "inhalt"


def format_name(folder: str) -> str:
    return "knotenpunkt-" + collection_name(folder)


def ordered(types: list[ContentType], settings) -> list[ContentType]:
    preferred = list(setting(settings, "ADMIN_COLLECTION_LABELS"))
    return sorted(
        types,
        key=lambda t: preferred.index(t.folder) if t.folder in preferred else len(preferred),
    )


def reference_options(settings) -> dict[str, list]:
    """The values of reference fields, read from the content folders."""
    content = Path(settings["PATH"])
    from knotenpunkt.plugins.members.settings import DEFAULTS as MEMBERS

    def first_folder(name: str) -> Path:
        return content / settings.get(name, MEMBERS[name])[0]

    groups = settings.get("GROUPS_PATHS") or ["groups"]
    return {
        "competence": vocabulary(first_folder("COMPETENCES_PATHS"), settings),
        "member": vocabulary(first_folder("MEMBERS_PATHS"), settings),
        "group": vocabulary(content / groups[0], settings),
    }


def format_specs(types: list[ContentType], settings) -> dict[str, dict]:
    """What knotenpunkt-admin.js needs to read and write each collection's files."""
    specs = {}
    for content_type in types:
        specs[format_name(content_type.folder)] = {
            "collection": collection_name(content_type.folder),
            "keys": [spec.name for spec in content_type.fields],
            "lists": [
                spec.name for spec in content_type.fields if spec.multiple or spec.kind == "list"
            ],
            "generated": {
                spec.name: GENERATED[spec.name.lower()]
                for spec in content_type.fields
                if spec.name.lower() in GENERATED
            },
            "slug": next(
                (spec.name for spec in content_type.fields if spec.name.lower() == "slug"), None
            ),
        }
    return specs


def backend(settings) -> tuple[dict, dict | bool | None]:
    """Decap's ``backend`` and ``local_backend``: only what the network configured.

    Without a configured git host the development build talks to
    ``decap-server`` directly (Decap's ``proxy`` backend), and a production
    build has no backend (the page says so instead of loading Decap).
    """
    configured = dict(setting(settings, "ADMIN_BACKEND") or {})
    local = setting(settings, "ADMIN_LOCAL_BACKEND")
    if local is None:
        local = not settings.get("CONTENT_PRODUCTION", False)
    local_url = setting(settings, "ADMIN_LOCAL_BACKEND_URL")
    if not configured:
        if not local:
            return {}, None
        return {"name": "proxy", "proxy_url": local_url, "branch": "main"}, None
    return configured, ({"url": local_url} if local else None)


def decap_config(settings, types: list[ContentType]) -> dict:
    backend_block, local = backend(settings)
    content_path = setting(settings, "ADMIN_REPOSITORY_CONTENT_PATH").strip("/")
    options = reference_options(settings)
    config = {
        "backend": backend_block,
        # decap-server on its own (no git host configured) only saves directly
        "publish_mode": setting(settings, "ADMIN_PUBLISH_MODE")
        if backend_block.get("name") != "proxy"
        else "simple",
        "locale": locale(settings),
        "media_folder": f"{content_path}/images",
        # Markdown images inside a text: Pelican resolves {static} to the file
        "public_folder": "{static}/images",
        "site_url": settings.get("SITEURL") or None,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection(t, settings, options) for t in ordered(types, settings)],
    }
    if local:
        config["local_backend"] = local
    return {key: value for key, value in config.items() if value is not None}


def locale(settings) -> str:
    """Decap's interface language: the site's (Decap ships German)."""
    return str(settings.get("DEFAULT_LANG", "de")).split("-")[0].split("_")[0] or "de"
