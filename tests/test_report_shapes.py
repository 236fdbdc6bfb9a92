"""Word reports as communes write them: the name, date, sections and the parts left out are
read from the shape of the report, whatever its layout (tables, tabs, Word headings, numbered
or upper-case lines)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dienhinh.intake.report_shape import Block, shape
from dienhinh.intake.word_report import read_report

from .sample import run_main
from .word_documents import SIGNER_PHONE, official_report, plain_report, tabbed_report

SECTIONS = ["Cách làm", "Kết quả", "Bài học kinh nghiệm"]
GROUP = "Tổ hợp tác chè sạch xóm Làng Lải (minh họa)"
PERSON = "Lò Văn C (minh họa)"


def headings(story: str) -> list[str]:
    return re.findall(r"^## (.+)$", story, flags=re.MULTILINE)


def test_an_official_report_with_tables_for_letterhead_and_signature(tmp_path: Path) -> None:
    found = read_report(official_report(tmp_path / "a.docx", GROUP))
    assert not isinstance(found, str)
    assert found.title == GROUP
    assert found.date == dt.date(2022, 11, 15)
    assert headings(found.story) == SECTIONS
    # The introduction (section I) opens the story, before the first heading.
    assert found.story.strip().startswith(f"{GROUP} được thành lập năm 2019")
    for gone in ("CỘNG HÒA", "BÁO CÁO THÀNH TÍCH", "Đề nghị công nhận", "NGƯỜI BÁO CÁO", "Nguyễn Văn A",
                 SIGNER_PHONE, "Tên tập thể", "THÀNH TÍCH ĐẠT ĐƯỢC", "Điềm Mặc, ngày"):  # fmt: skip
        assert gone not in found.story, gone
    assert "| 2022 | 18 | 62 |" in found.story  # the figures stay a table
    assert "- Chọn giống tốt." in found.story
    messages = " ".join(n.message for n in found.notes)
    assert "quốc hiệu" in messages and "ký tên, xác nhận" in messages
    assert "số điện thoại" in messages  # the signer's phone is named where it was dropped


def test_a_hand_typed_individual_report_with_tabs_and_personal_details(tmp_path: Path) -> None:
    found = read_report(tabbed_report(tmp_path / "b.docx", PERSON))
    assert not isinstance(found, str)
    assert found.title == PERSON
    assert found.date == dt.date(2023, 10, 3)
    assert headings(found.story) == SECTIONS
    assert found.story.strip().startswith("Gia đình có 4 khẩu")
    for gone in ("12/03/1975", "Quê quán", "0987 654 321", "XÁC NHẬN", "CHI HỘI NÔNG DÂN", "Độc lập"):
        assert gone not in found.story, gone
    assert any("thông tin cá nhân" in n.message for n in found.notes)


def test_a_report_without_letterhead_names_its_exemplar_in_capitals(tmp_path: Path) -> None:
    found = read_report(plain_report(tmp_path / "c.docx", "TỔ PHỤ NỮ TRỒNG RAU AN TOÀN"))
    assert not isinstance(found, str)
    assert found.title == "Tổ phụ nữ trồng rau an toàn"
    assert found.date == dt.date(2022, 12, 20)  # the date line at the end, above the signature
    assert headings(found.story) == SECTIONS
    assert "Hoàng Thị B" not in found.story and "NGƯỜI BÁO CÁO" not in found.story


def block(text: str, kind: str = "text") -> Block:
    return Block(kind, (text, text, False), text)


def test_numbered_points_inside_a_section_stay_points() -> None:
    shaped = shape(
        [
            block("II. KẾT QUẢ ĐẠT ĐƯỢC"),
            block("1. Hiệu quả kinh tế: thu nhập tăng 30%."),
            block("2. Hiệu quả xã hội: 5 hộ học theo."),
            block("III. PHƯƠNG HƯỚNG NĂM TỚI"),
            block("Mở rộng thêm 3 ha."),
        ]
    )
    texts = [b.plain for b in shaped.blocks]
    assert texts == [
        "Kết quả",
        "1. Hiệu quả kinh tế: thu nhập tăng 30%.",
        "2. Hiệu quả xã hội: 5 hộ học theo.",
        "Phương hướng năm tới",
        "Mở rộng thêm 3 ha.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 15 tháng 3 năm 2023, tổ được thành lập với 9 hộ.",  # a sentence, not the date line
        "Chủ tịch Hội Nông dân xã đã về thăm mô hình.",  # not a signature block
        "Xác nhận của hội viên cho thấy mô hình hiệu quả.",
    ],
)
def test_sentences_that_look_like_front_or_back_matter_are_kept(line: str) -> None:
    shaped = shape([block("I. ĐẶC ĐIỂM"), block("Tổ có 9 hộ."), block(line), block("Cuối cùng.")])
    assert [b.plain for b in shaped.blocks] == ["Tổ có 9 hộ.", line, "Cuối cùng."]


OPTIONS = ("--kind", "tập thể", "--field", "Kinh tế hộ gia đình", "--hamlet", "Làng Lải")


def test_two_different_reports_make_two_drafts_and_a_reimport_updates_only_its_own(
    project: Path, tmp_path: Path
) -> None:
    first = official_report(tmp_path / "bao-cao.docx", GROUP)
    result = run_main("import", str(first), *OPTIONS, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Đã tạo hồ sơ nháp mới “{GROUP}”" in result.stdout
    other = "Tổ hợp tác nuôi cá xóm Làng Lải (minh họa)"
    second = official_report(tmp_path / "bao-cao-2.docx", other, date="ngày 02 tháng 12 năm 2022")
    result = run_main("import", str(second), *OPTIONS, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Đã tạo hồ sơ nháp mới “{other}”" in result.stdout
    indexes = (project / "exemplars").glob("*/index.md")
    bundles = {p.parent.name: p.read_text(encoding="utf-8") for p in indexes}
    mine = {slug: text for slug, text in bundles.items() if "lang-lai-minh-hoa" in slug}
    assert len(mine) == 2
    first_text = next(t for t in mine.values() if f"name: {GROUP}" in t)
    second_text = next(t for t in mine.values() if f"name: {other}" in t)
    assert "registered: 2022-11-15" in first_text and "registered: 2022-12-02" in second_text
    assert "field: kinh-te-ho" in first_text and "hamlet: lang-lai" in first_text
    assert f"{GROUP} được thành lập" in first_text and f"{other} được thành lập" in second_text
    # The first report again, changed: its own draft is updated, the other is untouched.
    official_report(first, GROUP)
    again = run_main("import", str(first), cwd=project)
    assert again.returncode in (0,), again.stdout
    assert f"Báo cáo là của hồ sơ nháp đã có “{GROUP}”" in again.stdout or "đã giống báo cáo" in again.stdout
    after = {p.parent.name: p.read_text(encoding="utf-8") for p in (project / "exemplars").glob("*/index.md")}
    assert next(t for t in after.values() if f"name: {other}" in t) == second_text


def test_a_report_without_a_name_is_refused_with_what_to_do(project: Path, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("BÁO CÁO THÀNH TÍCH")
    document.add_paragraph("I. ĐẶC ĐIỂM TÌNH HÌNH")
    document.add_paragraph("Tổ có 9 hộ.")
    path = tmp_path / "khong-ten.docx"
    document.save(str(path))
    result = run_main("import", str(path), *OPTIONS, cwd=project)
    assert result.returncode == 1
    assert "Không tìm thấy tên điển hình trong báo cáo" in result.stdout
    assert not list((project / "exemplars").glob("bao-cao*"))


def test_a_scanned_report_says_what_to_do(project: Path, tmp_path: Path) -> None:
    import io

    from docx import Document
    from docx.shared import Cm

    from .word_documents import picture

    document = Document()
    document.add_picture(io.BytesIO(picture((90, 90, 90))), width=Cm(15))
    path = tmp_path / "scan.docx"
    document.save(str(path))
    result = run_main("import", str(path), *OPTIONS, cwd=project)
    assert result.returncode == 1 and "bản scan" in result.stdout
