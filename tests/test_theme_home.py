"""The home page leads a visitor to help in one tap: competences, newest episode, newest posts."""

import re


def test_home_links_every_offered_competence_with_its_member_count(sample_site):
    html = sample_site.page("index.html")
    chips = re.findall(r'<a class="chip" href="\./kompetenzen/([a-z-]+)/">([^<]+)<span', html)
    slugs = {slug for slug, _title in chips}
    assert "dyskalkulie" in slugs and "legasthenie" in slugs
    for slug in slugs:
        assert (sample_site.output / "kompetenzen" / slug / "index.html").exists()
    competence_page = sample_site.page("kompetenzen/dyskalkulie/index.html")
    count = int(
        re.search(
            r'href="\./kompetenzen/dyskalkulie/">Dyskalkulie <span class="chip__count">'
            r'<span aria-hidden="true">(\d+)</span><span class="visually-hidden">\(\1 Mitglied',
            html,
        ).group(1)
    )
    assert competence_page.count('class="member-card') >= count > 0


def test_home_shows_the_newest_episode(sample_site):
    html = sample_site.page("index.html")
    section = html.split('id="podcast-neu"', 1)[1].split("</section>", 1)[0]
    assert "Folge 3" in section
    assert 'href="./podcast/' in section
