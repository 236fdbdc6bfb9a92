"""The one checked writer of the project's profiles (and of the visits and photos the editor
saves): ``dienhinh new``, the sheet and Word imports and the editor all write through here.

A change is checked the way ``dienhinh check`` would see the project after it: the bundles it
touches are staged, as they would be, in a temporary folder and the whole project is loaded
with them in place (``load_catalog(overlay=…)``), so the schema, the registry's codes, the
privacy rules and the checks across profiles (a visit that stops at it, a name used twice) all
run; a draft is checked as a draft. When the change would bring an error nothing is written
and the errors come back as Problems; otherwise each file is written whole
(``write_atomically``), never over a file that is not the one the caller read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..files import write_atomically
from ..messages import common as common_msg
from ..messages import records as msg
from .catalog import load_catalog
from .load import split_front_matter
from .model import FRONT_MATTER_KEYS
from .problems import Problem, Severity
from .settings import Settings

INDEX = "index.md"
# One check-then-write at a time in this process: a second writer would be checked against a
# project that the first is about to change. (Across processes: the expected contents below.)
_LOCK = threading.RLock()


# --- the text of a bundle ---------------------------------------------------------------------


def dump_front_matter(data: Mapping[str, Any]) -> str:
    """YAML that the loader reads back to the same values (strings quoted where needed)."""
    return yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False, width=100)


def bundle_text(front_matter: Mapping[str, Any], story: str, comments: Iterable[str] = ()) -> str:
    """``index.md`` as the project writes it: the leading comment lines kept, the keys in the
    profile model's order (unknown ones last, for ``check`` to name), then the story."""
    ordered = {k: front_matter[k] for k in FRONT_MATTER_KEYS if k in front_matter}
    ordered.update({k: v for k, v in front_matter.items() if k not in ordered})
    head = "".join(f"{line}\n" for line in comments)
    return f"---\n{head}{dump_front_matter(ordered)}---\n{story}"


@dataclass(frozen=True)
class Bundle:
    """A profile's ``index.md`` as read to be rewritten: its bytes, the front matter's leading
    comment lines, the front matter and the story (kept byte for byte)."""

    raw: bytes
    comments: tuple[str, ...]
    front_matter: dict[str, Any]
    story: str


def read_bundle(path: Path) -> Bundle | None:
    """The bundle at ``path``; None when it cannot be read as a UTF-8 bundle whose front
    matter is a mapping (``check`` says why)."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None
    parts = split_front_matter(text, path)
    if isinstance(parts, Problem):
        return None
    yaml_text, story, _ = parts
    lines = yaml_text.split("\n")
    comments = []
    while lines and lines[0].startswith("#"):
        comments.append(lines.pop(0))
    try:
        data = yaml.safe_load("\n".join(lines)) or {}
    except (yaml.YAMLError, ValueError):
        return None
    return Bundle(raw, tuple(comments), data, story) if isinstance(data, dict) else None


# --- changes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """Files to write (path → bytes) and to remove, and what they concern: profile bundles (by
    slug) and the visits' folder. ``expected``: what a file held when the caller read it
    (None: no such file); the change is refused when it holds something else by then."""

    writes: Mapping[Path, bytes]
    removes: tuple[Path, ...] = ()
    bundles: tuple[str, ...] = ()
    visits: bool = False
    expected: Mapping[Path, bytes | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Saved:
    """What became of a change: written, or refused for ``errors`` (what ``check`` would say)
    or for a ``failure`` (another file is there now, the disk refused); warnings either way."""

    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    failure: Problem | None = None

    @property
    def written(self) -> bool:
        return not self.errors and self.failure is None


@dataclass(frozen=True)
class Profile:
    """A profile bundle as it is to be: front matter, story, photos to add (file name → bytes)
    or remove, and the front matter's leading comment lines to keep."""

    slug: str
    front_matter: Mapping[str, Any]
    story: str
    photos: Mapping[str, bytes] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()


def profile_change(settings: Settings, profile: Profile, previous: bytes | None) -> Change:
    """The change that writes ``profile``; ``previous``: its ``index.md`` as the caller read it
    (None for a new profile: no other profile's file is ever replaced)."""
    folder = settings.exemplars_dir / profile.slug
    writes = {folder / name: data for name, data in profile.photos.items()}
    text = bundle_text(profile.front_matter, profile.story, profile.comments)
    writes[folder / INDEX] = text.encode("utf-8")
    removes = tuple(folder / name for name in profile.removed)
    return Change(writes, removes, (profile.slug,), expected={folder / INDEX: previous})


