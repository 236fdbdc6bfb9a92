"""The project's one clock: every "today" is the commune's date, in Vietnam's time zone,
whatever zone the computer running the tool is set to (a server abroad, CI in UTC)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def now() -> dt.datetime:
    """The current moment, aware, in Vietnam's time zone."""
    return dt.datetime.now(tz=VIETNAM)


def today() -> dt.date:
    """Today's date in Vietnam (at 23:30 UTC it is already tomorrow there)."""
    return now().date()
