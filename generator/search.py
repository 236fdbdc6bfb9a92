"""Search index of the built site with Pagefind (the binary shipped in ``pagefind[bin]``).

Pagefind indexes only the regions marked ``data-pagefind-body`` (profiles and content pages,
see ``site_templates/overrides/main.html``), so published pages alone are searchable: drafts
are never built. Nothing here knows MkDocs: it takes a folder of HTML and writes
``<site>/pagefind/``.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import messages as msg
from .search_bundle import BundleFormatError, rechunk

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


def build_index(site_dir: Path, timeout: int = 1800) -> IndexResult:
    """Run Pagefind over a built site; never raises for a failed run."""
    try:
        executable = pagefind_executable()
    except FileNotFoundError:
        return IndexResult(0, msg.SEARCH_NO_BINARY)
    try:
        run = subprocess.run(
            [
                str(executable),
                "--site",
                str(site_dir),
                "--output-subdir",
                OUTPUT_SUBDIR,
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
        return IndexResult(0, msg.search_failed(str(error)))
    if run.returncode != 0:
        return IndexResult(0, msg.search_failed((run.stderr or run.stdout).strip()[-2000:]))
    try:
        rechunk(site_dir / OUTPUT_SUBDIR)
    except BundleFormatError:
        # Another Pagefind layout: its own chunks still work, only larger.
        pass
    return IndexResult(_indexed_pages(run.stdout))


def _indexed_pages(output: str) -> int:
    """The page count from Pagefind's summary line ("Indexed 24 pages")."""
    for line in output.splitlines():
        words = line.strip().split()
        if len(words) >= 3 and words[0] == "Indexed" and words[2] in {"page", "pages"} and words[1].isdigit():
            return int(words[1])
    return 0
