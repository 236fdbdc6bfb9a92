"""Pagefind bundles re-cut into chunks of a bounded size, and merged from parts.

A search downloads the one index chunk whose word range holds each query word. Pagefind
1.5 cuts chunks by counting the postings of a word's *own* spelling and not those of its
accented variants, which it files under the unaccented spelling ("nam" holds "năm", "nằm",
"nấm"…). Almost every Vietnamese word carries a mark, so Pagefind sees them as nearly empty
and lets chunks grow to hundreds of kilobytes: on 10,000 profiles one chunk was 620 KB, and
"camera" cost 479 KB to search.

This module reads the bundle Pagefind wrote and writes the same words again, in the same
order, in chunks of at most ``target_bytes`` of encoded postings (a word heavier than that
gets a chunk of its own; it cannot be split). ``merge`` does the same for bundles Pagefind
built from disjoint sets of pages (it holds every page in memory, so big sites are indexed in
parts): pages numbered on, a word's postings from all parts one after the other, filters and
metadata marks renumbered. The file formats are Pagefind 1.5's (gzip of ``pagefind_dcd`` +
CBOR); the version is checked before anything is written. Nothing here knows MkDocs.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import heapq
import io
import json
import shutil
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Decoding an index makes millions of short-lived lists without cycles: each of them
    counts towards the cyclic collector's next run, which then walks every object of the
    process (in a build, all of MkDocs' pages): twice the time for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


def _chunks(bundle: Path, chunks: list[Any]) -> Iterator[tuple[bytes, io.BytesIO, cbor2.CBORDecoder, int]]:
    """Each index chunk opened to be read word by word: its bytes, a stream at its first word,
    a decoder on that stream and the number of words. Once the caller has read them, checks
    that nothing is left."""
    for entry in chunks:
        data = gzip.decompress((bundle / "index" / f"{entry[2]}.pf_index").read_bytes())
        if not data.startswith(SIGNATURE):
            raise BundleFormatError("index chunk: unexpected signature")
        stream = io.BytesIO(data)
        stream.seek(len(SIGNATURE))
        if _read_array_header(stream) != 1:
            raise BundleFormatError("index chunk: unexpected layout")
        yield data, stream, cbor2.CBORDecoder(stream), _read_array_header(stream)
        if stream.tell() != len(data):
            raise BundleFormatError("index chunk: trailing bytes")


def _words(bundle: Path, chunks: list[Any]) -> Iterator[tuple[str, bytes]]:
    """Every word of the index in order, with the bytes of its entry as Pagefind wrote them."""
    for data, stream, decoder, count in _chunks(bundle, chunks):
        for _ in range(count):
            start = stream.tell()
            word = decoder.decode()
            if not (isinstance(word, list) and word and isinstance(word[0], str)):
                raise BundleFormatError("index word: unexpected layout")
            yield word[0], data[start : stream.tell()]


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


def read_meta(bundle: Path) -> tuple[Path, dict[str, Any], str, list[Any]]:
    """The bundle's meta file, entry (pagefind-entry.json), language and decoded meta."""
    meta_path, entry, language = _meta_path(bundle)
    meta = read_packed(meta_path)
    if not (isinstance(meta, list) and len(meta) == 6 and meta[0] == entry["version"]):
        raise BundleFormatError("meta: unexpected layout")
    return meta_path, entry, language, meta


def _write_chunks(
    index_dir: Path, words: Iterator[tuple[str, bytes]], prefix: str, target_bytes: int
) -> tuple[list[list[str]], list[int]]:
    """Write words (in order) into chunks named ``<name>.pf_index.tmp``; their ranges and sizes."""
    written: list[list[str]] = []
    sizes: list[int] = []
    group: list[tuple[str, bytes]] = []
    group_bytes = 0

    def flush() -> None:
        payload = _array_header(1) + _array_header(len(group)) + b"".join(b for _, b in group)
        data = _pack(payload)
        name = prefix + hashlib.sha256(data).hexdigest()[:10]
        (index_dir / f"{name}.pf_index.tmp").write_bytes(data)
        written.append([group[0][0], group[-1][0], name])
        sizes.append(len(data))

    for word, encoded in words:
        if group and group_bytes + len(encoded) > target_bytes:
            flush()
            group, group_bytes = [], 0
        group.append((word, encoded))
        group_bytes += len(encoded)
    if group:
        flush()
    for left, right in zip(written, written[1:], strict=False):
        left[1], right[0] = _prefixes(left[1], right[0])
    return written, sizes


