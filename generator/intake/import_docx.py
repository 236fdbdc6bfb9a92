"""A Word report (.docx) → a draft bundle: the exemplar named by the report (never its generic
title, see report_shape) is the name, the report's date line the registration date, its
sections the story, its pictures the photos (captions from the line under each, the first as
cover). A report of an exemplar that already has a draft (same name) updates that draft's
story and the photos the report brought and the options given, keeps everything else, and
never touches a published profile — the rules of the sheet import; a report of another
exemplar always makes a new bundle at a free address. The bundle is checked as `check` would
see it before anything is written (by the store, the one checked writer, as the editor's
saves are)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from .. import clock
from ..messages import common as common_msg
from ..messages import intake as msg
from ..records import store
from ..records.load import load_registry
from ..records.model import Kind, Registry
from ..records.problems import Problem
from ..records.settings import Settings
from ..text import name_key
from .drafts import draft_front_matter, existing_bundles, make_slug, normalize, registry_item, taken_slugs
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
    missing: tuple[str, ...] = ()  # options a new profile needs (name, kind, field, place)
    name: str = ""  # the exemplar's name as read from the report (or given)


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


def missing_options(options: DocxOptions) -> tuple[str, ...]:
    """What a new profile needs that neither the report nor the options gave."""
    missing = [key for key in ("kind", "field") if getattr(options, key) is None]
    if options.hamlet is None and options.organization is None:
        missing.append("place")
    return tuple(missing)


def resolved(options: DocxOptions, registry: Registry | None) -> DocxOptions | str:
    """The options with names turned into the registry's codes ("Kinh tế hộ gia đình" →
    its field's code, "Tập thể" → collective), as the sheet import reads them; or why not."""
    kind = options.kind
    if kind is not None:
        words = {normalize(k.value): k for k in Kind} | {
            normalize(common_msg.KIND_NAMES[k.value]): k for k in Kind
        }
        found_kind = words.get(normalize(kind))
        if found_kind is None:
            names = ", ".join(common_msg.KIND_NAMES[k.value] for k in Kind)
            return msg.docx_unknown_option("kind", kind, names)
        kind = found_kind.value
    values: dict[str, Any] = {"kind": kind}
    tables: tuple[tuple[str, tuple[Any, ...], dict[str, str]], ...] = (
        ("field", registry.fields if registry else (), {}),
        ("hamlet", registry.hamlets if registry else (), {"strip_prefix": "xom"}),
        ("organization", registry.organizations if registry else (), {"strip_suffix": "xa"}),
    )
    for key, items, extra in tables:
        value = getattr(options, key)
        if value is None or registry is None:
            values[key] = value
            continue
        item = registry_item(items, value, **extra)
        if item is None:
            names = ", ".join(getattr(i, "short_name", "") or i.name for i in items)
            return msg.docx_unknown_option(key, value, names)
        values[key] = item.code
    return replace(options, **values)


def _new_bundle(settings: Settings, report: Report, name: str, options: DocxOptions) -> store.Profile:
    slug = make_slug(name, taken_slugs(settings.exemplars_dir))
    data = draft_front_matter(
        name=name,
        kind=options.kind or "",
        field=options.field or "",
        hamlet=options.hamlet,
        organization=options.organization,
        registered=_registered(report, options),
    )
    if report.pictures:
        data["photos"] = _photo_entries(report.pictures, cover=True)
    return store.Profile(slug, data, report.story, {p.name: p.data for p in report.pictures})


def _registered(report: Report, options: DocxOptions) -> dt.date:
    """The option's date, else the report's own (a past one), else today."""
    today = clock.today()
    if options.registered is not None:
        return options.registered
    return report.date if report.date is not None and report.date <= today else today


def _given(options: DocxOptions) -> dict[str, Any]:
    """The front matter the officer set with options (they win over the draft's)."""
    given: dict[str, Any] = {
        key: getattr(options, key) for key in ("kind", "field") if getattr(options, key) is not None
    }
    if options.hamlet is not None or options.organization is not None:
        given["hamlet"], given["organization"] = options.hamlet, options.organization
    if options.registered is not None:
        given["registered"] = options.registered
    return given


def _updated_bundle(index: Path, report: Report, options: DocxOptions) -> tuple[store.Profile, bytes] | None:
    """The draft with the report's story and pictures (and the options given), and the draft
    as read; None when it already has them (or cannot be read: ``check`` says why)."""
    bundle = store.read_bundle(index)
    if bundle is None:
        return None
    data = {**bundle.front_matter, **_given(options)}
    data = {k: v for k, v in data.items() if v is not None or k not in ("hamlet", "organization")}
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
    if updated == bundle.front_matter and bundle.story == report.story and same_pictures and not stale:
        return None
    profile = store.Profile(folder.name, updated, report.story, pictures, stale, bundle.comments)
    return profile, bundle.raw


def import_report(settings: Settings, path: Path, options: DocxOptions) -> DocxResult:
    """Create or update the draft bundle of the Word report at ``path``."""
    report = read_report(path)
    if isinstance(report, str):
        return DocxResult(None, refusal=report)
    if not report.has_text:
        return DocxResult(None, notes=report.notes, refusal=msg.DOCX_SCANNED)
    registry, _, _ = load_registry(settings.registry_path)
    checked = resolved(options, registry)
    if isinstance(checked, str):
        return DocxResult(None, notes=report.notes, refusal=checked)
    name = " ".join((checked.name or report.title or "").split())
    if not name:
        return DocxResult(None, notes=report.notes, refusal=msg.DOCX_NO_TITLE, missing=("name",))
    planned = _plan(settings, report, name, checked)
    if isinstance(planned, DocxResult):
        return planned
    profile, previous, outcome = planned
    count = len(report.pictures)
    saved = store.save_profile(settings, profile, previous)
    index = settings.exemplars_dir / profile.slug / "index.md"
    errors = (*saved.errors, *([saved.failure] if saved.failure else []))
    if errors and previous is None:  # the bundle was never written: the report is where to look
        errors = tuple(replace(problem, file=path, line=0) for problem in errors)
        return DocxResult(None, None, count, report.notes, errors, saved.warnings)
    if errors:
        return DocxResult(None, index, count, report.notes, errors, saved.warnings)
    return DocxResult(outcome, index, count, report.notes, (), saved.warnings, name=name)


def _plan(
    settings: Settings, report: Report, name: str, options: DocxOptions
) -> tuple[store.Profile, bytes | None, DocxOutcome] | DocxResult:
    """What to write: the same exemplar's draft updated, or a new bundle; or the result
    already (a published profile, nothing changed, options missing)."""
    existing = existing_bundles(settings.exemplars_dir).get(name_key(name))
    count = len(report.pictures)
    if existing is not None:
        index, status = existing
        if status != "draft":
            return DocxResult(DocxOutcome.kept, index, count, report.notes, name=name)
        updated = _updated_bundle(index, report, options)
        if updated is None:
            return DocxResult(DocxOutcome.unchanged, index, count, report.notes, name=name)
        return updated[0], updated[1], DocxOutcome.updated
    missing = missing_options(options)
    if missing:
        words = ", ".join(msg.DOCX_OPTION_NAMES[m] for m in missing)
        needs = msg.DOCX_NEEDS.format(name=name, options=words)
        return DocxResult(None, notes=report.notes, refusal=needs, missing=missing, name=name)
    return _new_bundle(settings, report, name, options), None, DocxOutcome.created
