"""``dienhinh override [FILE…]``: start changing one theme file (a copy in overrides/), or
mark a changed one as reviewed against the tool's current version; without names, the
commune's overrides and which of them the tool has changed since."""

from __future__ import annotations

import argparse
import difflib
import shutil

from rich.console import Console

from ..files import write_atomically
from ..messages import theme as msg
from ..records.settings import Settings
from ..theme_files import BASES, Layer, bases_text, digest, recorded_bases, stale_overrides, theme_files
from . import terminal

NAME = "override"
HELP = msg.HELP_OVERRIDE
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar=msg.METAVAR_THEME_FILE, help=msg.HELP_OVERRIDE_NAMES)


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Copy theme files into overrides (or mark changed ones reviewed); without names, list
    the commune's overrides and which of them the tool has changed since."""
    console = terminal.console()
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
                console.print(
                    msg.OVERRIDE_REVIEWED.format(path=terminal.shown_path(target, settings.root)),
                    markup=False,
                )
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(shipped[name], target)
            console.print(
                msg.OVERRIDE_COPIED.format(path=terminal.shown_path(target, settings.root)), markup=False
            )
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
        console.print(line.format(path=terminal.shown_path(path, settings.root)), markup=False)
    return 0


def _theme_name(name: str) -> str:
    """A theme name as typed: with or without a leading ``overrides/`` or ``site_templates/``,
    with Windows separators."""
    name = name.replace("\\", "/").strip("/")
    for prefix in ("overrides/", "site_templates/"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name
