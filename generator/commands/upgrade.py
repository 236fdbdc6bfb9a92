"""``dienhinh upgrade [FOLDER…]``: a 0.1 commune's copied theme → only its own changes, in
overrides/; every commune folder of a machine in one command."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from ..messages import cli as cli_msg
from ..messages import theme as msg
from ..records.settings import Settings, load_settings
from ..staff import upgrade as up
from . import terminal

NAME = "upgrade"
HELP = msg.HELP_UPGRADE
PROJECT = False  # the folders given, or the project of --config-file: each loaded here


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help=msg.HELP_UPGRADE_DRY_RUN)
    parser.add_argument(
        "projects", nargs="*", type=Path, metavar=msg.METAVAR_PROJECT, help=msg.HELP_UPGRADE_PROJECTS
    )


def run(settings: None, args: argparse.Namespace) -> int:
    """Each commune folder in turn; one that cannot be upgraded is said and the others go
    on. Exit 1 if any failed."""
    console = terminal.console()
    several = bool(args.projects)
    configs = [project / "mkdocs.yml" for project in args.projects] or [args.config_file]
    failed = 0
    for config in configs:
        if several:
            console.print(msg.UPGRADE_PROJECT.format(path=config.parent), markup=False)
        if not config.is_file():
            text = msg.UPGRADE_NOT_A_PROJECT if several else cli_msg.NO_CONFIG
            console.print(text.format(path=config.parent if several else config), markup=False)
            failed += 1
            continue
        loaded, problems = load_settings(config)
        if loaded is None:
            for problem in problems:
                console.print(problem.format(), markup=False)
            failed += 1
            continue
        failed += upgrade(loaded, args, console) != 0
    if failed and several:
        console.print(msg.UPGRADE_SOME_FAILED.format(count=failed, total=len(configs)), markup=False)
    return 1 if failed else 0


def upgrade(settings: Settings, args: argparse.Namespace, console: Console) -> int:
    """Upgrade a 0.1 commune; say what was removed and what the commune keeps as its own."""
    upgrade = up.plan(settings)
    if upgrade is None:
        console.print(msg.UPGRADE_NOTHING.format(overrides=settings.overrides_dir), markup=False)
        return 0
    if upgrade.clashes:
        for name in upgrade.clashes:
            console.print(msg.UPGRADE_CLASH.format(name=name, overrides=upgrade.overrides), markup=False)
        return 1
    if not args.dry_run:
        try:
            up.apply(settings, upgrade)
        except OSError as error:
            console.print(msg.UPGRADE_FAILED.format(reason=error.strerror or error), markup=False)
            return 1
    console.print(
        (msg.UPGRADE_PLANNED if args.dry_run else msg.UPGRADE_DONE).format(
            legacy=upgrade.legacy.name, removed=len(upgrade.removed), kept=len(upgrade.moved)
        ),
        markup=False,
    )
    for name in upgrade.kept:
        console.print(msg.UPGRADE_KEPT.format(path=f"{upgrade.overrides.name}/{name}"), markup=False)
    for name in upgrade.added:
        console.print(msg.UPGRADE_ADDED.format(path=f"{upgrade.overrides.name}/{name}"), markup=False)
    if upgrade.moved:
        console.print(msg.UPGRADE_NEXT, markup=False)
    return 0
