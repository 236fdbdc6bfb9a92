"""Scale benchmark: N synthetic profiles through check, build and rebuild, side by side with
a plain MkDocs build of the same pages (the floor MkDocs itself sets).

    .venv/bin/python benchmarks/scale.py                 # N = 100, 1,000, 10,000
    .venv/bin/python benchmarks/scale.py --sizes 100 1000
    .venv/bin/python benchmarks/scale.py --federation    # 10 and 100 communes × 100 profiles

Federation mode (province, ``dienhinh gather``): C synthetic communes publish the open data
of their profiles (du-lieu/, processed photos) from one local http server; the province
gathers them over HTTP and builds its site with an empty cache (cold), again with its cache
(warm: conditional requests answered "not modified", thumbnails kept), beside a plain
`mkdocs build` of the very pages gather generated (no theme overrides).

For each N, in one run and on the same machine:
- check (cold: no cache) and check (warm: parsed-profile cache filled);
- full build with `dienhinh build` (cold caches), then a rebuild after editing one profile
  (it starts from the site the first build wrote: only what changed is rendered), then a
  full build with the photo and card caches made but the site folder deleted;
- a plain `mkdocs build` of the very Markdown pages the plugin generates, same theme and
  settings, with no plugin at all (no loading, validation, photos, cards or search index),
  into a new folder (compared with the first build) and again over its own output (compared
  with the rebuild, which also replaces a previous site);
- for reference, the same plain build with MkDocs' own search plugin (lunr), which is what
  MkDocs runs when a config lists no plugins;
- peak RSS: of the largest process (wait4) and of the whole process tree (Python, its
  workers and Pagefind, sampled every 0.2 s); output size, largest HTML page, pages/second.
Ratios (build / plain MkDocs, and time(10,000) / time(1,000)) are what to compare across
machines; absolute seconds depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make_project  # noqa: E402
from tests.sample import free_port  # noqa: E402

PYTHON = sys.executable


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float  # the largest single process (wait4)
    tree_rss_mb: float = 0.0  # the whole process tree at its fullest moment (sampled /proc)
    tree_pss_mb: float = 0.0  # its proportional set size at its fullest (sampled every second)


PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _pss(pid: int) -> int:
    """The process's proportional set size in bytes: each shared page counted once in the
    tree, split between the processes that share it (a forked worker's copy of its parent's
    pages, the libraries). 0 where the kernel does not say."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_memory(root: int, pss: bool = True) -> tuple[int, int]:
    """(RSS, PSS) in bytes of ``root`` and all its descendants right now (Linux /proc; PSS 0
    unless ``pss``). The RSS sum counts a page shared by two processes twice; the PSS sum
    counts it once."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    rss, proportional, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                rss += int(statm.read().split()[1]) * PAGE_SIZE
        except OSError:
            continue
        proportional += _pss(pid) if pss else 0
    return rss, proportional


class TreeSampler:
    """Samples the process tree's resident memory every ``interval`` seconds in a thread."""

    def __init__(self, root: int, interval: float = 0.2) -> None:
        self.root, self.interval, self.peak, self.peak_pss = root, interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        tick = 0
        while not self._stop.wait(self.interval):
            # PSS every fifth sample: the kernel walks the page tables for it (12 ms for a
            # 500 MB process), which would otherwise take 6 % of a core from the build.
            rss, pss = tree_memory(self.root, pss=tick % 5 == 0)
            self.peak, self.peak_pss = max(self.peak, rss), max(self.peak_pss, pss)
            tick += 1

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def timed(args: list[str], cwd: Path) -> Run:
    """Run a command; wall time, the peak RSS of its largest process (wait4) and the peak of
    its whole process tree (workers and Pagefind included, sampled every 0.2 s)."""
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a full pipe would block the build
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        sampler = TreeSampler(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        tree_peak = sampler.stop()
        tree_pss = sampler.peak_pss
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            error = log.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{error[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, tree_peak / 2**20, tree_pss / 2**20)


def plain_project(project: Path, target: Path, plugins: str = "[]") -> Path:
    """The generated pages written out as ordinary Markdown: MkDocs and mkdocs-material alone
    (no theme overrides), same pages, same settings otherwise; ``plugins`` is the YAML of its
    plugin list: none (the floor), or ``[search]`` (MkDocs' own lunr search, which MkDocs
    turns on when a config leaves ``plugins`` empty)."""
    from dienhinh.records.catalog import load_catalog
    from dienhinh.records.settings import Settings
    from dienhinh.site.pages import SiteBuilder

    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    catalog = load_catalog(settings)
    assert catalog.registry is not None
    docs = target / "docs"
    shutil.copytree(project / "content", docs)
    for page in docs.rglob("*.md"):  # page templates of our overrides are not in the bare theme
        text = page.read_text(encoding="utf-8")
        page.write_text(
            "\n".join(line for line in text.split("\n") if not line.startswith("template:")), encoding="utf-8"
        )
    for page in SiteBuilder(catalog.registry, catalog.public, settings.theme).pages():
        path = docs / page.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    css = settings.theme.find("material/assets/dienhinh.css")
    (docs / "assets").mkdir(exist_ok=True)
    shutil.copy2(css, docs / "assets" / "dienhinh.css")
    lines = []
    skipping = False
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        # Our plugin list (the dienhinh entry and its options) becomes ``plugins``.
        if line.startswith("plugins:"):
            lines.append(f"plugins: {plugins}")
            skipping = True
            continue
        if skipping and (line.startswith(" ") or line.strip().startswith("#") or not line.strip()):
            continue
        skipping = False
        if line.strip().startswith("custom_dir:"):
            continue  # our overrides need the plugin's filters: the floor is the bare theme
        if line.strip() == "language: custom":  # the site's Vietnamese table is an override too
            line = line.replace("custom", "vi")
        lines.append(line.replace("docs_dir: content", "docs_dir: docs"))
    lines.append("extra_css: [assets/dienhinh.css]")
    (target / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def folder_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def measure(n: int, work: Path) -> dict[str, float]:
    project = make_project(work / f"n{n}", n)
    cli = [PYTHON, "-m", "dienhinh.cli"]
    check_cold = timed([*cli, "check"], project)
    check_warm = timed([*cli, "check"], project)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    build = timed([*cli, "build", "-d", str(work / f"site{n}")], project)
    site = work / f"site{n}"
    html = list(site.rglob("*.html"))
    largest_kb = max(p.stat().st_size for p in html) / 1024
    size_mb = folder_size_mb(site)
    profile = next((project / "exemplars").glob("*/index.md"))
    profile.write_text(
        profile.read_text(encoding="utf-8").replace('summary: "', 'summary: "Đã sửa. ', 1), encoding="utf-8"
    )
    rebuild = timed([*cli, "build", "-d", str(work / f"site{n}")], project)
    # A full build with the photo and card caches already made (a second computer's first
    # build from a shared cache, or the site folder deleted): no site to start from.
    shutil.rmtree(work / f"site{n}")
    warm = timed([*cli, "build", "-d", str(work / f"site{n}")], project)
    plain = plain_project(project, work / f"plain{n}")
    mkdocs = timed([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(work / f"plain-site{n}")], plain)
    # Again over its own output, as the rebuild replaces ours: MkDocs first empties the folder.
    mkdocs_again = timed([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(work / f"plain-site{n}")], plain)
    # For reference: the same with MkDocs' own search (a lunr index of every page).
    with_search = plain_project(project, work / f"plain-search{n}", plugins="[search]")
    mkdocs_search = timed(
        [PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(work / f"plain-search-site{n}")], with_search
    )
    return {
        "n": n,
        "check_cold": check_cold.seconds,
        "check_warm": check_warm.seconds,
        "build": build.seconds,
        "rebuild": rebuild.seconds,
        "warm": warm.seconds,
        "warm_full_ratio": warm.seconds / mkdocs.seconds,
        "mkdocs": mkdocs.seconds,
        "ratio": build.seconds / mkdocs.seconds,
        "mkdocs_again": mkdocs_again.seconds,
        "warm_ratio": rebuild.seconds / mkdocs_again.seconds,
        "mkdocs_search": mkdocs_search.seconds,
        "search_ratio": build.seconds / mkdocs_search.seconds,
        "rss_mb": max(build.peak_rss_mb, rebuild.peak_rss_mb, warm.peak_rss_mb),
        "tree_rss_mb": max(build.tree_rss_mb, rebuild.tree_rss_mb, warm.tree_rss_mb),
        "tree_pss_mb": max(build.tree_pss_mb, rebuild.tree_pss_mb, warm.tree_pss_mb),
        "mkdocs_rss_mb": mkdocs.peak_rss_mb,
        "pages": len(html),
        "pages_per_s": len(html) / build.seconds,
        "size_mb": size_mb,
        "largest_kb": largest_kb,
    }


COLUMNS = [
    ("N", "n", "{:,.0f}"),
    ("check cold s", "check_cold", "{:.1f}"),
    ("check warm s", "check_warm", "{:.1f}"),
    ("build s", "build", "{:.1f}"),
    ("rebuild (1 edit) s", "rebuild", "{:.1f}"),
    ("full build, warm caches s", "warm", "{:.1f}"),
    ("plain MkDocs s", "mkdocs", "{:.1f}"),
    ("plain MkDocs again s", "mkdocs_again", "{:.1f}"),
    ("build / MkDocs", "ratio", "{:.2f}"),
    ("rebuild / MkDocs again", "warm_ratio", "{:.2f}"),
    ("warm full build / MkDocs", "warm_full_ratio", "{:.2f}"),
    ("MkDocs + its search s", "mkdocs_search", "{:.1f}"),
    ("build / MkDocs + its search", "search_ratio", "{:.2f}"),
    ("peak RSS MB (largest process)", "rss_mb", "{:.0f}"),
    ("peak RSS MB (process tree)", "tree_rss_mb", "{:.0f}"),
    ("peak PSS MB (process tree)", "tree_pss_mb", "{:.0f}"),
    ("MkDocs RSS MB", "mkdocs_rss_mb", "{:.0f}"),
    ("HTML pages", "pages", "{:,.0f}"),
    ("pages/s", "pages_per_s", "{:.0f}"),
    ("output MB", "size_mb", "{:.0f}"),
    ("largest page KB", "largest_kb", "{:.0f}"),
]


def table(rows: list[dict[str, float]], columns: list[tuple[str, str, str]] = COLUMNS) -> str:
    header = "| " + " | ".join(title for title, _, _ in columns) + " |"
    rule = "|" + "|".join("---:" for _ in columns) + "|"
    body = ["| " + " | ".join(fmt.format(row[key]) for _, key, fmt in columns) + " |" for row in rows]
    return "\n".join([header, rule, *body])


# --- federation: the province gathers the communes -------------------------------------------


def province_config(path: Path, port: int, communes: int, cache: Path) -> Path:
    from benchmarks.synthetic import commune_code

    lines = [
        "province: tỉnh Tổng Hợp",
        "site_url: https://tinh-tong-hop.example.vn/",
        f"cache_dir: {cache}",
        "timeout: 30",
        "communes:",
    ]
    for index in range(1, communes + 1):
        code = commune_code(index)
        lines += [
            f"  - name: Xã Tổng Hợp {index}",
            f"    code: {code}",
            f"    source: http://127.0.0.1:{port}/{code}/du-lieu/dien-hinh.json",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def plain_province(docs: Path) -> Path:
    """The pages gather generated, under MkDocs and mkdocs-material alone (no overrides)."""
    text = (docs / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  custom_dir: .*\n", "", text).replace("language: custom", "language: vi")
    plain = docs.parent / f"{docs.name}-plain"
    plain.mkdir(exist_ok=True)
    (plain / "mkdocs.yml").write_text(text, encoding="utf-8")
    return plain


def measure_federation(
    communes: int, per_commune: int, sites: Path, port: int, work: Path, repeat: int = 1
) -> dict[str, float]:
    """Gather + build with an empty cache and plain MkDocs on the same pages, alternately
    ``repeat`` times (medians: a shared machine's load comes and goes), then once more with
    the cache (warm)."""
    from statistics import median

    from benchmarks.synthetic import commune_code

    cli = [PYTHON, "-m", "dienhinh.cli"]
    tag = f"c{communes}"
    config = province_config(work / f"tinh-{tag}.yml", port, communes, work / f"cache-{tag}")
    docs, site = work / f"docs-{tag}", work / f"site-{tag}"
    # Not timed: the pages written out once, for MkDocs alone.
    subprocess.run(
        [*cli, "gather", str(config), "-d", str(site), "--docs-dir", str(docs)],
        cwd=work,
        check=True,
        capture_output=True,
    )
    plain = plain_province(docs)
    colds, plains = [], []
    for _ in range(repeat):
        shutil.rmtree(work / f"cache-{tag}", ignore_errors=True)
        colds.append(timed([*cli, "gather", str(config), "-d", str(site)], work))
        plains.append(timed([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(work / f"plain-{tag}")], plain))
    html = list(site.rglob("*.html"))
    warm = timed([*cli, "gather", str(config), "-d", str(site)], work)
    cold = median(r.seconds for r in colds)
    mkdocs = median(r.seconds for r in plains)
    return {
        "communes": communes,
        "n": communes * per_commune,
        "cold": cold,
        "warm": warm.seconds,
        "mkdocs": mkdocs,
        "ratio": cold / mkdocs,
        "warm_ratio": warm.seconds / mkdocs,
        "rss_mb": max(r.peak_rss_mb for r in [*colds, warm]),
        "tree_rss_mb": max(r.tree_rss_mb for r in [*colds, warm]),
        "tree_pss_mb": max(r.tree_pss_mb for r in [*colds, warm]),
        "mkdocs_rss_mb": max(r.peak_rss_mb for r in plains),
        "pages": len(html),
        "pages_per_s": len(html) / cold,
        "data_mb": sum(folder_size_mb(sites / commune_code(i)) for i in range(1, communes + 1)),
    }


FEDERATION_COLUMNS = [
    ("communes", "communes", "{:,.0f}"),
    ("profiles", "n", "{:,.0f}"),
    ("gather + build, cold s", "cold", "{:.1f}"),
    ("again, warm cache s", "warm", "{:.1f}"),
    ("plain MkDocs s", "mkdocs", "{:.1f}"),
    ("cold / MkDocs", "ratio", "{:.2f}"),
    ("warm / MkDocs", "warm_ratio", "{:.2f}"),
    ("peak RSS MB (largest process)", "rss_mb", "{:.0f}"),
    ("peak RSS MB (process tree)", "tree_rss_mb", "{:.0f}"),
    ("peak PSS MB (process tree)", "tree_pss_mb", "{:.0f}"),
    ("MkDocs RSS MB", "mkdocs_rss_mb", "{:.0f}"),
    ("HTML pages", "pages", "{:,.0f}"),
    ("pages/s", "pages_per_s", "{:.0f}"),
    ("communes' data + photos MB", "data_mb", "{:.0f}"),
]


def federation(communes: list[int], per_commune: int, work: Path, repeat: int = 1) -> list[dict[str, float]]:
    from benchmarks.synthetic import make_federation

    sites = work / "communes"
    started = time.perf_counter()
    make_federation(sites, max(communes), per_commune)
    print(f"communes' data made in {time.perf_counter() - started:.0f} s", flush=True)
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(sites)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rows = []
    try:
        time.sleep(1)
        for count in communes:
            rows.append(measure_federation(count, per_commune, sites, port, work, repeat))
            print(table(rows[-1:], FEDERATION_COLUMNS).splitlines()[-1], flush=True)
    finally:
        server.terminate()
        server.wait()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description="Đo hiệu năng với N hồ sơ tổng hợp.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--keep", type=Path, help="thư mục làm việc (mặc định: thư mục tạm, xóa khi xong)")
    parser.add_argument(
        "--federation", action="store_true", help="đo dienhinh gather: tỉnh gom dữ liệu các xã"
    )
    parser.add_argument("--communes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--per-commune", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1, help="số lần đo mỗi cỡ (lấy trung vị từng cột)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="dienhinh-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    columns = FEDERATION_COLUMNS if args.federation else COLUMNS
    try:
        if args.federation:
            rows = federation(args.communes, args.per_commune, work, args.repeat)
        for n in [] if args.federation else args.sizes:
            runs = [measure(n, work / f"run{i}") for i in range(args.repeat)]
            # Each column's median over the runs (a run is one project, each command side by side).
            rows.append({key: statistics.median(run[key] for run in runs) for key in runs[0]})
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores")
    print(table(rows, columns))
    key = "cold" if args.federation else "build"
    by_n = {int(row["n"]): row for row in rows}
    ns = sorted(by_n)
    if len(ns) >= 2:
        small, large = ns[0], ns[-1]
        growth = by_n[large][key] / by_n[small][key]
        print(f"\ntime({large:,}) / time({small:,}) = {growth:.1f} (linear: {large / small:.0f})")


if __name__ == "__main__":
    main()
