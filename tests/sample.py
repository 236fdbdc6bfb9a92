"""The sample project for tests, benchmarks and scripts: copy it, run the `dienhinh` command
on it, build its site, and serve a built site over http, each in one place."""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# What a project is made of (sources only: no caches, no built site).
PROJECT_PARTS = ("mkdocs.yml", "content", "exemplars", "visits")


# The sample's processed photos and share cards, as its builds leave them (keyed by content).
MEDIA_CACHE = ROOT / ".cache" / "dienhinh"


def copy_project(target: Path, parts: Iterable[str] = PROJECT_PARTS, media_cache: bool = False) -> Path:
    """A private copy of the sample project that a test, benchmark or script may change.
    ``media_cache``: with the photos and cards a build of the sample here already made, when
    there are some (its build then skips redoing the same work: seconds of CPU)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    if media_cache:
        for kind in ("photos", "cards"):
            if (MEDIA_CACHE / kind).is_dir():
                # Not the half-written entries of a build running now (".name.xyz").
                ignore = shutil.ignore_patterns(".*")
                shutil.copytree(MEDIA_CACHE / kind, target / ".cache" / "dienhinh" / kind, ignore=ignore)
    return target


# The kind (unit, e2e, browser) of the test running, set by tests/conftest.py; None outside
# pytest (benchmarks, scripts). A unit test runs no process of the tool and builds nothing.
running_kind: str | None = None
# Commands that build a site or print a booklet: run in process, they are end to end too.
SITE_COMMANDS = frozenset({"build", "booklet", "poster", "publish", "gather"})


def refuse_in_unit_test(what: str) -> None:
    if running_kind == "unit":
        raise AssertionError(f"a unit test {what}: mark it e2e (pytest.mark.e2e)")


def run_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """``dienhinh`` as a user runs it, in a separate process (``env``: variables added)."""
    refuse_in_unit_test("starts the tool in a process")
    return subprocess.run(
        [sys.executable, "-m", "dienhinh.cli", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def run_main(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``dienhinh`` in this process: the same arguments, exit code and output as ``run_cli``,
    without starting Python and importing the tool again (a second or two each). For the
    commands that need no process of their own: not ``serve``/``edit``, signals, tracebacks
    or a changed ``PYTHONPATH``. A bug's exception reaches the test as it is."""
    from dienhinh.cli import main

    if args and args[0] in SITE_COMMANDS:
        refuse_in_unit_test(f"runs `dienhinh {args[0]}`")
    out, err = io.StringIO(), io.StringIO()
    with (
        _kept_logging(),
        _environment(env or {}),
        contextlib.chdir(cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's usage errors, as the process would end
            code = _exit_code(stop.code, err)
        finally:
            # A build freezes what it loaded for the garbage collector (the process ends after
            # it); the test process goes on.
            gc.unfreeze()
    return subprocess.CompletedProcess(["dienhinh", *args], code, out.getvalue(), err.getvalue())


def _exit_code(code: object, err: io.StringIO) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=err)
    return 1


# The loggers a command sets up for its run (its console handler, levels); a process would end
# with them, so each in-process run leaves them as it found them.
_LOGGERS = ("", "dienhinh", "mkdocs", "weasyprint")


@contextlib.contextmanager
def _kept_logging() -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in _LOGGERS]
    saved = [(lg, list(lg.handlers), lg.level, lg.propagate, lg.disabled) for lg in loggers]
    try:
        yield
    finally:
        for logger, handlers, level, propagate, disabled in saved:
            logger.handlers[:] = handlers
            logger.setLevel(level)
            logger.propagate, logger.disabled = propagate, disabled


@contextlib.contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_site(site: Path, project: Path = ROOT) -> float:
    """Build ``project``'s site into ``site`` with the CLI; → seconds taken. A failed build
    stops the caller with the build's own output."""
    started = time.perf_counter()
    result = run_cli("build", "-d", str(site), cwd=project, timeout=3600)
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    return time.perf_counter() - started


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """``site`` over http on a random port of 127.0.0.1 (Pagefind fetches, file:// cannot)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(url: str, process: subprocess.Popen[str], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.communicate()[0])
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer")


@contextmanager
def running_editor(project: Path, preview: bool) -> Iterator[tuple[str, str]]:
    """`dienhinh edit` as the officer starts it (no browser opened: the test drives one)."""
    editor_port, preview_port = free_port(), free_port()
    extra = ["--preview-addr", f"127.0.0.1:{preview_port}"] if preview else ["--no-preview"]
    process = subprocess.Popen(
        [sys.executable, "-m", "dienhinh.cli", "edit", "--no-browser",
         "-a", f"127.0.0.1:{editor_port}", *extra],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        env={**os.environ, "DISPLAY": ""},
    )  # fmt: skip
    base, preview_url = f"http://127.0.0.1:{editor_port}/", f"http://127.0.0.1:{preview_port}/"
    try:
        wait_for(base, process)
        if preview:
            wait_for(preview_url, process, seconds=300)  # the first build of the preview
        yield base, preview_url
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl+C, as the officer stops it
        try:
            output = process.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            output = process.communicate()[0]
        assert "Trình soạn thảo: " + base in output
        assert ("Bản xem trước (có cả hồ sơ nháp" in output) == preview


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """A one-sheet workbook with these rows, as a hamlet might send it."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
