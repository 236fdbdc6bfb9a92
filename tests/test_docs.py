"""The tool's documentation: the MkDocs site in docs/ builds with --strict (no broken link or
anchor), its generated tables list every option and command the code declares, every
repository path it names exists, and the README stays a short front page that links to it."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest
from bs4 import BeautifulSoup
from pydantic import BaseModel

from dienhinh.commands import parser
from dienhinh.records.settings import Options

from .sample import ROOT

pytestmark = pytest.mark.e2e

DOCS = ROOT / "docs"
README = ROOT / "README.md"
# Paths the docs name as what a command (or scripts/bootstrap) writes, not as files of the repository.
WRITTEN_BY_COMMANDS = {"editor/config-git.yml", "generator/editor/decap/"}
_REPOSITORY_PATH = re.compile(
    r"`((?:generator|site_templates|tests|benchmarks|scripts|deploy|content|schema|samples|editor|docs)/[^`\s]*)"
)


@pytest.fixture(scope="module")
def built_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("docs") / "site"
    command = ["-m", "mkdocs", "build", "--strict", "-f", str(DOCS / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(
        [sys.executable, *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


def _option_names(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    for name, field in model.model_fields.items():
        yield prefix + name
        for kind in (field.annotation, *get_args(field.annotation)):
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                yield from _option_names(kind, f"{prefix}{name}.")


def _first_cells(page: Path, heading: str) -> list[str]:
    """The first column of the table under the heading with id ``heading``."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    title = soup.find(id=heading)
    assert title is not None, heading
    table = title.find_next("table")
    assert table is not None
    return [cell.get_text(strip=True) for row in table.find_all("tr") if (cell := row.find("td"))]


def test_the_docs_build_strictly(built_docs: Path) -> None:
    assert (built_docs / "index.html").is_file()
    assert (built_docs / "theme" / "index.html").is_file()
    # benchmarks/RESULTS.md is shown in the docs as it is, figures included.
    results = (built_docs / "benchmarks" / "index.html").read_text(encoding="utf-8")
    assert "Benchmark results" in results and "13815.2 photos/s" in results
    assert (built_docs / "screenshots" / "ho-so-360.png").is_file()


def test_the_options_table_lists_every_declared_option(built_docs: Path) -> None:
    listed = _first_cells(built_docs / "settings" / "index.html", "options")
    assert listed == list(_option_names(Options))
    assert "publish.ssh.host" in listed


def test_the_commands_table_lists_every_command_of_the_parser(built_docs: Path) -> None:
    listed = _first_cells(built_docs / "commands" / "index.html", "as-the-parser-declares-them")
    subparsers = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert listed == [choice.dest for choice in subparsers._choices_actions]
    assert "upgrade" in listed


def test_every_repository_path_the_docs_name_exists() -> None:
    pages = [*sorted((DOCS / "pages").glob("*.md")), README, ROOT / "benchmarks" / "RESULTS.md"]
    missing = []
    for page in pages:
        for match in _REPOSITORY_PATH.finditer(page.read_text(encoding="utf-8")):
            path = match.group(1).rstrip(".,;:")
            if any(sign in path for sign in "<*…{") or path in WRITTEN_BY_COMMANDS:
                continue
            # `generator/files.write_atomically` names a function of generator/files.py.
            module = re.sub(r"\.[a-z_]+$", ".py", path)
            if not (ROOT / path).exists() and not (ROOT / module).is_file():
                missing.append(f"{page.name}: {path}")
    assert missing == []


def test_the_readme_is_a_short_front_page_that_links_to_the_docs() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    assert "](docs/pages/index.md)" in text and "mkdocs serve -f docs/mkdocs.yml" in text
    assert "](benchmarks/RESULTS.md)" in text
    # The repository's two commands, as they have always been written.
    assert "scripts/demo     # installs what it needs" in text
    assert "scripts/test     # the whole test suite" in text
    for step in ("pipx install dienhinh-", "dienhinh init", "dienhinh edit", "dienhinh upgrade"):
        assert step in text


def test_an_option_is_described_by_its_field_description_or_its_docstring() -> None:
    import importlib.util

    from pydantic import Field

    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)

    class Target(BaseModel):
        """Where it goes."""

        host: str = Field(min_length=1, description="The server | its name.")

    class Sample(BaseModel):
        size: int = Field(default=512, gt=0)
        """Largest file, in KB."""
        ratio: float = 1.5
        target: Target | None = None
        plain: bool = False

    table = hooks.options_table(Sample)
    assert table.splitlines()[2:] == [
        "| `size` | integer, > 0 | `512` | Largest file, in KB. |",
        "| `ratio` | number | `1.5` |  |",
        "| `target` | mapping or none | none | Where it goes. |",
        "| `target.host` | text, length ≥ 1 | required | The server \\| its name. |",
        "| `plain` | true/false | `false` |  |",
    ]
