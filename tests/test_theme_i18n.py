"""German first, translatable: DEFAULT_LANG switches every interface string."""

import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po

from sitebuild import FIXTURES, PROJECT_ROOT, build_site, write_files

TRANSLATIONS = PROJECT_ROOT / "themes" / "knotenpunkt" / "translations"
LANGUAGES = sorted(p.name for p in TRANSLATIONS.iterdir() if p.is_dir())


def minimal(tmp_path, **files):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    return write_files(content, files)


def test_english_site_has_english_interface_and_html_lang(tmp_path):
    result = build_site(minimal(tmp_path), tmp_path / "out", DEFAULT_LANG="en")
    assert result.exit_code == 0, result.messages
    html = result.page("blog/erster-beitrag/index.html")
    assert '<html lang="en">' in html
    assert ">Skip to content</a>" in html
    assert 'aria-label="Main navigation"' in html
    assert ">Members</a>" in html and ">Legal notice</a>" in html
    assert 'aria-label="Breadcrumb"' in html
    for german in ["Zum Inhalt springen", "Hauptnavigation", ">Mitglieder<", "Startseite"]:
        assert german not in html


def test_german_site_is_the_default(tmp_path):
    result = build_site(minimal(tmp_path), tmp_path / "out")
    html = result.page("blog/erster-beitrag/index.html")
    assert '<html lang="de">' in html
    assert ">Zum Inhalt springen</a>" in html and 'aria-label="Hauptnavigation"' in html


def test_dates_follow_the_site_locale_not_the_machine(tmp_path):
    content = minimal(tmp_path, **{"blog/datum.md": "Title: Datum\nDate: 2026-03-14\n\nText\n"})
    german = build_site(content, tmp_path / "de").page("blog/datum/index.html")
    english = build_site(content, tmp_path / "en", DEFAULT_LANG="en").page("blog/datum/index.html")
    assert "14. März 2026" in german
    assert "March 14, 2026" in english


def test_content_errors_are_reported_in_the_site_language(tmp_path):
    content = minimal(tmp_path, **{"blog/kaputt.md": "Title: Kaputt\nDate: 31.02.2026\n\nText\n"})
    result = build_site(content, tmp_path / "out", DEFAULT_LANG="en")
    assert result.exit_code == 1
    assert "How to fix it:" in result.messages
    assert "So beheben Sie es" not in result.messages
    build_site(content, tmp_path / "de")  # and back: the next build is German again


def is_translated(message, catalogue):
    """A text, or for a plural message every form the language needs (`msgstr[0]`, `msgstr[1]`, …)."""
    if not isinstance(message.id, tuple):
        return bool(message.string)
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    return len(forms) >= catalogue.num_plurals and all(forms)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle)
    untranslated = [m.id for m in catalogue if m.id and not is_translated(m, catalogue)]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not untranslated, f"untranslated in {language}: {untranslated}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_covers_every_string_in_templates_and_plugins(tmp_path, language):
    """Run the extraction of `make translations-extract`; every message must be translated."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [str(PROJECT_ROOT / ".venv" / "bin" / "pybabel"), "-q", "extract", "-F", "babel.cfg",
         "-k", "_", "-k", "N_", "-k", "gettext", "-k", "translatable", "-o", str(pot),
         "themes", "plugins", "knotenpunkt", "pelicanconf.py"],
        cwd=PROJECT_ROOT, check=True,
    )  # fmt: skip
    with open(pot, "rb") as handle:
        wanted = {m.id for m in read_po(handle) if m.id}
    with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle)
    translated = {m.id for m in catalogue if m.id and is_translated(m, catalogue) and not m.fuzzy}
    # Plural ids are (singular, plural) tuples: sort everything by its text.
    missing = sorted(wanted - translated, key=str)
    assert len(wanted) > 80
    assert not missing, f"run `make translations-update` and translate: {missing}"


def test_english_member_directory_and_podcast_pages_have_no_german_interface(tmp_path):
    from sitebuild import copy_sample

    result = build_site(copy_sample(tmp_path), tmp_path / "out", DEFAULT_LANG="en")
    assert result.exit_code == 0, result.messages
    directory = result.page("mitglieder/index.html")
    for english in [
        "All areas of expertise",
        "All regions",
        "All formats",
        "People and organisations",
    ]:
        assert english in directory
    for german in [
        "Alle Kompetenzen",
        "Alle Regionen",
        "Alle Formate",
        "Personen und Organisationen",
    ]:
        assert german not in directory
    assert "Subscribe" in result.page("podcast/abonnieren/index.html")


def test_translating_a_variable_never_lets_markup_through():
    """``_(role)`` with a member's text must be escaped like any other value."""
    from jinja2 import Environment
    from knotenpunkt.plugins.i18n.plugin import install_escaping_gettext, load_translations

    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    install_escaping_gettext(
        env, load_translations(str(TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"))
    )
    template = env.from_string(
        "{{ _(value) }}|{{ _('Zum Inhalt springen') }}|"
        "{{ ngettext('%(num)s Mitglied', '%(num)s Mitglieder', n) }}|{{ _('Folge %(number)s', number=value) }}"
    )
    rendered = template.render(value='<img src=x onerror="alert(1)">', n=2)
    assert "<img" not in rendered
    assert rendered.startswith("&lt;img src=x onerror=")
    assert "|Skip to content|2 members|Episode &lt;img" in rendered


def test_post_without_slug_gets_umlauts_spelled_out_on_a_german_site(tmp_path):
    content = minimal(tmp_path)
    write_files(
        content,
        {
            "blog/uebergaenge.md": "Title: Übergänge gestalten – Größe zeigen\nDate: 2026-03-02\n\nText\n"
        },
    )
    german = build_site(content, tmp_path / "de")
    assert german.exit_code == 0, german.messages
    assert german.exists("blog/uebergaenge-gestalten-groesse-zeigen/index.html")
    english = build_site(content, tmp_path / "en", DEFAULT_LANG="en")
    assert english.exists("blog/ubergange-gestalten-grosse-zeigen/index.html")  # Pelican's own


def test_an_explicit_slug_is_kept_as_written(tmp_path):
    content = minimal(tmp_path)
    write_files(
        content, {"blog/x.md": "Title: Übergänge\nSlug: ueber-gaenge\nDate: 2026-03-02\n\nText\n"}
    )
    assert build_site(content, tmp_path / "out").exists("blog/ueber-gaenge/index.html")
