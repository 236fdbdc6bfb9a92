"""Shared fixtures: copies of the sample project and one build of the sample site (the
helpers themselves live in sample.py, shared with benchmarks and scripts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .sample import build_site, copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per test session with the CLI into a temp dir."""
    site = tmp_path_factory.mktemp("sample") / "site"
    build_site(site)
    return site
