"""``gather`` bounded in time, size and place: a commune server that drips one header line every
2 s, one that sends a gzip bomb (one layer or stacked), one that redirects the data or the
photos to another host (an intranet or metadata address stands in), and a folder source whose
thumbnail climbs out with ``%2e%2e``. Each ends in a warning for its commune, within the
deadline, and the good commune is built."""

from __future__ import annotations

import gzip
import json
import socketserver
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dienhinh.opendata import fetch
from dienhinh.opendata.gather import under

from .sample import run_main
from .test_gather import Behaviour, commune_server, profile_pages, warnings_of
from .test_site import PUBLIC

BOMB_MB = 40  # decoded size of the one-layer bomb: past max_source_mb below


def _stacked_bomb() -> bytes:
    # 8 MB of zeros → gzip (8 KB) → gzip again: a few KB that decode, layer after layer.
    return gzip.compress(gzip.compress(b"\0" * 8 * 2**20, 9), 9)


class _Hostile(socketserver.BaseRequestHandler):
    """One connection of a hostile commune server; ``self.server.mode`` says how it answers."""

    server: _Server

    def handle(self) -> None:
        self.request.settimeout(60)
        try:
            request = self.request.recv(65536).decode("latin-1")
        except OSError:
            return
        path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
        self.server.seen.append(path)
        try:
            getattr(self, f"_{self.server.mode}")(path)
        except OSError:  # the client gave up: what a hostile server expects
            pass

    def _send(self, head: str, body: bytes = b"") -> None:
        self.request.sendall(head.encode("latin-1") + b"\r\n" + body)

    def _drip(self, path: str) -> None:
        self.request.sendall(b"HTTP/1.1 200 OK\r\n")
        for number in range(1000):
            time.sleep(self.server.drip)
            self.request.sendall(f"X-Giot-{number}: nho giot\r\n".encode())

    def _bomb(self, path: str) -> None:
        body = gzip.compress(b" " * BOMB_MB * 2**20, 9)
        self._send(f"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {len(body)}\r\n", body)

    def _stacked(self, path: str) -> None:
        body = _stacked_bomb()
        head = f"HTTP/1.1 200 OK\r\nContent-Encoding: gzip, gzip\r\nContent-Length: {len(body)}\r\n"
        self._send(head, body)

    def _moved_photos(self, path: str) -> None:
        if path == "/du-lieu/dien-hinh.json":
            size = len(self.server.body)
            self._send(f"HTTP/1.1 200 OK\r\nContent-Length: {size}\r\n", self.server.body)
        else:
            self._redirect(path)

    def _redirect(self, path: str) -> None:
        target = f"{self.server.elsewhere}latest/meta-data/{path.lstrip('/')}"
        self._send(f"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, mode: str, elsewhere: str = "") -> None:
        super().__init__(("127.0.0.1", 0), _Hostile)
        self.mode, self.elsewhere = mode, elsewhere
        self.seen: list[str] = []
        self.drip = 2.0  # seconds between header lines
        self.body = b""


@contextmanager
def hostile_server(mode: str, elsewhere: str = "", drip: float = 2.0) -> Iterator[_Server]:
    server = _Server(mode, elsewhere)
    server.drip = drip
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/"


CONFIG = """\
province: tỉnh Thái Nguyên
timeout: 1
retries: 0
max_source_mb: 8
communes:
  - name: Xã Điềm Mặc
    source: {good}du-lieu/dien-hinh.json
  - name: Xã Nhỏ Giọt
    source: {drip}du-lieu/dien-hinh.json
  - name: Xã Bom Nén
    source: {bomb}du-lieu/dien-hinh.json
  - name: Xã Nén Chồng
    source: {stacked}du-lieu/dien-hinh.json
  - name: Xã Chuyển Hướng
    source: {redirect}du-lieu/dien-hinh.json
"""


def test_gather_ends_within_its_deadline_with_the_good_commune_built(
    sample_site: Path, tmp_path: Path
) -> None:
    photos_moved = Behaviour()
    with (
        hostile_server("redirect") as metadata,  # stands for 169.254.169.254: never asked twice
        commune_server(sample_site, photos_moved) as good_url,
        hostile_server("drip", drip=0.5) as drip,  # under timeout: 1, as 2 s is under 3
        hostile_server("bomb") as bomb,
        hostile_server("stacked") as stacked,
        hostile_server("redirect", elsewhere=url(metadata)) as redirect,
    ):
        config = CONFIG.format(
            good=good_url, drip=url(drip), bomb=url(bomb), stacked=url(stacked), redirect=url(redirect)
        )
        (tmp_path / "tinh.yml").write_text(config, encoding="utf-8")
        started = time.monotonic()
        tracemalloc.start()
        result = run_main("gather", cwd=tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        elapsed = time.monotonic() - started
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        assert "Traceback" not in output
        # The deadline is timeout × 10 for the whole request; the communes are fetched at once.
        assert elapsed < 10 + 25, elapsed
        assert peak < 200 * 2**20, peak  # the 40 MB bomb and the stacked one never in memory
        warnings = warnings_of(result.stderr)
        said = {name: [w for w in warnings if name in w] for name in
                ("Xã Nhỏ Giọt", "Xã Bom Nén", "Xã Nén Chồng", "Xã Chuyển Hướng")}  # fmt: skip
        assert "gửi dữ liệu quá chậm (quá 10 giây)" in said["Xã Nhỏ Giọt"][0], warnings
        assert "lớn hơn giới hạn 8 MB" in said["Xã Bom Nén"][0], warnings
        assert "“gzip, gzip”" in said["Xã Nén Chồng"][0], warnings
        assert "chuyển hướng sang" in said["Xã Chuyển Hướng"][0], warnings
        assert metadata.seen == []  # the redirect was never followed
        assert len(profile_pages(tmp_path / "site", "xa-diem-mac")) == len(PUBLIC)


def test_photos_are_never_fetched_through_a_redirect_to_another_host(
    sample_site: Path, tmp_path: Path
) -> None:
    data = json.loads((sample_site / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8"))
    data["commune"]["site_url"] = None
    text = json.dumps(data, ensure_ascii=False).replace("https://dienhinh.example.vn/", "../")
    with (
        hostile_server("redirect") as metadata,
        hostile_server("moved_photos", elsewhere=url(metadata)) as commune,
    ):
        commune.body = text.encode("utf-8")
        (tmp_path / "tinh.yml").write_text(
            f"province: tỉnh Thử\ntimeout: 1\nretries: 0\ncommunes:\n"
            f"  - name: Xã Điềm Mặc\n    source: {url(commune)}du-lieu/dien-hinh.json\n",
            encoding="utf-8",
        )
        result = run_main("gather", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p for p in commune.seen if p.startswith("/anh/") or "/anh/" in p]  # photos were asked for
    assert metadata.seen == []
    assert "ảnh không lấy được" in result.stderr and "chuyển hướng sang" in result.stderr
    assert len(profile_pages(tmp_path / "site", "xa-diem-mac")) == len(PUBLIC)


def test_a_folder_source_thumbnail_cannot_climb_out_encoded(sample_site: Path, tmp_path: Path) -> None:
    secret = tmp_path / "bi-mat.jpg"
    secret.write_bytes((sample_site / "du-lieu" / "dien-hinh.json").read_bytes()[:10])
    from PIL import Image

    Image.new("RGB", (64, 64), (200, 0, 0)).save(secret)
    folder = tmp_path / "xa-la" / "du-lieu"
    folder.mkdir(parents=True)
    data = json.loads((sample_site / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8"))
    data["commune"]["site_url"] = None
    profile = data["profiles"][0]
    outside = {"url": "%2e%2e/%2e%2e/bi-mat.jpg", "width": 64, "height": 64}
    profile["photos"] = [{**outside, "thumbnail": outside, "caption": "c", "credit": None, "alt": "a",
                          "cover": True}]  # fmt: skip
    data["profiles"] = [profile]
    (folder / "dien-hinh.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "tinh.yml").write_text(
        "province: tỉnh Thử\ncommunes:\n  - name: Xã Lạ\n    code: xa-la\n    source: xa-la\n",
        encoding="utf-8",
    )
    result = run_main("gather", "-d", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "“%2e%2e/%2e%2e/bi-mat.jpg” không nằm trên trang của xã" in result.stderr
    assert not list((tmp_path / "out").rglob("anh-*.jpg"))


@pytest.mark.parametrize(
    ("address", "inside"),
    [
        ("http://xa.vn/a/anh/1.jpg", True),
        ("https://xa.vn/a/anh/1.jpg", True),  # the same site over https
        ("http://xa.vn/a/%2e%2e/b/1.jpg", False),
        ("http://xa.vn/a/..%2fb/1.jpg", False),
        ("http://xa.vn/b/1.jpg", False),
        ("http://169.254.169.254/a/1.jpg", False),
        ("http://xa.vn.evil/a/1.jpg", False),
        ("http://u:p@xa.vn/a/1.jpg", False),
        ("file:///etc/hostname", False),
    ],
)
def test_under_the_site_is_judged_on_the_decoded_address(address: str, inside: bool) -> None:
    assert under("http://xa.vn/a/")(address) is inside


def test_stacked_encodings_are_refused_and_one_layer_is_decoded_with_a_cap() -> None:
    assert fetch.content_encoding("gzip, gzip") is None
    assert fetch.content_encoding("br") is None
    assert fetch.content_encoding("identity") == ""
    assert fetch.content_encoding("GZIP") == "gzip"
    decoder = fetch._Decoder("gzip", 2**20)
    with pytest.raises(fetch._TooLarge):
        decoder.feed(gzip.compress(b"\0" * 64 * 2**20))
    assert decoder.size <= 2**20 + 1
    assert fetch._Decoder("deflate", 100).feed(zlib.compress(b"abc")) == b"abc"
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    assert fetch._Decoder("deflate", 100).feed(raw.compress(b"abc") + raw.flush()) == b"abc"


def test_the_deadline_covers_the_headers() -> None:
    with hostile_server("drip") as drip:
        http = fetch.client(3.0)
        fetcher = fetch.Fetcher(http, 3.0, 0, 2**20)
        fetcher.deadline = 5.0
        started = time.monotonic()
        got = fetcher.get(url(drip) + "du-lieu/dien-hinh.json")
        http.close()
    assert time.monotonic() - started < 8
    assert got.error is not None and "quá chậm" in got.error


def test_a_plain_client_still_reaches_a_good_server(sample_site: Path) -> None:
    with commune_server(sample_site, Behaviour()) as good:
        http = fetch.client(2.0)
        got = fetch.Fetcher(http, 2.0, 0, 2**24).get(good + "du-lieu/dien-hinh.json")
        http.close()
    assert got.body is not None and json.loads(got.body)["commune"]


def test_the_open_data_schema_carries_the_limits_check_applies(sample_site: Path, tmp_path: Path) -> None:
    from dienhinh.opendata.check import check_document
    from dienhinh.opendata.schema import open_data_schema
    from dienhinh.records.model import MAX_ITEMS, MAX_SUMMARY, MAX_TEXT

    profile = open_data_schema()["$defs"]["Profile"]["properties"]
    assert profile["replications"]["maxItems"] == MAX_ITEMS
    assert profile["summary"]["maxLength"] == MAX_SUMMARY
    data = json.loads((sample_site / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8"))
    swollen = data["profiles"][0]
    swollen["replications"] = [{"hamlet": None, "place": "Xóm", "year": 2023, "units": 1, "notes": None}] * (
        MAX_ITEMS + 1
    )
    data["profiles"][1]["name"] = "A" * (MAX_TEXT + 1)
    checked = check_document(json.dumps(data).encode())
    assert checked.doc is not None
    kept = {p.slug for p in checked.doc.profiles}
    assert swollen["slug"] not in kept and data["profiles"][1]["slug"] not in kept
    assert len(checked.dropped) == 2 and any("replications" in d for d in checked.dropped)

    # The same limit is a problem of ``check`` at its line, in Vietnamese.
    from .sample import copy_project

    project = copy_project(tmp_path / "project")
    index = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    text = index.read_text(encoding="utf-8")
    many = "".join(f"  - {{place: Xóm {i}, year: 2023, units: 1}}\n" for i in range(MAX_ITEMS + 1))
    index.write_text(text.replace("\nstatus:", "\nreplications:\n" + many + "status:", 1), encoding="utf-8")
    result = run_main("check", cwd=project)
    assert result.returncode == 1
    assert "[replications]: Quá nhiều mục: tối đa 300 mục" in result.stdout + result.stderr
