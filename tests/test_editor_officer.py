"""An officer on a new commune finishes a profile alone in the editor, in Chromium at
1366×768 set to English (dates must still read day first): the story's three sections
written in the rich-text mode become headings and the warnings clear, dates read
dd/mm/yyyy with no "UTC", an iPhone photo is taken, right after the first save the preview
shows the page, and "Đưa lên mạng" publishes it to the folder the IT person set up.

DIENHINH_GUIDE_SHOTS=content/hinh keeps the screenshots of the officers' guide."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Page

from dienhinh.editor.server import decap_installed

from .browser import chromium
from .sample import run_main, running_editor
from .test_editor_backend import heic
from .test_editor_browser import choose, fill, save

DESKTOP = {"width": 1366, "height": 768}
SLUG = "to-hop-tac-nuoi-ong-khe-mat"
NAME = "Tổ hợp tác nuôi ong Khe Mát"
SECTIONS = ("Cách làm", "Kết quả", "Bài học kinh nghiệm")
GUIDE_SHOTS = os.environ.get("DIENHINH_GUIDE_SHOTS")


@pytest.fixture
def commune(tmp_path: Path) -> Path:
    project = tmp_path / "xa-khe-mat"
    result = run_main(
        "init", str(project), "--commune", "Khe Mát", "--province", "Thái Nguyên",
        "--hamlets", "Xóm Khe Mát\nXóm Làng Tre", "--organizations", "Hội Nông dân xã",
        "--period", "2021-2025", "--site-url", "https://dienhinh.khemat.gov.vn/",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    # The IT person's one-time set-up (the guide's step 3): where the site goes.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    online = tmp_path / "ra-mang"
    where = f"      visits_dir: visits\n      publish: {{folder: '{online}'}}\n"
    config.write_text(text.replace("      visits_dir: visits\n", where), encoding="utf-8")
    return project


@pytest.fixture
def editor(commune: Path) -> Iterator[tuple[str, str]]:
    assert decap_installed(), "Decap CMS is not installed: run scripts/bootstrap"
    with running_editor(commune, preview=True) as addresses:
        yield addresses


def shot(page: Page, folder: Path, name: str) -> None:
    """A step's screenshot: into the guide's pictures when asked, else beside the test."""
    target = Path(GUIDE_SHOTS) if GUIDE_SHOTS else folder
    page.screenshot(path=str(target / f"{name}.png"))


def shown_preview(page: Page, url: str, text: str, seconds: float = 120) -> Frame:
    """The preview pane's page once it shows ``text``, as the officer waits for it: nothing
    reloaded or navigated by the test."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            pane = page.frame(name="preview-pane")
            frames = [f for f in pane.child_frames if f.url == url] if pane else []
            if frames and text in frames[0].inner_text("body", timeout=2000):
                return frames[0]
        except PlaywrightError:  # the pane re-renders
            pass
        page.wait_for_timeout(200)
    raise AssertionError(f"the preview pane never showed {text!r} at {url}")


def story_headings(page: Page) -> list[str]:
    story = page.locator("[data-slate-editor]").first
    return [h.strip() for h in story.locator("h2").all_inner_texts()]


def type_story(page: Page) -> None:
    """The three sections typed in "Soạn như Word" as an officer would: "## " then the name."""
    story = page.locator("[data-slate-editor]").first
    story.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    texts = ("Mỗi hộ nhận hai thùng ong.", "Bán 300 lít mật.", "Chia sẻ giống.")
    for section, text in zip(SECTIONS, texts, strict=True):
        page.keyboard.type(f"## {section}")
        page.keyboard.press("Enter")
        page.keyboard.type(text)
        page.keyboard.press("Enter")


