"""Search index of the built site with Pagefind (the binary shipped in ``pagefind[bin]``).

Pagefind indexes only the regions marked ``data-pagefind-body`` (profiles and content pages,
see the theme's ``material/main.html``), so published pages alone are searchable: drafts
are never built. Nothing here knows MkDocs: it takes a folder of HTML and writes
``<site>/pagefind/``.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import search as msg
from ..workers import remove_folders_of_dead
from .bundle import BundleFormatError, merge, rechunk

OUTPUT_SUBDIR = "pagefind"


def fold(text: str) -> str:
    """Vietnamese text without diacritics, đ/Đ as d/D: what people type on a phone keyboard."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Pagefind folds accents (the marks Unicode decomposes off a letter: "duong" finds "dưỡng"), but
# đ is a letter of its own, not d with a mark, so "duong" would never find "đường". The copy of a
# page that Pagefind reads spells đ as d followed by a combining stroke (U+0335, what đ looks
# like), which Pagefind folds away like any other mark: "đường" is indexed as "duong" where it
# stands, with its heading's weight and its count, and its accented spelling is kept to rank exact
# matches first. The finished fragments (what results show) get their đ back; the search page
# spells a typed đ the same way. Filter and sort values are left alone: they are shown as they are.
STROKE = "\u0335"
_MARKED = {"đ": "d" + STROKE, "Đ": "D" + STROKE}
_D_STROKE_OR_FILTER = re.compile("[" + "".join(_MARKED) + r']|data-pagefind-(?:filter|sort)="[^"]*"')


def mark_d_stroke(html: str) -> str:
    """``html`` with đ/Đ spelt d/D + combining stroke, except in filter and sort values."""
    return _D_STROKE_OR_FILTER.sub(lambda m: _MARKED.get(m.group(), m.group()), html)


def unmark_d_stroke(text: str) -> str:
    """The inverse of ``mark_d_stroke``."""
    return text.replace("d" + STROKE, "đ").replace("D" + STROKE, "Đ")


def restore_d_stroke(bundle: Path) -> int:
    """Give the fragments of a Pagefind ``bundle`` their đ back; returns how many changed."""
    changed = 0
    mark = STROKE.encode("utf-8")
    for path in (bundle / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        if mark in data:
            text = unmark_d_stroke(data.decode("utf-8"))
            path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
            changed += 1
    return changed


# Pagefind leaves these out of the index: permalink marks (¶) and text repeated on every
# profile: the template's section headings, table heads, fact labels, figure labels and
# results of the yearly evaluations, and the registry's criteria (indexed once, on their
# field page). A word on every page costs a posting per page in the chunk a search downloads,
# and a phone's processor a score per page ("Điển hình liên quan" put "quan" on all 10,000
# pages of the synthetic site: "dan quan" scored 8,183 of them).
EXCLUDE_SELECTORS = (
    ".headerlink",
    ".dh-section",
    "thead",
    "tfoot",
    ".dh-facts dt",
    ".dh-criterion-group",
    ".dh-figures",
    ".dh-timeline__result",
    "ul.dh-criteria",
)


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
# 10,000), so big sites are indexed this many pages at a time (≈ 90 MB; parts of 1,000 pages
# held 170 MB beside the build at its largest, and built 10,000 profiles no faster) and the
# parts merged.
PART_PAGES = 500
BODY_MARK = "data-pagefind-body"
# main.html writes this right after the indexed region, so the region can be cut out alone.
BODY_END = "<!-- /dh-search -->"
_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"")


def _indexed_copy(html: str) -> str | None:
    """What Pagefind needs of a page: its language and the region marked for indexing (the
    whole page when the region's end is not marked), or None for a page not indexed. Written
    with ``mark_d_stroke``."""
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


def pagefind_args(executable: Path, site: Path, bundle: Path) -> list[str]:
    """Pagefind over ``site`` into ``bundle``, with the regions the site leaves out."""
    return [
        str(executable),
        "--site",
        str(site),
        "--output-path",
        str(bundle),
        "--exclude-selectors",
        ",".join(EXCLUDE_SELECTORS),
    ]


MEMORY_DIR = Path("/dev/shm")
MEMORY_DIR_FREE = 256 * 2**20  # less free than this (a container's 64 MB): use the disk


