"""Fetching a commune's open data over HTTP (httpx), patiently and politely: a timeout on
every request, a few more tries after a server error or a timeout, conditional requests
(ETag / Last-Modified) so unchanged data is not sent again, and the last good copy of each
commune's data kept on disk for when its site is down."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from .. import clock
from ..messages import province as msg

DATA_FILE = "dien-hinh.json"
META_FILE = "meta.json"
USER_AGENT = "dienhinh-gather (open data of commune exemplar sites)"


@dataclass(frozen=True)
class Saved:
    """The last good copy of one commune's data: its validators and when it was saved."""

    source: str
    etag: str | None
    last_modified: str | None
    saved: str  # ISO moment, Vietnam time


@dataclass(frozen=True)
class Fetched:
    """What one request gave: a body, "not modified" (use the saved copy), or an error."""

    body: bytes | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


def write_atomic(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temp, path)


class SourceCache:
    """``<folder>/<commune code>/{dien-hinh.json, meta.json}``: each commune's last good copy."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self, code: str, source: str) -> tuple[bytes, Saved] | None:
        """The saved copy of ``code``'s data, if it came from the same ``source``."""
        try:
            meta = Saved(**json.loads((self.folder / code / META_FILE).read_text(encoding="utf-8")))
            body = (self.folder / code / DATA_FILE).read_bytes()
        except (OSError, ValueError, TypeError):
            return None
        return (body, meta) if meta.source == source else None

    def save(self, code: str, source: str, body: bytes, fetched: Fetched) -> None:
        meta = Saved(source, fetched.etag, fetched.last_modified, clock.now().isoformat(timespec="seconds"))
        write_atomic(self.folder / code / DATA_FILE, body)
        write_atomic(self.folder / code / META_FILE, json.dumps(asdict(meta)).encode("utf-8"))

    def photo(self, url: str) -> Path:
        """Where the thumbnail made from the photo at ``url`` is kept (photo addresses carry
        the photo's hash, so a changed photo has a new address)."""
        return self.folder / "anh" / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:32]}.jpg"


def client(timeout: float) -> httpx.Client:
    """One client for every request of a run (connections reused), with ``timeout`` seconds
    for connecting and for each read."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        follow_redirects=True,
        max_redirects=5,
    )


class Fetcher:
    """GET with retries and a size limit; an error is a Vietnamese reason, never raised."""

    def __init__(self, http: httpx.Client, timeout: float, retries: int, max_bytes: int) -> None:
        self.http, self.timeout, self.retries, self.max_bytes = http, timeout, retries, max_bytes
        # A server that keeps sending a byte now and then never trips the read timeout.
        self.deadline = timeout * 10

    def get(self, url: str, saved: Saved | None = None) -> Fetched:
        headers = {}
        if saved is not None and saved.etag:
            headers["If-None-Match"] = saved.etag
        if saved is not None and saved.last_modified:
            headers["If-Modified-Since"] = saved.last_modified
        result = Fetched(error=msg.SOURCE_NOT_TRIED)
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(0.5 * 2 ** (attempt - 1), 5.0))
            result, again = self._once(url, headers)
            if not again:
                break
        return result

    def _once(self, url: str, headers: dict[str, str]) -> tuple[Fetched, bool]:
        """One try → what it gave, and whether another try may do better."""
        try:
            with self.http.stream("GET", url, headers=headers) as response:
                if response.status_code == 304 and headers:
                    return Fetched(not_modified=True), False
                if response.status_code != 200:
                    return Fetched(error=msg.source_status(response.status_code)), response.status_code >= 500
                body = self._read(response)
                if isinstance(body, str):
                    return Fetched(error=body), False
                return Fetched(
                    body,
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                ), False
        except httpx.TimeoutException:
            return Fetched(error=msg.source_timeout(self.timeout)), True
        except httpx.HTTPError as error:
            return Fetched(error=msg.source_unreachable(str(error) or type(error).__name__)), True

    def _read(self, response: httpx.Response) -> bytes | str:
        started = time.monotonic()
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                return msg.source_too_large(self.max_bytes // 2**20)
            if time.monotonic() - started > self.deadline:
                return msg.source_too_slow(self.deadline)
            chunks.append(chunk)
        return b"".join(chunks)