def test_officer_writes_sections_in_rich_text_and_sees_the_new_page(
    editor: tuple[str, str], commune: Path, tmp_path: Path
) -> None:
    base, preview = editor
    index = commune / "exemplars" / SLUG / "index.md"
    photo = tmp_path / "IMG_0042.HEIC"
    photo.write_bytes(heic(1200, 900))
    with chromium() as browser:
        context = browser.new_context(viewport=DESKTOP, locale="en-US", timezone_id="America/New_York")
        page = context.new_page()
        page.goto(base + "#/collections/exemplars/new")
        page.get_by_role("button", name="Vào trang biên tập").click()
        page.locator("[data-slate-editor]").first.wait_for()
        # A new profile's story starts with the plan's sections, as `dienhinh new` writes it.
        assert story_headings(page) == list(SECTIONS)
        body = page.inner_text("body")
        assert "THAY ĐỔI ĐÃ ĐƯỢC LƯU" not in body.upper() and "＋" not in body
        assert page.locator(".dh-word-open").is_hidden()  # covers no hint in a form

        fill(page, "Tên điển hình", NAME)
        choose(page, "Loại", "Tập thể")
        choose(page, "Lĩnh vực chính", "Kinh tế hộ gia đình")
        choose(page, "Xóm", "Xóm Khe Mát")
        choose(page, "Trạng thái", "Công bố")
        # Day first, whatever the browser's language; stored ISO.
        fill(page, "Ngày đăng ký", "10/06/2022")
        fill(page, "Tóm tắt", "Mười hộ nuôi ong lấy mật, mỗi năm bán hơn ba trăm lít.")
        assert "UTC" not in page.inner_text("body")
        type_story(page)
        page.get_by_role("button", name="Thêm ảnh").click()
        page.get_by_role("button", name="Chọn ảnh", exact=True).click()
        page.locator("input[type=file]").set_input_files(photo)
        page.get_by_role("button", name="Dùng ảnh đã chọn").click()
        fill(page, "Chú thích", "Những thùng ong đầu tiên của tổ (ảnh minh họa).")
        page.locator("[data-slate-editor]").first.scroll_into_view_if_needed()
        shot(page, tmp_path, "bien-tap-cau-chuyen")
        started = time.monotonic()
        save(page)
        page.get_by_text("Đã kiểm tra và lưu.").wait_for()
        text = index.read_text(encoding="utf-8")
        assert "registered: 2022-06-10" in text and "\\#" not in text
        for section in SECTIONS:
            assert f"\n## {section}\n" in text
        box = page.locator(".dh-problems")
        assert box.count() == 0 or "Câu chuyện" not in box.inner_text()

        # Right after the first save, the pane shows the new page (not "Không tìm thấy").
        frame = shown_preview(page, f"{preview}dien-hinh/{SLUG}/", NAME)
        seconds = time.monotonic() - started
        assert "Không tìm thấy" not in frame.inner_text("body")
        print(f"save → preview: {seconds:.1f} s")
        assert page.get_by_label(re.compile("^Ngày đăng ký")).input_value() == "10/06/2022"
        assert (index.parent / "img_0042.jpg").is_file() and "file: img_0042.jpg" in text
        shot(page, tmp_path, "bien-tap-xem-truoc-moi")

        # Online from the browser: the configured publish, its progress and its result.
        page.get_by_text(re.compile("^Trở về danh sách")).click()
        page.get_by_role("button", name="Đưa lên mạng").click()
        dialog = page.locator("dialog.dh-publish")
        dialog.get_by_role("button", name="Đưa lên mạng").click()
        dialog.locator(".dh-publish__state--done, .dh-publish__state--error").wait_for(timeout=300_000)
        assert dialog.locator(".dh-publish__state").inner_text() == "Xong: trang web đã được cập nhật."
        log = dialog.locator(".dh-publish__log").inner_text()
        assert "Đã đưa trang lên" in log and "[hamlets" not in log
        online = commune.parent / "ra-mang"
        assert NAME in (online / "dien-hinh" / SLUG / "index.html").read_text(encoding="utf-8")
        assert (online / "dien-hinh" / SLUG).glob("*.jpg")
        shot(page, tmp_path, "bien-tap-dua-len-mang")
        dialog.get_by_role("button", name="Đóng").click()

        # A mistake published, then the version before put back from the editor.
        page.get_by_text(NAME).first.click()
        fill(page, "Tóm tắt", "Tóm tắt gõ nhầm.")
        save(page)
        page.get_by_text("Đã kiểm tra và lưu.").first.wait_for()
        page.get_by_text(re.compile("^Trở về danh sách")).click()
        page.get_by_role("button", name="Đưa lên mạng").click()
        dialog.get_by_role("button", name="Đưa lên mạng").click()
        dialog.locator(".dh-publish__state--done").wait_for(timeout=300_000)
        published = online / "dien-hinh" / SLUG / "index.html"
        assert "Tóm tắt gõ nhầm." in published.read_text(encoding="utf-8")
        page.once("dialog", lambda asked: asked.accept())  # "Đưa bản trước đó trở lại…?"
        dialog.get_by_role("button", name="Quay về bản trước").click()
        dialog.get_by_text("Xong: bản trước đã được đưa trở lại.").wait_for(timeout=120_000)
        assert "Tóm tắt gõ nhầm." not in published.read_text(encoding="utf-8")
        assert "Mười hộ nuôi ong lấy mật" in published.read_text(encoding="utf-8")
        shot(page, tmp_path, "bien-tap-quay-ve-ban-truoc")
