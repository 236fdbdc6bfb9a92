"""Headless Debian Chromium driven by Playwright (no browser download: /usr/bin/chromium)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urljoin

from playwright.sync_api import Browser, Page, sync_playwright

from . import sample

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 360, "height": 780}
SCREENSHOT_PROFILE = "doi-che-ban-quyen"


@contextmanager
def chromium() -> Iterator[Browser]:
    if sample.running_kind not in (None, "browser"):
        raise AssertionError("a test that drives Chromium is a browser test: mark it pytest.mark.browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def search_results(page: Page, base_url: str, query: str, depth: int = 10) -> list[str]:
    """The first ``depth`` results of ``query`` on the site's own search page (its script,
    its Pagefind options), as paths relative to the site root, best first."""
    page.goto(base_url + "tim-kiem/?q=" + quote(query))
    # The status line names the query once the first results are on screen.
    page.wait_for_function(
        "q => document.getElementById('dh-search-status').textContent.includes(q)", arg=query
    )
    while True:
        hrefs: list[str] = page.eval_on_selector_all(
            ".dh-result__link", "links => links.map(a => a.getAttribute('href'))"
        )
        if len(hrefs) >= depth or not page.is_visible("#dh-search-more"):
            break
        page.click("#dh-search-more")
        page.wait_for_function(
            "n => document.querySelectorAll('.dh-result__link').length > n", arg=len(hrefs)
        )
    return [urljoin(page.url, href).removeprefix(base_url) for href in hrefs[:depth]]


def profile_screenshot(site: Path, target: Path, slug: str = SCREENSHOT_PROFILE) -> Path:
    """The top of a profile page as a 360 px wide phone shows it (2× pixels), saved as PNG."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE, device_scale_factor=2)
        page.goto((site / "dien-hinh" / slug / "index.html").as_uri(), wait_until="load")
        page.screenshot(path=str(target))
    return target
