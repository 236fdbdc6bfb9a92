"""Search relevance: where the site's search ranks the page a resident means, and the MRR.

    .venv/bin/python benchmarks/search_relevance.py              # builds the sample site
    .venv/bin/python benchmarks/search_relevance.py --site site  # an already built site

Each query of ``benchmarks/search_queries.yml`` (typed without diacritics, as on a phone) is
typed into the site's own search page in Debian's Chromium — the page's script, its Pagefind
options and the real index — and the benchmark reports the rank of the expected page among
the first ten results and the mean reciprocal rank (MRR: 1 when every expected page comes
first; a page not in the first ten counts 0). Exit status 1 when a query's expected page is
not first, so the script can guard a change of ranking.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, search_results  # noqa: E402
from tests.sample import build_site, serve  # noqa: E402

QUERIES = Path(__file__).with_name("search_queries.yml")
DEPTH = 10


@dataclass(frozen=True)
class Query:
    text: str
    expected: str  # a page's path relative to the site root, e.g. "xom/pa-cho/"


@dataclass(frozen=True)
class Outcome:
    query: Query
    results: list[str]

    @property
    def rank(self) -> int | None:
        """1-based rank of the expected page, None when it is not among the results."""
        try:
            return self.results.index(self.query.expected) + 1
        except ValueError:
            return None


def load_queries(path: Path = QUERIES) -> list[Query]:
    return [Query(item["query"], item["expected"]) for item in yaml.safe_load(path.read_text("utf-8"))]


def mean_reciprocal_rank(outcomes: list[Outcome]) -> float:
    return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)


def measure(site: Path, queries: list[Query]) -> list[Outcome]:
    with serve(site) as base_url, chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        return [Outcome(q, search_results(page, base_url, q.text, DEPTH)) for q in queries]


def report(outcomes: list[Outcome]) -> str:
    lines = [f"{'query':<22} {'rank':>4}  first result (when not the expected page)"]
    for o in outcomes:
        rank = str(o.rank) if o.rank else f">{DEPTH}"
        first = "" if o.rank == 1 else (o.results[0] if o.results else "(no result)")
        lines.append(f"{o.query.text:<22} {rank:>4}  {first}")
    firsts = sum(o.rank == 1 for o in outcomes)
    lines.append(f"MRR {mean_reciprocal_rank(outcomes):.3f} · first {firsts}/{len(outcomes)}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample site)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    args = parser.parse_args()
    queries = load_queries(args.queries)
    if args.site:
        outcomes = measure(args.site, queries)
    else:
        with tempfile.TemporaryDirectory() as temp:
            site = Path(temp) / "site"
            build_site(site)
            outcomes = measure(site, queries)
    print(report(outcomes))
    return 0 if all(o.rank == 1 for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
