"""How long an officer waits for the preview: `dienhinh serve` on a copy of the sample project,
one profile's summary edited REPEAT times; each time, seconds until the served page shows it.

    .venv/bin/python benchmarks/serve_reload.py [--repeat 5]

The tests check that an edit shows (tests/test_serve.py); the speed is measured here.
"""

from __future__ import annotations

import argparse
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sample import copy_project  # noqa: E402

SLUG = "doi-che-ban-quyen"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 300) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{text!r} never appeared at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        project = copy_project(Path(tmp) / "project")
        server = subprocess.Popen(
            [sys.executable, "-m", "dienhinh.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/dien-hinh/{SLUG}/"
        try:
            first = wait_for(url, "dh-lead")
            path = project / "exemplars" / SLUG / "index.md"
            text = path.read_text(encoding="utf-8")
            seconds = []
            for run in range(args.repeat):
                marker = f"Lần sửa thứ {run + 1} khi xem trước."
                edited = re.sub(r"summary: .*(\n  .*)*", f"summary: {marker}", text, count=1)
                path.write_text(edited, encoding="utf-8")
                seconds.append(wait_for(url, marker))
                time.sleep(1)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    print(f"first build served after {first:.1f} s")
    print(
        f"edit → page shows it: median {statistics.median(seconds):.2f} s,"
        f" min {min(seconds):.2f} s, max {max(seconds):.2f} s over {len(seconds)} edits"
    )


if __name__ == "__main__":
    main()
