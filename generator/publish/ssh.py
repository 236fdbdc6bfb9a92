"""Publishing to a server over SSH (SFTP, with asyncssh): every publish is a new release
folder, made complete before a symbolic link swapped in one step makes it live.

    <path>/current  →  releases/<release>/site     (the web server's root is <path>/current)
    <path>/releases/<release>/site/…               the site's files
    <path>/releases/<release>/previous             the release live before this one
    <path>/releases/<release>/manifest.json.gz     every file's hash: written last, so a
                                                   release without it is unfinished

A new release starts from the live one: files with the same bytes are hard links to the live
release's (nothing sent, no space taken), only new and changed files travel. A publish that
is stopped half-way — even killed — leaves ``current`` where it was; its unfinished folder is
removed by the next publish. The newest releases are kept (``keep``, 5 by default) so that
``--rollback`` can point ``current`` back at the one live before. Everything goes through SFTP
requests (no shell command), so an SFTP-only account works too; concurrent requests keep a
far server's round trips from adding up."""

from __future__ import annotations

import asyncio
import datetime as dt
import errno
import getpass
import posixpath
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import asyncssh

from .. import clock
from ..messages import publish as msg
from ..records.settings import Settings, SshTarget
from .manifest import (
    Manifest,
    Outcome,
    PublishError,
    holds_any,
    plan,
    safe_name,
    scan,
    site_files,
    withdrawn_slugs,
)

RELEASES = "releases"
CURRENT = "current"
SITE = "site"
MANIFEST = "manifest.json.gz"
PREVIOUS = "previous"  # the release that was live before this one (what --rollback restores)
SWAP_PREFIX = ".current-"  # the new link, made beside ``current`` and renamed over it
# SFTP requests in flight at once: enough to hide a far server's round trips.
CONCURRENCY = 32
T = TypeVar("T")


@dataclass(frozen=True)
class Releases:
    """The releases on the server: complete ones oldest first, the live one, unfinished ones."""

    complete: list[str]
    current: str | None
    unfinished: list[str]


def release_name(now: dt.datetime | None = None, taken: Iterable[str] = ()) -> str:
    """``20261202-103015`` (Vietnam's clock), with ``-02``, ``-03`` when taken in the same
    second: names sort as the releases were made."""
    stamp = (now or clock.now()).astimezone(clock.VIETNAM).strftime("%Y%m%d-%H%M%S")
    used = set(taken)
    name, n = stamp, 1
    while name in used or any(other > name for other in used if other.startswith(stamp)):
        n += 1
        name = f"{stamp}-{n:02d}"
    return name


def _where(target: SshTarget) -> str:
    user = f"{target.user}@" if target.user else ""
    port = f":{target.port}" if target.port != 22 else ""
    return f"{user}{target.host}{port}:{target.path}"


async def _bounded(jobs: Sequence[Callable[[], Awaitable[None]]], limit: int = CONCURRENCY) -> None:
    """Run ``jobs`` with at most ``limit`` at once; the first failure stops the others."""
    queue = list(reversed(jobs))

    async def worker() -> None:
        while queue:
            await queue.pop()()

    await asyncio.gather(*(worker() for _ in range(min(limit, len(jobs)))))


