"""The council secretary's overview: who registered (per hamlet and organization), who was
late, who lacks a yearly evaluation, commendations by level and year, replication.

Counting rule: "registered" counts every bundle (drafts included: a registration exists as
soon as the sheet arrives); "published" counts what the public site shows. A hamlet or an
organization is flagged when it has no published exemplar, the plan's requirement."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from .. import messages as msg
from ..records import periods
from ..records.model import Exemplar, Named, Registry


@dataclass(frozen=True)
class Coverage:
    """Exemplars of one hamlet or organization."""

    code: str
    name: str
    registered: int
    published: int
    # The commune a hamlet belonged to before the 2025 merger ("" when not recorded).
    former_commune: str = ""

    @property
    def flag(self) -> str:
        if self.registered == 0:
            return msg.REPORT_NO_EXEMPLAR
        if self.published == 0:
            return msg.REPORT_NOT_PUBLISHED
        return ""


@dataclass(frozen=True)
class Late:
    slug: str
    name: str
    registered: dt.date
    deadline: dt.date  # the deadline of the registration's own year, in its period
    days_late: int
    published: bool


@dataclass(frozen=True)
class MissingEvaluations:
    slug: str
    name: str
    years: tuple[int, ...]


@dataclass(frozen=True)
class CommendationRow:
    level: str
    counts: tuple[int, ...]  # per year of ``Overview.commendation_years``

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ReplicationRow:
    slug: str
    name: str
    places: int
    units: int


@dataclass(frozen=True)
class Overview:
    commune: str
    generated: dt.date
    registered: int
    published: int
    hamlets: tuple[Coverage, ...]
    organizations: tuple[Coverage, ...]
    late: tuple[Late, ...]
    last_evaluated_year: int  # evaluations are expected up to this year
    missing_evaluations: tuple[MissingEvaluations, ...]
    commendation_years: tuple[int, ...]
    commendations: tuple[CommendationRow, ...]
    replications: tuple[ReplicationRow, ...]
    # More than one former commune (merged communes): hamlets are shown grouped by it.
    by_former_commune: bool = False

    @property
    def hamlets_without(self) -> tuple[Coverage, ...]:
        """Hamlets with no published exemplar (the plan wants at least one each)."""
        return tuple(h for h in self.hamlets if h.published == 0)

    @property
    def organizations_without(self) -> tuple[Coverage, ...]:
        return tuple(o for o in self.organizations if o.published == 0)


def build_overview(
    registry: Registry, exemplars: Sequence[Exemplar], today: dt.date, last_year: int | None = None
) -> Overview:
    """Every figure of the report from the records (no file is read here). Lateness and the
    years to evaluate are judged per period (records/periods.py)."""
    last = last_year if last_year is not None else today.year - 1
    missing = []
    for e in sorted(exemplars, key=lambda e: e.slug):
        done = {ev.year for ev in e.evaluations}
        years = tuple(y for y in periods.evaluation_years(registry, e.registered, last) if y not in done)
        if years:
            missing.append(MissingEvaluations(e.slug, e.name, years))

    counted = Counter((c.level, c.date.year) for e in exemplars for c in e.commendations)
    years = tuple(sorted({year for _, year in counted}))
    commendations = tuple(
        CommendationRow(level.name, tuple(counted[(level.code, y)] for y in years))
        for level in registry.commendation_levels
    )

    replications = tuple(
        ReplicationRow(e.slug, e.name, len(e.replications), sum(r.units for r in e.replications))
        for e in sorted(exemplars, key=lambda e: (-sum(r.units for r in e.replications), e.slug))
        if e.replications
    )
    return Overview(
        commune=registry.commune.full_name,
        generated=today,
        registered=len(exemplars),
        published=sum(e.is_public for e in exemplars),
        hamlets=_hamlet_coverage(registry, exemplars),
        organizations=_coverage(registry.organizations, exemplars, "organization"),
        late=_late(registry, exemplars),
        last_evaluated_year=last,
        missing_evaluations=tuple(missing),
        commendation_years=years,
        commendations=commendations,
        replications=replications,
        by_former_commune=len(registry.former_communes) > 1,
    )


def _coverage(items: Sequence[Named], exemplars: Sequence[Exemplar], attribute: str) -> tuple[Coverage, ...]:
    rows = []
    for item in items:
        mine = [e for e in exemplars if getattr(e, attribute) == item.code]
        rows.append(Coverage(item.code, item.name, len(mine), sum(e.is_public for e in mine)))
    return tuple(rows)


def _hamlet_coverage(registry: Registry, exemplars: Sequence[Exemplar]) -> tuple[Coverage, ...]:
    """Hamlets in registry order; after a merger, grouped by their former commune (in the
    order of ``former_communes``, hamlets without one last)."""
    rows = _coverage(registry.hamlets, exemplars, "hamlet")
    if len(registry.former_communes) <= 1:
        return rows
    former = registry.table("former_communes")
    order = {code: index for index, code in enumerate(former)}
    of_hamlet = {h.code: h.former_commune for h in registry.hamlets}
    grouped = [
        dataclasses.replace(row, former_commune=former[code].name if code in former else "")
        for row in rows
        for code in [of_hamlet[row.code]]
    ]
    return tuple(sorted(grouped, key=lambda row: order.get(of_hamlet[row.code] or "", len(order))))


def _late(registry: Registry, exemplars: Sequence[Exemplar]) -> tuple[Late, ...]:
    """Registrations after the deadline of their own year (records/periods.py judges)."""
    found = []
    for e in sorted(exemplars, key=lambda e: (e.registered, e.slug)):
        judged = periods.registration(registry, e.registered)
        if judged.late and judged.deadline is not None:
            found.append(Late(e.slug, e.name, e.registered, judged.deadline, judged.days_late, e.is_public))
    return tuple(found)


def _date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def _years(values: Sequence[int]) -> str:
    return ", ".join(str(y) for y in values)


# --- the same tables for every output --------------------------------------------------------


@dataclass(frozen=True)
class Section:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    flagged: tuple[bool, ...] = ()


def sections(overview: Overview) -> tuple[Section, ...]:
    """The report as titled tables; terminal, HTML and Excel all show exactly these."""

    def coverage(title: str, label: str, items: Sequence[Coverage], grouped: bool = False) -> Section:
        if grouped:  # merged communes: which former commune each hamlet belonged to
            return Section(
                title,
                (
                    msg.REPORT_FORMER_COMMUNE,
                    label,
                    msg.REPORT_REGISTERED,
                    msg.REPORT_PUBLISHED,
                    msg.REPORT_FLAG,
                ),
                tuple((c.former_commune, c.name, c.registered, c.published, c.flag) for c in items),
                tuple(c.published == 0 for c in items),
            )
        return Section(
            title,
            (label, msg.REPORT_REGISTERED, msg.REPORT_PUBLISHED, msg.REPORT_FLAG),
            tuple((c.name, c.registered, c.published, c.flag) for c in items),
            tuple(c.published == 0 for c in items),
        )

    return (
        Section(
            msg.REPORT_TOTALS,
            (msg.REPORT_REGISTERED, msg.REPORT_PUBLISHED),
            ((overview.registered, overview.published),),
        ),
        coverage(msg.REPORT_HAMLETS, msg.REPORT_HAMLET, overview.hamlets, overview.by_former_commune),
        coverage(msg.REPORT_ORGANIZATIONS, msg.REPORT_ORGANIZATION, overview.organizations),
        Section(
            msg.REPORT_LATE,
            (
                msg.REPORT_EXEMPLAR,
                msg.REPORT_SLUG,
                msg.REPORT_DATE,
                msg.REPORT_DEADLINE,
                msg.REPORT_DAYS_LATE,
            ),
            tuple((x.name, x.slug, x.registered, x.deadline, x.days_late) for x in overview.late),
        ),
        Section(
            msg.REPORT_MISSING_EVALUATIONS.format(last=overview.last_evaluated_year),
            (msg.REPORT_EXEMPLAR, msg.REPORT_SLUG, msg.REPORT_MISSING_YEARS),
            tuple((m.name, m.slug, _years(m.years)) for m in overview.missing_evaluations),
        ),
        Section(
            msg.REPORT_COMMENDATIONS,
            (msg.REPORT_LEVEL, *(str(y) for y in overview.commendation_years), msg.REPORT_TOTAL),
            tuple((c.level, *c.counts, c.total) for c in overview.commendations),
        ),
        Section(
            msg.REPORT_REPLICATIONS,
            (msg.REPORT_EXEMPLAR, msg.REPORT_SLUG, msg.REPORT_PLACES, msg.REPORT_UNITS),
            tuple((r.name, r.slug, r.places, r.units) for r in overview.replications),
        ),
    )


def _shown(value: object) -> str:
    return _date(value) if isinstance(value, dt.date) else str(value)


def headline(overview: Overview) -> str:
    if not overview.hamlets_without:
        return msg.REPORT_ALL_HAMLETS
    return msg.REPORT_HAMLETS_WITHOUT.format(names=", ".join(h.name for h in overview.hamlets_without))


def terminal_view(overview: Overview) -> list[RenderableType]:
    """The overview for the terminal: title, date line, one table per section, headline."""
    view: list[RenderableType] = [
        Text(msg.REPORT_TITLE.format(commune=overview.commune), style="bold"),
        Text(msg.REPORT_GENERATED.format(date=_date(overview.generated))),
    ]
    for section in sections(overview):
        table = Table(title=section.title, title_justify="left", title_style="bold")
        numeric = [
            bool(section.rows) and all(isinstance(r[i], int) for r in section.rows)
            for i in range(len(section.headers))
        ]
        for header, is_number in zip(section.headers, numeric, strict=True):
            table.add_column(header, justify="right" if is_number else "left", overflow="fold")
        for index, row in enumerate(section.rows):
            flagged = index < len(section.flagged) and section.flagged[index]
            table.add_row(*(_shown(v) for v in row), style="red" if flagged else None)
        if not section.rows:
            table.add_row(msg.REPORT_NONE, *([""] * (len(section.headers) - 1)))
        view.append(table)
    view.append(Text(headline(overview)))
    return view


def write_html(overview: Overview, templates_dir: Path, path: Path) -> None:
    """A standalone page (not part of the public site): inline styles, marked noindex."""
    env = Environment(
        loader=FileSystemLoader(templates_dir / "report"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["shown"] = _shown
    page = env.get_template("report.html").render(
        title=msg.REPORT_TITLE.format(commune=overview.commune),
        generated=msg.REPORT_GENERATED.format(date=_date(overview.generated)),
        sections=sections(overview),
        headline=headline(overview),
        none=msg.REPORT_NONE,
        escape=html.escape,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")


def write_xlsx(overview: Overview, path: Path) -> None:
    """One worksheet per section, numbers as numbers and dates as dates."""
    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    bold = Font(bold=True)
    flag_fill = PatternFill("solid", fgColor="FFCDD2")
    for title, section in zip(msg.REPORT_SHEET_TITLES, sections(overview), strict=True):
        sheet = book.create_sheet(title)
        sheet.append([section.title])
        sheet["A1"].font = bold
        sheet.append(list(section.headers))
        for cell in sheet[2]:
            cell.font = bold
        for index, row in enumerate(section.rows):
            sheet.append(list(row))
            if index < len(section.flagged) and section.flagged[index]:
                for cell in sheet[sheet.max_row]:
                    cell.fill = flag_fill
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
        for column, width in zip("ABCDEFGH", (48, 40, 14, 14, 14, 14, 14, 14), strict=False):
            sheet.column_dimensions[column].width = width
    book.properties.title = msg.REPORT_TITLE.format(commune=overview.commune)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
