"""What a phone downloads: the first search and a profile page, measured in Chromium.

    .venv/bin/python benchmarks/site_weight.py            # sample site and a 10,000-profile site
    .venv/bin/python benchmarks/site_weight.py --count 2000

Builds the sample site and a synthetic site (benchmarks/synthetic.py) with ``dienhinh
build``, serves each on 127.0.0.1, and records every response in Debian's Chromium:

* first search: every byte fetched from opening the search page with an empty cache to the
  results of one query (Pagefind's script, WebAssembly, index chunks, filters, result
  fragments) — the target is < 300 KB on 10,000 profiles;
* profile page: HTML, CSS, JS, images and other bytes, fresh cache.

Bytes are response bodies as the simple test server sends them (no compression, so an upper
bound) and, beside them, gzip-compressed as any static host would send text files.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make_project  # noqa: E402
from tests.browser import chromium  # noqa: E402  (the browser and server the tests use)
from tests.sample import build_site, serve  # noqa: E402

QUERIES = ("duong", "camera", "che", "xom")
BUDGET = 300 * 1024
PRECOMPRESSED = (".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta", ".pagefind")


class Responses:
    """Bodies of every response a page received, by kind."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, int, int]] = []  # url, kind, raw bytes, gzip bytes

    def record(self, response: Any) -> None:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        url = response.url
        kind = _kind(response.request.resource_type, url)
        compressed = len(body) if url.endswith(PRECOMPRESSED) else len(gzip.compress(body, 6))
        self.items.append((url, kind, len(body), compressed))

    def total(self, prefix: str = "") -> tuple[int, int, int]:
        chosen = [i for i in self.items if prefix in i[0]]
        return len(chosen), sum(i[2] for i in chosen), sum(i[3] for i in chosen)

    def by_kind(self) -> dict[str, tuple[int, int]]:
        sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for _, kind, raw, packed in self.items:
            sums[kind][0] += raw
            sums[kind][1] += packed
        return {k: (v[0], v[1]) for k, v in sums.items()}


def _kind(resource_type: str, url: str) -> str:
    if resource_type == "document":
        return "HTML"
    if resource_type == "stylesheet":
        return "CSS"
    if resource_type == "script":
        return "JS"
    if resource_type == "image":
        return "images"
    if resource_type == "font":
        return "fonts"
    return "other"


