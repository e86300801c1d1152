"""Regenerate the media files of the sample network "Netzwerk Lernen Musterstadt".

The sample content under ``content/`` needs member photos, podcast cover art
and podcast audio that anyone may redistribute.  Instead of stock photos or
recordings, everything is drawn or synthesised here, so the repository holds
no third-party material and the files can be rebuilt at any time:

* ``content/images/members/<slug>.jpg`` – illustrated portraits for persons
  (flat shapes, no real faces) and simple logos (the knot and a two-letter
  mark) for organisations.  Sizes differ on purpose (square, landscape, portrait) so the
  images plugin's square cropping is exercised.  One photo
  (``tobias-lindner.jpg``) carries fake EXIF metadata including GPS tags, so
  that the EXIF stripping of the images plugin can be tested.
* ``content/images/podcast/cover.jpg`` – 1400×1400 podcast cover art.
* ``content/audio/folge-0N.mp3`` – short German spoken intros, synthesised
  sentence by sentence with ``espeak-ng -v de`` and encoded with ``lame`` as
  CBR MP3, 64 kbit/s mono at 44.1 kHz (what podcast apps recommend for speech);
  episode 1 also as Opus (``folge-01.opus``, ``opusenc``) for
  ``podcast:alternateEnclosure``.  Because every sentence is synthesised separately, its exact start
  and end are known; from these the script writes the Podcasting 2.0 chapters
  of episode 1 (``folge-01.chapters.json``) and the WebVTT transcript of
  episode 2 (``folge-02.vtt``), so both always match the audio.

This is a developer tool and not part of the build.  It needs Pillow, and the
command-line programs ``espeak-ng``, ``lame`` and ``opusenc`` (Debian:
``apt-get install espeak-ng lame opus-tools``)::

    python tools/make_sample_media.py            # everything
    python tools/make_sample_media.py photos cover audio   # a selection

The output is deterministic: no random numbers are used, and the same
versions of Pillow, libjpeg, espeak-ng and lame produce the same bytes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from knotenpunkt.plugins.podcast.timecode import vtt_timestamp
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
PHOTO_DIR = CONTENT / "images" / "members"
COVER_PATH = CONTENT / "images" / "podcast" / "cover.jpg"
AUDIO_DIR = CONTENT / "audio"

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
)

JPEG_OPTIONS = {"quality": 82, "optimize": True, "progressive": False}
PHOTO_MAX_BYTES = 80 * 1024
COVER_MAX_BYTES = 300 * 1024
AUDIO_MAX_BYTES = 400 * 1024
# What the podcast plugin's audio check asks of speech (PODCAST_MIN_BITRATE_MONO,
# PODCAST_MIN_SAMPLE_RATE in plugins/podcast/settings.py): 64 kbit/s mono CBR
# at 44.1 kHz, about 8 KB per second.
MP3_BITRATE_KBPS = 64
MP3_SAMPLE_RATE_KHZ = 44.1
OPUS_BITRATE_KBPS = 24

SAMPLE_RATE = 22050
PAUSE_BETWEEN_SENTENCES = 0.45  # seconds of silence after each sentence
PAUSE_BETWEEN_CHAPTERS = 0.9


def font(size: int) -> ImageFont.FreeTypeFont:
    """A bold sans font with German glyphs; Pillow's own font as fallback."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def hex_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a: str, b: str, share_of_b: float) -> tuple[int, int, int]:
    ca, cb = hex_rgb(a), hex_rgb(b)
    return tuple(round(x + (y - x) * share_of_b) for x, y in zip(ca, cb, strict=True))


# --------------------------------------------------------------------------
# Member photos
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """An illustrated portrait: flat shapes in the theme's palette, no real face."""

    slug: str
    size: tuple[int, int]
    background: str
    skin: str
    hair: str
    hair_style: str  # short | long | bun | curly | bald
    shirt: str


@dataclass(frozen=True)
class Organisation:
    """A simple logo: the network's knot in the organisation's colours and a short mark."""

    slug: str
    mark: str
    size: tuple[int, int]
    colours: tuple[str, str, str]


