"""``dienhinh``: check, build and serve the exemplar site. Messages are Vietnamese; a user's
mistake ends with a message and exit code 1, never a traceback."""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import signal
import sys
import threading
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .build import load_project
from .messages import booklet as booklet_msg
from .messages import cli as msg
from .messages import editor as editor_msg
from .messages import province as province_msg
from .messages import publish as publish_msg
from .messages import theme as theme_msg
from .publish import command as publish_command
from .records.model import RESERVED_SLUG
from .records.problems import Severity
from .records.settings import Settings, load_settings
from .records.validate import count
from .rendering import TemplateFailed
from .site import staging
from .staff.commands import COMMANDS as STAFF_COMMANDS
from .staff.commands import add_commands as add_staff_commands
from .staff.commands import run as run_staff
from .staff.commands import run_init
from .staff.theme_commands import run_upgrade_all

if TYPE_CHECKING:
    from .plugin import ProvincePlugin

argparse._ = lambda text: msg.ARGPARSE.get(text, text)  # type: ignore[attr-defined]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dienhinh",
        description=msg.HELP_TOOL,
    )
    parser.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        type=Path,
        help=msg.HELP_CONFIG_FILE,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar=msg.METAVAR_COMMAND)
    commands.add_parser("check", help=msg.HELP_CHECK)
    build = commands.add_parser("build", help=msg.HELP_BUILD)
    build.add_argument("-d", "--site-dir", type=Path, help=msg.HELP_BUILD_SITE_DIR)
    build.add_argument("--strict", action="store_true", help=msg.HELP_BUILD_STRICT)
    serve = commands.add_parser("serve", help=msg.HELP_SERVE)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help=msg.HELP_SERVE_ADDR)
    edit = commands.add_parser("edit", help=editor_msg.HELP_EDIT)
    edit.add_argument("-a", "--dev-addr", default="127.0.0.1:8080", help=editor_msg.HELP_EDIT_ADDR)
    edit.add_argument("--preview-addr", default="127.0.0.1:8000", help=editor_msg.HELP_EDIT_PREVIEW_ADDR)
    edit.add_argument("--no-browser", action="store_true", help=editor_msg.HELP_EDIT_NO_BROWSER)
    edit.add_argument("--no-preview", action="store_true", help=editor_msg.HELP_EDIT_NO_PREVIEW)
    add_staff_commands(commands)
    publish_command.add_command(commands)
    booklet = commands.add_parser("booklet", help=booklet_msg.HELP_BOOKLET)
    booklet.add_argument("visit", nargs="?", help=booklet_msg.HELP_BOOKLET_VISIT)
    group = booklet.add_mutually_exclusive_group()
    group.add_argument("--field", metavar=msg.METAVAR_CODE, help=booklet_msg.HELP_BOOKLET_FIELD)
    group.add_argument("--all", action="store_true", help=booklet_msg.HELP_BOOKLET_ALL)
    booklet.add_argument("--size", default="A5", type=str.upper, help=booklet_msg.HELP_BOOKLET_SIZE)
    booklet.add_argument("-o", "--output", type=Path, help=booklet_msg.HELP_BOOKLET_OUTPUT)
    gather = commands.add_parser("gather", help=province_msg.HELP_GATHER)
    gather.add_argument(
        "config", nargs="?", type=Path, default=Path("tinh.yml"), help=province_msg.HELP_GATHER_CONFIG
    )
    gather.add_argument("-d", "--site-dir", type=Path, help=province_msg.HELP_GATHER_SITE_DIR)
    gather.add_argument("--docs-dir", type=Path, help=province_msg.HELP_GATHER_DOCS_DIR)
    return parser


def _print(text: str = "", error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout, flush=True)


def run_check(settings: Settings) -> int:
    """Validate everything in one pass; print problems sorted by file and line."""
    catalog = load_project(settings)
    for problem in catalog.problems:
        _print(problem.format(settings.root))
    errors = count(catalog.problems, Severity.error)
    warnings = count(catalog.problems, Severity.warning)
    if errors:
        _print(msg.CHECK_FAILED.format(errors=errors, warnings=warnings))
        return 1
    _print(msg.CHECK_OK.format(count=len(catalog.exemplars), public=len(catalog.public)))
    if warnings:
        _print(msg.CHECK_WARNINGS.format(warnings=warnings))
    return 0


