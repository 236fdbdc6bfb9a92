"""What a published site holds, file by file (path → content hash and size), and what a
publish must do to turn the previous one into the new one: send what is new or changed, keep
(link or leave) what is the same, remove what is gone."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..files import within
from ..messages import publish as msg

FORMAT = 1
# Pages and the files that name the others (the search's entry point, the sitemap) go last:
# a visitor in the middle of a copy in place then meets either the old page with its old
# files (removed only at the end) or the new page with its new files (already there).
ENTRY_POINTS = ("pagefind/pagefind-entry.json", "sitemap.xml", "sitemap.xml.gz")


class PublishError(Exception):
    """A publish that cannot go on; the message is Vietnamese and says what to do."""


@dataclass(frozen=True)
class Entry:
    digest: str  # SHA-256, hex
    size: int


@dataclass(frozen=True)
class Manifest:
    """Every file of a site by its path relative to the site (POSIX, "/"-separated)."""

    files: Mapping[str, Entry]

    @property
    def size(self) -> int:
        return sum(entry.size for entry in self.files.values())

    def folders(self) -> list[str]:
        """Every folder that holds a file, parents before children."""
        found: set[str] = set()
        for name in self.files:
            for parent in PurePosixPath(name).parents:
                if str(parent) != ".":
                    found.add(str(parent))
        return sorted(found, key=lambda f: (f.count("/"), f))

    def to_bytes(self) -> bytes:
        """Compressed JSON: it travels with every publish to a server (≈ 1/3 of its size)."""
        files = {name: [e.digest, e.size] for name, e in sorted(self.files.items())}
        text = json.dumps({"format": FORMAT, "files": files}, separators=(",", ":"))
        return gzip.compress(text.encode(), mtime=0)

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest | None:
        """None for anything that is not a manifest of this format (never raises)."""
        try:
            parsed = json.loads(gzip.decompress(data))
            if parsed.get("format") != FORMAT:
                return None
            return cls({str(n): Entry(str(d), int(s)) for n, (d, s) in parsed["files"].items()})
        except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
            return None


def _digest(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def site_files(site: Path) -> Iterator[tuple[str, Path]]:
    """(relative name, path) of every file of the built site, in a stable order. A link to a
    file of the site stands for that file; one leading out of the site stops the publish
    (every target would send the bytes behind it). Raises PublishError."""
    for path in sorted(site.rglob("*")):
        if path.is_symlink() and within(path, site) is None:
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            raise PublishError(msg.SITE_LINK_LEADS_OUT.format(path=path, target=target))
        if path.is_file():
            yield path.relative_to(site).as_posix(), path


def safe_name(name: str) -> bool:
    """A name a manifest may hold: relative, "/"-separated, no "..", nothing odd."""
    pure = PurePosixPath(name)
    return (
        bool(name)
        and not pure.is_absolute()
        and "\\" not in name
        and "\0" not in name
        and ".." not in pure.parts
        and not PureWindowsPath(name).drive
        and all(part not in ("", ".") for part in name.split("/"))
    )


def scan(site: Path) -> Manifest:
    """The built site's manifest: each file's content hash and size."""
    return Manifest({name: Entry(_digest(path), path.stat().st_size) for name, path in site_files(site)})


@dataclass(frozen=True)
class Plan:
    """How to go from ``old`` (what the target has; None: nothing known) to ``new``."""

    new: Manifest
    send: list[str]  # new or changed: their bytes travel
    same: dict[str, str]  # unchanged: new name → the name holding the same bytes in ``old``
    remove: list[str] = field(default_factory=list)  # in ``old``, not in ``new``

    @property
    def bytes_to_send(self) -> int:
        return sum(self.new.files[name].size for name in self.send)


def _last(name: str) -> tuple[bool, str]:
    return name.endswith(".html") or name in ENTRY_POINTS, name


def plan(old: Manifest | None, new: Manifest) -> Plan:
    """What to send, keep and remove. A file is kept when ``old`` has the same bytes, under its
    own name or another one (a renamed photo is not sent again)."""
    before = old.files if old is not None else {}
    by_digest = {entry.digest: name for name, entry in before.items()}
    send: list[str] = []
    same: dict[str, str] = {}
    for name, entry in new.files.items():
        previous = before.get(name)
        if previous is not None and previous == entry:
            same[name] = name
        elif entry.digest in by_digest:
            same[name] = by_digest[entry.digest]
        else:
            send.append(name)
    remove = sorted(name for name in before if name not in new.files)
    return Plan(new, sorted(send, key=_last), same, remove)


@dataclass(frozen=True)
class Outcome:
    """What a publish did, for the officer and the tests."""

    target: str  # where, in words a person reads (host:path, folder, remote/branch)
    sent: int  # files of the site whose bytes were sent
    sent_bytes: int  # their bytes, and the manifest's when it travels too
    kept: int  # files already there (linked or left in place)
    removed: int
    site_bytes: int  # the whole site
    release: str = ""  # the release made live (servers) or the commit (GitHub Pages)
    releases_kept: int = 0
    scrubbed: int = 0  # older releases removed: they held a profile whose person withdrew consent
    notes: tuple[str, ...] = ()  # what the officer must know (copies this target cannot erase)


OPEN_DATA = "du-lieu/dien-hinh.json"  # opendata.export's JSON_FILE, read here for its tombstones


def withdrawn_slugs(site: Path) -> set[str]:
    """Profiles the built site lists as withdrawn (their person withdrew consent): no copy of
    them may stay on a target, older releases included."""
    try:
        data = json.loads((site / OPEN_DATA).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    found = data.get("withdrawn") if isinstance(data, dict) else None
    return {str(t["slug"]) for t in found or [] if isinstance(t, dict) and "slug" in t}


def holds_any(manifest: Manifest, slugs: set[str]) -> bool:
    """Whether a published copy holds a page of one of ``slugs``."""
    return any(name.split("/")[:2] in ([PROFILES, slug] for slug in slugs) for name in manifest.files)


PROFILES = "dien-hinh"
