"""The editor's local web server: the page, Decap CMS's prebuilt bundle (from npm, served
from disk: no CDN, no internet), the configuration generated for this project, and the
local backend that checks and writes every save. Listens on this computer only and answers
only pages of its own address (no other site can drive it from a browser)."""

from __future__ import annotations

import html
import importlib.resources
import ipaddress
import json
import mimetypes
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import parse_qs, quote

from ..files import within
from ..messages import common as common_msg
from ..messages import editor as msg
from ..messages import intake as intake_msg
from ..records.load import load_registry
from ..records.settings import Settings
from .backend import LocalBackend, Reply
from .config import API_PATH, config_text
from .decap_phrases import DECAP_PHRASES

PHOTO_PATH = "/api/photo"  # a chosen HEIC/HEIF photo → JPEG, before the form takes it
WORD_PATH = "/api/word"  # a Word report → a draft profile (as `dienhinh import FILE.docx`)

# Both travel in the package. Decap's bundle (its scripts, WebAssembly, licences) is copied
# from npm by scripts/bootstrap (`npm ci` in editor/, pinned by its package-lock.json).
_PACKAGE = Path(str(importlib.resources.files(__package__ or "")))
ASSETS = _PACKAGE / "assets"
DECAP_DIST = _PACKAGE / "decap"
DECAP_SCRIPT = "decap-cms.js"
MAX_REQUEST_BYTES = 200 * 2**20  # a few phone photos, base64-encoded
# A connection that sends nothing for this long is closed, and no more than this many are open
# at once: a page (or a script) holding connections half-open cannot take every thread.
IDLE_SECONDS = 20
MAX_CONNECTIONS = 32


def is_loopback(host: str) -> bool:
    """An address of this computer only (127.0.0.0/8, ::1, localhost)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def upload_name(text: str | None, default: str) -> str:
    """The last part of a file name a browser sent, or ``default`` for "..", a NUL, nothing."""
    name = PurePosixPath((text or "").replace("\\", "/")).name
    if name in ("", ".", "..") or "\0" in name or len(name) > 255:
        return default
    return name


PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<link rel="stylesheet" href="assets/dienhinh-editor.css">
<link rel="icon" href="data:,">
</head>
<body>
<script type="application/json" id="dienhinh-editor">{settings}</script>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap/{script}"></script>
<script src="assets/dienhinh-editor.js"></script>
</body>
</html>
"""


def decap_installed(dist: Path = DECAP_DIST) -> bool:
    return (dist / DECAP_SCRIPT).is_file()


def page(preview_url: str, choices: dict[str, list[list[str]]] | None = None, local: bool = True) -> str:
    """The editor's page; its words for our own parts of the UI come from messages.editor.
    ``local``: served by `dienhinh edit` (checks on save, HEIC photos, Word import)."""
    settings = {
        "local": local,
        "preview": preview_url,
        "text": msg.EDITOR_UI,
        "decap": DECAP_PHRASES,
        "choices": choices or {},
    }
    # Inside <script>: "</" must not end the element early.
    data = json.dumps(settings, ensure_ascii=False).replace("</", "<\\/")
    return PAGE.format(title=html.escape(msg.EDITOR_TITLE), settings=data, script=DECAP_SCRIPT)


