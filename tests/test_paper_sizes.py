"""Type sizes of the official papers against Nghị định 30/2020/NĐ-CP, Phụ lục I: the ranges
are written out here from the decree's text (mục III of Phần I), independently of
printing/document.py; the Word template and the PDF are both measured."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from pypdf import PdfReader

from dienhinh.printing.document import SIZES
from dienhinh.printing.word import STYLES
from dienhinh.theme_files import Theme

from .sample import ROOT, run_main

# Phụ lục I: (smallest, largest) size in points, per part of the document.
DECREE = {
    "issuer": (12, 13),  # tên cơ quan, tổ chức ban hành văn bản
    "number": (13, 13),  # số, ký hiệu
    "national": (12, 13),  # Quốc hiệu
    "motto": (13, 14),  # Tiêu ngữ
    "place_date": (13, 14),  # địa danh và thời gian
    "kind": (13, 14),  # tên loại văn bản
    "subject": (13, 14),  # trích yếu
    "heading": (13, 14),  # nội dung
    "body": (13, 14),  # nội dung
    "authority": (13, 14),  # quyền hạn, chức vụ người ký
    "signer": (13, 14),  # họ tên người ký
    "recipients_title": (12, 12),  # "Nơi nhận"
    "recipient": (11, 11),  # tên cơ quan, cá nhân nhận
    "page_number": (13, 14),  # số trang
}


def test_every_size_is_within_the_decree_and_says_where_it_comes_from() -> None:
    for key, (low, high) in DECREE.items():
        assert low <= SIZES[key].pt <= high, key
        assert SIZES[key].source, key
    # Quốc hiệu and Tiêu ngữ go together: 12 with 13, 13 with 14.
    assert SIZES["motto"].pt == SIZES["national"].pt + 1


def test_the_word_template_uses_those_sizes() -> None:
    template = Document(str(Theme.of().find("report/mau-van-ban.docx")))
    for key, name in STYLES.items():
        style = template.styles[name]
        if key in SIZES:
            assert style.font.size.pt == SIZES[key].pt, (key, name)
    assert template.styles[STYLES["cell_header"]].font.size.pt == SIZES["cell"].pt


def test_the_pdf_prints_those_sizes(tmp_path: Path) -> None:
    path = tmp_path / "bc.pdf"
    result = run_main("report", "--year", "2023", "--date", "2024-01-05", "--pdf", str(path), cwd=ROOT)
    assert result.returncode == 0, result.stdout
    seen: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = abs(tm[3] * cm[3] + tm[1] * cm[2]) or 1.0
            seen.append((round(size * scale, 1), text.strip()))

    reader = PdfReader(str(path))
    for page in (reader.pages[0], reader.pages[-1]):
        page.extract_text(visitor_text=visit)

    def size_of(start: str) -> float:
        return next(size for size, text in seen if text.startswith(start))

    assert size_of("ỦY BAN NHÂN DÂN") == SIZES["issuer"].pt
    assert size_of("CỘNG HÒA XÃ HỘI") == SIZES["national"].pt
    assert size_of("Độc lập - Tự do") == SIZES["motto"].pt
    assert size_of("Số:") == SIZES["number"].pt
    assert size_of("Điềm Mặc, ngày") == SIZES["place_date"].pt
    assert size_of("BÁO CÁO") == SIZES["kind"].pt
    assert size_of("I. KẾT QUẢ") == SIZES["heading"].pt
    assert size_of("Nơi nhận:") == SIZES["recipients_title"].pt
    assert size_of("- Lưu: VT") == SIZES["recipient"].pt
    assert size_of("TM. ỦY BAN") == SIZES["authority"].pt
