"""Directory, profiles, competence/region/format/kind pages and author links."""

import re

from knotenpunkt.plugins.members.sorting import sorted_german

from members_fixture import build_members_site


def card_names(html: str) -> list[str]:
    return re.findall(r'class="member-card__name"><a href="[^"]*">([^<]*)</a>', html)


def list_items(html: str) -> list[str]:
    return re.findall(r"<li (data-competences=[^>]*)>", html)


def test_directory_lists_every_member_in_german_order(sample_site):
    html = sample_site.page("mitglieder/index.html")
    names = card_names(html)
    assert len(names) == 12
    assert names == [
        "Anna Beispiel",
        "Beratungsstelle Lernwege",
        "Jonas Ährenfeld",  # Ä sorts with A, not after Z
        "Lernen in Musterstadt e. V.",
        "Lukas Brandt",
        "Miriam Kowalski",
        "Özlem Arslan",  # Ö sorts with O
        "Regionales Bildungsbüro Landkreis Musterland",
        "Samira Haddad",
        "Stadtteilinitiative Südviertel miteinander",
        "Tobias Lindner",
        "Ulrike Zimmermann",
    ]


def test_german_sort_key_handles_umlauts_sharp_s_and_case():
    names = ["Zoe", "Öhler", "Ober", "Straße", "Strasse", "strauß", "Äpfel", "Adler", "„Bunt“"]
    assert sorted_german(names) == [
        "Adler",
        "Äpfel",
        "„Bunt“",
        "Ober",
        "Öhler",
        "Strasse",
        "Straße",
        "strauß",
        "Zoe",
    ]


def test_directory_items_carry_their_facets_for_the_filter(sample_site):
    html = sample_site.page("mitglieder/index.html")
    assert (
        '<li data-competences="dyskalkulie diagnostik" data-region="landkreis-musterland" '
        'data-formats="online" data-kind="person">'
    ) in html
    assert len(list_items(html)) == 12
    assert html.count('<ul class="member-list" data-member-list>') == 1


def test_directory_card_shows_photo_kind_summary_and_facts(sample_site):
    html = sample_site.page("mitglieder/index.html")
    card = html.split('href="../mitglieder/beratungsstelle-lernwege/"')[1].split("</article>")[0]
    assert "Organisation" in card
    assert "Kostenfreie Erziehungs- und Familienberatungsstelle" in card
    assert 'href="../kompetenzen/diagnostik/">Diagnostik</a>' in card
    assert 'href="../regionen/musterstadt-mitte/">Musterstadt-Mitte</a>' in card
    assert 'href="../formate/praesenz/">Vor Ort</a>' in card
    assert 'href="../formate/online/">Online</a>' in card
    assert "<picture" in html.split('href="../mitglieder/beratungsstelle-lernwege/"')[0][-1500:]


def test_filter_form_has_visible_labels_and_a_live_count(sample_site):
    html = sample_site.page("mitglieder/index.html")
    for parameter, label in [
        ("kompetenz", "Kompetenz"),
        ("region", "Region"),
        ("format", "Format"),
        ("art", "Art"),
    ]:
        assert f'<label for="filter-{parameter}">{label}</label>' in html
        assert f'<select id="filter-{parameter}" name="{parameter}"' in html
    assert 'aria-live="polite"' in html and "data-member-count" in html
    assert 'src="../theme/js/member-filter.js"' in html


def test_filter_script_is_small_and_served_from_our_host(sample_site):
    import gzip

    script = (sample_site.output / "theme/js/member-filter.js").read_bytes()
    assert len(gzip.compress(script)) < 4096
    assert b"http" not in script.replace(b"history", b"")


def test_profile_shows_biography_facts_contact_posts_and_episodes(sample_site):
    html = sample_site.page("mitglieder/anna-beispiel/index.html")
    assert "<h1>Anna Beispiel</h1>" in html
    assert "integrative Lerntherapeutin" in html  # biography
    assert 'href="../../kompetenzen/legasthenie/">Legasthenie</a>' in html
    assert 'href="../../regionen/musterstadt-nord/">Musterstadt-Nord</a>' in html
    assert "Moderation" in html
    assert '<a href="mailto:anna@example.org">anna@example.org</a>' in html
    assert '<a href="https://anna-beispiel.example.org"' in html
    assert "Beiträge von Anna Beispiel" in html
    assert 'href="../../blog/netzwerktreffen-januar-2026/"' in html
    assert "Podcast-Folgen mit Anna Beispiel" in html
    assert "Hausaufgaben ohne Streit" in html


def test_organisation_profile_names_its_contact(sample_site):
    html = sample_site.page("mitglieder/beratungsstelle-lernwege/index.html")
    assert "Ansprechperson" in html and "Dr. Karin Vogt" in html


def test_competence_pages_list_description_members_and_tagged_posts(sample_site):
    index = sample_site.page("kompetenzen/index.html")
    assert index.count('class="card__title"') == 10
    html = sample_site.page("kompetenzen/dyskalkulie/index.html")
    assert "<h1>Dyskalkulie</h1>" in html
    assert "Rechenstörung" in html  # the description from competences/dyskalkulie.md
    assert card_names(html) == ["Anna Beispiel", "Jonas Ährenfeld"]
    assert "Dyskalkulie: Sieben Tipps für Eltern" in html  # tagged dyskalkulie
    assert "Barcamp" in html
    assert "Netzwerktreffen im Januar" not in html  # not tagged