def _booklet_refusal(
    settings: Settings, visit: str | None, field: str | None, everything: bool, size: str
) -> str | None:
    """Why the booklet command cannot start with these options, if it cannot."""
    from .printing import booklet as bk

    if size not in bk.PAGE_SIZES:
        return booklet_msg.BOOKLET_BAD_SIZE.format(size=size)
    if visit is None and field is None and not everything:
        return booklet_msg.BOOKLET_CHOOSE
    if visit is not None and (field is not None or everything):
        return booklet_msg.BOOKLET_VISIT_AND_GROUP
    if not settings.site_url:
        return bk.no_site_url(settings.config_file or settings.root / "mkdocs.yml").format(settings.root)
    return None


def run_booklet(
    settings: Settings, visit: str | None, field: str | None, everything: bool, size: str, output: Path | None
) -> int:
    """One booklet PDF: a visit's, a field's or every published exemplar's."""
    from .printing import booklet as bk

    refused = _booklet_refusal(settings, visit, field, everything, size)
    if refused is not None:
        _print(refused, error=True)
        return 1
    catalog = load_project(settings)
    if not catalog.ok or catalog.registry is None:
        for problem in catalog.problems:
            if problem.severity is Severity.error:
                _print(problem.format(settings.root), error=True)
        _print(booklet_msg.BOOKLET_FAILED, error=True)
        return 1
    chosen = bk.choose_booklet(catalog, visit, field)
    if isinstance(chosen, str):
        _print(chosen, error=True)
        return 1
    target = output or Path(f"so-tay-{chosen.name}.pdf")
    rendered, problems = bk.make_booklet(chosen, catalog, settings, target, size)
    if rendered is None:
        for problem in problems:
            _print(problem.format(settings.root), error=True)
        _print(booklet_msg.BOOKLET_FAILED, error=True)
        return 1
    _print(
        booklet_msg.BOOKLET_OK.format(
            path=target,
            pages=rendered.pages,
            exemplars=len(chosen.exemplars),
            size=f"{size}, {len(rendered.pdf) / 1024:.0f} KB",
        )
    )
    return 0


def run_build(config_file: Path, site_dir: Path | None, strict: bool, quiet: bool = False) -> int:
    """Build into a staging folder beside the target and swap it in only on success
    (``quiet``: without the hint on what to do next, for publish)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    console = _setup_logging()
    try:
        config = load_config(str(config_file), strict=strict)
    except MkDocsException as error:
        _print(str(error), error=True)
        _print(msg.BUILD_FAILED, error=True)
        return 1
    target = Path(site_dir or config.site_dir).resolve()
    staging.remove_leftovers(target)
    building = staging.staging_dir(target)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        config = load_config(str(config_file), strict=strict, site_dir=str(building))
        build(config)
        staging.swap_in(building, target)
    except MkDocsException as error:
        console.show_held()
        _print_abort(error, isinstance(error, Abort), console.errors > 0, bool(config.strict))
        return 1
    except OSError as error:
        # A full disk, a folder without write permission: said once, in Vietnamese (MkDocs's
        # own English report of the same error is dropped); the staging folder goes below.
        console.drop_held()
        _print(msg.build_write_failed(target, error), error=True)
        _print(msg.BUILD_FAILED, error=True)
        return 1
    except KeyboardInterrupt:
        from .workers import cancel_all

        cancel_all()
        _print(msg.INTERRUPTED, error=True)
        return 130
    finally:
        console.show_held()
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(building, ignore_errors=True)
    profiles = sum(
        1 for page in (target / "dien-hinh").glob("*/index.html") if not RESERVED_SLUG.match(page.parent.name)
    )
    _print(msg.BUILD_OK.format(path=target, pages=profiles))
    if not quiet:
        _print(msg.BUILD_NEXT.format(path=_shown_path(target)))
    return 0


def run_gather(config_path: Path, site_dir: Path | None, docs_dir: Path | None) -> int:
    """Province mode: gather the communes' open data, build the province site with the engine
    (atomically, like ``build``)."""
    import gc
    import tempfile

    from .opendata.config import load_config
    from .opendata.gather import Status, gather
    from .opendata.province import prepare
    from .plugin import ProvincePlugin

    config, problems = load_config(config_path)
    if config is None:
        for problem in problems:
            _print(problem.format(), error=True)
        return 1
    gathered = gather(config)
    for problem in gathered.problems:
        _print(problem.format(config.root), error=True)
    communes = gathered.communes
    if not any(c.doc is not None for c in communes):
        _print(province_msg.GATHER_NOTHING, error=True)
        return 1
    target = (site_dir or config.site_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="dienhinh-tinh-") as work:
        prepared = prepare(config, gathered, Path(work), config.theme, docs_dir)
        done = province_msg.GATHER_OK.format(
            path=target,
            communes=sum(1 for c in communes if c.doc is not None),
            total=len(communes),
            profiles=prepared.profiles,
            cached=sum(1 for c in communes if c.status is Status.cached),
            warnings=len(gathered.problems),
        )
        plugin = ProvincePlugin(prepared.pages, prepared.files, prepared.assets, config.theme)
        engine_yml = prepared.config_file
        # The gathered records are done with; what is left lives to the end of the build:
        # keep the collector from walking it while thousands of pages are rendered.
        del prepared, gathered, communes
        gc.collect()
        gc.freeze()
        code = _engine_build(engine_yml, target, plugin)
    if code:
        _print(province_msg.GATHER_FAILED, error=True)
        return code
    _print(done)
    return 0


def _engine_build(config_file: Path, target: Path, plugin: ProvincePlugin) -> int:
    """The engine builds ``config_file``'s site, with ``plugin``, into a staging folder
    swapped in on success."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    console = _setup_logging()
    staging.remove_leftovers(target)
    building = staging.staging_dir(target)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        config = load_config(str(config_file), site_dir=str(building))
        config.plugins["dienhinh-province"] = plugin
        build(config)
        staging.swap_in(building, target)
    except MkDocsException as error:
        _print_abort(error, isinstance(error, Abort), console.errors > 0, False)
        return 1
    except KeyboardInterrupt:
        _print(msg.INTERRUPTED, error=True)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(building, ignore_errors=True)
    return 0


