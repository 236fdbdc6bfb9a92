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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..files import write_atomically
from ..messages import common as common_msg
from ..messages import papers as msg
from ..records import periods
from ..records.model import Decision, Exemplar, Named, Nomination, Registry
from ..rendering import environment
from ..theme_files import Theme
from .scope import EVERYTHING, Scope, ScopedData, as_of, scoped
from .workbook import Heading, new_workbook, save, table_sheet


@dataclass(frozen=True)
class Coverage:
    """Exemplars of one hamlet or organization in the programme during the report's scope
    (every registration when the report covers everything)."""

    code: str
    name: str
    in_programme: int
    published: int  # of those in the programme, shown on the site
    # The commune a hamlet belonged to before the 2025 merger ("" when not recorded).
    former_commune: str = ""
    # Counted within a year or a period: the new registrations and what else happened then.
    scoped: bool = False
    new: int = 0
    happened: str = ""

    @property
    def flag(self) -> str:
        if self.in_programme == 0:
            return msg.REPORT_NO_EXEMPLAR
        if self.published == 0:
            return msg.REPORT_NOT_PUBLISHED
        return ""

    @property
    def note(self) -> str:
        """The flag, then what happened within the scope."""
        return "; ".join(part for part in (self.flag, self.happened) if part)


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
    where: str = ""  # the hamlets and places, as names


@dataclass(frozen=True)
class FieldRow:
    """Registrations of one field, by kind."""

    name: str
    counts: tuple[int, ...]  # per kind, in the order of ``common_msg.KIND_NAMES``
    published: int
    new: int = 0  # registered within the scope

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class EvaluationRow:
    result: str
    counts: tuple[int, ...]  # per year of ``Overview.evaluation_years``

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class NominationRow:
    """One exemplar at one level: its introductions and proposals there, merged (an exemplar
    introduced to a congress and proposed for an award at the same level is one row)."""

    slug: str
    name: str
    kind: str
    address: str
    summary: str
    level: str  # as read: "Cấp xã", "Cấp tỉnh"…
    year: int  # the first year of the row's nominations
    proposal: str  # the congresses it is introduced to and the awards proposed, "; "-joined
    decision: str
    level_code: str = "commune"
    years: tuple[int, ...] = ()

    @property
    def years_text(self) -> str:
        return ", ".join(str(y) for y in self.years or (self.year,))


@dataclass(frozen=True)
class ExemplarRow:
    slug: str
    name: str
    kind: str
    field: str
    place: str
    registered: dt.date
    published: bool


@dataclass(frozen=True)
class Overview:
    """``registered``: new registrations within the scope; ``in_programme``: the exemplars in
    the programme during it (scope.in_programme), which ``published``, ``by_kind``, the
    hamlets, organizations, fields and the list count. Without a scope the two are equal."""

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
    scope: Scope = EVERYTHING
    by_kind: tuple[int, ...] = ()  # registered per kind, in the order of ``common_msg.KIND_NAMES``
    fields: tuple[FieldRow, ...] = ()
    evaluation_years: tuple[int, ...] = ()
    evaluations: tuple[EvaluationRow, ...] = ()
    nominations: tuple[NominationRow, ...] = ()
    exemplars: tuple[ExemplarRow, ...] = ()
    in_programme: int = 0

    @property
    def scoped(self) -> bool:
        return self.scope.first is not None or self.scope.last is not None

    @property
    def hamlets_without(self) -> tuple[Coverage, ...]:
        """Hamlets with no published exemplar (the plan wants at least one each)."""
        return tuple(h for h in self.hamlets if h.published == 0)

    @property
    def organizations_without(self) -> tuple[Coverage, ...]:
        return tuple(o for o in self.organizations if o.published == 0)


