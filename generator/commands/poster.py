"""``dienhinh poster``: a one-page notice-board poster of one exemplar."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import poster as msg
from ..records.settings import Settings
from .paperwork import refused_unprintable
from .terminal import failed, say

NAME = "poster"
HELP = msg.HELP_POSTER
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", help=msg.HELP_POSTER_SLUG)
    parser.add_argument("--size", default="A4", type=str.upper, help=msg.HELP_POSTER_SIZE)
    parser.add_argument("-o", "--output", type=Path, help=msg.HELP_POSTER_OUTPUT)


def run(settings: Settings, args: argparse.Namespace) -> int:
    from ..build import load_project
    from ..printing import booklet as bk
    from ..printing import poster as pt

    if args.size not in pt.PAGE_SIZES:
        say(msg.POSTER_BAD_SIZE.format(size=args.size), error=True)
        return 1
    if not settings.site_url:  # the QR code is an absolute address
        say(
            bk.no_site_url(settings.config_file or settings.root / "mkdocs.yml").format(settings.root),
            error=True,
        )
        return 1
    catalog = load_project(settings)
    if not catalog.ok or catalog.registry is None:
        return failed(catalog.problems, settings.root, msg.POSTER_FAILED, errors_only=True)
    refused = pt.refusal(catalog, args.slug)
    if refused is not None:
        say(refused, error=True)
        return 1
    exemplar = next(e for e in catalog.exemplars if e.slug == args.slug)
    if refused_unprintable(catalog, [exemplar], settings.root):
        return 1
    target = args.output or Path(f"ap-phich-{exemplar.slug}.pdf")
    rendered, problems = pt.make_poster(exemplar, catalog, settings, target, args.size)
    if rendered is None:
        return failed(problems, settings.root, msg.POSTER_FAILED)
    say(
        msg.POSTER_OK.format(
            path=target, size=args.size, kb=f"{len(rendered.pdf) / 1024:.0f}", name=exemplar.slug
        )
    )
    return 0