def measure_search(browser: Any, base: str, query: str, filters: bool = False) -> Responses:
    """Open the search page with an empty cache, type a query, wait for the results."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    seen = Responses()
    page.on("response", seen.record)
    page.goto(base + "tim-kiem/")
    page.fill("#dh-search-q", query)
    page.press("#dh-search-q", "Enter")
    page.wait_for_function(
        "q => document.getElementById('dh-search-status').textContent.includes(q)", arg=query
    )
    if filters:
        page.click("#dh-search-filters")
        page.wait_for_selector(".dh-search-filter select")
    page.wait_for_load_state("networkidle")
    context.close()
    return seen


def measure_profile(browser: Any, base: str, slug: str) -> Responses:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    seen = Responses()
    page.on("response", seen.record)
    page.goto(base + f"dien-hinh/{slug}/")
    page.wait_for_load_state("networkidle")
    context.close()
    return seen


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def report(name: str, site: Path, build_seconds: float, browser: Any) -> list[str]:
    profiles = sorted(
        p.parent.name
        for p in (site / "dien-hinh").glob("*/index.html")
        if not p.parent.name.startswith("trang-")
    )
    index_bytes = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    lines = [
        f"### {name}: {len(profiles)} profiles"
        + (f", built in {build_seconds:.0f} s" if build_seconds else "")
        + ","
        f" Pagefind bundle {index_bytes / 1024 / 1024:.1f} MB on disk",
        "",
        "| first search (query) | requests | Pagefind bytes (raw / gzip) | whole search page (raw / gzip) |",
        "|---|---|---|---|",
    ]
    worst = 0
    seen_fixed: list[int] = []
    with serve(site) as base:
        runs = [(query, False) for query in QUERIES] + [(QUERIES[0], True)]
        for query, filters in runs:
            seen = measure_search(browser, base, query, filters)
            count, raw, packed = seen.total("/pagefind/")
            _, all_raw, all_packed = seen.total()
            if not filters:
                worst = max(worst, packed)
            label = f"`{query}`" + (" + filter panel opened" if filters else "")
            if not filters:
                seen_fixed.append(packed - sum(i[3] for i in seen.items if "/pagefind/index/" in i[0]))
            cells = [label, str(len(seen.items)), f"{kb(raw)} / {kb(packed)}"]
            cells.append(f"{kb(all_raw)} / {kb(all_packed)}")
            lines.append("| " + " | ".join(cells) + " |")
        # A profile with a cover photo when there is one (photos count in the page weight).
        with_photo = [
            p for p in profiles if "dh-cover" in (site / "dien-hinh" / p / "index.html").read_text("utf-8")
        ]
        slug = with_photo[0] if with_photo else profiles[len(profiles) // 2]
        weight = measure_profile(browser, base, slug).by_kind()
    lines += [
        "",
        f"Profile page `dien-hinh/{slug}/` (raw / gzip):",
        "",
        "| HTML | CSS | JS | images | other | total |",
        "|---|---|---|---|---|---|",
    ]
    cells = [weight.get(k, (0, 0)) for k in ("HTML", "CSS", "JS", "images")]
    other = [v for k, v in weight.items() if k not in {"HTML", "CSS", "JS", "images"}]
    cells.append((sum(v[0] for v in other), sum(v[1] for v in other)))
    cells.append((sum(v[0] for v in weight.values()), sum(v[1] for v in weight.values())))
    lines.append("| " + " | ".join(f"{kb(r)} / {kb(p)}" for r, p in cells) + " |")
    # A first search costs a fixed part (script, WebAssembly, metadata, fragments) plus the one
    # index chunk holding the query's word, so the heaviest possible single-word search is the
    # fixed part plus the largest chunk (generator/search_bundle.py bounds chunks, but a very
    # frequent word is one chunk on its own).
    chunks = sorted(
        (p.stat().st_size for p in (site / "pagefind" / "index").glob("*.pf_index")), reverse=True
    )
    fixed = min(seen_fixed) if seen_fixed else 0
    room = BUDGET - fixed
    over = sum(1 for c in chunks if c > room)
    lines += [
        "",
        f"Index chunks: {len(chunks)}, largest {kb(chunks[0])}, median {kb(chunks[len(chunks) // 2])};"
        f" fixed part of a first search ≈ {kb(fixed)} (gzip), so {over} of {len(chunks)} chunks"
        f" ({100 * over / len(chunks):.0f} %) push a query over 300 KB; any one-word search costs"
        f" at most {kb(fixed + chunks[0])}.",
    ]
    verdict = "under" if worst < BUDGET else "OVER"
    lines += [
        "",
        f"Heaviest first search, Pagefind bytes as a gzip host sends them: {kb(worst)} — {verdict} 300 KB.",
        "",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="synthetic profiles (default 10000)")
    parser.add_argument("--keep", type=Path, help="build into this folder instead of a temp one")
    parser.add_argument("--reuse", action="store_true", help="measure the sites already built in --keep")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="site-weight-") as temp:
        work = args.keep or Path(temp)
        sample_site = work / "sample-site"
        project = work / f"synthetic-{args.count}"
        sample_seconds = big_seconds = 0.0
        if not args.reuse:
            sample_seconds = build_site(sample_site, ROOT)
            make_project(project, args.count)
            big_seconds = build_site(project / "site", project)
        with chromium() as browser:
            lines = report("Sample site", sample_site, sample_seconds, browser)
            lines += report(f"Synthetic site ({args.count})", project / "site", big_seconds, browser)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