def build_overview(
    registry: Registry,
    exemplars: Sequence[Exemplar],
    today: dt.date,
    last_year: int | None = None,
    scope: Scope = EVERYTHING,
) -> Overview:
    """Every figure of the report from the records (no file is read here), all computed from
    one view of them restricted to ``scope`` (scope.py): no table filters on its own.
    Lateness and the years to evaluate are judged per period (records/periods.py)."""
    view = scoped(tuple(exemplars), scope, registry)
    last = last_year if last_year is not None else today.year - 1
    if scope.last is not None and last_year is None:
        last = min(scope.last, last)
    members = view.in_programme
    kinds = list(common_msg.KIND_NAMES)
    return Overview(
        commune=registry.commune.full_name,
        generated=as_of(scope, today),
        registered=len(view.registered),
        published=sum(e.is_public for e in members),
        hamlets=_hamlet_coverage(registry, view),
        organizations=_coverage(registry.organizations, view, "organization"),
        late=_late(registry, view.registered),
        last_evaluated_year=last,
        missing_evaluations=_missing_evaluations(registry, view, last),
        commendation_years=_years_of(c.date.year for e in view.exemplars for c in e.commendations),
        commendations=_commendations(registry, view),
        replications=_replications(registry, view),
        by_former_commune=len(registry.former_communes) > 1,
        scope=scope,
        by_kind=tuple(sum(e.kind.value == k for e in members) for k in kinds),
        fields=_fields(registry, view),
        evaluation_years=_years_of(v.year for e in view.exemplars for v in e.evaluations),
        evaluations=_evaluations(registry, view),
        nominations=_nominations(registry, view),
        exemplars=tuple(_listed(registry, e) for e in members),
        in_programme=len(members),
    )


def _years_of(years: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(set(years)))


def _missing_evaluations(registry: Registry, view: ScopedData, last: int) -> tuple[MissingEvaluations, ...]:
    missing = []
    for e in sorted(view.exemplars, key=lambda e: e.slug):
        done = {ev.year for ev in e.evaluations}
        expected = periods.evaluation_years(registry, e.registered, last)
        years = tuple(y for y in expected if view.scope.holds(y) and y not in done)
        if years:
            missing.append(MissingEvaluations(e.slug, e.name, years))
    return tuple(missing)


def _commendations(registry: Registry, view: ScopedData) -> tuple[CommendationRow, ...]:
    counted = Counter((c.level, c.date.year) for e in view.exemplars for c in e.commendations)
    years = _years_of(year for _, year in counted)
    return tuple(
        CommendationRow(level.name, tuple(counted[(level.code, y)] for y in years))
        for level in registry.commendation_levels
    )


def _evaluations(registry: Registry, view: ScopedData) -> tuple[EvaluationRow, ...]:
    counted = Counter((v.result, v.year) for e in view.exemplars for v in e.evaluations)
    years = _years_of(year for _, year in counted)
    return tuple(
        EvaluationRow(result.name, tuple(counted[(result.code, y)] for y in years))
        for result in registry.evaluation_results
    )


def _replications(registry: Registry, view: ScopedData) -> tuple[ReplicationRow, ...]:
    hamlets = registry.table("hamlets")
    rows = []
    for e in view.exemplars:
        if not e.replications:
            continue
        places = dict.fromkeys(
            hamlets[r.hamlet].name if r.hamlet else (r.place or "") for r in e.replications
        )
        units = sum(r.units for r in e.replications)
        rows.append(ReplicationRow(e.slug, e.name, len(e.replications), units, "; ".join(places)))
    return tuple(sorted(rows, key=lambda r: (-r.units, r.slug)))


def _fields(registry: Registry, view: ScopedData) -> tuple[FieldRow, ...]:
    kinds = list(common_msg.KIND_NAMES)
    rows = []
    for item in registry.fields:
        mine = [e for e in view.in_programme if e.field == item.code]
        counts = tuple(sum(e.kind.value == k for e in mine) for k in kinds)
        new = sum(e.field == item.code for e in view.registered)
        rows.append(FieldRow(item.name, counts, sum(e.is_public for e in mine), new))
    return tuple(rows)


def address(registry: Registry, exemplar: Exemplar) -> str:
    """Where an exemplar belongs, as a higher level reads it: its hamlet or organization."""
    if exemplar.organization:
        return str(registry.table("organizations")[exemplar.organization].name)
    if exemplar.hamlet:
        return str(registry.table("hamlets")[exemplar.hamlet].name)
    return ""


