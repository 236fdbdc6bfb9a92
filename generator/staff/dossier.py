"""The achievement report (báo cáo thành tích) of one exemplar, sent upward with a nomination:
the layout of Mẫu 02 (a collective) and Mẫu 03 (an individual) of Nghị định 98/2023/NĐ-CP,
Phụ lục I, made from the profile, as a document record (printing/document.py) that Word and
PDF print like the other papers.

Shape, kept so the Word import reads it back (name, sections, figures): the national heading;
"BÁO CÁO THÀNH TÍCH"; the subject "Đề nghị …"; a paragraph naming the collective ("Tên tập
thể: …") or the individual ("Họ và tên: …"); the roman-numbered sections, each heading its own
paragraph — I. the story's introduction, II. "1. Cách làm", "2. Kết quả" (with the yearly
figures of the evaluations as a real table), "3. Bài học kinh nghiệm", then the story's other
sections, III. the commendations already received as the forms' two tables — then the
confirmation and signature block."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..messages import common as common_msg
from ..messages import papers as msg
from ..printing.document import (
    DocHeading,
    DocParagraph,
    DocPart,
    DocTable,
    OfficialDocument,
    official_date,
    place_name,
)
from ..records.model import Commendation, Exemplar, Kind, Registry
from ..records.validate import STORY_SECTIONS
from .report import address

# The story's sections (records/validate.py's vocabulary: Cách làm, Kết quả, Bài học kinh
# nghiệm) are part II's, in that order; the yearly figures go under the second.
ACHIEVEMENT_SECTIONS = STORY_SECTIONS
RESULTS = STORY_SECTIONS[1]


@dataclass(frozen=True)
class Dossier:
    """What the officer gives on the command line."""

    date: dt.date
    signer: str = ""
    award: str = ""  # what is proposed; default: the exemplar's latest nomination


@dataclass
class StorySection:
    """One ``## `` section of a story (``heading`` "" for the introduction), as the
    document's paragraphs and tables."""

    heading: str
    parts: list[DocParagraph | DocTable] = field(default_factory=list)


# --- the story, read as paragraphs ---------------------------------------------------------


def story_sections(story: str) -> list[StorySection]:
    """The story's introduction and ``## `` sections; lists become "- " / "1. " paragraphs,
    Markdown tables become tables, pictures and raw HTML are left out (a paper has neither)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(story)
    sections = [StorySection("")]
    reader = _Blocks(tokens)
    for kind, value in reader:
        if kind == "section":
            sections.append(StorySection(str(value)))
        elif isinstance(value, DocTable):
            sections[-1].parts.append(value)
        elif str(value).strip():
            sections[-1].parts.append(DocParagraph(str(value)))
    return sections


class _Blocks:
    """The block tokens of a story as (kind, value): ("section", heading text) for a ``## ``
    heading, ("text", paragraph) and ("table", DocTable) otherwise."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.lists: list[list[int]] = []  # per open list: [next number] (0 for bullets)
        self.prefix = ""

    def __iter__(self) -> Iterator[tuple[str, object]]:
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.type == "table_open":
                table, index = self._table(index)
                yield "table", table
                continue
            found = self._block(token, self.tokens[index + 1] if index + 1 < len(self.tokens) else None)
            if found is not None:
                yield found
            index += 1

    def _block(self, token: Token, following: Token | None) -> tuple[str, object] | None:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            start = int(str(token.attrs.get("start", 1))) if token.type == "ordered_list_open" else 0
            self.lists.append([start])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif token.type == "list_item_open" and self.lists:
            counter = self.lists[-1]
            self.prefix = "- " if counter[0] == 0 else f"{counter[0]}. "
            counter[0] += 1 if counter[0] else 0
        elif token.type == "heading_open" and following is not None:
            text = _inline_text(following)
            return ("section", text) if token.tag == "h2" else ("text", text)
        elif token.type == "paragraph_open" and following is not None:
            text, self.prefix = self.prefix + _inline_text(following), ""
            return "text", text
        elif token.type in ("fence", "code_block"):
            return "text", token.content.strip()
        return None

    def _table(self, index: int) -> tuple[DocTable, int]:
        rows: list[list[str]] = []
        while self.tokens[index].type != "table_close":
            token = self.tokens[index]
            if token.type == "tr_open":
                rows.append([])
            elif token.type == "inline" and rows:
                rows[-1].append(_inline_text(token))
            index += 1
        headers, body = (tuple(rows[0]) if rows else ()), rows[1:]
        width = len(headers)
        cells = tuple(tuple((row + [""] * width)[:width]) for row in body)
        return DocTable("", headers, cells, (1.0,) * width, (False,) * width), index + 1


