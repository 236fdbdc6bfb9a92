"""The shape of a Vietnamese achievement report (“Báo cáo thành tích”) as communes write it:
a letterhead (the agency and the national heading, often side by side in a borderless table
or on one line with tabs), the place and date line, the generic title, a subject line and the
line naming the exemplar, numbered sections (“I. SƠ LƯỢC ĐẶC ĐIỂM…”, “II. THÀNH TÍCH…”,
“1. Cách làm:”), then the signature and confirmation blocks. Only the sections are the story;
the name and the date are read from their lines; everything else is left out and listed.

The rules look at the kind of line (its words, numbering, case, place in the document), never
at one document's wording: the forms of Nghị định 98/2023 (Mẫu 02, 03) and what hamlets type
by hand both pass through them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..records.validate import STORY_SECTIONS
from .drafts import normalize as fold


@dataclass(frozen=True)
class Block:
    """One paragraph or table of the report, as read."""

    kind: str  # title | heading | text | item | table | caption | picture
    value: Any  # what the story is made from (Markdown, a table, a picture's index…)
    plain: str = ""  # the words as a reader sees them (a table: its cells, one row a line)
    paragraph: int = 0  # 1-based place in the document (0: not a paragraph of the body)
    level: int = 0  # a Word heading's level


@dataclass(frozen=True)
class Dropped:
    """A part of the report left out of the story, and why."""

    paragraph: int
    kind: str  # letterhead | date | title | subject | name | personal | signature
    snippet: str


@dataclass
class Shape:
    blocks: list[Block]  # the story's blocks, sections under the story's own headings
    name: str | None = None
    name_line: str = ""  # the line the name was read from
    date: dt.date | None = None
    dropped: list[Dropped] = field(default_factory=list)


# --- kinds of line --------------------------------------------------------------------------

NATIONAL = ("cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc")
# The report's own title when it names no one: "BÁO CÁO THÀNH TÍCH", "BÁO CÁO TÓM TẮT THÀNH
# TÍCH CÁ NHÂN", "BẢN BÁO CÁO…".
GENERIC_TITLE = re.compile(
    r"^(ban )?bao cao( tom tat)?( thanh tich)?( (cua )?(ca nhan|tap the|don vi|ho gia dinh))?$"
)
AGENCY = re.compile(
    r"^(ubnd|uy ban|dang uy|dang bo|chi bo|mat tran|ban cong tac|hoi |chi hoi|doan |chi doan|xom |thon "
    r"|ban |truong |htx|hop tac xa|cong ty|to hop tac|cong an|ban chi huy|so \d|so$|so [a-z0-9]+ [a-z]+)"
)
SUBJECT = re.compile(r"^(de nghi|ve viec|v v|kem theo|trich yeu|nam \d{4}$|giai doan|thoi gian)")
NAME_LABEL = re.compile(
    r"^(ten (tap the|ca nhan|don vi|to chuc|mo hinh|ho gia dinh|ho|co so|doanh nghiep|dien hinh)"
    r"|ho va ten|ho ten|tap the|ca nhan|don vi|cua)$"
)
PERSONAL_LABEL = re.compile(
    r"^(ngay( thang nam)? sinh|nam sinh|sinh ngay|que quan|noi sinh|dia chi|cho o|noi o( hien nay)?"
    r"|thuong tru|tam tru|dien thoai|so dien thoai|dt|d t|dtdd|email|e mail|so cccd|cccd|cmnd|so cmnd"
    r"|can cuoc( cong dan)?|so dinh danh|gioi tinh|dan toc|ton giao|so tai khoan|ma so thue)( .*)?$"
)
SIGNATURE = re.compile(
    r"^(nguoi (viet |lam )?bao cao|xac nhan|noi nhan|ky ghi ro ho ten|ky ten|ky va ghi ro ho ten"
    r"|ky dong dau|tm |t m |kt |thu truong|chu tich|pho chu tich|truong xom|truong thon|bi thu"
    r"|giam doc|to truong|chi hoi truong|thu truong don vi)"
)
UNAMBIGUOUS_SIGNATURE = (
    "nguoi bao cao",
    "nguoi viet bao cao",
    "nguoi lam bao cao",
    "xac nhan cua",
    "noi nhan",
)
DATE_WORDS = re.compile(r"(?:^|\s)ngay (\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?(\d{4})(?:\s|$)")
# A place-and-date line ends with its year; the day and month may be left as dots to fill in.
DATE_LINE = re.compile(r"^(?:.{0,50}\s)?ngay(?: \d{1,2})?(?: thang)?(?: \d{1,2})?(?: nam)? \d{4}$")

ROMAN = re.compile(r"^(?P<n>[IVX]{1,5})\s*[.)/:-]\s*(?P<t>\S.*)$")
NUMBERED = re.compile(r"^(?P<n>\d{1,2}|[a-z\u0111])\s*[.)/]\s*(?P<t>\S.*)$")

# The story's sections, by the words their headings use (checked in this order: "Kết quả và
# bài học kinh nghiệm" is about lessons; "Thành tích đạt được" is the results).
INTRO = ""
SECTION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (STORY_SECTIONS[2], ("bai hoc", "kinh nghiem")),
    (
        STORY_SECTIONS[0],
        (
            "cach lam",
            "bien phap",
            "giai phap",
            "cach thuc",
            "to chuc thuc hien",
            "qua trinh thuc hien",
            "nhung viec da lam",
            "phuong phap",
            "mo hinh da lam",
            "nhung viec lam",
        ),
    ),  # fmt: skip
    (STORY_SECTIONS[1], ("ket qua", "thanh tich", "hieu qua", "so lieu", "thanh qua")),
    (
        INTRO,
        (
            "dac diem",
            "tinh hinh",
            "so luoc",
            "gioi thieu",
            "khai quat",
            "ly lich",
            "thong tin chung",
            "qua trinh cong tac",
            "hoan canh",
        ),
    ),  # fmt: skip
)
MAX_NAME = 150  # characters: a longer line is a sentence, not an exemplar's name
MAX_HEADING = 120  # characters: a longer numbered line is a sentence of a list, not a heading


def section_of(title: str) -> str | None:
    """The story section a heading's words name (INTRO for the introduction), or None."""
    folded = fold(title)
    for section, words in SECTION_WORDS:
        if any(re.search(rf"(^|\s){word}(\s|$)", folded) for word in words):
            return section
    return None


