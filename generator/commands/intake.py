"""``dienhinh import``: a sheet of profiles (Excel, CSV) or a Word report → draft bundles."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import track

from ..intake.import_sheet import Outcome, Row, import_sheet, parse_date, read_sheet
from ..messages import common as common_msg
from ..messages import intake as intake_msg
from ..messages import records as records_msg
from ..messages import staff as staff_msg
from ..records.model import Registry
from ..records.settings import Settings
from . import terminal

NAME = "import"
HELP = intake_msg.HELP_IMPORT
PROJECT = True
WORD_SUFFIXES = (".docx", ".doc", ".docm", ".dot", ".dotx")


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sheet", type=Path, help=intake_msg.HELP_IMPORT_SHEET)
    # A Word report's new profile needs what the report does not say.
    parser.add_argument("--name", help=intake_msg.HELP_IMPORT_NAME)
    parser.add_argument("--kind", help=staff_msg.HELP_NEW_KIND)
    parser.add_argument("--field", help=staff_msg.HELP_NEW_FIELD)
    parser.add_argument("--hamlet", help=staff_msg.HELP_NEW_HAMLET)
    parser.add_argument("--organization", help=staff_msg.HELP_NEW_ORGANIZATION)
    parser.add_argument("--registered", help=staff_msg.HELP_NEW_REGISTERED)


def run(settings: Settings, args: argparse.Namespace) -> int:
    console = terminal.console()
    if Path(args.sheet).suffix.lower() in WORD_SUFFIXES:
        return run_import_docx(settings, args, console)
    registry = terminal.registry(settings, console)
    if registry is None:
        return 1
    return run_import(settings, registry, args.sheet, console)


def run_import(settings: Settings, registry: Registry, sheet_path: Path, console: Console) -> int:
    """``dienhinh import``: report bad rows, import the others; exit 1 if any row was bad."""
    sheet, problems = read_sheet(sheet_path)
    if sheet is None:
        for p in problems:
            console.print(p.format(sheet=True), markup=False)
        return 1

    for warning in sheet.warnings():
        console.print(warning.format(sheet=True), markup=False)
    if sheet.skipped:
        console.print(intake_msg.sheet_skipped(sheet.skipped), markup=False)

    def progress(rows: Sequence[Row]) -> Iterable[Row]:
        return track(rows, description=intake_msg.IMPORT_PROGRESS, console=console, transient=True)

    result = import_sheet(sheet, registry, settings, progress=progress if console.is_terminal else None)
    labels = {
        Outcome.created: intake_msg.IMPORT_CREATED,
        Outcome.updated: intake_msg.IMPORT_UPDATED,
        Outcome.unchanged: intake_msg.IMPORT_UNCHANGED,
        Outcome.kept: intake_msg.IMPORT_KEPT,
    }
    for number, slug, outcome in result.outcomes:
        console.print(
            intake_msg.IMPORT_OUTCOME.format(row=number, outcome=labels[outcome], slug=slug), markup=False
        )
    for p in sorted(result.problems, key=lambda p: (p.line, p.field)):
        console.print(p.format(sheet=True), markup=False)
    console.print(
        intake_msg.IMPORT_SUMMARY.format(
            rows=len(sheet.rows),
            created=result.count(Outcome.created),
            updated=result.count(Outcome.updated),
            unchanged=result.count(Outcome.unchanged) + result.count(Outcome.kept),
            bad=len({p.line for p in result.problems}),
        ),
        markup=False,
    )
    if result.problems:
        console.print(intake_msg.IMPORT_ROW_ERRORS, markup=False)
        return 1
    return 0


def run_import_docx(settings: Settings, args: argparse.Namespace, console: Console) -> int:
    """``dienhinh import FILE.docx``: a Word report → a draft bundle; what could not be taken
    from the report is listed by place; in a terminal, what a new profile still needs is
    asked for, as ``new`` asks; exit 1 when nothing could be written."""
    from ..intake.import_docx import DocxOptions, import_report

    path: Path = args.sheet
    registered = parse_date(args.registered) if args.registered else None
    if args.registered and registered is None:
        console.print(f"--registered: {records_msg.bad_date(args.registered)}", markup=False)
        return 1
    options = DocxOptions(args.name, args.kind, args.field, args.hamlet, args.organization, registered)
    result = import_report(settings, path, options)
    if result.missing and result.outcome is None and not result.errors and sys.stdin.isatty():
        asked = _ask_missing(settings, options, result.missing, console)
        if asked is not None:
            result = import_report(settings, path, asked)
    return _said(settings, path, result, console)


def _ask_missing(settings: Settings, options: Any, missing: Sequence[str], console: Console) -> Any:
    """The options with what a new profile needs asked at the terminal (None: no registry)."""
    from dataclasses import replace

    from .new import ask, questions

    registry = terminal.registry(settings, console)
    if registry is None:
        return None
    asked = questions(registry)
    values: dict[str, str | None] = {}
    for key in ("name", "kind", "field"):
        if key in missing:
            values[key] = ask(console, *asked[key])
    if "place" in missing:
        values["hamlet"] = ask(console, *asked["hamlet"])
        if values["hamlet"] is None:
            values["organization"] = ask(console, *asked["organization"])
    return replace(options, **values)


def _said(settings: Settings, path: Path, result: Any, console: Console) -> int:
    from ..intake.import_docx import DocxOutcome

    if result.notes:
        console.print(intake_msg.DOCX_NOTES_TITLE, markup=False)
    for note in result.notes:
        where = intake_msg.docx_place(path.name, note.paragraph, note.snippet)
        console.print(f"{where}: {common_msg.WARNING}: {note.message}", markup=False)
    for problem in (*result.errors, *result.warnings):
        console.print(problem.format(settings.root), markup=False)
    if result.outcome is None:
        if result.refusal:
            console.print(f"{path.name}: {common_msg.ERROR}: {result.refusal}", markup=False)
        console.print(intake_msg.DOCX_FAILED, markup=False)
        return 1
    assert result.index is not None
    shown = terminal.shown_path(result.index, settings.root)
    text = {
        DocxOutcome.created: intake_msg.DOCX_CREATED,
        DocxOutcome.updated: intake_msg.DOCX_UPDATED,
        DocxOutcome.unchanged: intake_msg.DOCX_UNCHANGED,
        DocxOutcome.kept: intake_msg.DOCX_KEPT,
    }[result.outcome]
    console.print(text.format(path=shown, pictures=result.pictures, name=result.name), markup=False)
    return 0
