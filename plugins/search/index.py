"""Run Pagefind over a written site; fail loudly, never leave a stale index.

Pagefind's output is made deterministic (same pages, same bytes) by
:mod:`search.canonical`, which ``tests/test_search.py`` checks, so atomic
builds stay byte-identical. The binary ships inside the ``pagefind-bin`` wheel; nothing is
downloaded at build time.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from knotenpunkt.plugins.content_errors.i18n import _

from .canonical import IndexFormatChanged, canonicalise


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index (a broken installation, not content)."""


def pagefind_executable() -> Path:
    try:
        import pagefind_bin

        return Path(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as missing:
        raise SearchIndexError(
            _(
                "Das Programm für die Suche (Pagefind) fehlt: {reason}. Installieren Sie die "
                "Abhängigkeiten neu (make html richtet sie ein)."
            ).format(reason=missing)
        ) from None


def pagefind_command(site: Path, bundle_dir: str, language: str) -> list[str]:
    """The command line that indexes ``site`` into ``site/bundle_dir``."""
    return [
        str(pagefind_executable()),
        "--site",
        str(site),
        "--output-subdir",
        bundle_dir,
        "--force-language",
        language,
        "--silent",
    ]


def build_index(site: Path, bundle_dir: str = "pagefind", language: str = "de") -> Path:
    """Index the HTML under ``site``; returns the bundle folder."""
    site = Path(site)
    bundle = site / bundle_dir
    if bundle.is_dir():
        shutil.rmtree(bundle)  # a devserver rebuild must not keep old fragments
    done = subprocess.run(
        pagefind_command(site, bundle_dir, language),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise SearchIndexError(
            _("Der Suchindex konnte nicht gebaut werden: {output}").format(
                output=(done.stderr or done.stdout).strip()[-2000:]
            )
        )
    try:
        canonicalise(bundle)
    except IndexFormatChanged as changed:
        raise SearchIndexError(
            _(
                "Der Suchindex hat ein unbekanntes Format ({reason}); passt die Version von "
                "pagefind-bin in requirements.txt zu plugins/search/canonical.py?"
            ).format(reason=changed)
        ) from None
    return bundle
