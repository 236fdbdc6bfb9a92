"""``dienhinh publish`` to a real OpenSSH server, the release served by real nginx with the
shipped configuration (deploy/nginx/dienhinh.conf), the site opened in Chromium under its
Content-Security-Policy; a publish killed half-way, and a rollback."""

from __future__ import annotations

import filecmp
import gzip
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from .browser import chromium, search_results
from .sample import ROOT, copy_project, run_main
from .servers import SshServer, nginx, shared_folder, ssh_server

PROFILE = "mo-hinh-camera-an-ninh-xom-dong-lan"
GALLERY = "doi-che-ban-quyen"  # a profile with photos
SENT = re.compile(r"gửi (\d+) tệp")
YEAR = "public, max-age=31536000, immutable"
# Run before any script of the page (Playwright injects it; the page's CSP does not apply).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""
FIELD_COLOUR = (
    "getComputedStyle(document.querySelector('.dh-counts li')).getPropertyValue('--dh-field-color')"
)

pytestmark = pytest.mark.skipif(
    not (Path("/usr/sbin/sshd").exists() and Path("/usr/sbin/nginx").exists()),
    reason="openssh-server and nginx come from system-packages.txt (scripts/bootstrap)",
)


@dataclass(frozen=True)
class Published:
    project: Path
    server_path: Path  # the publish path on the server (its releases/ and current)
    url: str  # nginx serving <server_path>/current


