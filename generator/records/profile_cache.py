"""Parsed profiles keyed by the hash of their file, kept between runs: an unchanged profile
is never parsed or schema-validated twice. Cross-checks still run every time (they depend on
the other profiles and on today's date)."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from .. import text
from ..messages import common as common_msg
from ..messages import records as records_msg
from . import legacy_fonts, load, model, privacy, problems, validate
from .load import Source
from .model import Exemplar
from .problems import Problem

Entry = tuple[Exemplar | None, Source | None, list[Problem]]
# The code that parses profiles: a change to any of it makes every cached entry stale.
_CODE = (
    model,
    load,
    common_msg,
    records_msg,
    problems,
    privacy,
    text,
    legacy_fonts,
    validate,
    sys.modules[__name__],
)


def _fingerprint(registry_bytes: bytes, max_kb: int) -> str:
    """Changes when the registry, the size limit or the code that parses profiles changes."""
    digest = hashlib.sha256(registry_bytes)
    digest.update(str(max_kb).encode())
    for module in _CODE:
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()


# A preview server loads the profiles after every save: there the cache file is read once per
# process, and again only when another process changed it (hold_between_loads). A build loads
# them once and does not hold them: at 10,000 profiles their sources are 160 MB, needed only
# while the profiles are checked.
_HELD: dict[Path, tuple[tuple[int, int, int], str, dict[str, tuple[str, Entry]]]] = {}
_HOLDING: list[bool] = [False]


def hold_between_loads() -> None:
    """This process loads the profiles again and again (the preview server, the editor): keep
    the parsed profiles in memory from one load to the next."""
    _HOLDING[0] = True


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


class ProfileCache:
    """slug → (hash of index.md, parse result), stored in one pickle file."""

    def __init__(self, path: Path | None, registry_bytes: bytes, max_kb: int) -> None:
        self.path = path
        self.fingerprint = _fingerprint(registry_bytes, max_kb)
        self.entries: dict[str, tuple[str, Entry]] = {}
        self.changed = False
        held = _HELD.get(path) if path is not None and _HOLDING[0] else None
        if path is not None and held is not None and held[0] == _stamp(path) and held[1] == self.fingerprint:
            self.entries = held[2]
        elif path is not None and path.is_file():
            try:
                with path.open("rb") as stream:
                    stored: dict[str, Any] = pickle.load(stream)
                if stored.get("fingerprint") == self.fingerprint:
                    self.entries = stored["entries"]
            except Exception:  # a damaged or foreign cache is simply rebuilt
                self.entries = {}
            self._hold()

    def _hold(self) -> None:
        if not _HOLDING[0]:
            return
        stamp = _stamp(self.path) if self.path is not None else None
        if self.path is not None and stamp is not None:
            _HELD[self.path] = (stamp, self.fingerprint, self.entries)

    @staticmethod
    def key(raw: bytes, folder: Path) -> str:
        # The absolute path is part of the key: problems name the file they came from.
        return hashlib.sha256(os.fsencode(folder.resolve()) + b"\0" + raw).hexdigest()

    def get(self, slug: str, key: str) -> Entry | None:
        found = self.entries.get(slug)
        return found[1] if found is not None and found[0] == key else None

    def put(self, slug: str, key: str, entry: Entry) -> None:
        self.entries[slug] = (key, entry)
        self.changed = True

    def keep_only(self, slugs: set[str]) -> None:
        for slug in set(self.entries) - slugs:
            del self.entries[slug]
            self.changed = True

    def save(self) -> None:
        """Written atomically; a cache that cannot be written only costs time next run."""
        if self.path is None or not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".profiles-")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(
                    {"fingerprint": self.fingerprint, "entries": self.entries},
                    stream,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
            os.replace(temporary, self.path)
            self._hold()
        except OSError:
            pass
