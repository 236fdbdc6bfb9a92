"""The commands: one module each, all registered, each with the same small interface; every
publish target behind the one protocol."""

from __future__ import annotations

import argparse
import inspect
from importlib import import_module

import pytest

from dienhinh import commands
from dienhinh.publish import target as publish_target
from dienhinh.records.settings import PublishOptions

from .sample import ROOT

pytestmark = pytest.mark.unit

HELPERS = {"__init__", "terminal", "engine", "paperwork"}  # shared by commands, not commands


def test_every_command_module_is_registered_with_the_interface() -> None:
    modules = sorted(
        p.stem for p in (ROOT / "generator" / "commands").glob("*.py") if p.stem not in HELPERS
    )
    registered = sorted(m.__name__.rsplit(".", 1)[1] for m in commands.COMMANDS)
    assert registered == modules
    for command in commands.COMMANDS:
        assert isinstance(command.NAME, str) and isinstance(command.HELP, str) and command.HELP
        assert isinstance(command.PROJECT, bool)
        assert list(inspect.signature(command.run).parameters) == ["settings", "args"]
        assert list(inspect.signature(command.arguments).parameters) == ["parser"]
    assert len(commands.BY_NAME) == len(commands.COMMANDS)  # no two share a name


def test_the_parser_has_every_command_in_order() -> None:
    subparsers = next(a for a in commands.parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert list(subparsers.choices) == [c.NAME for c in commands.COMMANDS]


def test_every_configurable_target_has_a_module_with_the_protocol() -> None:
    # mkdocs.yml's publish: options name the targets; each is one module with target(settings)
    # making an object that publishes and rolls back.
    assert set(publish_target.TARGETS) == {"ssh", "folder", "github_pages"}
    assert set(publish_target.TARGETS) <= set(PublishOptions.model_fields)
    for name, module_name in publish_target.MODULES.items():
        module = import_module(f"dienhinh.publish.{module_name}")
        made = inspect.signature(module.target).return_annotation
        kind = getattr(module, made) if isinstance(made, str) else made
        assert callable(kind.publish) and callable(kind.rollback), name
