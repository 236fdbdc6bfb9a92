"""The profile page in real headless Chromium at phone width: photos, gallery, no third party."""

from __future__ import annotations

from pathlib import Path

from .browser import PHONE, SCREENSHOT_PROFILE, chromium, profile_screenshot


def test_profile_at_phone_width_gallery_opens_and_closes(sample_site: Path) -> None:
    requests: list[str] = []
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE, device_scale_factor=2)
        page.on("request", lambda request: requests.append(request.url))
        url = (sample_site / "dien-hinh" / SCREENSHOT_PROFILE / "index.html").as_uri()
        page.goto(url, wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        cover = page.locator("figure.dh-cover img")
        # The browser picks a WebP from srcset, wide enough for 360 px at 2× but not the largest.
        current = cover.evaluate("img => img.currentSrc")
        assert current.endswith("-960.webp"), current
        assert cover.evaluate("img => img.complete && img.naturalWidth > 0")
        box = cover.bounding_box()
        assert box is not None and box["width"] <= PHONE["width"]

        dialog = page.locator("dialog#dh-lightbox")
        assert not dialog.evaluate("d => d.open")
        first = page.locator("a.dh-gallery__link").first
        first.focus()
        page.keyboard.press("Enter")  # keyboard users open it too
        assert dialog.evaluate("d => d.open")
        large = dialog.locator("img")
        large.evaluate("img => img.decode()")
        assert large.evaluate("img => img.naturalWidth") == 1600
        assert dialog.locator("figcaption").inner_text().startswith("Đồi chè")
        page.keyboard.press("Escape")
        assert not dialog.evaluate("d => d.open")
        page.close()
    outside = [r for r in requests if not r.startswith(("file://", "data:"))]
    assert outside == []


def test_screenshot_script_makes_a_phone_screenshot(sample_site: Path, tmp_path: Path) -> None:
    from PIL import Image

    shot = profile_screenshot(sample_site, tmp_path / "shot.png")
    with Image.open(shot) as im:
        assert im.size == (PHONE["width"] * 2, PHONE["height"] * 2)
        assert len(im.convert("RGB").getcolors(1 << 20) or []) > 50  # a rendered page, not blank
