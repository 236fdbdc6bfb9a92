"""``dienhinh report``: the overview of registrations, evaluations and commendations, and the
report as HTML, Excel, Word or PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import papers as msg
from ..records.settings import Settings
from . import paperwork, terminal

NAME = "report"
HELP = msg.HELP_REPORT
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--html", type=Path, help=msg.HELP_REPORT_HTML)
    parser.add_argument("--xlsx", type=Path, help=msg.HELP_REPORT_XLSX)
    parser.add_argument("--docx", type=Path, help=msg.HELP_REPORT_DOCX)
    parser.add_argument("--pdf", type=Path, help=msg.HELP_REPORT_PDF)
    paperwork.options(parser)


def run(settings: Settings, args: argparse.Namespace) -> int:
    return paperwork.run_paperwork(settings, args, terminal.console())
