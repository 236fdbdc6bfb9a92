"""A Word achievement report (“Báo cáo thành tích”, .docx) read with python-docx into what a
profile needs: its title (the exemplar's name), the story in Markdown (headings, paragraphs,
bulleted and numbered lists, bold and italic, tables), and its pictures with the caption
written under each. Whatever cannot become Markdown (text boxes, SmartArt, charts, comments,
tracked changes, equations, embedded objects) is reported by name and place, never dropped
silently; text in the legacy TCVN3/VNI fonts is converted to Unicode and reported."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree
from PIL import Image

from ..messages import intake as msg
from ..records import legacy_fonts
from ..records.privacy import find_personal_data
from .drafts import normalize as fold
from .report_shape import GENERIC_TITLE, Block, Dropped, shape

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Word, or an encrypted .docx
PICTURE_PREFIX = "bao-cao-anh-"
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "v": "urn:schemas-microsoft-com:vml",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}
# What cannot be converted, by how it shows in a paragraph's XML.
UNSUPPORTED = (
    ("text_box", ".//w:txbxContent"),
    ("smartart", ".//a:graphicData[@uri='http://schemas.openxmlformats.org/drawingml/2006/diagram']"),
    ("chart", ".//a:graphicData[@uri='http://schemas.openxmlformats.org/drawingml/2006/chart']"),
    ("equation", ".//m:oMath"),
    ("embedded_object", ".//w:object"),
    ("tracked_change", ".//w:ins|.//w:del|.//w:moveFrom|.//w:moveTo"),
    ("comment", ".//w:commentRangeStart|.//w:commentReference"),
    ("footnote", ".//w:footnoteReference|.//w:endnoteReference"),
)
KEPT_FORMATS = {"JPEG": ".jpg", "PNG": ".png"}
# Bounds on what a report may unpack to and how wide its tables may say they are: a small
# hostile file must not take gigabytes or run for ever.
MAX_UNPACKED_MB = 200
MAX_COLUMNS = 64
RUNS = "./w:r|./w:hyperlink/w:r|./w:ins/w:r|./w:smartTag/w:r|./w:fldSimple/w:r|./w:sdt/w:sdtContent/w:r"
_CAPTION_START = re.compile(rf"^({'|'.join(msg.DOCX_CAPTION_WORDS)})\b", re.IGNORECASE)
_ESCAPE = re.compile(r"([\\`*_\[\]<])")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(\s)")


@dataclass(frozen=True)
class Note:
    """Something of the report the profile does not hold as it was: where and what."""

    paragraph: int  # 1-based, counting the document's paragraphs in order (0: the whole file)
    snippet: str
    message: str


@dataclass(frozen=True)
class Picture:
    name: str
    data: bytes
    caption: str
    alt: str = ""


@dataclass(frozen=True)
class Report:
    title: str | None  # the exemplar's name, as the report gives it (never its generic title)
    story: str
    pictures: tuple[Picture, ...]
    notes: tuple[Note, ...]
    date: dt.date | None = None  # the report's own date line
    has_text: bool = True  # False: pictures only (a scanned report)


def refusal(path: Path) -> str | None:
    """Why a file cannot be read as a Word report, in words that say what to do."""
    if not path.is_file():
        return msg.DOCX_MISSING.format(path=path)
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == OLE_MAGIC:
            handle.seek(0)
            # An encrypted .docx is an OLE file holding an "EncryptedPackage" stream.
            encrypted = "EncryptedPackage".encode("utf-16-le") in handle.read(1 << 20)
            return msg.DOCX_PASSWORD if encrypted else msg.DOCX_OLD_WORD
    if path.suffix.lower() == ".doc":
        return msg.DOCX_OLD_WORD
    if not zipfile.is_zipfile(path):
        return msg.DOCX_CORRUPT
    try:
        with zipfile.ZipFile(path) as archive:
            # Each entry's stated size bounds what it unpacks to (zipfile stops there).
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return msg.DOCX_CORRUPT
    if unpacked > MAX_UNPACKED_MB * 2**20:
        return msg.docx_too_large(MAX_UNPACKED_MB)
    return None


def read_report(path: Path) -> Report | str:
    """The report in ``path``, or a Vietnamese message saying why it cannot be read."""
    refused = refusal(path)
    if refused is not None:
        return refused
    try:
        document = Document(str(path))
    except Exception:  # noqa: BLE001 - any parser failure on an untrusted file is a corrupt file
        return msg.DOCX_CORRUPT
    reader = _Reader(document)
    try:
        return reader.read()
    except Exception:  # noqa: BLE001 - a malformed part python-docx trips over: said, not a traceback
        return msg.DOCX_CORRUPT


def _xpath(element: Any, expression: str, **variables: str) -> list[Any]:
    """XPath with every namespace a report may use (python-docx's own map lacks VML's)."""
    found: list[Any] = etree._Element.xpath(element, expression, namespaces=NS, **variables)
    return found


def _small_int(value: str | None, limit: int) -> int:
    """A number attribute of the document, 0 when it is not a number in 0…limit."""
    return int(value) if value is not None and value.isdigit() and int(value) <= limit else 0


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def _snippet(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= 60 else words[:57].rstrip() + "…"


@dataclass
class _Reader:
    document: DocxDocument
    paragraph: int = 0
    blocks: list[Block] = field(default_factory=list)  # in the document's order
    notes: list[Note] = field(default_factory=list)
    pictures: list[tuple[bytes, str]] = field(default_factory=list)  # (blob, alt) as found
    styles: dict[str, Any] = field(default_factory=dict)  # style id → style (looked up once)

    def read(self) -> Report:
        # python-docx finds a paragraph's style by scanning every style each time: once here.
        self.styles = {style.style_id: style for style in self.document.styles}
        self.styles[""] = self.document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._note_parts()
        for item in self._body(self.document.element.body):
            if isinstance(item, Table):
                self._table(item)
            else:
                self._paragraph(item)
        has_text = any(b.plain.strip() for b in self.blocks)
        shaped = shape(self.blocks)
        self.blocks = shaped.blocks
        self._note_dropped(shaped.dropped)
        story, pictures = self._assemble()
        self._note_personal_data(story)
        title = shaped.name or self._document_title()
        return Report(title, story, pictures, tuple(self.notes), shaped.date, has_text)

    def _document_title(self) -> str | None:
        """The title in the file's properties, unless it is the generic one or empty."""
        title = " ".join((self.document.core_properties.title or "").split())
        return title if title and not GENERIC_TITLE.match(fold(title)) else None

    def _note_dropped(self, dropped: list[Dropped]) -> None:
        """What was left out of the story, one note per run of the same kind; personal data
        in it named."""
        groups: list[list[Dropped]] = []
        for part in dropped:
            if groups and groups[-1][0].kind == part.kind:
                groups[-1].append(part)
            else:
                groups.append([part])
        for group in groups:
            text = " / ".join(" ".join(p.snippet.split()) for p in group)
            found = sorted({msg.personal_kind(f.kind) for p in group for f in find_personal_data(p.snippet)})
            message = msg.DOCX_DROPPED[group[0].kind]
            if found:
                message += " " + msg.DOCX_DROPPED_PERSONAL.format(kinds=", ".join(found))
            self.notes.append(Note(group[0].paragraph, _snippet(text), message))

    def _note_personal_data(self, story: str) -> None:
        for finding in find_personal_data(story):
            self.notes.append(Note(0, "", msg.docx_personal_data(finding.kind, finding.text)))

    # --- walking the document --------------------------------------------------------------

    def _body(self, element: Any) -> Iterator[Paragraph | Table]:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                yield Paragraph(child, self.document._body)
            elif child.tag == qn("w:tbl"):
                yield Table(child, self.document._body)
            elif child.tag == qn("w:sdt"):  # a content control: its content, in place
                for content in child.iterchildren(qn("w:sdtContent")):
                    yield from self._body(content)

    def _style(self, paragraph: Paragraph) -> Any:
        found = _xpath(paragraph._p, "./w:pPr/w:pStyle/@w:val")
        return self.styles.get(str(found[0]) if found else "") or self.styles[""]

    def _style_name(self, paragraph: Paragraph) -> str:
        style = self._style(paragraph)
        return str(style.name) if style is not None and style.name else ""

    def _note(self, kind: str, snippet: str = "", **values: Any) -> None:
        self.notes.append(Note(self.paragraph, snippet, msg.DOCX_NOTES[kind].format(**values)))

    def _note_parts(self) -> None:
        """Parts of the file outside the body: comments, headers and footers."""
        part = self.document.part
        for rel in part.rels.values():
            if rel.reltype.endswith("/comments"):
                self.notes.append(Note(0, "", msg.DOCX_NOTES["comments_part"]))
        for section in self.document.sections:
            for kind, block in (("header", section.header), ("footer", section.footer)):
                if block.is_linked_to_previous:
                    continue
                text = " ".join(p.text for p in block.paragraphs).strip()
                if text:
                    self.notes.append(Note(0, _snippet(text), msg.DOCX_NOTES[kind]))

    def _paragraph(self, paragraph: Paragraph) -> None:
        self.paragraph += 1
        element = paragraph._p
        text, raw = self._text(paragraph)
        plain = _plain(raw)
        for kind, xpath in UNSUPPORTED:
            found = _xpath(element, xpath)
            if found:
                inner = "".join(_xpath(found[0], ".//w:t/text()")) if kind == "text_box" else plain
                self._note(kind, _snippet(inner))
        for blob, alt in self._pictures_in(element):
            self.pictures.append((blob, alt))
            self.blocks.append(Block("picture", len(self.pictures) - 1, "", self.paragraph))
        style = self._style_name(paragraph)
        if not plain:
            return
        number = self.paragraph
        level = self._heading_level(paragraph, style)
        listed = self._list_kind(paragraph)
        if style == "Title":
            self.blocks.append(Block("title", text, plain, number))
        elif level:
            self.blocks.append(Block("heading", "#" * min(level + 1, 6) + " " + text, plain, number, level))
        elif style == "Caption":
            self.blocks.append(Block("caption", plain, plain, number))
        elif listed is not None:
            self.blocks.append(Block("item", (*listed, text), plain, number))
        else:
            self.blocks.append(Block("text", (text, plain, self._all_italic(paragraph)), plain, number))

    def _heading_level(self, paragraph: Paragraph, style: str) -> int:
        match = re.match(r"^Heading (\d)$", style)
        return int(match.group(1)) if match else 0

    def _list_kind(self, paragraph: Paragraph) -> tuple[str, int] | None:
        """("bullet" | "number", depth) of a list paragraph, from its numbering or style."""
        style = self._style_name(paragraph)
        num_pr = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None:
            if style.startswith("List Bullet"):
                return "bullet", 0
            if style.startswith("List Number"):
                return "number", 0
            return None
        level_el = num_pr.find(qn("w:ilvl"))
        num_el = num_pr.find(qn("w:numId"))
        depth = _small_int(level_el.get(qn("w:val")) if level_el is not None else None, 8)
        number = _small_int(num_el.get(qn("w:val")) if num_el is not None else None, 10**6)
        if number == 0:
            return None
        return self._number_format(number, depth), depth

    def _number_format(self, number: int, depth: int) -> str:
        try:
            numbering = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return "bullet"
        # The document's values go in as XPath variables, never into the expression's text.
        abstract = _xpath(numbering, "./w:num[@w:numId=$n]/w:abstractNumId/@w:val", n=str(number))
        if not abstract:
            return "bullet"
        formats = _xpath(
            numbering,
            "./w:abstractNum[@w:abstractNumId=$a]/w:lvl[@w:ilvl=$d]/w:numFmt/@w:val",
            a=str(abstract[0]),
            d=str(depth),
        )
        return "bullet" if not formats or formats[0] == "bullet" else "number"

    def _all_italic(self, paragraph: Paragraph) -> bool:
        runs = [r for r in self._runs(paragraph) if r.text.strip()]
        return bool(runs) and all(r.italic for r in runs)

    def _runs(self, paragraph: Paragraph) -> list[Run]:
        return [Run(r, paragraph) for r in _xpath(paragraph._p, RUNS)]

    def _pictures_in(self, element: Any) -> Iterator[tuple[bytes, str]]:
        """Pictures of a paragraph (not those inside a text box or SmartArt, reported apart)."""
        related = self.document.part.related_parts
        for drawing in _xpath(element, ".//w:drawing[not(ancestor::w:txbxContent)]"):
            alt = "".join(_xpath(drawing, ".//wp:docPr/@descr"))
            for rid in _xpath(drawing, ".//a:blip/@r:embed"):
                if rid in related:
                    yield related[rid].blob, alt
        for rid in _xpath(element, ".//w:pict//v:imagedata/@r:id"):
            if rid in related:
                yield related[rid].blob, ""
        if _xpath(element, ".//a:blip/@r:link|.//v:imagedata[not(@r:id)]/@r:href"):
            self._note("linked_picture")

    # --- text ------------------------------------------------------------------------------

    def _font(self, run: Run, paragraph: Paragraph) -> str | None:
        """The font Word draws a run's accented letters with (its high-ANSI font)."""
        style = self._style(paragraph)
        for owner in (run._r, style.element if style is not None else None):
            if owner is None:
                continue
            fonts = owner.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            if fonts is not None:
                name = fonts.get(qn("w:hAnsi")) or fonts.get(qn("w:ascii"))
                if name:
                    return str(name)
        return None

    def _run_text(self, run: Run, paragraph: Paragraph, found: set[str]) -> tuple[str, bool]:
        """A run's text, converted when its font is a legacy one; and whether it was."""
        text = run.text
        legacy = legacy_fonts.encoding_of_font(self._font(run, paragraph))
        if legacy is not None:
            found.add(f"{legacy[0].value} ({self._font(run, paragraph)})")
            return legacy_fonts.convert(text, *legacy), True
        return text, False

    def _text(self, paragraph: Paragraph) -> tuple[str, str]:
        """The paragraph's text as Markdown (bold and italic kept, legacy fonts converted),
        and as typed (tabs and line breaks kept: a letterhead's columns). Text without a
        legacy font is converted only on the evidence of the whole paragraph."""
        runs: list[tuple[str, bool, bool, bool]] = []
        found: set[str] = set()
        for run in self._runs(paragraph):
            text, converted = self._run_text(run, paragraph, found)
            if text:
                runs.append((text, converted, bool(run.bold), bool(run.italic)))
        pasted = "".join(text for text, converted, _, _ in runs if not converted)
        guessed = legacy_fonts.guess(pasted) if pasted else None
        if guessed is not None:
            found.add(guessed.value)
        parts = [
            (legacy_fonts.convert(text, guessed) if guessed and not converted else text, bold, italic)
            for text, converted, bold, italic in runs
        ]
        raw = "".join(text for text, _, _ in parts)
        if found:
            self._note("legacy_font", _snippet(raw), encoding=", ".join(sorted(found)))
        return _markdown(parts), raw

    # --- tables ----------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        self.paragraph += 1
        if _xpath(table._tbl, ".//w:tbl"):
            self._note("nested_table", "")
        if _xpath(table._tbl, ".//w:drawing|.//w:pict"):
            self._note("table_picture", "")
        rows: list[list[str]] = []
        plain: list[list[str]] = []
        for row in _xpath(table._tbl, "./w:tr"):
            cells, words = self._row(row, table)
            rows.append(cells)
            plain.append(words)
        if not rows:
            return
        width = max(len(r) for r in rows)
        if width > MAX_COLUMNS:
            self._note("wide_table", "", columns=MAX_COLUMNS)
            width = MAX_COLUMNS
            rows, plain = [r[:width] for r in rows], [r[:width] for r in plain]
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        text = "\n".join(" | ".join(row) for row in plain)
        self.blocks.append(Block("table", "\n".join(lines), text, self.paragraph))

    def _row(self, row: Any, table: Table) -> tuple[list[str], list[str]]:
        """A table row's cells as Markdown and as words, read from the XML itself: a cell
        spanning columns (``gridSpan``, bounded) leaves the columns it covers empty, a cell
        merged with the one above (``vMerge``) is empty, whatever the first row says."""
        cells: list[str] = []
        words: list[str] = []
        for cell in _xpath(row, "./w:tc|./w:sdt/w:sdtContent/w:tc"):
            paragraphs = [Paragraph(p, table) for p in _xpath(cell, "./w:p")]
            texts = [self._text(p) for p in paragraphs if p.text.strip()]
            cells.append(" ".join(md for md, _ in texts).replace("|", "\\|").replace("\n", " "))
            words.append("\t".join(_plain(raw) for _, raw in texts))  # each paragraph apart
            stated = str(next(iter(_xpath(cell, "./w:tcPr/w:gridSpan/@w:val")), "1"))
            span = min(int(stated), MAX_COLUMNS + 1) if stated.isdigit() else 1
            extra = min(max(span - 1, 0), MAX_COLUMNS + 1 - len(cells))
            cells += [""] * extra
            words += [""] * extra
            if len(cells) > MAX_COLUMNS:
                break
        return cells, words

    # --- assembling ------------------------------------------------------------------------

    def _picture(self, index: int, caption: str | None) -> Picture | Note:
        blob, alt = self.pictures[index]
        number = index + 1
        try:
            with Image.open(io.BytesIO(blob)) as image:
                kind = image.format or ""
                if kind in KEPT_FORMATS:
                    data, suffix = blob, KEPT_FORMATS[kind]
                else:
                    out = io.BytesIO()
                    image.convert("RGB").save(out, format="PNG")
                    data, suffix = out.getvalue(), ".png"
        except Exception:  # noqa: BLE001 - EMF/WMF drawings and broken pictures: reported
            return Note(0, "", msg.DOCX_NOTES["picture_unusable"].format(number=number))
        text = caption or alt.strip() or msg.DOCX_NO_CAPTION.format(number=number)
        return Picture(f"{PICTURE_PREFIX}{number}{suffix}", data, text, alt.strip())

    def _assemble(self) -> tuple[str, tuple[Picture, ...]]:
        lines: list[str] = []
        pictures: list[Picture] = []
        blocks = self.blocks
        index = 0
        previous = ""
        while index < len(blocks):
            kind, value = blocks[index].kind, blocks[index].value
            if kind == "picture":
                caption, used = self._caption_after(index)
                found = self._picture(int(value), caption)
                if isinstance(found, Note):
                    self.notes.append(found)
                else:
                    if caption is None:
                        missing = msg.DOCX_NOTES["no_caption"].format(number=int(value) + 1)
                        self.notes.append(Note(0, "", missing))
                    pictures.append(found)
                    lines += ["", f"![{_escape(found.caption)}]({found.name})"]
                index += 1 + used
                previous = kind
                continue
            if kind == "item":
                style, depth, text = value
                marker = "-" if style == "bullet" else "1."
                if previous != "item":
                    lines.append("")
                lines.append("   " * depth + f"{marker} {_block_text(text)}")
            elif kind in ("heading", "table"):
                lines += ["", str(value)]
            elif kind == "caption":  # a caption with no picture above it: a line in italics
                lines += ["", f"*{_escape(str(value))}*"]
            elif kind == "title":  # a second Title-styled line: a paragraph of the story
                lines += ["", _block_text(str(value))]
            else:
                lines += ["", _block_text(value[0])]
            previous = kind
            index += 1
        story = "\n".join(lines).strip("\n")
        return ("\n" + story + "\n") if story else "\n", tuple(pictures)

    def _caption_after(self, index: int) -> tuple[str | None, int]:
        """The caption paragraph right under a picture (a “Caption” paragraph, or a short one
        in italics or starting with “Ảnh”/“Hình”), and how many blocks it takes."""
        if index + 1 >= len(self.blocks):
            return None, 0
        kind, value = self.blocks[index + 1].kind, self.blocks[index + 1].value
        if kind == "caption":
            return str(value), 1
        if kind == "text":
            _, plain, italic = value
            if len(plain) <= 200 and (italic or _CAPTION_START.match(plain)):
                return str(plain), 1
        return None, 0


