"""Renders the terminal pictures of the editor's guide (content/hinh/*.svg).

Runs the real commands in a temporary copy of the sample project and draws their output
with rich; run again after changing messages: ``.venv/bin/python scripts/screenshots.py``."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

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
        [sys.executable, "-m", "generator.cli", *args],
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


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp), (*PROJECT_PARTS, "samples"))
        (project / "dang-ky-co-loi.csv").write_text(BAD_SHEET, encoding="utf-8")
        for name, args in SHOTS:
            print(render(name, args, project).relative_to(ROOT))


if __name__ == "__main__":
    main()