PERSONS = (
    Person("anna-beispiel", (800, 800), "#f6e3cf", "#f1c7a4", "#7a4a2a", "long", "#2a9d8f"),
    Person("oezlem-arslan", (900, 700), "#dcefe9", "#d9a77f", "#2b1d16", "bun", "#e76f51"),
    Person("jonas-aehrenfeld", (700, 900), "#e9e1ef", "#f0c9a8", "#c9a063", "short", "#457b9d"),
    Person("miriam-kowalski", (800, 800), "#fbe2da", "#eab894", "#a0432a", "curly", "#264653"),
    Person("tobias-lindner", (900, 700), "#dfeaf3", "#c98e68", "#3b2a20", "short", "#e9c46a"),
    Person("samira-haddad", (800, 800), "#e3efdd", "#a8714f", "#1f1a17", "long", "#6d597a"),
    Person("lukas-brandt", (1000, 750), "#dce7ea", "#f3d0b4", "#5b4636", "curly", "#b3541e"),
    Person("ulrike-zimmermann", (800, 800), "#f3e6d8", "#efc6a6", "#c8c3bd", "bun", "#1d5c63"),
)

ORGANISATIONS = (
    Organisation("verein-lernen-musterstadt", "LM", (800, 800), ("#2a9d8f", "#e76f51", "#f4a261")),
    Organisation("beratungsstelle-lernwege", "LW", (900, 600), ("#457b9d", "#8ab17d", "#e9c46a")),
    Organisation(
        "regionales-bildungsbuero-musterland", "BM", (800, 800), ("#264653", "#6d597a", "#2a9d8f")
    ),
    Organisation(
        "stadtteilinitiative-suedviertel", "SV", (800, 800), ("#b3541e", "#2a9d8f", "#e9c46a")
    ),
)

# Fake camera metadata for one photo, so EXIF stripping can be tested.  The
# GPS position is an arbitrary spot in a field; nobody lives there.
EXIF_PHOTO = "tobias-lindner"
FAKE_EXIF = {
    0x010F: "Musterkamera GmbH",  # Make
    0x0110: "MK-2000 Testmodell",  # Model
    0x0131: "make_sample_media.py",  # Software
    0x0132: "2025:09:14 15:32:10",  # DateTime
    0x013B: "Beispiel-Fotograf:in",  # Artist
    0x8298: "Fiktives Testbild, frei verwendbar",  # Copyright
}
FAKE_GPS = {
    0x0001: "N",  # GPSLatitudeRef
    0x0002: (51.0, 23.0, 12.34),  # GPSLatitude  (51° 23' 12.34")
    0x0003: "E",  # GPSLongitudeRef
    0x0004: (9.0, 41.0, 5.5),  # GPSLongitude (9° 41' 5.5")
    0x0005: 0,  # GPSAltitudeRef: above sea level
    0x0006: 212.0,  # GPSAltitude in metres
    0x001D: "2025:09:14",  # GPSDateStamp
}