def _nominations(registry: Registry, view: ScopedData) -> tuple[NominationRow, ...]:
    """The view's nominations grouped by level, the commune's own conference first, then the
    proposals upward (province, national); one row per exemplar and level, so the same
    exemplar introduced at the commune and proposed to the province shows once in each group,
    each row naming its level."""
    order = list(common_msg.NOMINATION_LEVELS)
    grouped: dict[tuple[str, str], list[tuple[Nomination, Exemplar]]] = {}
    for e in view.exemplars:
        for n in sorted(e.nominations, key=lambda n: n.year):
            grouped.setdefault((n.level.value, e.slug), []).append((n, e))
    rows = [_nomination_row(registry, found) for found in grouped.values()]
    return tuple(sorted(rows, key=lambda r: (order.index(r.level_code), r.year, r.name, r.slug)))


def _nomination_row(registry: Registry, found: list[tuple[Nomination, Exemplar]]) -> NominationRow:
    exemplar = found[0][1]
    level = found[0][0].level.value
    proposals = dict.fromkeys(
        n.award or msg.REPORT_CONGRESS.format(congress=n.congress or "") for n, _ in found
    )
    decisions = dict.fromkeys(_decision(n.decision) for n, _ in found if n.decision is not None)
    years = tuple(sorted({n.year for n, _ in found}))
    return NominationRow(
        exemplar.slug,
        exemplar.name,
        common_msg.KIND_NAMES[exemplar.kind.value],
        address(registry, exemplar),
        exemplar.summary,
        common_msg.NOMINATION_LEVELS[level],
        years[0],
        "; ".join(proposals),
        "; ".join(decisions),
        level,
        years,
    )


def _decision(decision: Decision) -> str:
    text = str(decision.number)
    if decision.date is not None:
        text += msg.REPORT_DATED.format(date=_date(decision.date))
    return text


def _listed(registry: Registry, e: Exemplar) -> ExemplarRow:
    return ExemplarRow(
        e.slug,
        e.name,
        common_msg.KIND_NAMES[e.kind.value],
        registry.field(e.field).short_name,
        address(registry, e),
        e.registered,
        e.is_public,
    )


def _coverage(items: Sequence[Named], view: ScopedData, attribute: str) -> tuple[Coverage, ...]:
    rows = []
    for item in items:
        mine = [e for e in view.in_programme if getattr(e, attribute) == item.code]
        row = Coverage(item.code, item.name, len(mine), sum(e.is_public for e in mine))
        if view.scope.first is not None or view.scope.last is not None:
            row = _with_events(row, view, [e for e in view.exemplars if getattr(e, attribute) == item.code])
        rows.append(row)
    return tuple(rows)


def _with_events(row: Coverage, view: ScopedData, theirs: Sequence[Exemplar]) -> Coverage:
    """What happened in the scope to a hamlet's or organization's exemplars: the counts of
    the report's own tables (the view's records are already cut to the scope)."""
    new = sum(1 for e in theirs if view.scope.holds(e.registered.year))
    counts = (
        (msg.REPORT_HAPPENED_NEW, new),
        (msg.REPORT_HAPPENED_EVALUATED, sum(len(e.evaluations) for e in theirs)),
        (msg.REPORT_HAPPENED_COMMENDED, sum(len(e.commendations) for e in theirs)),
        (msg.REPORT_HAPPENED_REPLICATED, sum(len(e.replications) for e in theirs)),
        (msg.REPORT_HAPPENED_NOMINATED, sum(len(e.nominations) for e in theirs)),
    )
    words = [text.format(count=count) for text, count in counts if count]
    if not words and row.in_programme:
        words = [msg.REPORT_HAPPENED_NOTHING.format(scope=scope_words(view.scope))]
    return dataclasses.replace(row, scoped=True, new=new, happened=", ".join(words))