def configure(project: Path, ssh: SshServer, server_path: Path, site_url: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_url: https://dienhinh.example.vn/", f"site_url: {site_url}")
    text = text.replace(
        "      visits_dir: visits\n",
        "      visits_dir: visits\n"
        "      publish:\n"
        "        ssh:\n"
        "          host: 127.0.0.1\n"
        f"          port: {ssh.port}\n"
        f"          user: {ssh.user}\n"
        f"          path: {server_path}\n"
        f"          key: {ssh.key}\n"
        f"          known_hosts: {ssh.known_hosts}\n",
    )
    config.write_text(text, encoding="utf-8")


@contextmanager
def published_setup(tmp_path: Path) -> Iterator[Published]:
    """sshd and nginx (serving <path>/current) on free ports; a sample project publishing there."""
    with shared_folder() as base, ssh_server(base / "sshd") as ssh:
        server_path = base / "srv"
        server_path.mkdir(mode=0o755)
        editor = base / "bien-tap"  # the browser editor's static files (dienhinh editor-config --site)
        editor.mkdir(mode=0o755)
        (editor / "index.html").write_text("<!doctype html><title>Biên tập</title>", encoding="utf-8")
        with nginx(base / "nginx", server_path / "current", editor) as url:
            project = copy_project(tmp_path / "project", media_cache=True)
            configure(project, ssh, server_path, url)
            yield Published(project, server_path, url)


def sent_files(result: subprocess.CompletedProcess[str]) -> int:
    assert result.returncode == 0, result.stdout + result.stderr
    found = SENT.search(result.stdout)
    assert found, result.stdout
    return int(found.group(1))


def live_release(server_path: Path) -> str:
    target = os.readlink(server_path / "current")
    assert target.startswith("releases/") and target.endswith("/site"), target
    return target.split("/")[1]


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def differing(old: Path, new: Path) -> set[str]:
    before = files_of(old)
    return {n for n in files_of(new) if n not in before or not filecmp.cmp(old / n, new / n, shallow=False)}


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """GET as a browser asks (gzip accepted); → status, headers (lower-case names), body."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_publish_twice_over_ssh_then_nginx_serves_it_under_its_csp(tmp_path: Path) -> None:
    with published_setup(tmp_path) as setup:
        project, server_path, url = setup.project, setup.server_path, setup.url

        # Refused while site_url is a local address and the sample data is on.
        refused = run_main("publish", cwd=project)
        assert refused.returncode == 1
        assert "site_url" in refused.stderr and "sample_data: true" in refused.stderr
        assert not (server_path / "releases").exists()

        first = run_main("publish", "--allow-sample", cwd=project)
        site = project / "site"
        assert sent_files(first) == len(files_of(site))
        release_1 = live_release(server_path)
        assert "CẢNH BÁO [site_url]" not in first.stderr  # a real-looking address: no warning

        story = project / "exemplars" / PROFILE / "index.md"
        text = story.read_text(encoding="utf-8")
        story.write_text(
            text.replace("## Kết quả\n", "## Kết quả\n\nXóm lắp thêm hai mắt camera.\n", 1), "utf-8"
        )
        second = run_main("publish", "--allow-sample", cwd=project)
        release_2 = live_release(server_path)
        assert release_2 != release_1
        old_site, new_site = (
            server_path / "releases" / release_1 / "site",
            server_path / "releases" / release_2 / "site",
        )
        changed = differing(old_site, site)
        # Exactly the files whose bytes changed: the profile's page and the search index's parts
        # holding its words; everything else is a hard link to the previous release.
        assert sent_files(second) == len(changed)
        assert f"dien-hinh/{PROFILE}/index.html" in changed and len(changed) <= 10, changed
        assert files_of(new_site) == files_of(site)
        home_old, home_new = (old_site / "index.html").stat(), (new_site / "index.html").stat()
        assert home_old.st_ino == home_new.st_ino  # same file, not sent again
        assert (new_site / f"dien-hinh/{PROFILE}/index.html").read_bytes() == (
            site / f"dien-hinh/{PROFILE}/index.html"
        ).read_bytes()

        check_headers(url, site)
        check_in_chromium(url)


def check_headers(url: str, site: Path) -> None:
    csp = {
        part.split()[0]: part.split()[1:]
        for part in fetch(url)[1]["content-security-policy"].split(";")
        if part.strip()
    }
    assert csp["default-src"] == ["'none'"] and csp["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert csp["style-src"] == ["'self'"] and csp["frame-ancestors"] == ["'none'"]

    status, headers, body = fetch(url)
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-cache" and headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == (site / "index.html").read_bytes()
    for name, value in {
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
        "x-frame-options": "DENY",
        "cross-origin-opener-policy": "same-origin",
    }.items():
        assert headers[name] == value, name
    assert "camera=()" in headers["permissions-policy"]
    assert headers.get("server") == "nginx"  # no version number

    # Fingerprinted files: a year; named the same for ever, so never asked again.
    stylesheet = next(p for p in (site / "assets").glob("dienhinh.*.css"))
    photo = next((site / "dien-hinh" / GALLERY / "anh").glob("*-480.webp"))
    chunk = next((site / "pagefind" / "index").glob("*.pf_index"))
    for path, kind in (
        (stylesheet, "text/css"),
        (photo, "image/webp"),
        (chunk, "application/octet-stream"),
        (next((site / "assets" / "javascripts").glob("bundle.*.min.js")), "application/javascript"),
    ):
        status, headers, _ = fetch(url + path.relative_to(site).as_posix())
        assert status == 200 and headers["cache-control"] == YEAR, path
        assert headers["content-type"].split(";")[0] == kind, path
    # Pagefind's files are compressed by Pagefind: served as they are, never gzipped again.
    status, headers, body = fetch(url + chunk.relative_to(site).as_posix())
    assert "content-encoding" not in headers and body == chunk.read_bytes()
    wasm = next((site / "pagefind").glob("wasm.*.pagefind"))
    for path in (site / "pagefind" / "pagefind-entry.json", site / "pagefind" / "pagefind.js", wasm):
        status, headers, _ = fetch(url + path.relative_to(site).as_posix())
        assert status == 200 and headers["cache-control"] == "no-cache", path
    assert fetch(url + "pagefind/pagefind.js")[1]["content-type"].startswith("application/javascript")

    # A missing page: the Vietnamese page, status 404, the same headers.
    status, headers, body = fetch(url + "khong-co/trang-nay/")
    assert status == 404 and "content-security-policy" in headers and headers["cache-control"] == "no-cache"
    page = gzip.decompress(body).decode() if headers.get("content-encoding") == "gzip" else body.decode()
    assert "Không tìm thấy trang này" in page
    # The browser editor beside the site (Decap CMS styles itself inline): not under the
    # site's policy, under the others.
    status, headers, body = fetch(url + "bien-tap/")
    assert status == 200 and b"Bi\xc3\xaan t\xe1\xba\xadp" in (
        gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
    )
    assert "content-security-policy" not in headers and "cross-origin-opener-policy" not in headers
    assert headers["x-content-type-options"] == "nosniff" and headers["cache-control"] == "no-cache"
    # A folder without its slash is redirected to the page's address.
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as moved:
        opener.open(url + "dien-hinh")
    assert moved.value.code == 301 and moved.value.headers["Location"].endswith("/dien-hinh/")


def check_in_chromium(url: str) -> None:
    """Home, a profile, a search and the photo gallery: no CSP violation, no console error."""
    problems: list[str] = []
    with chromium() as browser:
        page = browser.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        page.on(
            "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        # A request the browser itself cancels because the test moved to the next page (a
        # favicon, a preload of the search page) is not a failure of the site.
        page.on(
            "requestfailed",
            lambda r: (
                problems.append(f"failed: {r.url} ({r.failure})") if r.failure != "net::ERR_ABORTED" else None
            ),
        )
        page.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)

        def violations() -> list[str]:
            found: list[str] = page.evaluate("window.__violations")
            return found

        page.goto(url, wait_until="load")
        assert "Điển hình tiên tiến" in page.title()
        # The theme's scripts ran: its helpers (now from a file) and the bundle.
        assert page.evaluate("typeof __md_get === 'function' && typeof __md_scope === 'object'")
        assert page.evaluate(FIELD_COLOUR).strip().startswith("#")  # a class, not a style attribute
        assert violations() == []

        page.goto(url + f"dien-hinh/{PROFILE}/", wait_until="load")
        assert "camera" in page.title().lower()
        assert violations() == []

        results = search_results(page, url, "duong")
        assert results and any("duong" in r for r in results), results
        assert violations() == []

        page.goto(url + f"dien-hinh/{GALLERY}/", wait_until="load")
        page.locator("a.dh-gallery__link").first.click()
        dialog = page.locator("dialog#dh-lightbox")
        assert dialog.evaluate("d => d.open")
        assert dialog.locator("img").evaluate("img => img.decode().then(() => img.naturalWidth)") == 1600
        page.keyboard.press("Escape")
        assert not dialog.evaluate("d => d.open")
        assert violations() == []
        assert problems == []
        # The watch itself works: a style attribute set from a script is a violation here.
        page.evaluate("document.body.setAttribute('style', 'color: red')")
        page.wait_for_function("window.__violations.length > 0")
        assert violations()[0].startswith("style-src-attr inline")
        page.close()


# --- a publish killed half-way, then a rollback ----------------------------------------------


def test_a_killed_publish_leaves_the_live_site_and_rollback_restores_the_previous(
    tmp_path: Path, sample_site: Path
) -> None:
    with published_setup(tmp_path) as setup:
        project, server_path, url = setup.project, setup.server_path, setup.url
        site = project / "site"
        subprocess.run(["cp", "-a", str(sample_site), str(site)], check=True)
        sent_files(run_main("publish", "--no-build", "--allow-sample", cwd=project))
        release_1 = live_release(server_path)
        home_1 = fetch(url)[2]

        # A big change: 3,000 new files and a new home page.
        extra = site / "them"
        extra.mkdir()
        for n in range(3000):
            (extra / f"tep-{n:04}.txt").write_text(f"tệp thêm số {n}\n" * 20, encoding="utf-8")
        home = site / "index.html"
        home.write_text(home.read_text(encoding="utf-8").replace("</main>", "<p>Bản mới</p></main>"), "utf-8")

        releases = server_path / "releases"
        command = [sys.executable, "-m", "dienhinh.cli", "publish", "--no-build", "--allow-sample"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(
            command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            unfinished = wait_for_upload_to_start(releases, release_1, process)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait()
        assert process.returncode == -signal.SIGKILL
        # Half-way indeed: some files there, no manifest (the release never completed).
        assert any((releases / unfinished / "site" / "them").iterdir())
        assert not (releases / unfinished / "manifest.json.gz").exists()
        assert live_release(server_path) == release_1
        assert fetch(url)[2] == home_1
        assert fetch(url + "them/tep-0000.txt")[0] == 404

        # The next publish finishes the job and clears what the killed one left.
        again = run_main("publish", "--no-build", "--allow-sample", cwd=project)
        sent_files(again)
        release_2 = live_release(server_path)
        assert not (releases / unfinished).exists() or unfinished == release_2
        assert sorted(p.name for p in releases.iterdir()) == sorted({release_1, release_2})
        status, headers, body = fetch(url)
        assert "Bản mới" in gzip.decompress(body).decode()
        assert fetch(url + "them/tep-2999.txt")[0] == 200

        back = run_main("publish", "--rollback", cwd=project)
        assert back.returncode == 0, back.stderr
        assert release_1 in back.stdout and release_2 in back.stdout
        assert live_release(server_path) == release_1
        assert fetch(url)[2] == home_1
        assert fetch(url + "them/tep-0000.txt")[0] == 404
        nothing_older = run_main("publish", "--rollback", cwd=project)
        assert nothing_older.returncode == 1 and "Không còn bản nào cũ hơn" in nothing_older.stderr


def wait_for_upload_to_start(releases: Path, live: str, process: subprocess.Popen[bytes]) -> str:
    """The new release's name once some of the 3,000 new files are on the server."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the publish ended before it could be stopped"
        for release in releases.iterdir():
            folder = release / "site" / "them"
            if release.name != live and folder.is_dir() and any(folder.iterdir()):
                return release.name
        time.sleep(0.002)
    raise AssertionError("the upload did not start")