def touched(settings: Settings, change: Change) -> set[Path]:
    """The files and bundle folders a change writes to (resolved): its own problems are there."""
    found = {p.resolve() for p in [*change.writes, *change.removes]}
    found.update((settings.exemplars_dir / slug).resolve() for slug in change.bundles)
    return found


# --- checking -----------------------------------------------------------------------------------


def check(
    settings: Settings, change: Change, today: dt.date | None = None
) -> tuple[list[Problem], list[Problem]]:
    """The errors this change would bring (in the files it touches: all of them; elsewhere:
    those not there before), and the warnings of the files it touches."""
    with tempfile.TemporaryDirectory(prefix="dienhinh-store-") as tmp:
        staged_settings, overlay, stage = _stage(settings, change, Path(tmp))
        after = load_catalog(staged_settings, today=today, overlay=overlay)
        problems = [dataclasses.replace(p, file=stage.real_of(p.file)) for p in after.problems]
    mine = touched(settings, change)
    own = [p for p in problems if p.file in mine or p.file.parent in mine]
    others = [p for p in problems if p not in own and p.severity is Severity.error]
    if others:
        before = {_key(p) for p in load_catalog(settings, today=today).problems}
        others = [p for p in others if _key(p) not in before]
    errors = [p for p in own if p.severity is Severity.error] + others
    warnings = [p for p in own if p.severity is Severity.warning]
    return errors, warnings


def _key(problem: Problem) -> tuple[str, str, str, Severity]:
    # Lines move when a file above them changes; the same problem is the same message.
    return (str(problem.file), problem.field, problem.message, problem.severity)


def _stage(settings: Settings, change: Change, tmp: Path) -> tuple[Settings, dict[str, Path | None], Stage]:
    """Copies of what the change touches, as they would be after it."""
    overlay: dict[str, Path | None] = {}
    stage = Stage()
    for slug in change.bundles:
        real = (settings.exemplars_dir / slug).resolve()
        overlay[slug] = stage.copy(real, tmp / "exemplars" / slug)
    staged = settings
    if not settings.exemplars_dir.is_dir():
        # The first profile of a project: read the staged bundles beside an empty folder.
        empty = tmp / "no-exemplars"
        empty.mkdir()
        staged = staged.with_options(exemplars_dir=str(empty))
    if change.visits and settings.visits_dir is not None:
        visits = stage.copy(settings.visits_dir.resolve(), tmp / "visits")
        staged = staged.with_options(visits_dir=str(visits))
    stage.apply(change)
    return staged, overlay, stage


@dataclass
class Stage:
    """Folders copied aside (real folder → staged copy), the change applied to the copies."""

    folders: dict[Path, Path] = field(default_factory=dict)

    def copy(self, real: Path, staged: Path) -> Path:
        if real.is_dir():
            shutil.copytree(real, staged, symlinks=True)
        staged.mkdir(parents=True, exist_ok=True)
        self.folders[real] = staged
        return staged

    def staged_path(self, path: Path) -> Path | None:
        # By the path's folders, not by every staged folder: an import stages thousands.
        resolved = path.resolve()
        for folder in resolved.parents:
            if folder in self.folders:
                return self.folders[folder] / resolved.relative_to(folder)
        return None

    def apply(self, change: Change) -> None:
        for path, data in change.writes.items():
            staged = self.staged_path(path)
            if staged is not None:
                staged.write_bytes(data)
        for path in change.removes:
            staged = self.staged_path(path)
            if staged is not None:
                staged.unlink(missing_ok=True)

    def real_of(self, path: Path) -> Path:
        """A problem's file in a staged copy → the file it stands for."""
        reals = {staged: real for real, staged in self.folders.items()}
        for folder in path.parents:
            if folder in reals:
                return reals[folder] / path.relative_to(folder)
        return path


# --- writing ------------------------------------------------------------------------------------


def write(settings: Settings, change: Change, today: dt.date | None = None) -> Saved:
    """Check ``change``; write it only when it brings no error."""
    with _LOCK:
        conflict = _conflict(settings, change)
        if conflict is not None:
            return Saved(failure=conflict)
        errors, warnings = check(settings, change, today)
        if errors:
            return Saved(tuple(errors), tuple(warnings))
        return _write(settings, change, tuple(warnings))


