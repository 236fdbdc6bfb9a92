"""Where a built site goes: every target behind one small protocol. A new target is one
module with a ``target(settings)`` factory returning a ``Target``, and its name here."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Protocol

from ..records.settings import Settings
from .manifest import Outcome

# Names as ``--to`` takes them (and as mkdocs.yml's ``publish:`` spells them) → their module.
MODULES = {"ssh": "ssh", "folder": "folder", "github_pages": "ghpages"}
TARGETS = tuple(MODULES)

Progress = Callable[[str], None]


class Target(Protocol):
    """One configured place to publish to."""

    def publish(self, site: Path, progress: Progress) -> Outcome:
        """Send the built ``site``; make it live. Raises PublishError."""
        ...

    def rollback(self) -> tuple[str, str]:
        """Make the previous release live again: → (was live, now live). Raises PublishError
        (with the reason) where there is no previous release to go back to."""
        ...


def open_target(name: str, settings: Settings) -> Target:
    """The target ``name`` as the project configures it (it must be configured)."""
    module = import_module(f".{MODULES[name]}", __package__)
    made: Target = module.target(settings)
    return made
