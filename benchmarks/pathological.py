"""Pathological Markdown: `dienhinh check` and `dienhinh build` of the sample project with one
story made of unclosed brackets ("![", "[", "[a](") or deep nesting ("> ", "- "), against the
same project with a plain story of the same size, side by side. Linear parsing keeps the
ratio near 1 at every size up to the 512 KB limit.

Run from the project root:  .venv/bin/python benchmarks/pathological.py [--sizes 50 512]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sample import copy_project, run_cli  # noqa: E402

FRONT = """---
name: Hồ sơ thử nghiệm
kind: model
field: chuyen-doi-so
hamlet: dong-tam
registered: 2022-05-01
summary: Hồ sơ để đo thời gian.
status: published
---

## Cách làm

"""
UNITS = {"plain": "Làm từng bước, ", "![": "![", "[": "[", "[a](": "[a](", "> ": "> ", "- ": "- "}


def story(unit: str, kb: int) -> str:
    # Nesting units start a line; the others fill one long paragraph.
    room = kb * 1024 - len(FRONT.encode("utf-8")) - 16
    return FRONT + UNITS[unit] * (room // len(UNITS[unit].encode("utf-8")))


def timed(project: Path, *args: str) -> tuple[float, int]:
    start = time.perf_counter()
    result = run_cli(*args, cwd=project, timeout=3600)
    return time.perf_counter() - start, result.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 512], help="story sizes in KB")
    parser.add_argument("--units", nargs="+", default=list(UNITS))
    args = parser.parse_args()
    print(f"{'story':>8} {'KB':>5} {'check s':>8} {'build s':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for kb in args.sizes:
            for unit in args.units:
                project = copy_project(Path(tmp) / f"{kb}-{len(unit)}-{unit.strip()[:1] or 'p'}")
                folder = project / "exemplars" / "ho-so-do-thoi-gian"
                folder.mkdir()
                (folder / "index.md").write_text(story(unit, kb), encoding="utf-8")
                check, code = timed(project, "check")
                build, build_code = timed(project, "build", "-d", str(project / "site"))
                status = "" if build_code == 0 else f"  (build exit {build_code})"
                print(f"{unit!r:>8} {kb:>5} {check:8.2f} {build:8.2f}{status}", flush=True)


if __name__ == "__main__":
    main()
