"""Requests to withdraw consent and their legal deadlines. As reported from Nghị định
356/2025/NĐ-CP (VnExpress 8 Jan 2026, Frasers 19 Jan 2026; check the decree's text): an
answer within two working days of the request, the withdrawal carried out within fifteen
days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..records.model import Exemplar

ANSWER_WORKING_DAYS = 2
CARRY_OUT_DAYS = 15


def working_days_after(day: dt.date, count: int) -> dt.date:
    """``count`` working days (Monday to Friday) after ``day``."""
    while count:
        day += dt.timedelta(days=1)
        count -= day.weekday() < 5
    return day


@dataclass(frozen=True)
class Request:
    name: str
    slug: str
    received: dt.date

    @property
    def answer_by(self) -> dt.date:
        return working_days_after(self.received, ANSWER_WORKING_DAYS)

    @property
    def done_by(self) -> dt.date:
        return self.received + dt.timedelta(days=CARRY_OUT_DAYS)


def open_requests(exemplars: Iterable[Exemplar], today: dt.date) -> list[Request]:
    """Withdrawals whose deadline to be carried out has not passed yet (the ones to act on)."""
    found = [
        Request(e.name, e.slug, e.consent.withdrawn)
        for e in exemplars
        if e.consent is not None and e.consent.withdrawn is not None
    ]
    return sorted((r for r in found if r.done_by >= today), key=lambda r: r.received)