def draw_person(person: Person) -> Image.Image:
    """A head-and-shoulders portrait, centred so any square crop keeps it."""
    width, height = person.size
    unit = min(width, height)
    cx, cy = width / 2, height / 2
    image = Image.new("RGB", (width, height), person.background)
    draw = ImageDraw.Draw(image)
    halo = mix(person.background, "#ffffff", 0.35)
    r = unit * 0.40
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=halo)

    head_w, head_h = unit * 0.15, unit * 0.185
    head_cy = cy - unit * 0.06
    hair = person.hair
    # Hair behind the head (long hair falls to the shoulders).
    if person.hair_style == "long":
        draw.rounded_rectangle(
            (cx - head_w * 1.3, head_cy - head_h * 1.1, cx + head_w * 1.3, head_cy + head_h * 1.5),
            radius=int(unit * 0.12),
            fill=hair,
        )
    if person.hair_style == "bun":
        br = unit * 0.07
        draw.ellipse(
            (cx - br, head_cy - head_h * 1.45 - br, cx + br, head_cy - head_h * 1.45 + br),
            fill=hair,
        )
    if person.hair_style == "curly":
        for dx, dy in (
            (-0.9, -0.55),
            (-0.45, -0.95),
            (0.0, -1.05),
            (0.45, -0.95),
            (0.9, -0.55),
            (-1.05, 0.0),
            (1.05, 0.0),
        ):
            cr = unit * 0.07
            x, y = cx + dx * head_w, head_cy + dy * head_h
            draw.ellipse((x - cr, y - cr, x + cr, y + cr), fill=hair)

    # Neck and shoulders.
    neck_w = unit * 0.06
    draw.rectangle(
        (cx - neck_w, head_cy + head_h * 0.6, cx + neck_w, head_cy + head_h * 1.5),
        fill=mix(person.skin, "#000000", 0.12),
    )
    shoulder_top = head_cy + head_h * 1.25
    draw.rounded_rectangle(
        (cx - unit * 0.30, shoulder_top, cx + unit * 0.30, shoulder_top + unit * 0.6),
        radius=int(unit * 0.16),
        fill=person.shirt,
    )
    draw.polygon(
        [
            (cx - neck_w * 1.2, shoulder_top),
            (cx + neck_w * 1.2, shoulder_top),
            (cx, shoulder_top + unit * 0.07),
        ],
        fill=mix(person.skin, "#000000", 0.12),
    )
    # Face.
    draw.ellipse((cx - head_w, head_cy - head_h, cx + head_w, head_cy + head_h), fill=person.skin)
    # Hair on top of the head.
    if person.hair_style != "bald":
        top = (
            cx - head_w * 1.08,
            head_cy - head_h * 1.12,
            cx + head_w * 1.08,
            head_cy + head_h * 0.35,
        )
        draw.chord(top, start=180, end=360, fill=hair)
        if person.hair_style == "short":
            draw.pieslice(
                (
                    cx - head_w * 1.08,
                    head_cy - head_h * 1.12,
                    cx + head_w * 0.4,
                    head_cy + head_h * 0.1,
                ),
                180,
                300,
                fill=hair,
            )
    # Eyes, cheeks, smile.
    eye = mix(person.hair, "#000000", 0.5)
    er = unit * 0.013
    for side in (-1, 1):
        ex, ey = cx + side * head_w * 0.42, head_cy + head_h * 0.05
        draw.ellipse((ex - er, ey - er, ex + er, ey + er), fill=eye)
        cr = unit * 0.022
        draw.ellipse(
            (ex - cr, ey + head_h * 0.28 - cr * 0.6, ex + cr, ey + head_h * 0.28 + cr * 0.6),
            fill=mix(person.skin, "#e76f51", 0.3),
        )
    draw.arc(
        (cx - head_w * 0.38, head_cy + head_h * 0.12, cx + head_w * 0.38, head_cy + head_h * 0.55),
        start=20,
        end=160,
        fill=mix(person.skin, "#5a2600", 0.6),
        width=max(3, int(unit * 0.009)),
    )
    return image


def draw_knot(draw: ImageDraw.ImageDraw, cx: float, cy: float, radius: float, colours, width: int):
    """Three interlocking rings: the network's knot motif."""
    offsets = ((0.0, -0.55), (-0.5, 0.32), (0.5, 0.32))
    for (dx, dy), colour in zip(offsets, colours, strict=True):
        x, y = cx + dx * radius, cy + dy * radius
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=colour, width=width)


def draw_organisation(org: Organisation) -> Image.Image:
    """The knot above a large two-letter mark: readable even at 48 px."""
    width, height = org.size
    unit = min(width, height)
    cx = width / 2
    image = Image.new("RGB", (width, height), "#fbfaf7")
    draw = ImageDraw.Draw(image)
    draw_knot(draw, cx, height * 0.38, unit * 0.16, org.colours, max(8, int(unit * 0.05)))
    draw.text(
        (cx, height * 0.74), org.mark, font=font(int(unit * 0.22)), fill=org.colours[0], anchor="mm"
    )
    return image


def fake_exif() -> Image.Exif:
    exif = Image.Exif()
    for tag, value in FAKE_EXIF.items():
        exif[tag] = value
    gps = exif.get_ifd(0x8825)  # GPSInfo
    gps.update(FAKE_GPS)
    return exif