class Server:
    """One SFTP session on the publish path."""

    def __init__(self, sftp: asyncssh.SFTPClient, root: str, where: str) -> None:
        self.sftp = sftp
        self.root = root.rstrip("/") or "/"
        self.where = where  # user@host:path, for messages

    def path(self, *parts: str) -> str:
        return posixpath.join(self.root, *parts)

    async def releases(self) -> Releases:
        """Which releases exist, which is live, which never finished."""
        names = sorted(n for n in await self.sftp.listdir(self.path(RELEASES)) if not n.startswith("."))
        complete: list[str] = []
        unfinished: list[str] = []
        for name in names:
            done = await self.sftp.exists(self.path(RELEASES, name, MANIFEST))
            (complete if done else unfinished).append(name)
        return Releases(complete, await self.live(), unfinished)

    async def live(self) -> str | None:
        """The release ``current`` points at (None before the first publish)."""
        try:
            target = await self.sftp.readlink(self.path(CURRENT))
        except asyncssh.SFTPNoSuchFile:
            return None
        except asyncssh.SFTPError as error:
            # ``current`` is there but is no link: someone copied a site there by hand.
            raise PublishError(msg.PUBLISH_CURRENT_NOT_A_LINK.format(path=self.path(CURRENT))) from error
        parts = str(target).strip("/").split("/")
        return parts[-2] if len(parts) >= 3 and parts[-3] == RELEASES and parts[-1] == SITE else None

    async def read(self, path: str) -> bytes | None:
        """A small file's bytes (None when it is not there)."""
        try:
            async with self.sftp.open(path, "rb") as stream:
                data = await stream.read()
        except asyncssh.SFTPError:
            return None
        return data if isinstance(data, bytes) else data.encode()

    async def write(self, path: str, data: bytes) -> None:
        """A small file, written beside its place and renamed over it: whole or absent."""
        async with self.sftp.open(path + ".partial", "wb") as stream:
            await stream.write(data)
        await self.sftp.posix_rename(path + ".partial", path)

    async def manifest(self, release: str) -> Manifest | None:
        """A release's manifest, its names that would lead out of the release dropped: one
        written by someone else must never make a publish remove or link a file elsewhere."""
        data = await self.read(self.path(RELEASES, release, MANIFEST))
        found = Manifest.from_bytes(data) if data is not None else None
        if found is None:
            return None
        return Manifest({name: entry for name, entry in found.files.items() if safe_name(name)})

    async def switch(self, release: str) -> None:
        """Point ``current`` at ``release`` in one rename: a visitor gets the old site or the
        new one, never a mix."""
        temporary = self.path(f"{SWAP_PREFIX}{release}")
        if await self.sftp.exists(temporary) or await _is_link(self.sftp, temporary):
            await self.sftp.remove(temporary)
        await self.sftp.symlink(posixpath.join(RELEASES, release, SITE), temporary)
        await self.sftp.posix_rename(temporary, self.path(CURRENT))

    async def remove_release(self, release: str) -> None:
        """Delete an old release. Its manifest lists its files, so they go with many requests
        in flight (one request after another would take minutes on a far server); whatever
        else is there (a release never finished) goes one by one."""
        folder = self.path(RELEASES, release)
        manifest = await self.manifest(release)
        if manifest is not None:
            site = posixpath.join(folder, SITE)
            await _bounded([_remove(self.sftp, posixpath.join(site, name)) for name in manifest.files])
            for level in reversed(_by_depth(manifest.folders())):
                await _bounded(
                    [_remove(self.sftp, posixpath.join(site, name), folder=True) for name in level]
                )
        await self.sftp.rmtree(folder, ignore_errors=True)

    async def remove_stale_links(self) -> None:
        for name in await self.sftp.listdir(self.root):
            if name.startswith(SWAP_PREFIX):
                await self.sftp.remove(self.path(name))


async def _is_link(sftp: asyncssh.SFTPClient, path: str) -> bool:
    try:
        return (await sftp.lstat(path)).type == asyncssh.FILEXFER_TYPE_SYMLINK
    except asyncssh.SFTPError:
        return False


async def _publish(
    server: Server, site: Path, local: Manifest, keep: int, progress: Callable[[str], None]
) -> Outcome:
    await server.sftp.makedirs(server.path(RELEASES), exist_ok=True)
    await server.remove_stale_links()
    found = await server.releases()
    for name in found.unfinished:  # a publish stopped half-way: never live, never complete
        await server.remove_release(name)
    base = await server.manifest(found.current) if found.current else None
    todo = plan(base, local)
    release = release_name(taken=found.complete)
    manifest = local.to_bytes()
    progress(
        msg.PUBLISH_SENDING.format(
            files=len(todo.send),
            size=msg.size(todo.bytes_to_send + len(manifest)),
            kept=len(todo.same),
            release=release,
        )
    )
    new_site = server.path(RELEASES, release, SITE)
    await server.sftp.makedirs(new_site)
    for level in _by_depth(local.folders()):
        await _bounded([_mkdir(server.sftp, posixpath.join(new_site, f)) for f in level])
    unlinked: list[str] = []  # same bytes, but the server cannot hard-link: sent too
    if todo.same and found.current is not None:
        old_site = server.path(RELEASES, found.current, SITE)
        await _bounded(
            [
                _link(
                    server.sftp, posixpath.join(old_site, old), posixpath.join(new_site, new), unlinked, new
                )
                for new, old in todo.same.items()
            ]
        )
    sent = [*todo.send, *sorted(unlinked)]
    paths = dict(site_files(site))
    await _bounded([_put(server.sftp, paths[name], posixpath.join(new_site, name)) for name in sent])
    if found.current is not None:  # what --rollback from this release goes back to
        await server.write(server.path(RELEASES, release, PREVIOUS), found.current.encode())
    # The manifest last: from now on the release is complete.
    manifest_path = server.path(RELEASES, release, MANIFEST)
    await server.write(manifest_path, manifest)
    await server.switch(release)
    kept = [*found.complete, release]
    for old in kept[:-keep]:
        if old not in (release, found.current):
            await server.remove_release(old)
    scrubbed = await _scrub(server, [name for name in kept[-keep:] if name != release], withdrawn_slugs(site))
    return Outcome(
        target=server.where,
        sent=len(sent),
        sent_bytes=sum(local.files[n].size for n in sent) + len(manifest),
        kept=len(todo.same) - len(unlinked),
        removed=len(todo.remove),
        site_bytes=local.size,
        release=release,
        releases_kept=min(len(kept), keep) - scrubbed,
        scrubbed=scrubbed,
    )


