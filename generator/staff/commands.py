"""The staff's commands (``new``, ``import``, ``report``, ``schema``): the edge where files are
written, people are asked questions and the results are printed; the work itself lives in
new, import_sheet, report and records.schema."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import track
from rich.table import Table

from .. import clock
from ..files import write_atomically
from ..intake.drafts import draft_front_matter, make_slug, save_new_draft, taken_slugs
from ..intake.import_sheet import KIND_WORDS, Outcome, Row, import_sheet, normalize, read_sheet
from ..messages import common as common_msg
from ..messages import editor as editor_msg
from ..messages import intake as intake_msg
from ..messages import papers as papers_msg
from ..messages import records as records_msg
from ..messages import schema as schema_msg
from ..messages import staff as msg
from ..records.load import load_registry
from ..records.model import Kind, Registry
from ..records.problems import Severity
from ..records.settings import Settings
from .init import (
    NewCommune,
    commune_name,
    default_period,
    existing_project,
    overrides_source,
    parse_list,
    parse_period,
    province_name,
    write_project,
)
from .theme_commands import add_commands as add_theme_commands
from .theme_commands import run_override, run_upgrade

WORD_SUFFIXES = (".docx", ".doc", ".docm", ".dot", ".dotx")
COMMANDS = ("new", "import", "report", "nominations", "schema", "editor-config", "upgrade", "override")


def add_commands(commands: Any) -> None:
    """Register the staff's subcommands on the ``dienhinh`` parser."""
    new = commands.add_parser("new", help=msg.HELP_NEW)
    new.add_argument("--name", help=msg.HELP_NEW_NAME)
    new.add_argument("--kind", help=msg.HELP_NEW_KIND)
    new.add_argument("--field", help=msg.HELP_NEW_FIELD)
    new.add_argument("--hamlet", help=msg.HELP_NEW_HAMLET)
    new.add_argument("--organization", help=msg.HELP_NEW_ORGANIZATION)
    new.add_argument("--summary", help=msg.HELP_NEW_SUMMARY)
    new.add_argument("--registered", help=msg.HELP_NEW_REGISTERED)

    imp = commands.add_parser("import", help=intake_msg.HELP_IMPORT)
    imp.add_argument("sheet", type=Path, help=intake_msg.HELP_IMPORT_SHEET)
    # A Word report's new profile needs what the report does not say.
    imp.add_argument("--name", help=intake_msg.HELP_IMPORT_NAME)
    imp.add_argument("--kind", help=msg.HELP_NEW_KIND)
    imp.add_argument("--field", help=msg.HELP_NEW_FIELD)
    imp.add_argument("--hamlet", help=msg.HELP_NEW_HAMLET)
    imp.add_argument("--organization", help=msg.HELP_NEW_ORGANIZATION)
    imp.add_argument("--registered", help=msg.HELP_NEW_REGISTERED)

    report = commands.add_parser("report", help=papers_msg.HELP_REPORT)
    report.add_argument("--html", type=Path, help=papers_msg.HELP_REPORT_HTML)
    report.add_argument("--xlsx", type=Path, help=papers_msg.HELP_REPORT_XLSX)
    report.add_argument("--docx", type=Path, help=papers_msg.HELP_REPORT_DOCX)
    report.add_argument("--pdf", type=Path, help=papers_msg.HELP_REPORT_PDF)
    _paperwork_options(report)

    nominations = commands.add_parser("nominations", help=papers_msg.HELP_NOMINATIONS)
    nominations.add_argument("--docx", type=Path, help=papers_msg.HELP_NOMINATIONS_DOCX)
    nominations.add_argument("--xlsx", type=Path, help=papers_msg.HELP_NOMINATIONS_XLSX)
    _paperwork_options(nominations)

    schema = commands.add_parser("schema", help=schema_msg.HELP_SCHEMA)
    schema.add_argument("-o", "--output", type=Path, help=schema_msg.HELP_SCHEMA_OUTPUT)

    editor = commands.add_parser("editor-config", help=editor_msg.HELP_EDITOR_CONFIG)
    editor.add_argument("-o", "--output", type=Path, help=editor_msg.HELP_EDITOR_CONFIG_OUTPUT)
    editor.add_argument(
        "--site", type=Path, metavar=editor_msg.METAVAR_FOLDER, help=editor_msg.HELP_EDITOR_SITE
    )
    editor.add_argument(
        "--backend", choices=("github", "gitlab", "gitea"), help=editor_msg.HELP_EDITOR_BACKEND
    )
    editor.add_argument("--repo", help=editor_msg.HELP_EDITOR_REPO)
    editor.add_argument("--branch", default="main", help=editor_msg.HELP_EDITOR_BRANCH)
    editor.add_argument("--base-url", default="", help=editor_msg.HELP_EDITOR_BASE_URL)
    editor.add_argument("--app-id", default="", help=editor_msg.HELP_EDITOR_APP_ID)

    add_theme_commands(commands)

    init = commands.add_parser("init", help=msg.HELP_INIT)
    init.add_argument("directory", nargs="?", type=Path, default=Path("."), help=msg.HELP_INIT_DIRECTORY)
    init.add_argument("--commune", help=msg.HELP_INIT_COMMUNE)
    init.add_argument("--province", help=msg.HELP_INIT_PROVINCE)
    init.add_argument("--hamlets", help=msg.HELP_INIT_HAMLETS)
    init.add_argument("--hamlets-file", type=Path, help=msg.HELP_INIT_HAMLETS_FILE)
    init.add_argument("--organizations", help=msg.HELP_INIT_ORGANIZATIONS)
    init.add_argument("--organizations-file", type=Path, help=msg.HELP_INIT_ORGANIZATIONS_FILE)
    init.add_argument("--period", help=msg.HELP_INIT_PERIOD)
    init.add_argument("--decision", help=msg.HELP_INIT_DECISION)
    init.add_argument("--site-url", help=msg.HELP_INIT_SITE_URL)
    init.add_argument("--from", dest="templates_from", type=Path, help=msg.HELP_INIT_FROM)


