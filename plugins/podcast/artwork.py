"""Cover art checks (Apple's rules): square, 1400–3000 px, JPEG or PNG whose real
format matches the file extension, RGB colour space."""

from __future__ import annotations

from pathlib import Path

from knotenpunkt.plugins.content_errors import ContentError
from knotenpunkt.plugins.content_errors.i18n import _
from knotenpunkt.plugins.content_errors.limits import image_header

MIN_SIZE = 1400
MAX_SIZE = 3000
FORMATS = {".jpg": "JPEG", ".png": "PNG"}


def check_artwork(path: Path, source: str, field: str, settings=None) -> list[ContentError]:
    """Every problem of the cover art at ``path``; an empty list if it is fine."""
    name = path.name
    extension = path.suffix.lower()
    if not path.is_file():
        return [
            ContentError(
                source,
                field,
                _("Das Bild „{file}“ gibt es nicht.").format(file=str(path)),
                _(
                    "Legen Sie das Bild unter content/images/podcast/ ab und prüfen Sie die "
                    "Schreibweise des Pfads."
                ),
            )
        ]
    if extension not in FORMATS:
        return [
            ContentError(
                source,
                field,
                _("„{file}“ ist kein JPEG- oder PNG-Bild mit der Endung .jpg oder .png.").format(
                    file=name
                ),
                _(
                    "Apple Podcasts akzeptiert nur JPEG (.jpg) und PNG (.png). Speichern Sie das "
                    "Bild in einem dieser Formate; eine .jpeg-Datei benennen Sie in .jpg um."
                ),
            )
        ]
    try:
        real_format, (width, height), mode = image_header(path, source, field, settings)
    except ContentError as problem:
        return [problem]
    problems = []
    if real_format != FORMATS[extension]:
        problems.append(
            ContentError(
                source,
                field,
                _("„{file}“ endet auf {ext}, ist aber ein {real}-Bild.").format(
                    file=name, ext=extension, real=real_format or "?"
                ),
                _(
                    "Speichern Sie das Bild wirklich als {wanted} (Apple lehnt falsch benannte "
                    "Bilder ab)."
                ).format(wanted=FORMATS[extension]),
            )
        )
    if width != height:
        problems.append(
            ContentError(
                source,
                field,
                _("„{file}“ ist {width} × {height} Pixel groß und damit nicht quadratisch.").format(
                    file=name, width=width, height=height
                ),
                _("Schneiden Sie das Bild quadratisch zu, z. B. auf 3000 × 3000 Pixel."),
            )
        )
    if min(width, height) < MIN_SIZE or max(width, height) > MAX_SIZE:
        problems.append(
            ContentError(
                source,
                field,
                _(
                    "„{file}“ ist {width} × {height} Pixel groß; erlaubt sind 1400 bis 3000 Pixel "
                    "je Seite."
                ).format(file=name, width=width, height=height),
                _(
                    "Speichern Sie das Bild in einer Größe zwischen 1400 × 1400 und "
                    "3000 × 3000 Pixeln."
                ),
            )
        )
    if mode == "CMYK":
        problems.append(
            ContentError(
                source,
                field,
                _("„{file}“ ist im Farbraum CMYK (Druckfarben) gespeichert.").format(file=name),
                _("Wandeln Sie das Bild im Bildprogramm in RGB um und speichern Sie es neu."),
            )
        )
    elif mode != "RGB":
        problems.append(
            ContentError(
                source,
                field,
                _("„{file}“ ist nicht im Farbraum RGB gespeichert (sondern „{mode}“).").format(
                    file=name, mode=mode
                ),
                _("Speichern Sie das Bild als RGB ohne Transparenz und ohne Farbpalette."),
            )
        )
    return problems
