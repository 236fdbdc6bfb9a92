"""Word reports made with python-docx for the import tests and the benchmark: the shapes an
officer's “Báo cáo thành tích” has (headings, emphasis, lists, tables, pictures with a
caption line under each), plus what cannot be converted (a text box) and a paragraph typed
in the legacy TCVN3 font “.VnTime”. All text is illustrative."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image, ImageDraw

TITLE = "Tổ hợp tác nuôi ong xóm Thẩm Khe (minh họa)"
TCVN3_TEXT = "§iÓn h×nh tiªn tiÕn x· §iÒm MÆc"  # “Điển hình tiên tiến xã Điềm Mặc” in .VnTime
TEXT_BOX = "Ghi chú trong hộp văn bản"
VML = "urn:schemas-microsoft-com:vml"


def picture(colour: tuple[int, int, int], size: tuple[int, int] = (800, 600), kind: str = "JPEG") -> bytes:
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).ellipse(
        (size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4), fill="white"
    )
    out = io.BytesIO()
    image.save(out, format=kind, quality=80)
    return out.getvalue()


def add_text_box(document: DocxDocument, text: str) -> None:
    """A VML text box in its own paragraph (python-docx has no API for one)."""
    paragraph = document.add_paragraph()
    xml = (
        f'<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="{VML}">'
        '<w:pict><v:shape style="width:200pt;height:40pt"><v:textbox><w:txbxContent>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def add_legacy(document: DocxDocument, text: str, font: str = ".VnTime") -> None:
    run = document.add_paragraph().add_run(text)
    run.font.name = font
    fonts = run._r.get_or_add_rPr().find(qn("w:rFonts"))
    fonts.set(qn("w:hAnsi"), font)


def report(path: Path, *, story_extra: str = "", pictures: int = 2) -> Path:
    """The sample report of the import test."""
    document = Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_heading("Cách làm", level=1)
    p = document.add_paragraph("Năm 2022, tổ có ")
    p.add_run("mười hai hộ").bold = True
    p.add_run(" cùng nuôi ong ")
    p.add_run("lấy mật").italic = True
    p.add_run(".")
    document.add_paragraph("Chọn giống ong nội khỏe.", style="List Bullet")
    document.add_paragraph("Đặt thùng ong dưới tán rừng.", style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Năm", "Số hộ", "Lít mật"), ("2022", "12", "300"), ("2023", "18", "540")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    colours = [(200, 150, 30), (60, 120, 200), (120, 160, 60)]
    for number in range(pictures):
        document.add_picture(io.BytesIO(picture(colours[number % 3])), width=Cm(8))
        document.add_paragraph(f"Ảnh {number + 1}: Thùng ong của tổ (ảnh minh họa).", style="Caption")
    document.add_heading("Kết quả", level=1)
    add_legacy(document, TCVN3_TEXT)
    add_text_box(document, TEXT_BOX)
    if story_extra:
        document.add_paragraph(story_extra)
    document.save(str(path))
    return path


# --- reports as communes write them (the shapes of Mẫu 02/03, Nghị định 98/2023, and by hand) --


def _bold(document: DocxDocument, text: str, align_center: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    if align_center:
        paragraph.alignment = 1


def _table(document: DocxDocument, rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            lines = value.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)


FIGURES = [("Năm", "Số hộ", "Thu nhập (triệu đồng/hộ/năm)"), ("2021", "12", "45"), ("2022", "18", "62")]
SIGNER_PHONE = "0912 345 678"


def official_report(path: Path, name: str, *, date: str = "ngày 15 tháng 11 năm 2022") -> Path:
    """Letterhead and signature as borderless tables, roman sections, “1. Cách làm:”."""
    document = Document()
    national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    _table(document, [("UBND XÃ ĐIỀM MẶC\nXÓM LÀNG LẢI", national)])
    document.add_paragraph(f"Điềm Mặc, {date}")
    _bold(document, "BÁO CÁO THÀNH TÍCH", align_center=True)
    document.add_paragraph("Đề nghị công nhận điển hình tiên tiến năm 2022")
    document.add_paragraph(f"Tên tập thể: {name}")
    _bold(document, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
    document.add_paragraph(f"{name} được thành lập năm 2019, có 12 hộ thành viên.")
    _bold(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    _bold(document, "1. Cách làm:")
    document.add_paragraph("Các hộ cùng góp vốn mua giống và chia sẻ kinh nghiệm mỗi tháng.")
    document.add_paragraph("Chọn giống tốt.", style="List Bullet")
    _bold(document, "2. Kết quả:")
    document.add_paragraph("Thu nhập của các hộ tăng đều qua các năm:")
    _table(document, FIGURES)
    _bold(document, "III. BÀI HỌC KINH NGHIỆM")
    document.add_paragraph("Đoàn kết, công khai thu chi là điều quan trọng nhất.")
    _table(
        document,
        [
            ("XÁC NHẬN CỦA UBND XÃ", "NGƯỜI BÁO CÁO"),
            ("(Ký tên, đóng dấu)", "(Ký, ghi rõ họ tên)"),
            ("", "Nguyễn Văn A (minh họa)"),
            ("", f"ĐT: {SIGNER_PHONE}"),
        ],
    )
    document.save(str(path))
    return path


def tabbed_report(path: Path, name: str) -> Path:
    """An individual's report typed by hand: letterhead columns on one line with tabs, personal
    details under the name, Word headings numbered “1.”, “2.”…, signature lines with tabs."""
    document = Document()
    document.add_paragraph("UBND XÃ ĐIỀM MẶC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("CHI HỘI NÔNG DÂN XÓM NÀ A\tĐộc lập - Tự do - Hạnh phúc")
    document.add_paragraph("\tĐiềm Mặc, ngày 03 tháng 10 năm 2023")
    _bold(document, "BÁO CÁO TÓM TẮT THÀNH TÍCH CÁ NHÂN", align_center=True)
    document.add_paragraph(f"Họ và tên: {name}")
    document.add_paragraph("Sinh ngày: 12/03/1975")
    document.add_paragraph("Quê quán: xóm Nà A, xã Điềm Mặc")
    document.add_paragraph("Điện thoại: 0987 654 321")
    document.add_heading("1. Đặc điểm tình hình", level=1)
    document.add_paragraph("Gia đình có 4 khẩu, trước năm 2020 là hộ cận nghèo.")
    document.add_heading("2. Những biện pháp đã thực hiện", level=1)
    document.add_paragraph("Chuyển 2 sào ruộng kém hiệu quả sang trồng chè cành.")
    document.add_heading("3. Kết quả đạt được", level=1)
    document.add_paragraph("Năm 2023 thu nhập đạt 120 triệu đồng, thoát cận nghèo.")
    document.add_heading("4. Bài học kinh nghiệm", level=1)
    document.add_paragraph("Mạnh dạn học hỏi, áp dụng khoa học kỹ thuật.")
    document.add_paragraph("XÁC NHẬN CỦA CHI HỘI\tNGƯỜI BÁO CÁO")
    document.add_paragraph("(Ký tên, đóng dấu)\t(Ký, ghi rõ họ tên)")
    document.add_paragraph(f"\t{name}")
    document.save(str(path))
    return path


def plain_report(path: Path, upper_name: str) -> Path:
    """No letterhead: the title, “CỦA …” naming the exemplar in capitals, upper-case section
    lines without numbers, the date line and “NGƯỜI BÁO CÁO” at the end."""
    document = Document()
    _bold(document, "BÁO CÁO THÀNH TÍCH", align_center=True)
    _bold(document, f"CỦA {upper_name}", align_center=True)
    document.add_paragraph("Tổ được thành lập năm 2020 với 9 hội viên.")
    _bold(document, "CÁCH LÀM")
    document.add_paragraph("Tổ họp mỗi tháng một lần để bàn việc chăm sóc vườn.")
    _bold(document, "KẾT QUẢ")
    document.add_paragraph("Năm 2022, 9 hộ đều có vườn mẫu đạt chuẩn.")
    _bold(document, "BÀI HỌC KINH NGHIỆM")
    document.add_paragraph("Làm từng việc nhỏ, làm đều đặn.")
    document.add_paragraph("Điềm Mặc, ngày 20 tháng 12 năm 2022")
    _bold(document, "NGƯỜI BÁO CÁO")
    document.add_paragraph("Hoàng Thị B (minh họa)")
    document.save(str(path))
    return path
