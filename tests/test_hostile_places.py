"""Publishing, building and the editor never reach outside their folders: a target folder's
manifest naming ``../x`` or an absolute path, links planted in the target, links in the built
site, in ``content/`` and in a profile's folder. One rule (``files.within``): a link leading out
is refused with a message; one that stays inside stands for its file."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest

from dienhinh import files
from dienhinh.editor.backend import LocalBackend
from dienhinh.publish import folder, ghpages
from dienhinh.publish.manifest import PublishError, safe_name
from dienhinh.records.settings import GitHubPagesTarget, load_settings

from .sample import copy_project, run_main

SITE = {"index.html": "<p>Trang chủ</p>", "dien-hinh/a/index.html": "<p>A</p>", "anh/a.webp": "ảnh"}


def make_site(root: Path) -> Path:
    for name, text in SITE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def write_manifest(usb: Path, names: dict[str, bytes]) -> None:
    entries = {n: [hashlib.sha256(d).hexdigest(), len(d)] for n, d in names.items()}
    data = json.dumps({"format": 1, "files": entries}).encode()
    (usb / folder.MANIFEST).write_bytes(gzip.compress(data))


def test_within_follows_inside_links_and_refuses_the_rest(tmp_path: Path) -> None:
    inside = tmp_path / "du-an"
    (inside / "anh").mkdir(parents=True)
    (inside / "anh" / "a.jpg").write_bytes(b"x")
    (inside / "lien-ket.jpg").symlink_to(inside / "anh" / "a.jpg")
    (inside / "ra-ngoai").symlink_to(tmp_path)
    (inside / "vong").symlink_to(inside / "vong")
    assert files.within(inside / "lien-ket.jpg", inside) == (inside / "anh" / "a.jpg").resolve()
    assert files.within(inside / "ra-ngoai" / "x", inside) is None
    assert files.within(inside / "vong", inside) is None
    assert files.within(inside / "a\0b", inside) is None
    assert files.links_leading_out(inside) == [inside / "ra-ngoai", inside / "vong"]


ODD_NAMES = ["../ngoai.txt", "/etc/hostname", "a/../../ngoai.txt", "C:/x", "a//b", "./a"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_manifest_names_are_refused(name: str) -> None:
    assert not safe_name(name)
    assert safe_name("dien-hinh/a/index.html")


def test_a_forged_manifest_never_deletes_or_leaks_outside_the_folder(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    usb = tmp_path / "usb"
    usb.mkdir()
    victim = tmp_path / "tai-lieu-quan-trong.txt"
    victim.write_text("đừng xóa", encoding="utf-8")
    secret = tmp_path / "khoa.txt"
    secret.write_bytes(SITE["anh/a.webp"].encode())  # same bytes as a site file: "renamed"
    # Names to delete (gone from the site) and one whose digest matches a site file (copied).
    write_manifest(usb, {"../tai-lieu-quan-trong.txt": b"\xc4\x91\xe1\xbb\xabng x\xc3\xb3a",
                         str(victim): victim.read_bytes(), "../khoa.txt": secret.read_bytes()})  # fmt: skip
    said: list[str] = []
    outcome = folder.publish(site, usb, said.append)
    assert victim.read_text(encoding="utf-8") == "đừng xóa" and secret.exists()
    assert outcome.removed == 0 and outcome.sent == len(SITE)
    assert any("Bỏ qua 3 tên lạ" in line for line in said), said
    assert (usb / "anh/a.webp").read_text(encoding="utf-8") == "ảnh"


def test_a_link_planted_in_the_folder_is_never_written_through(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    usb = tmp_path / "usb"
    usb.mkdir()
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    (usb / "dien-hinh").symlink_to(elsewhere)
    with pytest.raises(PublishError, match="liên kết"):
        folder.publish(site, usb)
    assert list(elsewhere.iterdir()) == []


def test_links_in_the_built_site_leading_out_stop_every_target(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    (tmp_path / "id_ed25519").write_text("KHÓA BÍ MẬT", encoding="utf-8")
    (site / "khoa.txt").symlink_to(tmp_path / "id_ed25519")
    with pytest.raises(PublishError, match="trỏ ra ngoài thư mục trang"):
        folder.publish(site, tmp_path / "usb")
    project = tmp_path / "project"
    project.mkdir()
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "remote", "add", "origin", str(remote)], cwd=project, check=True)
    with pytest.raises(PublishError, match="trỏ ra ngoài thư mục trang"):
        ghpages.publish(site, GitHubPagesTarget(), project)
    branches = subprocess.run(["git", "branch", "--list"], cwd=remote, capture_output=True, text=True)
    assert branches.stdout == ""
    # A link to a file of the site stands for that file.
    (site / "khoa.txt").unlink()
    (site / "trang-chu.html").symlink_to(site / "index.html")
    folder.publish(site, tmp_path / "usb")
    assert (tmp_path / "usb" / "trang-chu.html").read_text(encoding="utf-8") == SITE["index.html"]
    assert not (tmp_path / "usb" / "trang-chu.html").is_symlink()


def test_editor_serves_no_picture_through_a_link(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    bundle = project / "exemplars" / "doi-che-ban-quyen"
    (tmp_path / "bi-mat.jpg").write_bytes(b"\xff\xd8\xffBIMAT")
    (bundle / "ra-ngoai.jpg").symlink_to(tmp_path / "bi-mat.jpg")
    (bundle / "cai-dat.jpg").symlink_to(project / "mkdocs.yml")
    (bundle / "cung-thu-muc.jpg").symlink_to(bundle / "anh-san-pham.jpg")
    settings, _ = load_settings(project / "mkdocs.yml")
    assert settings is not None
    backend = LocalBackend(settings)
    reply = backend.handle({"action": "getMedia", "params": {"mediaFolder": "exemplars/doi-che-ban-quyen"}})
    assert reply.status == 200
    names = {item["name"] for item in reply.body}
    assert "ra-ngoai.jpg" not in names and "cai-dat.jpg" not in names
    assert {"anh-san-pham.jpg", "cung-thu-muc.jpg"} <= names
    for link in ("ra-ngoai.jpg", "cai-dat.jpg"):
        path = f"exemplars/doi-che-ban-quyen/{link}"
        answer = backend.handle({"action": "getMediaFile", "params": {"path": path}})
        assert answer.status == 422 and "không" in answer.body["error"].lower()


def test_check_names_a_linked_file_of_the_hand_written_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (tmp_path / "khoa.txt").write_text("KHÓA BÍ MẬT", encoding="utf-8")
    os.symlink(tmp_path / "khoa.txt", project / "content" / "khoa.txt")
    checked = run_main("check", cwd=project)
    assert checked.returncode == 1
    assert "content/khoa.txt: LỖI: Đây là liên kết (symlink) trỏ ra ngoài" in checked.stdout + checked.stderr
