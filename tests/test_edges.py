"""Only the commands' edges write to the terminal: domain modules return values and Problems."""

from __future__ import annotations

import ast

from .sample import ROOT

# The commands (cli.py and commands/, where a terminal is); the MkDocs plugin reports through
# logging.
EDGES = ("commands", "cli.py")  # the commands package; the entry point sets the streams' encoding
SEEN_PRINTING = ("commands/terminal.py", "commands/engine.py", "commands/new.py")
PACKAGE = ROOT / "generator"


def _terminal_output(tree: ast.AST) -> list[int]:
    """Lines that print, make a rich Console or touch sys.stdout / sys.stderr."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and any(a.name == "Console" for a in node.names):
            lines.append(node.lineno)
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in ("stdout", "stderr")
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
        ):
            lines.append(node.lineno)
    return lines


def test_domain_modules_do_not_print() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in EDGES
        for line in _terminal_output(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_the_edges_are_seen_printing() -> None:
    """The scan finds what it looks for (else the test above could never fail)."""
    for edge in SEEN_PRINTING:
        assert _terminal_output(ast.parse((PACKAGE / edge).read_text(encoding="utf-8"))), edge