def _commit(
    bundle: Path, ranges: list[list[str]], meta: list[Any], entry: dict[str, Any], language: str
) -> None:
    """Move the new chunks in place and write the meta and entry files that name them."""
    for _, _, name in ranges:
        tmp = bundle / "index" / f"{name}.pf_index.tmp"
        tmp.replace(tmp.with_suffix(""))
    meta[2] = ranges
    meta_data = _pack(cbor2.dumps(meta))
    meta_hash = f"{language}_" + hashlib.sha256(meta_data).hexdigest()[:10]
    (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(meta_data)
    entry["languages"][language]["hash"] = meta_hash
    entry["languages"][language]["page_count"] = len(meta[1])
    (bundle / "pagefind-entry.json").write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8"
    )


def _collation_key(text: str) -> tuple[str, str]:
    """Vietnamese reading order: accents and the stroke of đ count only to break ties."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D").casefold(), text


def _read_filters(
    bundle: Path, filter_ranges: list[Any], remove: bool = True
) -> dict[str, dict[str, list[int]]]:
    """The bundle's filters: name → value → page numbers (``remove``: their files deleted)."""
    filters: dict[str, dict[str, list[int]]] = {}
    for name, filter_hash in filter_ranges:
        path = bundle / "filter" / f"{filter_hash}.pf_filter"
        packed = read_packed(path)
        values = filters.setdefault(name, {})
        for value, numbers in packed[1]:
            values.setdefault(value, []).extend(numbers)
        if remove:
            path.unlink()
    return filters


def _write_filters(folder: Path, filters: dict[str, dict[str, list[int]]], language: str) -> list[list[str]]:
    """Write each filter with its values in reading order; → the meta's [name, hash] list.
    Pagefind writes them in the order of a hash map, which changes from build to build: the
    files (named by their content) and the meta file naming them would differ every time,
    and the filter lists a visitor opens would be shuffled."""
    ranges = []
    for name in sorted(filters, key=_collation_key):
        values = filters[name]
        ordered = [[value, values[value]] for value in sorted(values, key=_collation_key)]
        data = _pack(cbor2.dumps([name, ordered]))
        filter_hash = f"{language}_" + hashlib.sha256(data).hexdigest()[:10]
        (folder / f"{filter_hash}.pf_filter").write_bytes(data)
        ranges.append([name, filter_hash])
    return ranges


def rechunk(bundle: Path, target_bytes: int = DEFAULT_TARGET_BYTES) -> RechunkResult:
    """Rewrite ``bundle``'s index chunks at most ``target_bytes`` each (one heavy word apart).

    Raises BundleFormatError, before changing anything, if the bundle is not Pagefind 1.5's.
    """
    with _without_cyclic_gc():
        return _rechunk(bundle, target_bytes)


def _rechunk(bundle: Path, target_bytes: int) -> RechunkResult:
    meta_path, entry, language, meta = read_meta(bundle)
    old_files = [bundle / "index" / f"{c[2]}.pf_index" for c in meta[2]]
    largest_before = max((f.stat().st_size for f in old_files), default=0)
    try:
        ranges, sizes = _write_chunks(bundle / "index", _words(bundle, meta[2]), f"{language}_", target_bytes)
    except BaseException:
        for tmp in (bundle / "index").glob("*.tmp"):
            tmp.unlink()
        raise
    for old in old_files:
        old.unlink()
    meta_path.unlink()
    meta[3] = _write_filters(bundle / "filter", _read_filters(bundle, meta[3]), language)
    _commit(bundle, ranges, meta, entry, language)
    return RechunkResult(len(old_files), len(ranges), largest_before, max(sizes, default=0))


