"""The package's floors (DESIGN.md): nothing imports upward, no two parts import each other
(even through others), and only the engine adapter imports MkDocs. Imports are read with ast,
lazy ones inside functions included: a lazy import is still a dependency."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from .sample import ROOT

Node = TypeVar("Node")

PACKAGE = ROOT / "generator"

# Each part of the package (a top-level module or subpackage of generator/) on its floor,
# lowest first. A part may import parts on its own floor or below, never above. A new part
# is put on a floor here, deliberately.
FLOORS: dict[str, frozenset[str]] = {
    "ground": frozenset(
        "__init__ problems text clock files messages workers theme_files rendering settings fonts".split()
    ),
    "records": frozenset({"records"}),
    "stages": frozenset({"site", "search", "printing", "opendata", "publish", "editor", "intake"}),
    "build": frozenset({"build"}),
    "commands": frozenset({"plugin", "commands", "cli", "staff"}),
}
NAMES = list(FLOORS)
# The engine adapter: the only modules that import MkDocs (the stages know nothing of it).
# plugin.py for the build's events, commands/engine.py for the build and preview commands.
ENGINE_ADAPTERS = frozenset({"plugin.py", "commands/engine.py"})
ENGINE = "mkdocs"


def floor_of(part: str) -> int:
    for index, parts in enumerate(FLOORS.values()):
        if part in parts:
            return index
    raise AssertionError(f"generator/{part} is on no floor: add it to FLOORS in {Path(__file__).name}")


def module_name(path: Path) -> tuple[str, ...]:
    """generator/records/store.py → ("records", "store"); a package's __init__ → its name."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts


def _exists(name: tuple[str, ...]) -> bool:
    base = PACKAGE.joinpath(*name)
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imported_modules(path: Path) -> Iterator[tuple[str, ...]]:
    """The package's own modules that the file at ``path`` imports (relative or as dienhinh.…)."""
    own = module_name(path)
    package = own if path.name == "__init__.py" else own[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top, *rest = alias.name.split(".")
                if top == "dienhinh" and rest:
                    yield tuple(rest)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                up = node.level - 1
                assert up <= len(package), f"{path}: import beyond the package"
                base = package[: len(package) - up]
            elif (node.module or "").split(".")[0] == "dienhinh":
                base = ()
            else:
                continue
            module = tuple((node.module or "").split(".")) if node.module else ()
            if module[:1] == ("dienhinh",) and not node.level:
                module = module[1:]
            target = base + module
            submodules = [target + (a.name,) for a in node.names if _exists(target + (a.name,))]
            yield from submodules or ([target] if target else [])


def engine_importers() -> set[str]:
    """Files of the package that import MkDocs (or any of its modules)."""
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            if any(name.split(".")[0] == ENGINE for name in names):
                found.add(path.relative_to(PACKAGE).as_posix())
    return found


def module_graph() -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """Each module of the package → the package's modules it imports."""
    graph: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        graph.setdefault(name, set()).update(m for m in imported_modules(path) if m and m != name)
    return graph


def part_graph(modules: Mapping[tuple[str, ...], set[tuple[str, ...]]]) -> dict[str, set[str]]:
    """The same, one level up: each part (top-level module or subpackage) → the parts it imports."""
    graph: dict[str, set[str]] = {}
    for name, targets in modules.items():
        graph.setdefault(name[0], set()).update(t[0] for t in targets if t[0] != name[0])
    return graph


def upward(graph: Mapping[str, Iterable[str]]) -> list[str]:
    """Imports from a part to a part on a higher floor."""
    return sorted(
        f"{part} ({NAMES[floor_of(part)]}) → {target} ({NAMES[floor_of(target)]})"
        for part, targets in graph.items()
        for target in targets
        if floor_of(target) > floor_of(part)
    )


def reachable(graph: Mapping[Node, Iterable[Node]], start: Node) -> set[Node]:
    seen: set[Node] = set()
    todo = [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def cycles(graph: Mapping[Node, Iterable[Node]]) -> list[list[Node]]:
    """Groups of nodes that reach each other through their imports (each group once)."""
    reach = {node: reachable(graph, node) for node in graph}
    groups: list[list[Node]] = []
    for node in graph:
        if node in reach[node]:
            group = sorted((m for m in reach[node] if node in reach.get(m, ())), key=str)
            if group not in groups:
                groups.append(group)
    return groups


# --- the package ---------------------------------------------------------------------------------


def test_every_part_is_on_a_floor() -> None:
    for part in part_graph(module_graph()):
        floor_of(part)


def test_nothing_imports_upward() -> None:
    assert upward(part_graph(module_graph())) == []


def test_no_parts_import_each_other() -> None:
    assert cycles(part_graph(module_graph())) == []


def test_no_modules_import_each_other() -> None:
    assert cycles(module_graph()) == []


def test_only_the_engine_adapter_imports_mkdocs() -> None:
    found = engine_importers()
    assert found <= ENGINE_ADAPTERS, sorted(found - ENGINE_ADAPTERS)
    assert "plugin.py" in found  # the adapter itself is seen importing it


# --- the test sees what it looks for ---------------------------------------------------------------


def test_imports_are_read_relative_lazy_and_from_packages() -> None:
    graph = module_graph()
    assert ("files",) in graph[("records", "store")]  # from ..files import write_atomically
    assert ("records", "store") in graph[("editor", "backend")]  # from ..records import store
    assert ("intake", "import_docx") in graph[("editor", "server")]  # lazy, inside a method
    assert ("messages", "common") in graph[("records", "problems")]  # from ..messages import common as msg
    assert ("text",) in graph[("messages", "common")]  # from ..text import visible


def test_an_upward_import_and_a_cycle_are_caught() -> None:
    assert upward({"records": {"site"}, "site": {"records"}}) == ["records (records) → site (stages)"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