def _hamlet_coverage(registry: Registry, view: ScopedData) -> tuple[Coverage, ...]:
    """Hamlets in registry order; after a merger, grouped by their former commune (in the
    order of ``former_communes``, hamlets without one last)."""
    rows = _coverage(registry.hamlets, view, "hamlet")
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
    sheet: str = ""  # the Excel worksheet's name (at most 31 characters)


def _numbered(rows: Iterable[tuple[object, ...]]) -> tuple[tuple[object, ...], ...]:
    """Rows with their STT (số thứ tự) in front, as every official table has."""
    return tuple((number, *row) for number, row in enumerate(rows, start=1))


def _coverage_section(
    title: str, sheet: str, label: str, items: Sequence[Coverage], grouped: bool = False, scoped: bool = False
) -> Section:
    """One row per hamlet or organization. Within a year or a period: the exemplars in the
    programme then, the new registrations among them, and what happened."""
    if scoped:
        counts: tuple[str, ...] = (
            msg.REPORT_IN_PROGRAMME,
            msg.REPORT_NEW,
            msg.REPORT_PUBLISHED,
            msg.REPORT_FLAG,
        )
        values: list[tuple[object, ...]] = [
            (c.name, c.in_programme, c.new, c.published, c.note) for c in items
        ]
    else:
        counts = (msg.REPORT_REGISTERED, msg.REPORT_PUBLISHED, msg.REPORT_FLAG)
        values = [(c.name, c.in_programme, c.published, c.note) for c in items]
    if grouped:  # merged communes: which former commune each hamlet belonged to
        headers: tuple[str, ...] = (msg.REPORT_NUMBER, msg.REPORT_FORMER_COMMUNE, label, *counts)
        rows = _numbered((c.former_commune, *v) for c, v in zip(items, values, strict=True))
    else:
        headers = (msg.REPORT_NUMBER, label, *counts)
        rows = _numbered(values)
    return Section(title, headers, rows, tuple(c.published == 0 for c in items), sheet)


def _totals_section(overview: Overview) -> Section:
    kinds = tuple(common_msg.KIND_NAMES.values())
    if overview.scoped:
        headers: tuple[str, ...] = (msg.REPORT_IN_PROGRAMME, msg.REPORT_NEW, msg.REPORT_PUBLISHED, *kinds)
        row: tuple[object, ...] = (
            overview.in_programme,
            overview.registered,
            overview.published,
            *overview.by_kind,
        )
    else:
        headers = (msg.REPORT_REGISTERED, msg.REPORT_PUBLISHED, *kinds)
        row = (overview.in_programme, overview.published, *overview.by_kind)
    return Section(msg.REPORT_TOTALS, headers, (row,), sheet=msg.REPORT_SHEET_TOTALS)


def _fields_section(overview: Overview) -> Section:
    kinds = tuple(common_msg.KIND_NAMES.values())
    number = msg.REPORT_NUMBER
    if overview.scoped:
        headers: tuple[str, ...] = (
            number,
            msg.REPORT_FIELD,
            *kinds,
            msg.REPORT_TOTAL,
            msg.REPORT_NEW,
            msg.REPORT_PUBLISHED,
        )
        rows = _numbered((f.name, *f.counts, f.total, f.new, f.published) for f in overview.fields)
    else:
        headers = (number, msg.REPORT_FIELD, *kinds, msg.REPORT_TOTAL, msg.REPORT_PUBLISHED)
        rows = _numbered((f.name, *f.counts, f.total, f.published) for f in overview.fields)
    return Section(msg.REPORT_FIELDS, headers, rows, sheet=msg.REPORT_SHEET_FIELDS)


