"""How long an officer waits for the preview, in the browser's terms: `dienhinh serve` on a
project, one profile's page open in headless Chromium, and that profile's summary edited
REPEAT times; each time, seconds from the save until the page in the browser shows the new
text (MkDocs' livereload script in the page reloads it after the rebuild).

    .venv/bin/python benchmarks/serve_reload.py [--profiles N] [--repeat 5] [--json]

``--profiles 0`` (the default) is a copy of the bundled sample project (about 20 profiles);
``--profiles N`` a project of N synthetic profiles (benchmarks/synthetic.py).

Each edit is saved as an editor saves a file: the whole file, in one write. Three times are
taken from the moment that write returns:
- browser: the open page shows the new summary (livereload reloaded it);
- http: a plain GET of the page, polled every 50 ms, returns the new summary;
- server: the serve process logs that the preview is updated (messages.site.PREVIEW_READY).
The first build (until the page is served) is timed too. Edits are a second apart.

`--command edit` runs `dienhinh edit --no-browser` instead (its preview is the same server;
it needs the editor's Decap bundle, see scripts/bootstrap); the edit is still a file write.

Chromium is the system one (/usr/bin/chromium), driven by Playwright's Python package.
The tests check that an edit shows (tests/test_serve.py); the speed is measured here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dienhinh.messages.site import PREVIEW_READY  # noqa: E402
from tests.sample import copy_project, free_port  # noqa: E402

SAMPLE_SLUG = "doi-che-ban-quyen"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The line the serve process prints when a (re)build is served; its text before the URL.
READY_PREFIX = PREVIEW_READY.split("{", 1)[0]
# A profile's `summary:` in front matter: one line (synthetic: a JSON-quoted string) or a
# folded block whose lines are indented (the sample's `>-`).
SUMMARY = re.compile(r"^summary:.*(?:\n[ \t]+.*)*", re.MULTILINE)


class Failed(Exception):
    """The benchmark cannot go on; the message says why."""


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


class ServerLog:
    """The serve process's output, each line with the time it arrived (perf_counter)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.lines: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            with self._lock:
                self.lines.append((time.perf_counter(), raw.decode("utf-8", "replace").rstrip()))

    def ready_after(self, start: float) -> float | None:
        """Seconds from ``start`` to the first "preview updated" line logged after it."""
        with self._lock:
            for at, line in self.lines:
                if at >= start and line.startswith(READY_PREFIX):
                    return at - start
        return None

    def ready_count(self) -> int:
        with self._lock:
            return sum(1 for _, line in self.lines if line.startswith(READY_PREFIX))

    def tail(self, count: int = 15) -> str:
        with self._lock:
            return "\n".join(line for _, line in self.lines[-count:])