def run_publish(config_file: Path, settings: Settings, args: argparse.Namespace) -> int:
    """Check the project may go online, build it (unless --no-build), send it."""
    target = publish_command.run(args, settings)
    if isinstance(target, int):
        return target
    if not args.no_build:
        code = run_build(config_file, None, strict=False, quiet=True)
        if code != 0:
            _print(publish_msg.PUBLISH_FAILED, error=True)
            return code
    return publish_command.send(settings, target)


def _shown_path(path: Path) -> Path:
    """``path`` relative to the current folder when it is inside it (shorter to type)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _print_abort(error: Exception, abort: bool, errors_logged: bool, strict: bool) -> None:
    # An Abort comes after MkDocs has logged its reason (our problems are errors; in strict mode
    # it may be only warnings); its own summary is English and not shown. Judged by type and by
    # what was logged, never by the wording of MkDocs's messages.
    if not abort:
        _print(str(error), error=True)
    elif not errors_logged:
        _print(msg.STRICT_ABORT if strict else str(error), error=True)
    _print(msg.BUILD_FAILED, error=True)


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM (e.g. a stopped CI job) cleans up like Ctrl-C does.
    raise KeyboardInterrupt


def run_serve(config_file: Path, dev_addr: str) -> int:
    """MkDocs's live preview, with the exemplars, registry and templates watched."""
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    _setup_logging()
    _print(msg.SERVE_STARTING.format(url=f"http://{dev_addr}/"))
    try:
        serve(str(config_file), dev_addr=dev_addr, livereload=True)
    except MkDocsException as error:
        _print(str(error), error=True)
        return 1
    except OSError as error:  # the address is taken or not ours
        _print(msg.SERVE_ADDRESS_FAILED.format(addr=dev_addr, reason=error.strerror or error), error=True)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


