"""Every field of a member file and of a competence file, defined once.

Validation reads the required flags, closed value lists and examples from
here, and so does the member documentation: change a field here and both
follow. Descriptions are German, written for members.
"""

from __future__ import annotations

from knotenpunkt.plugins.content_errors.fields import Field

from .vocabulary import FORMATS, KINDS, STATUSES

MEMBER_FIELDS = (
    Field(
        "Title",
        required=True,
        help="Name der Person oder Organisation, so wie er im Verzeichnis stehen soll.",
        example="Anna Beispiel",
    ),
    Field(
        "Slug",
        help="Kurzname für die Adresse des Profils (mitglieder/<slug>/); unter diesem "
        "Namen steht das Mitglied auch als Autor:in über Blogbeiträgen. Ohne Angabe "
        "gilt der Dateiname ohne .md.",
        example="anna-beispiel",
        allowed="Kleinbuchstaben, Ziffern und Bindestriche; im Netzwerk nur einmal vergeben",
        kind="slug",
    ),
    Field(
        "Kind",
        required=True,
        help="Ob das Mitglied eine Person oder eine Organisation (Verein, Beratungsstelle, Amt …) ist.",
        example="person",
        choices=tuple(KINDS),
        kind="choice",
        aliases=(
            "art",
            "typ",
        ),
    ),
    Field(
        "Competences",
        required=True,
        help="Die Kompetenzen des Mitglieds, durch Kommas getrennt. Jede Kompetenz ist eine "
        "Datei in content/competences/; ihr Dateiname ohne .md ist der Wert hier.",
        example="legasthenie, dyskalkulie",
        allowed="Dateinamen (ohne .md) aus content/competences/, mindestens einer",
        multiple=True,
        kind="reference",
        references="competence",
        aliases=(
            "kompetenzen",
            "kompetenz",
            "competence",
        ),
    ),
    Field(
        "Region",
        required=True,
        help="Wo das Mitglied arbeitet (Stadtteil, Stadt oder Landkreis). Mitglieder mit "
        "derselben Region erscheinen gemeinsam auf einer Regionsseite.",
        example="Musterstadt-Nord",
        allowed="freier Text; bitte dieselbe Schreibweise wie andere Mitglieder",
    ),
    Field(
        "Formats",
        required=True,
        help="Wie das Mitglied arbeitet: vor Ort (praesenz), online oder beides, durch Kommas getrennt.",
        example="praesenz, online",
        choices=tuple(FORMATS),
        multiple=True,
        kind="choice",
        aliases=(
            "formate",
            "format",
        ),
    ),
    Field(
        "Roles",
        help="Aufgaben im Netzwerk, durch Kommas getrennt.",
        example="moderation",
        allowed="freier Text, z. B. moderation, koordination, fortbildung, mentoring",
        multiple=True,
        aliases=(
            "rollen",
            "rolle",
        ),
    ),
    Field(
        "Photo",
        help="Foto oder Logo, Pfad innerhalb von content/. Wird quadratisch zugeschnitten; "
        "Kamera- und Ortsdaten werden entfernt. Ohne Foto erscheinen die Initialen.",
        example="images/members/anna-beispiel.jpg",
        recommended=True,
        allowed="eine vorhandene JPEG-, PNG- oder WebP-Datei",
        kind="image",
        aliases=(
            "foto",
            "bild",
        ),
    ),
    Field(
        "Contact",
        help="Bei Organisationen: die Ansprechperson.",
        example="Dr. Karin Vogt",
    ),
    Field(
        "Email",
        help="E-Mail-Adresse für Anfragen (ohne „mailto:“).",
        example="anna@example.org",
        allowed="eine E-Mail-Adresse",
        kind="email",
        aliases=(
            "e-mail",
            "mail",
        ),
    ),
    Field(
        "Website",
        help="Eigene Website, vollständig mit https:// oder http://.",
        example="https://anna-beispiel.example.org",
        allowed="eine Adresse, die mit https:// oder http:// beginnt",
        kind="url",
        aliases=(
            "webseite",
            "homepage",
        ),
    ),
    Field(
        "Links",
        help="Eigene Kanäle (Mastodon, Blog, Podcast …), vollständig mit https://, durch "
        "Kommas getrennt. Sie stehen als einfache Links im Profil (mit rel=„me“, so "
        "bestätigt Mastodon das Profil).",
        example="https://social.example/@anna, https://anna-bloggt.example.org",
        allowed="Adressen, die mit https:// beginnen",
        multiple=True,
        aliases=("kanaele", "profile"),
    ),
    Field(
        "Groups",
        help="Gruppen des Netzwerks, in denen das Mitglied mitarbeitet: Dateinamen (ohne .md) "
        "aus content/groups/, durch Kommas getrennt.",
        example="steuerungsgruppe, ag-uebergaenge",
        allowed="Dateinamen (ohne .md) aus content/groups/",
        multiple=True,
        kind="reference",
        references="group",
        aliases=("gruppen", "gruppe", "arbeitsgruppen"),
    ),
    Field(
        "Summary",
        required=True,
        help="Ein Satz für die Karte im Verzeichnis.",
        example="Lerntherapeutin für Lesen, Schreiben und Rechnen in Musterstadt-Nord.",
    ),
    Field(
        "Status",
        help="„draft“ blendet das Profil aus, bis es fertig ist.",
        example="draft",
        choices=STATUSES,
        kind="choice",
    ),
)

COMPETENCE_FIELDS = (
    Field(
        "Title",
        required=True,
        help="Name der Kompetenz, wie Besucher:innen ihn lesen.",
        example="Dyskalkulie",
    ),
    Field(
        "Slug",
        help="Kurzname für Adresse und Mitgliedsdateien; ohne Angabe der Dateiname.",
        example="dyskalkulie",
        allowed="Kleinbuchstaben, Ziffern und Bindestriche",
        kind="slug",
    ),
    Field(
        "Summary",
        help="Ein Satz, der die Kompetenz in der Übersicht erklärt.",
        example="Hilfe für Kinder, die mit Zahlen und dem Rechnen große Mühe haben.",
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
        folders_setting="MEMBERS_PATHS",
        plugin=__package__,
    )
    register_known_fields(
        DEFAULTS["COMPETENCES_PATHS"][0],
        COMPETENCE_FIELDS,
        label=N_("Kompetenz"),
        folders_setting="COMPETENCES_PATHS",
        plugin=__package__,
    )


_register_with_content_errors()
