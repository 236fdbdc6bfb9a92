"""An administrative document as Nghị định 30/2020/NĐ-CP (Phụ lục I) lays it out: issuing
body and number on the left, Quốc hiệu, Tiêu ngữ, place and date on the right, the kind of
document and its subject, the body, then "Nơi nhận" and the signature block. One record,
two renderings: Word (``word.py``) and PDF (``official_pdf.py``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..messages import papers as msg

# Phụ lục I, II: A4; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (the
# smaller ends: more room for tables). Times New Roman; body 13–14 pt.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT = 14
HEADER_PT = 13


@dataclass(frozen=True)
class DocHeading:
    text: str
    level: int = 1  # 1: "I. …", 2: "1. …"


@dataclass(frozen=True)
class DocParagraph:
    text: str


@dataclass(frozen=True)
class DocTable:
    """A table of the body: STT first, header row repeated on every page."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative column widths
    numeric: tuple[bool, ...]  # right-aligned columns (counts)
    empty: str = ""


DocPart = DocHeading | DocParagraph | DocTable


@dataclass(frozen=True)
class OfficialDocument:
    issuer: tuple[str, ...]  # "ỦY BAN NHÂN DÂN", "XÃ ĐIỀM MẶC" (in capitals, bold)
    number: str  # "Số:      /BC-UBND"
    place_date: str  # "Điềm Mặc, ngày 05 tháng 02 năm 2025"
    kind: str  # "BÁO CÁO", "DANH SÁCH"
    subject: tuple[str, ...]  # trích yếu, one or more lines
    parts: tuple[DocPart, ...]
    recipients: tuple[str, ...]
    authority: str  # "TM. ỦY BAN NHÂN DÂN"
    signer_title: str  # "CHỦ TỊCH"
    signer_name: str = ""
    landscape: bool = False


def official_date(day: dt.date) -> str:
    """ "ngày 05 tháng 02 năm 2025": days below 10 and months 1 and 2 with a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return msg.DOC_DATE.format(day=f"{day.day:02d}", month=month, year=day.year)


def place_name(commune: str) -> str:
    """The place a commune's document is dated at: its name without "xã", "phường"…"""
    words = commune.split()
    for prefix in msg.DOC_UNIT_WORDS:
        size = len(prefix.split())
        if [w.casefold() for w in words[:size]] == prefix.split() and len(words) > size:
            return " ".join(words[size:])
    return commune


def issuer_lines(commune: str) -> tuple[str, ...]:
    """The issuing body: the commune's People's Committee, in capitals on two lines."""
    return (msg.DOC_ISSUER_BODY.upper(), commune.upper())


def number_line(number: str | None, symbol: str) -> str:
    """ "Số: 12/BC-UBND", or a blank for the clerk to fill in when the number is not given."""
    return msg.DOC_NUMBER.format(number=number if number else msg.DOC_NUMBER_BLANK, symbol=symbol)
