"""An administrative document as Nghị định 30/2020/NĐ-CP (Phụ lục I) lays it out: issuing
body and number on the left, Quốc hiệu, Tiêu ngữ, place and date on the right, the kind of
document and its subject, the body, then "Nơi nhận" and the signature block. One record,
two renderings: Word (``word.py``) and PDF (``official_pdf.py``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..messages import papers as msg

# Phụ lục I, Phần I, mục II.1 and II.3: A4; margins top and bottom 20–25 mm, left 30–35 mm,
# right 15–20 mm (the smaller ends: more room for tables). Mục II.4: Times New Roman.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}


@dataclass(frozen=True)
class Size:
    """A type size of one part of the document, with the range the decree allows for it."""

    pt: float
    allowed: tuple[float, float]
    source: str  # where Phụ lục I sets it


# Every type size of the Word template and the PDF, each from the text of Nghị định
# 30/2020/NĐ-CP, Phụ lục I (Phần I, mục III: "Kỹ thuật trình bày các thành phần thể thức văn
# bản"; mục II.7 for page numbers). Where the decree gives a range we take one end and say why.
# The two header lines go together: Quốc hiệu 13 → Tiêu ngữ 14 (12 → 13), as mục III.1 pairs
# them. Tables and their captions are not set by the decree: a point below the body (as
# reports commonly print them) so wide tables fit.
SIZES = {
    "issuer": Size(13, (12, 13), "III.2 tên cơ quan ban hành: in hoa, 12–13, đứng, đậm"),
    "number": Size(13, (13, 13), "III.3 số, ký hiệu: 13, đứng"),
    "national": Size(13, (12, 13), "III.1 Quốc hiệu: in hoa, 12–13, đứng, đậm"),
    "motto": Size(14, (13, 14), "III.1 Tiêu ngữ: in thường, 13–14 (một cỡ trên Quốc hiệu), đứng, đậm"),
    "place_date": Size(14, (13, 14), "III.4 địa danh và thời gian: in thường, 13–14, nghiêng"),
    "kind": Size(14, (13, 14), "III.5 tên loại văn bản: in hoa, 13–14, đứng, đậm"),
    "subject": Size(14, (13, 14), "III.5 trích yếu nội dung: in thường, 13–14, đứng, đậm"),
    "heading": Size(14, (13, 14), "III.6 nội dung (đề mục I., 1.): 13–14, đậm"),
    "body": Size(14, (13, 14), "III.6 nội dung: in thường, 13–14, đứng"),
    "authority": Size(14, (13, 14), "III.7 quyền hạn, chức vụ người ký: in hoa, 13–14, đứng, đậm"),
    "signer": Size(14, (13, 14), "III.7 họ tên người ký: in thường, 13–14, đứng, đậm"),
    "recipients_title": Size(12, (12, 12), "III.9 từ “Nơi nhận”: in thường, 12, nghiêng, đậm"),
    "recipient": Size(11, (11, 11), "III.9 tên cơ quan, cá nhân nhận: in thường, 11, đứng"),
    "page_number": Size(14, (13, 14), "II.7 số trang: 13–14, đứng, giữa lề trên"),
    "caption": Size(14, (13, 14), "not set by the decree: as the body (III.6)"),
    "cell": Size(13, (12, 14), "not set by the decree: tables a point below the body"),
}
BODY_PT = SIZES["body"].pt
HEADER_PT = SIZES["issuer"].pt


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
    number: str  # "Số:      /BC-UBND"; "" for papers that carry none (an achievement report)
    place_date: str  # "Điềm Mặc, ngày 05 tháng 02 năm 2025"
    kind: str  # "BÁO CÁO", "DANH SÁCH"
    subject: tuple[str, ...]  # trích yếu, one or more lines
    parts: tuple[DocPart, ...]
    recipients: tuple[str, ...]
    authority: str  # "TM. ỦY BAN NHÂN DÂN"
    signer_title: str  # "CHỦ TỊCH"
    signer_name: str = ""
    landscape: bool = False
    # "(Ký, đóng dấu)" and the like, under the signer's title.
    signer_note: str = ""
    # A confirmation block (an achievement report's "XÁC NHẬN CỦA …") in place of "Nơi nhận":
    # its title lines, then its note.
    confirmation: tuple[str, ...] = ()
    confirmation_note: str = ""
    # The file's own title (Word's document properties); default: the kind and the subject.
    title: str = ""

    @property
    def file_title(self) -> str:
        return self.title or " — ".join((self.kind, *self.subject))


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
