"""The ``dienhinh`` commands, one module each. A command module has:

- ``NAME`` (as typed) and ``HELP`` (Vietnamese);
- ``PROJECT``: whether it runs inside a commune's project, whose settings are then loaded
  (and their problems said) before it runs;
- ``arguments(parser)``: its options;
- ``run(settings, args) -> int``: the exit code (settings is None when ``PROJECT`` is false).

A new command is one module and its place in ``COMMANDS``."""

from __future__ import annotations

import argparse
from pathlib import Path
from types import ModuleType

from ..messages import cli as msg
from ..records.settings import load_settings
from . import (
    booklet,
    build,
    bulletin,
    check,
    consent,
    dossier,
    edit,
    editor_config,
    gather,
    init,
    intake,
    new,
    nominations,
    override,
    publish,
    report,
    schema,
    serve,
    upgrade,
    withdraw,
)
from .terminal import say

# In the order ``dienhinh --help`` lists them.
COMMANDS: tuple[ModuleType, ...] = (
    check,
    build,
    serve,
    edit,
    new,
    intake,
    report,
    nominations,
    dossier,
    schema,
    editor_config,
    upgrade,
    override,
    init,
    publish,
    booklet,
    gather,
    bulletin,
    consent,
    withdraw,
)
BY_NAME = {command.NAME: command for command in COMMANDS}

argparse._ = lambda text: msg.ARGPARSE.get(text, text)  # type: ignore[attr-defined]


def parser() -> argparse.ArgumentParser:
    """The ``dienhinh`` parser, every command's options on it."""
    made = argparse.ArgumentParser(prog="dienhinh", description=msg.HELP_TOOL)
    made.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path, help=msg.HELP_CONFIG_FILE)
    commands = made.add_subparsers(dest="command", required=True, metavar=msg.METAVAR_COMMAND)
    for command in COMMANDS:
        command.arguments(commands.add_parser(command.NAME, help=command.HELP))
    return made


def run(args: argparse.Namespace) -> int:
    """The command of ``args``, with the project's settings when it needs them."""
    command = BY_NAME[args.command]
    if not command.PROJECT:
        code: int = command.run(None, args)
        return code
    config_file: Path = args.config_file
    if not config_file.is_file():
        say(msg.NO_CONFIG.format(path=config_file), error=True)
        return 1
    settings, problems = load_settings(config_file)
    if settings is None:
        for problem in problems:
            say(problem.format(), error=True)
        return 1
    code = command.run(settings, args)
    return code
