"""MkDocs hooks of the tool's documentation: tables generated from the code they describe, so
the docs cannot drift from it, and files kept elsewhere in the repository shown in the site.

Markers replaced in a page's Markdown:
    <!-- options-table -->         the dienhinh plugin's options (records/settings.py: Options)
    <!-- commands-table -->        the dienhinh commands, as the CLI's parser declares them
    <!-- include: PATH -->         a file of the repository (benchmarks/RESULTS.md), verbatim
The screenshots the tests and scripts draw (tests/screenshots/) are served as screenshots/."""

from __future__ import annotations

import argparse
import ast
import inspect
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

import annotated_types
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pydantic import BaseModel
from pydantic.fields import FieldInfo

REPOSITORY = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPOSITORY / "tests" / "screenshots"
OPTIONS_MARKER = "<!-- options-table -->"
COMMANDS_MARKER = "<!-- commands-table -->"
INCLUDE_MARKER = "<!-- include: "


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The pictures stay where the scripts that draw them write them; the docs link them here.
    for picture in sorted(SCREENSHOTS.glob("*.png")):
        files.append(
            File(
                f"screenshots/{picture.name}",
                str(SCREENSHOTS.parent),
                config["site_dir"],
                config["use_directory_urls"],
            )
        )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if OPTIONS_MARKER in markdown:
        from dienhinh.records.settings import Options

        markdown = markdown.replace(OPTIONS_MARKER, options_table(Options))
    if COMMANDS_MARKER in markdown:
        from dienhinh.commands import parser

        markdown = markdown.replace(COMMANDS_MARKER, commands_table(parser()))
    return "\n".join(_included(line) for line in markdown.split("\n"))


def _included(line: str) -> str:
    stripped = line.strip()
    if not (stripped.startswith(INCLUDE_MARKER) and stripped.endswith("-->")):
        return line
    path = stripped[len(INCLUDE_MARKER) : -len("-->")].strip()
    return (REPOSITORY / path).read_text(encoding="utf-8")


# --- the options table -----------------------------------------------------------------------


def options_table(model: type[BaseModel]) -> str:
    """A Markdown table of every option of ``model``, nested records' options as dotted names."""
    rows = ["| option | type | default | what it is |", "|---|---|---|---|"]
    for name, kind, default, text in option_rows(model):
        rows.append(f"| `{name}` | {kind} | {default} | {_cell(text)} |")
    return "\n".join(rows)


def option_rows(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, str, str, str]]:
    """(dotted name, type, default, description) of each field, a nested record's after it."""
    docstrings = attribute_docstrings(model)
    for name, field in model.model_fields.items():
        nested = _record_type(field.annotation)
        text = field.description or docstrings.get(name) or (_class_doc(nested) if nested else "")
        yield prefix + name, type_text(field), default_text(field), text
        if nested is not None:
            yield from option_rows(nested, f"{prefix}{name}.")


def attribute_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """Field name → the string literal right under its declaration (PEP 257's attribute
    docstring), for fields declared without ``Field(description=...)``."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(model)))
    except (OSError, TypeError):
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    found = {}
    for statement, following in zip(body, body[1:], strict=False):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            found[statement.target.id] = inspect.cleandoc(following.value.value)
    return found


def _record_type(annotation: Any) -> type[BaseModel] | None:
    """The record type of a field holding a record (or a record or None)."""
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _class_doc(model: type[BaseModel]) -> str:
    return inspect.cleandoc(model.__doc__) if model.__doc__ else ""


def type_text(field: FieldInfo) -> str:
    """The value's type as a reader of mkdocs.yml meets it, with its bounds."""
    kind = _annotation_text(field.annotation)
    bounds = [text for item in field.metadata if (text := _bound_text(item))]
    return ", ".join([kind, *bounds])


_TYPE_NAMES = {str: "text", int: "integer", float: "number", bool: "true/false", NoneType: "none"}


def _annotation_text(annotation: Any) -> str:
    if get_origin(annotation) in (Union, UnionType):
        return " or ".join(_annotation_text(arg) for arg in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "mapping"
    return _TYPE_NAMES.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _bound_text(item: object) -> str:
    signs = (
        (annotated_types.Gt, "gt", ">"),
        (annotated_types.Ge, "ge", "≥"),
        (annotated_types.Lt, "lt", "<"),
        (annotated_types.Le, "le", "≤"),
        (annotated_types.MinLen, "min_length", "length ≥"),
        (annotated_types.MaxLen, "max_length", "length ≤"),
    )
    for kind, attribute, sign in signs:
        if isinstance(item, kind):
            return f"{sign} {_value_text(getattr(item, attribute))}"
    return ""


def default_text(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    default = field.get_default(call_default_factory=True)
    if default is None:
        return "none"
    if isinstance(default, BaseModel):
        return "see below"
    return f"`{_value_text(default)}`"


def _value_text(value: object) -> str:
    """A value as it is written in mkdocs.yml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# --- the commands table ----------------------------------------------------------------------


def commands_table(parser: argparse.ArgumentParser) -> str:
    """A Markdown table of the subcommands: how each is called and its help line, both as the
    parser declares them (the help is the Vietnamese a user reads in ``dienhinh --help``)."""
    rows = ["| command | usage | help (as `dienhinh --help` prints it) |", "|---|---|---|"]
    for name, usage, text in command_rows(parser):
        rows.append(f"| `{name}` | `{usage}` | {_cell(text)} |")
    return "\n".join(rows)


def command_rows(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str, str]]:
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for choice in action._choices_actions:
            command = action.choices[choice.dest]
            yield choice.dest, _usage(command), choice.help or ""


def _usage(command: argparse.ArgumentParser) -> str:
    """``dienhinh build [-d SITE_DIR] [--strict]``: the parser's own usage line, on one line,
    without its localized prefix and the -h every command has. Python-Markdown's tables keep
    a ``|`` inside a code span, so alternatives (``--field MÃ | --all``) stay as written."""
    usage = " ".join(command.format_usage().split())
    usage = usage[usage.index(command.prog) :]
    return usage.replace(" [-h]", "")
