"""Makes site_templates/report/mau-van-ban.docx: the Word template of official documents
(reports, nomination lists), once; the file is committed and a commune may restyle it in
Word (Home ▸ Styles): the tool fills it using only the style names below.

Page and styles follow Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins 20/20/30/15 mm,
Times New Roman, body 14 pt, page numbers at the top centre from the second page.

    .venv/bin/python scripts/make_report_template.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.styles.style import ParagraphStyle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dienhinh.printing.document import BODY_PT, MARGINS_MM, SIZES  # noqa: E402
from dienhinh.printing.word import STYLES, TEMPLATE  # noqa: E402

FONT = "Times New Roman"


def _font(style: ParagraphStyle, size: float, bold: bool = False, italic: bool = False) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    # Word picks the font for Vietnamese letters from the ASCII/hAnsi slots; the others are set
    # too so no theme font shows through.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _paragraph(
    document: WordDocument,
    key: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    caps: bool = False,
    underline: bool = False,
    before: float = 0,
    after: float = 0,
) -> ParagraphStyle:
    style = document.styles.add_style(STYLES[key], WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles["Normal"]
    _font(style, size, bold, italic)
    style.font.all_caps = caps
    style.font.underline = underline
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    return style


def _bottom_rule(style: ParagraphStyle) -> None:
    """A solid line under the paragraph: the rule under the issuing body and the subject."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    style.element.get_or_add_pPr().append(borders)


def _page_number_header(document: WordDocument) -> None:
    """Page numbers at the top centre, not on the first page (Phụ lục I, mục 10)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = document.styles[STYLES["page_number"]]
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


def make_template(path: Path) -> None:
    document = Document()
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _font(normal, BODY_PT)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)

    size = {key: item.pt for key, item in SIZES.items()}  # each with its source in document.py
    _paragraph(document, "issuer", size["issuer"], bold=True, caps=True)
    _bottom_rule(_paragraph(document, "rule", 4))
    _paragraph(document, "number", size["number"], before=6)
    _paragraph(document, "national", size["national"], bold=True, caps=True)
    _paragraph(document, "motto", size["motto"], bold=True, underline=True)
    _paragraph(document, "place_date", size["place_date"], italic=True, before=6)
    _paragraph(document, "kind", size["kind"], bold=True, caps=True, before=18)
    _paragraph(document, "subject", size["subject"], bold=True)
    heading = _paragraph(
        document, "heading", size["heading"], bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=6
    )
    heading.paragraph_format.first_line_indent = Cm(1.0)
    heading.paragraph_format.keep_with_next = True
    body = _paragraph(document, "body", size["body"], align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=6)
    body.paragraph_format.first_line_indent = Cm(1.0)
    body.paragraph_format.line_spacing = 1.15
    caption = _paragraph(document, "caption", size["caption"], italic=True, before=6, after=3)
    caption.paragraph_format.keep_with_next = True
    _paragraph(document, "cell", size["cell"], align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(document, "cell_number", size["cell"])
    _paragraph(document, "cell_header", size["cell"], bold=True)
    _paragraph(
        document,
        "recipients_title",
        size["recipients_title"],
        bold=True,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        before=12,
    )
    _paragraph(document, "recipient", size["recipient"], align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(document, "authority", size["authority"], bold=True, caps=True, before=12)
    _paragraph(document, "signer", size["signer"], bold=True, before=60)
    _paragraph(document, "page_number", size["page_number"])
    _page_number_header(document)
    # The template's body stays empty: the tool writes every paragraph.
    for paragraph in list(document.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    document.core_properties.title = "Mẫu văn bản hành chính (Nghị định 30/2020/NĐ-CP)"
    document.core_properties.author = ""
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


if __name__ == "__main__":
    target = ROOT / "site_templates" / "report" / TEMPLATE
    make_template(target)
    print(f"Đã ghi {target.relative_to(ROOT)}")
