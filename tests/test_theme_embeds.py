"""Two-click embeds: a marker becomes a consent notice; nothing loads before the click."""

import shutil

import pytest
from knotenpunkt.plugins.embeds.providers import resolve

from sitebuild import FIXTURES, build_site, write_files


def post(tmp_path, body):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    write_files(
        content, {"blog/video.md": f"Title: Video\nDate: 2026-03-02\n\nVorher.\n\n{body}\n"}
    )
    return build_site(content, tmp_path / "out")


@pytest.mark.parametrize(
    ("provider", "address", "player"),
    [
        ("youtube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=3",
         "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("youtube", "https://youtu.be/aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("vimeo", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("soundcloud", "https://soundcloud.com/netzwerk/folge-1",
         "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fnetzwerk%2Ffolge-1"),
        ("spotify", "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
         "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"),
    ],
)  # fmt: skip
def test_each_provider_maps_its_addresses_to_its_privacy_friendly_player(provider, address, player):
    assert resolve(provider, address).embed_url == player


@pytest.mark.parametrize(
    ("provider", "address"),
    [
        ("youtube", "https://evil.example/watch?v=aqz-KE-bpKQ"),
        ("youtube", "http://www.youtube.com/watch?v=aqz-KE-bpKQ"),
        ("youtube", "https://www.youtube.com/watch?v=kurz"),
        ("vimeo", "https://vimeo.com/kanal/abc"),
        ("spotify", "javascript:alert(1)"),
    ],
)
def test_addresses_that_are_not_the_providers_are_refused(provider, address):
    assert resolve(provider, address) is None


def test_marker_becomes_a_consent_notice_without_iframe(tmp_path):
    result = post(tmp_path, "[embed youtube https://www.youtube.com/watch?v=aqz-KE-bpKQ]")
    assert result.exit_code == 0, result.messages
    html = result.page("blog/video/index.html")
    assert "<iframe" not in html
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"' in html
    assert "Hier ist ein Inhalt von YouTube eingebunden." in html
    assert '<a class="embed__link" href="https://www.youtube.com/watch?v=aqz-KE-bpKQ">' in html
    assert ">Inhalt von YouTube laden</button>" in html
    assert "consent-embed.js" in html
    assert "[embed" not in html


def test_unknown_provider_is_a_content_error_with_a_suggestion(tmp_path):
    result = post(tmp_path, "[embed youtub https://www.youtube.com/watch?v=aqz-KE-bpKQ]")
    assert result.exit_code == 1
    assert "blog/video.md" in result.messages
    assert "„youtub“ ist kein unterstützter Anbieter" in result.messages
    assert "Meinten Sie „youtube“?" in result.messages


def test_malformed_address_is_a_content_error(tmp_path):
    result = post(tmp_path, "[embed vimeo https://vimeo.com/ein-video]")
    assert result.exit_code == 1
    assert "„https://vimeo.com/ein-video“ ist keine gültige Adresse bei Vimeo." in result.messages


def test_incomplete_marker_is_a_content_error(tmp_path):
    result = post(tmp_path, "[embed youtube]")
    assert result.exit_code == 1
    assert "Die Einbettung „[embed youtube]“ ist unvollständig." in result.messages
