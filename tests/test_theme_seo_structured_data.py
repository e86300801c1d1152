"""Profiles and podcast pages describe themselves to search engines (JSON-LD, Open Graph)."""

import json
import re

from sitebuild import SAMPLE_CONTENT


def structured_data(html: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1, "exactly one JSON-LD block per page"
    return json.loads(found[0])


def og_image(html: str) -> str:
    return re.search(r'<meta property="og:image" content="([^"]*)"', html).group(1)


def test_person_profile_is_a_person_with_its_competences_and_photo(sample_site):
    html = sample_site.page("mitglieder/anna-beispiel/index.html")
    data = structured_data(html)
    assert data["@type"] == "Person"
    assert data["name"] == "Anna Beispiel"
    assert data["url"].endswith("/mitglieder/anna-beispiel/")
    assert data["knowsAbout"] == ["Legasthenie", "Dyskalkulie"]
    assert data["memberOf"]["name"] == "Netzwerk Lernen Musterstadt"
    assert data["image"] == og_image(html)
    assert (sample_site.output / data["image"].lstrip("/")).exists()


def test_organisation_profile_is_an_organization(sample_site):
    data = structured_data(sample_site.page("mitglieder/verein-lernen-musterstadt/index.html"))
    assert data["@type"] == "Organization"


def test_member_without_photo_falls_back_to_the_default_preview_image(tmp_path):
    from members_fixture import build_members_site

    html = build_members_site(tmp_path).page("mitglieder/oskar-oehler/index.html")
    assert "image" not in structured_data(html)
    assert og_image(html).endswith("og-default.png")


def test_podcast_index_is_a_series_with_its_feed(sample_site):
    data = structured_data(sample_site.page("podcast/index.html"))
    assert data["@type"] == "PodcastSeries"
    assert data["webFeed"].endswith("/podcast/feed.xml")


def test_episode_names_its_audio_with_the_real_size(sample_site):
    html = sample_site.page("podcast/folge-01-netzwerk-ohne-chef/index.html")
    data = structured_data(html)
    assert data["@type"] == "PodcastEpisode"
    assert data["episodeNumber"] == 1
    media = data["associatedMedia"]
    assert media["contentUrl"].endswith("/audio/folge-01.mp3")
    assert int(media["contentSize"]) == (SAMPLE_CONTENT / "audio" / "folge-01.mp3").stat().st_size
    assert {person["name"] for person in data["actor"]} == {"Anna Beispiel", "Miriam Kowalski"}
    assert og_image(html).endswith("images/podcast/cover.jpg")
