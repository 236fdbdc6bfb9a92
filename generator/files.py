"""Writing a user's file whole or not at all: every file the tools rewrite (a draft updated by
a sheet, a report, the schema, a booklet) goes through :func:`write_atomically`, so a full
disk or a killed process never leaves it truncated."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8) to ``path``: into a temporary file beside it, flushed to
    the disk, then renamed over it. On any error (disk full, no permission) the previous
    file is untouched, the temporary file removed and the ``OSError`` raised."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
        # The file keeps its permissions; a new one gets the usual ones (mkstemp makes 0600).
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` made a hard link to ``source`` (10,000 cached cards in a fraction of the time
    of copying them), or a copy where links cannot be made (another disk); its folder made.
    Only for targets that are replaced whole, never edited in place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_file() or target.is_symlink():
        # A site rebuilt in place (the preview's, or a build on the last site's copy): the old
        # copy goes first (it may be a link to another cached file, which copying over it would
        # change).
        if target.is_file() and os.path.samefile(source, target):
            return
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


# --- links: one rule for every reader of a project's files --------------------------------
# A symbolic link that leads out of the folder a reader serves (the project, a profile's
# folder, the built site) is refused: a link committed to the repository or planted on a
# shared drive would otherwise publish, serve or overwrite what lies behind it. A link that
# stays inside is followed, as the plain file it stands for.


def within(path: Path, folder: Path) -> Path | None:
    """The file ``path`` really is (every link on its way followed) when that stays inside
    ``folder`` (itself resolved); None when it leads out. A loop of links leads nowhere."""
    if "\0" in str(path):
        return None
    try:
        real = path.resolve(strict=False)
    except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL in the name
        return None
    return real if real.is_relative_to(folder.resolve()) else None


def links_leading_out(folder: Path, boundary: Path | None = None) -> list[Path]:
    """Every symbolic link under ``folder`` (links to folders not entered) whose target lies
    outside ``boundary`` (default: ``folder``), or nowhere; sorted."""
    boundary = boundary or folder
    found: list[Path] = []
    for parent, folders, names in os.walk(folder):
        here = Path(parent)
        for name in [*folders, *names]:
            path = here / name
            if path.is_symlink() and within(path, boundary) is None:
                found.append(path)
    return sorted(found)


# --- stamps: whether files changed, without reading them ---------------------------------------


def files_under(folders: Iterable[Path]) -> list[Path]:
    """Every file under ``folders`` (nothing for a folder that is not there)."""
    return [
        Path(parent) / name for folder in folders for parent, _, names in os.walk(folder) for name in names
    ]


def stamp(paths: Iterable[Path], base: Path | None = None) -> str:
    """A digest of files by path (relative to ``base`` when given: a renamed folder keeps its
    stamp), size and modification time: it changes when one is added, removed, rewritten or
    touched. A file that cannot be read is stamped as missing."""
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(set(paths)):
        try:
            info = path.stat()
            size, modified = info.st_size, info.st_mtime_ns
        except OSError:
            size, modified = -1, -1
        name = path.relative_to(base).as_posix() if base is not None else str(path)
        digest.update(f"{name}\0{size}\0{modified}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
