"""Plan periods: the period a date belongs to, the deadline a registration is judged by, the
years an exemplar is evaluated in, the fields and criteria a period allows. Every place that
judges lateness or plan years (the checks, the report, the pages) asks here, so that no one
judges a 2023 registration by the deadline of 2022 again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..messages import common as msg
from .model import Period, Registry

# Without a deadline of its own, a year's registrations close on 30 June of that year.
DEFAULT_DEADLINE = (6, 30)


def period_of_year(registry: Registry, year: int) -> Period | None:
    """The period whose years hold ``year`` (periods never overlap: a registry rule)."""
    for period in registry.plan_periods:
        if period.holds(year):
            return period
    return None


def period_of(registry: Registry, day: dt.date) -> Period | None:
    """The period a dated event (a registration, a commendation) belongs to."""
    return period_of_year(registry, day.year)


def deadline(period: Period, year: int) -> dt.date:
    """The registration deadline of ``year`` in ``period``: its own, or 30 June."""
    for day in period.deadlines:
        if day.year == year:
            return day
    return dt.date(year, *DEFAULT_DEADLINE)


@dataclass(frozen=True)
class Registration:
    """A registration judged against its period: the deadline of its year, if it has one."""

    registered: dt.date
    period: Period | None
    deadline: dt.date | None

    @property
    def days_late(self) -> int:
        """0 when on time (or outside every period, which is a problem of its own)."""
        if self.deadline is None:
            return 0
        return max(0, (self.registered - self.deadline).days)

    @property
    def late(self) -> bool:
        return self.days_late > 0


def registration(registry: Registry, registered: dt.date) -> Registration:
    """The one judge of lateness: a registration belongs to the period holding its date and is
    late after that year's deadline."""
    period = period_of(registry, registered)
    return Registration(registered, period, deadline(period, registered.year) if period else None)


def evaluation_years(registry: Registry, registered: dt.date, last_year: int) -> range:
    """Years an exemplar should have a yearly evaluation for: from its registration year to
    the end of its period, but not after ``last_year`` (the last completed year)."""
    period = period_of(registry, registered)
    if period is None:
        return range(0)
    return range(max(period.first, registered.year), min(period.last, last_year) + 1)


def open_fields(registry: Registry, period: Period | None) -> tuple[str, ...]:
    """Codes of the fields a profile of ``period`` may choose (every field unless the period
    lists its own)."""
    if period is not None and period.fields:
        return period.fields
    return tuple(f.code for f in registry.fields)


def valid_criteria(registry: Registry, period: Period | None, fields: Iterable[str]) -> list[str]:
    """Criteria a profile of ``period`` with these fields may cite: general ones and each
    field's, with what the period adds to both."""
    found = [c.id for c in registry.general_criteria]
    if period is not None:
        found += [c.id for c in period.general_criteria]
    for code in fields:
        found += [c.id for c in registry.field(code).criteria]
        if period is not None:
            found += [c.id for c in period.criteria.get(code, ())]
    return found


def plan_title(registry: Registry, day: dt.date | None = None) -> str:
    """The plan's title for a dated thing (a visit), else of the current period."""
    period = period_of(registry, day) if day is not None else None
    period = period or registry.current
    if period is None:
        return ""
    return period.title or msg.plan_title_of(period.name)


def period_label(period: Period) -> str:
    """ "2022 – 2025": a period's years as residents read them."""
    return f"{period.first} – {period.last}"
