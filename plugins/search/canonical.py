"""Make Pagefind's filter indexes byte-identical from build to build.

Pagefind 1.5 writes page fragments and word indexes deterministically, but the
values inside each filter index (``filter/<lang>_<hash>.pf_filter``) and the
list of filters in the language's meta file come out in hash-map order, which
changes from run to run (upstream: "fragment hashes are now stable …, other
files will still change, such as the filter/metadata indexes"). Our builds
must be byte-identical, so after indexing this module rewrites those files in
a sorted order and renames them the way Pagefind names files: the first hex
digits of the SHA-1 of the CBOR payload (7 for filters, 10 for the meta file).
``pagefind-entry.json`` then points to the new meta file.

Every file is decoded and re-encoded first to check that the round trip is
byte-exact; if a future Pagefind changes its format, the build stops with a
message instead of writing an index the browser cannot read.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
FILTER_HASH_LENGTH = 7
META_HASH_LENGTH = 10
# Positions in the meta file's top-level array (Pagefind 1.5).
META_FILTERS = 3


class IndexFormatChanged(RuntimeError):
    """Pagefind wrote files this module does not understand (after an upgrade)."""


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise IndexFormatChanged(f"{path.name}: no Pagefind signature")
    payload = data[len(SIGNATURE) :]
    value = cbor2.loads(payload)
    if cbor2.dumps(value) != payload:
        raise IndexFormatChanged(f"{path.name}: CBOR does not round-trip")
    return value


def _write(folder: Path, prefix: str, suffix: str, length: int, value) -> str:
    """Write ``value`` as ``<prefix><hash><suffix>``; returns the hash part with language."""
    payload = cbor2.dumps(value)
    digest = hashlib.sha1(payload).hexdigest()[:length]  # noqa: S324 - Pagefind's file naming
    name = f"{prefix}{digest}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(SIGNATURE + payload, mtime=0))
    return name


def canonical_filter(value):
    """``[name, [[value, [pages …]], …]]`` with values and pages sorted."""
    name, entries = value
    return [name, sorted(([text, sorted(pages)] for text, pages in entries), key=lambda e: e[0])]


def canonicalise(bundle: Path) -> None:
    """Rewrite the filter indexes and meta files of ``bundle`` in a stable order."""
    bundle = Path(bundle)
    entry_file = bundle / "pagefind-entry.json"
    entry_text = entry_file.read_text(encoding="utf-8")
    entry = json.loads(entry_text)
    if json.dumps(entry, separators=(",", ":"), ensure_ascii=False) != entry_text:
        raise IndexFormatChanged("pagefind-entry.json does not round-trip")
    renamed: dict[str, str] = {}
    filter_folder = bundle / "filter"
    for path in sorted(filter_folder.glob("*.pf_filter")):
        old = path.name.removesuffix(".pf_filter")
        language = old.rsplit("_", 1)[0]
        value = canonical_filter(_read(path))
        path.unlink()
        renamed[old] = _write(
            filter_folder, f"{language}_", ".pf_filter", FILTER_HASH_LENGTH, value
        )
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = meta[META_FILTERS]
        if not all(isinstance(f, list) and len(f) == 2 for f in filters):
            raise IndexFormatChanged(f"{meta_path.name}: unexpected filter list")
        meta[META_FILTERS] = sorted([name, renamed.get(h, h)] for name, h in filters)
        meta_path.unlink()
        info["hash"] = _write(bundle, f"pagefind.{language}_", ".pf_meta", META_HASH_LENGTH, meta)
        info["hash"] = info["hash"].removeprefix("pagefind.")
    entry_file.write_text(
        json.dumps(entry, separators=(",", ":"), ensure_ascii=False), encoding="utf-8"
    )
