"""Publishing, target by target, on small sites: what is sent, kept and removed (manifest),
a folder brought up to date in place, GitHub Pages through a real Git remote, and a server's
releases rotated (a real sshd, as in test_publish_server.py)."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest

from dienhinh.publish import folder, ghpages, ssh
from dienhinh.publish.manifest import PublishError, plan, scan
from dienhinh.records.settings import GitHubPagesTarget, SshTarget

from .sample import copy_project, run_main
from .servers import shared_folder, ssh_server


def make_site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


SITE = {
    "index.html": "<p>Trang chủ</p>",
    "dien-hinh/a/index.html": "<p>A</p>",
    "dien-hinh/a/anh/anh-1234abcd-480.webp": "ảnh",
    "assets/dienhinh.0011aabb.css": "body{}",
    "pagefind/pagefind-entry.json": "{}",
}


# --- the plan ------------------------------------------------------------------------------


def test_plan_sends_new_and_changed_keeps_same_and_renamed_removes_gone(tmp_path: Path) -> None:
    old = scan(make_site(tmp_path / "old", SITE))
    changed = {**SITE, "dien-hinh/a/index.html": "<p>A mới</p>", "dien-hinh/b/index.html": "<p>B</p>"}
    del changed["assets/dienhinh.0011aabb.css"]
    changed["assets/dienhinh.99ffee00.css"] = "body{color:red}"
    changed["dien-hinh/a/anh/anh-1234abcd-480-moi.webp"] = changed.pop(
        "dien-hinh/a/anh/anh-1234abcd-480.webp"
    )
    new = scan(make_site(tmp_path / "new", changed))
    todo = plan(old, new)
    # Pages and the search's entry point after the files they use.
    assert todo.send == ["assets/dienhinh.99ffee00.css", "dien-hinh/a/index.html", "dien-hinh/b/index.html"]
    assert todo.same["dien-hinh/a/anh/anh-1234abcd-480-moi.webp"] == "dien-hinh/a/anh/anh-1234abcd-480.webp"
    assert todo.same["index.html"] == "index.html"
    assert todo.remove == ["assets/dienhinh.0011aabb.css", "dien-hinh/a/anh/anh-1234abcd-480.webp"]
    assert plan(None, new).send == [
        "assets/dienhinh.99ffee00.css",
        "dien-hinh/a/anh/anh-1234abcd-480-moi.webp",
        "dien-hinh/a/index.html",
        "dien-hinh/b/index.html",
        "index.html",
        "pagefind/pagefind-entry.json",
    ]


def test_release_names_sort_as_made() -> None:
    at = dt.datetime(2026, 12, 2, 3, 4, 5, tzinfo=dt.UTC)
    first = ssh.release_name(at)
    assert first == "20261202-100405"  # Vietnam's clock
    second = ssh.release_name(at, taken=[first])
    third = ssh.release_name(at, taken=[first, second])
    assert first < second < third == "20261202-100405-03"


# --- a folder --------------------------------------------------------------------------------


def test_a_folder_is_brought_up_to_date_in_place(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", SITE)
    usb = tmp_path / "usb"
    (usb / "ghi-chu-cua-can-bo.txt").parent.mkdir(parents=True)
    (usb / "ghi-chu-cua-can-bo.txt").write_text("không phải của trang", encoding="utf-8")
    first = folder.publish(site, usb)
    assert (first.sent, first.kept, first.removed) == (len(SITE), 0, 0)
    assert (usb / "dien-hinh/a/index.html").read_text(encoding="utf-8") == "<p>A</p>"

    again = folder.publish(site, usb)
    assert (again.sent, again.kept, again.sent_bytes) == (0, len(SITE), 0)

    (site / "dien-hinh/a/index.html").write_text("<p>A mới</p>", encoding="utf-8")
    (site / "assets/dienhinh.0011aabb.css").unlink()
    third = folder.publish(site, usb)
    assert (third.sent, third.removed) == (1, 1)
    assert (usb / "dien-hinh/a/index.html").read_text(encoding="utf-8") == "<p>A mới</p>"
    assert not (usb / "assets").exists()  # emptied by the publish: removed
    assert (usb / "ghi-chu-cua-can-bo.txt").exists()  # not the publish's: never touched
    assert not list(usb.rglob("*.dienhinh-partial"))

    # A file changed by hand in the folder (another size) is sent again.
    (usb / "index.html").write_text("sửa tay", encoding="utf-8")
    assert folder.publish(site, usb).sent == 1
    assert (usb / "index.html").read_text(encoding="utf-8") == SITE["index.html"]

    with pytest.raises(PublishError, match="nằm trong thư mục trang"):
        folder.publish(site, site / "ban-sao")


def test_a_folder_goes_back_to_the_version_before_once(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", SITE)
    web = tmp_path / "www"
    target = folder.FolderTarget(web)
    target.publish(site, lambda _: None)
    with pytest.raises(PublishError, match="Không còn bản trước"):  # nothing before the first
        target.rollback()
    before = {p.relative_to(web).as_posix(): p.read_bytes() for p in web.rglob("*") if p.is_file()}
    (site / "dien-hinh/a/index.html").write_text("<p>A sai</p>", encoding="utf-8")
    (site / "assets/dienhinh.0011aabb.css").unlink()
    (site / "dien-hinh/moi").mkdir()
    (site / "dien-hinh/moi/index.html").write_text("<p>Mới</p>", encoding="utf-8")
    target.publish(site, lambda _: None)
    assert (web / "dien-hinh/moi/index.html").is_file()
    # The version before waits beside the folder, never inside it (a web server serves it).
    assert folder.undo_folder(web).parent == web.parent and not list(web.glob(".*truoc*"))
    assert target.rollback() == ("bản vừa đưa lên", "bản trước đó")
    after = {p.relative_to(web).as_posix(): p.read_bytes() for p in web.rglob("*") if p.is_file()}
    assert after == before and not (web / "dien-hinh/moi").exists()
    assert not folder.undo_folder(web).exists()
    with pytest.raises(PublishError, match="Không còn bản trước"):  # one step back only
        target.rollback()
    # The next publish starts from the version put back.
    assert target.publish(site, lambda _: None).sent == 2


def test_the_folder_target_from_the_command_line(tmp_path: Path, sample_site: Path) -> None:
    project = copy_project(tmp_path / "project")
    subprocess.run(["cp", "-a", str(sample_site), str(project / "site")], check=True)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "      visits_dir: visits\n", "      visits_dir: visits\n      publish:\n        folder: ../usb\n"
        ),
        encoding="utf-8",
    )
    refused = run_main("publish", "--no-build", cwd=project)
    assert refused.returncode == 1 and "Chưa đưa trang lên mạng" in refused.stderr
    assert not (tmp_path / "usb").exists()
    done = run_main("publish", "--no-build", "--allow-sample", cwd=project)
    assert done.returncode == 0, done.stderr
    assert f"Đã đưa trang lên {tmp_path / 'usb'}: gửi " in done.stdout
    assert (tmp_path / "usb" / "index.html").read_bytes() == (sample_site / "index.html").read_bytes()
    back = run_main("publish", "--rollback", cwd=project)
    # Only one publish so far: nothing before it to go back to.
    assert back.returncode == 1 and "Không còn bản trước để quay lại" in back.stderr
    assert "Traceback" not in done.stderr + back.stderr


# --- GitHub Pages, through a Git remote on this machine ------------------------------------


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@t"
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=True)
    return done.stdout


def test_github_pages_branch_is_pushed_with_only_changes_and_rolled_back(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "--quiet")
    git(project, "remote", "add", "origin", str(remote))
    site = make_site(tmp_path / "site", SITE)
    target = GitHubPagesTarget(cname="dienhinh.diemmac.vn")

    first = ghpages.publish(site, target, project)
    # The site's files, .nojekyll (GitHub's Jekyll would hide folders starting with "_"), CNAME.
    assert first.sent == len(SITE) + 2
    listed = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert sorted(listed) == sorted([*SITE, ".nojekyll", "CNAME"])

    (site / "dien-hinh/a/index.html").write_text("<p>A mới</p>", encoding="utf-8")
    second = ghpages.publish(site, target, project)
    assert (second.sent, second.removed) == (1, 0)
    assert git(remote, "show", "gh-pages:dien-hinh/a/index.html") == "<p>A mới</p>"
    assert git(remote, "rev-parse", "gh-pages~1").strip().startswith(first.release)

    was, now = ghpages.rollback(target, project)
    assert (was, now) == (second.release, first.release)
    assert git(remote, "show", "gh-pages:dien-hinh/a/index.html") == "<p>A</p>"
    with pytest.raises(PublishError, match="Không còn bản nào cũ hơn"):
        ghpages.rollback(target, project)

    # The next publish goes on from the rolled-back branch.
    third = ghpages.publish(site, target, project)
    assert third.sent == 1 and git(remote, "show", "gh-pages:dien-hinh/a/index.html") == "<p>A mới</p>"


def test_github_pages_without_a_repository_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="chưa là kho Git"):
        ghpages.publish(make_site(tmp_path / "site", SITE), GitHubPagesTarget(), tmp_path)


# --- a server: releases kept, and what goes wrong said in Vietnamese -----------------------


@pytest.mark.skipif(not Path("/usr/sbin/sshd").exists(), reason="openssh-server: system-packages.txt")
def test_the_server_keeps_the_newest_releases_and_explains_failures(tmp_path: Path) -> None:
    with shared_folder() as base, ssh_server(base / "sshd") as server:
        path = base / "srv"
        target = SshTarget(
            host="127.0.0.1",
            port=server.port,
            user=server.user,
            path=str(path),
            key=str(server.key),
            known_hosts=str(server.known_hosts),
        )
        site = make_site(tmp_path / "site", SITE)
        made = []
        for n in range(7):
            (site / "index.html").write_text(f"<p>Bản {n}</p>", encoding="utf-8")
            outcome = ssh.publish(site, target, keep=5, root=tmp_path)
            assert outcome.sent == (len(SITE) if n == 0 else 1)
            made.append(outcome.release)
        assert sorted(p.name for p in (path / "releases").iterdir()) == made[-5:]
        assert os.readlink(path / "current") == f"releases/{made[-1]}/site"
        assert (path / "current" / "index.html").read_text(encoding="utf-8") == "<p>Bản 6</p>"

        assert ssh.rollback(target, tmp_path) == (made[-1], made[-2])
        assert (path / "current" / "index.html").read_text(encoding="utf-8") == "<p>Bản 5</p>"
        # A fixed version published after the rollback: rolling back again returns to the
        # release that was live before it (Bản 5), not to the bad one rolled away from.
        (site / "index.html").write_text("<p>Bản 7</p>", encoding="utf-8")
        fixed = ssh.publish(site, target, keep=5, root=tmp_path).release
        assert ssh.rollback(target, tmp_path) == (fixed, made[-2])
        assert (path / "current" / "index.html").read_text(encoding="utf-8") == "<p>Bản 5</p>"
        assert ssh.rollback(target, tmp_path) == (made[-2], made[-3])

        unknown = tmp_path / "known_hosts"
        unknown.write_text("")
        # Each failure in Vietnamese, naming the port and the user, never asyncssh's or the
        # system's English ("Host key is not trusted", "Connect call failed (…)").
        english = re.compile(r"Host key|not trusted|Connect call|Permission denied|refused|failed\b")
        with pytest.raises(PublishError, match="Chưa xác nhận được máy chủ 127.0.0.1") as raised:
            ssh.publish(site, target.model_copy(update={"known_hosts": str(unknown)}), 5, tmp_path)
        assert f"ssh -p {server.port} {server.user}@127.0.0.1" in str(raised.value)
        assert not english.search(str(raised.value))
        stranger = tmp_path / "stranger"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(stranger)], check=True)
        with pytest.raises(PublishError, match="không cho tài khoản “.*” đăng nhập bằng khóa SSH") as raised:
            ssh.publish(site, target.model_copy(update={"key": str(stranger)}), 5, tmp_path)
        assert f"(cổng {server.port})" in str(raised.value) and f"“{server.user}”" in str(raised.value)
        assert not english.search(str(raised.value))
        closed = target.model_copy(update={"port": server.port + 1 if server.port < 65535 else 1024})
        with pytest.raises(PublishError, match="Không kết nối được tới máy chủ") as raised:
            ssh.publish(site, closed, 5, tmp_path)
        assert f"cổng {closed.port}: máy chủ từ chối kết nối" in str(raised.value)
        assert not english.search(str(raised.value))
        # Someone copied a site by hand over "current": refused, nothing changed.
        os.remove(path / "current")
        (path / "current").mkdir()
        with pytest.raises(PublishError, match="không phải liên kết do dienhinh tạo"):
            ssh.publish(site, target, 5, tmp_path)
