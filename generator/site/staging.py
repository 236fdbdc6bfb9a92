"""Atomic publish: build into a staging folder beside the site and swap it in only when the
whole build succeeded. A failed, interrupted or killed build leaves the published site as
it was; leftovers of a killed build are removed by the next one."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..workers import remove_folders_of_dead

_STAGING = "building"
_RETIRED = "old"


def _prefix(target: Path, kind: str) -> str:
    return f".{target.name}.{kind}-"


def staging_dir(target: Path) -> Path:
    """A fresh, empty folder on the same filesystem as ``target``, tagged with our pid."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{_prefix(target, _STAGING)}{os.getpid()}-", dir=target.parent))
    # mkdtemp makes it private (0700); once swapped in it is the site, which a web server
    # running as another user must read: the mode any new folder gets (the umask's).
    umask = os.umask(0o022)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the old site is then deleted."""
    retired = None
    if target.exists():
        retired = Path(
            tempfile.mkdtemp(prefix=f"{_prefix(target, _RETIRED)}{os.getpid()}-", dir=target.parent)
        )
        os.replace(target, retired / target.name)
    os.replace(staging, target)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def remove_leftovers(target: Path) -> list[Path]:
    """Delete staging/retired folders of builds whose process is gone (killed builds)."""
    removed: list[Path] = []
    for kind in (_STAGING, _RETIRED):
        removed += remove_folders_of_dead(target.parent, _prefix(target, kind))
    return removed
