"""Publishing to a folder (a shared drive, a USB stick): the folder is brought up to date in
place, sending only new and changed files. Each file is written beside its place and renamed
over it (never half a file); pages go after the files they use, and removed files go last,
so someone opening the folder meanwhile finds the old site or the new one page by page.
What the folder holds is recorded in ``.dienhinh-manifest.json.gz``: the next publish compares
with it (and with each file's size) instead of reading the whole folder back. Files the
publish did not put there are never touched. The files a publish overwrites or removes wait
beside the folder (``.<folder>.dienhinh-truoc``, never inside it: a web server serving the
folder never serves an older page) until the next publish, so that one rollback can put the
version before back."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..files import within
from ..messages import publish as msg
from ..records.settings import Settings
from .manifest import Manifest, Outcome, PublishError, plan, safe_name, scan, site_files

MANIFEST = ".dienhinh-manifest.json.gz"
PARTIAL = ".dienhinh-partial"
UNDO_SUFFIX = ".dienhinh-truoc"


def _recorded(folder: Path) -> tuple[Manifest | None, list[str]]:
    """What the last publish put in ``folder``, as long as it is still there (same sizes), and
    the names it lists that lead out of the folder: ignored. Anyone who can write the shared
    drive can write the manifest; its names must never make a publish delete or copy a file
    elsewhere."""
    try:
        manifest = Manifest.from_bytes((folder / MANIFEST).read_bytes())
    except OSError:
        return None, []
    if manifest is None:
        return None, []
    present = {}
    ignored = []
    for name, entry in manifest.files.items():
        path = _place(folder, name)
        if path is None:
            ignored.append(name)
            continue
        try:
            if path.is_file() and path.stat().st_size == entry.size:
                present[name] = entry
        except OSError:
            continue
    return Manifest(present), sorted(ignored)


def _place(folder: Path, name: str) -> Path | None:
    """``folder / name`` when ``name`` is a plain relative name and nothing on its way (a
    planted link) leads out of ``folder``."""
    if not safe_name(name):
        return None
    path = folder / name
    return path if within(path, folder) is not None else None


def _placed(folder: Path, name: str) -> Path:
    path = _place(folder, name)
    if path is None:
        raise PublishError(msg.FOLDER_UNSAFE_PLACE.format(name=name, folder=folder))
    return path


def _replace(source: Path, target: Path) -> None:
    partial = target.with_name(target.name + PARTIAL)
    shutil.copyfile(source, partial)
    os.replace(partial, target)


def publish(site: Path, folder: Path, progress: Callable[[str], None] = lambda _: None) -> Outcome:
    """Bring ``folder`` up to date with ``site``. Raises PublishError."""
    if folder.resolve() == site.resolve() or folder.resolve().is_relative_to(site.resolve()):
        raise PublishError(msg.FOLDER_INSIDE_SITE.format(folder=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        local = scan(site)
        before, ignored = _recorded(folder)
        if ignored:
            progress(
                msg.FOLDER_MANIFEST_IGNORED.format(count=len(ignored), manifest=MANIFEST, example=ignored[0])
            )
        todo = plan(before, local)
        progress(msg.FOLDER_SENDING.format(files=len(todo.send), size=msg.size(todo.bytes_to_send)))
        paths = dict(site_files(site))
        # Same bytes under another name in the folder (a renamed file): copied there, not sent.
        moved = [(new, old) for new, old in todo.same.items() if new != old]
        _keep_previous(folder, before, [*todo.send, *todo.remove, *(new for new, _ in moved)])
        for name in local.folders():
            _placed(folder, name).mkdir(exist_ok=True)
        for new, old in moved:
            _replace(_placed(folder, old), _placed(folder, new))
        for name in todo.send:
            _replace(paths[name], _placed(folder, name))
        for name in todo.remove:
            _placed(folder, name).unlink(missing_ok=True)
        for name in reversed(before.folders() if before else []):
            target = _placed(folder, name)
            if name not in set(local.folders()) and target.is_dir() and not any(target.iterdir()):
                target.rmdir()
        partial = folder / (MANIFEST + PARTIAL)
        partial.write_bytes(local.to_bytes())
        os.replace(partial, folder / MANIFEST)
    except OSError as error:
        reason = error.strerror or str(error)
        raise PublishError(msg.FOLDER_FAILED.format(folder=folder, reason=reason)) from error
    return Outcome(
        target=str(folder),
        sent=len(todo.send),
        sent_bytes=todo.bytes_to_send,
        kept=len(todo.same),
        removed=len(todo.remove),
        site_bytes=local.size,
    )


def undo_folder(folder: Path) -> Path:
    """Where the version before the last publish waits: beside the folder."""
    return folder.parent / f".{folder.name}{UNDO_SUFFIX}"


def _keep_previous(folder: Path, before: Manifest | None, names: list[str]) -> None:
    """The files about to be overwritten or removed, and the record of what the folder held,
    kept for one rollback. Best effort: where nothing can be written beside the folder (the
    root of a USB stick), publishing goes on without a way back."""
    undo = undo_folder(folder)
    partial = undo.with_name(undo.name + PARTIAL)
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(undo, ignore_errors=True)
    if before is None:
        return
    try:
        partial.mkdir()
        for name in names:
            source = _place(folder, name)
            if name in before.files and source is not None and source.is_file():
                (partial / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, partial / name)
        (partial / MANIFEST).write_bytes(before.to_bytes())
        os.replace(partial, undo)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)


def rollback(folder: Path) -> tuple[str, str]:
    """Put back the version before the last publish (once). → (was live, now live)."""
    undo = undo_folder(folder)
    try:
        previous = Manifest.from_bytes((undo / MANIFEST).read_bytes())
    except OSError:
        previous = None
    if previous is None:
        raise PublishError(msg.ROLLBACK_FOLDER_NOTHING)
    current = _recorded(folder)[0] or Manifest({})
    try:
        for path in sorted(p for p in undo.rglob("*") if p.is_file() and p.name != MANIFEST):
            (folder / path.relative_to(undo)).parent.mkdir(parents=True, exist_ok=True)
            _replace(path, folder / path.relative_to(undo))
        for name in current.files:
            if name not in previous.files:
                _placed(folder, name).unlink(missing_ok=True)
        for name in sorted(set(current.folders()) - set(previous.folders()), reverse=True):
            place = _placed(folder, name)
            if place.is_dir() and not any(place.iterdir()):
                place.rmdir()
        partial = folder / (MANIFEST + PARTIAL)
        partial.write_bytes(previous.to_bytes())
        os.replace(partial, folder / MANIFEST)
        shutil.rmtree(undo)
    except OSError as error:
        raise PublishError(msg.FOLDER_FAILED.format(folder=folder, reason=error.strerror or error)) from error
    return msg.FOLDER_LATEST, msg.FOLDER_PREVIOUS


@dataclass(frozen=True)
class FolderTarget:
    """A folder (a shared drive, a USB stick): the latest site, the one before kept beside it."""

    folder: Path

    def publish(self, site: Path, progress: Callable[[str], None]) -> Outcome:
        return publish(site, self.folder, progress)

    def rollback(self) -> tuple[str, str]:
        return rollback(self.folder)


def target(settings: Settings) -> FolderTarget:
    """The folder of ``publish: folder:``, relative to the project."""
    folder = settings.options.publish.folder
    assert folder is not None
    return FolderTarget((settings.root / Path(folder).expanduser()).resolve())
