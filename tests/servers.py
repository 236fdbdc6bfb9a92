"""Real servers for the publishing tests, started by the tests themselves: Debian's OpenSSH
server and nginx, each with its own configuration in a temporary folder, on a free port of
127.0.0.1, with throw-away keys (system-packages.txt installs both).

Run as root (as on the CI machine), sshd and nginx's master process run as root as they do in
production, nginx's workers as ``nobody`` (production: www-data), so the published files must
be readable by another user, as on a real server. Run as an ordinary user, both run as that
user: sshd then lets in only that user, and nginx ignores the ``user`` directive."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .sample import ROOT, free_port

SSHD = Path("/usr/sbin/sshd")
NGINX = Path("/usr/sbin/nginx")
NGINX_CONFIG = ROOT / "deploy" / "nginx" / "dienhinh.conf"


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace') if log.exists() else ''}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"server did not listen on {port}")


@contextmanager
def _running(args: list[str], port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, process, log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A temporary folder another user (nginx's workers) can enter, unlike pytest's (0700)."""
    folder = Path(tempfile.mkdtemp(prefix="dienhinh-publish-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class SshServer:
    port: int
    user: str
    key: Path  # the client's private key
    known_hosts: Path  # the server's key, as a client that trusts it knows it


@contextmanager
def ssh_server(work: Path) -> Iterator[SshServer]:
    """sshd on 127.0.0.1 that lets the current user in with a fresh key (SFTP included)."""
    work.mkdir(parents=True, exist_ok=True)
    for name in ("host", "client"):
        subprocess.run(
            [
                "ssh-keygen",
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-C",
                f"dienhinh-test-{name}",
                "-f",
                str(work / name),
            ],
            check=True,
        )
    (work / "authorized_keys").write_text((work / "client.pub").read_text())
    port = free_port()
    user = getpass.getuser()
    host_key = (work / "host.pub").read_text().split()
    (work / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n")
    (work / "sshd_config").write_text(
        f"Port {port}\n"
        "ListenAddress 127.0.0.1\n"
        f"HostKey {work / 'host'}\n"
        f"PidFile {work / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {work / 'authorized_keys'}\n"
        "StrictModes no\n"  # the keys live in a temporary folder, not in ~/.ssh
        "PubkeyAuthentication yes\n"
        "PasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\n"
        "UsePAM no\n"
        "PermitRootLogin prohibit-password\n"
        f"AllowUsers {user}\n"
        "Subsystem sftp internal-sftp\n"
        "LogLevel VERBOSE\n"
    )
    if os.geteuid() == 0:
        # As root, sshd separates privileges into this folder (the Debian service makes it).
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    log = work / "sshd.log"
    with _running([str(SSHD), "-D", "-f", str(work / "sshd_config"), "-E", str(log)], port, log):
        yield SshServer(port, user, work / "client", work / "known_hosts")


def nginx_config(port: int, root: Path, editor: Path) -> str:
    """The shipped server configuration with only its address, root and the browser editor's
    folder replaced."""
    text = NGINX_CONFIG.read_text(encoding="utf-8")
    text, listens = re.subn(
        r"^(\s*)listen\s+80;\n\s*listen\s+\[::\]:80;\n", rf"\1listen 127.0.0.1:{port};\n", text, flags=re.M
    )
    text, names = re.subn(r"^(\s*)server_name\s+[^;]+;", r"\1server_name 127.0.0.1;", text, flags=re.M)
    text, roots = re.subn(r"^(\s*)root\s+[^;]+;", rf"\1root {root};", text, flags=re.M)
    text, editors = re.subn(r"^(\s*)alias\s+[^;]+;", rf"\1alias {editor}/;", text, flags=re.M)
    assert (listens, names, roots, editors) == (1, 1, 1, 1), "deploy/nginx/dienhinh.conf changed shape"
    return text


@contextmanager
def nginx(work: Path, root: Path, editor: Path | None = None) -> Iterator[str]:
    """nginx serving ``root`` (and the browser editor's folder ``editor`` at /bien-tap/) with
    deploy/nginx/dienhinh.conf; → its base URL."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "temp").mkdir(exist_ok=True)
    port = free_port()
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    temp = "".join(
        f"    {kind}_temp_path {work / 'temp' / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (work / "nginx.conf").write_text(
        f"{user}worker_processes 1;\n"
        f"pid {work / 'nginx.pid'};\n"
        f"error_log {work / 'error.log'} warn;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        # As Debian's /etc/nginx/nginx.conf has it.
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        f"    access_log {work / 'access.log'};\n"
        f"{temp}"
        f"{nginx_config(port, root, editor or work / 'bien-tap')}\n"
        "}\n"
    )
    args = [str(NGINX), "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"]
    check = subprocess.run([*args[:5], "-t"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    with _running(args, port, work / "error.log"):
        yield f"http://127.0.0.1:{port}/"