def _inline_text(token: Token) -> str:
    """The words of an inline token: emphasis dropped, pictures and raw HTML left out."""
    words = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
    return " ".join("".join(words).split())


# --- the document ---------------------------------------------------------------------------


def dossier_document(registry: Registry, exemplar: Exemplar, paper: Dossier) -> OfficialDocument:
    """The achievement report of ``exemplar``: Mẫu 03 for an individual, Mẫu 02 otherwise."""
    individual = exemplar.kind is Kind.individual
    sections = story_sections(exemplar.story)
    commune = registry.commune.name
    name_line = (msg.DOSSIER_NAME_INDIVIDUAL if individual else msg.DOSSIER_NAME_COLLECTIVE).format(
        name=exemplar.name
    )
    parts: list[DocPart] = [
        DocParagraph(name_line),
        DocHeading(msg.DOSSIER_PART_BIOGRAPHY if individual else msg.DOSSIER_PART_CHARACTERISTICS),
        *(sections[0].parts or [DocParagraph(exemplar.summary)]),
        DocHeading(msg.DOSSIER_PART_ACHIEVEMENTS),
        *_achievements(registry, exemplar, sections[1:]),
        DocHeading(msg.DOSSIER_PART_COMMENDATIONS),
        *_commendations(registry, exemplar),
    ]
    unit = address(registry, exemplar)
    confirmation: tuple[str, ...]
    if individual:
        confirmation, signer_title = msg.DOSSIER_CONFIRM_INDIVIDUAL, msg.DOSSIER_SIGNER_INDIVIDUAL
        signer_note, signer = msg.DOSSIER_SIGN_NAME, paper.signer or exemplar.name
    else:
        confirmation, signer_title = msg.DOSSIER_CONFIRM_COLLECTIVE, msg.DOSSIER_SIGNER_COLLECTIVE
        signer_note, signer = msg.DOSSIER_SIGN_SEAL, paper.signer
    # Mẫu 02's heading: the level above, then the unit (its hamlet or organization).
    issuer = (msg.DOSSIER_SUPERIOR.format(commune=commune).upper(), *((unit.upper(),) if unit else ()))
    return OfficialDocument(
        issuer=() if individual else issuer,
        number="",
        place_date=f"{place_name(commune)}, {official_date(paper.date)}",
        kind=msg.DOSSIER_KIND,
        subject=(proposal(registry, exemplar, paper.award),),
        parts=tuple(parts),
        recipients=(),
        authority=signer_title,
        signer_title="",
        signer_name=signer,
        signer_note=signer_note,
        confirmation=confirmation,
        confirmation_note=msg.DOSSIER_SIGN_SEAL,
        title=msg.DOSSIER_FILE_TITLE.format(name=exemplar.name),
    )


def proposal(registry: Registry, exemplar: Exemplar, award: str = "") -> str:
    """The subject line "Đề nghị …": the award given, else the exemplar's latest nomination
    (its highest level that year), else a general proposal."""
    order = list(common_msg.NOMINATION_LEVELS)
    text = award.strip()
    if not text and exemplar.nominations:
        latest = max(exemplar.nominations, key=lambda n: (n.year, order.index(n.level.value)))
        text = latest.award or msg.DOSSIER_CONGRESS.format(congress=latest.congress or "")
    if not text:
        return msg.DOSSIER_PROPOSAL_DEFAULT
    if text.casefold().startswith(msg.DOSSIER_PROPOSE.casefold()):
        return text
    return f"{msg.DOSSIER_PROPOSE} {text[:1].lower()}{text[1:]}"


