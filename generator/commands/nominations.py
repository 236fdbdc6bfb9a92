"""``dienhinh nominations``: the list of exemplars proposed for commendation, as Word and
Excel."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import papers as msg
from ..records.settings import Settings
from . import paperwork, terminal

NAME = "nominations"
HELP = msg.HELP_NOMINATIONS
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docx", type=Path, help=msg.HELP_NOMINATIONS_DOCX)
    parser.add_argument("--xlsx", type=Path, help=msg.HELP_NOMINATIONS_XLSX)
    paperwork.options(parser)


def run(settings: Settings, args: argparse.Namespace) -> int:
    return paperwork.run_paperwork(settings, args, terminal.console())
