"""The content model: one Field type, one definition per kind of content.

Unit tests of the field definitions, the shared value checks, the raw header
parser and the strict date parser; and the promise of the model: a field
added to one definition reaches the guide, the scaffold and the check.
"""

from __future__ import annotations

import datetime

import pytest
from knotenpunkt.plugins.content_errors.dates import DateFormatError, parse_date
from knotenpunkt.plugins.content_errors.fields import Field, alias_for, registered
from knotenpunkt.plugins.content_errors.header import parse_header

from knotenpunkt.docs import render_reference
from knotenpunkt.scaffold import load_field_sets, scaffold
from members_fixture import members_content
from sitebuild import PROJECT_ROOT

# --- field definitions ----------------------------------------------------------


@pytest.fixture(scope="module")
def field_sets():
    return load_field_sets()


def test_every_kind_of_content_has_one_definition_with_examples(field_sets):
    assert {"members", "competences", "blog", "podcast", "pages"} <= set(field_sets)
    for folder, field_set in field_sets.items():
        for spec in field_set.fields.values():
            assert isinstance(spec, Field), (folder, spec)
            if spec.required:
                assert spec.example, f"{folder}: {spec.name} needs an example for its hint"


def test_every_example_is_accepted_by_its_own_field(field_sets):
    for field_set in field_sets.values():
        for spec in field_set.fields.values():
            if spec.example:
                _value, problems = spec.clean(spec.example, "x.md")
                assert problems == [], (spec.name, problems)


def test_podcast_choices_live_in_the_definition(field_sets):
    episode = field_sets["podcast"]
    assert episode.get("EpisodeType").choices == ("full", "trailer", "bonus")
    assert {"true", "false", "ja", "nein"} <= set(episode.get("Explicit").choices)


def test_closed_choices_are_normalised_and_typos_get_a_suggestion():
    kind = Field("Kind", required=True, choices=("person", "organisation"), example="person")
    assert kind.clean("Person", "a.md") == ("person", [])
    value, problems = kind.clean("persn", "a.md")
    assert value is None
    assert problems[0].field == "Kind"
    assert "„persn“ ist hier kein erlaubter Wert." in problems[0].message
    assert "Meinten Sie „person“?" in problems[0].hint
    formats = Field("Formats", multiple=True, choices=("praesenz", "online"))
    assert formats.clean("online, praesenz, online", "a.md") == (["online", "praesenz"], [])


@pytest.mark.parametrize(
    ("kind", "good", "bad"),
    [
        ("email", "anna@example.org", "anna(at)example.org"),
        ("url", "https://anna.example.org/", "javascript:alert(1)"),
        ("url", "http://anna.example.org", "https://www.bank.example@evil.example/"),
    ],
)
def test_addresses_are_checked_in_one_place(kind, good, bad):
    spec = Field("Adresse", kind=kind, example=good)
    assert spec.clean(good, "a.md") == (good, [])
    value, problems = spec.clean(bad, "a.md")
    assert value is None and len(problems) == 1
    assert problems[0].hint and good in problems[0].hint


def test_a_missing_required_field_names_the_line_to_add():
    problem = Field("Guid", required=True, example="1234").missing("folge.md")
    assert (problem.source_path, problem.field) == ("folge.md", "Guid")
    assert problem.message == "Dieses Pflichtfeld fehlt."
    assert "„Guid: 1234“" in problem.hint


def test_lists_and_empty_optional_values():
    assert Field("Roles", multiple=True).clean(" a, b ,, c", "x.md") == (["a", "b", "c"], [])
    assert Field("Contact").clean("  ", "x.md") == (None, [])


def test_german_words_for_keys_come_from_the_fields(field_sets):
    assert alias_for("Foto") == "Photo"
    assert alias_for("Datum") == "Date"
    assert alias_for("Staffel") == "Season"
    assert alias_for("Quatsch") is None


# --- the raw header parser --------------------------------------------------------


def test_header_parser_reads_keys_values_and_lines():
    header = parse_header(["Title: Hallo", "Tags: a,", "    b", "", "Text: kein Feld"])
    assert [(e.key, e.value, e.line) for e in header.entries] == [
        ("Title", "Hallo", 1),
        ("Tags", "a, b", 2),
    ]
    assert header.body_start == 4
    assert header.first("tags").value == "a, b"


