"""``dienhinh new``: a new draft profile, from options or questions at the terminal."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from .. import clock
from ..intake.drafts import draft_front_matter, make_slug, normalize, save_new_draft, taken_slugs
from ..intake.import_sheet import KIND_WORDS
from ..messages import common as common_msg
from ..messages import records as records_msg
from ..messages import staff as msg
from ..records.model import Kind, Registry
from ..records.settings import Settings
from . import terminal

NAME = "new"
HELP = msg.HELP_NEW
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help=msg.HELP_NEW_NAME)
    parser.add_argument("--kind", help=msg.HELP_NEW_KIND)
    parser.add_argument("--field", help=msg.HELP_NEW_FIELD)
    parser.add_argument("--hamlet", help=msg.HELP_NEW_HAMLET)
    parser.add_argument("--organization", help=msg.HELP_NEW_ORGANIZATION)
    parser.add_argument("--summary", help=msg.HELP_NEW_SUMMARY)
    parser.add_argument("--registered", help=msg.HELP_NEW_REGISTERED)


Question = tuple[str, list[tuple[str, str]] | None, bool]  # prompt, choices (code, label), required


def questions(registry: Registry) -> dict[str, Question]:
    """What a new profile is asked at the terminal, option by option, in order (``new``, and
    a Word report's import for what the report does not say)."""
    kinds = [(k.value, common_msg.KIND_NAMES[k.value]) for k in Kind]
    return {
        "name": (msg.PROMPT_NAME, None, True),
        "kind": (msg.PROMPT_KIND, kinds, True),
        "field": (msg.PROMPT_FIELD, [(f.code, f.short_name) for f in registry.fields], True),
        "hamlet": (msg.PROMPT_HAMLET, [(h.code, h.name) for h in registry.hamlets], False),
        "organization": (msg.PROMPT_ORGANIZATION, [(o.code, o.name) for o in registry.organizations], False),
        "summary": (msg.PROMPT_SUMMARY, None, False),
    }


def run(settings: Settings, args: argparse.Namespace) -> int:
    console = terminal.console()
    registry = terminal.registry(settings, console)
    if registry is None:
        return 1
    interactive = sys.stdin.isatty()
    answers: dict[str, str | None] = {}
    for key, (prompt, choices, required) in questions(registry).items():
        value = getattr(args, key)
        if value is None and interactive:
            value = ask(console, prompt, choices, required)
        if value is None and required:
            console.print(msg.NEW_MISSING_OPTION.format(option=f"--{key}"), markup=False)
            return 1
        if key == "kind" and value:
            # "Tập thể", "ca nhan"… as a person would type them.
            value = KIND_WORDS[normalize(value)].value if normalize(value) in KIND_WORDS else value
        answers[key] = value or None
    try:
        registered = dt.date.fromisoformat(args.registered) if args.registered else clock.today()
    except ValueError:
        console.print(f"--registered: {records_msg.bad_date(args.registered)}", markup=False)
        return 1

    slug = make_slug(answers["name"] or "", taken_slugs(settings.exemplars_dir))
    data = draft_front_matter(
        name=answers["name"] or "",
        kind=answers["kind"] or "",
        field=answers["field"] or "",
        hamlet=answers["hamlet"],
        organization=answers["organization"],
        registered=registered,
        summary=answers["summary"],
    )
    saved = save_new_draft(settings, slug, data)
    for problem in saved.errors:
        option = problem.field.split(".")[0].split("[")[0]
        own = option and problem.file.parent.name == slug
        console.print(
            f"--{option}: {problem.message}" if own else problem.format(settings.root), markup=False
        )
    if saved.errors:
        console.print(msg.NEW_FAILED, markup=False)
        return 1
    if saved.failure is not None:
        console.print(saved.failure.message, markup=False)
        return 1
    written = settings.exemplars_dir / slug / "index.md"
    shown = written.relative_to(settings.root) if written.is_relative_to(settings.root) else written
    console.print(msg.NEW_CREATED.format(path=shown, slug=slug), markup=False)
    console.print(msg.NEW_NEXT, markup=False)
    return 0


def ask(
    console: Console, prompt: str, choices: Sequence[tuple[str, str]] | None, required: bool
) -> str | None:
    """One question; with choices, a numbered list that accepts the number or the code."""
    if choices:
        table = Table(show_header=False, box=None, pad_edge=False)
        for number, (code, label) in enumerate(choices, start=1):
            table.add_row(f"{number}.", code, label)
        console.print(table)
    while True:
        try:
            answer = console.input(f"[bold]{prompt}[/]: ").strip()
        except EOFError:
            return None
        if not answer:
            if required:
                continue
            return None
        if not choices:
            return answer
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1][0]
        if answer in {code for code, _ in choices}:
            return answer
        console.print(msg.PROMPT_BAD_CHOICE.format(value=answer), markup=False)
