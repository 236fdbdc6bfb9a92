"""``dienhinh withdraw SLUG``: a person withdraws consent (and asks for erasure). The request
and its date go into the profile; the next build leaves the person out of every output, the
open data carries a tombstone (address and date only) so the province removes its copy, and
the next publish removes the person from every copy on the server, the releases kept for
rollback included."""

from __future__ import annotations

import argparse
import datetime as dt

from .. import clock
from ..intake.import_sheet import parse_date
from ..messages import records as records_msg
from ..messages import staff as msg
from ..records import store
from ..records.settings import Settings
from . import terminal

NAME = "withdraw"
HELP = msg.HELP_WITHDRAW
PROJECT = True
# As reported from Nghị định 356/2025/NĐ-CP (VnExpress 8 Jan 2026, Frasers 19 Jan 2026; check
# the decree's text): an answer within two working days of the request, the withdrawal
# carried out within fifteen days.
ANSWER_WORKING_DAYS = 2
CARRY_OUT_DAYS = 15


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", metavar=msg.METAVAR_SLUG, help=msg.HELP_WITHDRAW_SLUG)
    parser.add_argument("--date", help=msg.HELP_WITHDRAW_DATE)


def working_days_after(day: dt.date, count: int) -> dt.date:
    """``count`` working days (Monday to Friday) after ``day``."""
    while count:
        day += dt.timedelta(days=1)
        count -= day.weekday() < 5
    return day


def run(settings: Settings, args: argparse.Namespace) -> int:
    console = terminal.console()
    index = settings.exemplars_dir / args.slug / "index.md"
    bundle = store.read_bundle(index) if index.is_file() else None
    if bundle is None:
        console.print(msg.WITHDRAW_NO_PROFILE.format(slug=args.slug), markup=False)
        return 1
    day = parse_date(args.date) if args.date else clock.today()
    if day is None:
        console.print(f"--date: {records_msg.bad_date(args.date)}", markup=False)
        return 1
    data = dict(bundle.front_matter)
    consent = dict(data.get("consent") or {})
    consent["withdrawn"] = day
    data["consent"] = consent
    profile = store.Profile(args.slug, data, bundle.story, comments=bundle.comments)
    saved = store.save_profile(settings, profile, bundle.raw)
    for problem in (*saved.errors, *([saved.failure] if saved.failure else [])):
        console.print(problem.format(settings.root), markup=False)
    if saved.errors or saved.failure:
        return 1
    name = str(data.get("name", args.slug))
    console.print(
        msg.WITHDRAW_DONE.format(
            name=name,
            date=day.strftime("%d/%m/%Y"),
            answer=working_days_after(day, ANSWER_WORKING_DAYS).strftime("%d/%m/%Y"),
            done=(day + dt.timedelta(days=CARRY_OUT_DAYS)).strftime("%d/%m/%Y"),
        ),
        markup=False,
    )
    return 0
