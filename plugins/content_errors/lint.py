"""Reads every content file as it is written, before Pelican does.

Pelican's Markdown reader forgives too much: a line without a colon silently
ends the metadata (everything after it becomes body text), a misspelled key
is kept as an unused value, a duplicate key quietly wins or loses, and a file
in the wrong folder is never read at all. This pass reads the raw files and
reports such mistakes with their line, so a member learns about them instead
of wondering why a field is missing on the site.
"""

from __future__ import annotations

import datetime
import fnmatch
import os
import re
from pathlib import Path

from .cleaning import choice_problem
from .dates import DateFormatError, parse_date
from .errors import (
    ERROR,
    WARNING,
    ContentError,
    current,
    report,
    suggest,
)
from .fields import (
    Field,
    FieldSet,
    alias_for,
    known_fields,
    place_content_types,
    register_pelican_defaults,
    registered,
)
from .header import (  # noqa: F401 - the parser's names stay importable from here
    KEYLIKE_RE,
    META_MORE_RE,
    META_RE,
    Header,
    MetaLine,
    decode,
    find_field_line,
    parse_header,
)
from .i18n import _
from .limits import check_markdown_text, check_text_size
from .paths import (
    links_leaving_content,
    links_to_missing_files,
    refuse_links_and_specials,
    resolve_content_path,
)
from .settings import setting
from .values import character_problem
from .values import check_value as check_value_form

MARKDOWN_EXTENSIONS = {"md", "markdown", "mkd", "mdown"}
CONTENT_EXTENSIONS = MARKDOWN_EXTENSIONS | {"rst", "html", "htm"}
#: files a member might save by mistake instead of Markdown
MISTAKEN_EXTENSIONS = {"txt", "doc", "docx", "odt", "rtf", "pdf", "md.txt"}

LIST_SEPARATORS = re.compile(r"\s*;\s*|\s+(?:und|and|&)\s+")
CONTAINER_TAGS = (
    "div",
    "section",
    "article",
    "aside",
    "main",
    "nav",
    "header",
    "footer",
    "details",
    "figure",
    "blockquote",
    "table",
    "form",
    "ul",
    "ol",
    "span",
)
TAG_RE = re.compile(r"<(/?)(" + "|".join(CONTAINER_TAGS) + r")(?=[\s>/])[^>]*?(/?)>", re.I)
FENCE_RE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE_RE = re.compile(r"`+[^`]*`+")

#: how alike a misspelled key must be to a known one to be suggested
KEY_CUTOFF = 0.75


def line_of_offset(raw: bytes, offset: int) -> int:
    return raw[:offset].count(b"\n") + 1


def encoding_error(path: str, raw: bytes, exc: UnicodeDecodeError) -> ContentError:
    """The member-readable error for a file saved as Latin-1, Windows-1252, UTF-16 …"""
    line = line_of_offset(raw, exc.start)
    problem = ContentError(
        path,
        None,
        _("Die Datei ist nicht als UTF-8 gespeichert und kann nicht gelesen werden."),
        _(
            "Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“. Das erste "
            "unlesbare Zeichen steht in Zeile {line} (meist ein Umlaut wie ä, ö, ü oder ß)."
        ).format(line=line),
        line=line,
    )
    problem.covers_file = True  # nothing else about this file can be read
    return problem