def write_static_editor(folder: Path, config: str, dist: Path = DECAP_DIST) -> None:
    """The editor as static files for a web server: the page, its configuration (a Git host's
    backend), our assets and Decap's bundle with its licences."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(page("", local=False), encoding="utf-8")
    (folder / "config.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ASSETS, folder / "assets", dirs_exist_ok=True)
    shutil.copytree(dist, folder / "decap", dirs_exist_ok=True)


class EditorApp:
    """What the server answers, apart from HTTP itself (the tests call it directly too)."""

    def __init__(self, settings: Settings, preview_url: str = "", dist: Path = DECAP_DIST) -> None:
        self.settings = settings
        self.preview_url = preview_url
        self.dist = dist
        self.backend = LocalBackend(settings, preview_url=preview_url)
        # One line for the officer's terminal about a request refused or cut short (the
        # command sets it; the server itself never prints).
        self.report: Callable[[str], None] = lambda line: None

    def config(self) -> tuple[int, str]:
        registry, _, problems = load_registry(self.settings.registry_path)
        if registry is None:
            return 500, "\n".join(p.format(self.settings.root) for p in problems)
        root = self.settings.root
        visits = self.settings.visits_dir or root / "visits"
        return 200, config_text(
            registry,
            exemplars_dir=self.settings.exemplars_dir.relative_to(root).as_posix(),
            visits_dir=visits.relative_to(root).as_posix(),
        )

    def choices(self) -> dict[str, list[list[str]]]:
        """What the Word import form offers: kinds, fields, hamlets, organizations."""
        registry, _, _ = load_registry(self.settings.registry_path)
        if registry is None:
            return {}
        return {
            "kind": [[k, v] for k, v in common_msg.KIND_NAMES.items()],
            "field": [[f.code, f.short_name] for f in registry.fields],
            "hamlet": [[h.code, h.name] for h in registry.hamlets],
            "organization": [[o.code, o.name] for o in registry.organizations],
        }

    def import_word(self, data: bytes, query: dict[str, list[str]]) -> Reply:
        """A Word report sent from the editor → its draft profile, with what to look at."""
        from ..intake.import_docx import DocxOptions, import_report

        def option(key: str) -> str | None:
            return (query.get(key) or [""])[0] or None

        with tempfile.TemporaryDirectory() as tmp:
            name = upload_name(option("file"), "bao-cao.docx")
            path = Path(tmp) / name
            path.write_bytes(data)
            kind, field = option("kind"), option("field")
            options = DocxOptions(None, kind, field, option("hamlet"), option("organization"))
            result = import_report(self.settings, path, options)
        notes = [
            {"label": intake_msg.docx_place(name, note.paragraph, note.snippet), "message": note.message,
             "severity": "warning"}
            for note in result.notes
        ]  # fmt: skip
        root = self.settings.root
        problems = [{"label": "", "message": p.format(root), "severity": "error"} for p in result.errors]
        if result.outcome is None:
            if result.refusal:
                problems.append({"label": name, "message": result.refusal, "severity": "error"})
            return Reply(422, {"error": intake_msg.DOCX_FAILED, "problems": problems, "warnings": notes})
        slug = result.index.parent.name if result.index else ""
        return Reply(200, {"outcome": result.outcome.value, "slug": slug, "warnings": notes})

    def static(self, path: str) -> Path | None:
        """A file of our assets or of Decap's bundle, never outside them."""
        pure = PurePosixPath(path)
        if ".." in pure.parts or pure.is_absolute() or len(pure.parts) < 2:
            return None
        folder = {"assets": ASSETS, "decap": self.dist}.get(pure.parts[0])
        if folder is None:
            return None
        found = within(folder / PurePosixPath(*pure.parts[1:]), folder)
        return found if found is not None and found.is_file() else None


