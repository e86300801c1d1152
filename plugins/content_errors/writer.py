"""A Pelican writer that lets no file take over another page, and checks every page.

Pelican's own writer lets a write with ``override_output`` (an article with
``Save_as:``, an episode whose address the podcast plugin sets) silently
replace a page written earlier, or silently skips the later one; a second
plain write to the same file stops the build with a traceback. Either way a
member's file could replace the home page, the member directory or the
podcast's subscribe page. This writer remembers which content file (or which
generated page) wrote each output file and refuses every second write with a
content error naming both.

Every HTML page it renders also goes through :func:`executable_parts`: the
final page, after Pelican filled in ``{filename}`` links and the templates
placed metadata into attributes, must not contain anything a browser runs
except the theme's own scripts and JSON-LD.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import jinja2
from pelican.contents import Content
from pelican.writers import Writer

from .errors import ContentError, report
from .executable import executable_parts
from .i18n import _
from .report import display_path
from .settings import DEFAULTS

CONTENT_KEYS = ("article", "page", "member", "competence", "episode")


@dataclass(frozen=True)
class RedirectPage:
    """A page at an old address (``Aliases:``) that sends visitors to ``target``.

    Passed as ``redirect=`` to :meth:`GuardedWriter.write_file` by the aliases
    plugin only; content files and templates cannot create one. The page
    belongs to ``content`` (a collision names its file and the ``Aliases``
    field), and its final check allows exactly one meta refresh, to ``target``.
    """

    content: object
    alias: str
    #: the address the page sends to, as the page writes it (relative or absolute)
    target: str


@dataclass(frozen=True)
class Owner:
    """Who writes an output file: a content file, or a page the site generates."""

    source_path: str | None
    template: str
    #: the content file chose its template itself (``Template:``)
    chosen_template: str | None = None
    #: the field that set the address: "Save_as" if the file gave one, else "Slug"
    address_field: str = "Slug"
    #: for a redirect page: the one address its meta refresh may send to
    redirect_target: str | None = None


def owner_of(kwargs: dict, template) -> Owner:
    name = str(getattr(template, "name", None) or template or "").removesuffix(".html")
    redirect = kwargs.get("redirect")
    if isinstance(redirect, RedirectPage):
        source = getattr(redirect.content, "source_path", None)
        return Owner(source, name, None, "Aliases", redirect.target)
    # a content object under another name counts too, never a mere file (a picture)
    candidates = [kwargs.get(key) for key in CONTENT_KEYS] + [
        value for value in kwargs.values() if isinstance(value, Content)
    ]
    for value in candidates:
        source = getattr(value, "source_path", None)
        if isinstance(source, str) and source:
            metadata = getattr(value, "metadata", None) or {}
            chosen = metadata.get("template")
            field = "Save_as" if "save_as" in metadata else "Slug"
            return Owner(source, name, str(chosen) if chosen else None, field)
    return Owner(None, name)


class CheckedTemplate:
    """Renders like the wrapped template; an executable page becomes an error."""

    def __init__(self, template, writer: GuardedWriter, owner: Owner) -> None:
        self.template = template
        self.writer = writer
        self.owner = owner
        self.name = getattr(template, "name", None)

    def render(self, *args, **kwargs) -> str:
        context = args[0] if args else kwargs
        name = str(context.get("output_file") or "")
        reuse = self.writer.reuse
        if reuse is not None:
            previous = reuse.reusable(name, self.template, context)
            if previous is not None and reuse.link(
                previous, os.path.join(self.writer.output_path, name)
            ):
                self.writer.reusing = name
                return ""
            with reuse.rendering(name, self.template, context) as page:
                output = self._render(name, *args, **kwargs)
                page.written = bool(output)
            return output
        return self._render(name, *args, **kwargs)

    def _render(self, name: str, *args, **kwargs) -> str:
        try:
            output = self.template.render(*args, **kwargs)
        except jinja2.TemplateError:
            if not self.owner.chosen_template:
                raise  # the theme's own mistake, not the member's
            self.writer.report_wrong_template(self.owner)
            return ""
        if name.endswith((".html", ".htm")):
            settings = self.writer.settings
            found = executable_parts(
                output,
                settings.get("SITEURL", ""),
                settings.get("CONTENT_SCRIPT_FOLDERS", DEFAULTS["CONTENT_SCRIPT_FOLDERS"]),
                redirect_to=self.owner.redirect_target,
            )
            if found:
                self.writer.report_executable(self.owner, name, found)
                return ""
        return output

    def __getattr__(self, name):
        return getattr(self.template, name)


class GuardedWriter(Writer):
    #: a module that can take unchanged pages from the previous build
    #: (``caches.pages``: ``reusable``, ``link``, ``reused``, ``rendering``); None renders all
    reuse = None

    def __init__(self, output_path, settings=None) -> None:
        super().__init__(output_path, settings=settings)
        self.content_root = (settings or {}).get("PATH", "")
        self._owners: dict[str, Owner] = {}
        self._writing: Owner | None = None
        #: the output name whose previous file was just linked in place of rendering
        self.reusing: str | None = None

    def write_file(self, name, template, context, *args, **kwargs):
        owner = owner_of(kwargs, template)
        self._writing = owner
        try:
            return super().write_file(
                name, CheckedTemplate(template, self, owner), context, *args, **kwargs
            )
        finally:
            self._writing = None

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        self._writing = Owner(None, _("Feed"))
        try:
            return super().write_feed(elements, context, path, *args, **kwargs)
        finally:
            self._writing = None

    def url_of(self, filename: str) -> str:
        relative = os.path.relpath(filename, self.output_path).replace(os.sep, "/")
        return "/" + relative.removesuffix("index.html")

    def _open_w(self, filename, encoding, override=False):
        key = os.path.normpath(os.path.abspath(filename))
        owner = self._writing or Owner(None, "?")
        reusing, self.reusing = self.reusing, None
        first = self._owners.get(key)
        if first is not None:
            self.report_takeover(first, owner, self.url_of(filename))
            return open(os.devnull, "w", encoding=encoding)  # noqa: SIM115 - Pelican closes it
        self._owners[key] = owner
        self._written_files.add(filename)
        if reusing is not None:  # the previous build's file is in place already
            self.reuse.reused(reusing)
            return open(os.devnull, "w", encoding=encoding)  # noqa: SIM115 - Pelican closes it
        return open(filename, "w", encoding=encoding)  # noqa: SIM115 - Pelican closes it

    def has_written(self, filename: str) -> bool:
        """Whether this writer wrote ``filename`` (a path below the output folder)."""
        path = os.path.join(self.output_path, filename)
        return os.path.normpath(os.path.abspath(path)) in self._owners

    def pages_by_source(self) -> dict[str, list[str]]:
        """The addresses of the folder pages written so far, per content file, sorted.

        The aliases plugin redirects an old address's sub-pages with it (an
        episode's player and transcript pages); one pass, however many aliases.
        """
        pages: dict[str, list[str]] = {}
        for filename, owner in self._owners.items():
            if not owner.source_path or owner.redirect_target is not None:
                continue
            if filename.endswith("index.html"):
                url = self.url_of(filename).lstrip("/")
                pages.setdefault(owner.source_path, []).append(url)
        return {source: sorted(urls) for source, urls in pages.items()}

    def report_takeover(self, first: Owner, second: Owner, url: str) -> None:
        """Name every content file involved; two generated pages are the settings' fault."""
        files = [o for o in (second, first) if o.source_path]
        redirects = [o for o in files if o.redirect_target is not None]
        if redirects:
            files = redirects  # an old address collides: the page living there is not at fault
        hint = _(
            "Geben Sie der Datei eine eigene Adresse mit einer Zeile „Slug: …“, die keine "
            "andere Seite der Website schon benutzt."
        )
        if not files:
            report(
                ContentError(
                    "pelicanconf.py",
                    None,
                    _("Zwei erzeugte Seiten haben dieselbe Adresse „{url}“.").format(url=url),
                    _("Ändern Sie eine der *_SAVE_AS-Einstellungen in pelicanconf.py."),
                )
            )
            return
        for culprit in files:
            other = first if culprit is second else second
            if other.source_path:
                message = _(
                    "Diese Datei und „{other}“ ergeben dieselbe Adresse „{url}“; eine würde "
                    "die andere ersetzen."
                ).format(other=display_path(other.source_path, self.content_root), url=url)
            else:
                message = _(
                    "Die Adresse „{url}“ gehört schon zu einer Seite, die die Website selbst "
                    "erzeugt (Vorlage „{template}“); diese Datei würde sie ersetzen."
                ).format(url=url, template=other.template)
            if culprit.redirect_target is not None:
                hint = _(
                    "Unter dieser alten Adresse steht schon eine andere Seite; eine "
                    "Weiterleitung würde sie ersetzen. Löschen Sie die Adresse aus „Aliases:“."
                )
            report(ContentError(culprit.source_path, culprit.address_field, message, hint))

    def report_wrong_template(self, owner: Owner) -> None:
        report(
            ContentError(
                owner.source_path,
                "Template",
                _("Mit der Vorlage „{template}“ lässt sich diese Datei nicht darstellen.").format(
                    template=owner.chosen_template
                ),
                _(
                    "Löschen Sie die Zeile „Template: …“; dann gilt die Vorlage, die zum "
                    "Ordner der Datei passt."
                ),
            )
        )

    def report_executable(self, owner: Owner, name: str, found: list[str]) -> None:
        url = "/" + name.replace(os.sep, "/").removesuffix("index.html")
        hint = _(
            "Entfernen Sie Anführungszeichen, spitze Klammern und „javascript:“ aus den "
            "Kopfzeilen und Links der Datei."
        )
        if not owner.source_path:
            hint = _(
                "Die Ursache steckt in einer Datei, deren Titel, Zusammenfassung oder Links "
                "auf dieser Seite stehen; meist nennt eine weitere Meldung die Datei."
            )
        report(
            ContentError(
                owner.source_path or _("Seite {url}").format(url=url),
                None,
                _(
                    "Die Seite „{url}“ enthielte ausführbaren Code ({found}); sie wird "
                    "nicht veröffentlicht."
                ).format(url=url, found=", ".join(sorted(set(found))[:3])),
                hint,
            )
        )


def guarded_writer(pelican) -> type[Writer]:
    return GuardedWriter
