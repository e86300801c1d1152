"""Every field of a date file (``content/termine/*.md``), defined once.

The raw-file checks, the generator, ``make date``, the field reference in
docs/mitmachen.md and the CMS forms read these definitions. ``Start`` and
``End`` are ``text`` on purpose: the ``date`` kind warns about future days,
and a date in the future is the whole point here; the generator checks their
form (:mod:`dates.moments`).
"""

from __future__ import annotations

from knotenpunkt.plugins.content_errors.fields import Field

DATE_FIELDS = (
    Field(
        "Title",
        required=True,
        help="Name des Termins, wie er in der Liste und im Kalender steht.",
        example="Netzwerktreffen",
    ),
    Field(
        "Slug",
        help="Kurzname für die Adresse (termine/<slug>/). Ohne Angabe gilt der Dateiname.",
        example="netzwerktreffen",
        allowed="Kleinbuchstaben, Ziffern und Bindestriche",
        kind="slug",
    ),
    Field(
        "Start",
        required=True,
        help="Beginn mit Datum und Uhrzeit, in deutscher Ortszeit. Bei einer Reihe: der erste Termin.",
        example="2027-02-09 19:00",
        allowed="JJJJ-MM-TT HH:MM oder TT.MM.JJJJ HH:MM",
        aliases=("beginn", "datum"),
    ),
    Field(
        "End",
        help="Ende mit Datum und Uhrzeit (oder nur die Uhrzeit am selben Tag). "
        "Entweder End oder Duration.",
        example="2027-02-09 21:00",
        allowed="JJJJ-MM-TT HH:MM, TT.MM.JJJJ HH:MM oder HH:MM",
        aliases=("ende",),
    ),
    Field(
        "Duration",
        help="Dauer statt eines Endes, z. B. „2 Stunden“ oder „90 Minuten“.",
        example="2 Stunden",
        allowed="Stunden und/oder Minuten, z. B. 1:30, 2 Stunden, 90 Minuten",
        aliases=("dauer",),
    ),
    Field(
        "Location",
        help="Ort mit Adresse. Entweder Location oder Online (oder beides).",
        example="Stadtteilzentrum Nord, Lindenstraße 4, Musterstadt",
        aliases=("ort",),
    ),
    Field(
        "Online",
        help="Link zum Online-Treffen. Er steht nur auf der Seite des Termins, nie in "
        "Listen, im Kalender-Abo oder in der .ics-Datei.",
        example="https://meet.example.org/netzwerk",
        allowed="eine Adresse, die mit https:// beginnt",
        kind="url",
    ),
    Field(
        "Organizers",
        help="Wer den Termin vorbereitet: Kurznamen (Dateinamen ohne .md) von Mitgliedern, "
        "durch Kommas getrennt.",
        example="anna-beispiel, lukas-brandt",
        allowed="Dateinamen (ohne .md) aus content/members/",
        multiple=True,
        kind="reference",
        references="member",
        aliases=("organisation", "organisiert", "organizer"),
    ),
    Field(
        "Groups",
        help="Arbeitsgruppen, zu denen der Termin gehört: Dateinamen (ohne .md) aus "
        "content/groups/, durch Kommas getrennt.",
        example="steuerungsgruppe",
        allowed="Dateinamen (ohne .md) aus content/groups/",
        multiple=True,
        kind="reference",
        references="group",
        aliases=("gruppen", "gruppe", "arbeitsgruppe"),
    ),
    Field(
        "Recurrence",
        help="Für regelmäßige Treffen: die Wiederholung in Worten, z. B. „jeden zweiten "
        "Dienstag im Monat, bis 30.6.2027“. Alle Formen stehen unten im Abschnitt Termine.",
        example="jeden zweiten Dienstag im Monat",
        aliases=("wiederholung",),
    ),
    Field(
        "Cancelled",
        help="Tage einer Reihe, an denen das Treffen ausfällt, durch Kommas getrennt.",
        example="2027-04-13",
        allowed="JJJJ-MM-TT oder TT.MM.JJJJ, jeder ein Tag der Reihe",
        multiple=True,
        aliases=("ausfall", "faellt-aus", "abgesagt"),
    ),
    Field(
        "Registration",
        help="Anmeldung: ein Link (https://) oder eine E-Mail-Adresse.",
        example="anmeldung@netzwerk.example.org",
        allowed="eine Adresse mit https:// oder eine E-Mail-Adresse",
        aliases=("anmeldung",),
    ),
    Field(
        "Uid",
        required=True,
        help="Kennung für Kalender-Apps. „make date“ trägt sie ein; danach nie ändern, "
        "auch nicht beim Umbenennen der Datei.",
        example="6f1c1f0e-1d5a-4c0b-9a77-2f1d1c2b3a4e",
        allowed="eine UUID",
    ),
    Field(
        "Modified",
        help="Wann der Termin zuletzt geändert wurde. Kalender-Apps übernehmen eine Änderung, "
        "wenn dieses Datum weiter nach vorn rückt.",
        example="2027-01-10 12:00",
        kind="date",
        aliases=("geaendert",),
    ),
    Field(
        "Summary",
        help="Ein Satz für die Terminliste; ohne Angabe der Anfang der Tagesordnung.",
        example="Austausch aus den Arbeitsgruppen und Planung des Fachtags.",
    ),
    Field(
        "Status",
        help="„draft“ blendet den Termin aus, bis er fertig ist.",
        example="draft",
        choices=("published", "draft"),
        kind="choice",
    ),
)

BODY = "Der Text unter den Kopfzeilen ist die Tagesordnung (oder nach dem Termin das Protokoll)."


def _register_with_content_errors() -> None:
    from knotenpunkt.plugins.content_errors.fields import register_known_fields
    from knotenpunkt.plugins.content_errors.i18n import N_

    from .settings import DEFAULTS

    register_known_fields(
        DEFAULTS["DATES_PATHS"][0],
        DATE_FIELDS,
        label=N_("Termin"),
        folders_setting="DATES_PATHS",
        plugin=__package__,
    )


_register_with_content_errors()
