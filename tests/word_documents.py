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
