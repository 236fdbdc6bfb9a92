"""What a report covers: everything, one year, or one plan period — and the one view of the
records restricted to it.

Every table of a report is computed from the same :class:`ScopedData`, made once by
:func:`scoped`; no table filters on its own. (A table that did — and one that forgot to — is
how ``report --year 2023`` once counted every year.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from ..records import periods
from ..records.model import Exemplar, Period, Registry


class ScopeKind(StrEnum):
    everything = "everything"
    year = "year"
    period = "period"


@dataclass(frozen=True)
class Scope:
    """A closed range of years (both ends included), or no limit at all."""

    kind: ScopeKind = ScopeKind.everything
    first: int | None = None
    last: int | None = None
    period: Period | None = None

    def holds(self, year: int) -> bool:
        if self.first is not None and year < self.first:
            return False
        return self.last is None or year <= self.last

    def years(self, until: int) -> range:
        """The scope's years, not after ``until`` (the last completed year, say)."""
        first = self.first if self.first is not None else until + 1
        last = min(self.last, until) if self.last is not None else until
        return range(first, last + 1)


EVERYTHING = Scope()


def year_scope(year: int) -> Scope:
    return Scope(ScopeKind.year, year, year)


def period_scope(period: Period) -> Scope:
    return Scope(ScopeKind.period, period.first, period.last, period)


def find_period(registry: Registry, code: str) -> Period | None:
    """A period by its code (``2022-2025``) or by its years written any usual way."""
    wanted = code.strip().replace(" ", "").replace("–", "-")
    for period in registry.plan_periods:
        if wanted in (period.code, f"{period.first}-{period.last}"):
            return period
    return None


@dataclass(frozen=True)
class ScopedData:
    """The records as one report sees them.

    ``exemplars``: those that existed in the scope (registered before its end), each with its
    evaluations, commendations, replications and nominations cut to the scope's years.
    ``registered``: those of them registered within the scope (the new registrations).
    ``in_programme``: those of them in the programme during the scope (see
    :func:`in_programme`), however long ago they registered."""

    scope: Scope
    exemplars: tuple[Exemplar, ...]
    registered: tuple[Exemplar, ...]
    in_programme: tuple[Exemplar, ...] = ()


def in_programme(exemplar: Exemplar, scope: Scope, registry: Registry | None) -> bool:
    """Whether an exemplar took part in the programme during the scope: registered by its end,
    in a plan period still running when the scope begins. A registration belongs to the
    period holding its date (records/periods.py) and is evaluated up to that period's end, so a
    hamlet's coverage is counted per period: an exemplar of 2022 – 2025 is in the 2023 and 2025
    reports, not in 2027's. A registration outside every period stays in (nothing says it left).
    The profile records no withdrawal (a profile leaves the site by becoming a draft, which a
    new registration also is), so none is subtracted here."""
    if scope.last is not None and exemplar.registered.year > scope.last:
        return False
    if scope.first is None or registry is None:
        return True
    period = periods.period_of(registry, exemplar.registered)
    return period is None or period.last >= scope.first


def scoped(
    exemplars: tuple[Exemplar, ...] | list[Exemplar], scope: Scope, registry: Registry | None = None
) -> ScopedData:
    """The one filtered view every table of a report is computed from; with the registry, the
    programme is judged per plan period (:func:`in_programme`)."""
    existing = [e for e in exemplars if scope.last is None or e.registered.year <= scope.last]
    ordered = sorted(existing, key=lambda e: (e.registered, e.slug))
    cut = tuple(_cut(e, scope) for e in ordered)
    return ScopedData(
        scope,
        cut,
        tuple(e for e in cut if scope.holds(e.registered.year)),
        tuple(e for e in cut if in_programme(e, scope, registry)),
    )


def _cut(exemplar: Exemplar, scope: Scope) -> Exemplar:
    if scope.kind is ScopeKind.everything:
        return exemplar
    return exemplar.model_copy(
        update={
            "evaluations": tuple(v for v in exemplar.evaluations if scope.holds(v.year)),
            "commendations": tuple(c for c in exemplar.commendations if scope.holds(c.date.year)),
            "replications": tuple(r for r in exemplar.replications if scope.holds(r.year)),
            "nominations": tuple(n for n in exemplar.nominations if scope.holds(n.year)),
        }
    )


def dated_years(data: ScopedData) -> set[int]:
    """Every year a record of the view carries (what a test checks against the scope)."""
    years: set[int] = {e.registered.year for e in data.registered}
    for e in data.exemplars:
        years |= {v.year for v in e.evaluations} | {c.date.year for c in e.commendations}
        years |= {r.year for r in e.replications} | {n.year for n in e.nominations}
    return years


def as_of(scope: Scope, today: dt.date) -> dt.date:
    """The date a report's figures stand at: today, or the last day of a past scope."""
    if scope.last is not None and scope.last < today.year:
        return dt.date(scope.last, 12, 31)
    return today
