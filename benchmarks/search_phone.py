"""Search on a cheap phone: the time from a query typed on the search page (already open) to
its first results on screen, in Chromium throttled as a cheap phone on a slow network (CPU ×4,
1.6 Mbps down, 750 kbps up, 150 ms latency; Chrome DevTools protocol), and what is downloaded
in between (bytes on the wire, requests). The site is served gzip-compressed by
benchmarks/static_server.py, as a real host serves it.

    .venv/bin/python benchmarks/search_phone.py SITE_DIR [--repeats 5] [--query che --query "dan quan"]

Each repeat is a fresh browser context (an empty cache: a resident's first search). The page
is loaded and left idle for two seconds (as a person reads it before typing); then the query
is typed and submitted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


def measure(browser: object, url: str, query: str) -> tuple[float, int, int]:
    """Seconds from submit to the first result shown; bytes and requests meanwhile."""
    context = browser.new_context(viewport={"width": 360, "height": 740})  # type: ignore[attr-defined]
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url + "tim-kiem/", wait_until="load")
    page.wait_for_timeout(2000)
    counted: list[int] = []
    cdp.on("Network.loadingFinished", lambda event: counted.append(int(event["encodedDataLength"])))
    page.fill("#dh-search-q", query)
    start = time.perf_counter()
    page.press("#dh-search-q", "Enter")
    page.wait_for_selector(".dh-result", timeout=60_000)
    seconds = time.perf_counter() - start
    context.close()
    return seconds, sum(counted), len(counted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--query", action="append")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    queries = args.query or ["che", "dan quan"]
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "benchmarks" / "static_server.py"), str(args.site), str(args.port)]
    )
    time.sleep(1)
    url = f"http://127.0.0.1:{args.port}/"
    print("| query | median s (first results) | min s | max s | KB downloaded meanwhile | requests |")
    print("|---|---:|---:|---:|---:|---:|")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for query in queries:
                runs = [measure(browser, url, query) for _ in range(args.repeats)]
                times = [r[0] for r in runs]
                kilobytes = statistics.median(r[1] for r in runs) / 1024
                requests = statistics.median(r[2] for r in runs)
                print(
                    f"| {query} | {statistics.median(times):.2f} | {min(times):.2f} | {max(times):.2f}"
                    f" | {kilobytes:.0f} | {requests:.0f} |"
                )
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
