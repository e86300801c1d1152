"""The allowed form of metadata values, one small check per field kind.

A member's header value can end up in a URL, a file name or an HTML
attribute (a slug in every link to the page, a language in ``lang="…"``).
Escaping in templates does not help where Pelican itself pastes a value
into HTML (``{filename}`` links are filled in after the body was
sanitised), so such values are checked when they are read: anything outside
a strict form is a content error, never published.

Each check takes the value as written and returns ``None`` (fine) or a
:class:`Problem` (message and hint for members). :func:`check_value` picks the
checks for a field kind; :func:`character_problem` applies to every value of
every field. The raw-header pass (``lint.py``) and the check of the content
objects after reading (``metadata.py``) both call these, so one rule is
written once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import ERROR, WARNING, ContentError
from .i18n import _

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# BCP 47 in the shape sites use: "de", "en", "de-CH", "pt-BR"
LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# A category, tag or author name is text a visitor reads and part of a URL:
# no markup, no quotes, no braces (Pelican's {filename} syntax), no backslash.
LABEL_FORBIDDEN = re.compile(r"[<>\"'`{}\\]")

SAFE_PATH_RE = re.compile(r"^[a-z0-9_-][a-z0-9_./-]*$")
#: Pelican keys that move a page or change its template: only a maintainer
#: may allow them (setting CONTENT_ALLOWED_MAINTAINER_FIELDS).
MAINTAINER_FIELDS = ("save_as", "url", "template")

# Invisible characters that change how text reads without being seen.
BIDI_CONTROLS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
ZERO_WIDTH = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
}
DIRECTION_MARKS = {
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
}


@dataclass(frozen=True)
class Problem:
    message: str
    hint: str
    severity: str = ERROR

    def error(self, source: str, field: str, line: int | None = None) -> ContentError:
        """This problem as the content error of ``field`` in ``source``."""
        return ContentError(
            source, field, self.message, self.hint, line=line, severity=self.severity
        )


def suggested_slug(value: str) -> str:
    """What a value probably meant as a slug: ``Über uns`` → ``ueber-uns``."""
    text = str(value).translate(
        str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue", "ß": "ss"})
    )
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def check_slug(value: str) -> Problem | None:
    if SLUG_RE.match(value):
        return None
    fixed = suggested_slug(value)
    hint = _("Ein Slug besteht nur aus Kleinbuchstaben (a–z), Ziffern und Bindestrichen.")
    if fixed:
        hint += " " + _("Schreiben Sie z. B. „Slug: {fixed}“.").format(fixed=fixed)
    return Problem(
        _("„{value}“ ist als Slug (Teil der Adresse) nicht erlaubt.").format(value=value), hint
    )


def normal_alias(value: str) -> str:
    """``/podcast/alte-folge`` → ``podcast/alte-folge/``: the form aliases are compared in."""
    return value.strip().strip("/") + "/"


def check_alias(value: str) -> Problem | None:
    """An old address of this site: a path of slugs, never a host, file or ``..``."""
    value = value.strip()
    hint = _(
        "Schreiben Sie nur den Pfad der alten Adresse auf dieser Website, Teile aus "
        "Kleinbuchstaben, Ziffern und Bindestrichen, z. B. „Aliases: podcast/alter-titel/“."
    )
    if "://" in value or value.startswith("//"):
        path = value.split("://", 1)[-1].lstrip("/").partition("/")[2]
        return Problem(
            _("„{value}“ ist eine vollständige Adresse; gemeint ist nur der Pfad.").format(
                value=value
            ),
            _("Schreiben Sie „{path}“ ohne „https://“ und ohne den Namen der Website.").format(
                path=normal_alias(path) if path.strip("/") else "…"
            ),
        )
    path = value.strip("/")
    if not path:
        return Problem(_("Die Startseite kann keine alte Adresse sein."), hint)
    if all(SLUG_RE.match(part) for part in path.split("/")):
        return None
    fixed = "/".join(filter(None, (suggested_slug(p) for p in path.split("/") if p != "..")))
    if fixed and fixed != path:
        hint += " " + _("Meinten Sie „{fixed}/“?").format(fixed=fixed)
    return Problem(
        _("„{value}“ ist als alte Adresse nicht erlaubt.").format(value=value),
        hint,
    )


def check_lang(value: str, allowed: list[str]) -> Problem | None:
    if value in allowed:
        return None
    known = ", ".join(f"„{code}“" for code in allowed)
    if not LANG_RE.match(value):
        message = _("„{value}“ ist kein Sprachkürzel.").format(value=value)
    else:
        message = _("Die Sprache „{value}“ ist für diese Website nicht eingerichtet.").format(
            value=value
        )
    return Problem(
        message,
        _(
            "Erlaubt sind: {known}. Lassen Sie die Zeile weg, wenn der Text in der Sprache "
            "der Website geschrieben ist; weitere Sprachen richten die Betreuer:innen der "
            "Website mit CONTENT_LANGUAGES in pelicanconf.py ein."
        ).format(known=known),
    )


def check_maintainer_field(name: str, allowed: list[str], value: str = "") -> Problem | None:
    """``Save_as``, ``Url`` and ``Template`` only where the maintainers allow them,
    and even then only as a plain relative path (it is pasted into links unescaped)."""
    if name.lower() in {a.lower() for a in allowed}:
        if SAFE_PATH_RE.match(value) and ".." not in value.split("/"):
            return None
        return Problem(
            _("„{value}“ ist hier kein erlaubter Pfad.").format(value=value),
            _(
                "Schreiben Sie einen Pfad innerhalb der Website nur aus Kleinbuchstaben, "
                "Ziffern, „-“, „_“, „.“ und „/“, z. B. „{field}: ueber-uns/index.html“."
            ).format(field=name.capitalize()),
        )
    if name.lower() == "template":
        hint = _(
            "Löschen Sie die Zeile „Template: …“: Die Vorlage ergibt sich aus dem Ordner, "
            "in dem die Datei liegt. Soll eine Seite anders aussehen, fragen Sie die "
            "Betreuer:innen der Website (Einstellung CONTENT_ALLOWED_MAINTAINER_FIELDS)."
        )
    else:
        hint = _(
            "Löschen Sie die Zeile „{field}: …“. Die Adresse ergibt sich aus „Slug:“; "
            "brauchen Sie wirklich eine andere, fragen Sie die Betreuer:innen der Website "
            "(Einstellung CONTENT_ALLOWED_MAINTAINER_FIELDS)."
        ).format(field=name.capitalize())
    return Problem(
        _(
            "„{field}“ dürfen Inhaltsdateien nicht setzen: Damit ließe sich eine andere Seite "
            "der Website überschreiben oder eine unpassende Vorlage wählen."
        ).format(field=name.capitalize()),
        hint,
    )


def check_label(value: str) -> Problem | None:
    """A category, tag or author: plain text, no markup or quotes."""
    found = LABEL_FORBIDDEN.search(value)
    if not found:
        return None
    return Problem(
        _("„{value}“ enthält das Zeichen „{char}“, das hier nicht erlaubt ist.").format(
            value=value, char=found.group(0)
        ),
        _(
            "Schreiben Sie den Namen als einfachen Text ohne spitze Klammern, "
            "Anführungszeichen, geschweifte Klammern und Backslash."
        ),
    )


def _describe(char: str) -> str:
    name = (
        BIDI_CONTROLS.get(char)
        or ZERO_WIDTH.get(char)
        or DIRECTION_MARKS.get(char)
        or unicodedata.name(char, "CONTROL")
    )
    return f"U+{ord(char):04X} {name}"


def _joins_emoji(value: str, index: int) -> bool:
    """A zero-width joiner between two non-ASCII symbols is part of an emoji (👩‍💻)."""
    before = value[index - 1] if index > 0 else ""
    after = value[index + 1] if index + 1 < len(value) else ""
    return bool(before and after) and ord(before) > 0x2000 and ord(after) > 0x2000


def _retype_hint() -> str:
    return _(
        "Löschen Sie die Zeile und tippen Sie den Wert neu ein, statt ihn aus "
        "einem anderen Programm zu kopieren."
    )


# Every character the loop below can object to: category Cc (exactly U+0000–U+001F
# and U+007F–U+009F) except tab and line breaks, and the three tables above. A
# value without any of them (nearly every value) skips the loop.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    + "".join(re.escape(char) for char in (*BIDI_CONTROLS, *ZERO_WIDTH, *DIRECTION_MARKS))
    + "]"
)


def character_problem(value: str) -> Problem | None:
    """Control characters, direction overrides and invisible characters in any value."""
    if not _SUSPECT.search(value):
        return None
    for index, char in enumerate(value):
        category = unicodedata.category(char)
        if char in BIDI_CONTROLS or (category == "Cc" and char not in "\t\n\r"):
            return Problem(
                _(
                    "Der Wert enthält an Stelle {position} ein unsichtbares Steuerzeichen "
                    "({char}). Es kann verändern, wie der Text angezeigt wird."
                ).format(position=index + 1, char=_describe(char)),
                _retype_hint(),
            )
        if char in ZERO_WIDTH and not (char == "\u200d" and _joins_emoji(value, index)):
            return Problem(
                _(
                    "Der Wert enthält an Stelle {position} ein unsichtbares Zeichen "
                    "({char}); Namen sähen damit gleich aus und wären doch verschieden."
                ).format(position=index + 1, char=_describe(char)),
                _retype_hint(),
            )
        if char in DIRECTION_MARKS:
            return Problem(
                _(
                    "Der Wert enthält an Stelle {position} eine unsichtbare "
                    "Schreibrichtungsmarke ({char})."
                ).format(position=index + 1, char=_describe(char)),
                _("Löschen Sie die Marke, wenn der Text nicht von rechts nach links läuft."),
                WARNING,
            )
    return None


def split_values(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def check_value(kind: str, name: str, value: str, settings: dict) -> Problem | None:
    """The form check of one field kind (``slug``, ``lang``, ``label`` …), if it has one."""
    if name.lower() in MAINTAINER_FIELDS:
        return check_maintainer_field(name, allowed_maintainer_fields(settings), value)
    if kind == "slug":
        return check_slug(value)
    if kind == "lang":
        return check_lang(value, content_languages(settings))
    if kind == "alias":
        for part in split_values(value):
            problem = check_alias(part)
            if problem:
                return problem
    if kind in ("label", "member"):
        for part in split_values(value):
            problem = check_label(part)
            if problem:
                return problem
    return None


def allowed_maintainer_fields(settings: dict) -> list[str]:
    from .settings import setting

    return list(setting(settings, "CONTENT_ALLOWED_MAINTAINER_FIELDS"))


def content_languages(settings: dict) -> list[str]:
    """``CONTENT_LANGUAGES``, or the site language plus the theme's catalogues."""
    from .i18n import translations_dir
    from .settings import setting

    configured = setting(settings, "CONTENT_LANGUAGES")
    if configured:
        return list(configured)
    languages = [str(settings.get("DEFAULT_LANG", "de"))]
    folder = translations_dir(settings)
    if folder and folder.is_dir():
        languages += sorted(
            p.name
            for p in folder.iterdir()
            if (p / "LC_MESSAGES").is_dir() and p.name not in languages
        )
    return languages
