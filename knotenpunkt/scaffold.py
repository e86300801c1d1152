"""``make member`` / ``make post`` / ``make episode``: a new file from a template.

The header lists every field the validation knows for that folder (read from
the same registry the checks use, which the members and podcast plugins fill
from their ``fields.py``), and a comment in the body explains each one. An
existing file is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import uuid
from pathlib import Path

from knotenpunkt.plugins.content_errors.i18n import _

from . import PROJECT_ROOT, use_site_language

#: where each kind of new file goes: the setting naming its folders, and the default
FOLDERS = {
    "member": ("MEMBERS_PATHS", "members"),
    "post": ("ARTICLE_PATHS", "blog"),
    "episode": ("PODCAST_CONTENT_DIR", "podcast"),
}


def folder_for(kind: str, settings) -> str:
    """The content folder of ``kind`` as this site's settings place it."""
    name, default = FOLDERS[kind]
    value = settings.get(name)
    if isinstance(value, str):
        return value.strip("/") or default
    podcast = str(settings.get("PODCAST_CONTENT_DIR") or "podcast").strip("/")
    folders = [str(f).strip("/") for f in value or () if str(f).strip("/") != podcast]
    return folders[0] if folders else default


class ScaffoldError(Exception):
    """A reason not to write the file, for the member, in the site's language."""


def german_slug(text: str) -> str:
    """``Özlem Arslan`` → ``oezlem-arslan``: the same slug the build gives the name."""
    from knotenpunkt.plugins.i18n.slugs import german_slug as build_slug

    return build_slug(text)


def load_settings(settings_file: Path = PROJECT_ROOT / "pelicanconf.py"):
    from pelican.settings import read_settings

    return read_settings(str(settings_file))


def load_field_sets(settings_file: Path = PROJECT_ROOT / "pelicanconf.py") -> dict:
    """The field registry after every configured plugin had the chance to fill it.

    Messages printed afterwards are in the site's language (DEFAULT_LANG).
    """
    from pelican.settings import read_settings

    from knotenpunkt.plugins.content_errors.fields import (
        place_content_types,
        register_pelican_defaults,
        registered,
    )

    settings = read_settings(str(settings_file))
    for name in settings.get("PLUGINS") or []:
        try:
            module = importlib.import_module(name if isinstance(name, str) else name.__name__)
        except ImportError:
            continue
        fields_module = f"{module.__name__}.fields"
        with contextlib.suppress(ImportError):
            importlib.import_module(fields_module)
    place_content_types(settings)
    register_pelican_defaults(
        settings.get("ARTICLE_PATHS", []),
        settings.get("PAGE_PATHS", []),
        settings.get("CONTENT_EXTRA_FIELDS", {}),
    )
    use_site_language(settings)
    return registered()


def _header_value(spec, preset: dict[str, str]) -> str:
    return {k.lower(): v for k, v in preset.items()}.get(spec.name.lower(), "")


def render(field_set, preset: dict[str, str], intro: str) -> str:
    """The file text: every known field (preset or empty), then an explaining comment."""
    skip = {"template", "save_as", "url", "translation", "lang", "modified"}
    fields = [f for f in field_set.fields.values() if f.name.lower() not in skip]
    # an empty optional Summary would switch off the automatic one from the text
    header = [
        f"{spec.name}: {_header_value(spec, preset)}".rstrip()
        for spec in fields
        if spec.required or spec.name.lower() != "summary" or _header_value(spec, preset)
    ]
    known = {f.name.lower() for f in fields}
    header += [f"{key}: {value}" for key, value in preset.items() if key.lower() not in known]
    notes = []
    for spec in fields:
        mark = " (Pflichtfeld)" if spec.required else ""
        text = spec.explanation or ""
        if spec.example:
            text += f" Beispiel: „{spec.name}: {spec.example}“"
        if spec.choices:
            text += " Erlaubt: " + ", ".join(spec.choices) + "."
        notes.append(f"  {spec.name}{mark}: {text.strip()}")
    comment = "\n".join(
        [
            "<!--",
            f"  {intro}",
            "  Jede Kopfzeile oben hat die Form „Feld: Wert“. Leere optionale Felder",
            "  dürfen leer bleiben oder gelöscht werden. Die Felder bedeuten:",
            "",
            *notes,
            "",
            "  Prüfen Sie die Datei mit „make check“. Diesen Kommentar können Sie löschen.",
            "-->",
        ]
    )
    return "\n".join(header) + "\n\n" + comment + "\n\n"


