"""The editor's server is a local server that cannot be driven or exhausted: it opens on this
computer only; a bad length, a NUL, a field of the wrong type, a Word file named "..", a browser
closing early each get a 400 (or their own answer) and one line, never a traceback; idle
connections are closed and only so many are open; a save's pictures pass the photo checks and
a picture a page still shows is not deleted."""

from __future__ import annotations

import base64
import json
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from dienhinh.editor import server as editor_server
from dienhinh.editor.backend import LocalBackend
from dienhinh.editor.server import EditorApp, is_loopback, start_editor, upload_name
from dienhinh.records.settings import load_settings

from .sample import copy_project


@pytest.fixture
def app(tmp_path: Path) -> EditorApp:
    project = copy_project(tmp_path / "project")
    settings, problems = load_settings(project / "mkdocs.yml")
    assert settings is not None, problems
    return EditorApp(settings)


@contextmanager
def running(app: EditorApp) -> Iterator[tuple[int, list[str]]]:
    lines: list[str] = []
    app.report = lines.append
    server = start_editor(app, "127.0.0.1", 0)
    try:
        yield server.server_address[1], lines
    finally:
        server.shutdown()
        server.server_close()


def raw(port: int, data: bytes, close_early: bool = False) -> bytes:
    """Send ``data`` as it is; the answer (b"" when the server closed without one)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(data)
        if close_early:
            return b""
        chunks = []
        while True:
            try:
                chunk = connection.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                break
        return b"".join(chunks)


def _complete(answer: bytes) -> bool:
    head, _, body = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return True


def post(port: int, path: str, body: bytes, length: str | None = None) -> tuple[int, dict[str, Any]]:
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: {length or len(body)}\r\n\r\n"
    answer = raw(port, head.encode("latin-1") + body)
    status = int(answer.split(b" ", 2)[1])
    return status, json.loads(answer.partition(b"\r\n\r\n")[2] or b"{}")


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "may-cua-xa.local"])
def test_an_address_other_computers_reach_is_refused_with_the_reason(app: EditorApp, host: str) -> None:
    with pytest.raises(ValueError, match="chỉ mở trên chính máy này"):
        start_editor(app, host, 0)
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("[::1]")
    assert not is_loopback("10.0.0.1")


def test_bad_requests_are_a_vietnamese_400_and_one_line(
    app: EditorApp, capfd: pytest.CaptureFixture[str]
) -> None:
    with running(app) as (port, lines):
        info = json.dumps({"action": "info"}).encode()
        for length in ("-1", "abc", "1e9", "+5"):
            status, body = post(port, "/api/v1", info, length)
            assert status == 400 and "Content-Length" in body["error"], (length, body)
        status, body = post(port, "/api/v1", json.dumps({"action": "entriesByFolder", "params": {
            "folder": "exemplars", "extension": "md", "depth": "x"}}).encode())  # fmt: skip
        assert status == 400 and "Yêu cầu không hợp lệ" in body["error"]
        status, body = post(port, "/api/v1", json.dumps({"action": "getEntry", "params": {
            "path": "exemplars/doi-che-ban-quyen/\u0000index.md"}}).encode())  # fmt: skip
        assert status == 200 and body["data"] is None  # no such entry: nothing read
        status, body = post(port, "/api/v1", b"[" * 100_000)
        assert status == 400
        status, body = post(port, "/api/word?file=..", b"PK\x03\x04 not really a docx")
        assert status == 422 and body["error"]
        status, body = post(port, "/api/word?file=%00.docx", b"PK")
        assert status == 422
        status, body = post(port, "/api/photo?name=..", b"\xff\xd8\xff")
        assert status in (200, 422)
        answer = raw(port, f"GET /assets/a\x00b HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode("latin-1"))
        assert answer.startswith((b"HTTP/1.0 404", b"HTTP/1.1 404")), answer[:40]
        # A browser closing before its body is sent.
        head = f'POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 5000\r\n\r\n{{"act'
        raw(port, head.encode(), close_early=True)
        time.sleep(0.5)
        status, _ = post(port, "/api/v1", info)
        assert status == 200  # still serving
    printed = capfd.readouterr()
    assert "Traceback" not in printed.err + printed.out
    assert len(lines) >= 6 and all("\n" not in line and "Traceback" not in line for line in lines)


def test_idle_connections_are_closed_and_only_so_many_are_open(
    app: EditorApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(editor_server._Handler, "timeout", 1.0)
    monkeypatch.setattr(editor_server, "MAX_CONNECTIONS", 4)
    with running(app) as (port, _):
        held = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(10)]
        for connection in held:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1")  # headers never finished
        started = time.monotonic()
        closed = 0
        for connection in held:
            try:
                closed += connection.recv(100) == b""
            except (ConnectionResetError, TimeoutError):
                closed += 1
            connection.close()
        # All closed: 6 at once (past the bound), 4 once idle for a second.
        assert closed == 10 and time.monotonic() - started < 4.5
        info = json.dumps({"action": "info"}).encode()
        assert post(port, "/api/v1", info)[0] == 200


def test_a_save_writes_only_pictures_that_pass_the_photo_checks(app: EditorApp) -> None:
    backend: LocalBackend = app.backend
    folder = app.settings.exemplars_dir / "doi-che-ban-quyen"
    raw_entry = (folder / "index.md").read_text(encoding="utf-8")
    for name, data in (("trang.html", b"<script>alert(1)</script>"), ("chay.sh", b"#!/bin/sh\nrm -rf ~\n"),
                       ("anh-gia.jpg", b"not a jpeg at all")):  # fmt: skip
        asset = {"path": f"exemplars/doi-che-ban-quyen/{name}", "content": base64.b64encode(data).decode()}
        params = {
            "dataFiles": [{"path": "exemplars/doi-che-ban-quyen/index.md", "raw": raw_entry}],
            "assets": [asset],
            "options": {"newEntry": False},
        }
        reply = backend.handle({"action": "persistEntry", "params": params})
        assert reply.status == 422 and name in reply.body["error"], reply.body
        assert not (folder / name).exists()


def test_a_shared_picture_a_page_shows_is_not_deleted(app: EditorApp) -> None:
    shared = app.settings.root / "content" / "hinh"
    used = shared / "bien-tap-loi.png"
    reply = app.backend.handle({"action": "deleteFile", "params": {"path": "content/hinh/bien-tap-loi.png"}})
    assert reply.status == 422 and "huong-dan-bien-tap.md" in reply.body["error"], reply.body
    assert used.exists()
    (shared / "khong-ai-dung.png").write_bytes(used.read_bytes())
    reply = app.backend.handle({"action": "deleteFile", "params": {"path": "content/hinh/khong-ai-dung.png"}})
    assert reply.status == 200 and not (shared / "khong-ai-dung.png").exists()


NAMES = [("..", "x.docx"), ("a/../b.docx", "b.docx"), ("\0.docx", "x.docx"), ("", "x.docx"),
         ("C:\\tmp\\bao-cao.docx", "bao-cao.docx")]  # fmt: skip


@pytest.mark.parametrize(("sent", "kept"), NAMES)
def test_upload_names_keep_only_a_plain_last_part(sent: str, kept: str) -> None:
    assert upload_name(sent, "x.docx") == kept
