"""The vendored Decap CMS is exactly the pinned release: checksums, licence, German interface."""

import hashlib
import re

from sitebuild import PROJECT_ROOT

VENDOR = PROJECT_ROOT / "plugins" / "admin" / "vendor" / "decap-cms"


def recorded_sums() -> dict[str, str]:
    sums = {}
    for line in (VENDOR / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    return sums


def test_every_vendored_file_matches_its_recorded_checksum():
    sums = recorded_sums()
    on_disk = {
        path.relative_to(VENDOR).as_posix()
        for path in (VENDOR / "dist").rglob("*")
        if path.is_file()
    }
    assert on_disk == set(sums), "files added or removed: run `make vendor-cms`"
    for name, digest in sums.items():
        actual = hashlib.sha256((VENDOR / name).read_bytes()).hexdigest()
        assert actual == digest, f"{name} differs from the pinned release"


def test_the_pinned_version_is_the_one_in_the_bundle():
    version_file = (VENDOR / "VERSION").read_text(encoding="utf-8")
    version = re.match(r"decap-cms (\d+\.\d+\.\d+)\n", version_file).group(1)
    assert re.search(r"tarball decap-cms-[\d.]+\.tgz sha256 [0-9a-f]{64}\n", version_file)
    assert "npm integrity sha512-" in version_file
    bundle = (VENDOR / "dist" / "decap-cms.js").read_text(encoding="utf-8")
    assert f"decap-cms-app {version}" in bundle
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"DECAP_CMS_VERSION ?= {version}" in makefile


def test_licences_are_shipped_with_the_bundle():
    licence = (VENDOR / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Copyright (c) 2016 Netlify" in licence
    assert (VENDOR / "dist" / "decap-cms.js.LICENSE.txt").stat().st_size > 0


def test_the_bundle_brings_its_german_interface():
    bundle = (VENDOR / "dist" / "decap-cms.js").read_text(encoding="utf-8")
    assert "Jetzt veröffentlichen" in bundle and "Beitrag gespeichert" in bundle


def test_make_vendor_cms_refreshes_it_with_npm():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "vendor-cms:" in makefile
    assert "tools/vendor_cms.py $(DECAP_CMS_VERSION)" in makefile
