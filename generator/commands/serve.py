"""``dienhinh serve``: the live preview."""

from __future__ import annotations

import argparse

from ..messages import cli as msg
from ..records.settings import Settings
from .engine import serve

NAME = "serve"
HELP = msg.HELP_SERVE
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help=msg.HELP_SERVE_ADDR)


def run(settings: Settings, args: argparse.Namespace) -> int:
    return serve(settings.config_file or settings.root / "mkdocs.yml", args.dev_addr)
