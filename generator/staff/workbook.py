"""Excel workbooks as an office prints them: a heading block (issuing body, title, what the
figures stand at), a bordered table with STT and a header row repeated on every printed page,
A4 landscape fitted to the page's width — and every text cell inert (never a formula)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..files import write_atomically
from ..records.sanitize import looks_like_formula

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E8F5E9")
_FLAG_FILL = PatternFill("solid", fgColor="FFCDD2")
_FONT = "Times New Roman"
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def inert_text(cell: Cell) -> None:
    """A text cell stays text: a name typed as ``=HYPERLINK(…)`` is written as a string
    (never a formula), shown as typed, with Excel's quote prefix."""
    if isinstance(cell.value, str) and looks_like_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


@dataclass(frozen=True)
class Heading:
    """The lines above a table: issuing body, title (bold), then plain lines."""

    issuer: str
    title: str
    lines: tuple[str, ...] = ()


def new_workbook(title: str) -> Workbook:
    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    book.properties.title = title
    return book


def _set(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell)  # never inside a merged range: values go in its first cell
    cell.value = value
    inert_text(cell)
    return cell


def _heading(sheet: Worksheet, heading: Heading, width: int) -> int:
    """Writes the heading block; returns the row the table's header goes on."""
    last = get_column_letter(width)
    texts = [(heading.issuer, Font(name=_FONT, bold=True, size=12), "left")]
    texts.append((heading.title, Font(name=_FONT, bold=True, size=14), "center"))
    texts += [(line, Font(name=_FONT, italic=True, size=12), "center") for line in heading.lines]
    for row, (text, font, align) in enumerate(texts, start=1):
        cell = _set(sheet, row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        sheet.merge_cells(f"A{row}:{last}{row}")
    return len(texts) + 2  # a blank row between heading and table


def table_sheet(
    book: Workbook,
    name: str,
    heading: Heading,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    flagged: Sequence[bool] = (),
    empty: str = "",
) -> Worksheet:
    """One worksheet: heading block, bordered table (numbers as numbers, dates as dates),
    print setup for A4 landscape with the header row on every page."""
    sheet: Worksheet = book.create_sheet(name[:31])
    top = _heading(sheet, heading, len(headers))
    for column, header in enumerate(headers, start=1):
        cell = _set(sheet, top, column, header)
        cell.font = Font(name=_FONT, bold=True, size=12)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = _CENTER
    body = [list(row) for row in rows] or ([[empty, *[""] * (len(headers) - 1)]] if empty else [])
    for offset, values in enumerate(body, start=1):
        for column, value in enumerate(values, start=1):
            _body_cell(sheet, top + offset, column, value, offset - 1 < len(flagged) and flagged[offset - 1])
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _print_setup(sheet, top)
    return sheet


def _body_cell(sheet: Worksheet, row: int, column: int, value: object, flagged: bool) -> None:
    cell = _set(sheet, row, column, value)
    cell.font = Font(name=_FONT, size=12)
    cell.border = _BORDER
    cell.alignment = _CENTER if column == 1 or isinstance(value, dt.date) else _WRAP
    if isinstance(value, dt.date):
        cell.number_format = "DD/MM/YYYY"
    if flagged:
        cell.fill = _FLAG_FILL


def _print_setup(sheet: Worksheet, header_row: int) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.oddFooter.center.text = "&P/&N"  # type: ignore[union-attr]  # always made by openpyxl


def save(book: Workbook, path: Path) -> None:
    """Written whole or not at all (a full disk leaves the previous file)."""
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomically(path, buffer.getvalue())
