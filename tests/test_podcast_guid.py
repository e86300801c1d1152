"""GUIDs never change: renaming an episode's file, title or slug changes nothing
a podcast app keys on (guid and enclosure URL)."""

from __future__ import annotations

from lxml import etree

from sitebuild import build_site, copy_sample


def items_by_guid(feed: bytes) -> dict[str, dict]:
    channel = etree.fromstring(feed).find("channel")
    return {
        item.findtext("guid"): {
            "title": item.findtext("title"),
            "enclosure": item.find("enclosure").get("url"),
            "link": item.findtext("link"),
        }
        for item in channel.iter("item")
    }


def test_renaming_file_title_and_slug_keeps_guid_and_enclosure(tmp_path, sample_site):
    before = items_by_guid((sample_site.output / "podcast" / "feed.xml").read_bytes())
    content = copy_sample(tmp_path)
    old = content / "podcast" / "folge-01-netzwerk-ohne-chef.md"
    text = old.read_text(encoding="utf-8")
    text = text.replace(
        "Title: Wie arbeitet ein Netzwerk ohne Chef?", "Title: Netzwerk ohne Chef – wie geht das?"
    ).replace("Slug: folge-01-netzwerk-ohne-chef", "Slug: netzwerk-ohne-chef")
    (content / "podcast" / "01-ohne-chef-neu.md").write_text(text, encoding="utf-8")
    old.unlink()

    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    after = items_by_guid((result.output / "podcast" / "feed.xml").read_bytes())

    assert set(after) == set(before)
    guid = "72099485-a086-4a21-b6cd-05575eac9a93"
    assert after[guid]["title"] == "Netzwerk ohne Chef – wie geht das?"
    assert after[guid]["link"].endswith("/podcast/netzwerk-ohne-chef/")
    assert after[guid]["enclosure"] == before[guid]["enclosure"]
    for other in set(before) - {guid}:
        assert after[other] == before[other]


def test_guid_is_used_verbatim_even_if_it_is_not_a_uuid(tmp_path):
    content = copy_sample(tmp_path)
    episode = content / "podcast" / "folge-03-hausaufgaben-ohne-streit.md"
    episode.write_text(
        episode.read_text(encoding="utf-8").replace(
            "Guid: 66799f65-3b23-4cfd-a694-9725555c9bb8",
            "Guid: tag:netzwerk-lernen.example.org,2026:folge-3",
        ),
        encoding="utf-8",
    )
    result = build_site(content, tmp_path / "out")
    assert result.exit_code == 0, result.messages
    feed = (result.output / "podcast" / "feed.xml").read_bytes()
    assert "tag:netzwerk-lernen.example.org,2026:folge-3" in items_by_guid(feed)
