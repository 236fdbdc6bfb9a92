"""What ``dienhinh report`` and ``dienhinh nominations`` share: the edge that reads the project, picks
the scope (everything, ``--year``, ``--period``), prints the overview and writes the files
asked for (HTML, Excel, Word, PDF), each whole or not at all."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from rich.console import Console

from .. import clock
from ..messages import papers as msg
from ..messages import records as records_msg
from ..records.catalog import Catalog
from ..records.model import Exemplar, Registry
from ..records.problems import Severity
from ..records.settings import Settings
from ..staff.official import (
    Paperwork,
    nomination_document,
    nomination_groups,
    report_document,
    write_nominations_xlsx,
)
from ..staff.report import Overview, build_overview, terminal_view, write_html, write_xlsx
from ..staff.scope import EVERYTHING, Scope, find_period, period_scope, year_scope
from ..staff.withdrawals import open_requests
from .terminal import failed, not_written


def choose_scope(registry: Registry, year: int | None, period: str | None) -> Scope | str:
    """The scope of the options, or the Vietnamese reason they cannot be used."""
    if year is not None and period is not None:
        return msg.REPORT_YEAR_AND_PERIOD
    if period is not None:
        found = find_period(registry, period)
        if found is None:
            valid = ", ".join(p.code for p in registry.plan_periods)
            return msg.REPORT_BAD_PERIOD.format(value=period, valid=valid)
        return period_scope(found)
    return year_scope(year) if year is not None else EVERYTHING


def options(parser: argparse.ArgumentParser) -> None:
    """The scope and the paper's heading, for both commands."""
    parser.add_argument("--year", type=int, help=msg.HELP_REPORT_YEAR)
    parser.add_argument("--period", help=msg.HELP_REPORT_PERIOD)
    parser.add_argument("--number", help=msg.HELP_REPORT_NUMBER)
    parser.add_argument("--signer", default="", help=msg.HELP_REPORT_SIGNER)
    parser.add_argument("--date", help=msg.HELP_REPORT_DATE)


def _paper(args: argparse.Namespace, today: dt.date) -> Paperwork | str:
    if args.date:
        try:
            day = dt.date.fromisoformat(args.date)
        except ValueError:
            return f"--date: {records_msg.bad_date(args.date)}"
    else:
        day = today
    return Paperwork(date=day, number=args.number, signer=args.signer or "")


Writer = Callable[[Path], None]


def _writers(
    args: argparse.Namespace, settings: Settings, registry: Registry, overview: Overview, paper: Paperwork
) -> list[tuple[Path, Writer]]:
    """(path, how to write it) for each file the options ask for."""
    from ..printing.official_pdf import write_pdf
    from ..printing.word import TEMPLATE, write_docx

    template = settings.theme.find(f"report/{TEMPLATE}")
    if args.command == "nominations":
        document = nomination_document(registry, overview, paper)
        asked: list[tuple[Path | None, Writer]] = [
            (args.docx, lambda path: write_docx(document, template, path)),
            (args.xlsx, lambda path: write_nominations_xlsx(registry, overview, path)),
        ]
    else:
        official = report_document(registry, overview, paper)
        asked = [
            (args.html, lambda path: write_html(overview, settings.theme, path)),
            (args.xlsx, lambda path: write_xlsx(overview, path, registry.commune.name)),
            (args.docx, lambda path: write_docx(official, template, path)),
            (args.pdf, lambda path: write_pdf(official, settings.theme, path)),
        ]
    return [(path, write) for path, write in asked if path is not None]


def refused_unprintable(
    catalog: Catalog, exemplars: Iterable[Exemplar], root: Path, names_only: bool = False
) -> bool:
    """Say which profile, at which line, has a character the PDF cannot print; → whether
    there is one (the PDF is then not made)."""
    from ..printing.booklet import unprintable

    found = catalog.unprintable(exemplars, unprintable, names_only)
    if found:
        failed(found, root, msg.PDF_UNPRINTABLE)
    return bool(found)


def write_file(path: Path, write: Writer, template: Path) -> str | None:
    """Writes one file; the line saying why when it could not be written."""
    reason = _reason_not_written(path, write, template)
    return None if reason is None else not_written(path, reason)


def _reason_not_written(path: Path, write: Writer, template: Path) -> str | OSError | None:
    from ..printing.official_pdf import PdfFailed
    from ..printing.word import MissingStyle, UnreadableTemplate

    try:
        write(path)
    except UnreadableTemplate:
        return msg.REPORT_TEMPLATE_UNREADABLE.format(path=template)
    except MissingStyle as error:
        return msg.REPORT_TEMPLATE_STYLE.format(path=template, style=error.args[0])
    except PdfFailed as error:
        return str(error)
    except OSError as error:
        return error
    return None


def run_paperwork(settings: Settings, args: argparse.Namespace, console: Console) -> int:
    """``report`` (overview + files) and ``nominations`` (the list as Word and Excel)."""
    from ..printing.word import TEMPLATE
    from ..records.catalog import load_catalog

    catalog = load_catalog(settings)
    registry = catalog.registry
    if registry is None:
        for problem in catalog.problems:
            console.print(problem.format(settings.root), markup=False)
        console.print(msg.REPORT_NO_REGISTRY, markup=False)
        return 1
    scope = choose_scope(registry, args.year, args.period)
    today = clock.today()
    paper = _paper(args, today) if not isinstance(scope, str) else scope
    if isinstance(scope, str) or isinstance(paper, str):
        console.print(scope if isinstance(scope, str) else paper, markup=False)
        return 1
    overview = build_overview(registry, catalog.exemplars, today, scope=scope)
    _show(args.command, overview, console)
    if args.command == "report":
        for request in open_requests(catalog.exemplars, today):
            console.print(
                msg.WITHDRAWAL_OPEN.format(
                    name=request.name,
                    received=request.received.strftime("%d/%m/%Y"),
                    answer=request.answer_by.strftime("%d/%m/%Y"),
                    done=request.done_by.strftime("%d/%m/%Y"),
                ),
                markup=False,
            )
    broken = {
        p.file
        for p in catalog.problems
        if p.severity is Severity.error and p.file.is_relative_to(settings.exemplars_dir)
    }
    if broken:
        console.print(msg.REPORT_SKIPPED.format(count=len(broken)), markup=False)
    if getattr(args, "pdf", None) and refused_unprintable(catalog, catalog.exemplars, settings.root, True):
        return 1
    template = settings.theme.find(f"report/{TEMPLATE}")
    for path, write in _writers(args, settings, registry, overview, paper):
        failed = write_file(path, write, template)
        if failed is not None:
            console.print(failed, markup=False)
            return 1
        written = msg.NOMINATIONS_WRITTEN if args.command == "nominations" else msg.REPORT_WRITTEN
        console.print(written.format(path=path), markup=False)
    return 0


def _show(command: str, overview: Overview, console: Console) -> None:
    """The report's tables, or the nomination list by group, in the terminal."""
    if command == "report":
        for part in terminal_view(overview):
            console.print(part)
        return
    if not overview.nominations:
        console.print(msg.NOMINATIONS_NONE.format(scope=_scope_words(overview.scope)), markup=False)
    for title, rows in nomination_groups(overview):
        names = "; ".join(n.name for n in rows)
        console.print(msg.NOMINATIONS_GROUP.format(title=title, count=len(rows), names=names), markup=False)


def _scope_words(scope: Scope) -> str:
    if scope.period is not None:
        return msg.DOC_SCOPE_PERIOD.format(period=scope.period.name.lower())
    return msg.DOC_SCOPE_YEAR.format(year=scope.first) if scope.first is not None else ""
