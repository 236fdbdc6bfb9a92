"""A person withdraws consent: `dienhinh withdraw` records it, the next build leaves them out
of every output with a tombstone in the open data, the next publish removes them from the
folder and from every release a server keeps for rollback, and `gather` drops the province's
page and the thumbnails it kept."""

from __future__ import annotations

import json
import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest

from .sample import ROOT, run_main
from .servers import shared_folder, ssh_server
from .test_gather import Behaviour, commune_server
from .test_publish_server import configure, live_release

PERSON = "ba-hoang-thi-b-minh-hoa"
NAME = "Hoàng Thị B"


def with_photo(project: Path) -> None:
    """The person with a photo, so the province keeps a thumbnail of them."""
    folder = project / "exemplars" / PERSON
    shutil.copy(ROOT / "exemplars" / "doi-che-ban-quyen" / "anh-doi-che.jpg", folder / "anh-ba-b.jpg")
    index = folder / "index.md"
    text = index.read_text(encoding="utf-8")
    photo = (
        "photos:\n  - file: anh-ba-b.jpg\n    caption: Bà B bên vườn chè (ảnh minh họa).\n"
        "    alt: Vườn chè xanh.\n    cover: true\n"
    )
    index.write_text(text.replace("evaluations:", photo + "evaluations:", 1), encoding="utf-8")


