"""What every command does at the terminal: print a line, make a console, show a path, read
the registry saying what is wrong with it."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console

from ..messages import common as common_msg
from ..messages import staff as staff_msg
from ..records import store
from ..records.load import load_registry
from ..records.model import Registry
from ..records.problems import Problem, Severity
from ..records.settings import Settings


def say(text: str = "", error: bool = False) -> None:
    """One line on stdout (or stderr), at once."""
    print(text, file=sys.stderr if error else sys.stdout, flush=True)


def failed(problems: Iterable[Problem], root: Path | None, then: str, errors_only: bool = False) -> int:
    """A command stopping: each problem (only the errors, when ``errors_only``) said with
    its file and line, then ``then``. → 1, the command's exit code."""
    for problem in problems:
        if not errors_only or problem.severity is Severity.error:
            say(problem.format(root), error=True)
    say(then, error=True)
    return 1


def console() -> Console:
    """The staff commands' console: tables and prompts, no guessed highlighting."""
    return Console(highlight=False, soft_wrap=True)


def shown_path(path: Path, base: Path | None = None) -> Path:
    """``path`` relative to ``base`` (the current folder) when inside it: shorter to read."""
    try:
        return path.relative_to(base or Path.cwd())
    except ValueError:
        return path


def registry(settings: Settings, out: Console) -> Registry | None:
    """The project's registry, or None after printing why it cannot be read."""
    found, _, problems = load_registry(settings.registry_path)
    for problem in problems:
        out.print(problem.format(settings.root), markup=False)
    if found is None:
        out.print(staff_msg.NEW_NO_REGISTRY, markup=False)
    return found


def not_written(path: Path, reason: str | OSError) -> str:
    """The one line for a file a command could not write, as every problem reads
    ("<file>: LỖI: …", the reason in Vietnamese), whichever command it is."""
    text = common_msg.write_failed(path, reason) if isinstance(reason, OSError) else reason
    return Problem(path, 0, "", text).format(Path.cwd())


def save_consent(
    settings: Settings, slug: str, bundle: store.Bundle, changes: dict[str, object], out: Console
) -> bool:
    """The profile with its consent record updated by ``changes`` (everything else kept),
    checked and written by the store; → whether it was, after printing why not."""
    data = dict(bundle.front_matter)
    data["consent"] = {**dict(data.get("consent") or {}), **changes}
    profile = store.Profile(slug, data, bundle.story, comments=bundle.comments)
    saved = store.save_profile(settings, profile, bundle.raw)
    for problem in (*saved.errors, *([saved.failure] if saved.failure else [])):
        out.print(problem.format(settings.root), markup=False)
    return not saved.errors and saved.failure is None
