"""Build small Knotenpunkt sites in temporary folders, the way tests need them.

``build_site`` runs Pelican in-process with the project's pelicanconf.py (so
plugins, theme and settings are the real ones) on a content folder of the
test's choosing, and returns what a member would see: the exit code, the text
printed, and the output folder.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONTENT = PROJECT_ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PUBLISHCONF = PROJECT_ROOT / "publishconf.py"
#: what a production build of the sample needs: publishconf.py has no address
#: of its own, and example addresses are refused unless explicitly allowed
PUBLISH = {"SITEURL": "https://netzwerk-lernen.example.org", "PUBLISH_ALLOW_EXAMPLE_ADDRESS": True}
#: where builds keep encoded photo sizes unless a test names IMAGES_CACHE_PATH
#: (set per test session by conftest.py), also for builds with their own
#: CACHE_PATH. The images plugin names each file by a digest of the photo and
#: the recipe, so sharing it only saves re-encoding the same photos in every
#: build (a second of CPU for the sample); tests of the image cache pass their
#: own, or ``IMAGES_CACHE_PATH=None`` for its default place below CACHE_PATH.
SHARED_IMAGE_CACHE: Path | None = None


@dataclass
class BuildResult:
    exit_code: int
    messages: str
    output: Path

    def page(self, relative: str) -> str:
        """The HTML of an output file, e.g. ``page("mitglieder/index.html")``."""
        return (self.output / relative).read_text(encoding="utf-8")

    def exists(self, relative: str) -> bool:
        return (self.output / relative).exists()


def build_site(
    content: Path,
    output: Path,
    settings_file: Path = PROJECT_ROOT / "pelicanconf.py",
    **overrides,
) -> BuildResult:
    """Build ``content`` into ``output`` in this process; never raises SystemExit."""
    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / (output.name + "-cache")),
        **overrides,
    }
    if SHARED_IMAGE_CACHE and "IMAGES_CACHE_PATH" not in overrides:
        override["IMAGES_CACHE_PATH"] = str(SHARED_IMAGE_CACHE)
    settings = read_settings(str(settings_file), override=override)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.WARNING)
    logging.getLogger().addHandler(handler)
    exit_code = 0
    try:
        with contextlib.redirect_stderr(stream), contextlib.redirect_stdout(stream):
            Pelican(settings).run()
    except SystemExit as stop:
        exit_code = stop.code if isinstance(stop.code, int) else 1
    finally:
        logging.getLogger().removeHandler(handler)
    return BuildResult(exit_code, stream.getvalue(), output)


def copy_sample(destination: Path) -> Path:
    """A private copy of the sample network's content, safe to break."""
    target = destination / "content"
    shutil.copytree(SAMPLE_CONTENT, target)
    return target


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{"members/x.md": "..."}`` below ``root`` and return ``root``."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def run_pelican_cli(content: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run ``pelican`` as ``make html`` does, in a separate process."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-o",
            str(output),
            "-s",
            str(PROJECT_ROOT / "pelicanconf.py"),
            *extra,
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=300,
    )
