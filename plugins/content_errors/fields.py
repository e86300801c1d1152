"""Which metadata keys each kind of content knows: the registry the checks read.

Every content folder (``blog``, ``pages``, ``members``, ``podcast`` …) has a
set of known fields. Posts and pages know Pelican's own keys (defined below,
once); plugins that add a kind of content register theirs from their own
``fields.py`` with :func:`register_known_fields`, so the raw-file checks
(``lint.py``), the scaffolding (``make member`` …) and the generated field
reference in ``docs/mitmachen.md`` all read the same definitions.

A field is described by a :class:`Field`. Plugins may pass their own field
objects instead: anything with a ``name`` attribute works, and the optional
attributes ``required``, ``multiple`` (a comma-separated list), ``kind``
(``text``, ``list``, ``date``, ``image``, ``audio``, ``file``, ``url``,
``email``, ``number``, ``choice`` …), ``help``, ``example``, ``choices``,
``recommended`` and ``max_length`` are read when present.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .i18n import _

#: kinds whose value names a file below the content folder
PATH_KINDS = frozenset({"image", "audio", "file"})


@dataclass(frozen=True)
class Field:
    """One metadata key of one kind of content."""

    name: str
    required: bool = False
    multiple: bool = False
    kind: str = "text"
    help: str = ""
    example: str = ""
    choices: tuple[str, ...] = field(default=())
    #: optional, but a warning when missing (e.g. a member's photo)
    recommended: bool = False
    #: longer values are cut in overviews: a warning
    max_length: int | None = None

    @property
    def is_path(self) -> bool:
        return self.kind in PATH_KINDS


@dataclass
class FieldSet:
    """The known fields of one content folder."""

    folder: str
    label: str
    fields: dict[str, Field]
    #: a closed set: any other key is an error (members, episodes); an open
    #: set (posts, pages) only warns about keys nobody reads
    closed: bool = True

    def get(self, name: str) -> Field | None:
        return self.fields.get(name.lower())

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields.values()]


def as_field(thing) -> Field:
    """A :class:`Field` from a plugin's own field object (duck-typed) or a name."""
    if isinstance(thing, Field):
        return thing
    if isinstance(thing, str):
        return Field(thing)
    multiple = bool(
        getattr(thing, "multiple", False)
        or getattr(thing, "is_list", False)
        or getattr(thing, "kind", "") == "list"
    )
    choices = getattr(thing, "choices", None) or getattr(thing, "values", None) or ()
    help_text = str(getattr(thing, "help", None) or getattr(thing, "description", None) or "")
    allowed = getattr(thing, "allowed", None)
    if allowed and isinstance(allowed, str):
        help_text = f"{help_text} Erlaubt: {allowed}.".strip()
    example = str(getattr(thing, "example", None) or "")
    if example.lower().startswith(thing.name.lower() + ":"):
        example = example[len(thing.name) + 1 :].strip()  # "Audio: x.mp3" → "x.mp3"
    return Field(
        name=thing.name,
        required=bool(getattr(thing, "required", False)),
        multiple=multiple,
        kind=str(getattr(thing, "kind", None) or ("list" if multiple else "text")),
        help=help_text,
        example=example,
        choices=tuple(str(c) for c in choices) if not callable(choices) else (),
        recommended=bool(getattr(thing, "recommended", False)),
        max_length=getattr(thing, "max_length", None),
    )


_registry: dict[str, FieldSet] = {}

#: The kind of well-known keys whatever plugin declares them, so that every
#: content type gets the same value checks (content_errors.values).
NAME_KINDS = {
    "slug": "slug",
    "lang": "lang",
    "category": "label",
    "tags": "label",
    "author": "member",
    "authors": "member",
}


