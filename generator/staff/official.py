"""The official papers a higher level accepts, as document records (printing/document.py):
the report (yearly, for a period's summary conference, or up to today) and the nomination
list (danh sách đề nghị khen thưởng, biểu dương). Every figure comes from the Overview, which
is computed from one scoped view of the records (scope.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..messages import common as common_msg
from ..messages import papers as msg
from ..printing.document import (
    DocHeading,
    DocParagraph,
    DocPart,
    DocTable,
    OfficialDocument,
    issuer_lines,
    number_line,
    official_date,
    place_name,
)
from ..records import periods
from ..records.model import Registry
from .report import NominationRow, Overview, Section, coverage_line, scope_words, sections, shown
from .scope import Scope, ScopeKind
from .workbook import Heading, new_workbook, save, table_sheet


@dataclass(frozen=True)
class Paperwork:
    """What the officer gives on the command line: number, date, signer, recipients."""

    date: dt.date
    number: str | None = None
    signer: str = ""
    recipients: tuple[str, ...] = msg.DOC_RECIPIENTS_DEFAULT


def _scope_words(scope: Scope, as_of: dt.date) -> str:
    if scope.period is not None:
        return msg.DOC_SCOPE_PERIOD.format(period=scope.period.name.lower())
    if scope.first is not None:
        return msg.DOC_SCOPE_YEAR.format(year=scope.first)
    return msg.DOC_SCOPE_ALL.format(date=as_of.strftime("%d/%m/%Y"))


def _subject(scope: Scope, as_of: dt.date) -> str:
    if scope.period is not None:
        return msg.DOC_REPORT_SUBJECT_PERIOD.format(period=scope.period.name.lower())
    if scope.first is not None:
        return msg.DOC_REPORT_SUBJECT_YEAR.format(year=scope.first)
    return msg.DOC_REPORT_SUBJECT_ALL.format(date=as_of.strftime("%d/%m/%Y"))


class _Tables:
    """Numbers the body's tables in order (Bảng 1, Bảng 2…) from the report's sections."""

    def __init__(self, overview: Overview) -> None:
        self.by_sheet = {s.sheet: s for s in sections(overview)}
        self.count = 0

    def table(self, sheet: str) -> DocTable:
        section = self.by_sheet[sheet]
        self.count += 1
        return _doc_table(section, msg.DOC_TABLE.format(number=self.count, title=section.title))

    def rows(self, sheet: str) -> int:
        return len(self.by_sheet[sheet].rows)


def _doc_table(section: Section, caption: str) -> DocTable:
    numeric = tuple(
        bool(section.rows) and all(isinstance(r[i], int) for r in section.rows)
        for i in range(len(section.headers))
    )
    widths = tuple(
        0.6 if h == msg.REPORT_NUMBER else (1.0 if numeric[i] else 3.0) for i, h in enumerate(section.headers)
    )
    rows = tuple(tuple(shown(v) for v in row) for row in section.rows)
    return DocTable(caption, section.headers, rows, widths, numeric, msg.DOC_NONE_TEXT)


def _kinds_text(overview: Overview) -> str:
    return ", ".join(
        f"{count} {name.lower()}"
        for name, count in zip(common_msg.KIND_NAMES.values(), overview.by_kind, strict=True)
    )


def _registered_text(overview: Overview) -> str:
    """How many exemplars, as the secretary writes it: within a year or a period, those in the
    programme then (however long ago they registered), and the new registrations as their own
    sentence; then the hamlets without a published exemplar."""
    kinds = _kinds_text(overview)
    if not overview.scoped:
        counted = msg.DOC_REGISTERED_TEXT.format(
            registered=overview.in_programme, kinds=kinds, published=overview.published
        )
    else:
        words = scope_words(overview.scope)
        counted = msg.DOC_IN_PROGRAMME_TEXT.format(
            scope=words, count=overview.in_programme, kinds=kinds, published=overview.published
        )
        new = (
            msg.DOC_NEW_TEXT.format(scope=words, count=overview.registered)
            if overview.registered
            else msg.DOC_NO_NEW.format(scope=words)
        )
        counted = f"{counted} {new}"
    hamlets = msg.DOC_ALL_HAMLETS if not overview.hamlets_without else coverage_line(overview)
    return f"{counted} {hamlets}"


def _registrations(overview: Overview, tables: _Tables) -> list[DocPart]:
    parts: list[DocPart] = [
        DocHeading(msg.DOC_PART_REGISTRATIONS),
        DocParagraph(_registered_text(overview)),
    ]
    if overview.late:
        parts.append(DocParagraph(msg.DOC_LATE_TEXT.format(count=len(overview.late))))
    for sheet in (
        msg.REPORT_SHEET_HAMLETS,
        msg.REPORT_SHEET_ORGANIZATIONS,
        msg.REPORT_SHEET_FIELDS,
        msg.REPORT_SHEET_LIST,
    ):
        parts += [tables.table(sheet)]
    return parts


def _evaluations(overview: Overview, tables: _Tables) -> list[DocPart]:
    evaluated = sum(v.total for v in overview.evaluations)
    text = msg.DOC_EVALUATED_TEXT.format(count=evaluated, missing=len(overview.missing_evaluations))
    parts: list[DocPart] = [DocHeading(msg.DOC_PART_EVALUATIONS), DocParagraph(text)]
    parts.append(tables.table(msg.REPORT_SHEET_EVALUATIONS))
    if overview.missing_evaluations:
        parts.append(tables.table(msg.REPORT_SHEET_MISSING))
    return parts


def _commendations(overview: Overview, tables: _Tables) -> list[DocPart]:
    count = sum(c.total for c in overview.commendations)
    return [
        DocHeading(msg.DOC_PART_COMMENDATIONS),
        DocParagraph(msg.DOC_COMMENDED_TEXT.format(count=count)),
        tables.table(msg.REPORT_SHEET_COMMENDATIONS),
    ]


def _replications(overview: Overview, tables: _Tables) -> list[DocPart]:
    units = sum(r.units for r in overview.replications)
    text = msg.DOC_REPLICATED_TEXT.format(count=len(overview.replications), units=units)
    return [
        DocHeading(msg.DOC_PART_REPLICATIONS),
        DocParagraph(text),
        tables.table(msg.REPORT_SHEET_REPLICATIONS),
    ]


def _nominations(overview: Overview, tables: _Tables) -> list[DocPart]:
    commune = sum(n.level_code == "commune" for n in overview.nominations)
    text = msg.DOC_NOMINATED_TEXT.format(commune=commune, upward=len(overview.nominations) - commune)
    return [
        DocHeading(msg.DOC_PART_NOMINATIONS),
        DocParagraph(text),
        tables.table(msg.REPORT_SHEET_NOMINATIONS),
    ]


def _period_summary(scope: Scope) -> list[DocPart]:
    if scope.kind is not ScopeKind.period or scope.period is None:
        return []
    summary = scope.period.summary
    if summary is None:
        return [DocHeading(msg.DOC_PART_SUMMARY), DocParagraph(msg.DOC_PERIOD_NO_RESULT)]
    paragraphs = [p.strip().replace("\n", " ") for p in summary.text.split("\n\n") if p.strip()]
    return [
        DocHeading(msg.DOC_PART_SUMMARY),
        DocParagraph(msg.DOC_PERIOD_RESULT.format(date=summary.date.strftime("%d/%m/%Y"))),
        *(DocParagraph(p) for p in paragraphs),
    ]


def report_document(registry: Registry, overview: Overview, paper: Paperwork) -> OfficialDocument:
    """The report as the decree lays it out, with every table of the overview."""
    commune = registry.commune.name
    scope = overview.scope
    plan = periods.plan_title(registry, dt.date(scope.first, 1, 1) if scope.first else None)
    tables = _Tables(overview)
    parts: list[DocPart] = [
        DocParagraph(
            msg.DOC_INTRO.format(
                plan=plan or msg.DOC_REPORT, commune=commune, scope=_scope_words(scope, overview.generated)
            )
        )
    ]
    for step in (_registrations, _evaluations, _commendations, _replications, _nominations):
        parts += step(overview, tables)
    parts += _period_summary(scope)
    parts.append(
        DocParagraph(msg.DOC_CLOSING.format(scope=_scope_words(scope, overview.generated), commune=commune))
    )
    return OfficialDocument(
        issuer=issuer_lines(commune),
        number=number_line(paper.number, msg.DOC_SYMBOL_REPORT),
        place_date=f"{place_name(commune)}, {official_date(paper.date)}",
        kind=msg.DOC_REPORT,
        subject=(_subject(scope, overview.generated),),
        parts=tuple(parts),
        recipients=paper.recipients,
        authority=msg.DOC_AUTHORITY,
        signer_title=msg.DOC_SIGNER_TITLE,
        signer_name=paper.signer,
    )


# --- nomination list ----------------------------------------------------------------------


ROMAN = ("I", "II", "III", "IV", "V", "VI")


def nomination_groups(overview: Overview) -> list[tuple[str, tuple[NominationRow, ...]]]:
    """The nominations by level, each group titled: the commune's own conference first, then
    the proposals upward. Empty groups are left out."""
    groups = []
    for code, title in msg.DOC_LIST_GROUPS.items():
        rows = tuple(n for n in overview.nominations if n.level_code == code)
        if rows:
            groups.append((title, rows))
    return groups


def nomination_rows(rows: Sequence[NominationRow], start: int = 1) -> tuple[tuple[object, ...], ...]:
    """STT, name, address, achievements in short, level, the form proposed: the usual layout
    with the level of each row."""
    return tuple(
        (number, n.name, n.address, n.summary, n.level, f"{n.proposal} ({n.years_text})")
        for number, n in enumerate(rows, start=start)
    )


def list_subject(scope: Scope) -> str:
    if scope.period is not None:
        words = msg.DOC_LIST_SCOPE_PERIOD.format(period=scope.period.name.lower())
    elif scope.first is not None:
        words = msg.DOC_LIST_SCOPE_YEAR.format(year=scope.first)
    else:
        words = ""
    return msg.DOC_LIST_SUBJECT.format(scope=words)


LIST_WIDTHS: Sequence[float] = (0.6, 3.0, 2.2, 4.6, 1.2, 3.2)


def _list_parts(overview: Overview) -> tuple[DocPart, ...]:
    """One titled table per level; STT starts again in each, as grouped lists number them."""
    numeric = (False,) * len(msg.DOC_LIST_HEADERS)
    groups = nomination_groups(overview)
    if not groups:
        return (DocTable("", msg.DOC_LIST_HEADERS, (), tuple(LIST_WIDTHS), numeric, msg.DOC_NONE_TEXT),)
    parts: list[DocPart] = []
    for roman, (title, found) in zip(ROMAN, groups, strict=False):
        rows = tuple(tuple(shown(v) for v in row) for row in nomination_rows(found))
        parts.append(DocHeading(f"{roman}. {title.upper()}"))
        parts.append(DocTable("", msg.DOC_LIST_HEADERS, rows, tuple(LIST_WIDTHS), numeric, msg.DOC_NONE_TEXT))
    return tuple(parts)


def nomination_document(registry: Registry, overview: Overview, paper: Paperwork) -> OfficialDocument:
    """The nomination list, landscape, as it is attached to a report or a submission: grouped
    by level, each row naming its level."""
    commune = registry.commune.name
    return OfficialDocument(
        issuer=issuer_lines(commune),
        number=number_line(paper.number, msg.DOC_SYMBOL_LIST),
        place_date=f"{place_name(commune)}, {official_date(paper.date)}",
        kind=msg.DOC_LIST,
        subject=(list_subject(overview.scope),),
        parts=_list_parts(overview),
        recipients=paper.recipients,
        authority=msg.DOC_AUTHORITY,
        signer_title=msg.DOC_SIGNER_TITLE,
        signer_name=paper.signer,
        landscape=True,
    )


def write_nominations_xlsx(registry: Registry, overview: Overview, path: Path) -> None:
    """The nomination list as a workbook: heading block, the usual five columns, borders,
    A4 landscape with the header row on every page."""
    commune = registry.commune.name
    heading = Heading(
        " ".join(issuer_lines(commune)),
        f"{msg.DOC_LIST} {list_subject(overview.scope)}",
        (msg.REPORT_AS_OF.format(date=overview.generated.strftime("%d/%m/%Y")),),
    )
    book = new_workbook(heading.title)
    table_sheet(
        book,
        msg.DOC_LIST_SHEET,
        heading,
        msg.DOC_LIST_HEADERS,
        nomination_rows(overview.nominations),
        (6, 34, 26, 56, 12, 40),
        empty=msg.DOC_NONE_TEXT,
    )
    save(book, path)
