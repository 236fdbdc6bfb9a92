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