def save_jpeg(
    image: Image.Image, path: Path, max_bytes: int, exif: Image.Exif | None = None
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    options = dict(JPEG_OPTIONS)
    if exif is not None:
        options["exif"] = exif
    image.save(path, "JPEG", **options)
    size = path.stat().st_size
    if size >= max_bytes:
        sys.exit(f"{path}: {size} bytes, more than the limit of {max_bytes}")
    print(f"{path.relative_to(ROOT)}  {image.width}x{image.height}  {size} bytes")


def make_photos() -> None:
    for person in PERSONS:
        exif = fake_exif() if person.slug == EXIF_PHOTO else None
        save_jpeg(draw_person(person), PHOTO_DIR / f"{person.slug}.jpg", PHOTO_MAX_BYTES, exif)
    for org in ORGANISATIONS:
        save_jpeg(draw_organisation(org), PHOTO_DIR / f"{org.slug}.jpg", PHOTO_MAX_BYTES)


# --------------------------------------------------------------------------
# Podcast cover
# --------------------------------------------------------------------------


def draw_cover() -> Image.Image:
    size = 1400
    top, bottom = "#264653", "#2a9d8f"
    image = Image.new("RGB", (size, size))
    draw = ImageDraw.Draw(image)
    for y in range(size):  # vertical gradient
        draw.line((0, y, size, y), fill=mix(top, bottom, y / (size - 1)))

    cx, cy = size / 2, 560
    draw_knot(draw, cx, cy, 250, ("#f4a261", "#e9c46a", "#fdf6ec"), 34)

    # A microphone on a disc in the middle of the knot.
    cream = "#fdf6ec"
    draw.ellipse((cx - 215, cy + 32 - 215, cx + 215, cy + 32 + 215), fill="#264653")
    draw.rounded_rectangle((cx - 70, cy - 150, cx + 70, cy + 60), radius=70, fill=cream)
    for y in range(int(cy - 100), int(cy + 40), 34):  # grille
        draw.line((cx - 48, y, cx + 48, y), fill="#2a9d8f", width=8)
    draw.arc((cx - 110, cy - 60, cx + 110, cy + 130), start=0, end=180, fill=cream, width=18)
    draw.line((cx, cy + 130, cx, cy + 200), fill=cream, width=18)
    draw.rounded_rectangle((cx - 80, cy + 192, cx + 80, cy + 214), radius=10, fill=cream)

    draw.text((cx, 1030), "Netzwerk Lernen", font=font(112), fill=cream, anchor="mm")
    draw.text((cx, 1150), "Musterstadt", font=font(112), fill=cream, anchor="mm")
    draw.text((cx, 1285), "DER PODCAST", font=font(64), fill="#f4a261", anchor="mm")
    return image


def make_cover() -> None:
    save_jpeg(draw_cover(), COVER_PATH, COVER_MAX_BYTES)


# --------------------------------------------------------------------------
# Podcast audio
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Chapter:
    title: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Episode:
    number: int
    title: str
    voice: str
    chapters: tuple[Chapter, ...]
    write_chapters: bool = False
    write_transcript: bool = False
    write_opus: bool = False  # a second format for podcast:alternateEnclosure

    @property
    def stem(self) -> str:
        """File name without extension: ``folge-01``, or ``trailer`` for number 0."""
        return "trailer" if self.number == 0 else f"folge-{self.number:02d}"

    @property
    def tag_title(self) -> str:
        prefix = "Trailer" if self.number == 0 else f"Folge {self.number}"
        return f"{prefix}: {self.title}"


EPISODES = (
    Episode(
        0,
        "Worum es in diesem Podcast geht",
        "de",
        (
            Chapter(
                "Trailer",
                (
                    "Lernen im Netzwerk, der Podcast aus Musterstadt.",
                    "Hier erzählen Lerntherapeutinnen, Sozialarbeiter und Initiativen, "
                    "wie Kinder mit Lernschwierigkeiten gut begleitet werden.",
                    "Etwa alle drei Monate eine neue Folge. Jetzt abonnieren!",
                ),
            ),
        ),
    ),
    Episode(
        1,
        "Wie arbeitet ein Netzwerk ohne Chef?",
        "de",
        (
            Chapter(
                "Begrüßung",
                (
                    "Hallo und herzlich willkommen zum Podcast vom Netzwerk Lernen Musterstadt.",
                    "Ich bin Anna Beispiel, Lerntherapeutin aus Musterstadt-Nord.",
                    "Heute spreche ich mit Miriam Kowalski über eine Frage, die uns oft gestellt wird.",
                ),
            ),
            Chapter(
                "Was heißt heterarchisch?",
                (
                    "Wie arbeitet eigentlich ein Netzwerk ohne Chef?",
                    "Bei uns gibt es keine Leitung, die bestimmt.",
                    "Alle Mitglieder können Themen und Aufgaben vorschlagen, und wir entscheiden gemeinsam.",
                ),
            ),
            Chapter(
                "Wer sorgt für Verlässlichkeit?",
                (
                    "Damit das funktioniert, übernehmen einzelne Mitglieder feste Rollen.",
                    "Miriam zum Beispiel kümmert sich um die Koordination und verschickt die Einladungen.",
                    "Wie das im Alltag aussieht, erzählt sie gleich selbst. Viel Spaß beim Zuhören!",
                ),
            ),
        ),
        write_chapters=True,
        write_opus=True,
    ),
    Episode(
        2,
        "Mehrsprachig aufwachsen, lesen lernen",
        "de",
        (
            Chapter(
                "Begrüßung",
                (
                    "Willkommen zur zweiten Folge vom Podcast des Netzwerks Lernen Musterstadt.",
                    "Mein Name ist Anna Beispiel.",
                    "Zu Gast ist heute Özlem Arslan, Lerntherapeutin für mehrsprachige Kinder.",
                ),
            ),
            Chapter(
                "Thema",
                (
                    "Viele Kinder in Musterstadt wachsen mit zwei oder mehr Sprachen auf.",
                    "Das ist ein großer Schatz und kein Grund zur Sorge.",
                    "Trotzdem fragen sich viele Eltern: Soll ich zu Hause lieber Deutsch sprechen?",
                    "Özlem sagt dazu ganz klar: Nein. Sprechen Sie die Sprache, die Ihnen am nächsten ist.",
                ),
            ),
            Chapter(
                "Ausblick",
                (
                    "Wir sprechen außerdem darüber, wie Vorlesen in der Familiensprache beim Lesenlernen hilft.",
                    "Die Links zur Folge finden Sie in den Shownotes. Viel Spaß!",
                ),
            ),
        ),
        write_transcript=True,
    ),
    Episode(
        3,
        "Hausaufgaben ohne Streit",
        "de",
        (
            Chapter(
                "Begrüßung",
                (
                    "Hallo und willkommen zur dritten Folge vom Podcast des Netzwerks Lernen Musterstadt.",
                    "Ich bin Anna Beispiel.",
                    "Heute sind gleich zwei Gäste dabei: Tobias Lindner und Doktor Petra Gast.",
                ),
            ),
            Chapter(
                "Thema",
                (
                    "Es geht um ein Thema, das viele Familien kennen: Hausaufgaben.",
                    "Was tun, wenn jeder Nachmittag im Streit endet?",
                    "Tobias begleitet Familien, in denen ADHS den Alltag prägt.",
                    "Petra Gast ist Kinder- und Jugendpsychiaterin und erklärt, was im Kopf eines Kindes passiert, wenn gar nichts mehr geht.",
                ),
            ),
            Chapter(
                "Ausblick",
                (
                    "Am Ende gibt es drei Tipps, die Sie gleich morgen ausprobieren können.",
                    "Viel Spaß beim Zuhören!",
                ),
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


def synthesise(text: str, voice: str, path: Path) -> None:
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", "155", "-p", "45", "-w", str(path), text],
        check=True,
    )


def read_frames(path: Path) -> bytes:
    with wave.open(str(path), "rb") as wav:
        if wav.getframerate() != SAMPLE_RATE or wav.getnchannels() != 1 or wav.getsampwidth() != 2:
            sys.exit(f"{path}: unexpected WAV format from espeak-ng")
        return wav.readframes(wav.getnframes())


def silence(seconds: float) -> bytes:
    return b"\x00\x00" * round(seconds * SAMPLE_RATE)


def render_episode(episode: Episode, workdir: Path) -> tuple[Path, list[Cue], list[float]]:
    """Synthesise every sentence, join them with pauses; return WAV, cues, chapter starts."""
    pcm = bytearray(silence(0.3))
    cues: list[Cue] = []
    chapter_starts: list[float] = []
    counter = 0
    for chapter_index, chapter in enumerate(episode.chapters):
        if chapter_index:
            pcm += silence(PAUSE_BETWEEN_CHAPTERS - PAUSE_BETWEEN_SENTENCES)
        chapter_starts.append(0.0 if chapter_index == 0 else len(pcm) / 2 / SAMPLE_RATE)
        for sentence in chapter.sentences:
            counter += 1
            sentence_wav = workdir / f"e{episode.number}-{counter:02d}.wav"
            synthesise(sentence, episode.voice, sentence_wav)
            frames = read_frames(sentence_wav)
            start = len(pcm) / 2 / SAMPLE_RATE
            pcm += frames
            cues.append(Cue(start, len(pcm) / 2 / SAMPLE_RATE, sentence))
            pcm += silence(PAUSE_BETWEEN_SENTENCES)
    episode_wav = workdir / f"{episode.stem}.wav"
    with wave.open(str(episode_wav), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(bytes(pcm))
    return episode_wav, cues, chapter_starts


def encode_mp3(wav: Path, mp3: Path, episode: Episode) -> None:
    subprocess.run(
        [
            "lame", "--quiet", "-b", str(MP3_BITRATE_KBPS), "--cbr", "-m", "m",
            "--resample", str(MP3_SAMPLE_RATE_KHZ),
            "--id3v2-only",
            "--tt", episode.tag_title,
            "--ta", "Netzwerk Lernen Musterstadt",
            "--tl", "Netzwerk Lernen Musterstadt – Der Podcast",
            "--ty", "2026",
            "--tn", str(episode.number),
            "--tg", "Podcast",
            str(wav), str(mp3),
        ],
        check=True,
    )  # fmt: skip
    size = mp3.stat().st_size
    if size >= AUDIO_MAX_BYTES:
        sys.exit(f"{mp3}: {size} bytes, more than the limit of {AUDIO_MAX_BYTES}")


def encode_opus(wav: Path, opus: Path, episode: Episode) -> None:
    """Opus at 24 kbit/s: speech sounds as good as the MP3 at a third of the size.
    A fixed stream serial number keeps the bytes the same on every run."""
    subprocess.run(
        [
            "opusenc", "--quiet", "--speech", "--bitrate", str(OPUS_BITRATE_KBPS),
            "--serial", "1", "--padding", "0",
            "--title", episode.tag_title,
            "--artist", "Netzwerk Lernen Musterstadt",
            str(wav), str(opus),
        ],
        check=True,
    )  # fmt: skip


def write_transcript(path: Path, cues: list[Cue]) -> None:
    lines = ["WEBVTT", ""]
    for index, cue in enumerate(cues, start=1):
        lines += [
            str(index),
            f"{vtt_timestamp(cue.start)} --> {vtt_timestamp(cue.end)}",
            cue.text,
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_chapters(path: Path, episode: Episode, starts: list[float]) -> None:
    chapters = [
        {"startTime": round(start, 1), "title": chapter.title}
        for start, chapter in zip(starts, episode.chapters, strict=True)
    ]
    document = {"version": "1.2.0", "chapters": chapters}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def make_audio() -> None:
    AUDIO_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="knotenpunkt-audio-") as tmp:
        workdir = Path(tmp)
        for episode in EPISODES:
            wav, cues, chapter_starts = render_episode(episode, workdir)
            mp3 = AUDIO_DIR / f"{episode.stem}.mp3"
            encode_mp3(wav, mp3, episode)
            if episode.write_opus:
                encode_opus(wav, mp3.with_suffix(".opus"), episode)
            print(
                f"{mp3.relative_to(ROOT)}  {cues[-1].end:.1f} s speech  {mp3.stat().st_size} bytes"
            )
            if episode.write_chapters:
                write_chapters(AUDIO_DIR / f"{episode.stem}.chapters.json", episode, chapter_starts)
            if episode.write_transcript:
                write_transcript(AUDIO_DIR / f"{episode.stem}.vtt", cues)


TARGETS = {"photos": make_photos, "cover": make_cover, "audio": make_audio}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "targets", nargs="*", metavar="TARGET", help="photos, cover and/or audio (default: all)"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.targets) - set(TARGETS))
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    for name in args.targets or TARGETS:
        TARGETS[name]()


if __name__ == "__main__":
    main()
