"""Pagefind bundles re-cut and merged from parts: the same words and pages as one Pagefind
run, the same results in Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import cbor2
import pytest

from dienhinh.search import index as search_module
from dienhinh.search.bundle import BundleFormatError, read_fragment, read_meta, read_packed, rechunk
from dienhinh.search.index import (
    OUTPUT_SUBDIR,
    build_index,
    fold,
    mark_d_stroke,
    pagefind_args,
    pagefind_executable,
    restore_d_stroke,
)

from .browser import chromium
from .sample import serve
from .test_browser import search


@pytest.fixture(scope="module")
def pagefind_own(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site with the bundle exactly as Pagefind writes it (no re-cutting)."""
    site = tmp_path_factory.mktemp("pagefind-own") / "site"
    shutil.copytree(sample_site, site, ignore=shutil.ignore_patterns(OUTPUT_SUBDIR))
    # Pagefind over the whole built site, with the options and the spelling of đ the build
    # gives it (its pages are then served with that spelling: only the search page is used).
    for page in site.rglob("*.html"):
        page.write_text(mark_d_stroke(page.read_text("utf-8")), "utf-8")
    subprocess.run(
        pagefind_args(pagefind_executable(), site, site / OUTPUT_SUBDIR), check=True, capture_output=True
    )
    restore_d_stroke(site / OUTPUT_SUBDIR)
    return site


def _bundle_words(bundle: Path) -> list[Any]:
    """Every word entry of the index, decoded, in chunk order."""
    _, _, _, meta = read_meta(bundle)
    words: list[Any] = []
    for _, _, name in meta[2]:
        words += read_packed(bundle / "index" / f"{name}.pf_index")[0]
    return words


