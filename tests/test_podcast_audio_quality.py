"""Audio below what podcast apps recommend (bitrate, sample rate) is a warning
that names the file, the measured value and the threshold; the sample has none."""

from __future__ import annotations

import pytest

from sitebuild import build_site, copy_sample

EP3 = "podcast/folge-03-hausaufgaben-ohne-streit.md"
THRESHOLDS = {"min_mono": 64, "min_stereo": 128, "min_sample_rate": 44100}


def mp3_32k_mono_22khz(seconds: float) -> bytes:
    """Silent MPEG-2 Layer III frames: 32 kbit/s, 22.05 kHz, mono (104 bytes,
    576 samples each), the quality the sample used to ship."""
    frame = bytes([0xFF, 0xF3, 0x40, 0xC0]) + bytes(100)
    return frame * round(seconds * 22050 / 576)


def warnings_for(**facts):
    from knotenpunkt.plugins.podcast.audio import AudioFacts, quality_warnings

    values = {"duration": 60.0, "length": 1, "mime": "audio/mpeg", **facts}
    return quality_warnings(AudioFacts(**values), "folge.mp3", "content/podcast/x.md", **THRESHOLDS)


def test_recommended_speech_quality_gets_no_warning():
    assert warnings_for(bitrate=64000, sample_rate=44100, channels=1) == []
    assert warnings_for(bitrate=128000, sample_rate=48000, channels=2) == []


def test_low_mono_bitrate_and_sample_rate_are_two_warnings_with_numbers():
    bitrate, rate = warnings_for(bitrate=32000, sample_rate=22050, channels=1)
    assert not bitrate.is_error and not rate.is_error
    assert bitrate.field == "Audio" and rate.field == "Audio"
    assert "„folge.mp3“ hat nur 32 kbit/s (Mono)" in bitrate.message
    assert "mindestens 64 kbit/s" in bitrate.message
    assert "22,05 kHz" in rate.message and "44,1 kHz" in rate.message
    assert "64 kbit/s in Mono" in bitrate.hint and "128 kbit/s in Stereo" in bitrate.hint


def test_stereo_needs_the_stereo_threshold():
    (problem,) = warnings_for(bitrate=96000, sample_rate=44100, channels=2)
    assert "96 kbit/s (Stereo)" in problem.message and "mindestens 128 kbit/s" in problem.message


def test_unknown_values_and_switched_off_checks_are_not_judged():
    assert warnings_for(bitrate=0, sample_rate=0, channels=0) == []
    from knotenpunkt.plugins.podcast.audio import AudioFacts, quality_warnings

    facts = AudioFacts(60.0, 1, "audio/mpeg", bitrate=32000, sample_rate=22050, channels=1)
    off = quality_warnings(facts, "f.mp3", "x.md", min_mono=0, min_stereo=0, min_sample_rate=0)
    assert off == []


@pytest.fixture(scope="module")
def low_quality_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("quality")
    content = copy_sample(root)
    (content / "audio" / "folge-03.mp3").write_bytes(mp3_32k_mono_22khz(40))
    return build_site(content, root / "out")


def test_low_quality_episode_builds_with_a_warning_naming_the_file(low_quality_build):
    result = low_quality_build
    assert result.exit_code == 0, result.messages  # a warning: the episode still plays
    blocks = [b for b in result.messages.split("\n\n") if EP3 in b and "„Audio“" in b]
    text = "\n".join(blocks)
    assert "„folge-03.mp3“ hat nur 32 kbit/s (Mono)" in text, result.messages
    assert "Abtastrate von 22,05 kHz" in text
    assert result.exists("podcast/feed.xml")


def test_the_sample_audio_meets_the_thresholds_and_builds_without_audio_warnings(sample_site):
    import mutagen

    from sitebuild import SAMPLE_CONTENT

    for path in sorted((SAMPLE_CONTENT / "audio").glob("*.mp3")):
        info = mutagen.File(path).info
        assert info.bitrate >= 64000 and info.sample_rate >= 44100, path.name
    assert "kbit/s" not in sample_site.messages
    assert "Abtastrate" not in sample_site.messages