def test_every_filter_value_has_a_static_page(sample_site):
    region = sample_site.page("regionen/musterstadt-sued/index.html")
    assert "<h1>Mitglieder in der Region Musterstadt-Süd</h1>" in region
    assert card_names(region) == [
        "Miriam Kowalski",
        "Stadtteilinitiative Südviertel miteinander",
        "Ulrike Zimmermann",
    ]
    online = sample_site.page("formate/online/index.html")
    assert "Mitglieder, die online arbeiten" in online
    assert "Samira Haddad" in card_names(online) and "Lukas Brandt" not in card_names(online)
    organisations = sample_site.page("mitgliedsart/organisation/index.html")
    assert len(card_names(organisations)) == 4
    directory = sample_site.page("mitglieder/index.html")
    for link in re.findall(
        r'href="\.\./((?:kompetenzen|regionen|formate|mitgliedsart)/[^"]+)"', directory
    ):
        assert sample_site.exists(link + "index.html"), link


def test_blog_author_links_lead_to_member_profiles(sample_site):
    html = sample_site.page("blog/mehrsprachig-lesen-lernen/index.html")
    assert '<a href="../../mitglieder/oezlem-arslan/">Özlem Arslan</a>' in html
    assert (
        '<a href="../../mitglieder/stadtteilinitiative-suedviertel/">'
        "Stadtteilinitiative Südviertel miteinander</a>"
    ) in html
    # the profile lists the member's posts; no separate author page is written
    assert not sample_site.exists("autorin/oezlem-arslan/index.html")


def test_no_page_lists_all_members_except_the_directory(sample_site):
    for page in ["index.html", "blog/index.html", "ueber-uns/index.html"]:
        assert "member-card" not in sample_site.page(page)


def test_member_without_photo_gets_initials_not_a_broken_image(tmp_path):
    result = build_members_site(tmp_path)  # Oskar Öhler has no photo
    html = result.page("mitglieder/oskar-oehler/index.html")
    assert '<span class="member-photo member-photo--initials" aria-hidden="true">OÖ</span>' in html
    header = html.split("<h1>")[0]
    assert "<img" not in header.split('class="member-profile"')[1]


def test_every_sample_member_has_a_photo_or_logo(sample_site):
    html = sample_site.page("mitglieder/index.html")
    assert "member-photo--initials" not in html
    assert html.count('<picture class="member-photo">') == 12


def test_people_are_not_labelled_person_but_organisations_are_named(sample_site):
    html = sample_site.page("mitglieder/index.html")
    kinds = re.findall(r'<p class="member-card__kind">([^<]*)</p>', html)
    assert kinds == ["Organisation"] * 4
    profile = sample_site.page("mitglieder/anna-beispiel/index.html")
    assert 'class="member-card__kind"' not in profile


def test_profile_shows_facts_and_contact_before_the_biography(sample_site):
    html = sample_site.page("mitglieder/anna-beispiel/index.html")
    facts = html.index('class="member-profile__facts"')
    assert html.index("mailto:anna@example.org") > facts
    assert facts < html.index("Anna Beispiel ist Grundschullehrerin")


def test_markup_in_member_fields_is_escaped(tmp_path):
    result = build_members_site(
        tmp_path,
        {
            "members/zora-zander.md": (
                "Title: Zora <script>alert(1)</script>\nKind: person\nCompetences: legasthenie\n"
                "Region: Nord <b>fett</b>\nFormats: praesenz\nContact: <i>x</i>\n"
                "Summary: Lesepatin.\n\nBio.\n"
            )
        },
    )
    assert result.exit_code == 0, result.messages
    html = result.page("mitglieder/zora-zander/index.html")
    assert "<script>alert(1)</script>" not in html
    assert "Zora &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Nord &lt;b&gt;fett&lt;/b&gt;" in html


def test_urls_are_configurable(tmp_path):
    result = build_members_site(
        tmp_path,
        MEMBER_URL="leute/{slug}/",
        MEMBER_SAVE_AS="leute/{slug}/index.html",
        COMPETENCE_URL="themen-hilfe/{slug}/",
        COMPETENCE_SAVE_AS="themen-hilfe/{slug}/index.html",
    )
    assert result.exit_code == 0, result.messages
    assert result.exists("leute/anna-beispiel/index.html")
    assert result.exists("themen-hilfe/dyskalkulie/index.html")
    post = result.page("blog/rechnen/index.html")
    assert 'href="../../leute/anna-beispiel/"' in post


def breadcrumb_labels(html: str) -> list[str]:
    nav = re.search(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no breadcrumbs"
    return re.findall(r"<a [^>]*>([^<]*)</a>", nav.group(1))


def test_member_pages_have_breadcrumbs_back_to_the_directory(sample_site):
    assert breadcrumb_labels(sample_site.page("mitglieder/index.html")) == [
        "Startseite",
        "Mitglieder",
    ]
    assert breadcrumb_labels(sample_site.page("mitglieder/anna-beispiel/index.html")) == [
        "Startseite",
        "Mitglieder",
        "Anna Beispiel",
    ]
    assert breadcrumb_labels(sample_site.page("formate/online/index.html")) == [
        "Startseite",
        "Mitglieder",
        "Mitglieder, die online arbeiten",
    ]
    assert breadcrumb_labels(sample_site.page("kompetenzen/dyskalkulie/index.html")) == [
        "Startseite",
        "Kompetenzen",
        "Dyskalkulie",
    ]


def test_competence_page_lists_the_episodes_tagged_with_it(sample_site):
    html = sample_site.page("kompetenzen/elternberatung/index.html")
    section = html.split('id="folgen"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', section)
    assert titles == [
        "Hausaufgaben ohne Streit",
        "Mehrsprachig aufwachsen, lesen lernen",
    ]  # newest first
    assert 'id="folgen"' not in sample_site.page("kompetenzen/autismus/index.html")
