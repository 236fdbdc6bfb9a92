"""Search index of the built site with Pagefind (the binary shipped in ``pagefind[bin]``).

Pagefind indexes only the regions marked ``data-pagefind-body`` (profiles and content pages,
see ``site_templates/overrides/main.html``), so published pages alone are searchable: drafts
are never built. Nothing here knows MkDocs: it takes a folder of HTML and writes
``<site>/pagefind/``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import messages as msg
from .search_bundle import BundleFormatError, merge, rechunk

OUTPUT_SUBDIR = "pagefind"


def fold(text: str) -> str:
    """Vietnamese text without diacritics, đ/Đ as d/D: what people type on a phone keyboard.

    Pagefind folds accents itself but not đ (it is a letter, not d with a mark), so pages
    carry a folded copy of their searchable text and "duong" finds "đường".
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_WORD = re.compile(r"\w+")
# Listing regions marked data-pagefind-ignore (cards: <ul class="dh-cards" …>, never nested).
_IGNORED = re.compile(r"<(\w+)\b[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# Pagefind leaves these out of the index: permalink marks (¶), the theme's page chrome and
# text repeated on every profile: table heads, fact labels, figure labels and results of the
# yearly evaluations, and the registry's criteria (indexed once, on their field page). A word
# on every page costs a posting per page in the chunk a search downloads.
EXCLUDE_SELECTORS = (
    ".headerlink",
    ".md-source-file",
    "thead",
    "tfoot",
    ".dh-facts dt",
    ".dh-criterion-id",
    ".dh-figures",
    ".dh-timeline__result",
    "ul.dh-criteria",
)


def folded_words(text: str) -> str:
    """The words of ``text`` that contain đ/Đ, folded and deduplicated, in order of appearance.

    Only these need a folded copy in the index: Pagefind already matches "dien" against
    "diện" but not against "điện", and a short list keeps result snippets readable.
    """
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        if "đ" in word or "Đ" in word:
            seen.setdefault(fold(word).lower(), None)
    return " ".join(seen)


def searchable_text(html: str) -> str:
    """The text Pagefind will index from a page body: tags and ignored listings removed."""
    return _TAG.sub(" ", _IGNORED.sub(" ", html))


@dataclass(frozen=True)
class IndexResult:
    """What Pagefind did: pages indexed, or a Vietnamese error message."""

    pages: int
    error: str | None = None


def pagefind_executable() -> Path:
    """The Pagefind binary bundled in the ``pagefind_bin`` wheel (no download at run time)."""
    from pagefind_bin import get_executable  # type: ignore[import-untyped]

    return Path(get_executable())


# Pagefind holds everything it indexes in memory (≈ 165 KB a profile page, 1.7 GB for
# 10,000), so big sites are indexed this many pages at a time and the parts merged.
PART_PAGES = 1500
BODY_MARK = "data-pagefind-body"
# main.html writes this right after the indexed region, so the region can be cut out alone.
BODY_END = "<!-- /dh-search -->"
_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"")


def _indexed_copy(html: str) -> str | None:
    """What Pagefind needs of a page: its language and the region marked for indexing (the
    whole page when the region's end is not marked), or None for a page not indexed."""
    start = html.find("<div " + BODY_MARK)
    if start < 0:
        return html if BODY_MARK in html else None
    end = html.find(BODY_END, start)
    if end < 0:
        return html
    lang = _LANG.search(html)
    return (
        f'<!doctype html><html lang="{lang.group(1) if lang else "vi"}"><head><meta charset="utf-8"></head>'
        f"<body>{html[start:end]}</body></html>"
    )


def _run_pagefind(executable: Path, site: Path, bundle: Path, timeout: int) -> str:
    """Index one folder into ``bundle``; Pagefind's output, or raises _IndexFailed."""
    try:
        run = subprocess.run(
            [
                str(executable),
                "--site",
                str(site),
                "--output-path",
                str(bundle),
                "--exclude-selectors",
                ",".join(EXCLUDE_SELECTORS),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise _IndexFailed(str(error)) from None
    if run.returncode != 0:
        raise _IndexFailed((run.stderr or run.stdout).strip()[-2000:])
    return run.stdout


class _IndexFailed(Exception):
    pass


def build_index(site_dir: Path, timeout: int = 1800, part_pages: int = PART_PAGES) -> IndexResult:
    """Index a built site into ``<site>/pagefind/``; never raises for a failed run.

    Pagefind reads a copy of each page cut down to its indexed region, ``part_pages`` pages at
    a time, and the parts are merged into one bundle with bounded chunks (search_bundle.py).
    """
    try:
        executable = pagefind_executable()
    except FileNotFoundError:
        return IndexResult(0, msg.SEARCH_NO_BINARY)
    if not site_dir.is_dir():
        return IndexResult(0, msg.search_failed(f"không có thư mục {site_dir}"))
    output = site_dir / OUTPUT_SUBDIR
    pages = sorted(
        path
        for path in site_dir.rglob("*.html")
        if path.relative_to(site_dir).parts[0] != OUTPUT_SUBDIR
    )
    try:
        with tempfile.TemporaryDirectory(prefix="dienhinh-search-") as temp:
            work = Path(temp)
            bundles: list[Path] = []
            batch: list[tuple[Path, str]] = []

            def index_batch() -> None:
                part = work / f"site-{len(bundles)}"
                part.mkdir()
                for path, text in batch:
                    target = part / path.relative_to(site_dir)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
                bundle = work / f"bundle-{len(bundles)}"
                _run_pagefind(executable, part, bundle, timeout)
                shutil.rmtree(part)
                bundles.append(bundle)
                batch.clear()

            unmarked: list[Path] = []
            for path in pages:
                text = _indexed_copy(path.read_text(encoding="utf-8", errors="replace"))
                if text is None:
                    unmarked.append(path)
                else:
                    batch.append((path, text))
                if len(batch) >= part_pages:
                    index_batch()
            if not batch and not bundles:
                # No page marks a region: Pagefind then indexes whole pages (a site without
                # the theme overrides).
                batch = [(path, path.read_text(encoding="utf-8", errors="replace")) for path in unmarked]
            if batch or not bundles:
                index_batch()
            if output.exists():
                shutil.rmtree(output)
            if len(bundles) == 1:
                shutil.move(bundles[0], output)
                count = _page_count(output)
                try:
                    rechunk(output)
                except BundleFormatError:
                    pass  # another Pagefind layout: its own chunks still work, only larger
            else:
                count = merge(bundles, output)
    except _IndexFailed as failed:
        return IndexResult(0, msg.search_failed(str(failed)))
    except (OSError, BundleFormatError) as error:
        return IndexResult(0, msg.search_failed(str(error)))
    return IndexResult(count)


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return sum(int(language.get("page_count", 0)) for language in entry.get("languages", {}).values())
