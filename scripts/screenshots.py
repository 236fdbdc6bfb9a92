"""Renders the pictures of the editor's guide: the terminal ones (content/hinh/*.svg), drawn
with rich from the real commands' output, and the browser editor's (content/hinh/bien-tap-*.png),
taken in headless Chromium from `dienhinh edit` running on a copy of the sample project.

Run again after changing messages or the editor: ``.venv/bin/python scripts/screenshots.py``
(``--terminal`` or ``--editor`` for one kind only)."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.sample import PROJECT_PARTS, copy_project  # noqa: E402

OUT = ROOT / "content" / "hinh"
MAX_LINES = 28

SHOTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "dienhinh-new",
        ("new", "--name", "Mô hình nuôi gà đồi xóm Nạ Á", "--kind", "model", "--field", "kinh-te-ho",
         "--hamlet", "na-a", "--organization", "hoi-nong-dan", "--registered", "2022-06-12"),
    ),
    ("dienhinh-import", ("import", "samples/dang-ky-mau.xlsx")),
    ("dienhinh-import-loi", ("import", "dang-ky-co-loi.csv")),
    ("dienhinh-check", ("check",)),
    ("dienhinh-report", ("report",)),
)  # fmt: skip

BAD_SHEET = (
    "Tên điển hình;Loại;Lĩnh vực;Xóm;Ngày đăng ký;Tóm tắt\n"
    "Tổ vay vốn xóm Đồng Tâm;Tập thể;Kinh tế hộ gia đình;Đồng Tâm;02/05/2022;Tổ vay vốn.\n"
    "Mô hình trồng nấm xóm Pa Chò;Mô hình;kinh-te;Pa Chò;03/05/2022;\n"
    "Tổ an ninh xóm Nà Moọc;Tập thể;Quốc phòng – an ninh;Nà Moọc;31/02/2022;\n"
)


def render(name: str, args: tuple[str, ...], project: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "dienhinh.cli", *args],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
    )
    lines = (result.stdout + result.stderr).rstrip("\n").split("\n")
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], "…"]
    console = Console(record=True, width=100, file=open("/dev/null", "w"), force_terminal=True)
    shown = " ".join(f'"{a}"' if " " in a else a for a in args)
    console.print(Text("$ ", style="bold green") + Text(f"dienhinh {shown}", style="bold"))
    console.print(Text("\n".join(lines)))
    svg = console.export_svg(title="dienhinh")
    # No web fonts from a CDN: the page uses the reader's own monospace font.
    svg = re.sub(r"@font-face\s*\{[^}]*\}", "", svg)
    path = OUT / f"{name}.svg"
    path.write_text(svg, encoding="utf-8")
    return path


def terminal_shots() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp), (*PROJECT_PARTS, "samples"))
        (project / "dang-ky-co-loi.csv").write_text(BAD_SHEET, encoding="utf-8")
        for name, args in SHOTS:
            print(render(name, args, project).relative_to(ROOT))


def editor_shots() -> None:
    """The editor as an officer sees it at 1280×800: the list, a new profile with the preview
    beside it, a refused save, and the Word import form."""
    from tests.browser import chromium
    from tests.sample import running_editor
    from tests.test_editor_browser import choose, fill, preview_frame, save
    from tests.word_documents import report

    def shot(page: Any, name: str) -> None:
        path = OUT / f"bien-tap-{name}.png"
        page.screenshot(path=str(path))
        print(path.relative_to(ROOT))

    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        source = report(Path(tmp) / "bao-cao-thanh-tich.docx")
        with running_editor(project, preview=True) as (base, preview), chromium() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
            page.goto(base)
            page.get_by_role("button", name="Vào trang biên tập").click()
            page.get_by_text("Tổ hợp tác chè sạch xóm Bản Quyền").wait_for()
            shot(page, "danh-sach")
            page.goto(base + "#/collections/exemplars/new")
            fill(page, "Tên điển hình", "Chị Đinh Thị H (minh họa)")
            choose(page, "Loại", "Cá nhân")
            choose(page, "Lĩnh vực chính", "Kinh tế hộ gia đình")
            choose(page, "Xóm", "Xóm Nạ Á")
            fill(page, "Ngày đăng ký", "2022-06-10")
            fill(page, "Tóm tắt", "Chị nuôi gà đồi theo hướng hữu cơ, mỗi năm bán hơn hai nghìn con.")
            choose(page, "Trạng thái", "Bản nháp")
            shot(page, "ho-so-moi")
            save(page)
            preview_frame(page, f"{preview}dien-hinh/chi-dinh-thi-h-minh-hoa/", "Chị Đinh Thị H (minh họa)")
            page.wait_for_timeout(1500)
            shot(page, "xem-truoc")
            fill(page, "Ngày đăng ký", "2099-01-01")
            save(page)
            page.locator(".dh-problems--error").wait_for()
            page.wait_for_timeout(500)
            shot(page, "loi")
            page.goto(base + "#/collections/exemplars")
            page.reload()
            page.get_by_role("button", name="Nhập báo cáo Word").click()
            dialog = page.locator("dialog.dh-word")
            dialog.get_by_label("Tệp báo cáo (.docx)").set_input_files(source)
            dialog.get_by_label("Loại").select_option("collective")
            dialog.get_by_label("Lĩnh vực chính").select_option("kinh-te-ho")
            dialog.get_by_label("Xóm").select_option("tham-khe")
            shot(page, "nhap-word")
            dialog.get_by_role("button", name="Nhập", exact=True).click()
            page.locator(".dh-problems--warning").wait_for()
            page.wait_for_timeout(1000)
            shot(page, "nhap-word-xong")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    which = sys.argv[1:] or ["--terminal", "--editor"]
    if "--terminal" in which:
        terminal_shots()
    if "--editor" in which:
        editor_shots()


if __name__ == "__main__":
    main()
