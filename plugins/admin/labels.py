"""German labels for the form fields (the key stays the field name in the file).

The field definitions name a field by its key (``Competences``) and explain
it in their help text; a form needs a short label a member recognises. Keys
without a label here are shown as they are. (Belongs in the field
definitions once the content model carries labels.)
"""

from __future__ import annotations

from knotenpunkt.plugins.content_errors.i18n import N_

LABELS = {
    "title": N_("Titel"),
    "slug": N_("Adresse (Slug)"),
    "summary": N_("Kurzbeschreibung"),
    "status": N_("Status"),
    "date": N_("Datum"),
    "modified": N_("Geändert am"),
    "author": N_("Autor:in"),
    "authors": N_("Autor:innen"),
    "category": N_("Rubrik"),
    "tags": N_("Schlagwörter"),
    "kind": N_("Art des Mitglieds"),
    "competences": N_("Kompetenzen"),
    "region": N_("Region"),
    "formats": N_("Arbeitsweise"),
    "roles": N_("Aufgaben im Netzwerk"),
    "photo": N_("Foto oder Logo"),
    "contact": N_("Ansprechperson"),
    "email": N_("E-Mail"),
    "website": N_("Website"),
    "audio": N_("Audiodatei"),
    "guid": N_("Kennung (Guid)"),
    "episode": N_("Folge"),
    "season": N_("Staffel"),
    "hosts": N_("Moderation"),
    "guests": N_("Gäste"),
    "chapters": N_("Kapitelmarken"),
    "transcript": N_("Transkript"),
    "image": N_("Bild der Folge"),
    "explicit": N_("Nicht jugendfrei"),
    "episodetype": N_("Art der Folge"),
    # dates (plugins/dates/fields.py)
    "start": N_("Beginn"),
    "end": N_("Ende"),
    "duration": N_("Dauer"),
    "location": N_("Ort"),
    "online": N_("Link zum Online-Treffen"),
    "organizers": N_("Organisation"),
    "groups": N_("Gruppen"),
    "recurrence": N_("Wiederholung"),
    "cancelled": N_("Fällt aus am"),
    "registration": N_("Anmeldung"),
    "uid": N_("Kennung (Uid)"),
    # members' channels and groups (plugins/groups/fields.py)
    "links": N_("Eigene Kanäle"),
    "rhythm": N_("Treffen"),
}

#: labels that differ by kind of content: (folder, key) → label
LABEL_BY_FOLDER = {("groups", "kind"): N_("Art der Gruppe")}

#: the member's own Title is their name, not a headline
TITLE_BY_FOLDER = {"members": N_("Name"), "competences": N_("Name der Kompetenz")}


def label_for(folder: str, name: str) -> str:
    """The German message id of a field's label (translate with ``_()``)."""
    if name.lower() == "title" and folder in TITLE_BY_FOLDER:
        return TITLE_BY_FOLDER[folder]
    return LABEL_BY_FOLDER.get((folder, name.lower())) or LABELS.get(name.lower(), name)