class _Handler(BaseHTTPRequestHandler):
    server_version = "dienhinh-edit"
    timeout = IDLE_SECONDS  # every read and write of the connection

    def __init__(self, app: EditorApp, *args: Any) -> None:
        self.app = app
        super().__init__(*args)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal shows our messages, not every request

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, TimeoutError):  # the browser closed or went quiet mid-way
            self.app.report(msg.EDITOR_CLIENT_GONE.format(path=getattr(self, "path", "")[:80]))

    def _from_this_computer(self) -> bool:
        """The peer is this computer, whatever address the server was given."""
        return is_loopback(str(self.client_address[0]))

    def _own_address(self) -> bool:
        """Host (and Origin, when sent) name this server: no other site's page, nor a DNS
        name rebound to this computer, may read or write the project."""
        port = self.server.server_address[1]  # type: ignore[index]
        hosts = {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}
        if self.headers.get("Host") not in hosts or not self._from_this_computer():
            return False
        origin = self.headers.get("Origin")
        return origin is None or origin.removeprefix("http://") in hosts

    def _send(self, status: int, body: bytes, content_type: str, cache: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=86400" if cache else "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if not self._own_address():
            self._send(HTTPStatus.FORBIDDEN, b"", "text/plain")
            return
        path = self.path.split("?", 1)[0]
        if path in ("/", "/index.html"):
            text = page(self.app.preview_url, self.app.choices())
            self._send(200, text.encode("utf-8"), "text/html; charset=utf-8")
            return
        if path == "/config.yml":
            status, text = self.app.config()
            self._send(status, text.encode("utf-8"), "text/yaml; charset=utf-8")
            return
        found = self.app.static(path.lstrip("/"))
        if found is None:
            missing = msg.EDITOR_NOT_FOUND.encode("utf-8")
            self._send(HTTPStatus.NOT_FOUND, missing, "text/plain; charset=utf-8")
            return
        kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        self._send(200, found.read_bytes(), kind, cache=found.is_relative_to(self.app.dist))

    def do_POST(self) -> None:
        path, _, query = self.path.partition("?")
        if not self._own_address() or path not in (API_PATH, PHOTO_PATH, WORD_PATH):
            self._send(HTTPStatus.FORBIDDEN, b"", "text/plain")
            return
        body = self._body()
        if isinstance(body, Reply):
            self._json(body)
            return
        if path == PHOTO_PATH:
            self._photo(body, upload_name(parse_qs(query).get("name", [""])[0], "anh.heic"))
            return
        if path == WORD_PATH:
            self._json(self.app.import_word(body, parse_qs(query)))
            return
        try:
            request = json.loads(body or b"{}")
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            self._json(Reply(400, {"error": msg.EDITOR_BAD_REQUEST.format(detail=str(error)[:200])}))
            return
        if not isinstance(request, dict):
            self._json(Reply(400, {"error": msg.EDITOR_BAD_REQUEST.format(detail="JSON")}))
            return
        self._json(self.app.backend.handle(request))

    def _body(self) -> bytes | Reply:
        """The request's body, or the reply refusing it (a length that is not a number, or
        past the limit: never "read until the client closes")."""
        raw = (self.headers.get("Content-Length") or "0").strip()
        if not (raw.isascii() and raw.isdigit()):
            return Reply(400, {"error": msg.EDITOR_BAD_LENGTH.format(value=raw[:40])})
        length = int(raw)
        if length > MAX_REQUEST_BYTES:
            return Reply(413, {"error": msg.EDITOR_TOO_LARGE})
        return self.rfile.read(length)

    def _photo(self, data: bytes, name: str) -> None:
        """A chosen HEIC/HEIF photo → the JPEG the form will use instead."""
        found = self.app.backend.convert_photo(name, data)
        if isinstance(found, str):
            self._json(Reply(422, {"error": found}))
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(found.data)))
        self.send_header("X-File-Name", quote(found.name))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(found.data)

    def _json(self, reply: Reply) -> None:
        if reply.status == 400:
            self.app.report(str(reply.body.get("error", "")))
        body = json.dumps(reply.body, ensure_ascii=False).encode("utf-8")
        self._send(reply.status, body, "application/json; charset=utf-8")


class EditorServer(ThreadingHTTPServer):
    """One thread per connection, at most MAX_CONNECTIONS of them: one more is closed at once."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: Callable[..., _Handler], app: EditorApp) -> None:
        self.app = app
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # One line in the officer's terminal, never a traceback.
        error = sys.exc_info()[1]
        self.app.report(msg.EDITOR_REQUEST_FAILED.format(detail=type(error).__name__ if error else "?"))


def start_editor(app: EditorApp, host: str, port: int) -> EditorServer:
    """Serve ``app`` in a background thread; raises OSError when the address is taken and
    ValueError (its Vietnamese reason) for an address other computers could reach."""
    if not is_loopback(host):
        raise ValueError(msg.EDIT_NOT_LOOPBACK.format(host=host))
    handler: Callable[..., _Handler] = partial(_Handler, app)
    server = EditorServer((host, port), handler, app)
    threading.Thread(target=server.serve_forever, daemon=True, name="dienhinh-edit").start()
    return server
