"""The commands' side of the engine adapter (MkDocs): one staged build for ``build``,
``publish`` and the province's ``gather``, the preview server, and the engine's log lines in
Vietnamese. With plugin.py, the only module that imports MkDocs."""

from __future__ import annotations

import logging
import re
import shutil
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..messages import cli as msg
from ..messages import settings as settings_msg
from ..messages import theme as theme_msg
from ..records.problems import Problem, Severity
from ..records.profile_cache import hold_between_loads
from ..site import staging
from .terminal import failed, say

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin


def settings_problems(config_file: Path) -> list[Problem]:
    """MkDocs's own settings in ``config_file`` checked as MkDocs checks them when it loads the
    file (every setting, not only the first wrong one), each a Vietnamese problem at its line.
    A file MkDocs cannot even read is left to our own reading of it (its YAML problems)."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import MkDocsException
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as stream:
            raw = yaml_load(stream)
        text = config_file.read_text(encoding="utf-8-sig")
    except (OSError, ValueError, MkDocsException, yaml_errors()):
        return []
    if not isinstance(raw, dict):
        return []
    config = MkDocsConfig(config_file_path=str(config_file))
    config.load_dict(raw)
    known = {key for key, _ in config._schema}
    problems = [
        Problem(
            config_file,
            _line(text, str(key)),
            str(key),
            settings_msg.engine_unknown_setting(str(key)),
            Severity.warning,
        )
        for key in raw
        if key not in known
    ]
    for key, failure in _failures(config):
        detail = str(failure)
        quoted = [a or b for a, b in re.findall(r"'([^'\n]+)'|\"([^\"\n]+)\"", detail)]
        message = settings_msg.engine_setting(key, raw.get(key, ""), detail, quoted)
        problems.append(Problem(config_file, _line(text, key, quoted[:1]), key, message))
    return problems


def _failures(config: MkDocsConfig) -> list[tuple[str, Exception]]:
    """Every setting MkDocs refuses: its validate() stops at the first one."""
    from mkdocs.config.base import ValidationError
    from mkdocs.exceptions import MkDocsException

    failed: list[tuple[str, Exception]] = list(config._pre_validate()[0])
    for key, option in config._schema:
        try:
            config[key] = option.validate(config.get(key))
            option.reset_warnings()
        except (ValidationError, MkDocsException) as error:
            failed.append((key, error))
    return failed


def yaml_errors() -> type[Exception]:
    import yaml

    return yaml.YAMLError


def _line(text: str, key: str, inside: list[str] | None = None) -> int:
    """The line of top-level ``key`` in ``text`` (and of the first of ``inside`` below it)."""
    found = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    if found is None:
        return 0
    line = text.count("\n", 0, found.start()) + 1
    for name in inside or []:
        below = re.compile(rf"^\s+(?:-\s*)?{re.escape(name)}\b", re.MULTILINE).search(text, found.end())
        if below is not None:
            return text.count("\n", 0, below.start()) + 1
    return line


def staged_build(
    config_file: Path,
    site_dir: Path | None = None,
    strict: bool = False,
    plugin: tuple[str, BasePlugin[Any]] | None = None,
) -> tuple[int, Path]:
    """Build ``config_file``'s site into a staging folder beside the target and swap it in
    only on success, so an error, a full disk, Ctrl-C or SIGTERM leaves the published site
    as it was. ``plugin``: (name, instance) added to the configuration's plugins.
    → (exit code, the target folder)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    console = setup_logging()
    wrong = [p for p in settings_problems(config_file) if p.severity is Severity.error]
    if wrong:
        return failed(wrong, config_file.parent, msg.BUILD_FAILED), Path(site_dir or ".").resolve()
    try:
        config = load_config(str(config_file), strict=strict)
    except MkDocsException as error:
        say(str(error), error=True)
        say(msg.BUILD_FAILED, error=True)
        return 1, Path(site_dir or ".").resolve()
    target = Path(site_dir or config.site_dir).resolve()
    staging.remove_leftovers(target)
    building = staging.staging_dir(target)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        config = load_config(str(config_file), strict=strict, site_dir=str(building))
        if plugin is not None:
            config.plugins[plugin[0]] = plugin[1]
        # As `mkdocs build` does: MkDocs keeps one plugin per process, which a preview server
        # run in this process (a test, a tool) left in its serve mode.
        config.plugins.on_startup(command="build", dirty=False)
        ours = config.plugins.get("dienhinh")
        incremental = getattr(ours, "build_incrementally", None)
        # From a copy of the site the last build wrote, when it is still as written.
        dirty = bool(incremental(config, target, building)) if incremental is not None else False
        build(config, dirty=dirty)
        staging.swap_in(building, target)
    except MkDocsException as error:
        console.show_held()
        _print_abort(error, isinstance(error, Abort), console.errors > 0, bool(config.strict))
        return 1, target
    except OSError as error:
        # A full disk, a folder without write permission: said once, in Vietnamese (MkDocs's
        # own English report of the same error is dropped); the staging folder goes below.
        console.drop_held()
        say(msg.build_write_failed(target, error), error=True)
        say(msg.BUILD_FAILED, error=True)
        return 1, target
    except KeyboardInterrupt:
        from ..workers import cancel_all

        cancel_all()
        say(msg.INTERRUPTED, error=True)
        return 130, target
    finally:
        console.show_held()
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(building, ignore_errors=True)
    return 0, target


def serve(config_file: Path, dev_addr: str) -> int:
    """MkDocs's live preview, with the exemplars, registry and templates watched."""
    from mkdocs.commands.serve import serve as engine_serve
    from mkdocs.exceptions import MkDocsException

    setup_logging()
    hold_between_loads()  # every save loads the profiles again
    say(msg.SERVE_STARTING.format(url=f"http://{dev_addr}/"))
    try:
        engine_serve(str(config_file), dev_addr=dev_addr, livereload=True, build_type="dirty")
    except MkDocsException as error:
        say(str(error), error=True)
        return 1
    except OSError as error:  # the address is taken or not ours
        say(msg.SERVE_ADDRESS_FAILED.format(addr=dev_addr, reason=error.strerror or error), error=True)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


def _not_about_dirty_builds(record: logging.LogRecord) -> bool:
    text = str(record.msg)
    return not text.startswith(("A 'dirty' build is being performed", "The directory contains stale files"))


def _print_abort(error: Exception, abort: bool, errors_logged: bool, strict: bool) -> None:
    # An Abort comes after MkDocs has logged its reason (our problems are errors; in strict mode
    # it may be only warnings); its own summary is English and not shown. Judged by type and by
    # what was logged, never by the wording of MkDocs's messages.
    if not abort:
        say(str(error), error=True)
    elif not errors_logged:
        say(msg.STRICT_ABORT if strict else str(error), error=True)
    say(msg.BUILD_FAILED, error=True)


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM (e.g. a stopped CI job) cleans up like Ctrl-C does.
    raise KeyboardInterrupt


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


def setup_logging() -> _Console:
    """Ours from INFO (the plugin then leaves our logger to us); MkDocs's from WARNING."""
    console = _Console()
    # Our dirty builds are made exact by the plugin (plugin.Rebuilds): MkDocs's warnings
    # that a dirty build may be inaccurate or hold stale files do not apply.
    logging.getLogger("mkdocs.commands.build").addFilter(_not_about_dirty_builds)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(console)
    mkdocs_log.setLevel(logging.WARNING)
    ours = logging.getLogger("dienhinh")
    ours.addHandler(console)
    ours.setLevel(logging.INFO)
    ours.propagate = False
    return console