TEMP_PREFIX = "dienhinh-search-"


def _temp_prefix() -> str:
    return f"{TEMP_PREFIX}{os.getpid()}-"


def remove_stale_temp_dirs() -> list[Path]:
    """Delete the temporary folders of builds that were killed outright (their process is
    gone): in memory, a killed build's page copies would otherwise hold RAM until a reboot."""
    removed: list[Path] = []
    for base in (MEMORY_DIR, Path(tempfile.gettempdir())):
        removed += remove_folders_of_dead(base, TEMP_PREFIX)
    return removed


def _memory_temp_dir() -> tempfile.TemporaryDirectory[str] | None:
    """A temporary folder in memory (Linux's /dev/shm) if there is one with room, else None."""
    try:
        stats = os.statvfs(MEMORY_DIR)
        if stats.f_bavail * stats.f_frsize < MEMORY_DIR_FREE or not os.access(MEMORY_DIR, os.W_OK):
            return None
        return tempfile.TemporaryDirectory(prefix=_temp_prefix(), dir=MEMORY_DIR)
    except OSError:
        return None


class SearchIndexer:
    """Builds the Pagefind bundle of a site page by page, while the site is being written.

    ``add`` takes each written page; every ``part_pages`` indexed pages form a part that
    Pagefind indexes in the background (one Pagefind at a time: each holds its part in
    memory), and ``finish`` indexes the rest and merges the parts into ``<site>/pagefind/``.
    Pagefind reads copies of the pages cut down to their indexed region.
    """

    def __init__(
        self, part_pages: int = PART_PAGES, timeout: int = 1800, cancelled: threading.Event | None = None
    ) -> None:
        self.part_pages, self.timeout = part_pages, timeout
        self.cancelled = cancelled  # set: a running Pagefind is stopped (a newer build replaces it)
        remove_stale_temp_dirs()
        self._temp = tempfile.TemporaryDirectory(prefix=_temp_prefix())
        self.work = Path(self._temp.name)  # the parts' bundles
        # The page copies: thousands of small files, each written and read once. In memory
        # (/dev/shm) when it has room: creating them on a disk costs the build 5× more.
        self._pages_temp = _memory_temp_dir()
        self.pages_dir = Path(self._pages_temp.name) if self._pages_temp else self.work
        self.bundles: list[Path] = []  # indexed, in page order
        self.ready: list[tuple[Path, Path]] = []  # parts written, waiting for Pagefind
        self.running: tuple[subprocess.Popen[bytes], Path, Path, Any] | None = None
        self.unmarked: list[tuple[str, str]] = []  # (path, html) of pages without a region
        self.part: Path | None = None
        self.in_part = 0
        self.parts = 0
        self.error: str | None = None  # the Vietnamese message of the first failure

    def add(self, rel_path: str, html: str) -> None:
        """A written page (path relative to the site, e.g. ``dien-hinh/x/index.html``)."""
        if self.error is not None:
            return
        copy = _indexed_copy(html)
        if copy is None:
            if not self.parts and not self.in_part:
                self.unmarked.append((rel_path, html))  # kept only until a page is marked
            return
        self.unmarked.clear()
        try:
            self._write(rel_path, copy)
        except OSError as error:  # the temporary folder's disk is full, for one
            self.error = msg.search_failed(str(error))
            return
        if self.in_part >= self.part_pages:
            self._close_part()
        self._poll()

    def _write(self, rel_path: str, html: str) -> None:
        text = mark_d_stroke(html)
        if self.part is None:
            self.part = self.pages_dir / f"site-{self.parts}"
        target = self.part / rel_path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError:
            if self.pages_dir == self.work:
                raise
            # Memory full: this part and the next ones go to the disk.
            on_disk = self.work / self.part.name
            shutil.copytree(self.part, on_disk)
            shutil.rmtree(self.part, ignore_errors=True)
            self.part, self.pages_dir = on_disk, self.work
            target = self.part / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        self.in_part += 1

    def _close_part(self) -> None:
        if self.part is not None:
            self.ready.append((self.part, self.work / f"bundle-{self.parts}"))
            self.parts += 1
        self.part, self.in_part = None, 0

    def _poll(self, wait: bool = False) -> None:
        """Collect a finished Pagefind run and start the next waiting part."""
        if self.running is not None:
            process, part, bundle, log = self.running
            if process.poll() is None and not wait:
                return
            code = self._wait(process)
            log.seek(0)
            output = log.read().decode("utf-8", errors="replace")
            log.close()
            self.running = None
            shutil.rmtree(part, ignore_errors=True)
            if code != 0 and self.error is None:
                self.error = msg.search_failed(
                    output.strip()[-2000:] or msg.SEARCH_EXIT_CODE.format(code=code)
                )
            self.bundles.append(bundle)
        if self.ready and self.error is None:
            part, bundle = self.ready.pop(0)
            try:
                executable = pagefind_executable()
            except FileNotFoundError:
                self.error = msg.SEARCH_NO_BINARY
                return
            log = tempfile.TemporaryFile()
            try:
                process = subprocess.Popen(
                    pagefind_args(executable, part, bundle), stdout=log, stderr=subprocess.STDOUT
                )
            except OSError as error:
                log.close()
                self.error = msg.search_failed(str(error))
                return
            self.running = (process, part, bundle, log)

    def _wait(self, process: subprocess.Popen[bytes]) -> int:
        """Pagefind's exit code; -1 when it was stopped (too long, or cancelled)."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                return process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline or (self.cancelled is not None and self.cancelled.is_set()):
                    process.kill()
                    process.wait()
                    return -1

    def finish(self, site_dir: Path) -> IndexResult:
        """Index what is left, merge the parts into ``<site>/pagefind/``; never raises."""
        try:
            if self.error is not None:
                return IndexResult(0, self.error)
            self._index_the_rest()
            if self.error is not None:
                return IndexResult(0, self.error)
            output = site_dir / OUTPUT_SUBDIR
            if output.exists():
                shutil.rmtree(output)
            count = self._combine(output)
            restore_d_stroke(output)
            return IndexResult(count)
        except (OSError, BundleFormatError) as error:
            return IndexResult(0, msg.search_failed(str(error)))
        finally:
            self.close()

    def _index_the_rest(self) -> None:
        """Index the last part and wait for every Pagefind run (or the first error)."""
        if not self.parts and not self.in_part:
            # No page marks a region: Pagefind then indexes whole pages (a site without
            # the theme overrides).
            for rel_path, html in self.unmarked:
                self._write(rel_path, html)
            if not self.in_part:
                self.part = self.pages_dir / "site-0"
                self.part.mkdir(parents=True)
        self._close_part()
        while self.running is not None or (self.ready and self.error is None):
            self._poll(wait=True)

    def _combine(self, output: Path) -> int:
        """The parts' bundles as one bundle at ``output``; → the page count."""
        if len(self.bundles) > 1:
            return merge(self.bundles, output)
        shutil.move(self.bundles[0], output)
        try:
            rechunk(output)
        except BundleFormatError:
            pass  # another Pagefind layout: its own chunks still work, only larger
        return _page_count(output)

    def close(self) -> None:
        """Stop a running Pagefind and remove the temporary parts (idempotent)."""
        if self.running is not None:
            process, _, _, log = self.running
            process.kill()
            process.wait()
            log.close()
            self.running = None
        self._temp.cleanup()
        if self._pages_temp is not None:
            self._pages_temp.cleanup()


def build_index(site_dir: Path, timeout: int = 1800, part_pages: int = PART_PAGES) -> IndexResult:
    """Index an already built site into ``<site>/pagefind/`` (see SearchIndexer); never raises."""
    try:
        pagefind_executable()
    except FileNotFoundError:
        return IndexResult(0, msg.SEARCH_NO_BINARY)
    if not site_dir.is_dir():
        return IndexResult(0, msg.search_failed(msg.SEARCH_NO_SITE_DIR.format(path=site_dir)))
    indexer = SearchIndexer(part_pages, timeout)
    try:
        for path in sorted(site_dir.rglob("*.html")):
            relative = path.relative_to(site_dir)
            if relative.parts[0] != OUTPUT_SUBDIR:
                indexer.add(relative.as_posix(), path.read_text(encoding="utf-8", errors="replace"))
    except OSError as error:
        indexer.close()
        return IndexResult(0, msg.search_failed(str(error)))
    return indexer.finish(site_dir)


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return sum(int(language.get("page_count", 0)) for language in entry.get("languages", {}).values())
