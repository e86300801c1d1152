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

from .errors import ContentError
from .i18n import _

#: kinds whose value names a file below the content folder
PATH_KINDS = frozenset({"image", "audio", "file"})


@dataclass(frozen=True)
class Field:
    """One metadata key of one kind of content: the only field type of the project.

    Every reader of the content model uses it: the raw-file checks
    (``lint.py``), the generators (:meth:`clean`), ``make check``, the
    scaffolding, the field reference in ``docs/mitmachen.md`` and the CMS
    configuration. ``help`` and ``allowed`` are German message ids.
    """

    name: str
    required: bool = False
    multiple: bool = False
    #: text, list, date, email, url, image, audio, file, choice, slug, lang,
    #: label, member (a reference to a member profile), person (a member slug or a
    #: free name), reference (to another content type), number
    kind: str = "text"
    help: str = ""
    example: str = ""
    choices: tuple[str, ...] = field(default=())
    #: optional, but a warning when missing (e.g. a member's photo)
    recommended: bool = False
    #: longer values are cut in overviews: a warning
    max_length: int | None = None
    #: German (and other) words members write instead of ``name``
    aliases: tuple[str, ...] = field(default=())
    #: the allowed values in words, where there is no closed list of choices
    allowed: str = ""
    #: for ``kind="reference"``: the kind of content the values name (e.g. "competence")
    references: str = ""

    @property
    def is_path(self) -> bool:
        return self.kind in PATH_KINDS

    @property
    def key(self) -> str:
        """The metadata key Pelican stores the value under (lower case)."""
        return self.name.lower()

    @property
    def example_line(self) -> str:
        """``Name: example``, the line a hint asks a member to write."""
        return f"{self.name}: {self.example}"

    @property
    def values(self) -> tuple[str, ...]:
        """The closed list of allowed values (same as ``choices``)."""
        return self.choices

    @property
    def explanation(self) -> str:
        """The help text with the allowed values in words, for guides and templates."""
        return f"{self.help} Erlaubt: {self.allowed}.".strip() if self.allowed else self.help

    def missing(self, source: str, message: str | None = None) -> ContentError:
        """The one "required field missing" problem of the project."""
        from .cleaning import missing_field

        return missing_field(self, source, message)

    def clean(self, raw, source: str):
        """The raw header value as a value, and the problems found (Django-style).

        Closed choices, e-mail addresses and web addresses are checked here,
        by the one function of :mod:`cleaning` for each; a list field gives a
        list, an empty optional field ``None``.
        """
        from .cleaning import clean_value

        return clean_value(self, raw, source)


@dataclass
class FieldSet:
    """The known fields of one content folder."""

    folder: str
    label: str
    fields: dict[str, Field]
    #: a closed set: any other key is an error (members, episodes); an open
    #: set (posts, pages) only warns about keys nobody reads
    closed: bool = True
    #: the plugin module that registered it, as ``PLUGINS`` names it (None:
    #: Pelican's own posts and pages, or not said)
    plugin: str | None = None

    def get(self, name: str) -> Field | None:
        return self.fields.get(name.lower())

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields.values()]