@dataclass(frozen=True)
class _Postings:
    """One part's postings of a word (or of one of its variants): how many, the first one
    decoded, the others as Pagefind encoded them, and the page of the last one. Postings
    store the gap from the previous posting's page, so only the first changes in a merge."""

    count: int
    first: list[Any]
    rest: bytes
    last_page: int


_NO_POSTINGS = _Postings(0, [], b"", 0)


def _renumber_fields(pages: list[Any], fields: dict[int, int]) -> None:
    """Point a part's metadata-field marks (-1 - field number, third item of each posting:
    where a word sits in the title or summary) at the merged list of fields."""
    for posting in pages:
        if posting[2]:
            posting[2] = [fields[-1 - n] if n < 0 else n for n in posting[2]]


def _read_postings(
    data: bytes, stream: io.BytesIO, decoder: cbor2.CBORDecoder, fields: dict[int, int] | None
) -> _Postings:
    """The posting list at the stream's position (``fields``: marks to renumber, if any)."""
    start = stream.tell()
    postings = decoder.decode()
    end = stream.tell()
    if not isinstance(postings, list):
        raise BundleFormatError("index postings: unexpected layout")
    if not postings:
        return _NO_POSTINGS
    try:
        last_page = sum(posting[0] for posting in postings)
        if fields is not None:
            _renumber_fields(postings, fields)
            rest = b"".join(cbor2.dumps(posting) for posting in postings[1:])
        else:
            stream.seek(start)
            _read_array_header(stream)
            decoder.decode()  # the first posting: the others follow it byte for byte
            rest = data[stream.tell() : end]
            stream.seek(end)
    except (TypeError, IndexError, KeyError) as error:
        raise BundleFormatError("index posting: unexpected layout") from error
    return _Postings(len(postings), postings[0], rest, last_page)


# A word of one part: (word, its postings, [(variant, its postings), …]).
_PartWord = tuple[str, _Postings, list[tuple[str, _Postings]]]


def _part_words(bundle: Path, chunks: list[Any], fields: dict[int, int] | None) -> Iterator[_PartWord]:
    """Every word of one part in order, its postings kept as encoded (see _Postings)."""
    for data, stream, decoder, count in _chunks(bundle, chunks):
        for _ in range(count):
            if _read_array_header(stream) != 3:
                raise BundleFormatError("index word: unexpected layout")
            word = decoder.decode()
            if not isinstance(word, str):
                raise BundleFormatError("index word: unexpected layout")
            pages = _read_postings(data, stream, decoder, fields)
            variants = []
            for _ in range(_read_array_header(stream)):
                if _read_array_header(stream) != 2:
                    raise BundleFormatError("index variant: unexpected layout")
                variant = decoder.decode()
                if not isinstance(variant, str):
                    raise BundleFormatError("index variant: unexpected layout")
                variants.append((variant, _read_postings(data, stream, decoder, fields)))
            yield word, pages, variants


def _encode_postings(parts: list[tuple[int, _Postings]]) -> bytes:
    """Postings of several parts (in part order, each with its first page number) as one list:
    each part's first gap re-encoded from the previous part's last page, the rest copied."""
    out = [_array_header(sum(postings.count for _, postings in parts))]
    previous = 0
    for offset, postings in parts:
        if postings.count:
            first = [postings.first[0] + offset - previous, *postings.first[1:]]
            out += [cbor2.dumps(first), postings.rest]
            previous = postings.last_page + offset
    return b"".join(out)