class ContentLinter:
    """One pass over the content folder; reports every problem it finds."""

    def __init__(self, settings: dict) -> None:
        self.settings = settings
        self.root = Path(os.path.abspath(settings["PATH"]))
        self.article_paths = [p.strip("/") for p in settings.get("ARTICLE_PATHS", [""])]
        self.page_paths = [p.strip("/") for p in settings.get("PAGE_PATHS", ["pages"])]
        self.static_paths = [p.strip("/") for p in settings.get("STATIC_PATHS", [])]
        self.ignore = list(settings.get("IGNORE_FILES", [".#*"]))
        self.max_image_bytes = setting(settings, "CONTENT_MAX_IMAGE_BYTES")
        self.summary_limit = setting(settings, "CONTENT_SUMMARY_MAX_CHARS")
        self.warn_future = setting(settings, "CONTENT_WARN_FUTURE_DATES")
        place_content_types(settings)
        register_pelican_defaults(
            self.article_paths,
            self.page_paths,
            setting(settings, "CONTENT_EXTRA_FIELDS"),
        )

    # --- walking -----------------------------------------------------------
    def run(self) -> None:
        for path in self.files():
            try:
                refuse_links_and_specials(self.root, path, str(path), None)
                self.check_file(path)
            except ContentError as problem:
                report(problem)

    def files(self) -> list[Path]:
        found = []
        for directory, subdirs, names in os.walk(self.root):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            # Pelican follows linked folders; here they are reported instead.
            found += [Path(directory) / d for d in subdirs if os.path.islink(Path(directory) / d)]
            for name in sorted(names):
                if name.startswith(".") or any(fnmatch.fnmatch(name, p) for p in self.ignore):
                    continue
                found.append(Path(directory) / name)
        return found

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def folder_of(self, relative: str) -> str | None:
        """The content folder (``blog``, ``members`` …) a file belongs to."""
        best = None
        plugin_folders = [f for f in registered() if f not in self.article_paths]
        for folder in [*self.article_paths, *self.page_paths, *plugin_folders]:
            inside = folder == "" or relative.startswith(folder + "/")
            if inside and (best is None or len(folder) > len(best)):
                best = folder
        return best

    def is_static(self, relative: str) -> bool:
        return any(
            s == "" or relative == s or relative.startswith(s + "/") for s in self.static_paths
        )

    # --- one file ------------------------------------------------------------
    def check_file(self, path: Path) -> None:
        relative = self.relative(path)
        suffix = path.name.split(".", 1)[1] if "." in path.name else ""
        extension = path.suffix[1:]
        if self.is_static(relative):
            # links and devices are refused in run(); what a static file holds is
            # checked once Pelican knows which files it copies (static_files.py)
            return
        if extension.lower() in CONTENT_EXTENSIONS or suffix.lower() in MISTAKEN_EXTENSIONS:
            folder = self.folder_of(relative)
            if extension not in CONTENT_EXTENSIONS:
                raise ContentError(
                    str(path),
                    None,
                    _("Die Datei hat die Endung „.{ext}“ und wird deshalb nicht gelesen.").format(
                        ext=suffix
                    ),
                    _("Benennen Sie die Datei um, sodass sie auf „.md“ endet (klein geschrieben)."),
                )
            if folder is None:
                raise self.outside_folders(path, relative)
            if extension in MARKDOWN_EXTENSIONS:
                self.check_markdown(path, known_fields(folder), folder)

    def outside_folders(self, path: Path, relative: str) -> ContentError:
        folders = ", ".join(
            f"content/{f}/"
            for f in sorted({*self.article_paths, *self.page_paths, *registered()})
            if f
        )
        return ContentError(
            str(path),
            None,
            _(
                "Die Datei liegt in keinem der Inhaltsordner und würde deshalb nicht auf der "
                "Website erscheinen."
            ),
            _("Verschieben Sie sie in den passenden Ordner: {folders}.").format(folders=folders),
        )

    def check_markdown(self, path: Path, fields: FieldSet | None, folder: str) -> None:
        too_big = check_text_size(path, str(path), None, self.settings)
        if too_big:
            too_big.covers_file = True
            raise too_big
        raw = path.read_bytes()
        try:
            text = decode(raw)
        except UnicodeDecodeError as exc:
            raise encoding_error(str(path), raw, exc) from None
        over_limit = check_markdown_text(str(path), text, self.settings)
        if over_limit:
            over_limit.covers_file = True  # nothing else is read from such a file
            raise over_limit
        lines = text.splitlines()
        source = str(path)
        if not text.strip():
            raise self.empty_file(source, folder, fields)
        header = parse_header(lines)
        self.present = {e.key.lower() for e in header.entries}
        self.check_tabbed_lines(source, header)
        self.check_stray_lines(source, header, fields)
        # a tab on the first header line hides the whole header: reported once,
        # by check_stray_lines, and no field is said to be missing because of it
        first_tab = header.stray[0][0] if header.stray and not header.entries else None
        if first_tab is None or "\t" not in header.stray[0][1][:4]:
            first_tab = None
            self.check_keys(source, header, fields, folder)
            if fields is not None:
                self.check_values(source, header, fields)
        self.check_characters(source, header)
        self.check_body(source, lines, header.body_start, skip_tab=first_tab)
        for problem in links_leaving_content(source, self.relative(path), lines):
            report(problem)
        for problem in links_to_missing_files(self.root, source, self.relative(path), lines):
            report(problem)

    def empty_file(self, source: str, folder: str, fields: FieldSet | None) -> ContentError:
        """One error for an empty file, with the way to start it, not one per field."""
        members = self.settings.get("MEMBERS_PATHS") or ["members"]
        podcast = str(self.settings.get("PODCAST_CONTENT_DIR") or "podcast").strip("/")
        if folder in [str(m).strip("/") for m in members]:
            hint = _(
                "Löschen Sie die leere Datei und legen Sie das Profil aus der Vorlage neu an: "
                '„make member NAME="Ihr Name"“.'
            )
        elif folder == podcast:
            hint = _(
                "Löschen Sie die leere Datei und legen Sie die Folge aus der Vorlage neu an: "
                '„make episode TITLE="Folgentitel"“.'
            )
        elif folder in self.article_paths:
            hint = _(
                "Löschen Sie die leere Datei und legen Sie den Beitrag aus der Vorlage neu an: "
                '„make post TITLE="Mein Beitrag" AUTHOR=ihr-slug“.'
            )
        else:
            specs = fields.fields.values() if fields else ()
            required = [f.example_line for f in specs if f.required]
            hint = _("Schreiben Sie die Kopfzeilen an den Anfang der Datei, z. B. „{lines}“.")
            hint = hint.format(lines="“, „".join(required or ["Title: …"]))
        problem = ContentError(
            source,
            None,
            _("Die Datei ist leer."),
            hint,
        )
        problem.covers_file = True  # no "field missing" for each field of an empty file
        return problem

    # --- the metadata block -------------------------------------------------------
    def check_tabbed_lines(self, source: str, header: Header) -> None:
        """A header line that starts with a tab continues the field above it.

        One error at that line; the field it lands in and the field it was
        meant to be are claimed, so neither is reported again as a wrong value
        or as missing.
        """
        for entry in header.tabbed:
            above = header.tabbed_into[entry.line]
            report(
                ContentError(
                    source,
                    entry.key,
                    _(
                        "Die Zeile beginnt mit einem Tabulator. Deshalb wird „{key}: …“ nicht "
                        "als eigenes Feld gelesen, sondern an das Feld „{above}“ in der Zeile "
                        "darüber angehängt."
                    ).format(key=entry.key, above=above.key),
                    _("Entfernen Sie den Tabulator, sodass die Zeile mit „{key}:“ beginnt.").format(
                        key=entry.key
                    ),
                    line=entry.line,
                )
            )
            current().claim(source, above.key)
            current().claim(source, entry.key)

    def check_stray_lines(self, source: str, header: Header, fields: FieldSet | None) -> None:
        if not header.stray:
            return
        number, text = header.stray[0]
        later_meta = [n for n, t in header.stray[1:] if META_RE.match(t)]
        keyish = KEYLIKE_RE.match(text)
        if text.startswith("\t") or (text[:1].isspace() and "\t" in text[:4]):
            # only the first header line can end up here (later ones continue the
            # field above, see check_tabbed_lines): no field of the file is read
            problem = ContentError(
                source,
                None,
                _(
                    "Die erste Zeile beginnt mit einem Tabulator. Deshalb wird keine der "
                    "Kopfzeilen als Feld gelesen; sie erscheinen als Programmcode auf der Seite."
                ),
                _("Entfernen Sie den Tabulator am Anfang der Zeile „{line}“.").format(
                    line=text.strip()
                ),
                line=number,
            )
            problem.covers_file = True  # every "field missing" follows from this one mistake
            report(problem)
            return
        if keyish:
            key = keyish.group("key").strip()
            proposal = self.proposal(key, fields)
            hint = _(
                "Feldnamen bestehen nur aus Buchstaben ohne Umlaute, Ziffern, „-“ und „_“, "
                "ohne Leerzeichen."
            )
            if proposal:
                hint += " " + _("Meinten Sie „{field}: {value}“?").format(
                    field=proposal, value=keyish.group("value").strip()
                )
            report(
                ContentError(
                    source,
                    key,
                    _(
                        "Dieser Feldname ist ungültig; ab hier wird der Rest als Text gelesen "
                        "und die folgenden Felder gehen verloren."
                    ),
                    hint,
                    line=number,
                )
            )
            return
        first_word = text.strip().split(None, 1)
        proposal = self.proposal(first_word[0], fields) if first_word else None
        if later_meta or proposal:
            hint = _("Schreiben Sie „Feld: Wert“ mit Doppelpunkt.")
            if proposal and len(first_word) > 1:
                hint += " " + _("Meinten Sie „{field}: {value}“?").format(
                    field=proposal, value=first_word[1].strip()
                )
            report(
                ContentError(
                    source,
                    proposal,
                    _(
                        "In der Zeile „{line}“ fehlt der Doppelpunkt. Alles ab hier wird als "
                        "Text gelesen, die Felder darunter gehen verloren."
                    ).format(line=text.strip()),
                    hint,
                    line=number,
                )
            )

    def proposal(self, key: str, fields: FieldSet | None) -> str | None:
        """The known field a member probably meant with ``key``."""
        if fields is None:
            return None
        names = fields.names
        alias = alias_for(key)
        if alias and fields.get(alias):
            return fields.get(alias).name
        close = suggest(key, names, cutoff=KEY_CUTOFF)
        if close:
            return close
        return None

    def check_keys(self, source: str, header: Header, fields: FieldSet | None, folder: str) -> None:
        seen: dict[str, MetaLine] = {}
        for entry in header.entries:
            lowered = entry.key.lower()
            if lowered in seen:
                report(
                    ContentError(
                        source,
                        entry.key,
                        _(
                            "Dieses Feld steht doppelt in der Datei (zuerst in Zeile {first})."
                        ).format(first=seen[lowered].line),
                        _(
                            "Löschen Sie eine der beiden Zeilen. Mehrere Werte schreiben Sie in "
                            "eine Zeile, mit Komma getrennt."
                        ),
                        line=entry.line,
                    )
                )
                continue
            seen[lowered] = entry
            if fields is None or fields.get(entry.key):
                continue
            self.report_unknown_key(source, entry, fields, folder)

    def report_unknown_key(
        self, source: str, entry: MetaLine, fields: FieldSet, folder: str
    ) -> None:
        owner = self.owner_elsewhere(entry.key, folder)
        if owner is not None and not fields.closed:
            problem = ContentError(
                source,
                entry.key,
                _(
                    "Dieses Feld gibt es nur in Dateien der Art „{kind}“ (content/{owner}/); "
                    "die Datei liegt aber in content/{folder}/."
                ).format(kind=_(owner.label), owner=owner.folder, folder=folder),
                _("Verschieben Sie die Datei nach content/{folder}/.").format(folder=owner.folder),
                line=entry.line,
            )
            problem.covers_file = True  # everything else follows from the wrong folder
            raise problem
        proposal = self.proposal(entry.key, fields)
        if proposal:
            hint = _("Meinten Sie „{field}:“?").format(field=proposal)
            if proposal.lower() not in self.present:
                # the plugin would only say that the real field is missing
                current().claim(source, proposal)
                if fields.get(proposal).required:
                    hint = _(
                        "Meinten Sie „{field}:“? Dieses Pflichtfeld fehlt sonst in der Datei."
                    ).format(field=proposal)
        else:
            hint = _("Bekannte Felder sind: {names}.").format(names=", ".join(fields.names))
        severity = ERROR if (fields.closed or proposal) else WARNING
        message = (
            _("Dieses Feld ist unbekannt.")
            if severity == ERROR
            else _("Dieses Feld ist unbekannt und wird nicht angezeigt.")
        )
        report(ContentError(source, entry.key, message, hint, line=entry.line, severity=severity))

    def owner_elsewhere(self, key: str, folder: str) -> FieldSet | None:
        """A closed kind of content (e.g. members) that knows ``key`` as its own."""
        for other in registered().values():
            if other.folder != folder and other.closed and other.get(key):
                pelican_keys = known_fields(folder)
                if pelican_keys is None or not pelican_keys.get(key):
                    return other
        return None

    def check_values(self, source: str, header: Header, fields: FieldSet) -> None:
        present = {e.key.lower(): e for e in header.entries}
        for spec in fields.fields.values():
            entry = present.get(spec.name.lower())
            if (entry is None or not entry.value) and spec.recommended:
                report(self.missing_recommended(source, spec, entry))
            if (
                entry is None
                and spec.name in PELICAN_MANDATORY
                and not current().is_claimed(source, spec.name)
            ):
                problem = self.missing_mandatory(source, spec, header)
                if problem.is_error:
                    current().unread[source] = header  # Pelican will skip this file
                report(problem)
            if entry is None:
                continue
            if not entry.value:
                if spec.required:
                    report(
                        ContentError(
                            source,
                            spec.name,
                            _("Dieses Pflichtfeld ist leer."),
                            _("Tragen Sie hinter „{field}:“ einen Wert ein{example}.").format(
                                field=spec.name,
                                example=_(", z. B. „{field}: {example}“").format(
                                    field=spec.name, example=spec.example
                                )
                                if spec.example
                                else "",
                            ),
                            line=entry.line,
                        )
                    )
                continue
            self.check_value(source, spec, entry)

    def check_characters(self, source: str, header: Header) -> None:
        """No value of any key may hold control, direction or invisible characters."""
        for entry in header.entries:
            problem = character_problem(entry.value)
            if problem:
                report(problem.error(source, entry.key, entry.line))

    def missing_mandatory(self, source: str, spec: Field, header: Header) -> ContentError:
        """Title or Date missing: reported here, all at once, because Pelican
        skips the file at the first one it misses. A draft needs no Date
        (Pelican dates it "never"), so there it is a reminder, not an error."""
        status = header.first("Status")
        is_draft = status is not None and status.value.strip().lower() == "draft"
        if is_draft and spec.name == "Date":
            return ContentError(
                source,
                spec.name,
                _("Der Entwurf hat noch kein Datum."),
                _("Ergänzen Sie vor dem Veröffentlichen eine Zeile wie „{example}“.").format(
                    example=spec.example_line
                ),
                severity=WARNING,
            )
        return spec.missing(source)

    def missing_recommended(self, source: str, spec: Field, entry: MetaLine | None):
        example = spec.example or "…"
        if "/" in example and "." in example.rsplit("/", 1)[-1]:
            # a file path: name the file after this content file, not the example's
            folder, name = example.rsplit("/", 1)
            example = f"{folder}/{os.path.splitext(os.path.basename(source))[0]}.{name.rsplit('.', 1)[-1]}"
        return ContentError(
            source,
            spec.name,
            _("Dieses empfohlene Feld fehlt; ohne es wirkt die Seite unvollständig."),
            _("Ergänzen Sie eine Zeile wie „{field}: {example}“.").format(
                field=spec.name, example=example
            ),
            line=entry.line if entry else None,
            severity=WARNING,
        )

    def check_value(self, source: str, spec: Field, entry: MetaLine) -> None:
        value = entry.value
        if character_problem(value):
            return  # check_characters said what is wrong with this value
        form = check_value_form(spec.kind, spec.name, value, self.settings)
        if form:
            report(form.error(source, spec.name, entry.line))
            return
        separated_wrongly = False
        limit = spec.max_length or (self.summary_limit if spec.name.lower() == "summary" else None)
        if limit and len(value) > limit:
            report(
                ContentError(
                    source,
                    spec.name,
                    _(
                        "Der Text ist {length} Zeichen lang und wird in Suchergebnissen und "
                        "Vorschauen nach etwa {limit} Zeichen abgeschnitten."
                    ).format(length=len(value), limit=limit),
                    _("Kürzen Sie ihn auf einen Satz mit höchstens {limit} Zeichen.").format(
                        limit=limit
                    ),
                    line=entry.line,
                    severity=WARNING,
                )
            )
        if spec.multiple and spec.name.lower() not in ("tags",) and LIST_SEPARATORS.search(value):
            fixed = ", ".join(p for p in LIST_SEPARATORS.split(value) if p)
            separated_wrongly = True
            report(
                ContentError(
                    source,
                    spec.name,
                    _("Mehrere Werte sind hier nicht mit Komma getrennt: „{value}“.").format(
                        value=value
                    ),
                    _("Trennen Sie die Werte mit Kommas: „{field}: {fixed}“.").format(
                        field=spec.name, fixed=fixed
                    ),
                    line=entry.line,
                )
            )
        elif spec.multiple and ";" in value:
            separated_wrongly = True
            report(
                ContentError(
                    source,
                    spec.name,
                    _("Mehrere Werte sind hier mit Semikolon statt Komma getrennt."),
                    _("Trennen Sie die Werte mit Kommas: „{field}: {fixed}“.").format(
                        field=spec.name, fixed=", ".join(v.strip() for v in value.split(";"))
                    ),
                    line=entry.line,
                )
            )
        if spec.choices and spec.name.lower() != "status" and not separated_wrongly:
            values = [v.strip() for v in value.split(",")] if spec.multiple else [value]
            for item in values:
                problem = choice_problem(spec, item) if item else None
                if problem:
                    report(ContentError(source, spec.name, *problem, line=entry.line))
        if spec.is_path:
            self.check_path(source, spec, entry)
        if spec.kind == "date" and self.warn_future:
            self.check_future(source, spec, entry)

    def check_future(self, source: str, spec: Field, entry: MetaLine) -> None:
        try:
            moment = parse_date(entry.value, spec.name)
        except DateFormatError:
            return  # the date reader reports it
        today = datetime.date.today()
        if moment.date() > today:
            report(
                ContentError(
                    source,
                    spec.name,
                    _(
                        "Das Datum {date} liegt in der Zukunft. Der Beitrag erscheint trotzdem "
                        "sofort, nur mit diesem Datum."
                    ).format(date=moment.strftime("%d.%m.%Y")),
                    _(
                        "Wenn er erst später erscheinen soll, setzen Sie „Status: draft“ und "
                        "ändern Sie das am Erscheinungstag auf „published“."
                    ),
                    line=entry.line,
                    severity=WARNING,
                )
            )

    # --- files a field points to ------------------------------------------------
    def check_path(self, source: str, spec: Field, entry: MetaLine) -> None:
        value = entry.value
        try:
            relative = resolve_content_path(self.root, value, source, spec.name).relative
        except ContentError as problem:
            problem.line = entry.line
            report(problem)
            return
        target = self.root / relative
        if " " in relative:
            report(
                ContentError(
                    source,
                    spec.name,
                    _("Der Dateiname „{value}“ enthält Leerzeichen.").format(value=value),
                    _(
                        "Benennen Sie die Datei ohne Leerzeichen um (z. B. mit Bindestrichen: "
                        "„{fixed}“) und tragen Sie den neuen Namen hier ein."
                    ).format(fixed=re.sub(r"\s+", "-", relative)),
                    line=entry.line,
                )
            )
            return
        if not target.exists():
            # A missing file is reported by the plugin that reads it (with its own
            # suggestions); here only the case that works on Windows and macOS
            # but breaks on the Linux server that publishes the site.
            actual = self.case_insensitive_match(relative)
            if actual and actual != relative:
                report(
                    ContentError(
                        source,
                        spec.name,
                        _("Die Datei „{value}“ gibt es so nicht.").format(value=value),
                        _(
                            "Achten Sie auf Groß- und Kleinschreibung: Die Datei heißt "
                            "„{actual}“. Schreiben Sie den Pfad genau so."
                        ).format(actual=actual),
                        line=entry.line,
                    )
                )
            return
        if spec.kind == "image" and target.is_file():
            self.check_image(source, spec, entry, target)

    def case_insensitive_match(self, relative: str) -> str | None:
        current = self.root
        parts = relative.split("/")
        for part in parts:
            if not current.is_dir():
                return None
            match = next(
                (c for c in sorted(current.iterdir()) if c.name.lower() == part.lower()), None
            )
            if match is None:
                return None
            current = match
        return current.relative_to(self.root).as_posix()

    def check_image(self, source: str, spec: Field, entry: MetaLine, target: Path) -> None:
        size = target.stat().st_size
        if size > self.max_image_bytes:
            report(
                ContentError(
                    source,
                    spec.name,
                    _(
                        "Das Bild „{value}“ ist {size} MB groß; erlaubt sind höchstens {limit} MB."
                    ).format(
                        value=entry.value,
                        size=_format_mb(size),
                        limit=_format_mb(self.max_image_bytes),
                    ),
                    _(
                        "Verkleinern Sie das Foto (z. B. auf 2000 Pixel Breite, als JPEG) und "
                        "laden Sie es erneut hoch."
                    ),
                    line=entry.line,
                )
            )
        # whether it is a readable picture is checked by the plugin that resizes it

    # --- the Markdown body ---------------------------------------------------------
    def check_body(
        self, source: str, lines: list[str], start: int, skip_tab: int | None = None
    ) -> None:
        open_tags: list[tuple[str, int]] = []
        in_fence = False
        previous_blank = True
        for index in range(start, len(lines)):
            text = lines[index]
            number = index + 1
            if FENCE_RE.match(text):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            if text.startswith("\t") and previous_blank and text.strip() and number != skip_tab:
                report(
                    ContentError(
                        source,
                        None,
                        _(
                            "Die Zeile beginnt mit einem Tabulator und wird deshalb als "
                            "Programmcode in Schreibmaschinenschrift angezeigt."
                        ),
                        _("Entfernen Sie den Tabulator am Zeilenanfang."),
                        line=number,
                        severity=WARNING,
                    )
                )
            previous_blank = not text.strip()
            if text.startswith(("    ", "\t")) and not open_tags:
                continue  # an indented code block or a nested list line
            for match in TAG_RE.finditer(INLINE_CODE_RE.sub("", text)):
                closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
                if self_closing:
                    continue
                if not closing:
                    open_tags.append((name, number))
                elif open_tags and open_tags[-1][0] == name:
                    open_tags.pop()
                else:
                    report(self.unbalanced(source, name, number, closing=True))
        for name, number in open_tags:
            report(self.unbalanced(source, name, number, closing=False))

    def unbalanced(self, source: str, name: str, number: int, *, closing: bool) -> ContentError:
        if closing:
            message = _("„</{tag}>“ schließt etwas, das hier nicht geöffnet wurde.").format(
                tag=name
            )
            hint = _("Löschen Sie „</{tag}>“ oder ergänzen Sie das passende „<{tag}>“.").format(
                tag=name
            )
        else:
            message = _(
                "„<{tag}>“ wird nie geschlossen; das würde das Seitenlayout durcheinanderbringen."
            ).format(tag=name)
            hint = _("Ergänzen Sie „</{tag}>“ an der Stelle, wo der Abschnitt endet.").format(
                tag=name
            )
        return ContentError(source, None, message, hint, line=number)


#: the fields without which Pelican skips a post or page (it stops at the first)
PELICAN_MANDATORY = ("Title", "Date")


def _format_mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def lint_content(settings: dict) -> None:
    """Check every file below ``PATH``; problems go to the build's collector."""
    ContentLinter(settings).run()
