"""The field reference in ``docs/mitmachen.md``, generated from the field registry.

The section between the two markers is rewritten by ``python -m knotenpunkt
docs`` from the same definitions the checks use; a test compares the
committed guide with a fresh rendering, so the guide cannot drift.
"""

from __future__ import annotations

import sys

from knotenpunkt.plugins.content_errors.i18n import _

from . import PROJECT_ROOT

GUIDE = PROJECT_ROOT / "docs" / "mitmachen.md"
START = "<!-- feldreferenz:start (erzeugt mit: python -m knotenpunkt docs) -->"
END = "<!-- feldreferenz:end -->"

#: the order and headings of the sections; other registered folders follow
SECTIONS = [
    ("members", "Mitgliederprofil"),
    ("competences", "Kompetenz"),
    ("blog", "Blogbeitrag"),
    ("podcast", "Podcastfolge"),
    ("termine", "Termin"),
    ("pages", "Seite"),
]
#: a generated table after a section: folder → (module, function, German intro)
APPENDICES = {
    "termine": (
        "knotenpunkt.plugins.dates.recurrence",
        "accepted_forms_markdown",
        "So schreiben Sie regelmäßige Termine in „Recurrence“ (mit einem Ende "
        "„bis 30.6.2027“ oder einer Anzahl „10 Mal“, oder ohne Ende). Der erste Termin "
        "ist „Start“; einzelne ausfallende Tage stehen in „Cancelled“.",
    ),
}
EXPERT_FIELDS = {"template", "save_as", "url", "translation"}


def _cell(text: str) -> str:
    text = " ".join(str(text).split()).replace("|", "\\|")
    if "`" not in text:
        text = text.replace("<", "&lt;").replace(">", "&gt;")
    return text


def render_reference(field_sets: dict) -> str:
    order = [folder for folder, _ in SECTIONS if folder in field_sets]
    order += sorted(f for f in field_sets if f not in order)
    titles = dict(SECTIONS)
    blocks = []
    for folder in order:
        field_set = field_sets[folder]
        title = titles.get(folder, field_set.label)
        rows = [
            f"### {title} (`content/{folder}/`)",
            "",
            "| Feld | Pflicht | Bedeutung | Beispiel |",
            "|---|---|---|---|",
        ]
        for spec in field_set.fields.values():
            if spec.name.lower() in EXPERT_FIELDS:
                continue
            meaning = spec.explanation
            if spec.multiple:
                meaning += " Mehrere Werte mit Komma trennen."
            if spec.choices:
                meaning += " Erlaubt: " + ", ".join(f"`{c}`" for c in spec.choices) + "."
            example = f"`{spec.name}: {spec.example}`" if spec.example else ""
            required = "ja" if spec.required else ("empfohlen" if spec.recommended else "")
            rows.append(
                f"| `{spec.name}` | {required} | {_cell(meaning.strip())} | {_cell(example)} |"
            )
        if not field_set.closed:
            rows += ["", "Andere Felder werden nicht angezeigt; `make check` weist darauf hin."]
        if folder in APPENDICES:
            import importlib

            module, function, intro = APPENDICES[folder]
            table = getattr(importlib.import_module(module), function)()
            rows += ["", intro, "", table.rstrip("\n")]
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks)


def rendered_guide(text: str, reference: str) -> str:
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}\n\n{reference}\n\n{END}{tail}"


def update_guide(check_only: bool = False) -> int:
    from .scaffold import load_field_sets

    text = GUIDE.read_text(encoding="utf-8")
    fresh = rendered_guide(text, render_reference(load_field_sets()))
    if fresh == text:
        print(_("docs/mitmachen.md ist aktuell."))
        return 0
    if check_only:
        print(
            _("docs/mitmachen.md ist veraltet: bitte „python -m knotenpunkt docs“ ausführen."),
            file=sys.stderr,
        )
        return 1
    GUIDE.write_text(fresh, encoding="utf-8")
    print(_("docs/mitmachen.md aktualisiert."))
    return 0