def _letters_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def national(folded: str) -> bool:
    return any(words in folded for words in NATIONAL)


def date_in(folded: str) -> dt.date | None:
    match = DATE_WORDS.search(folded)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_date_line(plain: str) -> bool:
    """A place-and-date line (“Điềm Mặc, ngày 15 tháng 11 năm 2022”), filled in or not."""
    return bool(DATE_LINE.match(fold(plain)))


def date_line(plain: str) -> dt.date | None:
    """The date of a place-and-date line."""
    return date_in(fold(plain)) if is_date_line(plain) else None


def signature_line(plain: str) -> bool:
    folded = fold(plain)
    if not folded or len(folded) > 100 or not SIGNATURE.match(folded):
        return False
    if _letters_upper(plain) or plain.lstrip().startswith("("):
        return True
    # "Người báo cáo" typed in lower case: a short line, not a sentence that starts that way.
    short = len(folded) <= 45 and not plain.rstrip().endswith(".")
    return short and folded.startswith(UNAMBIGUOUS_SIGNATURE)


def _label(plain: str) -> tuple[str, str] | None:
    """("Tên tập thể", "Tổ hợp tác …") of a "label: value" line."""
    label, colon, value = plain.partition(":")
    if not colon:
        label, colon, value = plain.partition("：")
    if not colon or len(label) > 60:
        return None
    return label.strip(), value.strip()


# --- headings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Heading:
    section: str | None  # a story section (INTRO included), or None: a heading of its own
    title: str  # its words, without the numbering
    rest: str = ""  # text after "Cách làm:" on the same line
    strong: bool = True  # a Word heading, "I. …" or an upper-case line (not "1. …", "a) …")


