"""Shared fixtures: copies of the sample project and one build of the sample site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "content", "exemplars", "site_templates", "visits")


def copy_project(target: Path) -> Path:
    """A private copy of the sample project (sources only) that a test may break."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``dienhinh`` as a user runs it, in a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per test session with the CLI into a temp dir."""
    site = tmp_path_factory.mktemp("sample") / "site"
    result = run_cli("build", "-d", str(site), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