def _paperwork_options(parser: Any) -> None:
    parser.add_argument("--year", type=int, help=papers_msg.HELP_REPORT_YEAR)
    parser.add_argument("--period", help=papers_msg.HELP_REPORT_PERIOD)
    parser.add_argument("--number", help=papers_msg.HELP_REPORT_NUMBER)
    parser.add_argument("--signer", default="", help=papers_msg.HELP_REPORT_SIGNER)
    parser.add_argument("--date", help=papers_msg.HELP_REPORT_DATE)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Dispatch one staff command; a user's mistake ends with exit code 1."""
    if args.command == "new":
        return run_new(settings, args)
    if args.command == "import" and Path(args.sheet).suffix.lower() in WORD_SUFFIXES:
        return run_import_docx(settings, args, _console())
    if args.command in ("import", "schema", "editor-config"):
        registry = _registry(settings, _console())
        if registry is None:
            return 1
        if args.command == "import":
            return run_import(settings, registry, args.sheet, _console())
        if args.command == "editor-config":
            return run_editor_config(settings, registry, args, _console())
        return run_schema(settings, registry, args.output, _console())
    if args.command == "upgrade":
        return run_upgrade(settings, args, _console())
    if args.command == "override":
        return run_override(settings, args, _console())
    if args.command in ("report", "nominations"):
        from .paperwork import run_paperwork

        return run_paperwork(settings, args, _console())
    raise AssertionError(args.command)


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _registry(settings: Settings, console: Console) -> Registry | None:
    registry, _, problems = load_registry(settings.registry_path)
    for problem in problems:
        console.print(problem.format(settings.root), markup=False)
    if registry is None:
        console.print(msg.NEW_NO_REGISTRY, markup=False)
    return registry


# --- new ----------------------------------------------------------------------------------


def run_new(settings: Settings, args: argparse.Namespace) -> int:
    console = _console()
    registry = _registry(settings, console)
    if registry is None:
        return 1
    interactive = sys.stdin.isatty()
    answers: dict[str, str | None] = {}
    kinds = [(k.value, common_msg.KIND_NAMES[k.value]) for k in Kind]
    questions: list[tuple[str, str, list[tuple[str, str]] | None, bool]] = [
        ("name", msg.PROMPT_NAME, None, True),
        ("kind", msg.PROMPT_KIND, kinds, True),
        ("field", msg.PROMPT_FIELD, [(f.code, f.short_name) for f in registry.fields], True),
        ("hamlet", msg.PROMPT_HAMLET, [(h.code, h.name) for h in registry.hamlets], False),
        ("organization", msg.PROMPT_ORGANIZATION, [(o.code, o.name) for o in registry.organizations], False),
        ("summary", msg.PROMPT_SUMMARY, None, False),
    ]
    for key, prompt, choices, required in questions:
        value = getattr(args, key)
        if value is None and interactive:
            value = _ask(console, prompt, choices, required)
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


