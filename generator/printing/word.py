"""An official document (document.py) as a Word file, filled into the commune's template
(the theme's ``report/mau-van-ban.docx``, or the commune's copy in ``overrides/report/``) by
style name only, so the commune restyles it in Word and the next report follows. The template is made once by
``scripts/make_report_template.py`` and committed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table, _Cell

from ..files import write_atomically
from ..messages import papers as msg
from .document import DocHeading, DocParagraph, DocTable, OfficialDocument

TEMPLATE = "mau-van-ban.docx"

# Paragraph styles of the Word template (the theme's report/mau-van-ban.docx), by role: the
# names a commune sees and may restyle in Word (renaming one breaks the report, which says so).
STYLES = {
    "issuer": "Tên cơ quan ban hành",
    "rule": "Đường kẻ ngang",
    "number": "Số ký hiệu",
    "national": "Quốc hiệu",
    "motto": "Tiêu ngữ",
    "place_date": "Địa danh và ngày tháng",
    "kind": "Tên loại văn bản",
    "subject": "Trích yếu",
    "heading": "Đề mục",
    "body": "Nội dung",
    "caption": "Tên bảng",
    "cell": "Ô bảng",
    "cell_number": "Ô bảng số",
    "cell_header": "Ô tiêu đề bảng",
    "recipients_title": "Nơi nhận",
    "recipient": "Danh sách nơi nhận",
    "authority": "Quyền hạn và chức vụ người ký",
    "signer": "Họ tên người ký",
    "page_number": "Số trang",
}
TABLE_STYLE = "Table Grid"
# Text width of A4 portrait with the decree's margins (210 − 30 − 15 mm); landscape: 297 − 45.
_TEXT_WIDTH_MM = {False: 165.0, True: 252.0}


class MissingStyle(Exception):
    """The template lacks one of the styles above (renamed or deleted in Word)."""


class UnreadableTemplate(Exception):
    """The template is not a Word document (a commune's override saved in another format)."""


def render_docx(document: OfficialDocument, template: Path) -> bytes:
    """The document as .docx bytes; raises MissingStyle when the template lost a style,
    UnreadableTemplate when it is not a .docx."""
    try:
        word = Document(str(template))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableTemplate(str(template)) from error
    known = {s.name for s in word.styles}
    lost = [name for name in (*STYLES.values(), TABLE_STYLE) if name not in known]
    if lost:
        raise MissingStyle(lost[0])
    width = _TEXT_WIDTH_MM[document.landscape]
    if document.landscape:
        section = word.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    _header_block(word, document, width)
    word.add_paragraph(document.kind, style=STYLES["kind"])
    for line in document.subject:
        word.add_paragraph(line, style=STYLES["subject"])
    _short_rule(word, width, 0.3)
    for part in document.parts:
        if isinstance(part, DocHeading):
            word.add_paragraph(part.text, style=STYLES["heading"])
        elif isinstance(part, DocParagraph):
            word.add_paragraph(part.text, style=STYLES["body"])
        elif isinstance(part, DocTable):
            _table(word, part, width)
    _signature_block(word, document, width)
    # Not the template's own title ("Mẫu văn bản hành chính"): a reader (or an import) that
    # takes the file's title gets this paper's.
    word.core_properties.title = document.file_title
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def write_docx(document: OfficialDocument, template: Path, path: Path) -> None:
    """Written whole or not at all."""
    write_atomically(path, render_docx(document, template))


def _plain_table(word: WordDocument, rows: int, widths_mm: tuple[float, ...]) -> Table:
    """A borderless layout table (the header and signature blocks)."""
    table: Table = word.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths_mm)
    return table


def _widths(table: Table, widths_mm: tuple[float, ...]) -> None:
    """Column widths for Word (each cell) and for LibreOffice (the table's grid)."""
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _fill(cell: _Cell, lines: list[tuple[str, str]]) -> None:
    """Replaces a cell's content with paragraphs (text, style key)."""
    first = cell.paragraphs[0]
    for index, (text, key) in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.style = STYLES[key]
        if text:
            paragraph.add_run(text)


def _header_block(word: WordDocument, document: OfficialDocument, width: float) -> None:
    left = 0.4 * width if not document.landscape else 0.38 * width
    table = _plain_table(word, 2, (left, width - left))
    if document.issuer:
        _fill(table.cell(0, 0), [(line, "issuer") for line in document.issuer] + [("", "rule")])
        # The rule under the issuing body: a third to a half of its line, centred.
        rule = table.cell(0, 0).paragraphs[-1]
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(left * 0.3)
    _fill(table.cell(0, 1), [(msg.DOC_NATIONAL, "national"), (msg.DOC_MOTTO, "motto")])
    if document.number:
        _fill(table.cell(1, 0), [(document.number, "number")])
    _fill(table.cell(1, 1), [(document.place_date, "place_date")])


def _short_rule(word: WordDocument, width: float, share: float) -> None:
    """A centred rule ``share`` of the text width long (under the subject)."""
    paragraph = word.add_paragraph(style=STYLES["rule"])
    margin = Mm(width * (1 - share) / 2)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = margin


def _table(word: WordDocument, part: DocTable, width: float) -> None:
    if part.caption:
        word.add_paragraph(part.caption, style=STYLES["caption"])
    total = sum(part.widths)
    widths = tuple(width * w / total for w in part.widths)
    # An empty table: one blank row, merged below and given the "none" text once (merging keeps
    # every cell's text, so it must not be in a cell before).
    rows = part.rows or (("",) * len(part.headers),)
    table = word.add_table(rows=1 + len(rows), cols=len(part.headers))
    table.style = word.styles[TABLE_STYLE]
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _repeat_header(table)
    for column, header in enumerate(part.headers):
        _fill(table.cell(0, column), [(header, "cell_header")])
    for index, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            key = "cell_number" if part.numeric[column] and part.rows else "cell"
            _fill(table.cell(index, column), [(value, key)])
    _widths(table, widths)
    if not part.rows:
        merged = table.cell(1, 0).merge(table.cell(1, len(part.headers) - 1))
        _fill(merged, [(part.empty, "cell")])


def _repeat_header(table: Table) -> None:
    """The header row is repeated at the top of each page the table runs onto."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _signature_block(word: WordDocument, document: OfficialDocument, width: float) -> None:
    left = 0.45 * width if not document.confirmation else 0.5 * width
    table = _plain_table(word, 1, (left, width - left))
    if document.confirmation:
        # The template has no style of its own for "(Ký, đóng dấu)": the place and date line's
        # (centred, italic) is the one that looks as the forms print it.
        confirmation = [(line, "authority") for line in document.confirmation]
        if document.confirmation_note:
            confirmation.append((document.confirmation_note, "place_date"))
        _fill(table.cell(0, 0), confirmation)
    else:
        title = [(msg.DOC_RECIPIENTS, "recipients_title")] if document.recipients else []
        _fill(table.cell(0, 0), title + [(r, "recipient") for r in document.recipients])
    lines = [(line, "authority") for line in (document.authority, document.signer_title) if line]
    if document.signer_note:
        lines.append((document.signer_note, "place_date"))
    _fill(table.cell(0, 1), [*lines, (document.signer_name, "signer")])