def test_rechunk_keeps_every_word_and_bounds_chunks(pagefind_own: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    shutil.copytree(pagefind_own / OUTPUT_SUBDIR, bundle)
    before = _bundle_words(bundle)
    assert len(before) > 500

    result = rechunk(bundle, target_bytes=2048)

    after = _bundle_words(bundle)
    assert after == before
    files = sorted((bundle / "index").iterdir())
    assert len(files) == result.chunks_after > result.chunks_before
    assert all(f.suffix == ".pf_index" for f in files)
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    (language,) = entry["languages"].values()
    metas = list(bundle.glob("pagefind.*.pf_meta"))
    assert [m.name for m in metas] == [f"pagefind.{language['hash']}.pf_meta"]
    ranges = read_packed(metas[0])[2]
    # Each range is named by prefixes of its first and last words (as Pagefind names them),
    # ranges follow each other without overlapping, and only a word heavier than the target
    # sits alone over it.
    for index, (first, last, name) in enumerate(ranges):
        words = read_packed(bundle / "index" / f"{name}.pf_index")[0]
        assert words[0][0].startswith(first) and words[-1][0].startswith(last)
        if index + 1 < len(ranges):
            assert last < ranges[index + 1][0]
        if len(words) > 1:
            assert sum(len(cbor2.dumps(w)) for w in words) <= 2048


def test_rechunk_refuses_another_pagefind_version(pagefind_own: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    shutil.copytree(pagefind_own / OUTPUT_SUBDIR, bundle)
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text("utf-8"))
    entry["version"] = "2.0.0"
    entry_file.write_text(json.dumps(entry), "utf-8")
    snapshot = {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    with pytest.raises(BundleFormatError):
        rechunk(bundle)
    assert {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()} == snapshot


QUERIES = ["duong", "đường", "che", "chè", "diem mac", "hop tac xa", "camera", "thoat ngheo", "xyzzy"]


def _page_words(site: Path) -> dict[str, set[str]]:
    """URL → the folded words of the page's indexed text (its fragment)."""
    words = {}
    for path in (site / OUTPUT_SUBDIR / "fragment").glob("*.pf_fragment"):
        fragment = read_fragment(path)
        words[fragment["url"]] = set(re.findall(r"\w+", fold(fragment["content"]).lower()))
    return words


def test_search_results_survive_one_word_chunks_in_chromium(pagefind_own: Path, tmp_path: Path) -> None:
    """With one word per chunk, every page holding the query's words is still found.

    Pagefind also matches words that merely start with a query word ("che" → "chen"), but
    only inside the one chunk it downloads, so those extra matches depend on where chunks
    are cut (in Pagefind's own cutting too); results may lose such extras, never gain any.
    """
    tiny = tmp_path / "site"
    shutil.copytree(pagefind_own, tiny)
    result = rechunk(tiny / OUTPUT_SUBDIR, target_bytes=1)
    assert result.chunks_after > 10 * result.chunks_before
    page_words = _page_words(pagefind_own)
    with chromium() as browser, serve(pagefind_own) as own_url, serve(tiny) as tiny_url:
        page = browser.new_page()
        for query in QUERIES:
            expected = {r["href"] for r in search(page, own_url, query)}
            found = {r["href"] for r in search(page, tiny_url, query)}
            whole = {
                href for href in expected if all(fold(word) in page_words[href] for word in query.split())
            }
            assert found <= expected, query
            assert whole <= found, query
            assert bool(whole) == (query != "xyzzy"), query


def _normalized(bundle: Path) -> dict[str, Any]:
    """A bundle's content independent of page numbering and chunking: pages by hash."""
    _, entry, language, meta = read_meta(bundle)
    hashes = [page[0] for page in meta[1]]
    fields = meta[5]

    def postings(pages: list[Any]) -> dict[str, Any]:
        found, page = {}, 0
        for number, locations, marks in pages:
            page += number
            named = [fields[-1 - m] if m < 0 else m for m in marks]
            found[hashes[page]] = (locations, named)
        return found

    words = {}
    for _, _, name in meta[2]:
        for key, own, variants in read_packed(bundle / "index" / f"{name}.pf_index")[0]:
            words[key] = (postings(own), {v: postings(p) for v, p in variants})
    filters = {}
    for name, filter_hash in meta[3]:
        _, values = read_packed(bundle / "filter" / f"{filter_hash}.pf_filter")
        filters[name] = {value: {hashes[n] for n in numbers} for value, numbers in values}
    return {
        "pages": sorted(map(tuple, meta[1])),
        "words": words,
        "filters": filters,
        "fragments": sorted(p.name for p in (bundle / "fragment").iterdir()),
        "page_count": entry["languages"][language]["page_count"],
    }


def test_index_built_in_parts_equals_one_run(sample_site: Path, tmp_path: Path) -> None:
    """Eight Pagefind runs merged hold exactly what one run over the whole site holds."""
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    for site in (whole, parts):
        shutil.copytree(sample_site, site, ignore=shutil.ignore_patterns(OUTPUT_SUBDIR))
    one = build_index(whole)
    merged = build_index(parts, part_pages=7)
    assert one.error is None and merged.error is None
    assert one.pages == merged.pages > 50
    expected, found = _normalized(whole / OUTPUT_SUBDIR), _normalized(parts / OUTPUT_SUBDIR)
    assert found["pages"] == expected["pages"]
    assert found["filters"] == expected["filters"]
    assert found["fragments"] == expected["fragments"]
    assert found["words"] == expected["words"]
    assert found["page_count"] == expected["page_count"] == one.pages
    # The build indexes pages as MkDocs writes them, in MkDocs' order: the same content.
    assert _normalized(sample_site / OUTPUT_SUBDIR) == expected
    with chromium() as browser, serve(whole) as whole_url, serve(parts) as parts_url:
        page = browser.new_page()
        for query in QUERIES:
            # The same results; pages of equal score may come in another order (page numbers
            # differ between the merged and the single bundle), as may the titles with them.
            found = sorted(r["href"] for r in search(page, parts_url, query))
            assert found == sorted(r["href"] for r in search(page, whole_url, query)), query


def test_pages_without_a_marked_region_are_indexed_whole(tmp_path: Path) -> None:
    """A site where no page marks data-pagefind-body is indexed page by page, as Pagefind does."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.html").write_text(
            f'<html lang="vi"><body><h1>Đường làng {name}</h1></body></html>', encoding="utf-8"
        )
    result = build_index(tmp_path)
    assert result.error is None and result.pages == 2


def test_page_copies_move_to_disk_when_memory_is_full(
    sample_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page copies go to /dev/shm when it has room; when writing there fails, the part being
    written and the next ones go to the disk, and the index is whole."""
    site = tmp_path / "site"
    shutil.copytree(sample_site, site, ignore=shutil.ignore_patterns(OUTPUT_SUBDIR))
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(search_module, "MEMORY_DIR", memory)
    monkeypatch.setattr(search_module, "MEMORY_DIR_FREE", 0)
    written = Path.write_text
    in_memory: list[Path] = []

    def full_after_ten(self: Path, *args: Any, **kwargs: Any) -> int:
        if self.is_relative_to(memory):
            if len(in_memory) >= 10:
                raise OSError(28, "No space left on device")
            in_memory.append(self)
        return written(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_after_ten)
    whole = build_index(site, part_pages=7)
    assert len(in_memory) == 10 and whole.error is None
    assert whole.pages == _normalized(sample_site / OUTPUT_SUBDIR)["page_count"] > 50
    assert _normalized(site / OUTPUT_SUBDIR) == _normalized(sample_site / OUTPUT_SUBDIR)
    assert list(memory.iterdir()) == []  # removed with the rest


def test_a_full_disk_is_a_vietnamese_error(
    sample_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(sample_site, site, ignore=shutil.ignore_patterns(OUTPUT_SUBDIR))
    monkeypatch.setattr(search_module, "MEMORY_DIR", tmp_path / "none")  # no memory folder: the disk
    written = Path.write_text

    def full(self: Path, *args: Any, **kwargs: Any) -> int:
        if "dienhinh-search-" in str(self):
            raise OSError(28, "No space left on device")
        return written(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    result = build_index(site)
    assert result.pages == 0
    assert result.error is not None and "Lập chỉ mục tìm kiếm (Pagefind) không thành công" in result.error
    assert "No space left on device" in result.error


def test_folders_of_killed_builds_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memory, disk = tmp_path / "memory", tmp_path / "disk"
    memory.mkdir()
    disk.mkdir()
    monkeypatch.setattr(search_module, "MEMORY_DIR", memory)
    monkeypatch.setattr(search_module.tempfile, "tempdir", str(disk))
    dead = [memory / "dienhinh-search-999999999-ab", disk / "dienhinh-search-999999999-cd"]
    alive = [
        memory / f"dienhinh-search-{os.getppid()}-ef",
        disk / "dienhinh-search-1-gh",
        disk / "other-999999999",
    ]
    for folder in dead + alive:
        (folder / "site-0").mkdir(parents=True)
    assert sorted(search_module.remove_stale_temp_dirs()) == sorted(dead)
    assert all(folder.is_dir() for folder in alive) and not any(folder.exists() for folder in dead)