def mentions(folder: Path) -> list[str]:
    """Text files under ``folder`` that name the person or hold their page."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".atom", ".txt", ".md"):
            if NAME in path.read_text(encoding="utf-8", errors="replace"):
                found.append(str(path.relative_to(folder)))
        if path.is_dir() and path.name == PERSON:
            found.append(str(path.relative_to(folder)))
    return found


def test_withdrawal_reaches_the_folder_and_the_province(project: Path, tmp_path: Path) -> None:
    with ExitStack() as stack:
        _folder_and_province(project, tmp_path, stack)


def _folder_and_province(project: Path, tmp_path: Path, stack: ExitStack) -> None:
    with_photo(project)
    folder = tmp_path / "o-chia-se"
    config = project / "mkdocs.yml"
    publish = f"      visits_dir: visits\n      publish:\n        folder: {folder}\n"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      visits_dir: visits\n", publish), encoding="utf-8")
    first = run_main("publish", "--allow-sample", cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert mentions(folder)
    # The province fetches the folder's site from a real local HTTP server.
    commune = stack.enter_context(commune_server(folder, Behaviour()))
    province = tmp_path / "tinh.yml"
    province.write_text(
        "province: tỉnh Thử\ncommunes:\n  - name: Xã Điềm Mặc\n    code: diem-mac\n"
        f"    source: {commune}du-lieu/dien-hinh.json\n",
        encoding="utf-8",
    )
    gathered = run_main("gather", "-d", str(tmp_path / "tinh"), cwd=tmp_path)
    assert gathered.returncode == 0, gathered.stderr
    assert mentions(tmp_path / "tinh")
    thumbnails = set((tmp_path / ".cache").rglob("*.jpg"))
    assert thumbnails

    withdrawn = run_main("withdraw", PERSON, "--date", "15/03/2026", cwd=project)
    assert withdrawn.returncode == 0, withdrawn.stdout
    assert "rút lại sự đồng ý ngày 15/03/2026" in withdrawn.stdout
    assert "trả lời người yêu cầu trước ngày 17/03/2026; hoàn tất trước ngày 30/03/2026" in withdrawn.stdout
    index = project / "exemplars" / PERSON / "index.md"
    assert "withdrawn: 2026-03-15" in index.read_text(encoding="utf-8")

    again = run_main("publish", "--allow-sample", cwd=project)
    assert again.returncode == 0, again.stdout + again.stderr
    assert mentions(project / "site") == [] and mentions(folder) == []
    data = json.loads((folder / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8"))
    assert data["withdrawn"] == [{"slug": PERSON, "date": "2026-03-15"}]  # nothing personal

    gathered = run_main("gather", "-d", str(tmp_path / "tinh"), cwd=tmp_path)
    assert gathered.returncode == 0, gathered.stderr
    assert mentions(tmp_path / "tinh") == []
    left = set((tmp_path / ".cache").rglob("*.jpg"))
    assert left < thumbnails  # the person's thumbnail is gone, the others stay


@pytest.mark.skipif(not Path("/usr/sbin/sshd").exists(), reason="openssh-server from system-packages.txt")
def test_withdrawal_reaches_every_release_kept_on_a_server(project: Path, tmp_path: Path) -> None:
    with shared_folder() as base, ssh_server(base / "sshd") as ssh:
        server_path = base / "srv"
        server_path.mkdir(mode=0o755)
        configure(project, ssh, server_path, "https://xa-thu.example.org/")
        built = run_main("build", cwd=project)
        assert built.returncode == 0, built.stderr
        releases = server_path / "releases"
        for number in range(3):  # three releases kept, each holding the person
            page = project / "site" / "index.html"
            page.write_text(page.read_text(encoding="utf-8") + f"<!-- {number} -->", encoding="utf-8")
            sent = run_main("publish", "--no-build", "--allow-sample", cwd=project)
            assert sent.returncode == 0, sent.stdout + sent.stderr
        assert len(list(releases.iterdir())) == 3
        assert all(mentions(release) for release in releases.iterdir())

        assert run_main("withdraw", PERSON, cwd=project).returncode == 0
        after = run_main("publish", "--allow-sample", cwd=project)
        assert after.returncode == 0, after.stdout + after.stderr
        assert "Đã xóa 3 bản cũ trên máy chủ" in after.stdout
        assert [mentions(release) for release in releases.iterdir()] == [[]]
        live = live_release(server_path)
        back = run_main("publish", "--rollback", cwd=project)
        assert back.returncode == 1  # nothing older to go back to: every older copy held the person
        assert live_release(server_path) == live and mentions(server_path / "current") == []


def test_a_server_manifest_never_names_a_file_outside_its_release() -> None:
    import asyncio
    import gzip
    import json as json_module

    from dienhinh.publish.ssh import Server

    data = gzip.compress(
        json_module.dumps(
            {
                "format": 1,
                "files": {"index.html": ["ab", 3], "../../etc/passwd": ["cd", 4], "/abs": ["ef", 5]},
            }
        ).encode()
    )

    class Stream:
        async def __aenter__(self) -> Stream:
            return self

        async def __aexit__(self, *args: object) -> None:
            return None

        async def read(self) -> bytes:
            return data

    class Sftp:
        def open(self, path: str, mode: str) -> Stream:
            return Stream()

    from dienhinh.publish import manifest as manifest_module

    real = manifest_module.Manifest.from_bytes(data)
    assert real is not None and "../../etc/passwd" in real.files  # the format as read, before the rule
    found = asyncio.run(Server(Sftp(), "/srv", "u@h:/srv").manifest("r1"))  # type: ignore[arg-type]
    assert found is not None and sorted(found.files) == ["index.html"]


def test_a_collective_cannot_withdraw_as_a_person(project: Path) -> None:
    result = run_main("withdraw", "doi-che-ban-quyen", cwd=project)
    assert result.returncode == 1 and "là của tập thể hoặc mô hình" in result.stdout
    assert "withdrawn" not in (project / "exemplars" / "doi-che-ban-quyen" / "index.md").read_text(
        encoding="utf-8"
    )


def test_a_warm_gather_with_nothing_changed_keeps_the_province_site(
    sample_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "xa"
    shutil.copytree(sample_site, site)
    (tmp_path / "tinh.yml").write_text(
        f"province: tỉnh Thử\ncommunes:\n  - name: Xã Điềm Mặc\n    code: diem-mac\n    source: {site}\n",
        encoding="utf-8",
    )
    first = run_main("gather", "-d", str(tmp_path / "tinh"), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    home = tmp_path / "tinh" / "index.html"
    built = home.stat().st_mtime_ns
    again = run_main("gather", "-d", str(tmp_path / "tinh"), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "không cần dựng lại" in again.stdout and home.stat().st_mtime_ns == built
    # A commune's data changes: the province is built again, with it.
    data = site / "du-lieu" / "dien-hinh.json"
    document = json.loads(data.read_text(encoding="utf-8"))
    document["profiles"][0]["name"] = "Tên đã sửa (minh họa)"
    data.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    changed = run_main("gather", "-d", str(tmp_path / "tinh"), cwd=tmp_path)
    assert changed.returncode == 0, changed.stderr
    assert "không cần dựng lại" not in changed.stdout
    assert any("Tên đã sửa" in p.read_text(encoding="utf-8") for p in (tmp_path / "tinh").rglob("*.html"))
