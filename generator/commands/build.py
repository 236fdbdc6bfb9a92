"""``dienhinh build``: the site, built beside the published one and swapped in on success."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import cli as msg
from ..records.model import RESERVED_SLUG
from ..records.settings import Settings
from .engine import staged_build
from .terminal import say, shown_path

NAME = "build"
HELP = msg.HELP_BUILD
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-d", "--site-dir", type=Path, help=msg.HELP_BUILD_SITE_DIR)
    parser.add_argument("--strict", action="store_true", help=msg.HELP_BUILD_STRICT)


def run(settings: Settings, args: argparse.Namespace) -> int:
    return build_site(settings, args.site_dir, args.strict)


def build_site(settings: Settings, site_dir: Path | None, strict: bool, quiet: bool = False) -> int:
    """The whole site; say how many profiles it has (``quiet``: without the hint on what to
    do next, for publish)."""
    config_file = settings.config_file or settings.root / "mkdocs.yml"
    code, target = staged_build(config_file, site_dir, strict=strict)
    if code:
        return code
    profiles = sum(
        1 for page in (target / "dien-hinh").glob("*/index.html") if not RESERVED_SLUG.match(page.parent.name)
    )
    say(msg.BUILD_OK.format(path=target, pages=profiles))
    if not quiet:
        say(msg.BUILD_NEXT.format(path=shown_path(target)))
    return 0