def test_header_parser_knows_fences_and_stray_lines():
    fenced = parse_header(["---", "Title: X", "---", "Body"])
    assert [e.key for e in fenced.entries] == ["Title"]
    stray = parse_header(["Title: X", "Kein Doppelpunkt hier", "Date: 2026-01-01", "", "Body"])
    assert [e.key for e in stray.entries] == ["Title"]
    assert stray.stray == [(2, "Kein Doppelpunkt hier"), (3, "Date: 2026-01-01")]


# --- strict dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01", datetime.datetime(2026, 3, 1)),
        ("2026-03-01 10:30", datetime.datetime(2026, 3, 1, 10, 30)),
        ("1.3.2026", datetime.datetime(2026, 3, 1)),
        ("01. 03. 2026, 9.15 Uhr", datetime.datetime(2026, 3, 1, 9, 15)),
    ],
)
def test_dates_in_iso_or_german_order(text, expected):
    assert parse_date(text) == expected


def test_a_date_with_a_zone_keeps_it():
    moment = parse_date("2026-03-01T10:00+01:00")
    assert moment.utcoffset() == datetime.timedelta(hours=1)


@pytest.mark.parametrize("text", ["03/01/2026", "gestern", "31.2.2026", "2026-13-01", ""])
def test_ambiguous_or_impossible_dates_are_refused(text):
    with pytest.raises(DateFormatError) as refused:
        parse_date(text, "Modified")
    assert refused.value.field == "Modified"


def test_strict_dates_leave_pelicans_global_processors_alone():
    import knotenpunkt.plugins.content_errors  # noqa: F401 - registers the library
    from pelican import readers

    assert readers.METADATA_PROCESSORS["date"]("03/01/2026", {}).month == 3


# --- adding a field ---------------------------------------------------------------


@pytest.fixture
def member_with_languages(monkeypatch):
    """The member definition with one more field, as a contributor would add it."""
    from knotenpunkt.plugins.members import fields as member_fields

    languages = Field(
        "Languages",
        multiple=True,
        help="Sprachen, in denen das Mitglied berät.",
        example="deutsch, türkisch",
        aliases=("sprachen",),
    )
    monkeypatch.setattr(member_fields, "MEMBER_FIELDS", (*member_fields.MEMBER_FIELDS, languages))
    member_fields._register_with_content_errors()
    yield languages
    monkeypatch.undo()
    member_fields._register_with_content_errors()


def test_a_field_added_to_one_definition_reaches_guide_scaffold_and_check(
    member_with_languages, tmp_path, capsys
):
    from knotenpunkt.build import check

    field_sets = load_field_sets()
    guide = render_reference(field_sets)
    assert (
        "| `Languages` |  | Sprachen, in denen das Mitglied berät. Mehrere Werte mit Komma "
        "trennen. | `Languages: deutsch, türkisch` |" in guide
    )

    scratch = members_content(tmp_path / "scaffold")
    new = scaffold("member", scratch, name="Jana Müller").read_text(encoding="utf-8")
    header = new.split("\n\n", 1)[0].splitlines()
    assert "Languages:" in header
    assert "Languages: Sprachen, in denen das Mitglied berät." in new

    content = members_content(
        tmp_path / "check",
        {"pages/datenschutz.md": "Title: Datenschutz\nSlug: datenschutz\n\nText.\n"},
    )
    member = content / "members" / "anna-beispiel.md"
    text = member.read_text(encoding="utf-8")
    member.write_text("Languages: deutsch, türkisch\n" + text, encoding="utf-8")
    outcome = check(PROJECT_ROOT / "pelicanconf.py", PATH=str(content))
    printed = capsys.readouterr().err
    assert outcome.exit_code == 0, printed
    assert "Languages" not in printed

    # the German word for it is understood, too
    member.write_text("Sprachen: deutsch\n" + text, encoding="utf-8")
    outcome = check(PROJECT_ROOT / "pelicanconf.py", PATH=str(content))
    printed = capsys.readouterr().err
    assert outcome.exit_code == 1
    assert "Meinten Sie „Languages:“?" in printed


def test_the_added_field_is_gone_again_afterwards():
    assert registered()["members"].get("Languages") is None
