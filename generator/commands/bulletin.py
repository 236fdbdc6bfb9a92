"""``dienhinh bulletin``: a loudspeaker bulletin about the exemplars, fitted to the slot."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import clock
from ..files import write_atomically
from ..intake.import_sheet import parse_date
from ..messages import bulletin as msg
from ..messages import records as records_msg
from ..records.model import Registry
from ..records.settings import Settings
from ..staff.bulletin import Bulletin
from ..staff.bulletin import clock_words as _clock
from . import paperwork
from .terminal import say

NAME = "bulletin"
HELP = msg.HELP_BULLETIN
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    period = parser.add_mutually_exclusive_group()
    period.add_argument("--since", help=msg.HELP_BULLETIN_SINCE)
    period.add_argument("--year", type=int, help=msg.HELP_BULLETIN_YEAR)
    parser.add_argument("--minutes", type=float, default=5.0, help=msg.HELP_BULLETIN_MINUTES)
    parser.add_argument("--docx", type=Path, help=msg.HELP_BULLETIN_DOCX)
    parser.add_argument("--pdf", type=Path, help=msg.HELP_BULLETIN_PDF)
    parser.add_argument("--txt", type=Path, help=msg.HELP_BULLETIN_TXT)


def run(settings: Settings, args: argparse.Namespace) -> int:
    from ..records.catalog import load_catalog
    from ..staff.bulletin import candidates, make_bulletin

    since = parse_date(args.since) if args.since else None
    if args.since and since is None:
        say(f"--since: {records_msg.bad_date(args.since)}", error=True)
        return 1
    if not 1 <= args.minutes <= 60:
        say(msg.BAD_MINUTES, error=True)
        return 1
    catalog = load_catalog(settings)
    if catalog.registry is None:
        for problem in catalog.problems:
            say(problem.format(settings.root), error=True)
        return 1
    chosen = candidates(catalog.exemplars, since, args.year)
    if not chosen:
        say(msg.NONE, error=True)
        return 1
    bulletin = make_bulletin(catalog.registry, chosen, args.minutes)
    if bulletin is None:
        say(msg.TOO_SHORT.format(minutes=args.minutes), error=True)
        return 1
    return _written(settings, args, bulletin, catalog.registry)


def _written(settings: Settings, args: argparse.Namespace, bulletin: Bulletin, registry: Registry) -> int:
    """The script where asked (Word, PDF, text), or on the screen."""
    from ..printing.official_pdf import write_pdf
    from ..printing.word import TEMPLATE, write_docx
    from ..staff.bulletin import bulletin_document, bulletin_text

    text = bulletin_text(bulletin)
    document = bulletin_document(bulletin, registry, clock.today())
    template = settings.theme.find(f"report/{TEMPLATE}")
    for path, write in (
        (args.docx, lambda p: write_docx(document, template, p)),
        (args.pdf, lambda p: write_pdf(document, settings.theme, p)),
        (args.txt, lambda p: write_atomically(p, text)),
    ):
        if path is not None:
            failed = paperwork.write_file(path, write, template)
            if failed is not None:
                say(failed, error=True)
                return 1
            say(msg.WRITTEN.format(path=path))
    if args.docx is None and args.pdf is None and args.txt is None:
        say(text)
    say(
        msg.SUMMARY.format(
            count=len(bulletin.stories), total=_clock(bulletin.minutes()), slot=_clock(bulletin.slot)
        )
    )
    return 0
