"""The date type is defined once (plugins/dates/fields.py); the raw checks, the
scaffolding, the field guide and the CMS forms pick it up without own code."""

from __future__ import annotations

import uuid

from knotenpunkt.plugins.admin.config import decap_config
from knotenpunkt.plugins.admin.content_types import content_types
from knotenpunkt.plugins.content_errors.fields import SHARED_FIELDS
from knotenpunkt.plugins.dates.fields import DATE_FIELDS
from knotenpunkt.plugins.dates.recurrence import ACCEPTED_FORMS
from pelican.settings import read_settings

from dates_fixture import build_dates_site, fachtag
from knotenpunkt.scaffold import scaffold
from sitebuild import PROJECT_ROOT

GUIDE = (PROJECT_ROOT / "docs" / "mitmachen.md").read_text(encoding="utf-8")


def settings():
    return read_settings(str(PROJECT_ROOT / "pelicanconf.py"))


def test_cms_has_a_date_collection_with_every_field_and_a_generated_uid():
    types = {t.folder: t for t in content_types(settings())}
    # the date's own fields, then those every content type shares (Aliases)
    expected = [f.name for f in (*DATE_FIELDS, *SHARED_FIELDS)]
    assert [f.name for f in types["termine"].fields] == expected
    config = decap_config(settings(), list(types.values()))
    collection = next(c for c in config["collections"] if "termine" in c.get("folder", ""))
    widgets = {f["name"]: f for f in collection["fields"]}
    assert widgets["Uid"]["widget"] == "hidden"  # filled with a fresh UUID by the form
    organizers = widgets["Organizers"]
    assert organizers["widget"] == "select" and organizers["multiple"] is True
    assert "anna-beispiel" in [o["value"] for o in organizers["options"]]
    groups = widgets["Groups"]
    assert groups["widget"] == "select" and groups["multiple"] is True
    assert "steuerungsgruppe" in [o["value"] for o in groups["options"]]


def test_field_guide_lists_the_date_fields_and_the_recurrence_forms():
    section = GUIDE.split("### Termin (`content/termine/`)")[1].split("\n## ")[0]
    for spec in DATE_FIELDS:
        assert f"| {spec.name} |" in section or f"| `{spec.name}` |" in section, spec.name
    for example, _meaning, rule in ACCEPTED_FORMS:
        assert f"| {example} |" in section and rule in section


def test_make_date_writes_a_file_with_a_fresh_uid(tmp_path):
    content = tmp_path / "content"
    path = scaffold("date", content, title="Barcamp Lernen")
    assert path == content / "termine" / "barcamp-lernen.md"
    header = dict(
        line.split(": ", 1)
        for line in path.read_text(encoding="utf-8").splitlines()
        if ": " in line and not line.startswith(" ")
    )
    assert header["Title"] == "Barcamp Lernen"
    assert uuid.UUID(header["Uid"])
    second = scaffold("date", content, title="Zweiter Termin").read_text(encoding="utf-8")
    assert header["Uid"] not in second and second.count("\nUid: ") == 1


def test_raw_check_knows_the_date_fields(tmp_path):
    result = build_dates_site(tmp_path, {"termine/fachtag.md": fachtag(Raum="Saal 3")})
    assert result.exit_code == 1
    assert "content/termine/fachtag.md" in result.messages and "Raum" in result.messages


def test_german_field_names_are_declared():
    names = {a for spec in DATE_FIELDS for a in spec.aliases}
    assert {"beginn", "ort", "dauer", "wiederholung", "anmeldung"} <= names


def test_publishing_workflows_rebuild_daily():
    """ "Upcoming" is relative to the build day: the site is rebuilt every day."""
    github = (PROJECT_ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "schedule:" in github and '- cron: "17 3 * * *"' in github
    gitlab = (PROJECT_ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "Pipeline schedules" in gitlab


def test_guide_explains_dates_in_german():
    section = GUIDE.split("## Einen Termin eintragen")[1].split("\n## ")[0]
    assert "make date" in section and "Uid" in section and "Cancelled" in section


def test_make_check_reports_a_broken_date(tmp_path, capsys):
    """``make check`` (knotenpunkt.build.check, in this process) knows the date type."""
    from dates_fixture import dates_content
    from knotenpunkt.build import check

    content = dates_content(tmp_path, {"termine/fachtag.md": fachtag(Organizers="ana-beispiel")})
    outcome = check(PROJECT_ROOT / "pelicanconf.py", PATH=str(content))
    captured = capsys.readouterr()
    report = captured.out + captured.err
    assert outcome.exit_code == 1, report
    assert "content/termine/fachtag.md" in report
    assert "Meinten Sie „anna-beispiel“?" in report
