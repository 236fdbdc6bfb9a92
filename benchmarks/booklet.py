"""Booklet benchmark: time and size of the booklet of every sample exemplar, of each visit's
booklet, and what the booklet step adds to a site build (measured side by side).

Run from the project root:  .venv/bin/python benchmarks/booklet.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dienhinh.printing import booklet as bk  # noqa: E402
from dienhinh.records.catalog import load_catalog  # noqa: E402
from dienhinh.records.settings import Settings  # noqa: E402
from tests.sample import build_site  # noqa: E402


def timed_render(booklet: bk.Booklet, settings: Settings, registry, size: str, repeat: int):
    times = []
    rendered = None
    for _ in range(repeat):
        start = time.perf_counter()
        rendered, problems = bk.render_booklet(
            booklet,
            registry,
            settings.theme,
            settings.site_url,
            size,
            exemplars_dir=settings.exemplars_dir,
        )
        times.append(time.perf_counter() - start)
        assert rendered is not None, problems
    assert rendered is not None
    return statistics.median(times), rendered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
    catalog = load_catalog(settings)
    assert catalog.ok and catalog.registry is not None
    registry = catalog.registry

    print(f"WeasyPrint booklets, median of {args.repeat} runs (in-process, after one warm-up)")
    bk.render_booklet(
        bk.visit_booklet(catalog.visits[0], catalog.public),
        registry,
        settings.theme,
        settings.site_url,
    )
    rows = [
        ("--all", bk.all_booklet(registry, catalog.public), "A5"),
        ("--all", bk.all_booklet(registry, catalog.public), "A4"),
    ]
    rows += [(v.slug, bk.visit_booklet(v, catalog.public), "A5") for v in catalog.visits]
    print(f"{'booklet':34} {'size':4} {'exemplars':>9} {'pages':>5} {'seconds':>8} {'KB':>6}")
    for label, booklet, size in rows:
        seconds, rendered = timed_render(booklet, settings, registry, size, args.repeat)
        print(
            f"{label:34} {size:4} {len(booklet.exemplars):9d} {rendered.pages:5d} {seconds:8.2f}"
            f" {len(rendered.pdf) / 1024:6.0f}"
        )

    # The site build with and without the visits (whose booklets the build writes), side by side.
    with tempfile.TemporaryDirectory() as tmp:
        with_visits = Path(tmp) / "with"
        without = Path(tmp) / "without"
        for target in (with_visits, without):
            target.mkdir()
            for part in ("mkdocs.yml", "content", "exemplars", "visits"):
                if part == "visits" and target is without:
                    continue
                source = ROOT / part
                (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
        pairs = []
        for run in range(args.repeat):
            a = build_site(Path(tmp) / f"site-a{run}", with_visits)
            b = build_site(Path(tmp) / f"site-b{run}", without)
            pairs.append((a, b))
        a = statistics.median(p[0] for p in pairs)
        b = statistics.median(p[1] for p in pairs)
        print()
        print(f"dienhinh build, median of {args.repeat} (alternating runs):")
        print(f"  with {len(catalog.visits)} visits and their booklets: {a:6.2f} s")
        print(f"  without visits:                 {b:6.2f} s")
        print(f"  ratio: {a / b:.2f}×, booklet step ≈ {a - b:.2f} s")


if __name__ == "__main__":
    main()
