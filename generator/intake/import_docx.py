"""A Word report (.docx) → a draft bundle: the report's title is the name, its text the
story, its pictures the photos (captions from the line under each, the first as cover).
Re-importing the same report (a bundle of the same name) updates a draft's story and the
photos the report brought, keeps everything else, and never touches a published profile —
the rules of the sheet import. The bundle is checked as `check` would see it before anything
is written (by the store, the one checked writer, as the editor's saves are)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from .. import clock
from ..messages import intake as msg
from ..records import store
from ..records.problems import Problem
from ..records.settings import Settings
from ..text import name_key
from .drafts import draft_front_matter, existing_bundles, make_slug, taken_slugs
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


def _new_bundle(settings: Settings, report: Report, name: str, options: DocxOptions) -> store.Profile | str:
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
    return store.Profile(slug, data, report.story, {p.name: p.data for p in report.pictures})


def _updated_bundle(index: Path, report: Report) -> tuple[store.Profile, bytes] | None:
    """The draft with the report's story and pictures, and the draft as read; None when it
    already has them (or cannot be read: ``check`` says why)."""
    bundle = store.read_bundle(index)
    if bundle is None:
        return None
    data = bundle.front_matter
    own = [p for p in data.get("photos") or [] if not str(p.get("file", "")).startswith(PICTURE_PREFIX)]
    cover = not any(p.get("cover") for p in own)
    photos = own + _photo_entries(report.pictures, cover)
    updated = {**data, "photos": photos} if photos else {k: v for k, v in data.items() if k != "photos"}
    folder = index.parent
    pictures = {p.name: p.data for p in report.pictures}
    stale = tuple(p.name for p in folder.glob(f"{PICTURE_PREFIX}*") if p.name not in pictures)
    same_pictures = all(
        (folder / name).is_file() and (folder / name).read_bytes() == blob for name, blob in pictures.items()
    )
    if updated == data and bundle.story == report.story and same_pictures and not stale:
        return None
    profile = store.Profile(folder.name, updated, report.story, pictures, stale, bundle.comments)
    return profile, bundle.raw


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
        (profile, previous), outcome = updated, DocxOutcome.updated
    else:
        created = _new_bundle(settings, report, name, options)
        if isinstance(created, str):
            return DocxResult(None, notes=report.notes, refusal=created)
        profile, previous, outcome = created, None, DocxOutcome.created
    saved = store.save_profile(settings, profile, previous)
    index = settings.exemplars_dir / profile.slug / "index.md"
    errors = (*saved.errors, *([saved.failure] if saved.failure else []))
    if errors:
        return DocxResult(None, index, count, report.notes, errors, saved.warnings)
    return DocxResult(outcome, index, count, report.notes, (), saved.warnings)