def next_episode(podcast_folder: Path) -> tuple[int, int]:
    """(number, season) for the next episode, from the episodes already there."""
    from knotenpunkt.plugins.content_errors.header import decode, parse_header

    number, season = 0, 1
    for path in sorted(podcast_folder.glob("*.md")):
        try:
            header = parse_header(decode(path.read_bytes()).splitlines())
        except (OSError, UnicodeDecodeError):
            continue
        episode = header.first("Episode")
        if episode and episode.value.strip().isdigit() and int(episode.value) >= number:
            number = int(episode.value)
            found_season = header.first("Season")
            if found_season and found_season.value.strip().isdigit():
                season = int(found_season.value)
    return number + 1, season


def closest_member(author: str, members: Path) -> str | None:
    """The member slug ``author`` most likely means: ``kaethe`` → ``kaethe-gross``
    (a first name alone), else the nearest spelling."""
    from knotenpunkt.plugins.content_errors import suggest

    slugs = sorted(path.stem for path in members.glob("*.md"))
    wanted = german_slug(author)
    starting = [slug for slug in slugs if slug.startswith(wanted + "-")]
    if len(starting) == 1:
        return starting[0]
    return suggest(wanted, slugs)


def scaffold(
    kind: str, content: Path, *, name: str = "", title: str = "", author: str = ""
) -> Path:
    """Write the new file and return its path; ScaffoldError if it cannot."""
    field_sets = load_field_sets()
    settings = load_settings()
    folder = folder_for(kind, settings)
    members_folder = folder_for("member", settings)
    field_set = field_sets.get(folder)
    if field_set is None:
        raise ScaffoldError(
            _("Für content/{folder}/ sind keine Felder bekannt.").format(folder=folder)
        )
    now = datetime.datetime.now().replace(second=0, microsecond=0)
    if kind == "member":
        if not name.strip():
            raise ScaffoldError(
                _('Bitte geben Sie einen Namen an: make member NAME="Anna Beispiel"')
            )
        slug = german_slug(name)
        filename = f"{slug}.md"
        preset = {"Title": name.strip(), "Slug": slug}
        intro = f"Neues Mitgliederprofil für {name.strip()}."
        if field_set.get("Kind") and field_set.get("Kind").choices:
            preset["Kind"] = field_set.get("Kind").choices[0]
    elif kind == "post":
        if not title.strip():
            raise ScaffoldError(
                _(
                    'Bitte geben Sie einen Titel an: make post TITLE="Mein Beitrag" '
                    "AUTHOR=anna-beispiel"
                )
            )
        slug = german_slug(title)
        filename = f"{slug}.md"
        if author and not (content / members_folder / f"{author}.md").exists():
            message = _(
                "Ein Mitglied mit dem Slug „{author}“ gibt es nicht "
                "(content/{folder}/{author}.md fehlt). Schreiben Sie den Dateinamen Ihres "
                "Profils ohne „.md“, z. B. AUTHOR=anna-beispiel."
            ).format(author=author, folder=members_folder)
            close = closest_member(author, content / members_folder)
            if close:
                message += " " + _("Meinten Sie AUTHOR={slug}?").format(slug=close)
            raise ScaffoldError(message)
        preset = {
            "Title": title.strip(),
            "Slug": slug,
            "Date": now.strftime("%Y-%m-%d %H:%M"),
            "Author": author,
            "Status": "draft",
        }
        intro = (
            "Neuer Blogbeitrag. Er ist ein Entwurf („Status: draft“) und erscheint erst, "
            "wenn Sie den Status auf „published“ ändern."
        )
    elif kind == "episode":
        if not title.strip():
            raise ScaffoldError(
                _('Bitte geben Sie einen Titel an: make episode TITLE="Folgentitel"')
            )
        number, season = next_episode(content / folder)
        slug = f"folge-{number:02d}-{german_slug(title)}"
        filename = f"{slug}.md"
        preset = {
            "Title": title.strip(),
            "Slug": slug,
            "Date": now.strftime("%Y-%m-%d %H:%M"),
            "Category": "Podcast",
            "Audio": f"audio/folge-{number:02d}.mp3",
            "Episode": str(number),
            "Season": str(season),
            "Guid": str(uuid.uuid4()),
            "Explicit": "false",
            "EpisodeType": "full",
            "Status": "draft",
        }
        intro = (
            f"Neue Podcastfolge {number}. Laden Sie die Audiodatei als "
            f"content/audio/folge-{number:02d}.mp3 hoch. Die Guid darf nie geändert werden. "
            "Die Folge erscheint, wenn Sie „Status: draft“ auf „published“ ändern."
        )
    else:  # pragma: no cover - argparse limits the choices
        raise ScaffoldError(kind)
    target = content / folder / filename
    if target.exists():
        raise ScaffoldError(
            _(
                "Die Datei {path} gibt es schon; sie wird nicht überschrieben. Bearbeiten "
                "Sie sie direkt oder wählen Sie einen anderen Namen bzw. Titel."
            ).format(path=f"content/{folder}/{filename}")
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(field_set, preset, intro), encoding="utf-8")
    return target
