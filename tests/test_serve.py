"""``dienhinh serve``: a real preview server in a temp copy of the project; editing a profile
or the registry changes the served page within 5 s, and live reload tells the browser."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import copy_project

SLUG = "doi-che-ban-quyen"
RELOAD_WITHIN_S = 5.0  # the promise to an editor watching the preview


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float = 10) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, seconds: float) -> tuple[str | None, float]:
    """Poll ``url`` until its body contains ``text``; → (body, seconds it took)."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        body = fetch(url, timeout=2)
        if body is not None and text in body:
            return body, time.monotonic() - start
        time.sleep(0.1)
    return None, time.monotonic() - start


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # The first build is not what is timed: allow a slow machine plenty of time.
        body, _ = wait_for(f"{base}/dien-hinh/{SLUG}/", "dh-lead", 180)
        assert body is not None, (tmp_path / "serve.log").read_text(encoding="utf-8")
        yield project, base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_editing_a_profile_changes_the_served_page_within_5_s(server: tuple[Path, str]) -> None:
    project, base = server
    url = f"{base}/dien-hinh/{SLUG}/"
    before = fetch(url)
    assert before is not None
    # Live reload is really on: MkDocs injects its polling script with the site's epoch.
    match = re.search(r"livereload\((\d+), (\d+)\)", before)
    assert match, "live reload script missing from the served page"
    epoch, request_id = match.groups()

    path = project / "exemplars" / SLUG / "index.md"
    text = path.read_text(encoding="utf-8")
    new_summary = "Tóm tắt sửa khi đang xem trước, mười lăm hộ cùng làm chè sạch."
    edited = re.sub(r"summary: >-\n(  .*\n)+", f"summary: {new_summary}\n", text, count=1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")

    body, took = wait_for(url, new_summary, RELOAD_WITHIN_S)
    assert body is not None, f"page unchanged after {took:.1f} s"
    assert "Mười hai hộ trồng chè cùng chuyển sang" not in body
    # The browser's long poll now answers with a newer epoch: the open tab reloads itself.
    answer = fetch(f"{base}/livereload/{epoch}/{request_id}", timeout=10)
    assert answer is not None and int(answer) > int(epoch)


def test_editing_the_registry_changes_the_served_page_within_5_s(server: tuple[Path, str]) -> None:
    project, base = server
    registry = project / "exemplars" / "registry.yml"
    text = registry.read_text(encoding="utf-8")
    edited = text.replace(
        "{code: ban-quyen, name: Xóm Bản Quyền}", "{code: ban-quyen, name: Xóm Bản Quyền Mới}"
    )
    assert edited != text
    registry.write_text(edited, encoding="utf-8")
    body, took = wait_for(f"{base}/dien-hinh/{SLUG}/", "Xóm Bản Quyền Mới", RELOAD_WITHIN_S)
    assert body is not None, f"page unchanged after {took:.1f} s"
