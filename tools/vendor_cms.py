"""Refresh the vendored Decap CMS (``make vendor-cms DECAP_CMS_VERSION=…``).

The editing interface at /admin/ loads Decap CMS from our own host, never
from a CDN, and ``make html`` needs nothing but Python: so the browser bundle
is committed under ``plugins/admin/vendor/decap-cms/``. This script fetches
the pinned release from the npm registry with ``npm pack`` (needs Node.js and
npm, only here), keeps what the browser loads (``decap-cms.js``, the chunks it
loads lazily from the same folder, the WebAssembly image encoder, the bundled
licence notices) and records the SHA-256 of every kept file in
``SHA256SUMS`` and of the tarball in ``VERSION``. ``tests/test_admin_vendor.py``
fails when a vendored file no longer matches its checksum.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "plugins" / "admin" / "vendor" / "decap-cms"
#: files of the npm package's dist/ the browser needs (no source maps, no
#: duplicate ``cms.js`` build)
KEEP = re.compile(
    r"^(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt)$"
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def npm_pack(version: str, workdir: Path) -> tuple[Path, str]:
    """Download ``decap-cms@version`` as a tarball; returns it and npm's integrity."""
    completed = subprocess.run(
        ["npm", "pack", f"decap-cms@{version}", "--json", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    info = json.loads(completed.stdout)[0]
    return workdir / info["filename"], info["integrity"]


def vendor(version: str) -> None:
    with tempfile.TemporaryDirectory(prefix="decap-") as scratch:
        workdir = Path(scratch)
        tarball, integrity = npm_pack(version, workdir)
        with tarfile.open(tarball) as archive:
            archive.extractall(workdir, filter="data")
        dist = workdir / "package" / "dist"
        target = VENDOR / "dist"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        kept = sorted(p.name for p in dist.iterdir() if KEEP.match(p.name))
        if "decap-cms.js" not in kept:
            sys.exit(f"decap-cms@{version} has no dist/decap-cms.js")
        for name in kept:
            shutil.copyfile(dist / name, target / name)
        sums = "".join(f"{sha256(target / name)}  dist/{name}\n" for name in kept)
        (VENDOR / "SHA256SUMS").write_text(sums, encoding="utf-8")
        (VENDOR / "VERSION").write_text(
            f"decap-cms {version}\n"
            f"tarball {tarball.name} sha256 {sha256(tarball)}\n"
            f"npm integrity {integrity}\n",
            encoding="utf-8",
        )
    print(f"decap-cms {version}: {len(kept)} files in {VENDOR.relative_to(VENDOR.parents[3])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="the decap-cms release, e.g. 3.16.3")
    vendor(parser.parse_args().version)


if __name__ == "__main__":
    main()