def _merged_words(
    parts: list[tuple[Path, list[Any], int, dict[int, int]]],
) -> Iterator[tuple[str, bytes]]:
    """The words of several bundles (each: folder, chunk ranges, first page number, marks of
    its metadata fields → merged marks) merged in order; a word in several parts gets their
    postings one after the other."""

    def tagged(
        bundle: Path, chunks: list[Any], offset: int, fields: dict[int, int]
    ) -> Iterator[tuple[int, _PartWord]]:
        renumber = any(-1 - old != new for old, new in fields.items())
        for word in _part_words(bundle, chunks, fields if renumber else None):
            yield offset, word

    merged = heapq.merge(*(tagged(*part) for part in parts), key=lambda item: item[1][0])
    group: list[tuple[int, _PartWord]] = []
    for item in merged:
        if group and item[1][0] != group[0][1][0]:
            yield group[0][1][0], _combine(group)
            group = []
        group.append(item)
    if group:
        yield group[0][1][0], _combine(group)


def _combine(group: list[tuple[int, _PartWord]]) -> bytes:
    """One word's entries from several parts (in part order) as a single encoded entry."""
    pages = [(offset, word[1]) for offset, word in group]
    variants: dict[str, list[tuple[int, _Postings]]] = {}
    for offset, (_, _, word_variants) in group:
        for variant, postings in word_variants:
            variants.setdefault(variant, []).append((offset, postings))
    out = [
        _array_header(3),
        cbor2.dumps(group[0][1][0]),
        _encode_postings(pages),
        _array_header(len(variants)),
    ]
    for variant, postings_of_parts in variants.items():
        out += [_array_header(2), cbor2.dumps(variant), _encode_postings(postings_of_parts)]
    return b"".join(out)


def merge(parts: list[Path], out: Path, target_bytes: int = DEFAULT_TARGET_BYTES) -> int:
    """Merge Pagefind bundles built from disjoint sets of pages into one bundle at ``out``
    (which must not exist), with chunks of at most ``target_bytes``; the page count.

    Raises BundleFormatError if a part is not laid out as Pagefind 1.5 lays it out (versions
    and metadata are checked before anything is written; ``out`` may then be incomplete).
    """
    with _without_cyclic_gc():
        return _merge(parts, out, target_bytes)


def _check_parts(read: list[Any]) -> None:
    """The parts can be merged: one language, one Pagefind version, no sort indexes."""
    _, _, language, first_meta = read[0]
    for _, _, other_language, meta in read:
        if other_language != language or meta[0] != first_meta[0]:
            raise BundleFormatError("parts of different languages or versions")
        if meta[4]:
            raise BundleFormatError("sort indexes are not supported")


def _merge(parts: list[Path], out: Path, target_bytes: int) -> int:
    read = [read_meta(part) for part in parts]
    _check_parts(read)
    _, entry, language, first_meta = read[0]
    for folder in ("index", "filter", "fragment"):
        (out / folder).mkdir(parents=True)
    for item in parts[0].iterdir():  # the scripts, styles and WebAssembly
        if item.is_file() and item.suffix != ".pf_meta" and item.name != "pagefind-entry.json":
            shutil.copy2(item, out / item.name)
    pages: list[Any] = []
    offsets: list[int] = []
    fields: set[str] = set()
    filters: dict[str, dict[str, list[int]]] = {}
    for part, (_, _, _, meta) in zip(parts, read, strict=True):
        offset = len(pages)
        offsets.append(offset)
        pages += meta[1]
        fields.update(meta[5])
        for name, values_of_part in _read_filters(part, meta[3], remove=False).items():
            values = filters.setdefault(name, {})
            for value, numbers in values_of_part.items():
                values.setdefault(value, []).extend(n + offset for n in numbers)
        for fragment in (part / "fragment").iterdir():
            shutil.copy2(fragment, out / "fragment" / fragment.name)
    filter_ranges = _write_filters(out / "filter", filters, language)
    merged_fields = sorted(fields)
    words = _merged_words(
        [
            (part, meta[2], offset, {i: -1 - merged_fields.index(f) for i, f in enumerate(meta[5])})
            for part, (_, _, _, meta), offset in zip(parts, read, offsets, strict=True)
        ]
    )
    ranges, _ = _write_chunks(out / "index", words, f"{language}_", target_bytes)
    meta = [first_meta[0], pages, [], filter_ranges, [], merged_fields]
    _commit(out, ranges, meta, entry, language)
    return len(pages)
