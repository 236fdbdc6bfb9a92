"""A Word report (.docx) → a draft bundle: the report's title is the name, its text the
story, its pictures the photos (captions from the line under each, the first as cover).
Re-importing the same report (a bundle of the same name) updates a draft's story and the
photos the report brought, keeps everything else, and never touches a published profile —
the rules of the sheet import. The bundle is checked as `check` would see it before anything
is written (the editor's backend does the checking and the writing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from .. import clock
from .. import messages as msg
from ..editor.backend import Change, LocalBackend
from ..records.model import FRONT_MATTER_KEYS
from ..records.problems import Problem
from ..records.settings import Settings
from ..text import name_key
from .import_sheet import existing_bundles
from .new import draft_front_matter, dump_front_matter, make_slug, read_bundle_parts, taken_slugs
from .word_report import PICTURE_PREFIX, Note, Picture, Report, read_report


class DocxOutcome(StrEnum):
    created = "created"
    updated = "updated"
    unchanged = "unchanged"
    kept = "kept"  # a published profile: the report does not change it


@dataclass(frozen=True)
class DocxOptions:
    """What a new profile needs that a report does not say (the command's options)."""

    name: str | None = None
    kind: str | None = None
    field: str | None = None
    hamlet: str | None = None
    organization: str | None = None
    registered: dt.date | None = None


@dataclass(frozen=True)
class DocxResult:
    outcome: DocxOutcome | None  # None: nothing written
    index: Path | None = None
    pictures: int = 0
    notes: tuple[Note, ...] = ()
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    refusal: str | None = None  # why the file or the options could not be used


def _photo_entries(pictures: tuple[Picture, ...], cover: bool) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for index, picture in enumerate(pictures):
        entry: dict[str, Any] = {"file": picture.name, "caption": picture.caption}
        if picture.alt and picture.alt != picture.caption:
            entry["alt"] = picture.alt
        if index == 0 and cover:
            entry["cover"] = True
        entries.append(entry)
    return entries


def _text(comments: list[str], data: dict[str, Any], story: str) -> bytes:
    head = "".join(f"{line}\n" for line in comments)
    ordered = {k: data[k] for k in FRONT_MATTER_KEYS if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    return f"---\n{head}{dump_front_matter(ordered)}---\n{story}".encode()


def _new_bundle(settings: Settings, report: Report, name: str, options: DocxOptions) -> Change | str:
    missing = [f"--{key}" for key in ("kind", "field") if getattr(options, key) is None]
    if options.hamlet is None and options.organization is None:
        missing.append(msg.DOCX_NEEDS_PLACE)
    if missing:
        return msg.DOCX_NEEDS.format(options=", ".join(missing))
    slug = make_slug(name, taken_slugs(settings.exemplars_dir))
    data = draft_front_matter(
        name=name,
        kind=options.kind or "",
        field=options.field or "",
        hamlet=options.hamlet,
        organization=options.organization,
        registered=options.registered or clock.today(),
    )
    if report.pictures:
        data["photos"] = _photo_entries(report.pictures, cover=True)
    folder = settings.exemplars_dir / slug
    writes = {folder / "index.md": _text([], data, report.story)}
    writes.update({folder / p.name: p.data for p in report.pictures})
    return Change(writes, bundle=slug)


def _updated_bundle(index: Path, report: Report) -> Change | None:
    """The draft with the report's story and pictures; None when it already has them."""
    parts = read_bundle_parts(index)
    if parts is None:
        return None
    comments, yaml_text, body = parts
    data = yaml.safe_load(yaml_text) or {}
    own = [p for p in data.get("photos") or [] if not str(p.get("file", "")).startswith(PICTURE_PREFIX)]
    cover = not any(p.get("cover") for p in own)
    photos = own + _photo_entries(report.pictures, cover)
    updated = {**data, "photos": photos} if photos else {k: v for k, v in data.items() if k != "photos"}
    folder = index.parent
    writes = {folder / p.name: p.data for p in report.pictures}
    stale = tuple(
        p for p in folder.glob(f"{PICTURE_PREFIX}*") if p.name not in {pic.name for pic in report.pictures}
    )
    same_pictures = all(path.is_file() and path.read_bytes() == blob for path, blob in writes.items())
    if updated == data and body == report.story and same_pictures and not stale:
        return None
    writes[index] = _text(comments, updated, report.story)
    return Change(writes, stale, bundle=folder.name)


def import_report(settings: Settings, path: Path, options: DocxOptions) -> DocxResult:
    """Create or update the draft bundle of the Word report at ``path``."""
    report = read_report(path)
    if isinstance(report, str):
        return DocxResult(None, refusal=report)
    name = (options.name or report.title or "").strip()
    if not name:
        return DocxResult(None, notes=report.notes, refusal=msg.DOCX_NO_TITLE)
    existing = existing_bundles(settings.exemplars_dir).get(name_key(name))
    count = len(report.pictures)
    if existing is not None:
        index, status = existing
        if status != "draft":
            return DocxResult(DocxOutcome.kept, index, count, report.notes)
        updated = _updated_bundle(index, report)
        if updated is None:
            return DocxResult(DocxOutcome.unchanged, index, count, report.notes)
        change, outcome = updated, DocxOutcome.updated
    else:
        created = _new_bundle(settings, report, name, options)
        if isinstance(created, str):
            return DocxResult(None, notes=report.notes, refusal=created)
        change, outcome = created, DocxOutcome.created
    errors, warnings = LocalBackend(settings).apply(change)
    index = settings.exemplars_dir / change.bundle / "index.md"
    if errors:
        return DocxResult(None, index, count, report.notes, tuple(errors), tuple(warnings))
    return DocxResult(outcome, index, count, report.notes, (), tuple(warnings))
