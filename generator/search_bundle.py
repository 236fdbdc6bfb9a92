"""Re-cut the word index of a Pagefind bundle into chunks of a bounded size.

A search downloads the one index chunk whose word range holds each query word. Pagefind
1.5 cuts chunks by counting the postings of a word's *own* spelling and not those of its
accented variants, which it files under the unaccented spelling ("nam" holds "năm", "nằm",
"nấm"…). Almost every Vietnamese word carries a mark, so Pagefind sees them as nearly empty
and lets chunks grow to hundreds of kilobytes: on 10,000 profiles one chunk was 620 KB, and
"camera" cost 479 KB to search.

This module reads the bundle Pagefind wrote and writes the same words again, in the same
order, in chunks of at most ``target_bytes`` of encoded postings (a word heavier than that
gets a chunk of its own; it cannot be split). The file formats are Pagefind 1.5's (gzip of
``pagefind_dcd`` + CBOR); the version is checked and anything unexpected leaves the bundle
as Pagefind wrote it. Nothing here knows MkDocs.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
# Versions whose bundle layout this module was written against (meta: version, pages,
# index chunks, filters, sorts, meta fields; chunk: [[word, pages, variants], …]).
SUPPORTED_VERSIONS = ("1.5.",)
# Encoded postings per chunk. ≈ 3:1 under gzip for these postings, so ≈ 20 KB on the wire.
DEFAULT_TARGET_BYTES = 64 * 1024


class BundleFormatError(Exception):
    """The bundle is not laid out as this module expects (another Pagefind version)."""


@dataclass(frozen=True)
class RechunkResult:
    chunks_before: int
    chunks_after: int
    largest_before: int
    largest_after: int


def read_packed(path: Path) -> Any:
    """One Pagefind data file: gzip of the signature and a CBOR value."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name}: unexpected signature")
    return cbor2.loads(data[len(SIGNATURE) :])


def read_fragment(path: Path) -> Any:
    """One page's fragment: gzip of the signature and JSON (url, content, meta, filters)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name}: unexpected signature")
    return json.loads(data[len(SIGNATURE) :])


def _pack(payload: bytes) -> bytes:
    # mtime=0 keeps the output byte-identical between builds of the same site.
    return gzip.compress(SIGNATURE + payload, compresslevel=6, mtime=0)


def _array_header(length: int) -> bytes:
    """CBOR head of a definite-length array (major type 4)."""
    if length < 24:
        return bytes([0x80 + length])
    if length < 0x100:
        return bytes([0x98, length])
    if length < 0x10000:
        return bytes([0x99]) + length.to_bytes(2, "big")
    return bytes([0x9A]) + length.to_bytes(4, "big")


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """Shortest distinguishing prefixes of two neighbouring boundary words (as Pagefind does)."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return a[: common + 1], b[: common + 1]


def _read_array_header(stream: io.BytesIO) -> int:
    """Length of the definite-length CBOR array starting at the stream's position."""
    head = stream.read(1)
    if not head or head[0] >> 5 != 4:
        raise BundleFormatError("index chunk: expected an array")
    info = head[0] & 0x1F
    if info < 24:
        return info
    if info > 27:
        raise BundleFormatError("index chunk: indefinite array")
    return int.from_bytes(stream.read(1 << (info - 24)), "big")


def _words(bundle: Path, chunks: list[Any]) -> Iterator[tuple[str, bytes]]:
    """Every word of the index in order, with the bytes of its entry as Pagefind wrote them."""
    for entry in chunks:
        data = gzip.decompress((bundle / "index" / f"{entry[2]}.pf_index").read_bytes())
        if not data.startswith(SIGNATURE):
            raise BundleFormatError("index chunk: unexpected signature")
        stream = io.BytesIO(data)
        stream.seek(len(SIGNATURE))
        if _read_array_header(stream) != 1:
            raise BundleFormatError("index chunk: unexpected layout")
        decoder = cbor2.CBORDecoder(stream)
        for _ in range(_read_array_header(stream)):
            start = stream.tell()
            word = decoder.decode()
            if not (isinstance(word, list) and word and isinstance(word[0], str)):
                raise BundleFormatError("index word: unexpected layout")
            yield word[0], data[start : stream.tell()]
        if stream.tell() != len(data):
            raise BundleFormatError("index chunk: trailing bytes")


def _meta_path(bundle: Path) -> tuple[Path, dict[str, Any], str]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    version = str(entry.get("version", ""))
    if not version.startswith(SUPPORTED_VERSIONS):
        raise BundleFormatError(f"Pagefind {version}")
    languages = entry.get("languages") or {}
    if len(languages) != 1:
        raise BundleFormatError("expected one language")
    (language,) = languages
    return bundle / f"pagefind.{languages[language]['hash']}.pf_meta", entry, language


def rechunk(bundle: Path, target_bytes: int = DEFAULT_TARGET_BYTES) -> RechunkResult:
    """Rewrite ``bundle``'s index chunks at most ``target_bytes`` each (one heavy word apart).

    Raises BundleFormatError, before writing anything, if the bundle is not Pagefind 1.5's.
    """
    meta_path, entry, language = _meta_path(bundle)
    meta = read_packed(meta_path)
    if not (isinstance(meta, list) and len(meta) == 6 and meta[0] == entry["version"]):
        raise BundleFormatError("meta: unexpected layout")
    old_chunks = meta[2]
    old_files = [bundle / "index" / f"{c[2]}.pf_index" for c in old_chunks]
    largest_before = max((f.stat().st_size for f in old_files), default=0)
    prefix = f"{language}_"

    written: list[tuple[str, str, str]] = []
    sizes: list[int] = []
    group: list[tuple[str, bytes]] = []
    group_bytes = 0

    def flush() -> None:
        nonlocal group, group_bytes
        payload = _array_header(1) + _array_header(len(group)) + b"".join(b for _, b in group)
        data = _pack(payload)
        name = prefix + hashlib.sha256(data).hexdigest()[:10]
        (bundle / "index" / f"{name}.pf_index.tmp").write_bytes(data)
        written.append((group[0][0], group[-1][0], name))
        sizes.append(len(data))
        group, group_bytes = [], 0

    for word, encoded in _words(bundle, old_chunks):
        if group and group_bytes + len(encoded) > target_bytes:
            flush()
        group.append((word, encoded))
        group_bytes += len(encoded)
    if group:
        flush()

    ranges = [[first, last, name] for first, last, name in written]
    for left, right in zip(ranges, ranges[1:], strict=False):
        left[1], right[0] = _prefixes(left[1], right[0])
    meta[2] = ranges
    meta_data = _pack(cbor2.dumps(meta))
    meta_hash = prefix + hashlib.sha256(meta_data).hexdigest()[:10]

    for old in old_files:
        old.unlink()
    for _, _, name in written:
        tmp = bundle / "index" / f"{name}.pf_index.tmp"
        tmp.replace(tmp.with_suffix(""))
    (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(meta_data)
    if meta_path.name != f"pagefind.{meta_hash}.pf_meta":
        meta_path.unlink()
    entry["languages"][language]["hash"] = meta_hash
    (bundle / "pagefind-entry.json").write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8"
    )
    return RechunkResult(len(old_chunks), len(written), largest_before, max(sizes, default=0))
