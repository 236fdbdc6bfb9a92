"""`dienhinh edit` in real Chromium: an officer creates an individual's profile with consent
and an iPhone (HEIC) photo, previews the draft beside the form ("Bản nháp"), publishes it,
and the bundle on disk passes `dienhinh check`; a future registration date is refused with
the Vietnamese message in the editor, and the file on disk stays as it was."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dienhinh import clock
from dienhinh.editor.server import decap_installed

from .browser import chromium
from .sample import run_main, running_editor, serve
from .test_editor_backend import heic
from .word_documents import TITLE, report

WORD_SLUG = "to-hop-tac-nuoi-ong-xom-tham-khe-minh-hoa"

SLUG = "chi-dinh-thi-h-minh-hoa"
OPTIONAL = r"( \(không bắt buộc\))?$"


@pytest.fixture
def editor(project: Path) -> Iterator[tuple[str, str]]:
    assert decap_installed(), "Decap CMS is not installed: run scripts/bootstrap"
    with running_editor(project, preview=True) as addresses:
        yield addresses


def wait_until(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def field(page: Page, label: str) -> object:
    return page.get_by_label(re.compile("^" + re.escape(label) + OPTIONAL))


def choose(page: Page, label: str, option: str) -> None:
    """Open a select list and pick ``option``. A busy machine can close the list again before
    the click (the form re-renders while the preview updates): opened again, up to 3 times."""
    wanted = page.get_by_role("option", name=option, exact=True)
    for attempt in range(3):
        page.get_by_label(re.compile("^" + re.escape(label) + OPTIONAL)).click(force=True)
        try:
            wanted.click(timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def fill(page: Page, label: str, value: str) -> None:
    page.get_by_label(re.compile("^" + re.escape(label) + OPTIONAL)).fill(value)


def save(page: Page) -> None:
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_role("menuitem", name="Lưu", exact=True).click()


def preview_frame(page: Page, url: str, text: str, seconds: float = 180) -> Frame:
    """The live preview's page inside the editor's preview pane, once it shows ``text``
    (the preview server rebuilds after each save)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            pane = page.frame(name="preview-pane")
            handle = pane.locator("iframe.dh-preview-frame").element_handle(timeout=5000) if pane else None
            frame = handle.content_frame() if handle else None
            if frame is not None:
                if text in frame.inner_text("body", timeout=5000):
                    assert frame.url == url
                    return frame
                frame.goto(url)
        except PlaywrightError:  # the pane re-renders, or the page reloads after a rebuild
            pass
        page.wait_for_timeout(1000)
    raise AssertionError(f"the preview pane never showed {text!r} at {url}")


def test_officer_creates_previews_and_publishes_a_profile(
    editor: tuple[str, str], project: Path, tmp_path: Path
) -> None:
    base, preview = editor
    photo = tmp_path / "IMG_0001.HEIC"
    photo.write_bytes(heic(1200, 900))
    index = project / "exemplars" / SLUG / "index.md"
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base + "#/collections/exemplars/new")
        page.get_by_role("button", name="Vào trang biên tập").click()

        # A draft first: the preview beside the form shows the real page, marked.
        fill(page, "Tên điển hình", "Chị Đinh Thị H (minh họa)")
        choose(page, "Loại", "Cá nhân")
        choose(page, "Lĩnh vực chính", "Kinh tế hộ gia đình")
        choose(page, "Xóm", "Xóm Nạ Á")
        fill(page, "Ngày đăng ký", "2022-06-10")
        fill(page, "Tóm tắt", "Chị nuôi gà đồi theo hướng hữu cơ, mỗi năm bán hơn hai nghìn con.")
        choose(page, "Trạng thái", "Bản nháp")
        page.get_by_role("button", name="Thêm ảnh").click()
        page.get_by_role("button", name="Chọn ảnh", exact=True).click()
        page.locator("input[type=file]").set_input_files(photo)
        page.get_by_role("button", name="Dùng ảnh đã chọn").click()
        fill(page, "Chú thích", "Đàn gà đồi của gia đình (ảnh minh họa).")
        story = page.locator("[data-slate-editor]").first
        story.click()
        page.keyboard.type("Chị bắt đầu với 200 con gà giống.")
        save(page)
        page.get_by_text("Đã kiểm tra và lưu.").wait_for()
        assert index.is_file()
        assert "status: draft" in index.read_text(encoding="utf-8")
        frame = preview_frame(page, f"{preview}dien-hinh/{SLUG}/", "Chị Đinh Thị H (minh họa)")
        assert "Bản nháp" in frame.inner_text("main")
        pane = page.frame(name="preview-pane")
        assert pane is not None and pane.locator(".dh-draft").inner_text().startswith("Bản nháp — ")

        # Published with the person's consent: checked, written, and `check` agrees.
        choose(page, "Trạng thái", "Công bố")
        # The profile's consent (a photo of a recognisable person has its own, further down).
        field(page, "Người này đã đồng ý cho công bố").first.check(force=True)  # type: ignore[attr-defined]
        page.get_by_label(re.compile("^Ngày đồng ý" + OPTIONAL)).first.fill("12/06/2022")
        save(page)
        wait_until(lambda: "status: published" in index.read_text(encoding="utf-8"))
        assert page.locator(".dh-problems--error").count() == 0
        text = index.read_text(encoding="utf-8")
        assert "status: published" in text and "given: true" in text and "date: 2022-06-12" in text
        assert "file: img_0001.jpg" in text and "Chị bắt đầu với 200 con gà giống." in text
        assert sorted(p.name for p in index.parent.iterdir()) == ["img_0001.jpg", "index.md"]
        check = run_main("check", cwd=project)
        assert check.returncode == 0, check.stdout + check.stderr

        # A registration date in the future: refused in Vietnamese, naming the field.
        published = index.read_bytes()
        future = (clock.today() + dt.timedelta(days=400)).isoformat()
        fill(page, "Ngày đăng ký", future)
        save(page)
        box = page.locator(".dh-problems--error")
        box.wait_for()
        problem = box.locator(".dh-problem--error").first
        assert problem.locator(".dh-problem__field").inner_text().strip() == "Ngày đăng ký:"
        assert problem.locator(".dh-problem__message").inner_text() == f"Ngày “{future}” nằm trong tương lai."
        assert box.locator("h2").inner_text() == "Chưa lưu — cần sửa trước:"
        page.screenshot(path=str(tmp_path / "refused.png"))
        assert index.read_bytes() == published
        assert run_main("check", cwd=project).returncode == 0


