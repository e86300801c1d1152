"""Working groups: the overview of the network's structure, one page per group
with its members and dates, members' Groups: and Links: fields."""

from __future__ import annotations

import json
import re

import pytest

from dates_fixture import ANNA_CHANNEL, STEERING, build_dates_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_dates_site(tmp_path_factory.mktemp("groups"))
    assert result.exit_code == 0, result.messages
    return result


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_overview_shows_steering_group_before_working_groups(site):
    page = main(site.page("netzwerk/index.html"))
    assert page.index("Steuerungsgruppe") < page.index("AG Übergänge")
    assert 'href="../netzwerk/ag-uebergaenge/"' in page
    assert "2 Mitglieder" in page  # Anna and Zora name the working group


def test_group_page_lists_its_members_and_dates(site):
    page = main(site.page("netzwerk/steuerungsgruppe/index.html"))
    members = page.split('id="mitglieder"')[1].split("</section>")[0]
    assert "Anna Beispiel" in members and "Zora Zander" not in members
    dates = page.split('id="termine"')[1].split("</section>")[0]
    assert 'href="../../termine/netzwerktreffen/"' in dates
    assert "2027-03-09T19:00" in dates  # the next meeting after the pinned today
    assert "Fachtag" not in dates  # not a date of this group
    assert 'href="../../mitglieder/anna-beispiel/"' in page.split("Ansprechperson")[1]
    other = main(site.page("netzwerk/ag-uebergaenge/index.html"))
    assert "Zora Zander" in other and 'id="termine"' not in other


def test_profile_shows_groups_links_with_rel_me_and_organised_dates(site):
    page = main(site.page("mitglieder/anna-beispiel/index.html"))
    assert f'<a href="{ANNA_CHANNEL}" rel="me noopener">' in page
    html = site.page("mitglieder/anna-beispiel/index.html")
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["sameAs"] == ["https://anna.example.org", ANNA_CHANNEL]
    assert 'href="../../netzwerk/steuerungsgruppe/"' in page
    organised = page.split('id="termine"')[1].split("</section>")[0]
    assert "Netzwerktreffen" in organised


def test_date_page_names_its_group(site):
    assert 'href="../../netzwerk/steuerungsgruppe/"' in site.page(
        "termine/netzwerktreffen/index.html"
    )


def test_mistakes_in_groups_and_member_fields(tmp_path):
    from sitebuild import FIXTURES

    zora = "Groups: ag-ubergaenge\nLinks: http://zora.example.org, javascript:alert(1)\n"
    zora += (FIXTURES / "members/members/zora-zander.md").read_text(encoding="utf-8")
    result = build_dates_site(
        tmp_path,
        {
            "members/zora-zander.md": zora,
            "groups/steuerungsgruppe.md": STEERING.replace("anna-beispiel", "anna-beispil"),
            "groups/ohne-art.md": "Title: Lose Runde\nKind: stammtisch\nSummary: Wir.\n",
        },
    )
    assert result.exit_code == 1 and "Traceback" not in result.messages
    blocks = result.messages.split("\n\n")

    def block(file, field):
        found = [b for b in blocks if file in b and f"Feld „{field}“" in b]
        assert found, result.messages
        return "\n".join(found)

    assert "Meinten Sie „ag-uebergaenge“?" in block("members/zora-zander.md", "Groups")
    links = block("members/zora-zander.md", "Links")
    assert "„http://zora.example.org“ ist nicht verschlüsselt" in links
    assert "„javascript:alert(1)“ ist keine vollständige Internetadresse" in links
    assert "Meinten Sie „anna-beispiel“?" in block("groups/steuerungsgruppe.md", "Contact")
    assert "stammtisch" in block("groups/ohne-art.md", "Kind")
    assert not result.exists("netzwerk/index.html")
