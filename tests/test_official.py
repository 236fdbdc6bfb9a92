"""Official papers: the report as Word and PDF laid out per Nghị định 30/2020/NĐ-CP, every
table restricted to ``--year`` or ``--period`` (one scoped view), the nomination list as
Word and Excel, and workbooks an office can print (heading, STT, borders, print setup,
no folder names, no formulas)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt
from openpyxl import load_workbook

from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings
from dienhinh.staff.report import build_overview, sections
from dienhinh.staff.scope import dated_years, scoped, year_scope
from dienhinh.theme_files import Theme

from .sample import ROOT, run_main

CATALOG = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
REGISTRY = CATALOG.registry
assert REGISTRY is not None
SLUGS = [e.slug for e in CATALOG.exemplars]


def cells(table: object) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]  # type: ignore[attr-defined]


def table_after(document: object, caption_start: str) -> list[list[str]]:
    """The rows of the table whose caption paragraph starts with ``caption_start``."""
    from docx.table import Table

    found = False
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            if found:
                return cells(block)
        elif block.text.startswith(caption_start):
            found = True
    raise AssertionError(f"no table after {caption_start!r}")


# --- one scoped view ------------------------------------------------------------------------

# The sample's plan periods, written out here rather than read through periods.py.
PERIOD_YEARS = ((2022, 2025), (2026, 2030))


def in_programme_of(exemplar: object, year: int) -> bool:
    """Registered by the end of ``year`` in a period that has not ended before it."""
    registered = exemplar.registered.year  # type: ignore[attr-defined]
    period = next((p for p in PERIOD_YEARS if p[0] <= registered <= p[1]), None)
    return registered <= year and (period is None or period[1] >= year)


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025, 2026])
def test_every_table_holds_only_its_year(year: int) -> None:
    view = scoped(CATALOG.exemplars, year_scope(year))
    assert dated_years(view) <= {year}
    overview = build_overview(REGISTRY, CATALOG.exemplars, dt.date(2026, 6, 1), scope=year_scope(year))
    # Computed here from the records, independently of report.py.
    evaluations = Counter(v.result for e in CATALOG.exemplars for v in e.evaluations if v.year == year)
    commendations = Counter(
        c.level for e in CATALOG.exemplars for c in e.commendations if c.date.year == year
    )
    units = sum(r.units for e in CATALOG.exemplars for r in e.replications if r.year == year)
    nominations = sum(1 for e in CATALOG.exemplars for n in e.nominations if n.year == year)
    registered = [e for e in CATALOG.exemplars if e.registered.year == year]
    members = [e for e in CATALOG.exemplars if in_programme_of(e, year)]
    assert overview.registered == len(registered)
    assert overview.in_programme == len(members)
    assert sum(h.in_programme for h in overview.hamlets) == sum(1 for e in members if e.hamlet)
    assert sum(h.new for h in overview.hamlets) == sum(1 for e in registered if e.hamlet)
    assert sum(f.total for f in overview.fields) == len(members)
    assert sum(f.new for f in overview.fields) == len(registered)
    assert {
        r.code: row.total for r, row in zip(REGISTRY.evaluation_results, overview.evaluations, strict=True)
    } == {r.code: evaluations[r.code] for r in REGISTRY.evaluation_results}
    assert overview.evaluation_years in ((), (year,))
    assert overview.commendation_years in ((), (year,))
    assert [row.total for row in overview.commendations] == [
        commendations[level.code] for level in REGISTRY.commendation_levels
    ]
    assert sum(r.units for r in overview.replications) == units
    assert len(overview.nominations) == nominations
    assert all(n.year == year for n in overview.nominations)
    assert all(set(m.years) == {year} for m in overview.missing_evaluations)
    assert sorted(x.name for x in overview.exemplars) == sorted(e.name for e in members)


def test_no_table_shows_a_folder_name() -> None:
    overview = build_overview(REGISTRY, CATALOG.exemplars, dt.date(2026, 6, 1))
    shown = {str(value) for section in sections(overview) for row in section.rows for value in row}
    assert not shown & set(SLUGS)
    assert all(s.headers[0] == "STT" for s in sections(overview)[1:])


# --- the report as Word ----------------------------------------------------------------------


def test_word_report_for_a_year(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao-2023.docx"
    result = run_main(
        "report",
        "--year",
        "2023",
        "--date",
        "2024-01-05",
        "--number",
        "07",
        "--signer",
        "Nguyễn Văn A (minh họa)",
        "--docx",
        str(path),
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    word = Document(str(path))

    # Page: A4 portrait, margins of Phụ lục I (top/bottom 20–25, left 30–35, right 15–20 mm).
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20

    # Header block: issuing body and number left; Quốc hiệu, Tiêu ngữ, place and date right.
    header = word.tables[0]
    left, right = header.cell(0, 0), header.cell(0, 1)
    assert [p.text for p in left.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN", "XÃ ĐIỀM MẶC"]
    assert all(p.style.font.bold for p in left.paragraphs if p.text)
    rule = left.paragraphs[-1]
    assert rule.text == "" and rule.style.element.xpath("./w:pPr/w:pBdr/w:bottom")
    assert [p.text for p in right.paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    national, motto = (p.style for p in right.paragraphs)
    assert national.font.bold and national.font.size == Pt(13)
    assert motto.font.bold and motto.font.underline and motto.font.size == Pt(14)
    assert header.cell(1, 0).text == "Số: 07/BC-UBND"
    place = header.cell(1, 1).paragraphs[0]
    assert place.text == "Điềm Mặc, ngày 05 tháng 01 năm 2024"
    assert place.style.font.italic

    # Title, subject, fonts.
    texts = [(p.text, p.style) for p in word.paragraphs]
    kind = next(style for text, style in texts if text == "BÁO CÁO")
    assert kind.font.bold and kind.font.size == Pt(14)
    assert "Kết quả xây dựng và nhân rộng điển hình tiên tiến năm 2023" in [t for t, _ in texts]
    assert word.styles["Normal"].font.name == "Times New Roman"
    assert (
        word.core_properties.title == "BÁO CÁO — Kết quả xây dựng và nhân rộng điển hình tiên tiến năm 2023"
    )
    for text, style in texts:
        if text:
            size = style.font.size or word.styles["Normal"].font.size
            assert style.font.name in ("Times New Roman", None) and 13 <= size.pt <= 14, (text, style.name)

    # Tables: STT first, only 2023's figures.
    evaluations = table_after(word, "Bảng")  # the first table is by hamlet
    assert evaluations[0][0] == "STT"
    results = table_after(word, "Bảng 5. Kết quả đánh giá hằng năm")
    assert results[0] == ["STT", "Kết quả", "2023", "Cộng"]
    counted = Counter(v.result for e in CATALOG.exemplars for v in e.evaluations if v.year == 2023)
    assert [row[3] for row in results[1:]] == [str(counted[r.code]) for r in REGISTRY.evaluation_results]
    commendations = table_after(word, "Bảng 6. Khen thưởng theo cấp và năm")
    assert commendations[0] == ["STT", "Cấp", "2023", "Cộng"]
    levels = Counter(c.level for e in CATALOG.exemplars for c in e.commendations if c.date.year == 2023)
    assert [row[3] for row in commendations[1:]] == [
        str(levels[lv.code]) for lv in REGISTRY.commendation_levels
    ]
    replications = table_after(word, "Bảng 7. Nhân rộng")
    names = {e.name for e in CATALOG.exemplars if any(r.year == 2023 for r in e.replications)}
    assert {row[1] for row in replications[1:]} == names
    assert [row[0] for row in replications[1:]] == [str(n) for n in range(1, len(names) + 1)]
    everything = " ".join(p.text for p in word.paragraphs) + " ".join(
        c.text for t in word.tables for row in t.rows for c in row.cells
    )
    assert not any(slug in everything for slug in SLUGS)

    # "Nơi nhận" bottom left, signature bottom right.
    signature = word.tables[-1]
    recipients = [p.text for p in signature.cell(0, 0).paragraphs]
    assert recipients[0] == "Nơi nhận:" and recipients[-1] == "- Lưu: VT, VP."
    assert signature.cell(0, 0).paragraphs[0].style.font.italic
    signed = [p.text for p in signature.cell(0, 1).paragraphs]
    assert signed == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A (minh họa)"]


def test_period_report_for_the_summary_conference(tmp_path: Path) -> None:
    path = tmp_path / "tong-ket.docx"
    result = run_main("report", "--period", "2022-2025", "--docx", str(path), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    word = Document(str(path))
    texts = [p.text for p in word.paragraphs]
    assert "Tổng kết xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2022 – 2025" in texts
    assert "VI. ĐÁNH GIÁ CHUNG" in texts
    period = next(p for p in REGISTRY.periods if p.code == "2022-2025")
    assert period.summary is not None
    assert any(period.summary.text.split()[0] in t for t in texts)
    years = sorted({v.year for e in CATALOG.exemplars for v in e.evaluations if 2022 <= v.year <= 2025})
    assert table_after(word, "Bảng 5.")[0] == ["STT", "Kết quả", *map(str, years), "Cộng"]


def test_year_and_period_together_or_an_unknown_period_are_messages(tmp_path: Path) -> None:
    both = run_main("report", "--year", "2023", "--period", "2022-2025", cwd=ROOT)
    assert both.returncode == 1 and "Chọn một trong hai" in both.stdout
    unknown = run_main("report", "--period", "2019-2021", cwd=ROOT)
    assert unknown.returncode == 1
    assert (
        "Không có giai đoạn “2019-2021” trong danh mục; các giai đoạn: 2022-2025, 2026-2030."
        in unknown.stdout
    )


def test_a_restyled_template_is_used_and_a_lost_style_is_named(project: Path, tmp_path: Path) -> None:
    template = project / "overrides" / "report" / "mau-van-ban.docx"
    template.parent.mkdir(parents=True)
    shutil.copy2(Theme.of().find("report/mau-van-ban.docx"), template)
    word = Document(str(template))
    word.styles["Nội dung"].font.size = Pt(13)  # the commune restyles the body in Word
    word.save(str(template))
    result = run_main("report", "--docx", str(tmp_path / "a.docx"), cwd=project)
    assert result.returncode == 0, result.stdout
    body = [p for p in Document(str(tmp_path / "a.docx")).paragraphs if p.style.name == "Nội dung"]
    assert body and body[0].style.font.size == Pt(13)

    word.styles["Trích yếu"].name = "Trich yeu cua toi"
    word.save(str(template))
    result = run_main("report", "--docx", str(tmp_path / "b.docx"), cwd=project)
    assert result.returncode == 1
    assert "thiếu kiểu (style) “Trích yếu”" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "b.docx").exists()


# --- the report as PDF ---------------------------------------------------------------------------


def test_pdf_report_layout(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.pdf"
    result = run_main("report", "--year", "2024", "--date", "2025-01-10", "--pdf", str(path), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert fonts.count("DH-Times") >= 3 and "Liberation" not in fonts.split("\n")[0]
    assert all(" yes " in line for line in fonts.splitlines()[2:])  # every font embedded
    first = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [" ".join(line.split()) for line in first.splitlines() if line.strip()]
    assert lines[0] == "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lines[1] == "XÃ ĐIỀM MẶC Độc lập - Tự do - Hạnh phúc"
    assert lines[2].startswith("Số:") and lines[2].endswith("/BC-UBND Điềm Mặc, ngày 10 tháng 01 năm 2025")
    assert "BÁO CÁO" in lines and "Kết quả xây dựng và nhân rộng điển hình tiên tiến năm 2024" in lines
    # The left margin is 30 mm: no text starts nearer the page's edge (pdftotext -bbox).
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    xs = [float(part.split('"')[1]) for part in boxes.split("xMin=")[1:]]
    assert min(xs) >= 30 / 25.4 * 72 - 1
    whole = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Nơi nhận:" in whole and "TM. ỦY BAN NHÂN DÂN" in whole and "CHỦ TỊCH" in whole


# --- nomination list -----------------------------------------------------------------------------


def test_nomination_list_as_word_and_excel(tmp_path: Path) -> None:
    docx_path, xlsx_path = tmp_path / "ds.docx", tmp_path / "ds.xlsx"
    result = run_main(
        "nominations", "--year", "2025", "--docx", str(docx_path), "--xlsx", str(xlsx_path), cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Đã ghi báo cáo" not in result.stdout
    province = {
        e.name for e in CATALOG.exemplars for n in e.nominations if n.year == 2025 and n.level == "province"
    }
    assert f"Đề nghị cấp tỉnh khen thưởng, biểu dương: {len(province)} điển hình (" in result.stdout
    assert f"Đã ghi danh sách đề nghị khen thưởng, biểu dương vào {docx_path}." in result.stdout
    expected = {(e.name, n.level.value) for e in CATALOG.exemplars for n in e.nominations if n.year == 2025}
    assert len({name for name, _ in expected}) < len(expected), "an exemplar nominated at two levels"
    levels = {"commune": "Cấp xã", "province": "Cấp tỉnh", "national": "Toàn quốc"}
    word = Document(str(docx_path))
    assert word.sections[0].page_width > word.sections[0].page_height  # landscape
    assert "DANH SÁCH" in [p.text for p in word.paragraphs]
    found = grouped_tables(word)
    titles = [title for title, _ in found]
    assert titles[0] == "I. GIỚI THIỆU, BIỂU DƯƠNG TẠI HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN CỦA XÃ"
    assert titles[1] == "II. ĐỀ NGHỊ CẤP TỈNH KHEN THƯỞNG, BIỂU DƯƠNG"
    listed = set()
    for _, rows in found:
        assert rows[0] == [
            "STT",
            "Tên tập thể, cá nhân",
            "Địa chỉ, đơn vị",
            "Thành tích tóm tắt",
            "Cấp",
            "Hình thức đề nghị",
        ]
        assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, len(rows))]
        assert len({r[1] for r in rows[1:]}) == len(rows) - 1  # no exemplar twice in a group
        assert len({r[4] for r in rows[1:]}) == 1  # one level per group, on every row
        listed |= {(r[1], r[4]) for r in rows[1:]}
    assert listed == {(name, levels[level]) for name, level in expected}
    awards = {n.award for e in CATALOG.exemplars for n in e.nominations if n.year == 2025 and n.award}
    cells_text = " ".join(r[5] for _, rows in found for r in rows[1:])
    assert awards and all(a in cells_text for a in awards)

    sheet = load_workbook(xlsx_path).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == "STT")
    assert values[0][0] == "ỦY BAN NHÂN DÂN XÃ ĐIỀM MẶC"
    assert "DANH SÁCH" in values[1][0]
    assert {(row[1], row[4]) for row in values[header + 1 :]} == {
        (name, levels[level]) for name, level in expected
    }


def grouped_tables(document: object) -> list[tuple[str, list[list[str]]]]:
    """(group title, rows) for each table of a nomination list, the title being the
    paragraph just before the table."""
    from docx.table import Table

    found, last = [], ""
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            if last:
                found.append((last, cells(block)))
            last = ""
        elif block.text:
            last = block.text
    return [(title, rows) for title, rows in found if rows and rows[0][0] == "STT"]


def test_two_nominations_at_one_level_are_one_row(project: Path, tmp_path: Path) -> None:
    index = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    text = index.read_text(encoding="utf-8")
    award = "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen (thử)"
    index.write_text(
        text.replace(
            "replications:\n", f"  - level: province\n    year: 2025\n    award: {award}\nreplications:\n", 1
        ),
        encoding="utf-8",
    )
    path = tmp_path / "ds.docx"
    result = run_main("nominations", "--period", "2022-2025", "--docx", str(path), cwd=project)
    assert result.returncode == 0, result.stdout
    province = dict(grouped_tables(Document(str(path))))["II. ĐỀ NGHỊ CẤP TỈNH KHEN THƯỞNG, BIỂU DƯƠNG"]
    rows = [r for r in province[1:] if r[1] == "Tổ hợp tác chè sạch xóm Bản Quyền"]
    assert len(rows) == 1
    assert award in rows[0][5] and "Đại hội Thi đua yêu nước tỉnh" in rows[0][5]


def test_every_nomination_level_has_its_group() -> None:
    from dienhinh.messages.papers import DOC_LIST_GROUPS
    from dienhinh.records.model import NominationLevel

    assert list(DOC_LIST_GROUPS) == [level.value for level in NominationLevel]


# --- workbooks ----------------------------------------------------------------------------------


def test_report_workbook_prints_as_an_office_expects(project: Path) -> None:
    # A name typed like a formula stays text in every cell it reaches.
    index = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    text = index.read_text(encoding="utf-8")
    old_name = next(line for line in text.splitlines() if line.startswith("name:"))
    index.write_text(
        text.replace(old_name, 'name: "=HYPERLINK(\\"http://x.example\\",\\"Đồi chè\\")"'), encoding="utf-8"
    )
    xlsx_path = project / "bao-cao.xlsx"
    result = run_main("report", "--xlsx", str(xlsx_path), cwd=project)
    assert result.returncode == 0, result.stdout
    book = load_workbook(xlsx_path)
    assert "Danh sách" in book.sheetnames and "Theo lĩnh vực" in book.sheetnames
    formulas = [c for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    listed = book["Danh sách"]
    hyperlink = [c for row in listed.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK")]
    assert hyperlink and all(c.data_type == "s" and c.quotePrefix for c in hyperlink)
    slugs = {e.slug for e in CATALOG.exemplars}
    for ws in book:
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws["A1"].value == "ỦY BAN NHÂN DÂN XÃ ĐIỀM MẶC"
        header_row = int(ws.print_title_rows.split(":")[0].lstrip("$"))
        header = [c for c in ws[header_row] if c.value is not None]
        assert all(c.border.left.style == "thin" and c.font.bold for c in header)
        if ws.title != "Tổng số":
            assert header[0].value == "STT"
            body = list(ws.iter_rows(min_row=header_row + 1))
            assert all(row[0].border.bottom.style == "thin" for row in body)
        assert not {str(c.value) for row in ws.iter_rows() for c in row} & slugs


def test_a_commune_template_that_is_not_a_word_file_is_a_message(project: Path, tmp_path: Path) -> None:
    template = project / "overrides" / "report" / "mau-van-ban.docx"
    template.parent.mkdir(parents=True)
    template.write_bytes(b"not a Word file")
    result = run_main("report", "--docx", str(tmp_path / "a.docx"), cwd=project)
    assert result.returncode == 1
    assert "Không đọc được mẫu Word" in result.stdout and "overrides" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "a.docx").exists()