def test_officer_imports_a_word_report_from_the_editor(project: Path, tmp_path: Path) -> None:
    source = report(tmp_path / "Báo cáo thành tích.docx")
    assert decap_installed(), "Decap CMS is not installed: run scripts/bootstrap"
    with running_editor(project, preview=False) as (base, _), chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base)
        page.get_by_role("button", name="Vào trang biên tập").click()
        page.get_by_role("button", name="Nhập báo cáo Word").click()
        dialog = page.locator("dialog.dh-word")
        dialog.get_by_label("Tệp báo cáo (.docx)").set_input_files(source)
        dialog.get_by_label("Loại").select_option("collective")
        dialog.get_by_label("Lĩnh vực chính").select_option("kinh-te-ho")
        dialog.get_by_label("Xóm").select_option("tham-khe")
        dialog.get_by_role("button", name="Nhập", exact=True).click()
        page.wait_for_url(re.compile(f"#/collections/exemplars/entries/{WORD_SLUG}/index$"))
        box = page.locator(".dh-problems--warning")
        box.wait_for()
        assert "Hộp văn bản (Text Box) không chuyển được" in box.inner_text()
        assert "đoạn 12 (“Điển hình tiên tiến xã Điềm Mặc”)" in box.inner_text()
        expect_name = page.get_by_label(re.compile("^Tên điển hình"))
        expect_name.wait_for()
        page.wait_for_function(
            "name => [...document.querySelectorAll('input')].some(i => i.value === name)", arg=TITLE
        )
    index = project / "exemplars" / WORD_SLUG / "index.md"
    text = index.read_text(encoding="utf-8")
    assert "status: draft" in text and "| 2023 | 18 | 540 |" in text
    assert (index.parent / "bao-cao-anh-2.jpg").is_file()
    assert run_main("check", cwd=project).returncode == 0


def test_the_editor_as_static_files_signs_in_with_the_git_host(project: Path, tmp_path: Path) -> None:
    """Several officers, several computers: the same editor on a web server, saving to Gitea."""
    assert decap_installed(), "Decap CMS is not installed: run scripts/bootstrap"
    folder = tmp_path / "bien-tap"
    options = (
        "--backend",
        "gitea",
        "--repo",
        "xa-diem-mac/dien-hinh",
        "--base-url",
        "https://git.example.vn",
    )
    result = run_main("editor-config", "--site", str(folder), *options, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(folder.rglob("*.map"))
    assert "MIT License" in (folder / "decap" / "LICENSE").read_text(encoding="utf-8")  # travels with it
    with serve(folder) as base, chromium() as browser:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(base)
        page.get_by_role("button", name="Đăng nhập bằng Gitea").wait_for()
        assert page.locator(".dh-word-open").count() == 0  # no local server behind it
    assert all(url.startswith((base, "data:")) for url in requests), requests
