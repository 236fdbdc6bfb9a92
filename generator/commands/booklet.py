"""``dienhinh booklet``: one booklet PDF, a visit's, a field's or every published exemplar's."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import booklet as msg
from ..messages import cli as cli_msg
from ..records.settings import Settings
from .paperwork import refused_unprintable
from .terminal import failed, say

NAME = "booklet"
HELP = msg.HELP_BOOKLET
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("visit", nargs="?", help=msg.HELP_BOOKLET_VISIT)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--field", metavar=cli_msg.METAVAR_CODE, help=msg.HELP_BOOKLET_FIELD)
    group.add_argument("--all", action="store_true", help=msg.HELP_BOOKLET_ALL)
    parser.add_argument("--size", default="A5", type=str.upper, help=msg.HELP_BOOKLET_SIZE)
    parser.add_argument("-o", "--output", type=Path, help=msg.HELP_BOOKLET_OUTPUT)


def _refusal(settings: Settings, args: argparse.Namespace) -> str | None:
    """Why the booklet cannot start with these options, if it cannot."""
    from ..printing import booklet as bk

    if args.size not in bk.PAGE_SIZES:
        return msg.BOOKLET_BAD_SIZE.format(size=args.size)
    if args.visit is None and args.field is None and not args.all:
        return msg.BOOKLET_CHOOSE
    if args.visit is not None and (args.field is not None or args.all):
        return msg.BOOKLET_VISIT_AND_GROUP
    if not settings.site_url:
        return bk.no_site_url(settings.config_file or settings.root / "mkdocs.yml").format(settings.root)
    return None


def run(settings: Settings, args: argparse.Namespace) -> int:
    from ..build import load_project
    from ..printing import booklet as bk

    refused = _refusal(settings, args)
    if refused is not None:
        say(refused, error=True)
        return 1
    catalog = load_project(settings)
    if not catalog.ok or catalog.registry is None:
        return failed(catalog.problems, settings.root, msg.BOOKLET_FAILED, errors_only=True)
    chosen = bk.choose_booklet(catalog, args.visit, args.field)
    if isinstance(chosen, str):
        say(chosen, error=True)
        return 1
    if refused_unprintable(catalog, chosen.exemplars, settings.root):
        return 1
    target = args.output or Path(f"so-tay-{chosen.name}.pdf")
    rendered, problems = bk.make_booklet(chosen, catalog, settings, target, args.size)
    if rendered is None:
        return failed(problems, settings.root, msg.BOOKLET_FAILED)
    say(
        msg.BOOKLET_OK.format(
            path=target,
            pages=rendered.pages,
            exemplars=len(chosen.exemplars),
            size=f"{args.size}, {len(rendered.pdf) / 1024:.0f} KB",
        )
    )
    return 0