def sections(overview: Overview) -> tuple[Section, ...]:
    """The report as titled tables; terminal, HTML and Excel all show exactly these, every
    one computed from the same scoped view (``build_overview``). No folder names: a higher
    level reads names."""
    number = msg.REPORT_NUMBER
    return (
        _totals_section(overview),
        _coverage_section(
            msg.REPORT_HAMLETS,
            msg.REPORT_SHEET_HAMLETS,
            msg.REPORT_HAMLET,
            overview.hamlets,
            overview.by_former_commune,
            overview.scoped,
        ),
        _coverage_section(
            msg.REPORT_ORGANIZATIONS,
            msg.REPORT_SHEET_ORGANIZATIONS,
            msg.REPORT_ORGANIZATION,
            overview.organizations,
            scoped=overview.scoped,
        ),
        _fields_section(overview),
        Section(
            msg.REPORT_LIST_IN_PROGRAMME if overview.scoped else msg.REPORT_LIST,
            (
                number,
                msg.REPORT_EXEMPLAR,
                msg.REPORT_KIND,
                msg.REPORT_FIELD,
                msg.REPORT_PLACE,
                msg.REPORT_DATE,
                msg.REPORT_STATUS,
            ),
            _numbered(
                (x.name, x.kind, x.field, x.place, x.registered, msg.REPORT_STATUS_WORDS[x.published])
                for x in overview.exemplars
            ),
            sheet=msg.REPORT_SHEET_LIST,
        ),
        Section(
            msg.REPORT_LATE,
            (number, msg.REPORT_EXEMPLAR, msg.REPORT_DATE, msg.REPORT_DEADLINE, msg.REPORT_DAYS_LATE),
            _numbered((x.name, x.registered, x.deadline, x.days_late) for x in overview.late),
            sheet=msg.REPORT_SHEET_LATE,
        ),
        Section(
            msg.REPORT_MISSING_EVALUATIONS.format(last=overview.last_evaluated_year),
            (number, msg.REPORT_EXEMPLAR, msg.REPORT_MISSING_YEARS),
            _numbered((m.name, _years(m.years)) for m in overview.missing_evaluations),
            sheet=msg.REPORT_SHEET_MISSING,
        ),
        Section(
            msg.REPORT_EVALUATIONS,
            (number, msg.REPORT_RESULT, *(str(y) for y in overview.evaluation_years), msg.REPORT_TOTAL),
            _numbered((v.result, *v.counts, v.total) for v in overview.evaluations),
            sheet=msg.REPORT_SHEET_EVALUATIONS,
        ),
        Section(
            msg.REPORT_COMMENDATIONS,
            (number, msg.REPORT_LEVEL, *(str(y) for y in overview.commendation_years), msg.REPORT_TOTAL),
            _numbered((c.level, *c.counts, c.total) for c in overview.commendations),
            sheet=msg.REPORT_SHEET_COMMENDATIONS,
        ),
        Section(
            msg.REPORT_REPLICATIONS,
            (number, msg.REPORT_EXEMPLAR, msg.REPORT_WHERE, msg.REPORT_PLACES, msg.REPORT_UNITS),
            _numbered((r.name, r.where, r.places, r.units) for r in overview.replications),
            sheet=msg.REPORT_SHEET_REPLICATIONS,
        ),
        Section(
            msg.REPORT_NOMINATIONS,
            (
                number,
                msg.REPORT_EXEMPLAR,
                msg.REPORT_NOMINATION_LEVEL,
                msg.REPORT_YEAR,
                msg.REPORT_PROPOSAL,
                msg.REPORT_DECISION,
            ),
            _numbered((n.name, n.level, n.years_text, n.proposal, n.decision) for n in overview.nominations),
            sheet=msg.REPORT_SHEET_NOMINATIONS,
        ),
    )


def report_title(overview: Overview) -> str:
    """The overview's title, with what it covers."""
    return msg.REPORT_TITLE.format(commune=overview.commune) + scope_suffix(overview.scope)


def scope_words(scope: Scope) -> str:
    """ " năm 2024", " giai đoạn 2022 – 2025", or "" for everything: inside a sentence."""
    if scope.period is not None:
        return msg.DOC_SCOPE_PERIOD.format(period=scope.period.name.lower())
    return msg.DOC_SCOPE_YEAR.format(year=scope.first) if scope.first is not None else ""


def scope_suffix(scope: Scope) -> str:
    if scope.period is not None:
        return msg.REPORT_OF_PERIOD.format(years=periods.period_label(scope.period))
    if scope.first is not None:
        return msg.REPORT_OF_YEAR.format(year=scope.first)
    return ""