def register_known_fields(
    folder: str,
    fields: Iterable,
    *,
    label: str | None = None,
    closed: bool = True,
    kinds: dict[str, str] | None = None,
    recommended: Iterable[str] = (),
    pelican_keys: str | None = None,
    folders_setting: str | None = None,
) -> FieldSet:
    """Declare the metadata keys of the content in ``content/<folder>/``.

    Called by plugins at import or ``register()`` time, e.g.
    ``register_known_fields("members", FIELDS, label="Mitgliederprofil",
    kinds={"Photo": "image"}, recommended=["Photo"])``. ``kinds`` and
    ``recommended`` add what a plugin's own field objects do not say;
    ``pelican_keys="article"`` (or ``"page"``) adds Pelican's own keys (Slug,
    Category, Status …) that the plugin does not define itself.
    Registering a folder again replaces its definition.

    ``folders_setting`` names the setting that moves this kind of content
    (e.g. ``"MEMBERS_PATHS"``): ``folder`` is then only its default, and
    :func:`place_content_types` puts the fields where the build's settings say.
    """
    kinds = {**NAME_KINDS, **{k.lower(): v for k, v in (kinds or {}).items()}}
    wanted = {r.lower() for r in recommended}
    converted = []
    for thing in fields:
        spec = as_field(thing)
        changes = {}
        if spec.name.lower() in kinds and (
            spec.name.lower() not in NAME_KINDS or spec.kind in ("text", "list")
        ):
            changes["kind"] = kinds[spec.name.lower()]
        if spec.name.lower() in wanted:
            changes["recommended"] = True
        converted.append(replace(spec, **changes) if changes else spec)
    if pelican_keys:
        own = {f.name.lower() for f in converted}
        base = POST_FIELDS if pelican_keys == "article" else PAGE_FIELDS
        converted += [f for f in base if f.name.lower() not in own]
    field_set = FieldSet(
        folder=folder.strip("/"),
        label=label or folder,
        fields={f.name.lower(): f for f in converted},
        closed=closed,
    )
    _registry[field_set.folder] = field_set
    _content_types[folders_setting or field_set.folder] = (field_set, folders_setting)
    return field_set


#: every registered kind of content: key → (its fields, the setting naming its folders)
_content_types: dict[str, tuple[FieldSet, str | None]] = {}


def place_content_types(settings) -> None:
    """Put every kind of content in the folders this build's settings name.

    Plugins register their fields at import time, before any settings are
    read; so ``MEMBERS_PATHS = ["profile"]`` only takes effect here, once per
    build (the raw-file checks and the scaffolding call it).
    """
    _registry.clear()
    for field_set, folders_setting in _content_types.values():
        folders = [field_set.folder]
        if folders_setting and settings.get(folders_setting) is not None:
            value = settings[folders_setting]
            folders = [value] if isinstance(value, str) else list(value)
        for folder in folders:
            folder = str(folder).strip("/")
            _registry[folder] = replace(field_set, folder=folder)


_defaults: dict[str, FieldSet] = {}


def known_fields(folder: str) -> FieldSet | None:
    """The fields of ``content/<folder>/``: a plugin's registration, else Pelican's."""
    folder = folder.strip("/")
    return _registry.get(folder) or _defaults.get(folder)


def registered() -> dict[str, FieldSet]:
    """Every folder's fields known in this build, plugin registrations first."""
    return {**_defaults, **_registry}


# --- Pelican's own keys, with the meaning members need ---------------------

_COMMON = [
    Field(
        "Title",
        required=True,
        help=_("Die Überschrift, wie sie auf der Website erscheint."),
        example="Unser Fachtag Inklusion 2026",
    ),
    Field(
        "Slug",
        kind="slug",
        help=_(
            "Der letzte Teil der Adresse (nur Kleinbuchstaben, Ziffern und Bindestriche). "
            "Ohne Angabe wird er aus dem Titel gebildet."
        ),
        example="fachtag-inklusion-2026",
    ),
    Field(
        "Summary",
        help=_("Ein bis zwei Sätze für Übersichten und Vorschauen."),
        example="Am 12. Juni laden wir zum Fachtag ins Bürgerhaus ein.",
    ),
    Field(
        "Status",
        kind="choice",
        choices=("published", "draft", "hidden"),
        help=_(
            "„published“ (sichtbar, Standard), „draft“ (Entwurf, wird nicht veröffentlicht) "
            "oder „hidden“ (erreichbar, aber nicht verlinkt)."
        ),
        example="published",
    ),
    Field(
        "Modified",
        kind="date",
        help=_("Datum der letzten wichtigen Änderung, z. B. 2026-03-05 oder 5.3.2026."),
        example="2026-03-05",
    ),
    Field("Lang", kind="lang", help=_("Sprache, falls nicht Deutsch (z. B. „en“)."), example="en"),
    Field("Translation", help=_("„true“, wenn dies die Übersetzung einer anderen Seite ist.")),
    Field(
        "Template",
        help=_(
            "Nur wenn die Betreuer:innen der Website es erlauben: eine andere Vorlage des Themes."
        ),
    ),
    Field(
        "Save_as",
        help=_("Nur wenn die Betreuer:innen der Website es erlauben: ein anderer Speicherort."),
    ),
    Field(
        "Url",
        help=_("Nur wenn die Betreuer:innen der Website es erlauben: eine andere Adresse."),
    ),
]