def wait_served(url: str, text: str, server: subprocess.Popen[bytes], log: ServerLog, limit: float) -> float:
    """Seconds until a GET of ``url`` contains ``text``; fails if the server exits or time runs out."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if server.poll() is not None:
            raise Failed(f"the server exited (code {server.returncode}) before serving {url}:\n{log.tail()}")
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise Failed(
        f"{text!r} did not appear at {url} within {limit:.0f} s; the server's last lines:\n{log.tail()}"
    )


def poll_http(url: str, marker: str, start: float, limit: float, result: dict[str, float]) -> None:
    """In a thread: seconds from ``start`` until a GET of ``url`` returns ``marker``."""
    while time.perf_counter() - start < limit:
        if marker in fetch(url):
            result["http"] = time.perf_counter() - start
            return
        time.sleep(0.05)


def edited(text: str, marker: str) -> str:
    if not SUMMARY.search(text):
        raise Failed("the profile has no `summary:` line to edit")
    # JSON-quoted: a valid YAML string whatever the marker holds.
    line = "summary: " + json.dumps(marker, ensure_ascii=False)
    return SUMMARY.sub(lambda _: line, text, count=1)


def make(target: Path, profiles: int) -> tuple[Path, str, int]:
    """The project, the slug of the profile to edit, and how many profiles it has."""
    if profiles <= 0:
        project = copy_project(target)
        slug = SAMPLE_SLUG
    else:
        from benchmarks.synthetic import make_project

        project = make_project(target, profiles)
        slug = "dien-hinh-tong-hop-00001"
    count = sum(1 for p in (project / "exemplars").glob("*/index.md"))
    return project, slug, count


def command_line(command: str, port: int) -> list[str]:
    base = [sys.executable, "-m", "dienhinh.cli", command]
    if command == "edit":
        return [
            *base,
            "--no-browser",
            "-a",
            f"127.0.0.1:{free_port()}",
            "--preview-addr",
            f"127.0.0.1:{port}",
        ]
    return [*base, "-a", f"127.0.0.1:{port}"]


def stop(server: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a person stops it; killed only if it does not stop."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def stats(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
    }


def measure_edit(
    page: Any, url: str, path: Path, text: str, marker: str, log: ServerLog, limit: float
) -> dict[str, Any]:
    """Save ``text`` (containing ``marker``) as the profile; seconds until each sees it."""
    from playwright.sync_api import Error as PlaywrightError

    with path.open("wb") as file:  # one write of the whole file, as an editor saves
        file.write(text.encode("utf-8"))
    start = time.perf_counter()
    http: dict[str, float] = {}
    poller = threading.Thread(target=poll_http, args=(url, marker, start, limit, http), daemon=True)
    poller.start()
    try:
        page.wait_for_function(
            "marker => document.body !== null && document.body.innerText.includes(marker)",
            arg=marker,
            polling=50,
            timeout=limit * 1000,
        )
    except PlaywrightError as error:
        reason = error.message.splitlines()[0]
        raise Failed(
            f"the page in the browser did not show {marker!r} within {limit:g} s ({reason});"
            f" the server's last lines:\n{log.tail()}"
        ) from error
    browser_seconds = time.perf_counter() - start
    poller.join()
    if "http" not in http:
        raise Failed(f"a GET of {url} never returned {marker!r}")
    server = log.ready_after(start)
    return {
        "browser": round(browser_seconds, 3),
        "http": round(http["http"], 3),
        "server": None if server is None else round(server, 3),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="serve-reload-") as tmp:
        made = time.perf_counter()
        project, slug, count = make(Path(tmp) / "project", args.profiles)
        made = time.perf_counter() - made
        port = free_port()
        url = f"http://127.0.0.1:{port}/dien-hinh/{slug}/"
        load_before = os.getloadavg()
        server = subprocess.Popen(
            command_line(args.command, port), cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        log = ServerLog(server)
        runs: list[dict[str, Any]] = []
        try:
            first = wait_served(url, "dh-lead", server, log, args.first_timeout)
            path = project / "exemplars" / slug / "index.md"
            text = path.read_text(encoding="utf-8")
            nonce = secrets.token_hex(3)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url, wait_until="load")
                if "livereload" not in page.content():
                    raise Failed(f"{url} has no livereload script: the page would never reload by itself")
                for number in range(1, args.repeat + 1):
                    marker = f"Lần sửa thứ {number} khi xem trước (mã {nonce})."
                    runs.append(
                        measure_edit(page, url, path, edited(text, marker), marker, log, args.timeout)
                    )
                    times = runs[-1]
                    server_text = "–" if times["server"] is None else f"{times['server']:.2f} s"
                    print(  # progress on stderr: stdout is the result (--json)
                        f"edit {number}: browser {times['browser']:.2f} s, http {times['http']:.2f} s,"
                        f" server logged ready {server_text}",
                        file=sys.stderr,
                        flush=True,
                    )
                    time.sleep(1)
                browser.close()
            # One build per save, and the first: more would mean the watcher rebuilt twice.
            builds = log.ready_count()
        finally:
            stop(server)
    server_times = [r["server"] for r in runs if r["server"] is not None]
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="minutes"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "command": args.command,
        "profiles": count,
        "synthetic": args.profiles > 0,
        "edited": slug,
        "project_made_s": round(made, 2),
        "first_build_s": round(first, 2),
        "builds_logged": builds,
        "repeats": runs,
        "browser_s": stats([float(r["browser"] or 0) for r in runs]),
        "http_s": stats([float(r["http"] or 0) for r in runs]),
        "server_ready_s": stats(server_times) if server_times else None,
    }


def report(result: dict[str, Any]) -> str:
    def cell(name: str) -> str:
        s = result[name]
        return "–" if s is None else f"{s['median']:.2f} s (min {s['min']:.2f}, max {s['max']:.2f})"

    kind = "synthetic" if result["synthetic"] else "sample"
    return "\n".join(
        [
            f"{result['date']}, {result['machine']}, load {result['load_average_before']}"
            f" → {result['load_average_after']}",
            f"`dienhinh {result['command']}`, {result['profiles']} profiles ({kind}),"
            f" editing {result['edited']}",
            f"first build served after {result['first_build_s']:.1f} s",
            f"save → page in the browser shows it: {cell('browser_s')} over {len(result['repeats'])} edits",
            f"save → a GET of the page returns it: {cell('http_s')}",
            f"save → the server logs 'updated':   {cell('server_ready_s')}",
            f"builds logged: {result['builds_logged']} (the first and one per save expected)",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--profiles", type=int, default=0, help="0: the sample project; N: N synthetic profiles"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--command", choices=("serve", "edit"), default="serve")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--timeout", type=float, default=300, help="seconds an edit may take to show")
    parser.add_argument("--first-timeout", type=float, default=1800, help="seconds the first build may take")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        result = run(args)
    except Failed as error:
        raise SystemExit(f"serve_reload: {error}") from None
    except KeyboardInterrupt:
        raise SystemExit("serve_reload: interrupted") from None
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else report(result))


if __name__ == "__main__":
    main()