def _ask(
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


# --- init ---------------------------------------------------------------------------------


def run_init(args: argparse.Namespace) -> int:
    """``dienhinh init``: a new commune's project, from flags or questions; never over an
    existing project; checked with the same checks as ``check`` once written."""
    console = _console()
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
    commune = args.commune or (_ask(console, msg.PROMPT_INIT_COMMUNE, None, True) if interactive else None)
    province = args.province or (_ask(console, msg.PROMPT_INIT_PROVINCE, None, True) if interactive else None)
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
        _ask(console, msg.PROMPT_INIT_PERIOD.format(default=suggested), None, False) if interactive else None
    )
    period = parse_period(text or suggested)
    if period is None:
        console.print(msg.INIT_BAD_PERIOD.format(value=text), markup=False)
        return None
    return NewCommune(
        commune=commune_name(commune or ""),
        province=province_name(province or ""),
        hamlets=tuple(hamlets),
        organizations=tuple(organizations),
        period=period,
        decision=args.decision,
        **({"site_url": args.site_url} if args.site_url else {}),
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


# --- import -------------------------------------------------------------------------------


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


# --- report and schema --------------------------------------------------------------------


def run_schema(settings: Settings, registry: Registry, output: Path | None, console: Console) -> int:
    """``dienhinh schema``: write the schema for the project's registry."""
    from ..records.schema import DEFAULT_OUTPUT, schema_text

    path = output if output is not None else settings.root / DEFAULT_OUTPUT
    try:
        write_atomically(path, schema_text(registry))
    except OSError as error:
        console.print(common_msg.write_failed(path, error), markup=False)
        return 1
    console.print(schema_msg.SCHEMA_WRITTEN.format(path=path), markup=False)
    return 0


def run_editor_config(
    settings: Settings, registry: Registry, args: argparse.Namespace, console: Console
) -> int:
    """``dienhinh editor-config``: write the browser editor's configuration for the registry;
    with ``--backend``, for a Git host; with ``--site DIR``, the whole editor as static files
    to put on a web server (several officers, several computers)."""
    from ..editor.config import DEFAULT_OUTPUT, config_text, git_backend

    backend = None
    if args.backend:
        if not args.repo:
            console.print(editor_msg.EDITOR_NEEDS_REPO, markup=False)
            return 1
        backend = git_backend(args.backend, args.repo, args.branch, args.base_url, args.app_id)
    root = settings.root
    visits = settings.visits_dir or root / "visits"
    text = config_text(
        registry,
        exemplars_dir=settings.exemplars_dir.relative_to(root).as_posix(),
        visits_dir=visits.relative_to(root).as_posix(),
        backend=backend,
    )
    if args.site is not None:
        from ..editor.server import decap_installed, write_static_editor

        if backend is None or not decap_installed():
            console.print(
                editor_msg.EDITOR_NEEDS_REPO if backend is None else editor_msg.EDIT_NOT_INSTALLED,
                markup=False,
            )
            return 1
        write_static_editor(args.site, text)
        console.print(editor_msg.EDITOR_SITE_WRITTEN.format(path=args.site), markup=False)
        return 0
    default = DEFAULT_OUTPUT.with_name("config-git.yml") if backend else DEFAULT_OUTPUT
    path = args.output if args.output is not None else root / default
    try:
        write_atomically(path, text)
    except OSError as error:
        console.print(common_msg.write_failed(path, error), markup=False)
        return 1
    console.print(editor_msg.EDITOR_CONFIG_WRITTEN.format(path=path), markup=False)
    return 0


def run_import_docx(settings: Settings, args: argparse.Namespace, console: Console) -> int:
    """``dienhinh import FILE.docx``: a Word report → a draft bundle; what could not be taken
    from the report is listed by place; exit 1 when nothing could be written."""
    from ..intake.import_docx import DocxOptions, DocxOutcome, import_report

    path: Path = args.sheet
    try:
        registered = dt.date.fromisoformat(args.registered) if args.registered else None
    except ValueError:
        console.print(f"--registered: {records_msg.bad_date(args.registered)}", markup=False)
        return 1
    kind = args.kind
    if kind and normalize(kind) in KIND_WORDS:
        kind = KIND_WORDS[normalize(kind)].value
    options = DocxOptions(args.name, kind, args.field, args.hamlet, args.organization, registered)
    result = import_report(settings, path, options)
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
    inside = result.index.is_relative_to(settings.root)
    shown = result.index.relative_to(settings.root) if inside else result.index
    text = {
        DocxOutcome.created: intake_msg.DOCX_CREATED,
        DocxOutcome.updated: intake_msg.DOCX_UPDATED,
        DocxOutcome.unchanged: intake_msg.DOCX_UNCHANGED,
        DocxOutcome.kept: intake_msg.DOCX_KEPT,
    }[result.outcome]
    console.print(text.format(path=shown, pictures=result.pictures), markup=False)
    return 0