def shown(value: object) -> str:
    return _date(value) if isinstance(value, dt.date) else str(value)


def headline(overview: Overview) -> str:
    """The summary line: how many exemplars the scope's programme holds (never 0 while some
    are in it), then the hamlets without a published one among them."""
    if overview.scoped:
        count = msg.REPORT_COUNT_IN.format(
            scope=scope_words(overview.scope),
            count=overview.in_programme,
            new=overview.registered,
            published=overview.published,
        )
    else:
        count = msg.REPORT_COUNT_ALL.format(count=overview.in_programme, published=overview.published)
    return f"{count} {coverage_line(overview)}"


def coverage_line(overview: Overview) -> str:
    """The hamlets without a published exemplar in the programme (the plan wants one each)."""
    if not overview.hamlets_without:
        return msg.REPORT_ALL_HAMLETS
    names = ", ".join(h.name for h in overview.hamlets_without)
    if overview.scoped:
        return msg.REPORT_HAMLETS_WITHOUT_IN.format(scope=scope_words(overview.scope), names=names)
    return msg.REPORT_HAMLETS_WITHOUT.format(names=names)


def terminal_view(overview: Overview) -> list[RenderableType]:
    """The overview for the terminal: title, date line, one table per section, headline."""
    view: list[RenderableType] = [
        Text(report_title(overview), style="bold"),
        Text(_generated(overview)),
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
            # Text, not rich markup: a name such as "[link=…]x" is shown as typed.
            table.add_row(*(Text(shown(v)) for v in row), style="red" if flagged else None)
        if not section.rows:
            table.add_row(msg.REPORT_NONE, *([""] * (len(section.headers) - 1)))
        view.append(table)
    view.append(Text(headline(overview)))
    return view


def _generated(overview: Overview) -> str:
    words = msg.REPORT_GENERATED_IN if overview.scoped else msg.REPORT_GENERATED
    return words.format(date=_date(overview.generated))


def write_html(overview: Overview, theme: Theme, path: Path) -> None:
    """A standalone page (not part of the public site): inline styles, marked noindex."""
    env = environment(theme.folders("report"))
    env.filters["shown"] = shown
    page = env.get_template("report.html").render(
        title=report_title(overview),
        generated=_generated(overview),
        sections=sections(overview),
        headline=headline(overview),
        none=msg.REPORT_NONE,
        escape=html.escape,
    )
    write_atomically(path, page)


def _widths(section: Section) -> list[float]:
    """Column widths (characters) from the header and the longest value, within bounds."""
    widths = []
    for index, header in enumerate(section.headers):
        values = [shown(row[index]) for row in section.rows]
        if header == msg.REPORT_NUMBER:
            widths.append(6.0)
        elif values and all(isinstance(row[index], int) for row in section.rows):
            widths.append(max(10.0, len(header) + 2.0))
        else:
            longest = max([len(header), *(len(v) for v in values)])
            widths.append(float(min(48, max(12, longest + 2))))
    return widths


def issuer_line(registry_commune: str) -> str:
    """ "ỦY BAN NHÂN DÂN XÃ ĐIỀM MẶC": the issuing body, as the heading of a workbook."""
    return f"{msg.DOC_ISSUER_BODY} {registry_commune}".upper()


def write_xlsx(overview: Overview, path: Path, commune_name: str = "") -> None:
    """One worksheet per section: heading block, STT, borders, numbers as numbers and dates
    as dates, A4 landscape print setup; text cells never become formulas."""
    title = report_title(overview)
    book = new_workbook(title)
    for section in sections(overview):
        heading = Heading(
            issuer_line(commune_name) if commune_name else overview.commune.upper(),
            section.title,
            (title, msg.REPORT_AS_OF.format(date=_date(overview.generated))),
        )
        table_sheet(
            book,
            section.sheet,
            heading,
            section.headers,
            section.rows,
            _widths(section),
            section.flagged,
            msg.REPORT_NONE,
        )
    save(book, path)