async def _scrub(server: Server, older: list[str], withdrawn: set[str]) -> int:
    """Remove the older releases (kept for rollback) that still hold a profile whose person
    withdrew consent: a rollback must never bring it back. → how many were removed."""
    removed = 0
    for name in older if withdrawn else []:
        manifest = await server.manifest(name)
        if manifest is None or holds_any(manifest, withdrawn):
            await server.remove_release(name)
            removed += 1
    return removed


def _by_depth(folders: list[str]) -> list[list[str]]:
    levels: dict[int, list[str]] = {}
    for folder in folders:
        levels.setdefault(folder.count("/"), []).append(folder)
    return [levels[d] for d in sorted(levels)]


def _mkdir(sftp: asyncssh.SFTPClient, path: str) -> Callable[[], Awaitable[None]]:
    async def job() -> None:
        await sftp.mkdir(path)

    return job


def _remove(sftp: asyncssh.SFTPClient, path: str, folder: bool = False) -> Callable[[], Awaitable[None]]:
    async def job() -> None:
        try:
            await (sftp.rmdir(path) if folder else sftp.remove(path))
        except asyncssh.SFTPError:
            pass  # already gone, or not empty: rmtree takes what is left

    return job


def _link(
    sftp: asyncssh.SFTPClient, old: str, new: str, unlinked: list[str], name: str
) -> Callable[[], Awaitable[None]]:
    async def job() -> None:
        try:
            await sftp.link(old, new)
        except (asyncssh.SFTPOpUnsupported, asyncssh.SFTPFailure, asyncssh.SFTPPermissionDenied):
            unlinked.append(name)

    return job


def _put(sftp: asyncssh.SFTPClient, local: Path, remote: str) -> Callable[[], Awaitable[None]]:
    async def job() -> None:
        await sftp.put(str(local), remote)

    return job


async def _rollback(server: Server) -> tuple[str, str]:
    """Back to the release that was live before the live one (after a rollback and a new
    publish, that is not the release rolled away from), or else the newest older one."""
    found = await server.releases()
    if found.current is None:
        raise PublishError(msg.ROLLBACK_NOTHING_LIVE)
    previous = await server.read(server.path(RELEASES, found.current, PREVIOUS))
    name = previous.decode(errors="replace").strip() if previous is not None else ""
    if name not in found.complete or name == found.current:
        earlier = [release for release in found.complete if release < found.current]
        if not earlier:
            raise PublishError(msg.ROLLBACK_NO_EARLIER.format(release=found.current))
        name = earlier[-1]
    await server.switch(name)
    return found.current, name


def _options(target: SshTarget, root: Path) -> dict[str, Any]:
    """asyncssh's connection options; what is not given comes from ~/.ssh as ssh does."""
    options: dict[str, Any] = {"port": target.port, "connect_timeout": 30}
    if target.user:
        options["username"] = target.user
    if target.key:
        options["client_keys"] = [str(_local_path(target.key, root))]
    if target.known_hosts:
        options["known_hosts"] = str(_local_path(target.known_hosts, root))
    return options