def as_field(thing) -> Field:
    """A :class:`Field` from a field or a bare name (``CONTENT_EXTRA_FIELDS``)."""
    if isinstance(thing, Field):
        return thing
    return Field(str(thing))


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
    plugin: str | None = None,
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

    ``plugin`` names the plugin the content type belongs to (its module, as
    ``PLUGINS`` lists it, e.g. ``__package__``): a build orders the types by its
    ``PLUGINS``, never by the order in which this process happened to import
    the ``fields`` modules (a test suite imports them in any order).
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
    own = {f.name.lower() for f in converted}
    converted += [f for f in SHARED_FIELDS if f.key not in own]
    field_set = FieldSet(
        folder=folder.strip("/"),
        label=label or folder,
        fields={f.name.lower(): f for f in converted},
        closed=closed,
        plugin=plugin,
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
    build (the raw-file checks and the scaffolding call it). The order is the
    build's ``PLUGINS`` order (types of unlisted plugins last, as registered),
    so the same settings give the same order in any process.
    """
    _registry.clear()
    plugins = plugin_names(settings)

    def position(entry: tuple[FieldSet, str | None]) -> int:
        plugin = entry[0].plugin
        return plugins.index(plugin) if plugin in plugins else len(plugins)

    for field_set, folders_setting in sorted(_content_types.values(), key=position):
        folders = [field_set.folder]
        if folders_setting and settings.get(folders_setting) is not None:
            value = settings[folders_setting]
            folders = [value] if isinstance(value, str) else list(value)
        for folder in folders:
            folder = str(folder).strip("/")
            _registry[folder] = replace(field_set, folder=folder)


def plugin_names(settings) -> list[str]:
    """The module names of a build's ``PLUGINS`` (names or modules), in order."""
    return [
        plugin if isinstance(plugin, str) else plugin.__name__
        for plugin in settings.get("PLUGINS") or []
    ]


_defaults: dict[str, FieldSet] = {}


def known_fields(folder: str) -> FieldSet | None:
    """The fields of ``content/<folder>/``: a plugin's registration, else Pelican's."""
    folder = folder.strip("/")
    return _registry.get(folder) or _defaults.get(folder)


def registered() -> dict[str, FieldSet]:
    """Every folder's fields known in this build, plugin registrations first."""
    return {**_defaults, **_registry}


# --- Fields every kind of content has --------------------------------------

#: Old addresses of a page (after a renamed slug or a moved file): the
#: ``aliases`` plugin writes a redirect page at each.
ALIASES_FIELD = Field(
    "Aliases",
    kind="alias",
    multiple=True,
    aliases=("alias", "alte-adressen", "alte-adresse", "weiterleitungen", "weiterleitung"),
    help=_(
        "Frühere Adressen dieser Seite, mit Komma getrennt, z. B. nach einem neuen Slug: "
        "Wer einem alten Link folgt, wird hierher weitergeleitet."
    ),
    allowed=_(
        "Pfade auf dieser Website aus Kleinbuchstaben, Ziffern und Bindestrichen, die keine "
        "andere Seite benutzt"
    ),
    example="podcast/alter-titel/",
)

#: Appended to every registered kind of content that does not define them itself.
SHARED_FIELDS = (ALIASES_FIELD,)


# --- Pelican's own keys, with the meaning members need ---------------------

_COMMON = [
    Field(
        "Title",
        required=True,
        aliases=("titel", "überschrift"),
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
        aliases=("zusammenfassung", "kurzbeschreibung"),
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
        aliases=("geändert",),
        help=_("Datum der letzten wichtigen Änderung, z. B. 2026-03-05 oder 5.3.2026."),
        example="2026-03-05",
    ),
    Field(
        "Lang",
        kind="lang",
        aliases=("sprache",),
        help=_("Sprache, falls nicht Deutsch (z. B. „en“)."),
        example="en",
    ),
    ALIASES_FIELD,
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
        aliases=("datum",),
        help=_("Datum (und Uhrzeit) des Beitrags: 2026-03-01, 2026-03-01 10:00 oder 1.3.2026."),
        example="2026-03-01 10:00",
    ),
    Field(
        "Author",
        kind="member",
        aliases=("autor", "autorin"),
        help=_("Wer den Beitrag geschrieben hat: der Slug Ihres Mitgliederprofils."),
        example="anna-beispiel",
    ),
    Field(
        "Authors",
        multiple=True,
        kind="member",
        aliases=("autoren", "autorinnen"),
        help=_("Mehrere Autorinnen und Autoren, mit Komma getrennt."),
        example="anna-beispiel, miriam-kowalski",
    ),
    Field(
        "Category",
        kind="label",
        aliases=("kategorie", "rubrik"),
        help=_("Eine Rubrik, z. B. „Netzwerk“ oder „Veranstaltungen“."),
        example="Veranstaltungen",
    ),
    Field(
        "Tags",
        multiple=True,
        kind="label",
        aliases=("schlagworte", "schlagwörter", "stichworte"),
        help=_("Schlagwörter, mit Komma getrennt."),
        example="Inklusion, Fachtag",
    ),
    *_COMMON[1:],
]

PAGE_FIELDS = [_COMMON[0], *_COMMON[1:]]


def alias_for(key: str) -> str | None:
    """The field a member meant with a German (or other) word, e.g. ``Foto`` → ``Photo``.

    Every field lists its own ``aliases``; the word is looked up in Pelican's
    keys and every registered kind of content.
    """
    word = key.strip().lower()
    for field_set in [*registered().values(), FieldSet("", "", {f.key: f for f in POST_FIELDS})]:
        for spec in field_set.fields.values():
            if word in spec.aliases:
                return spec.name
    return None


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
