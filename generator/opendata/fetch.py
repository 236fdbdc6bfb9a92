"""Fetching a commune's open data over HTTP (httpx), patiently and politely: a timeout on
every request, a few more tries after a server error or a timeout, conditional requests
(ETag / Last-Modified) so unchanged data is not sent again, and the last good copy of each
commune's data kept on disk for when its site is down."""

from __future__ import annotations

import hashlib
import json
import os
import ssl
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpcore
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


# --- a deadline for the whole request --------------------------------------------------------
# httpx's timeouts bound each read: a server that sends one header line every 2 s (or one byte
# of the body) never trips them. Every blocking step of a request (connect, TLS, each read and
# write) runs on the thread that asked, so the socket's timeout is set, each time, to what is
# left of that request's wall-clock deadline: once it has passed the request fails at once,
# wherever it is (headers included).
_request = threading.local()


def _left(timeout: float | None) -> float | None:
    end: float | None = getattr(_request, "deadline", None)
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("deadline")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self.stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, _left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, _left(timeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self.stream.start_tls(ssl_context, server_hostname, _left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self.stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self.backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self.backend.connect_tcp(host, port, _left(timeout), local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self.backend.connect_unix_socket(path, _left(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self.backend.sleep(seconds)


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Every request this thread makes inside the block ends within ``seconds`` (in all)."""
    _request.deadline = time.monotonic() + seconds
    try:
        yield
    finally:
        _request.deadline = None


def client(timeout: float) -> httpx.Client:
    """One client for every request of a run (connections reused), with ``timeout`` seconds
    for connecting and for each read. Redirects are followed by the Fetcher, hop by hop."""
    transport = httpx.HTTPTransport()
    # httpx takes no network backend; its pool does (see _DeadlineStream).
    pool = transport._pool
    pool._network_backend = _DeadlineBackend(pool._network_backend)
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(timeout),
        # One layer of gzip or deflate, decoded here with a cap (see _Decoder).
        headers={"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "gzip, deflate"},
        follow_redirects=False,
    )


class _TooLarge(Exception):
    pass


class _Decoder:
    """The body as sent (one layer of gzip or deflate, or none) decoded piece by piece, never
    more than ``limit`` bytes: 3.5 KB of stacked gzip would otherwise be gigabytes in memory."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit, self.size = limit, 0
        wbits = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
        self.raw_deflate = encoding == "deflate"
        self.inflate = zlib.decompressobj(wbits[encoding]) if encoding in wbits else None

    def feed(self, data: bytes) -> bytes:
        if self.inflate is None:
            return self._count(data)
        out = []
        while data:
            try:
                piece = self.inflate.decompress(data, self.limit - self.size + 1)
            except zlib.error:
                if not self.raw_deflate or self.size:
                    raise
                # "deflate" is zlib-wrapped by the standard and raw by some servers.
                self.raw_deflate, self.inflate = False, zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self.raw_deflate = False
            out.append(self._count(piece))
            data = self.inflate.unconsumed_tail
        return b"".join(out)

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge
        return data


def content_encoding(header: str) -> str | None:
    """The one encoding of a Content-Encoding header ("" for none); None for a stack of them
    or one we do not decode."""
    parts = (part.strip().lower() for part in header.split(","))
    layers = [part for part in parts if part not in ("", "identity")]
    if not layers:
        return ""
    return layers[0] if len(layers) == 1 and layers[0] in ("gzip", "x-gzip", "deflate") else None


MAX_REDIRECTS = 5


class Fetcher:
    """GET with retries, a size limit and a deadline; redirects followed only where
    ``allowed`` says; an error is a Vietnamese reason, never raised."""

    def __init__(self, http: httpx.Client, timeout: float, retries: int, max_bytes: int) -> None:
        self.http, self.timeout, self.retries, self.max_bytes = http, timeout, retries, max_bytes
        # The whole request, headers and body, ends within this (see deadline()).
        self.deadline = timeout * 10

    def get(
        self, url: str, saved: Saved | None = None, allowed: Callable[[str], bool] | None = None
    ) -> Fetched:
        """``url``'s body; a redirect to an address ``allowed`` refuses is an error."""
        headers = {}
        if saved is not None and saved.etag:
            headers["If-None-Match"] = saved.etag
        if saved is not None and saved.last_modified:
            headers["If-Modified-Since"] = saved.last_modified
        result = Fetched(error=msg.SOURCE_NOT_TRIED)
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(0.5 * 2 ** (attempt - 1), 5.0))
            with deadline(self.deadline):
                result, again = self._hops(url, headers, allowed or (lambda _: True))
            if not again:
                break
        return result

    def _hops(
        self, url: str, headers: dict[str, str], allowed: Callable[[str], bool]
    ) -> tuple[Fetched, bool]:
        for _ in range(MAX_REDIRECTS + 1):
            result, again, location = self._once(url, headers)
            if location is None:
                return result, again
            url = urljoin(url, location)
            if not allowed(url):
                return Fetched(error=msg.redirect_outside(url)), False
        return Fetched(error=msg.too_many_redirects(MAX_REDIRECTS)), False

    def _once(self, url: str, headers: dict[str, str]) -> tuple[Fetched, bool, str | None]:
        """One request → what it gave, whether another try may do better, and where it
        redirects to (None: it does not)."""
        try:
            with self.http.stream("GET", url, headers=headers) as response:
                location = response.headers.get("Location")
                if response.is_redirect and location:
                    return Fetched(), False, location
                if response.status_code == 304 and headers:
                    return Fetched(not_modified=True), False, None
                if response.status_code != 200:
                    failed = Fetched(error=msg.source_status(response.status_code))
                    return failed, response.status_code >= 500, None
                body = self._read(response)
                if isinstance(body, str):
                    return Fetched(error=body), False, None
                return (
                    Fetched(
                        body,
                        etag=response.headers.get("ETag"),
                        last_modified=response.headers.get("Last-Modified"),
                    ),
                    False,
                    None,
                )
        except httpx.TimeoutException:
            late = getattr(_request, "deadline", None) is not None and time.monotonic() >= _request.deadline
            reason = msg.source_too_slow(self.deadline) if late else msg.source_timeout(self.timeout)
            return Fetched(error=reason), not late, None
        except httpx.HTTPError as error:
            return Fetched(error=msg.source_unreachable(str(error) or type(error).__name__)), True, None

    def _read(self, response: httpx.Response) -> bytes | str:
        encoding = content_encoding(response.headers.get("Content-Encoding", ""))
        if encoding is None:
            return msg.source_encoding(response.headers.get("Content-Encoding", ""))
        decoder = _Decoder(encoding, self.max_bytes)
        try:
            chunks = [decoder.feed(chunk) for chunk in response.iter_raw()]
        except _TooLarge:
            return msg.source_too_large(self.max_bytes // 2**20)
        except zlib.error as error:
            return msg.source_bad_compression(str(error))
        return b"".join(chunks)