def save_profile(
    settings: Settings, profile: Profile, previous: bytes | None = None, today: dt.date | None = None
) -> Saved:
    """Check and write one profile (``previous``: see :func:`profile_change`)."""
    return write(settings, profile_change(settings, profile, previous), today)


def save_profiles(
    settings: Settings, profiles: Sequence[tuple[Profile, bytes | None]], today: dt.date | None = None
) -> list[Saved]:
    """Check and write many profiles (with the ``previous`` of each) in one pass over the
    project: a profile with errors of its own is refused, the others are written. An error
    they would bring elsewhere refuses all of them (it cannot be told whose it is)."""
    with _LOCK:
        results: dict[str, Saved] = {}
        pending: dict[str, Change] = {}
        for profile, previous in profiles:
            change = profile_change(settings, profile, previous)
            conflict = _conflict(settings, change)
            if conflict is not None:
                results[profile.slug] = Saved(failure=conflict)
            else:
                pending[profile.slug] = change
        errors, warnings = _refuse_own_errors(settings, pending, results, today)
        for slug, change in pending.items():
            mine = touched(settings, change)
            own_warnings = tuple(p for p in warnings if p.file in mine or p.file.parent in mine)
            if errors:
                results[slug] = Saved(tuple(errors), own_warnings)
            else:
                results[slug] = _write(settings, change, own_warnings)
        return [results[profile.slug] for profile, _ in profiles]


def _refuse_own_errors(
    settings: Settings, pending: dict[str, Change], results: dict[str, Saved], today: dt.date | None
) -> tuple[list[Problem], list[Problem]]:
    """Check the pending changes together; move those with errors of their own to ``results``
    and check the rest again, until none has. → (errors elsewhere, warnings) of the rest."""
    while pending:
        errors, warnings = check(settings, _together(pending.values()), today)
        refused = False
        for slug, change in list(pending.items()):
            mine = touched(settings, change)
            own = [p for p in errors if p.file in mine or p.file.parent in mine]
            if own:
                own_warnings = [p for p in warnings if p.file in mine or p.file.parent in mine]
                results[slug] = Saved(tuple(own), tuple(own_warnings))
                del pending[slug]
                refused = True
        if not refused:
            return errors, warnings
    return [], []


def _together(changes: Iterable[Change]) -> Change:
    writes: dict[Path, bytes] = {}
    removes: list[Path] = []
    bundles: list[str] = []
    for change in changes:
        writes.update(change.writes)
        removes += change.removes
        bundles += change.bundles
    return Change(writes, tuple(removes), tuple(bundles))


def _conflict(settings: Settings, change: Change) -> Problem | None:
    """A file that no longer holds what the caller read (or a profile already there)."""
    for path, expected in change.expected.items():
        try:
            current: bytes | None = path.read_bytes()
        except FileNotFoundError:
            current = None
        except OSError as error:
            return Problem(path, 0, "", common_msg.write_failed(_shown(settings, path), error))
        if current != expected:
            template = msg.STORE_EXISTS if expected is None else msg.STORE_CHANGED
            return Problem(path, 0, "", template.format(path=_shown(settings, path)))
    return None


def _shown(settings: Settings, path: Path) -> Path:
    return path.relative_to(settings.root) if path.is_relative_to(settings.root) else path


def _write(settings: Settings, change: Change, warnings: tuple[Problem, ...]) -> Saved:
    """Write a checked change: photos first, ``index.md`` last (it names photos already there),
    then the removals. A new bundle the disk refuses is not left half made."""
    conflict = _conflict(settings, change)
    if conflict is not None:
        return Saved(warnings=warnings, failure=conflict)
    new_folders = [settings.exemplars_dir / slug for slug in change.bundles]
    new_folders = [folder for folder in new_folders if not folder.exists()]
    order = sorted(change.writes, key=lambda path: path.name == INDEX)
    written: list[Path] = []
    at = settings.exemplars_dir
    try:
        for at in order:
            write_atomically(at, change.writes[at])
            written.append(at)
        for at in change.removes:
            at.unlink(missing_ok=True)
    except OSError as error:
        _undo_new(new_folders, written)
        return Saved(warnings=warnings, failure=Problem(at, 0, "", common_msg.write_failed(at, error)))
    return Saved(warnings=warnings)


def _undo_new(folders: Sequence[Path], written: Sequence[Path]) -> None:
    """Remove what was written into bundle folders this change created, and the folders."""
    for path in written:
        if path.parent in folders:
            path.unlink(missing_ok=True)
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            pass  # not empty or not there: nothing of ours left to remove