def _heading(block: Block) -> _Heading | None:
    """A section heading however it was typed: a Word heading, "I. …", "1. Cách làm:",
    an upper-case line, an auto-numbered line naming a section."""
    plain = block.plain.strip()
    if not plain or block.kind not in ("heading", "text", "item"):
        return None
    if block.kind == "heading":
        return _Heading(section_of(plain), plain, strong=block.level <= 1)
    roman = ROMAN.match(plain)
    if roman and len(plain) <= MAX_HEADING:
        title, rest = _split_label(roman.group("t"))
        return _Heading(section_of(title), title, rest)
    numbered = NUMBERED.match(plain)
    text = numbered.group("t") if numbered else plain
    title, rest = _split_label(text)
    section = section_of(title)
    if section is None or len(title) > 80:
        return None
    upper = _letters_upper(title)
    if numbered or (block.kind == "text" and (rest or plain.endswith(":") or upper)):
        return _Heading(section, title, rest, strong=upper and not numbered)
    if block.kind == "item" and (upper or not rest):
        return _Heading(section, title, rest, strong=upper)
    return None


def _split_label(text: str) -> tuple[str, str]:
    title, colon, rest = text.partition(":")
    if colon and len(title) <= 80:
        return title.strip(), rest.strip()
    return text.strip().rstrip(":").strip(), ""


def sentence_case(text: str) -> str:
    """An upper-case heading or name as a sentence ("PHƯƠNG HƯỚNG" → "Phương hướng")."""
    if not _letters_upper(text):
        return text
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


# --- the pass -------------------------------------------------------------------------------


