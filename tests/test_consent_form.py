"""`dienhinh consent`: the form a person reads and signs — what will be published, each use as
a box to tick, how to withdraw — as Word and PDF; its number and date go into the profile."""

from __future__ import annotations

import subprocess
from pathlib import Path

from docx import Document
from pypdf import PdfReader

from .sample import run_main

PERSON = "chi-nong-thi-e-minh-hoa"


def test_the_consent_form_shows_what_will_be_published(project: Path, tmp_path: Path) -> None:
    docx, pdf = tmp_path / "phieu.docx", tmp_path / "phieu.pdf"
    result = run_main(
        "consent", PERSON, "--docx", str(docx), "--pdf", str(pdf), "--number", "07", "--date", "02/03/2026",
        cwd=project,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    text += "\n".join(
        cell.text for table in Document(str(docx)).tables for row in table.rows for cell in row.cells
    )
    before = (project / "exemplars" / PERSON / "index.md").read_text(encoding="utf-8")
    story_line = next(
        line for line in before.split("---", 2)[2].splitlines() if len(line) > 40 and "|" not in line
    )
    for expected in (
        "PHIẾU ĐỒNG Ý",
        "Số: 07/PĐY-UBND",
        "Chị Nông Thị E (minh họa)",
        "□ Trang web của xã",
        "□ Bản tin trên đài truyền thanh",
        "□ Dữ liệu mở và trang của tỉnh",
        "rút lại sự đồng ý bất cứ lúc nào",
        "NGƯỜI ĐỒNG Ý",
        " ".join(story_line.lstrip("-# ").replace("*", "").split()),
    ):
        assert expected in text, expected
    index = (project / "exemplars" / PERSON / "index.md").read_text(encoding="utf-8")
    pages = PdfReader(pdf).pages
    assert "PHIẾU ĐỒNG Ý" in pages[0].extract_text()
    assert "reference: Phiếu đồng ý số 07/PĐY-UBND ngày 02 tháng 3 năm 2026" in index
    # Rendered to an image, to look at (kept with the test's files).
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "trang")], check=True
    )
    assert list(tmp_path.glob("trang-*.png"))


def test_a_collective_has_no_consent_form(project: Path) -> None:
    result = run_main("consent", "doi-che-ban-quyen", cwd=project)
    assert result.returncode == 1 and "dành cho hồ sơ cá nhân" in result.stdout
