"""The messages package holds the user's text: no Vietnamese text elsewhere in the package but
the vocabularies named here, and every message is read from the area that declares it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .sample import ROOT

PACKAGE = ROOT / "generator"
MESSAGES = PACKAGE / "messages"
VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)
# Letters, not text: accent folding for search and for matching sheet headers.
DATA = {"đ", "Đ", "[đĐ]"}


# Code tables of the legacy Vietnamese font encodings: letters, not text.
TABLES = {"legacy_fonts", "text"}
# Vocabularies that live beside the code that writes or matches them: module → constants.
VOCABULARIES = {
    "records/story.py": {"DRAFT_STORY_SECTIONS"},
    # The words of sensitive content, matched in stories.
    "records/validate.py": {"SENSITIVE", "_NOT_A_PERSON"},
    "intake/import_sheet.py": {"COLUMN_NAMES"},
    "printing/word.py": {"STYLES"},
    # Each type size cites the decree's words for the part it sets.
    "printing/document.py": {"SIZES"},
    "editor/decap_phrases.py": {"DECAP_PHRASES"},
    # The spoken form: the words numbers, dates, units and abbreviations are said with.
    "printing/spoken.py": {"DIGITS", "ABBREVIATIONS", "UNITS", "MONTHS", "WORDS", "_DATE", "_MONTH_YEAR"},
}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if MESSAGES not in p.parents and p.stem not in TABLES)


def _docstrings(tree: ast.Module) -> set[int]:
    owners = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, owners)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _assigned(tree: ast.Module) -> dict[str, ast.Assign]:
    return {
        t.id: node
        for node in tree.body
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    }


def _vocabulary(path: Path, tree: ast.Module) -> set[int]:
    names = VOCABULARIES.get(path.relative_to(PACKAGE).as_posix(), set())
    assigned = _assigned(tree)
    return {id(n) for name in names if name in assigned for n in ast.walk(assigned[name].value)}


def test_vietnamese_text_is_only_in_messages() -> None:
    found = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = _docstrings(tree) | _vocabulary(path, tree)
        found += [
            f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in allowed
            and node.value not in DATA
            and VIETNAMESE.search(node.value)
        ]
    assert found == []


def test_the_vocabularies_named_here_exist() -> None:
    """A vocabulary renamed or moved must not leave its exemption behind."""
    for module, names in VOCABULARIES.items():
        assert names <= set(_assigned(ast.parse((PACKAGE / module).read_text(encoding="utf-8")))), module


def _areas() -> dict[str, ast.Module]:
    return {
        p.stem: ast.parse(p.read_text(encoding="utf-8"))
        for p in MESSAGES.glob("*.py")
        if p.stem != "__init__"
    }


def test_the_package_holds_areas_only() -> None:
    """No facade: ``__init__`` is a docstring, a module imports the area it needs."""
    body = ast.parse((MESSAGES / "__init__.py").read_text(encoding="utf-8")).body
    assert len(body) == 1 and isinstance(body[0], ast.Expr)


def _public_names() -> set[tuple[str, str]]:
    names = set()
    for area, tree in _areas().items():
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                names.add((area, node.name))
            elif isinstance(node, ast.Assign):
                names |= {(area, t.id) for t in node.targets if isinstance(t, ast.Name)}
    return {(area, name) for area, name in names if not name.startswith("_")}


def _imported(path: Path, node: ast.ImportFrom) -> tuple[str, ...]:
    """The module an import names, as parts below generator/ (relative or as dienhinh.…)."""
    parts = (node.module or "").split(".") if node.module else []
    if not node.level:
        return tuple(parts[1:]) if parts[:1] == ["dienhinh"] else ("",)
    package = path.relative_to(PACKAGE).parent.parts
    return package[: len(package) - node.level + 1] + tuple(parts)


def _used_names() -> set[tuple[str, str]]:
    """(area, name) read anywhere: ``msg.NAME`` whatever the area is bound to, ``from
    ..messages.area import NAME``, and names an area reads of its own."""
    used: set[tuple[str, str]] = set()
    for area, tree in _areas().items():
        used |= {
            (area, n.id) for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
        }
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            module = _imported(path, node)
            if module == ("messages",):
                aliases |= {a.asname or a.name: a.name for a in node.names}
            elif module[:1] == ("messages",) and len(module) == 2:
                used |= {(module[1], a.name) for a in node.names}
        used |= {
            (aliases[node.value.id], node.attr)
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        }
    return used


def test_every_message_is_used() -> None:
    assert _public_names() - _used_names() == set()


def test_the_check_sees_each_way_of_reading_a_message() -> None:
    used = _used_names()
    assert ("records", "unknown_code") in used  # from ..messages import records as msg; msg.unknown_code
    assert ("common", "period_name") in used  # from ..messages.common import period_name
    assert ("common", "quote") in used  # from .common import quote, inside the package
    assert ("common", "OS_REASONS") in used  # read by os_reason beside it
