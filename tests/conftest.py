"""Shared fixtures: copies of the sample project and one build of the sample site (the
helpers themselves live in sample.py, shared with benchmarks and scripts), and each test's
kind: ``unit``, ``e2e`` or ``browser``, told from what it uses."""

from __future__ import annotations

import fcntl
import inspect
import os
from collections.abc import Iterator
from pathlib import Path
from types import CodeType
from typing import Any

import pytest

from . import sample
from .browser import chromium
from .sample import build_site, copy_project, run_main


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the sample project, with the photos and cards its builds already made."""
    return copy_project(tmp_path / "project", media_cache=True)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per test run with the CLI into a temp dir. Tests read it,
    never change it: with pytest-xdist the workers share one build (the first one to need it
    builds it, the others wait for it)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        site = tmp_path_factory.mktemp("sample") / "site"
        build_site(site)
        return site
    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above each worker's
    site = shared / "sample-site"
    with (shared / "sample-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "sample-site.done").is_file():
            build_site(site)
            (shared / "sample-site.done").touch()
    return site


# --- the kind of each test -------------------------------------------------------------
#
# unit: the fast loop (`pytest -m unit`); e2e: builds a site, a booklet or the province site,
# runs the tool or Python in a process of its own, or starts a server; browser: drives
# Chromium. Each test gets the highest it reaches through its own code, its fixtures' code and
# the test helpers (functions of this folder) they call. A module or a test may mark itself
# e2e or browser for what cannot be seen that way (it then has both marks when it also drives
# Chromium); while a test runs, sample.run_main and browser.chromium refuse what its kind does
# not allow.

KINDS = ("unit", "e2e", "browser")
HELPERS = __name__.rpartition(".")[0] + "."  # this folder's modules: "tests."
# Attribute names of a process started from a test: `sys.executable`, `subprocess.Popen`.
PROCESS_NAMES = frozenset({"executable", "Popen"})


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wrong = []
    kinds: dict[str, int] = {}
    for item in items:
        marked = [kind for kind in KINDS if item.get_closest_marker(kind)]
        seen = kind_seen(item)
        if marked == ["unit"] and seen != "unit":  # it would slow the fast loop down
            wrong.append(f"{item.nodeid}: marked unit, but it is {seen}")
        kind = max([*marked, seen], key=KINDS.index)
        if kind not in marked:
            item.add_marker(kind)
        kinds[item.nodeid] = KINDS.index(kind)
    if wrong:
        raise pytest.UsageError("\n".join(wrong))
    if "PYTEST_XDIST_WORKER" in os.environ:
        _spread(items, kinds)


def _spread(items: list[pytest.Item], kinds: dict[str, int]) -> None:
    """For pytest-xdist (``--dist loadfile --no-loadscope-reorder``: a module's tests share its
    fixtures, a booklet, a big build, a browser, made once on one worker): the modules with the
    most end-to-end and browser tests go first, so that the run ends on short unit tests spread
    over the workers, not on one long module while the other workers wait. A test much longer
    than a build says so: ``pytest.mark.e2e(weight=30)`` counts as 30 end-to-end tests."""
    weight: dict[str, float] = {}
    for item in items:
        module = item.nodeid.split("::")[0]
        marks = [m for kind in KINDS for m in item.iter_markers(kind)]
        declared = [m.kwargs["weight"] for m in marks if "weight" in m.kwargs]
        own = declared[0] if declared else 1 if kinds[item.nodeid] else 0.05
        weight[module] = weight.get(module, 0) + own
    items.sort(key=lambda item: -weight[item.nodeid.split("::")[0]])


def kind_seen(item: pytest.Item) -> str:
    function = getattr(item, "function", None)
    if function is None:
        return "unit"
    fixtures = getattr(item, "_fixtureinfo", None)
    roots = [function]
    if fixtures is not None:
        roots += [d.func for defs in fixtures.name2fixturedefs.values() for d in defs]
    return kind_of(roots)


def kind_of(roots: list[Any]) -> str:
    """The kind of a test made of these functions (the test's and its fixtures')."""
    kind = "unit"
    for code, namespace in _reached(roots):
        found = _kind_of_code(code, namespace)
        if found == "browser":
            return found
        if found == "e2e":
            kind = found
    return kind


def _kind_of_code(code: CodeType, namespace: dict[str, Any]) -> str:
    names = set(code.co_names)
    if any(namespace.get(name) is chromium for name in names):
        return "browser"
    if names & PROCESS_NAMES:
        return "e2e"
    if any(namespace.get(name) is run_main for name in names) and sample.SITE_COMMANDS & set(code.co_consts):
        return "e2e"
    return "unit"


def _reached(roots: list[Any]) -> Iterator[tuple[CodeType, dict[str, Any]]]:
    """Every code object of ``roots`` and of the test helpers they name, with its globals."""
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        function = inspect.unwrap(stack.pop())
        # A Hypothesis test: the test as written is kept beside the wrapper that runs it.
        function = getattr(getattr(function, "hypothesis", None), "inner_test", function)
        code = getattr(function, "__code__", None)
        if code is None or id(function) in seen:
            continue
        seen.add(id(function))
        namespace = function.__globals__
        for inner in _codes(code):
            yield inner, namespace
            for name in inner.co_names:
                found = namespace.get(name)
                if inspect.isfunction(found) and _is_helper(found.__module__):
                    stack.append(found)


def _is_helper(module: str) -> bool:
    """A module of this folder, other than this one (which names everything it looks for)."""
    return module.startswith(HELPERS) and module != __name__


def _codes(code: CodeType) -> Iterator[CodeType]:
    """``code`` and the code nested in it (inner functions, lambdas, comprehensions)."""
    yield code
    for const in code.co_consts:
        if isinstance(const, CodeType):
            yield from _codes(const)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    sample.running_kind = next(kind for kind in reversed(KINDS) if item.get_closest_marker(kind))


def pytest_runtest_teardown(item: pytest.Item) -> None:
    sample.running_kind = None
