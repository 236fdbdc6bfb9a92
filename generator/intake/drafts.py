"""New drafts: a unique address (slug) from the name, the front matter of a draft, the story's
headings ready to fill in, and the bundles already there by name (an import updates those)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from slugify import slugify

from ..messages import intake as msg
from ..records import store
from ..records.model import Kind
from ..records.settings import Settings
from ..records.story import DRAFT_STORY_SECTIONS
from ..text import name_key

FALLBACK_SLUG = "dien-hinh"


def normalize(text: object) -> str:
    """Lowercase, no accents (đ → d), punctuation as spaces: how headers and names compare."""
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def registry_item(
    table: Iterable[Any], value: object, *, strip_prefix: str = "", strip_suffix: str = ""
) -> Any:
    """The registry item whose code, name or short name matches ``value`` (accent-insensitive)."""
    wanted = normalize(value)
    for item in table:
        names = {item.code, getattr(item, "name", ""), getattr(item, "short_name", "")}
        keys = {normalize(n) for n in names if n}
        for key in list(keys):
            if strip_prefix and key.startswith(strip_prefix + " "):
                keys.add(key[len(strip_prefix) + 1 :])
            if strip_suffix and key.endswith(" " + strip_suffix):
                keys.add(key[: -len(strip_suffix) - 1])
        if value == item.code or wanted in keys:
            return item
    return None


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


def story_template() -> str:
    """The story's three sections with a hint under each (HTML comments: not shown)."""
    parts = [""]
    for heading, hint in DRAFT_STORY_SECTIONS:
        parts += [f"## {heading}", "", f"<!-- {hint} -->", ""]
    return "\n".join(parts)


def save_new_draft(settings: Settings, slug: str, front_matter: Mapping[str, Any]) -> store.Saved:
    """``<exemplars>/<slug>/index.md`` with the story's headings, checked as ``check`` would
    check it; never replaces a bundle already there."""
    return store.save_profile(settings, store.Profile(slug, front_matter, story_template()))


def existing_bundles(exemplars_dir: Path) -> dict[str, tuple[Path, str]]:
    """Name key → (index.md, status) of every readable bundle."""
    found: dict[str, tuple[Path, str]] = {}
    if not exemplars_dir.is_dir():
        return found
    for folder in sorted(exemplars_dir.iterdir()):
        path = folder / "index.md"
        bundle = store.read_bundle(path) if path.is_file() else None
        name = bundle.front_matter.get("name") if bundle else None
        if bundle is not None and isinstance(name, str):
            found.setdefault(name_key(name), (path, str(bundle.front_matter.get("status", ""))))
    return found
