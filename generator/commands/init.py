"""``dienhinh init``: a new commune's project, from options or questions; never over an
existing project; checked with the same checks as ``check`` once written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from .. import clock
from ..messages import staff as msg
from ..records.problems import Severity
from ..staff.init import (
    NewCommune,
    commune_name,
    default_period,
    existing_project,
    overrides_source,
    parse_list,
    parse_period,
    province_name,
    site_address,
    write_project,
)
from . import terminal
from .new import ask

NAME = "init"
HELP = msg.HELP_INIT
PROJECT = False  # it makes the project: there is no mkdocs.yml yet


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", type=Path, default=Path("."), help=msg.HELP_INIT_DIRECTORY)
    parser.add_argument("--commune", help=msg.HELP_INIT_COMMUNE)
    parser.add_argument("--province", help=msg.HELP_INIT_PROVINCE)
    parser.add_argument("--hamlets", help=msg.HELP_INIT_HAMLETS)
    parser.add_argument("--hamlets-file", type=Path, help=msg.HELP_INIT_HAMLETS_FILE)
    parser.add_argument("--organizations", help=msg.HELP_INIT_ORGANIZATIONS)
    parser.add_argument("--organizations-file", type=Path, help=msg.HELP_INIT_ORGANIZATIONS_FILE)
    parser.add_argument("--period", help=msg.HELP_INIT_PERIOD)
    parser.add_argument("--decision", help=msg.HELP_INIT_DECISION)
    parser.add_argument("--site-url", help=msg.HELP_INIT_SITE_URL)
    parser.add_argument("--from", dest="templates_from", type=Path, help=msg.HELP_INIT_FROM)


def run(settings: None, args: argparse.Namespace) -> int:
    console = terminal.console()
    target: Path = args.directory.resolve()
    if target.exists() and not target.is_dir():
        console.print(msg.INIT_NOT_A_FOLDER.format(path=target), markup=False)
        return 1
    found = existing_project(target)
    if found is not None:
        console.print(msg.INIT_EXISTS.format(path=found), markup=False)
        return 1
    overrides = overrides_source(args.templates_from) if args.templates_from else None
    if args.templates_from and overrides is None:
        console.print(msg.INIT_NO_TEMPLATES.format(path=args.templates_from), markup=False)
        return 1
    answers = _init_answers(args, console)
    if answers is None:
        return 1
    try:
        written = write_project(target, answers, overrides)
    except OSError as error:  # a folder that cannot be written, a full disk
        console.print(msg.INIT_WRITE_FAILED.format(path=target, reason=error.strerror or error), markup=False)
        return 1
    for path in written:
        console.print(msg.INIT_WROTE.format(path=path), markup=False)
    return _check_new_project(target, console)


def _init_answers(args: argparse.Namespace, console: Console) -> NewCommune | None:
    interactive = sys.stdin.isatty()
    if interactive:
        console.print(msg.INIT_INTRO, markup=False)
    commune = args.commune or (ask(console, msg.PROMPT_INIT_COMMUNE, None, True) if interactive else None)
    province = args.province or (ask(console, msg.PROMPT_INIT_PROVINCE, None, True) if interactive else None)
    for option, value in (("--commune", commune), ("--province", province)):
        if not value:
            console.print(msg.NEW_MISSING_OPTION.format(option=option), markup=False)
            return None
    hamlets = _init_list(console, args.hamlets, args.hamlets_file, msg.PROMPT_INIT_HAMLETS, interactive)
    organizations = _init_list(
        console, args.organizations, args.organizations_file, msg.PROMPT_INIT_ORGANIZATIONS, interactive
    )
    if hamlets is None or organizations is None:
        return None
    if not hamlets:
        console.print(msg.INIT_NO_HAMLETS, markup=False)
        return None
    suggested = "{}-{}".format(*default_period(clock.today().year))
    text = args.period or (
        ask(console, msg.PROMPT_INIT_PERIOD.format(default=suggested), None, False) if interactive else None
    )
    period = parse_period(text or suggested)
    if period is None:
        console.print(msg.INIT_BAD_PERIOD.format(value=text), markup=False)
        return None
    address = args.site_url or (ask(console, msg.PROMPT_INIT_SITE_URL, None, False) if interactive else None)
    site_url = site_address(address) if address else None
    if address and site_url is None:
        console.print(msg.INIT_BAD_SITE_URL.format(value=address), markup=False)
        return None
    return NewCommune(
        commune=commune_name(commune or ""),
        province=province_name(province or ""),
        hamlets=tuple(hamlets),
        organizations=tuple(organizations),
        period=period,
        decision=args.decision,
        **({"site_url": site_url} if site_url else {}),
    )


def _init_list(
    console: Console, text: str | None, path: Path | None, prompt: str, interactive: bool
) -> list[str] | None:
    """Names from the option, the file (one per line) or pasted at the prompt; None after a
    file that cannot be read (already said why)."""
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            console.print(msg.INIT_LIST_UNREADABLE.format(path=path, reason=error), markup=False)
            return None
    if text is None and interactive:
        console.print(prompt, markup=False)
        lines = []
        while True:
            try:
                line = console.input("> ")
            except EOFError:
                break
            if not line.strip():
                break
            lines.append(line)
        text = "\n".join(lines)
    return parse_list(text or "")


def _check_new_project(target: Path, console: Console) -> int:
    """The new project passes ``check``: say what to do next, or show what went wrong."""
    from ..records.catalog import load_catalog
    from ..records.settings import load_settings

    settings, problems = load_settings(target / "mkdocs.yml")
    if settings is not None:
        problems = [p for p in load_catalog(settings).problems if p.severity is Severity.error]
    for problem in problems:
        console.print(problem.format(target), markup=False)
    if problems:
        console.print(msg.INIT_CHECK_FAILED, markup=False)
        return 1
    console.print(msg.INIT_DONE.format(path=target), markup=False)
    return 0
