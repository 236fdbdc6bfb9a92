"""Headless Debian Chromium driven by Playwright (no browser download: /usr/bin/chromium)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 360, "height": 780}
SCREENSHOT_PROFILE = "doi-che-ban-quyen"


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def profile_screenshot(site: Path, target: Path, slug: str = SCREENSHOT_PROFILE) -> Path:
    """The top of a profile page as a 360 px wide phone shows it (2× pixels), saved as PNG."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE, device_scale_factor=2)
        page.goto((site / "dien-hinh" / slug / "index.html").as_uri(), wait_until="load")
        page.screenshot(path=str(target))
    return target