def _achievements(registry: Registry, exemplar: Exemplar, sections: list[StorySection]) -> list[DocPart]:
    """Part II: the forms' sections from the story in their order, the yearly figures under
    "Kết quả", the story's other sections after them."""
    by_heading = {_key(s.heading): s for s in sections}
    # The forms' sections under their own words, whatever case or colon the story gave them.
    ordered = [
        StorySection(h, by_heading[_key(h)].parts if _key(h) in by_heading else [])
        for h in ACHIEVEMENT_SECTIONS
    ]
    named = {_key(h) for h in ACHIEVEMENT_SECTIONS}
    ordered += [s for s in sections if _key(s.heading) not in named]
    # The forms do not ask for lessons: no empty heading for them.
    lessons = _key(ACHIEVEMENT_SECTIONS[2])
    kept = [s for s in ordered if s.parts or _key(s.heading) != lessons]
    parts: list[DocPart] = []
    for number, section in enumerate(kept, start=1):
        parts.append(DocHeading(f"{number}. {section.heading.rstrip(':').strip()}", level=2))
        parts += section.parts or [DocParagraph(msg.DOSSIER_TO_WRITE)]
        if _key(section.heading) == _key(RESULTS):
            parts.append(figures_table(registry, exemplar))
    return parts


def _key(heading: str) -> str:
    """A heading as compared: "Kết quả:" and "kết quả" are one section."""
    return " ".join(heading.rstrip(":").split()).casefold()


def figures_table(registry: Registry, exemplar: Exemplar) -> DocTable:
    """Each yearly evaluation as a row: year, result, then the figures the profile records,
    in the registry's order, with their units."""
    evaluations = sorted(exemplar.evaluations, key=lambda v: v.year)
    used = [f for f in registry.figures if any(f.code in v.figures for v in evaluations)]
    results = registry.table("evaluation_results")
    headers = (
        msg.DOSSIER_YEAR,
        msg.DOSSIER_RESULT,
        *(msg.DOSSIER_FIGURE.format(label=f.label, unit=f.unit) for f in used),
    )
    rows = tuple(
        (
            str(v.year),
            str(results[v.result].name),
            *(number_text(v.figures[f.code]) if f.code in v.figures else "" for f in used),
        )
        for v in evaluations
    )
    widths = (0.8, 1.4, *(1.2 for _ in used))
    numeric = (False, False, *(True for _ in used))
    return DocTable(msg.DOSSIER_FIGURES_CAPTION, headers, rows, widths, numeric, msg.DOSSIER_NO_EVALUATION)


def number_text(value: float) -> str:
    """A figure as written in Vietnamese: 5,5 and 1.250 (no ".0")."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{value:,.2f}".rstrip("0").partition(".")
    return f"{whole.replace(',', '.')},{fraction}"


def _commendations(registry: Registry, exemplar: Exemplar) -> list[DocPart]:
    """Part III as the forms have it: the emulation titles, then the other forms."""
    forms = registry.table("commendation_forms")

    def is_title(c: Commendation) -> bool:
        # Mẫu 02/03 list titles (danh hiệu thi đua) apart from awards; the registry marks
        # them only by name.
        return str(forms[c.form].name).casefold().startswith(msg.DOSSIER_TITLE_WORD)

    received = sorted(exemplar.commendations, key=lambda c: c.date)
    parts: list[DocPart] = []
    for heading, column, found in (
        (msg.DOSSIER_TITLES, msg.DOSSIER_TITLE_COLUMN, [c for c in received if is_title(c)]),
        (msg.DOSSIER_AWARDS, msg.DOSSIER_AWARD_COLUMN, [c for c in received if not is_title(c)]),
    ):
        rows = tuple(_commendation_row(registry, c) for c in found)
        parts.append(DocHeading(heading, level=2))
        headers = (msg.DOSSIER_YEAR, column, msg.DOSSIER_DECISION_COLUMN)
        parts.append(DocTable("", headers, rows, (0.8, 3.0, 3.2), (False,) * 3, msg.DOSSIER_NONE))
    return parts


def _commendation_row(registry: Registry, commendation: Commendation) -> tuple[str, str, str]:
    form = registry.table("commendation_forms")[commendation.form].name
    level = registry.table("commendation_levels")[commendation.level].name
    what = msg.DOSSIER_COMMENDATION.format(form=form, level=str(level).lower())
    if commendation.reason:
        what += f": {commendation.reason}"
    decision = msg.DOSSIER_DECIDED.format(
        date=commendation.date.strftime("%d/%m/%Y"), issuer=commendation.issuer
    )
    return str(commendation.date.year), what, decision