def _explained(error: Exception, target: SshTarget) -> PublishError:
    """What went wrong, in Vietnamese, with what to do: the server's address, port and user
    named, never the library's or the system's English."""
    names = {"host": target.host, "port": target.port, "user": target.user or _local_user()}
    where = _where(target)
    if isinstance(error, asyncssh.HostKeyNotVerifiable):
        return PublishError(msg.SSH_UNKNOWN_HOST.format(**names))
    if isinstance(error, asyncssh.PermissionDenied):
        return PublishError(msg.SSH_DENIED.format(**names))
    if isinstance(error, asyncssh.KeyImportError):
        encrypted = "passphrase" in str(error).lower()
        reason = msg.SSH_KEY_PASSPHRASE if encrypted else msg.SSH_KEY_UNREADABLE
        return PublishError(msg.SSH_BAD_KEY.format(key=target.key or "~/.ssh", reason=reason))
    if isinstance(error, asyncssh.SFTPError):
        return PublishError(msg.SSH_SFTP_FAILED.format(where=where, reason=_sftp_reason(error), **names))
    if isinstance(error, asyncssh.Error):
        reason = msg.SSH_REASONS["lost"] if isinstance(error, asyncssh.ConnectionLost) else _code(error.code)
        return PublishError(msg.SSH_FAILED.format(where=where, reason=reason, **names))
    return PublishError(msg.SSH_CONNECT_FAILED.format(reason=_os_reason(error), **names))


def _local_user() -> str:
    """The name SSH logs in with when ``user`` is not set."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def _code(code: object) -> str:
    return msg.SSH_REASONS["other"].format(code=code)


def _sftp_reason(error: asyncssh.SFTPError) -> str:
    if isinstance(error, asyncssh.SFTPPermissionDenied):
        return msg.SSH_REASONS["denied"]
    if isinstance(error, asyncssh.SFTPNoSuchFile | asyncssh.SFTPNoSuchPath):
        return msg.SSH_REASONS["no_such_file"]
    if isinstance(error, asyncssh.SFTPNoSpaceOnFilesystem | asyncssh.SFTPQuotaExceeded):
        return msg.SSH_REASONS["disk_full"]
    if isinstance(error, asyncssh.SFTPConnectionLost | asyncssh.SFTPNoConnection):
        return msg.SSH_REASONS["lost"]
    return _code(error.code)


def _os_reason(error: Exception) -> str:
    """A connection's failure as the officer can act on it (asyncio's texts are English)."""
    if isinstance(error, ConnectionRefusedError):
        return msg.SSH_REASONS["refused"]
    if isinstance(error, TimeoutError):
        return msg.SSH_REASONS["timeout"]
    if isinstance(error, socket.gaierror):
        return msg.SSH_REASONS["unknown_host"]
    if isinstance(error, OSError) and error.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return msg.SSH_REASONS["unreachable"]
    if isinstance(error, ConnectionError):
        return msg.SSH_REASONS["lost"]
    number = getattr(error, "errno", None)
    return _code(errno.errorcode.get(number, number) if isinstance(number, int) else type(error).__name__)


async def _session(target: SshTarget, root: Path, work: Callable[[Server], Awaitable[T]]) -> T:
    """Connect, open SFTP on the publish path and run ``work``; every failure a PublishError
    in Vietnamese."""
    try:
        async with asyncssh.connect(target.host, **_options(target, root)) as connection:
            async with connection.start_sftp_client() as sftp:
                return await work(Server(sftp, target.path, _where(target)))
    except (asyncssh.Error, asyncssh.KeyImportError, TimeoutError, OSError) as error:
        raise _explained(error, target) from error


def _local_path(value: str, root: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else root / path


def publish(
    site: Path, target: SshTarget, keep: int, root: Path, progress: Callable[[str], None] = lambda _: None
) -> Outcome:
    """Send ``site`` as a new release and make it live (``root``: the project, for relative
    key files). Raises PublishError."""
    local = scan(site)

    async def work(server: Server) -> Outcome:
        return await _publish(server, site, local, keep, progress)

    return asyncio.run(_session(target, root, work))


def rollback(target: SshTarget, root: Path) -> tuple[str, str]:
    """Make the release before the live one live again: → (was live, now live)."""
    return asyncio.run(_session(target, root, _rollback))


@dataclass(frozen=True)
class SshServer:
    """A server reached over SSH: one release folder per publish, ``keep`` of them kept."""

    options: SshTarget
    keep: int
    root: Path

    def publish(self, site: Path, progress: Callable[[str], None]) -> Outcome:
        return publish(site, self.options, self.keep, self.root, progress)

    def rollback(self) -> tuple[str, str]:
        return rollback(self.options, self.root)


def target(settings: Settings) -> SshServer:
    options = settings.options.publish
    assert options.ssh is not None
    return SshServer(options.ssh, options.keep, settings.root)
