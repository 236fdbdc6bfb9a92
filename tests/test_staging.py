"""Atomic publish: a killed or interrupted build leaves the previous site byte-for-byte."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from dienhinh.search import index as search
from dienhinh.site import staging
from dienhinh.site.previous_build import STATE_FILE

from .sample import ROOT, copy_project, run_main
from .test_hardening import digest

COPIES = 300  # enough pages that the MkDocs stage lasts a few seconds


def big_project(target: Path) -> Path:
    """The sample project plus many copies of one profile (a slow, valid build)."""
    project = copy_project(target, media_cache=True)
    source = (ROOT / "exemplars" / "doi-che-ban-quyen" / "index.md").read_text(encoding="utf-8")
    for i in range(COPIES):
        folder = project / "exemplars" / f"ban-sao-{i}"
        shutil.copytree(ROOT / "exemplars" / "doi-che-ban-quyen", folder)  # with its photos
        text = source.replace("name: Tổ hợp tác chè sạch xóm Bản Quyền", f"name: Bản sao số {i}")
        (folder / "index.md").write_text(text.replace("featured: true", "featured: false"), encoding="utf-8")
    return project


def build(project: Path) -> subprocess.CompletedProcess[str]:
    """A whole build, waited for."""
    return run_main("build", cwd=project)


def _default_ctrl_c() -> None:
    # As in a terminal: a test suite started in the background (``cmd &`` in a script)
    # passes SIGINT on as ignored, and Python then never raises KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_build(project: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "dienhinh.cli", "build"],
        cwd=project,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_default_ctrl_c,  # noqa: PLW1509 - only resets one signal before exec
    )


def wait_for_mkdocs_stage(project: Path, process: subprocess.Popen[str], timeout: float = 120) -> Path:
    """The staging folder, once MkDocs has started writing profile pages into it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise AssertionError(f"the build ended before it could be interrupted:\n{output}")
        for building in project.glob(".site.building-*"):
            pages = building / "dien-hinh"
            if pages.is_dir() and sum(1 for _ in pages.iterdir()) >= 20:
                return building
        time.sleep(0.02)
    raise AssertionError("the build never reached the MkDocs stage")


@pytest.fixture(scope="module")
def built_big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    project = big_project(tmp_path_factory.mktemp("big") / "project")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project, digest(project / "site")


def fresh_copy(built: tuple[Path, dict[str, str]], target: Path) -> Path:
    project, _ = built
    shutil.copytree(project, target, symlinks=True)
    # A change, so the interrupted build would have produced a different site.
    profile = target / "exemplars" / "ban-sao-0" / "index.md"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Bản sao số 0", "Đã sửa"), encoding="utf-8"
    )
    return target


def search_dirs_of(pid: int, temp: Path) -> list[Path]:
    """The temporary search folders a build process made in the temporary folder ``temp``.
    (Its page copies in /dev/shm are not looked at: any build on this machine, another test's
    on another worker too, removes a dead build's folders there.)"""
    return list(temp.glob(f"{search.TEMP_PREFIX}{pid}-*"))


def processes_of(project: Path) -> list[str]:
    """Command lines of running processes that mention the project folder (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if entry.name.isdigit() and str(project) in command:
            found.append(command)
    return found


def test_sigkill_during_mkdocs_stage_keeps_previous_site(
    built_big, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = fresh_copy(built_big, tmp_path / "p")
    # A full build (not one from the last build's site, which indexes at the end): it is
    # killed while its pages stream to the search index.
    (project / ".cache" / "dienhinh" / STATE_FILE).unlink()
    before = built_big[1]
    # A temporary folder of its own, which only the next build below looks into.
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = start_build(project, env={"TMPDIR": str(temp)})
    wait_for_mkdocs_stage(project, process)
    process.kill()
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    # Its background workers (and their fork server) notice and leave within seconds.
    deadline = time.monotonic() + 15
    while processes_of(project) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert processes_of(project) == []
    assert digest(project / "site") == before
    assert (project / "site" / "index.html").is_file()
    assert len(list((project / "site" / "dien-hinh").glob("*/index.html"))) >= COPIES
    # The killed build left its staging folder; the next build removes it and succeeds.
    assert list(project.glob(".site.building-*"))
    # Its search folders too (page copies in memory, parts on disk); the next build removes them.
    assert search_dirs_of(process.pid, temp)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # this process's builds: there too
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert not list(project.glob(".site.*"))
    assert search_dirs_of(process.pid, temp) == []
    assert "Đã sửa" in (project / "site" / "dien-hinh" / "ban-sao-0" / "index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_interrupted_build_cleans_up_and_keeps_site(built_big, tmp_path: Path, sig: int) -> None:
    project = fresh_copy(built_big, tmp_path / "p")
    process = start_build(project)
    wait_for_mkdocs_stage(project, process)
    process.send_signal(sig)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 130, output
    assert "Traceback" not in output
    assert "trang đã công bố trước đó vẫn giữ nguyên" in output
    assert digest(project / "site") == built_big[1]
    assert not list(project.glob(".site.*"))


def test_leftovers_of_live_builds_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "site"
    mine = staging.staging_dir(target)
    dead = tmp_path / ".site.building-999999999-x"
    dead.mkdir()
    assert staging.remove_leftovers(target) == [dead]
    assert mine.is_dir() and not dead.exists()


def test_swap_in_replaces_whole_tree(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    building = staging.staging_dir(target)
    (building / "new.html").write_text("new")
    staging.swap_in(building, target)
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert os.listdir(tmp_path) == ["site"]
