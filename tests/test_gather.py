"""``dienhinh gather``: commune sites served over HTTP on 127.0.0.1 — one good, one with a
profile that breaks the schema, one answering 500, one that does not answer in time — give a
province site with the right counts and a Vietnamese warning naming each commune and its
problem; a commune whose site is down later is shown from its last good copy."""

from __future__ import annotations

import copy
import functools
import hashlib
import html
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from dienhinh.opendata.check import check_document

from .sample import run_main
from .test_leaks import foreign_scripts
from .test_site import PUBLIC

DATA_PATH = "/du-lieu/dien-hinh.json"


@dataclass
class Behaviour:
    """How a test commune's server answers; changed between runs of the same test."""

    mode: str = "site"  # site | error | slow
    delay: float = 3.0
    overrides: dict[str, bytes] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)


class _Handler(SimpleHTTPRequestHandler):
    behaviour: Behaviour

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        b = self.behaviour
        b.requests.append((self.path, dict(self.headers)))
        if b.mode == "error":
            self.send_error(500)
            return
        if b.mode == "slow":
            time.sleep(b.delay)
        body = b.overrides.get(self.path)
        if body is None:
            super().do_GET()
            return
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the slow one)
            pass


@contextmanager
def commune_server(site: Path, behaviour: Behaviour) -> Iterator[str]:
    """A commune's site on a random port of 127.0.0.1, answering as ``behaviour`` says."""
    handler = type("Handler", (_Handler,), {"behaviour": behaviour})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    server.block_on_close = False
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def broken_copy(site: Path) -> tuple[bytes, str]:
    """The sample data as another commune publishes it without a site address, with one
    profile whose kind is not in the schema → (bytes, that profile's slug)."""
    data = json.loads((site / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["commune"].update(name="xã Thử Nghiệm", full_name="xã Thử Nghiệm, tỉnh Thái Nguyên", site_url=None)
    for p in data["profiles"]:  # addresses relative to the data file, as a site without site_url writes
        p["url"] = p["url"].replace("https://dienhinh.example.vn/", "../")
        for photo in p["photos"]:
            for image in (photo, photo["thumbnail"]):
                image["url"] = image["url"].replace("https://dienhinh.example.vn/", "../")
    data["profiles"][2]["kind"]["code"] = "robot"
    return json.dumps(data, ensure_ascii=False).encode("utf-8"), data["profiles"][2]["slug"]


CONFIG = """\
province: tỉnh Thái Nguyên
site_url: https://tinh.example.vn/
congress: Đại hội Thi đua yêu nước tỉnh Thái Nguyên lần thứ VI
timeout: 0.5
retries: 1
communes:
  - name: Xã Điềm Mặc
    source: {good}du-lieu/dien-hinh.json
  - name: Xã Thử Nghiệm
    source: {broken}
  - name: Xã Lỗi Máy Chủ
    source: {error}du-lieu/dien-hinh.json
  - name: Xã Chậm Trả Lời
    source: {slow}du-lieu/dien-hinh.json
"""
LINES = {"Xã Điềm Mặc": 7, "Xã Thử Nghiệm": 9, "Xã Lỗi Máy Chủ": 11, "Xã Chậm Trả Lời": 13}


def warnings_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CẢNH BÁO" in line]


def profile_pages(site: Path, code: str) -> list[Path]:
    return sorted(
        p for p in (site / "xa" / code).glob("*/index.html") if not p.parent.name.startswith("trang-")
    )


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_province_site_from_four_communes_over_http(sample_site: Path, tmp_path: Path) -> None:
    broken_body, broken_slug = broken_copy(sample_site)
    good, broken = Behaviour(), Behaviour(overrides={DATA_PATH: broken_body})
    error, slow = Behaviour(mode="error"), Behaviour(mode="slow")
    with (
        commune_server(sample_site, good) as good_url,
        commune_server(sample_site, broken) as broken_url,
        commune_server(sample_site, error) as error_url,
        commune_server(sample_site, slow) as slow_url,
    ):
        config = CONFIG.format(good=good_url, broken=broken_url, error=error_url, slow=slow_url)
        (tmp_path / "tinh.yml").write_text(config, encoding="utf-8")
        result = run_main("gather", cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        site = tmp_path / "site"

        # One warning per commune in trouble, at its line, naming it and the problem.
        assert warnings_of(result.stderr) == [
            f"tinh.yml:{LINES['Xã Thử Nghiệm']}: CẢNH BÁO [communes[1]]: Xã Thử Nghiệm: bỏ qua hồ sơ"
            f" “{broken_slug}” vì không đúng mẫu dữ liệu: profiles[2].kind.code: “robot” không hợp lệ;"
            " chọn một trong: collective, individual, model.",
            f"tinh.yml:{LINES['Xã Lỗi Máy Chủ']}: CẢNH BÁO [communes[2]]: Xã Lỗi Máy Chủ: máy chủ của xã"
            " trả lời lỗi 500; chưa có bản lưu nào nên lần này trang của tỉnh không có xã này.",
            f"tinh.yml:{LINES['Xã Chậm Trả Lời']}: CẢNH BÁO [communes[3]]: Xã Chậm Trả Lời: máy chủ của xã"
            " không trả lời trong 0.5 giây; chưa có bản lưu nào nên lần này trang của tỉnh không có xã này.",
        ]
        assert "Traceback" not in result.stderr
        # A server error and a timeout are tried again (retries: 1); a good answer is not.
        assert len(error.requests) == 2
        assert len([r for r in slow.requests if r[0] == DATA_PATH]) == 2
        assert len([r for r in good.requests if r[0] == DATA_PATH]) == 1
        assert f"2/4 xã, {2 * len(PUBLIC) - 1} hồ sơ" in result.stdout

        # The right counts, page by page.
        assert len(profile_pages(site, "xa-diem-mac")) == len(PUBLIC)
        assert len(profile_pages(site, "xa-thu-nghiem")) == len(PUBLIC) - 1
        assert not (site / "xa" / "xa-thu-nghiem" / broken_slug).exists()
        assert not (site / "xa" / "xa-loi-may-chu").exists()
        assert not (site / "xa" / "xa-cham-tra-loi").exists()
        stats = [s.get_text(" ", strip=True) for s in page(site, "index.html").select(".dh-stat")]
        assert stats[:2] == ["2/4 xã có dữ liệu", f"{2 * len(PUBLIC) - 1} điển hình được công bố"]
        rows = page(site, "xa/index.html").select("table.dh-table tbody tr")
        table = {
            r.td.get_text(strip=True): [td.get_text(strip=True) for td in r.find_all("td")] for r in rows
        }
        assert table["Xã Điềm Mặc"][1] == str(len(PUBLIC))
        assert table["Xã Thử Nghiệm"][1] == str(len(PUBLIC) - 1)
        assert table["Xã Lỗi Máy Chủ"][1:2] == ["0"] and table["Xã Lỗi Máy Chủ"][-1] == "chưa lấy được"
        assert len(list((site / "linh-vuc").glob("*/index.html"))) >= 5

        # The exemplars the communes nominated to the province, from their open data.
        nominated = [
            [td.get_text(strip=True) for td in r.find_all("td")][:2]
            for r in page(site, "de-cu/index.html").select("table.dh-table tbody tr")
        ]
        upward = [e for e in PUBLIC for n in e.nominations if n.level.value in ("province", "national")]
        assert len(upward) >= 2
        assert sorted(nominated) == sorted(
            [e.name, commune] for e in upward for commune in ("Xã Điềm Mặc", "Xã Thử Nghiệm")
        )

        # Every profile points to the commune's own page as canonical: as the commune
        # declares it, or where its data came from when it declares none.
        canonical = page(site, "xa/xa-diem-mac/doi-che-ban-quyen/index.html").select('link[rel="canonical"]')
        assert [c["href"] for c in canonical] == ["https://dienhinh.example.vn/dien-hinh/doi-che-ban-quyen/"]
        canonical = page(site, "xa/xa-thu-nghiem/doi-che-ban-quyen/index.html").select(
            'link[rel="canonical"]'
        )
        assert [c["href"] for c in canonical] == [f"{broken_url}dien-hinh/doi-che-ban-quyen/"]
        # The province's own pages keep their own address.
        home = page(site, "xa/index.html").select('link[rel="canonical"]')
        assert [c["href"] for c in home] == ["https://tinh.example.vn/xa/"]

        # Photos as thumbnails, re-encoded here, with their credit.
        profile = page(site, "xa/xa-diem-mac/doi-che-ban-quyen/index.html")
        cover = profile.select_one("figure.dh-cover")
        assert cover is not None
        image = site / "xa" / "xa-diem-mac" / "doi-che-ban-quyen" / cover.img["src"]
        with Image.open(image) as picture:
            assert picture.format == "JPEG" and picture.width <= 480
            assert not picture.getexif() and "icc_profile" not in picture.info
        assert "Ảnh:" in cover.figcaption.get_text() and "Xã Điềm Mặc" in cover.figcaption.get_text()
        photo_requests = [path for path, _ in broken.requests if "/anh/" in path]
        assert photo_requests, "the commune without a site address serves its own photos"

        # Second run: the good commune's site is down; its last good copy is used. The
        # others answer "not modified" to the conditional requests.
        good.mode = "error"
        again = run_main("gather", cwd=tmp_path)
        assert again.returncode == 0, again.stdout + again.stderr
        down = [w for w in warnings_of(again.stderr) if "[communes[0]]" in w]
        assert len(down) == 1
        assert re.fullmatch(
            r"tinh\.yml:7: CẢNH BÁO \[communes\[0\]\]: Xã Điềm Mặc: máy chủ của xã trả lời lỗi 500;"
            r" dùng bản lưu lần trước \(lấy lúc \d\d:\d\d ngày \d\d/\d\d/\d{4}\)\.",
            down[0],
        ), down[0]
        assert len(profile_pages(site, "xa-diem-mac")) == len(PUBLIC)
        rows = page(site, "xa/index.html").select("table.dh-table tbody tr")
        assert [r.find_all("td")[-1].get_text(strip=True) for r in rows][:2] == [
            "bản lưu lần trước",
            "mới lấy",
        ]
        data_requests = [headers for path, headers in broken.requests if path == DATA_PATH]
        assert len(data_requests) == 2 and "If-None-Match" in data_requests[1]

        # Third run: the good site is back; it is asked whether its data changed.
        good.mode = "site"
        good.requests.clear()
        third = run_main("gather", cwd=tmp_path)
        assert third.returncode == 0, third.stderr
        asked = [headers for path, headers in good.requests if path == DATA_PATH]
        assert len(asked) == 1 and "If-Modified-Since" in asked[0]
        assert not [w for w in warnings_of(third.stderr) if "[communes[0]]" in w]


HOSTILE_NAME = "[bấm vào](javascript:alert(1)) <script>alert(2)</script> **đậm**"


def hostile_data(site: Path) -> bytes:
    data = json.loads((site / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8"))
    data["commune"]["site_url"] = None
    p = data["profiles"][0]
    p.update(
        name=HOSTILE_NAME,
        summary="Dòng một.\n\n# Tiêu đề chen vào\n\n<img src=x onerror=alert(3)>",
        url="../x/",
    )
    # A photo whose address climbs out of the commune's folder: never read.
    outside = {"url": "../../../../etc/hostname", "width": 1, "height": 1}
    p["photos"] = [
        {**outside, "thumbnail": outside, "caption": "c", "credit": None, "alt": "a", "cover": True}
    ]
    data["profiles"] = [p]
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_hostile_data_from_a_local_folder_is_shown_as_text(sample_site: Path, tmp_path: Path) -> None:
    folder = tmp_path / "xa-la" / "du-lieu"
    folder.mkdir(parents=True)
    (folder / "dien-hinh.json").write_bytes(hostile_data(sample_site))
    assert check_document((folder / "dien-hinh.json").read_bytes()).doc is not None
    (tmp_path / "tinh.yml").write_text(
        "province: tỉnh Thử\ncommunes:\n  - name: Xã Lạ\n    code: xa-la\n    source: xa-la\n",
        encoding="utf-8",
    )
    result = run_main("gather", "-d", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert warnings_of(result.stderr) == [
        "tinh.yml:3: CẢNH BÁO [communes[0]]: Xã Lạ: 1 ảnh không lấy được, hồ sơ vẫn hiện không có ảnh đó"
        " (ảnh đầu tiên: ảnh “../../../../etc/hostname” không nằm trên trang của xã nên không lấy)."
    ]
    site = tmp_path / "out"
    assert foreign_scripts(site) == []
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        urls = [v for tag in soup.find_all(True) for k, v in tag.attrs.items() if k in ("href", "src")]
        assert not [u for u in urls if u.strip().lower().startswith("javascript:")], path
        assert not soup.find_all(attrs={"onerror": True}), path
        assert not [s for s in soup.find_all("strong") if s.get_text() == "đậm"], path
        assert not [h for h in soup.find_all(["h1", "h2"]) if h.get_text(strip=True) == "Tiêu đề chen vào"]
    profile = page(
        site, f"xa/xa-la/{json.loads(hostile_data(sample_site))['profiles'][0]['slug']}/index.html"
    )
    assert profile.h1.get_text() == HOSTILE_NAME
    assert (
        profile.select_one(".dh-lead").get_text()
        == "Dòng một. # Tiêu đề chen vào <img src=x onerror=alert(3)>"
    )
    assert not profile.select('link[rel="canonical"]'), (
        "a local copy without an address has no canonical page"
    )
    assert profile.select("figure") == []


def test_no_commune_answering_leaves_the_previous_site(tmp_path: Path) -> None:
    previous = tmp_path / "site"
    previous.mkdir()
    (previous / "index.html").write_text("trang cũ", encoding="utf-8")
    (tmp_path / "tinh.yml").write_text(
        "province: tỉnh Thử\ntimeout: 0.5\nretries: 0\ncommunes:\n"
        "  - name: Xã Vắng\n    source: http://127.0.0.1:9/du-lieu/dien-hinh.json\n",
        encoding="utf-8",
    )
    result = run_main("gather", cwd=tmp_path)
    assert result.returncode == 1
    assert "Xã Vắng: không kết nối được tới máy chủ của xã" in result.stderr
    assert "Không lấy được dữ liệu của xã nào" in result.stderr
    assert (previous / "index.html").read_text(encoding="utf-8") == "trang cũ"


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            "province: tỉnh Thử\ncomunes: []\n",
            "tinh.yml:2: LỖI [comunes]: Trường “comunes” không có",
        ),
        (
            "province: tỉnh Thử\ncommunes:\n  - name: Xã A\n    source: a\n  - name: xã a\n    source: b\n",
            "tinh.yml:5: LỖI [communes[1]]: Mã xã “xa-a” đã dùng ở dòng 3",
        ),
        (
            "province: tỉnh Thử\ntimeout: -1\ncommunes:\n  - {name: A, source: a}\n",
            "tinh.yml:2: LỖI [timeout]",
        ),
    ],
)
def test_a_wrong_configuration_is_a_vietnamese_error_at_its_line(
    tmp_path: Path, config: str, expected: str
) -> None:
    (tmp_path / "tinh.yml").write_text(config, encoding="utf-8")
    result = run_main("gather", cwd=tmp_path)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_pages_from_memory_are_what_mkdocs_makes_of_the_same_markdown(
    sample_site: Path, tmp_path: Path
) -> None:
    """The province build hands MkDocs its pages from memory with our HTML blocks set aside
    (ProvincePlugin); MkDocs alone, on the same pages written out (--docs-dir), gives the
    same HTML, page for page."""
    (tmp_path / "tinh.yml").write_text(
        f"province: tỉnh Thử\ncommunes:\n  - name: Xã Điềm Mặc\n    source: {sample_site}\n", encoding="utf-8"
    )
    result = run_main("gather", "--docs-dir", "kept", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    plain = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            "kept/mkdocs.yml",
            "-d",
            str(tmp_path / "plain"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert plain.returncode == 0, plain.stderr
    ours = sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*.html"))
    theirs = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*.html"))
    assert ours == theirs
    assert len(ours) > len(PUBLIC)
    # One difference is ours by design: the province build escapes front matter for the theme
    # (build.theme_meta), where plain MkDocs prints a quote in a description raw.
    escaped = [
        str(p) for p in ours if (tmp_path / "site" / p).read_bytes() != (tmp_path / "plain" / p).read_bytes()
    ]
    different = [
        str(p)
        for p in ours
        if html.unescape((tmp_path / "site" / p).read_text(encoding="utf-8"))
        != html.unescape((tmp_path / "plain" / p).read_text(encoding="utf-8"))
    ]
    assert different == []
    assert escaped, "the sample has a description with quotes: the escaping must show"
