"""``dienhinh serve``: a real preview server in a temp copy of the project. Editing a profile
or the registry changes the served page and live reload tells the browser; a mistake is shown
on the served pages while the last good site keeps being served; drafts are previewed, marked.
(How fast a change shows is measured by benchmarks/serve_reload.py, not asserted here.)"""

from __future__ import annotations

import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .sample import copy_project, free_port, run_cli, run_main

SLUG = "doi-che-ban-quyen"
DRAFT = "mo-hinh-homestay-atk-gan-voi-doi-che-xom-ban-moi"  # the sample's one draft
# Generous: a loaded CI machine must not fail a behaviour test on speed.
RELOAD_WITHIN_S = 90.0


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
    yield from _serve(tmp_path)


def _serve(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_project(tmp_path / "project", media_cache=True)
    port = free_port()
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "dienhinh.cli", "serve", "-a", f"127.0.0.1:{port}"],
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


def test_editing_a_profile_changes_the_served_page(server: tuple[Path, str]) -> None:
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


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0


def wait_until(check: Callable[[], bool], seconds: float) -> bool:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_renaming_and_deleting_profiles_while_serving(server: tuple[Path, str]) -> None:
    """The preview rebuilds in place: a renamed profile's old page and a deleted profile's
    page are gone from the served site, and from its search index a moment later."""
    project, base = server
    renamed, deleted = "chi-hoi-cuu-chien-binh-xom-dong-tam", "ong-ma-van-a-minh-hoa"
    assert status_of(f"{base}/dien-hinh/{renamed}/") == 200
    assert status_of(f"{base}/dien-hinh/{deleted}/") == 200
    entry = f"{base}/pagefind/pagefind-entry.json"

    def indexed() -> int:
        text = fetch(entry)
        return sum(lang["page_count"] for lang in json.loads(text)["languages"].values()) if text else -1

    assert wait_until(lambda: indexed() > 0, RELOAD_WITHIN_S)  # made after the first build
    before = indexed()
    (project / "exemplars" / renamed).rename(project / "exemplars" / f"{renamed}-2024")
    body, took = wait_for(f"{base}/dien-hinh/{renamed}-2024/", "dh-lead", RELOAD_WITHIN_S)
    assert body is not None, f"renamed profile not served after {took:.1f} s"
    assert status_of(f"{base}/dien-hinh/{renamed}/") == 404
    shutil.rmtree(project / "exemplars" / deleted)
    assert wait_until(lambda: status_of(f"{base}/dien-hinh/{deleted}/") == 404, RELOAD_WITHIN_S)
    assert wait_until(lambda: indexed() == before - 1, RELOAD_WITHIN_S), (before, indexed())


def test_editing_the_registry_changes_the_served_page(server: tuple[Path, str]) -> None:
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


def test_a_mistake_is_shown_in_the_browser_and_the_last_good_site_stays(server: tuple[Path, str]) -> None:
    project, base = server
    url = f"{base}/dien-hinh/{SLUG}/"
    path = project / "exemplars" / SLUG / "index.md"
    good = path.read_text(encoding="utf-8")
    broken = re.sub(r"^field: .*$", "field: khong-co-linh-vuc-nay", good, count=1, flags=re.M)
    assert broken != good
    path.write_text(broken, encoding="utf-8")

    body, took = wait_for(url, "dh-problems", RELOAD_WITHIN_S)
    assert body is not None, f"no problem shown after {took:.1f} s"
    page = BeautifulSoup(body, "html.parser")
    alert = page.select_one(".dh-problems")
    assert alert is not None and alert.get("role") == "alert"
    text = alert.get_text(" ", strip=True)
    # The Vietnamese problem, naming the file, the line and the field.
    assert f"exemplars/{SLUG}/index.md:" in text and "LỖI [field]" in text and "khong-co-linh-vuc-nay" in text
    # The last good profile is still served, whole; other pages answer too (nothing hangs).
    assert page.select_one(".dh-lead") is not None
    assert fetch(f"{base}/", timeout=10) is not None
    log = (project.parent / "serve.log").read_text(encoding="utf-8")
    assert "Aborted" not in log and "Traceback" not in log and "BuildError" not in log

    path.write_text(good, encoding="utf-8")
    start = time.monotonic()
    while time.monotonic() - start < RELOAD_WITHIN_S:
        body = fetch(url, timeout=5)
        if body is not None and "dh-lead" in body and "dh-problems" not in body:
            break
        time.sleep(0.2)
    else:
        raise AssertionError("the problem is still shown after the profile was fixed")


def test_warnings_are_printed_once_not_at_every_rebuild(server: tuple[Path, str]) -> None:
    project, base = server
    path = project / "exemplars" / SLUG / "index.md"
    text = path.read_text(encoding="utf-8")
    marker = "Sửa lần hai khi xem trước."
    edited = re.sub(r"summary: >-\n(  .*\n)+", f"summary: {marker}\n", text, count=1)
    path.write_text(edited, encoding="utf-8")
    body, took = wait_for(f"{base}/dien-hinh/{SLUG}/", marker, RELOAD_WITHIN_S)
    assert body is not None, f"page unchanged after {took:.1f} s"
    log = (project.parent / "serve.log").read_text(encoding="utf-8")
    warnings = [line for line in log.splitlines() if "CẢNH BÁO" in line]
    assert warnings, "the sample has warnings: the first build prints them"
    assert len(warnings) == len(set(warnings)), "a warning was printed again at the rebuild"
    assert "không nhắc lại" in log
    # The address to open is printed, after every build.
    assert log.count(f"Bản xem trước đã cập nhật: {base}/") >= 2


def test_drafts_are_previewed_marked_and_never_built(server: tuple[Path, str], tmp_path: Path) -> None:
    project, base = server
    body = fetch(f"{base}/dien-hinh/{DRAFT}/", timeout=10)
    assert body is not None, "the draft is not previewed"
    page = BeautifulSoup(body, "html.parser")
    mark = page.select_one(".dh-draft")
    assert mark is not None and "Bản nháp" in mark.get_text()
    home = fetch(f"{base}/", timeout=10)
    assert home is not None and "Bản xem trước" in home
    # Profiles that are public carry no draft mark.
    public = BeautifulSoup(fetch(f"{base}/dien-hinh/{SLUG}/", timeout=10) or "", "html.parser")
    assert public.select_one(".dh-draft") is None

    site = tmp_path / "built"
    result = run_main("build", "-d", str(site), cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (site / "dien-hinh" / DRAFT).exists()
    built = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    # The preview's banner (the staff guide speaks of "Bản xem trước" in its own words).
    assert "dh-draft" not in built and "Bản xem trước trên máy này" not in built and DRAFT not in built


def test_a_busy_address_is_a_vietnamese_message(project: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "-a", f"127.0.0.1:{port}", cwd=project, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Không mở được địa chỉ" in result.stderr
