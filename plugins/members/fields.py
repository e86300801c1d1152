"""Every field of a member file and of a competence file, defined once.

Validation reads the required flags, closed value lists and examples from
here, and so does the member documentation: change a field here and both
follow. Descriptions are German, written for members.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocabulary import FORMATS, KINDS, STATUSES


@dataclass(frozen=True)
class Field:
    name: str  # as written in the file, e.g. "Competences"
    required: bool
    description: str
    example: str
    values: tuple[str, ...] = ()  # the closed list of allowed values, if any
    allowed: str = ""  # allowed values in words, where there is no closed list
    multiple: bool = False  # a comma-separated list

    @property
    def key(self) -> str:
        """The metadata key Pelican gives this field (lower case)."""
        return self.name.lower()

    @property
    def example_line(self) -> str:
        return f"{self.name}: {self.example}"


MEMBER_FIELDS = (
    Field(
        "Title",
        True,
        "Name der Person oder Organisation, so wie er im Verzeichnis stehen soll.",
        "Anna Beispiel",
    ),
    Field(
        "Slug",
        False,
        "Kurzname für die Adresse des Profils (mitglieder/<slug>/); unter diesem "
        "Namen steht das Mitglied auch als Autor:in über Blogbeiträgen. Ohne Angabe "
        "gilt der Dateiname ohne .md.",
        "anna-beispiel",
        allowed="Kleinbuchstaben, Ziffern und Bindestriche; im Netzwerk nur einmal vergeben",
    ),
    Field(
        "Kind",
        True,
        "Ob das Mitglied eine Person oder eine Organisation (Verein, Beratungsstelle, Amt …) ist.",
        "person",
        values=tuple(KINDS),
    ),
    Field(
        "Competences",
        True,
        "Die Kompetenzen des Mitglieds, durch Kommas getrennt. Jede Kompetenz ist eine "
        "Datei in content/competences/; ihr Dateiname ohne .md ist der Wert hier.",
        "legasthenie, dyskalkulie",
        allowed="Dateinamen (ohne .md) aus content/competences/, mindestens einer",
        multiple=True,
    ),
    Field(
        "Region",
        True,
        "Wo das Mitglied arbeitet (Stadtteil, Stadt oder Landkreis). Mitglieder mit "
        "derselben Region erscheinen gemeinsam auf einer Regionsseite.",
        "Musterstadt-Nord",
        allowed="freier Text; bitte dieselbe Schreibweise wie andere Mitglieder",
    ),
    Field(
        "Formats",
        True,
        "Wie das Mitglied arbeitet: vor Ort (praesenz), online oder beides, durch Kommas getrennt.",
        "praesenz, online",
        values=tuple(FORMATS),
        multiple=True,
    ),
    Field(
        "Roles",
        False,
        "Aufgaben im Netzwerk, durch Kommas getrennt.",
        "moderation",
        allowed="freier Text, z. B. moderation, koordination, fortbildung, mentoring",
        multiple=True,
    ),
    Field(
        "Photo",
        False,
        "Foto oder Logo, Pfad innerhalb von content/. Wird quadratisch zugeschnitten; "
        "Kamera- und Ortsdaten werden entfernt. Ohne Foto erscheinen die Initialen.",
        "images/members/anna-beispiel.jpg",
        allowed="eine vorhandene JPEG-, PNG- oder WebP-Datei",
    ),
    Field(
        "Contact",
        False,
        "Bei Organisationen: die Ansprechperson.",
        "Dr. Karin Vogt",
    ),
    Field(
        "Email",
        False,
        "E-Mail-Adresse für Anfragen (ohne „mailto:“).",
        "anna@example.org",
        allowed="eine E-Mail-Adresse",
    ),
    Field(
        "Website",
        False,
        "Eigene Website, vollständig mit https:// oder http://.",
        "https://anna-beispiel.example.org",
        allowed="eine Adresse, die mit https:// oder http:// beginnt",
    ),
    Field(
        "Summary",
        True,
        "Ein Satz für die Karte im Verzeichnis.",
        "Lerntherapeutin für Lesen, Schreiben und Rechnen in Musterstadt-Nord.",
    ),
    Field(
        "Status",
        False,
        "„draft“ blendet das Profil aus, bis es fertig ist.",
        "draft",
        values=STATUSES,
    ),
)

COMPETENCE_FIELDS = (
    Field(
        "Title",
        True,
        "Name der Kompetenz, wie Besucher:innen ihn lesen.",
        "Dyskalkulie",
    ),
    Field(
        "Slug",
        False,
        "Kurzname für Adresse und Mitgliedsdateien; ohne Angabe der Dateiname.",
        "dyskalkulie",
        allowed="Kleinbuchstaben, Ziffern und Bindestriche",
    ),
    Field(
        "Summary",
        False,
        "Ein Satz, der die Kompetenz in der Übersicht erklärt.",
        "Hilfe für Kinder, die mit Zahlen und dem Rechnen große Mühe haben.",
    ),
)

BODY = {
    "member": "Der Text unter den Kopfzeilen ist die Vorstellung (Biografie), in Markdown.",
    "competence": "Der Text unter den Kopfzeilen beschreibt die Kompetenz, in Markdown.",
}


def field_named(fields: tuple[Field, ...], name: str) -> Field:
    return next(f for f in fields if f.name == name)


# The raw-file checks, `make member` and the field reference in
# docs/mitmachen.md read these definitions through content_errors' registry.
def _register_with_content_errors() -> None:
    from knotenpunkt.plugins.content_errors.fields import register_known_fields
    from knotenpunkt.plugins.content_errors.i18n import N_

    from .settings import DEFAULTS

    # The folders are defaults; the build's MEMBERS_PATHS and COMPETENCES_PATHS
    # place them (content_errors.fields.place_content_types).
    register_known_fields(
        DEFAULTS["MEMBERS_PATHS"][0],
        MEMBER_FIELDS,
        label=N_("Mitgliederprofil"),
        kinds={"Photo": "image"},
        recommended=["Photo"],
        folders_setting="MEMBERS_PATHS",
    )
    register_known_fields(
        DEFAULTS["COMPETENCES_PATHS"][0],
        COMPETENCE_FIELDS,
        label=N_("Kompetenz"),
        folders_setting="COMPETENCES_PATHS",
    )


_register_with_content_errors()