POST_FIELDS = [
    _COMMON[0],
    Field(
        "Date",
        required=True,
        kind="date",
        help=_("Datum (und Uhrzeit) des Beitrags: 2026-03-01, 2026-03-01 10:00 oder 1.3.2026."),
        example="2026-03-01 10:00",
    ),
    Field(
        "Author",
        kind="member",
        help=_("Wer den Beitrag geschrieben hat: der Slug Ihres Mitgliederprofils."),
        example="anna-beispiel",
    ),
    Field(
        "Authors",
        multiple=True,
        kind="member",
        help=_("Mehrere Autorinnen und Autoren, mit Komma getrennt."),
        example="anna-beispiel, miriam-kowalski",
    ),
    Field(
        "Category",
        kind="label",
        help=_("Eine Rubrik, z. B. „Netzwerk“ oder „Veranstaltungen“."),
        example="Veranstaltungen",
    ),
    Field(
        "Tags",
        multiple=True,
        kind="label",
        help=_("Schlagwörter, mit Komma getrennt."),
        example="Inklusion, Fachtag",
    ),
    *_COMMON[1:],
]

PAGE_FIELDS = [_COMMON[0], *_COMMON[1:]]

#: German (and other common) words members write for a key → the real key
ALIASES = {
    "titel": "Title",
    "überschrift": "Title",
    "datum": "Date",
    "autor": "Author",
    "autorin": "Author",
    "autoren": "Authors",
    "autorinnen": "Authors",
    "kategorie": "Category",
    "rubrik": "Category",
    "schlagworte": "Tags",
    "schlagwörter": "Tags",
    "stichworte": "Tags",
    "zusammenfassung": "Summary",
    "kurzbeschreibung": "Summary",
    "geändert": "Modified",
    "sprache": "Lang",
    "kompetenzen": "Competences",
    "kompetenz": "Competences",
    "competence": "Competences",
    "art": "Kind",
    "typ": "Kind",
    "formate": "Formats",
    "format": "Formats",
    "rollen": "Roles",
    "rolle": "Roles",
    "foto": "Photo",
    "bild": "Photo",
    "e-mail": "Email",
    "mail": "Email",
    "webseite": "Website",
    "homepage": "Website",
    "folge": "Episode",
    "staffel": "Season",
    "gäste": "Guests",
    "gast": "Guests",
    "moderation": "Hosts",
    "kapitel": "Chapters",
    "transkript": "Transcript",
    "titelbild": "Image",
}


def register_pelican_defaults(
    article_paths: Iterable[str], page_paths: Iterable[str], extra: dict | None = None
) -> None:
    """Posts and pages know Pelican's keys unless a plugin registered the folder.

    ``extra`` (the ``CONTENT_EXTRA_FIELDS`` setting) adds keys per folder.
    """
    extra = extra or {}
    _defaults.clear()
    for folders, fields, label in (
        (article_paths, POST_FIELDS, _("Blogbeitrag")),
        (page_paths, PAGE_FIELDS, _("Seite")),
    ):
        for folder in folders:
            folder = folder.strip("/")
            all_fields = [*fields, *(as_field(f) for f in extra.get(folder, ()))]
            _defaults[folder] = FieldSet(
                folder, label, {f.name.lower(): f for f in all_fields}, closed=False
            )
