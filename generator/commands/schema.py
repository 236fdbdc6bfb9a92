"""``dienhinh schema``: the JSON schema of the profiles for the project's registry."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..files import write_atomically
from ..messages import schema as schema_msg
from ..records.settings import Settings
from . import terminal

NAME = "schema"
HELP = schema_msg.HELP_SCHEMA
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, help=schema_msg.HELP_SCHEMA_OUTPUT)


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Write the schema for the project's registry."""
    from ..records.schema import DEFAULT_OUTPUT, schema_text

    console = terminal.console()
    registry = terminal.registry(settings, console)
    if registry is None:
        return 1
    path = args.output if args.output is not None else settings.root / DEFAULT_OUTPUT
    try:
        write_atomically(path, schema_text(registry))
    except OSError as error:
        console.print(terminal.not_written(path, error), markup=False)
        return 1
    console.print(schema_msg.SCHEMA_WRITTEN.format(path=path), markup=False)
    return 0