@dataclass
class _Pass:
    blocks: list[Block]
    shape: Shape = field(default_factory=lambda: Shape([]))
    sections: dict[str, list[Block]] = field(default_factory=dict)  # in first-seen order
    current: str = INTRO
    titled: bool = False  # the generic title was seen
    body: bool = False  # a section heading or story text was seen

    def drop(self, block: Block, kind: str) -> None:
        self.shape.dropped.append(Dropped(block.paragraph, kind, block.plain))

    def run(self) -> Shape:
        self.sections[INTRO] = []
        for index, block in enumerate(self.blocks):
            if self.body and self._signature(block):
                for rest in self.blocks[index:]:
                    if rest.plain.strip():
                        self.drop(rest, "signature")
                    elif rest.kind == "picture":
                        self.sections[self.current].append(rest)  # a picture is never dropped
                break
            if not self.body and self._front(block):
                continue
            self._body(block)
        self.shape.blocks = self._story()
        return self.shape

    def _signature(self, block: Block) -> bool:
        if block.kind == "table":
            return any(signature_line(line) for line in re.split(r"\s*\|\s*|\n|\t", block.plain))
        if block.kind not in ("text", "item", "caption"):
            return False
        return any(signature_line(part) for part in block.plain.split("\t")) or self._end_date(block)

    def _end_date(self, block: Block) -> bool:
        if not any(is_date_line(part) for part in block.plain.split("\t")):
            return False
        found = next(filter(None, (date_line(part) for part in block.plain.split("\t"))), None)
        self.shape.date = self.shape.date or found
        return True

    def _front(self, block: Block) -> bool:
        """Letterhead, date, title, subject and name lines before the story: read and left
        out. → whether the block was one of them."""
        plain = block.plain.strip()
        folded = fold(plain)
        if block.kind == "picture" or not plain:
            return False
        if block.kind == "table":
            return self._front_table(block)
        if block.kind == "title" and not GENERIC_TITLE.match(folded):
            if self.shape.name:
                return False
            self._name(plain, block)
            return True
        if block.kind == "heading" and not self.shape.name and not GENERIC_TITLE.match(folded):
            if section_of(plain) is None and len(plain) <= MAX_NAME:
                self._name(plain, block)  # a report that opens with its exemplar's name
                return True
        if national(folded) or (not self.titled and self._agency(plain)):
            self.drop(block, "letterhead")
            return True
        if any(is_date_line(part) for part in plain.split("\t")):
            found = next(filter(None, (date_line(part) for part in plain.split("\t"))), None)
            self.shape.date = self.shape.date or found
            self.drop(block, "date")
            return True
        if GENERIC_TITLE.match(folded):
            self.titled = True
            self.drop(block, "title")
            return True
        return self._front_line(block, plain, folded)

    @staticmethod
    def _agency(plain: str) -> bool:
        return any(AGENCY.match(fold(part)) and _letters_upper(part) for part in plain.split("\t"))

    def _front_line(self, block: Block, plain: str, folded: str) -> bool:
        labelled = _label(plain)
        named = labelled and NAME_LABEL.match(fold(labelled[0])) and 0 < len(labelled[1]) <= MAX_NAME
        if labelled and named and not self.shape.name:
            self._name(labelled[1], block)
            return True
        if labelled and PERSONAL_LABEL.match(fold(labelled[0])):
            self.drop(block, "personal")
            return True
        if SUBJECT.match(folded) or (plain.startswith("(") and plain.endswith(")")):
            if labelled and labelled[1] and not self.shape.name and folded.startswith("de nghi"):
                self._name(labelled[1], block)
                return True
            self.drop(block, "subject")
            return True
        if folded.startswith("cua ") and self.titled and not self.shape.name:
            self._name(plain.split(maxsplit=1)[1], block)
            return True
        if self.titled and not self.shape.name and _heading(block) is None and len(plain) <= MAX_NAME:
            self._name(plain, block)  # the line under the title names the exemplar
            return True
        return False

    def _front_table(self, block: Block) -> bool:
        """A letterhead laid out as a table (agency | national heading, date): left out."""
        cells = [
            part
            for line in block.plain.split("\n")
            for cell in line.split(" | ")
            for part in cell.split("\t")
        ]
        folded = [fold(cell) for cell in cells]
        if not any(
            national(f) or is_date_line(c) or GENERIC_TITLE.match(f)
            for c, f in zip(cells, folded, strict=True)
        ):
            if not any(self._agency(cell) for cell in cells):
                return False
        for cell, words in zip(cells, folded, strict=True):
            self.titled = self.titled or bool(GENERIC_TITLE.match(words))
            self.shape.date = self.shape.date or date_line(cell)
        self.drop(block, "letterhead")
        return True

    def _name(self, text: str, block: Block) -> None:
        name = " ".join(text.strip().strip(".;,").split())
        self.shape.name = sentence_case(name)
        self.shape.name_line = block.plain.strip()
        self.drop(block, "name")

    def _body(self, block: Block) -> None:
        heading = _heading(block)
        if heading is not None and not heading.strong:
            # "1. Hiệu quả kinh tế: …" inside the results is a point of it, not a new section;
            # a numbered line only opens one of the story's own sections.
            if heading.section in (self.current, INTRO, None):
                heading = None
        if heading is not None and block.kind == "heading" and heading.section is None and block.level > 1:
            heading = None  # a Word subheading of its own words stays where it is
        if heading is not None:
            self.body = True
            key = heading.section if heading.section is not None else f"#{sentence_case(heading.title)}"
            self.current = key
            self.sections.setdefault(key, [])
            if heading.rest:
                self.sections[key].append(Block("text", (heading.rest, heading.rest, False), heading.rest))
            return
        if block.kind in ("text", "item") and self._personal(block):
            return
        if block.plain.strip():
            self.body = True
        self.sections[self.current].append(block)

    def _personal(self, block: Block) -> bool:
        labelled = _label(block.plain.strip())
        if labelled and PERSONAL_LABEL.match(fold(labelled[0])) and len(labelled[0]) <= 40:
            self.drop(block, "personal")
            return True
        return False

    def _story(self) -> list[Block]:
        """Introduction, the three sections in the story's order, then the report's other
        sections as they came; an empty section loses its heading."""
        order = [INTRO, *STORY_SECTIONS] + [k for k in self.sections if k.startswith("#")]
        out: list[Block] = []
        for key in order:
            blocks = self.sections.get(key) or []
            if not any(b.plain.strip() or b.kind == "picture" for b in blocks):
                continue
            if key != INTRO:
                title = key[1:] if key.startswith("#") else key
                out.append(Block("heading", f"## {title}", title))
            out += [replace(b) for b in blocks]
        return out


def shape(blocks: list[Block]) -> Shape:
    """The report's story, name, date and the parts left out."""
    return _Pass(blocks).run()
