"""Files → records. YAML is read node by node so every value keeps its line number;
no Python objects, tags or aliases are ever constructed from user input."""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..messages import records as msg
from ..text import describe
from .model import FRONT_MATTER_KEYS, RESERVED_SLUG, SLUG_RE, TIME_PATTERN, Exemplar, Registry
from .problems import Problem

MAX_FILE_KB = 512
Loc = tuple[str | int, ...]

_STANDARD_SCALARS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


_SEXAGESIMAL = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


class _TextTimes:
    """YAML 1.1 reads an unquoted 8:30 as the base-60 number 510: keep such text as text."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        tag = super().resolve(kind, value, implicit)  # type: ignore[misc]
        if kind is ScalarNode and isinstance(value, str) and ":" in value and tag in _SEXAGESIMAL:
            return "tag:yaml.org,2002:str"
        return tag


class _Loader(_TextTimes, yaml.SafeLoader):
    """SafeLoader that refuses aliases (no alias bombs) and keeps dates as text, so an
    impossible date becomes a field problem instead of a parser crash."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _Refused(msg.YAML_ALIAS, self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


class _FastLoader(_TextTimes, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser (about 10× faster); used when the text cannot hold an alias."""


_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _RESOLVERS
_FastLoader.yaml_implicit_resolvers = _RESOLVERS


class _Refused(Exception):
    def __init__(self, message: str, mark: yaml.Mark) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


@dataclass(frozen=True)
class Source:
    """Raw data read from one file, with the line of every value (1-based, in the file)."""

    path: Path
    data: Any
    lines: Mapping[Loc, int]
    body: str = ""
    body_line: int = 0

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest known part of ``loc`` (its parent when it is missing)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


@dataclass
class _Builder:
    path: Path
    offset: int
    loader: yaml.SafeLoader
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, node: Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def problem(self, node: Node, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(node), dotted(loc), message))

    def scalar(self, node: ScalarNode, loc: Loc) -> Any:
        if node.tag not in _STANDARD_SCALARS:
            self.problem(node, loc, msg.yaml_tag(node.tag))
            return None
        try:
            return self.loader.construct_object(node)
        except ValueError:  # a number of more than 4,300 digits (Python's own limit)
            self.problem(node, loc, msg.NUMBER_TOO_LONG)
            return None

    def build(self, node: Node, loc: Loc) -> Any:
        self.lines.setdefault(loc, self.line(node))
        if isinstance(node, ScalarNode):
            return self.scalar(node, loc)
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.problem(node, loc, msg.yaml_tag(node.tag))
                return None
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                self.problem(node, loc, msg.yaml_tag(node.tag))
                return None
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, (*loc, "[key]"))
                if not isinstance(key, str):
                    self.problem(key_node, loc, msg.NON_TEXT_KEY)
                    continue
                if key in result:
                    first = self.lines[(*loc, key)]
                    self.problem(key_node, (*loc, key), msg.DUPLICATE_KEY.format(key=key, first=first))
                    continue
                self.lines[(*loc, key)] = self.line(key_node)
                result[key] = self.build(value_node, (*loc, key))
            return result
        raise AssertionError(f"unexpected YAML node {node!r}")


def dotted(loc: Loc) -> str:
    """('evaluations', 0, 'year') → 'evaluations[0].year'."""
    text = ""
    for part in loc:
        if part == "[key]":
            continue
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[Source | None, list[Problem]]:
    """YAML text (which starts at ``first_line`` of ``path``) → Source, or problems."""
    offset = first_line - 1
    # An alias needs a "*": only then is the slower parser that refuses aliases needed.
    loader = _Loader(text) if "*" in text else _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Source(path, None, {}), []
        builder = _Builder(path, offset, loader)
        data = builder.build(node, ())
    except _Refused as refused:
        return None, [Problem(path, refused.mark.line + 1 + offset, "", refused.message)]
    except yaml.reader.ReaderError as error:  # a control character the YAML reader refuses
        line = text.count("\n", 0, error.position) + first_line
        character = chr(error.character) if isinstance(error.character, int) else str(error.character)
        return None, [Problem(path, line, "", msg.hidden_character(describe(character[:1]), 0))]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + offset if mark else first_line
        return None, [Problem(path, line, "", msg.yaml_syntax(error.problem or str(error)))]
    except yaml.YAMLError as error:
        return None, [Problem(path, first_line, "", msg.yaml_syntax(str(error)))]
    finally:
        loader.dispose()
    return Source(path, data, builder.lines), builder.problems


def read_text(
    path: Path, max_kb: int = MAX_FILE_KB, raw: bytes | None = None
) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (BOM and CRLF accepted) or a problem naming the line of a bad byte."""
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as error:
            return None, [Problem(path, 0, "", msg.invalid(error.strerror or str(error)))]
    if len(raw) > max_kb * 1024:
        return None, [Problem(path, 0, "", msg.file_too_large(len(raw) // 1024, max_kb))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [Problem(path, raw[: error.start].count(b"\n") + 1, "", msg.NOT_UTF8)]
    if not text.strip():
        return None, [Problem(path, 0, "", msg.EMPTY_FILE)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split_front_matter(text: str, path: Path) -> tuple[str, str, int] | Problem:
    """→ (YAML text starting at line 2, body, body's first line) or a problem."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return Problem(path, 1, "", msg.NO_FRONT_MATTER)
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1 : number - 1]), "\n".join(lines[number:]), number + 1
    return Problem(path, 1, "", msg.UNCLOSED_FRONT_MATTER)


# --- pydantic errors → problems ------------------------------------------------------------


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``loc`` (for "did you mean" on keys)."""
    current: type[BaseModel] = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        candidates = [info.annotation, *typing.get_args(info.annotation)]
        found = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        if not found:
            return None
        current = found[0]
    return current


@dataclass(frozen=True)
class _Error:
    """One pydantic error, with what its Vietnamese message needs."""

    kind: str
    ctx: Mapping[str, Any]
    value: Any
    loc: tuple[str | int, ...]
    model: type[BaseModel]
    keys: tuple[str, ...]


def _unknown_key(error: _Error) -> str:
    owner = _model_at(error.model, error.loc[:-1])
    valid = error.keys if owner is None or len(error.loc) == 1 else tuple(owner.model_fields)
    return msg.unknown_key(error.loc[-1], valid)


def _pattern_mismatch(error: _Error) -> str:
    if error.ctx.get("pattern") == TIME_PATTERN:
        return msg.bad_time(error.value)
    return msg.BAD_COLOR if "#" in str(error.ctx.get("pattern")) else msg.BAD_CODE_FORMAT


def _too_small(error: _Error) -> str:
    return msg.NUMBER_TOO_SMALL.format(ge=error.ctx.get("ge", error.ctx.get("gt")))


def _too_large(error: _Error) -> str:
    return msg.NUMBER_TOO_LARGE.format(le=error.ctx.get("le", error.ctx.get("lt")))


# pydantic's error type → the Vietnamese message for it.
_MESSAGES: dict[str, Callable[[_Error], str]] = {
    "missing": lambda error: msg.missing(dotted(error.loc)),
    "hidden_character": lambda error: msg.hidden_character(error.ctx["character"], error.ctx["position"]),
    "legacy_encoding": lambda error: msg.legacy_encoding(error.ctx["encoding"], error.ctx["meant"]),
    "finite_number": lambda error: msg.NOT_FINITE,
    "extra_forbidden": _unknown_key,
    "unknown_code": lambda error: msg.unknown_code(error.ctx["table"], error.value, error.ctx["valid"]),
    "enum": lambda error: msg.bad_choice(
        error.value, re.findall(r"'([^']*)'", str(error.ctx.get("expected", "")))
    ),
    "string_too_short": lambda error: msg.EMPTY,
    "string_too_long": lambda error: msg.TOO_LONG.format(**error.ctx),
    "too_long": lambda error: msg.TOO_MANY.format(max_length=error.ctx.get("max_length")),
    "string_pattern_mismatch": _pattern_mismatch,
    "greater_than_equal": _too_small,
    "greater_than": _too_small,
    "less_than_equal": _too_large,
    "less_than": _too_large,
}


def _message(error: Mapping[str, Any], model: type[BaseModel], keys: tuple[str, ...]) -> str:
    kind = error["type"]
    found = _Error(kind, error.get("ctx") or {}, error.get("input"), tuple(error["loc"]), model, keys)
    if kind in _MESSAGES:
        return _MESSAGES[kind](found)
    if kind.startswith("date"):  # date_*, datetime_*
        return msg.bad_date(found.value)
    for prefix, name in msg.TYPE_NAMES.items():
        if kind.startswith(prefix):
            return msg.bad_type(name, found.value)
    return msg.invalid(error.get("msg", kind))


def problems_from(error: ValidationError, source: Source, model: type[BaseModel]) -> list[Problem]:
    keys = tuple(model.model_fields)
    found = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        # A dict key that fails is reported at that key.
        loc = tuple(p for p in loc if p != "[key]")
        # A problem inside a text of several lines (a story, a block of notes) is at its line.
        offset = (item.get("ctx") or {}).get("line_offset", 0)
        line = source.body_line if loc == ("story",) and source.body_line else source.line_of(loc)
        found.append(Problem(source.path, line + offset, dotted(loc), _message(item, model, keys)))
    return found


# --- public loaders --------------------------------------------------------------------------


def load_registry(path: Path) -> tuple[Registry | None, Source | None, list[Problem]]:
    """The commune's registry (fields, hamlets, organizations…) and its source."""
    if not path.is_file():
        return None, None, [Problem(path, 0, "", msg.MISSING_REGISTRY.format(path=path))]
    text, problems = read_text(path)
    if text is None:
        return None, None, problems
    source, problems = parse_yaml(text, path)
    if source is None or problems:
        return None, source, problems
    if not isinstance(source.data, dict):
        return None, source, [Problem(path, 1, "", msg.NOT_A_MAPPING)]
    try:
        return Registry.model_validate(source.data), source, []
    except ValidationError as error:
        return None, source, problems_from(error, source, Registry)


def read_exemplar(
    folder: Path, registry: Registry | None, max_kb: int = MAX_FILE_KB, raw: bytes | None = None
) -> tuple[Exemplar | None, Source | None, list[Problem]]:
    """One bundle ``<folder>/index.md`` (or its bytes ``raw``) → record or None, its source
    and problems."""
    path = folder / "index.md"
    slug = folder.name
    problems: list[Problem] = []
    if not SLUG_RE.match(slug) or RESERVED_SLUG.match(slug):
        problems.append(Problem(path, 0, "", msg.bad_slug(slug)))
    text, found = read_text(path, max_kb, raw)
    if text is None:
        return None, None, problems + found
    parts = split_front_matter(text, path)
    if isinstance(parts, Problem):
        return None, None, [*problems, parts]
    yaml_text, body, body_line = parts
    source, found = parse_yaml(yaml_text, path, first_line=2)
    problems += found
    if source is None:
        return None, None, problems
    if not isinstance(source.data, dict):
        return None, source, [*problems, Problem(path, 1, "", msg.NOT_A_MAPPING)]
    source = Source(path, source.data, source.lines, body, body_line)
    data = dict(source.data)
    for reserved in ("slug", "story"):
        if reserved in data:
            problems.append(
                Problem(
                    path, source.line_of((reserved,)), reserved, msg.unknown_key(reserved, FRONT_MATTER_KEYS)
                )
            )
            del data[reserved]
    data.update(slug=slug, story=body)
    try:
        record = Exemplar.model_validate(data, context={"registry": registry})
    except ValidationError as error:
        return None, source, problems + problems_from(error, source, Exemplar)
    return (None if problems else record), source, problems


def exemplar_folders(root: Path) -> list[Path]:
    """Bundle folders under ``root`` (names starting with '.' or '_' are ignored)."""
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name[0] not in "._")