def _has_display() -> bool:
    """A browser can be opened here (not over SSH, in CI, or on a server without a screen)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_edit(config_file: Path, args: argparse.Namespace) -> int:
    """The browser editor on this computer, with the live preview beside it."""
    from .editor.server import EditorApp, decap_installed, start_editor

    settings, problems = load_settings(config_file)
    if settings is None:
        for problem in problems:
            _print(problem.format(), error=True)
        return 1
    if not decap_installed():
        _print(editor_msg.EDIT_NOT_INSTALLED, error=True)
        return 1
    host, _, port = str(args.dev_addr).rpartition(":")
    preview_url = "" if args.no_preview else f"http://{args.preview_addr}/"
    try:
        server = start_editor(EditorApp(settings, preview_url), host or "127.0.0.1", int(port))
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        _print(editor_msg.EDIT_ADDRESS_FAILED.format(addr=args.dev_addr, reason=reason), error=True)
        return 1
    url = f"http://{args.dev_addr}/"
    _print(editor_msg.EDIT_STARTED.format(url=url))
    if preview_url:
        _print(editor_msg.EDIT_PREVIEW.format(url=preview_url))
    if not args.no_browser and _has_display():
        webbrowser.open(url)
    try:
        if preview_url:
            return run_serve(config_file, args.preview_addr)
        threading.Event().wait()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        server.server_close()
        _print(editor_msg.EDIT_STOPPED)


class _Formatter(logging.Formatter):
    """Our problems already say LỖI / CẢNH BÁO; MkDocs's own warnings are labelled."""

    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        if record.name.split(".")[0] != "dienhinh":
            text = _ENGINE_PAGE.sub(lambda m: theme_msg.ENGINE_PAGE_FAILED.format(page=m.group(2)), text)
        if record.levelno == logging.WARNING and record.name.split(".")[0] != "dienhinh":
            return f"{msg.MKDOCS_WARNING}{text}"
        return text


# MkDocs's line before a page's error (the error itself is ours, in Vietnamese).
_ENGINE_PAGE = re.compile(r"^Error (reading|building) page '(.*)':")


class _Console(logging.StreamHandler[TextIO]):
    """The build's messages on stderr; counts the errors among them (an abort's reason shown).
    MkDocs's own errors wait until the build ends: shown then, or dropped when the build
    failed for a reason said in Vietnamese instead (a full disk)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setFormatter(_Formatter())
        self.errors = 0
        self.held: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors += 1
            if record.name.split(".")[0] != "dienhinh":
                self.held.append(record)
                return
        super().emit(record)

    def show_held(self) -> None:
        held, self.held = self.held, []
        for record in held:
            super().emit(record)

    def drop_held(self) -> None:
        self.held = []


def _setup_logging() -> _Console:
    """Ours from INFO (the plugin then leaves our logger to us); MkDocs's from WARNING."""
    console = _Console()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(console)
    mkdocs_log.setLevel(logging.WARNING)
    ours = logging.getLogger("dienhinh")
    ours.addHandler(console)
    ours.setLevel(logging.INFO)
    ours.propagate = False
    return console


# Commands the engine runs (it reads mkdocs.yml itself), and commands run on our settings.
ENGINE_COMMANDS: dict[str, Callable[[Path, argparse.Namespace], int]] = {
    "build": lambda config_file, args: run_build(config_file, args.site_dir, args.strict),
    "serve": lambda config_file, args: run_serve(config_file, args.dev_addr),
    "edit": run_edit,
}
PROJECT_COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], int]] = {
    "check": lambda settings, args: run_check(settings),
    "booklet": lambda settings, args: run_booklet(
        settings, args.visit, args.field, args.all, args.size, args.output
    ),
    **{name: lambda settings, args: run_staff(args, settings) for name in STAFF_COMMANDS},
    "publish": lambda settings, args: run_publish(args.config_file, settings, args),
}


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except TemplateFailed as error:  # a commune's override with a mistake
        _print(str(error), error=True)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "gather":  # the province's own configuration, no commune project
        return run_gather(args.config, args.site_dir, args.docs_dir)
    if args.command == "init":  # makes the project: there is no mkdocs.yml yet
        return run_init(args)
    if args.command == "upgrade" and args.projects:  # several communes' folders at once
        return run_upgrade_all(args)
    config_file: Path = args.config_file
    if not config_file.is_file():
        _print(msg.NO_CONFIG.format(path=config_file), error=True)
        return 1
    if args.command in ENGINE_COMMANDS:
        return ENGINE_COMMANDS[args.command](config_file, args)
    settings, problems = load_settings(config_file)
    if settings is None:
        for problem in problems:
            _print(problem.format(), error=True)
        return 1
    return PROJECT_COMMANDS[args.command](settings, args)


if __name__ == "__main__":
    sys.exit(main())
