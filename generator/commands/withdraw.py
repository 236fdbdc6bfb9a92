"""``dienhinh withdraw SLUG``: a person withdraws consent (and asks for erasure). The request
and its date go into the profile; the next build leaves the person out of every output, the
open data carries a tombstone (address and date only) so the province removes its copy, and
the next publish removes the person from every copy on the server, the releases kept for
rollback included."""

from __future__ import annotations

import argparse

from .. import clock
from ..intake.import_sheet import parse_date
from ..messages import records as records_msg
from ..messages import staff as msg
from ..records import store
from ..records.settings import Settings
from ..staff.withdrawals import Request
from . import terminal

NAME = "withdraw"
HELP = msg.HELP_WITHDRAW
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", metavar=msg.METAVAR_SLUG, help=msg.HELP_WITHDRAW_SLUG)
    parser.add_argument("--date", help=msg.HELP_WITHDRAW_DATE)


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
    if bundle.front_matter.get("kind") != "individual":
        console.print(msg.WITHDRAW_NOT_INDIVIDUAL.format(slug=args.slug), markup=False)
        return 1
    if not terminal.save_consent(settings, args.slug, bundle, {"withdrawn": day}, console):
        return 1
    name = str(bundle.front_matter.get("name", args.slug))
    request = Request(name, args.slug, day)
    console.print(
        msg.WITHDRAW_DONE.format(
            name=name,
            date=day.strftime("%d/%m/%Y"),
            answer=request.answer_by.strftime("%d/%m/%Y"),
            done=request.done_by.strftime("%d/%m/%Y"),
        ),
        markup=False,
    )
    return 0