def _plain(raw: str) -> str:
    """The words of a paragraph as typed, its tab- or break-separated columns kept apart by a
    tab."""
    parts = re.split(r"[\t\n\r\v]+", raw)
    return "\t".join(" ".join(part.split()) for part in parts if part.strip())


def _block_text(text: str) -> str:
    """A paragraph's first characters never start a Markdown block by accident."""
    return _LINE_START.sub(r"\1\\\2\3", text)


def _markdown(parts: list[tuple[str, bool, bool]]) -> str:
    """Runs → Markdown: neighbours with the same emphasis joined, markers around words only."""
    merged: list[list[Any]] = []
    for text, bold, italic in parts:
        if merged and merged[-1][1] == bold and merged[-1][2] == italic:
            merged[-1][0] += text
        else:
            merged.append([text, bold, italic])
    out = []
    for text, bold, italic in merged:
        escaped = _escape(text).replace("\t", " ").replace("\n", " ")
        core = escaped.strip()
        if not core or not (bold or italic):
            out.append(escaped)
            continue
        marker = "***" if bold and italic else "**" if bold else "*"
        lead = escaped[: len(escaped) - len(escaped.lstrip())]
        trail = escaped[len(escaped.rstrip()) :]
        out.append(f"{lead}{marker}{core}{marker}{trail}")
    return "".join(out).strip()
