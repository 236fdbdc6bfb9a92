"""What a site build leaves for the next one (in the project's cache folder): what each page
was rendered from, the generated pages' Markdown, and a stamp of the site as written. When
the site is still as that build wrote it and the tool is the same, the next build starts
from a copy of it and renders only what changed (plugin.Rebuilds); otherwise it starts
from nothing, as always."""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ..files import files_under, stamp

STATE_FILE = "previous-build.pickle"
_VERSION = 1


def code_stamp() -> str:
    """This tool's code: pages remembered by another version are not reused."""
    from .. import __file__ as package_file

    return f"{_VERSION}:{stamp(Path(package_file).parent.rglob('*.py'))}"


def site_stamp(site: Path) -> str:
    """Every file of a built site by path, size and modification time (a rename keeps them)."""
    return stamp(files_under([site]), base=site)


@dataclass
class PreviousBuild:
    code: str
    stamp: str  # of the site it wrote
    site_key: str
    sources: dict[str, str]  # page → what it was rendered from
    nonce: str  # the story fence's (the remembered pages hold its markers)
    pages: dict[str, bytes] = field(default_factory=dict)  # memo key → compressed Markdown


def load(cache_dir: Path) -> PreviousBuild | None:
    """The last build's record, if it is this tool's and readable."""
    try:
        with (cache_dir / STATE_FILE).open("rb") as stream:
            found = pickle.load(stream)
    except Exception:  # missing, damaged or foreign: the build starts from nothing
        return None
    if not isinstance(found, PreviousBuild) or found.code != code_stamp():
        return None
    return found


def save(cache_dir: Path, previous: PreviousBuild) -> None:
    """Written atomically; a record that cannot be written only makes the next build full."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".previous-build-")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(previous, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache_dir / STATE_FILE)
    except OSError:
        pass


def copy_site(site: Path, staging: Path, skip: Collection[str]) -> None:
    """``site`` into the empty ``staging`` folder, where the build then changes what changed;
    its top folders named in ``skip`` (those every build writes whole) are left out.
    Files are copied, never linked: the engine writes pages in place, and the published site
    must stay as it is until the new one replaces it. A file that is already a link to one of
    the caches (a photo, a share card; the build replaces those by unlinking) is linked."""
    for parent, folders, names in os.walk(site):
        relative = Path(parent).relative_to(site)
        if relative.parts[:1] and relative.parts[0] in skip:
            folders[:] = []
            continue
        (staging / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            source, target = Path(parent) / name, staging / relative / name
            if source.is_symlink():
                continue  # the build never writes links: one found here is not ours
            if source.stat().st_nlink > 1:
                try:
                    os.link(source, target)
                    continue
                except OSError:  # a file system without links: a copy does as well
                    pass
            shutil.copy2(source, target)
