"""New draft bundles: a unique address (slug) from the name, front matter that round-trips
through the loader, and the story's headings ready to fill in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from slugify import slugify

from .. import clock
from .. import messages as msg
from ..files import write_atomically
from ..records.load import Loc, Source, problems_from, split_front_matter
from ..records.model import FRONT_MATTER_KEYS, Exemplar, Kind, Registry
from ..records.problems import Problem, Severity
from ..records.validate import check_exemplar

FALLBACK_SLUG = "dien-hinh"


def make_slug(name: str, taken: Collection[str]) -> str:
    """ "Đồi chè Bản Quyền" → ``doi-che-ban-quyen``; ``-2``, ``-3``… when already taken."""
    base = slugify(name, max_length=80, word_boundary=True) or FALLBACK_SLUG
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def taken_slugs(exemplars_dir: Path) -> set[str]:
    """Folder names already used under the exemplars folder."""
    if not exemplars_dir.is_dir():
        return set()
    return {p.name for p in exemplars_dir.iterdir() if p.is_dir()}


def draft_front_matter(
    *,
    name: str,
    kind: str,
    field: str,
    hamlet: str | None,
    organization: str | None,
    registered: dt.date,
    summary: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Front matter of a new draft, keys in the order of the profile schema."""
    data: dict[str, Any] = {"name": name.strip(), "kind": kind, "field": field}
    if hamlet:
        data["hamlet"] = hamlet
    if organization:
        data["organization"] = organization
    data["registered"] = registered
    data["summary"] = (summary or "").strip() or msg.DRAFT_SUMMARY
    data["status"] = "draft"
    if kind == Kind.individual.value:
        # A reminder, not a permission: nothing about an individual is published without it.
        data["consent"] = {"given": False}
    data.update(extra or {})
    return data


def dump_front_matter(data: Mapping[str, Any]) -> str:
    """YAML that the loader reads back to the same values (strings quoted where needed)."""
    return yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False, width=100)


def render_bundle(data: Mapping[str, Any], story: str) -> str:
    """The text of ``index.md``: front matter between ``---`` lines, then the story."""
    return f"---\n{dump_front_matter(data)}---\n{story}"


def story_template() -> str:
    """The story's three sections with a hint under each (HTML comments: not shown)."""
    parts = [""]
    for heading, hint in msg.DRAFT_STORY_SECTIONS:
        parts += [f"## {heading}", "", f"<!-- {hint} -->", ""]
    return "\n".join(parts)


def check_front_matter(data: Mapping[str, Any], slug: str, registry: Registry, path: Path) -> list[Problem]:
    """The errors ``dienhinh check`` would report for this front matter (same messages)."""
    text = dump_front_matter(data)
    plain = yaml.safe_load(text)
    # Dates go in as text, as the loader gives them.
    plain = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in plain.items()}
    lines: dict[Loc, int] = {(key,): index + 2 for index, key in enumerate(plain)}
    source = Source(path, plain, lines, body="", body_line=len(plain) + 3)
    try:
        record = Exemplar.model_validate({**plain, "slug": slug, "story": ""}, context={"registry": registry})
    except ValidationError as error:
        return problems_from(error, source, Exemplar)
    found = check_exemplar(record, source, registry, clock.today())
    return [p for p in found if p.severity is Severity.error]


def write_new_bundle(exemplars_dir: Path, slug: str, text: str) -> Path:
    """Create ``<exemplars_dir>/<slug>/index.md``; never replaces an existing bundle."""
    folder = exemplars_dir / slug
    folder.mkdir(parents=True, exist_ok=False)
    path = folder / "index.md"
    try:
        write_atomically(path, text)
    except OSError:
        folder.rmdir()  # no half-made bundle left behind
        raise
    return path


def read_bundle_parts(path: Path) -> tuple[list[str], str, str] | None:
    """(leading comment lines of the front matter, front matter YAML, story) of a bundle;
    None when it cannot be read as a UTF-8 bundle (``check`` says why)."""
    try:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None
    parts = split_front_matter(text, path)
    if isinstance(parts, Problem):
        return None
    yaml_text, body, _ = parts
    lines = yaml_text.split("\n")
    comments = []
    while lines and lines[0].startswith("#"):
        comments.append(lines.pop(0))
    return comments, "\n".join(lines), body


def update_front_matter(path: Path, changes: Mapping[str, Any]) -> bool | None:
    """Set some front-matter keys of an existing bundle; the story is kept byte for byte.

    Returns False (and writes nothing) when nothing changes, None when the bundle's front
    matter cannot be read (it is left alone; ``check`` explains why)."""
    parts = read_bundle_parts(path)
    if parts is None:
        return None
    comments, yaml_text, body = parts
    try:
        current = yaml.safe_load(yaml_text) or {}
    except (yaml.YAMLError, ValueError):
        return None
    if not isinstance(current, dict):
        return None
    updated = {**current, **changes}
    ordered = {k: updated[k] for k in FRONT_MATTER_KEYS if k in updated}
    ordered.update({k: v for k, v in updated.items() if k not in ordered})
    if ordered == current:
        return False
    head = "".join(f"{line}\n" for line in comments)
    write_atomically(path, f"---\n{head}{dump_front_matter(ordered)}---\n{body}")
    return True
