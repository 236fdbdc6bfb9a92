"""``dienhinh upgrade`` (a 0.1 commune's copied theme → only its own changes, in overrides/)
and ``dienhinh override`` (start changing one theme file, or mark a changed one as reviewed
against the tool's current version): the edge where the theme meets the commune's folder."""

from __future__ import annotations

import argparse
import difflib
import shutil
from pathlib import Path
from typing import Any

from rich.console import Console

from ..files import write_atomically
from ..messages import theme as msg
from ..records.settings import Settings, load_settings
from ..theme_files import BASES, Layer, bases_text, digest, recorded_bases, stale_overrides, theme_files
from . import upgrade as up


def add_commands(commands: Any) -> None:
    upgrade = commands.add_parser("upgrade", help=msg.HELP_UPGRADE)
    upgrade.add_argument("--dry-run", action="store_true", help=msg.HELP_UPGRADE_DRY_RUN)
    upgrade.add_argument(
        "projects", nargs="*", type=Path, metavar=msg.METAVAR_PROJECT, help=msg.HELP_UPGRADE_PROJECTS
    )
    override = commands.add_parser("override", help=msg.HELP_OVERRIDE)
    override.add_argument("names", nargs="*", metavar=msg.METAVAR_THEME_FILE, help=msg.HELP_OVERRIDE_NAMES)


def run_upgrade_all(args: argparse.Namespace) -> int:
    """``dienhinh upgrade XA1 XA2 …``: every commune folder of a machine in one command; one
    that cannot be upgraded is said and the others go on. Exit 1 if any failed."""
    console = Console(highlight=False, soft_wrap=True)
    failed = 0
    for project in args.projects:
        console.print(msg.UPGRADE_PROJECT.format(path=project), markup=False)
        if not (project / "mkdocs.yml").is_file():
            console.print(msg.UPGRADE_NOT_A_PROJECT.format(path=project), markup=False)
            failed += 1
            continue
        settings, problems = load_settings(project / "mkdocs.yml")
        if settings is None:
            for problem in problems:
                console.print(problem.format(), markup=False)
            failed += 1
            continue
        failed += run_upgrade(settings, args, console) != 0
    if failed:
        console.print(msg.UPGRADE_SOME_FAILED.format(count=failed, total=len(args.projects)), markup=False)
    return 1 if failed else 0


def run_upgrade(settings: Settings, args: argparse.Namespace, console: Console) -> int:
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


def run_override(settings: Settings, args: argparse.Namespace, console: Console) -> int:
    """Copy theme files into overrides (or mark changed ones reviewed); without names, list
    the commune's overrides and which of them the tool has changed since."""
    theme = settings.theme
    package = theme.layers[-1]
    shipped = dict(theme_files(package))
    if not args.names:
        return _list(settings, console)
    unknown = [name for name in args.names if _theme_name(name) not in shipped]
    for name in unknown:
        close = difflib.get_close_matches(_theme_name(name), list(shipped), n=3, cutoff=0.5)
        console.print(msg.OVERRIDE_UNKNOWN.format(name=name, close=", ".join(close) or "—"), markup=False)
    if unknown:
        return 1
    folder = settings.overrides_dir
    bases = recorded_bases(folder)
    try:
        for name in map(_theme_name, args.names):
            target = Layer(folder).path(name)
            bases[name] = digest(shipped[name].read_bytes())
            if target.is_file():
                console.print(msg.OVERRIDE_REVIEWED.format(path=_shown(settings, target)), markup=False)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(shipped[name], target)
            console.print(msg.OVERRIDE_COPIED.format(path=_shown(settings, target)), markup=False)
        write_atomically(folder / BASES, bases_text(bases))
    except OSError as error:
        console.print(msg.UPGRADE_FAILED.format(reason=error.strerror or error), markup=False)
        return 1
    return 0


def _list(settings: Settings, console: Console) -> int:
    theme = settings.theme
    mine = [(name, path) for layer in theme.own for name, path in theme_files(layer)]
    if not mine:
        console.print(msg.OVERRIDE_NONE.format(overrides=settings.overrides_dir.name), markup=False)
        return 0
    stale = {path for _, path in stale_overrides(theme)}
    for _, path in mine:
        line = msg.OVERRIDE_STALE if path in stale else msg.OVERRIDE_CURRENT
        console.print(line.format(path=_shown(settings, path)), markup=False)
    return 0


def _theme_name(name: str) -> str:
    """A theme name as typed: with or without a leading ``overrides/`` or ``site_templates/``,
    with Windows separators."""
    name = name.replace("\\", "/").strip("/")
    for prefix in ("overrides/", "site_templates/"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name


def _shown(settings: Settings, path: Any) -> str:
    try:
        return str(path.relative_to(settings.root))
    except ValueError:
        return str(path)
