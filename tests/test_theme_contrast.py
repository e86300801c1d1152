"""Every colour pair of the theme meets WCAG 2.2 AA contrast, in light and dark mode.

Reads the custom properties from main.css, so a network that rebrands by
changing them learns at once when a colour becomes unreadable.
"""

import re

import pytest

from sitebuild import PROJECT_ROOT

CSS = (PROJECT_ROOT / "themes" / "knotenpunkt" / "static" / "css" / "main.css").read_text()

# (foreground, background, minimum): 4.5 for text, 3 for non-text UI (focus ring, borders of controls)
PAIRS = [
    ("text", "bg", 4.5), ("text", "surface", 4.5), ("muted", "bg", 4.5), ("muted", "surface", 4.5),
    ("link", "bg", 4.5), ("link", "surface", 4.5), ("link-hover", "bg", 4.5),
    ("link-hover", "surface", 4.5), ("header-text", "header-bg", 4.5),
    ("button-text", "button-bg", 4.5), ("button-text", "button-hover-bg", 4.5),
    ("mark-text", "mark-bg", 4.5), ("focus-text", "focus", 4.5),
    ("control-border", "bg", 3), ("avatar-text", "avatar-bg", 4.5),
    ("header-text", "header-bg", 4.5),
]  # fmt: skip


def test_dark_header_cards_and_page_are_told_apart():
    """Issue 16: the dark header (#0e2f33) was barely distinct from the page. The
    header, the cards (surface) and the page differ by a visible step each."""
    dark = schemes()["dark"]
    assert contrast(dark["header-bg"], dark["bg"]) >= 1.8
    assert contrast(dark["surface"], dark["bg"]) >= 1.2
    assert contrast(dark["border"], dark["surface"]) >= 1.5


def properties(block: str) -> dict[str, str]:
    return dict(re.findall(r"--color-([a-z-]+):\s*(#[0-9a-fA-F]{6})", block))


def schemes() -> dict[str, dict[str, str]]:
    light = properties(CSS.split("@media (prefers-color-scheme: dark)")[0])
    dark_block = CSS.split("@media (prefers-color-scheme: dark)")[1].split("\n}\n")[0]
    return {"light": light, "dark": {**light, **properties(dark_block)}}


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("foreground", "background", "minimum"), PAIRS)
def test_colour_pair_meets_wcag_aa(scheme, foreground, background, minimum):
    colours = schemes()[scheme]
    ratio = contrast(colours[foreground], colours[background])
    assert ratio >= minimum, (
        f"{scheme}: --color-{foreground} on --color-{background} is {ratio:.2f}:1"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("background", ["bg", "surface", "header-bg", "button-bg"])
def test_two_tone_focus_ring_is_visible_on_every_background(scheme, background):
    """The ring is yellow outside, dark inside: one tone must stand out 3:1."""
    colours = schemes()[scheme]
    best = max(contrast(colours[tone], colours[background]) for tone in ("focus", "focus-text"))
    assert best >= 3, f"{scheme}: focus ring on --color-{background} is {best:.2f}:1"


def test_every_colour_a_stylesheet_uses_is_defined_in_main_css():
    """A misspelt or removed property makes its declaration silently invalid
    (an initials placeholder without background, a button without border)."""
    defined = set(schemes()["light"])
    folder = PROJECT_ROOT / "themes" / "knotenpunkt" / "static" / "css"
    used = {
        (path.name, name)
        for path in folder.glob("*.css")
        for name in re.findall(r"var\(--color-([a-z-]+)", path.read_text())
    }
    assert {(sheet, name) for sheet, name in used if name not in defined} == set()
