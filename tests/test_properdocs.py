"""The sample site builds on ProperDocs (the maintained fork of MkDocs 1.6) as it does on MkDocs.

ProperDocs lives in its own venv (.venv-properdocs, made by scripts/bootstrap-properdocs from
requirements-properdocs.txt) without MkDocs installed, so the build below cannot be MkDocs's."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dienhinh.messages import search as msg

from .sample import ROOT

# Builds with ProperDocs in its own virtual environment (scripts/bootstrap-properdocs).
pytestmark = pytest.mark.e2e

VENV = ROOT / ".venv-properdocs"
LOCK = ROOT / "requirements-properdocs.txt"


@pytest.fixture(scope="module")
def properdocs_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The sample site built by ``properdocs build`` into a temp dir, and what it printed."""
    assert (VENV / "bin" / "properdocs").exists(), "run scripts/bootstrap-properdocs (scripts/test does)"
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = subprocess.run(
        [str(VENV / "bin" / "properdocs"), "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stderr


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, sep, version = line.split("#")[0].strip().partition("==")
        if sep:
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_the_properdocs_venv_is_pinned_like_the_project() -> None:
    ours, lock = _pins(ROOT / "constraints.txt"), _pins(LOCK)
    assert lock["properdocs"] == "1.6.7" and "mkdocs" not in lock
    assert {name: lock[name] for name in lock.keys() & ours.keys() if lock[name] != ours[name]} == {}


def test_properdocs_builds_it_alone_and_prints_our_messages(properdocs_build: tuple[Path, str]) -> None:
    site, log = properdocs_build
    no_mkdocs = "import importlib.util, sys; sys.exit(importlib.util.find_spec('mkdocs') is not None)"
    assert subprocess.run([str(VENV / "bin" / "python"), "-c", no_mkdocs]).returncode == 0
    generator = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").find(
        "meta", attrs={"name": "generator"}
    )
    assert generator is not None and "ProperDocs 1.6.7" in generator["content"]
    assert "DeprecationWarning" not in log  # files.append over an existing file, fixed
    # Our logger reaches ProperDocs's output, as INFO lines.
    lines = log.splitlines()
    assert any(line.startswith("INFO") and "CẢNH BÁO [registered]" in line for line in lines)
    assert any(line.startswith("INFO") and msg.SEARCH_INDEXED.split("{")[0] in line for line in lines)


def _files(site: Path) -> set[str]:
    # Pagefind's file names are hashes of parts that are not written in the same order by
    # every run; the search index is compared below by what it holds.
    paths = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return {path for path in paths if not path.startswith("pagefind/")}


def _reading(page: Path) -> tuple[str, str, list[str]]:
    """What a resident gets from a page: title, visible text, where its links go."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style", "template", "noscript"]):
        hidden.decompose()
    title = soup.title.get_text(strip=True) if soup.title else ""
    text = " ".join(soup.body.get_text(" ").split()) if soup.body else ""
    return title, text, [a["href"] for a in soup.select("a[href]")]


def test_properdocs_site_reads_as_the_mkdocs_site(
    sample_site: Path, properdocs_build: tuple[Path, str]
) -> None:
    """Same files and, page by page, the same title, visible text and links. The one difference
    the two engines legitimately make is <meta name="generator"> (engine name and version),
    which is not visible text, so nothing needs normalising."""
    site, _ = properdocs_build
    assert _files(site) == _files(sample_site)
    pages = sorted(p for p in _files(sample_site) if p.endswith(".html"))
    assert len(pages) > 50
    for page in pages:
        reading = _reading(sample_site / page)
        assert reading[0] and len(reading[1]) > 100, page
        assert _reading(site / page) == reading, page


def test_properdocs_site_has_the_same_search_index(
    sample_site: Path, properdocs_build: tuple[Path, str]
) -> None:
    site, _ = properdocs_build

    def index(root: Path) -> tuple[int, set[str]]:
        entry = json.loads((root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        # Fragments are named by the hash of each page's indexed text and metadata.
        fragments = {p.name for p in (root / "pagefind" / "fragment").iterdir()}
        return entry["languages"]["vi"]["page_count"], fragments

    count, fragments = index(site)
    assert count > 40 and len(fragments) == count
    assert (count, fragments) == index(sample_site)
