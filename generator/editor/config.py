"""The browser editor's configuration (Decap CMS ``config.yml``), generated from the profile
and visit models and the commune's registry: every front-matter key becomes a form field of
the widget its type calls for, every registry code a select list with Vietnamese labels.

A key added to a model appears in the form without editing this module; only what a type
cannot say (which text is a photo, which list holds criteria, which box is multi-line) is
named in the tables below."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import annotated_types
import yaml
from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo

from ..messages import common as common_msg
from ..messages import editor as msg
from ..records.model import TIME_PATTERN, Exemplar, KnownCode, Registry, Visit
from ..records.story import STORY_SECTIONS

DEFAULT_OUTPUT = Path("editor") / "config.yml"
API_PATH = "/api/v1"
# Where uploads outside a profile go (Decap needs one media folder for the whole site).
SHARED_MEDIA = ("content/hinh", "/hinh")
# A date typed and shown day first (15/06/2022), stored ISO: registered by our script.
DATE_WIDGET = "dh-date"

# Keys whose text is several lines (a text area rather than a one-line box).
MULTILINE = {"Exemplar.summary", "Exemplar.private_notes", "Evaluation.notes", "Commendation.reason",
             "Replication.notes", "Stop.notes", "Visit.notes"}  # fmt: skip
# Text that names a photo file of the profile's folder.
IMAGES = {"Photo.file"}
# Text that names another record: key → the editor collection it points at.
RELATIONS = {"Stop.exemplar": "exemplars"}
# Lists of criteria ids (checked against the registry's criteria by `check`).
CRITERIA = {"Exemplar.criteria"}
# Keys the loader fills in (never typed in a form); the story is the editor's body.
NOT_IN_FORM = {"slug"}
BODY = "story"
# Summaries of list items in the form (Decap templates over the item's fields).
ITEM_SUMMARIES = {
    "Exemplar.evaluations": "{{fields.year}}",
    "Exemplar.commendations": "{{fields.date}}",
    "Exemplar.replications": "{{fields.year}}",
    "Exemplar.photos": "{{fields.file}}",
    "Visit.stops": "{{fields.time}}",
    "Exemplar.nominations": "{{fields.year}}",
}
# Vietnamese names of the models' choices (an enum's values).
ENUM_NAMES = {
    "Kind": common_msg.KIND_NAMES,
    "Status": msg.EDITOR_STATUS_NAMES,
    "NominationLevel": common_msg.NOMINATION_LEVELS,
    "Use": common_msg.USE_NAMES,
}


@dataclasses.dataclass(frozen=True)
class FieldType:
    """What a model field holds, read from its annotation."""

    base: Any  # the innermost type: str, int, a model, an enum…
    optional: bool
    many: bool  # a tuple of them
    table: str | None  # a registry table its codes come from
    mapping: bool  # dict[code, value]
    metadata: tuple[Any, ...]


def _unwrap(annotation: Any, metadata: tuple[Any, ...] = ()) -> FieldType:
    """Peel Optional, tuple[..., ...], dict[...] and Annotated off an annotation."""
    optional = many = mapping = False
    meta = list(metadata)
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation, meta = args[0], [*meta, *args[1:]]
        elif origin in (types.UnionType, typing.Union):
            rest = [a for a in args if a is not type(None)]
            optional = optional or len(rest) < len(args)
            # A choice of types (a head count or words): the widest one, text, is offered.
            annotation = rest[0] if len(rest) == 1 else str
        elif origin is tuple:
            many, annotation = True, args[0]
        elif origin is dict:
            mapping, annotation = True, args[0]
        else:
            break
    table = next(
        (m.func.table for m in meta if isinstance(m, AfterValidator) and isinstance(m.func, KnownCode)),
        None,
    )
    return FieldType(annotation, optional, many, table, mapping, tuple(meta))


def _constraint(meta: tuple[Any, ...], name: str) -> Any:
    for item in meta:
        value = getattr(item, name, None)
        if value is not None:
            return value
        for inner in getattr(item, "metadata", ()) or ():
            value = getattr(inner, name, None)
            if value is not None:
                return value
    return None


def _all_metadata(meta: tuple[Any, ...]) -> Iterator[Any]:
    for item in meta:
        yield item
        yield from getattr(item, "metadata", ()) or ()


@dataclasses.dataclass(frozen=True)
class Choices:
    """The select lists a form offers, from the registry."""

    tables: dict[str, list[tuple[str, str]]]
    criteria: list[tuple[str, str]]

    @classmethod
    def of(cls, registry: Registry) -> Choices:
        tables: dict[str, list[tuple[str, str]]] = {}
        for name in type(registry).model_fields:
            items = getattr(registry, name)
            if isinstance(items, tuple) and items and hasattr(items[0], "code"):
                tables[name] = [(item.code, _item_label(name, item)) for item in items]
        criteria = [(c.id, f"{msg.EDITOR_GENERAL_CRITERIA}: {c.text}") for c in registry.general_criteria]
        criteria += [(c.id, f"{f.short_name}: {c.text}") for f in registry.fields for c in f.criteria]
        return cls(tables, criteria)


def _item_label(table: str, item: Any) -> str:
    if table == "figures":
        return f"{item.label} ({item.unit})"
    if table == "fields":
        return str(item.short_name)
    return str(getattr(item, "name", item.code))


def _options(choices: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"label": label, "value": code} for code, label in choices]


@dataclasses.dataclass(frozen=True)
class _Builder:
    choices: Choices

    def fields(self, model: type[BaseModel]) -> list[dict[str, Any]]:
        return [
            self.field(model, name, info)
            for name, info in model.model_fields.items()
            if name not in NOT_IN_FORM and name != BODY
        ]

    def field(self, model: type[BaseModel], name: str, info: FieldInfo) -> dict[str, Any]:
        key = f"{model.__name__}.{name}"
        kind = _unwrap(info.annotation, tuple(info.metadata))
        widget: dict[str, Any] = {"name": name, "label": msg.EDITOR_LABELS.get(key, name)}
        if key in msg.EDITOR_HINTS:
            widget["hint"] = msg.EDITOR_HINTS[key]
        widget.update(self.widget(key, kind))
        optional = kind.optional or not info.is_required()
        if optional and widget["widget"] == "object":
            # Decap would demand an optional record's own required boxes even when it is left
            # empty; `check` says what is missing once something is filled in.
            for inner in widget["fields"]:
                inner["required"] = False
        # An unticked box is an answer (no), not a missing value.
        if optional or widget["widget"] == "boolean":
            widget["required"] = False
        return widget

    def widget(self, key: str, kind: FieldType) -> dict[str, Any]:
        """The Decap widget (and its options) for one field's type."""
        for rule in (self._select, self._special, self._nested, self._scalar):
            found = rule(key, kind)
            if found is not None:
                return found
        raise AssertionError(f"no editor widget for {key}: {kind}")  # a new kind of type

    def _select(self, key: str, kind: FieldType) -> dict[str, Any] | None:
        if kind.mapping:
            return None
        options: list[tuple[str, str]] | None = None
        if kind.table is not None:
            options = self.choices.tables.get(kind.table, [])
        elif key in CRITERIA:
            options = self.choices.criteria
        elif isinstance(kind.base, type) and issubclass(kind.base, Enum):
            names = ENUM_NAMES.get(kind.base.__name__, {})
            options = [(m.value, names.get(m.value, m.value)) for m in kind.base]
        if options is None:
            return None
        found: dict[str, Any] = {"widget": "select", "options": _options(options)}
        if kind.many:
            found["multiple"] = True
        return found

    def _special(self, key: str, kind: FieldType) -> dict[str, Any] | None:
        if key in IMAGES:
            return {"widget": "image", "choose_url": False}
        if key in RELATIONS:
            return {
                "widget": "relation",
                "collection": RELATIONS[key],
                "value_field": "{{slug}}",
                "search_fields": ["name"],
                "display_fields": ["name"],
            }
        if kind.mapping and kind.table is not None:
            # One number box per code of the registry table (figures of a year).
            return {
                "widget": "object",
                "collapsed": True,
                "fields": [
                    {"name": code, "label": label, "widget": "number", "value_type": "float",
                     "required": False}
                    for code, label in self.choices.tables.get(kind.table, [])
                ],
            }  # fmt: skip
        return None

    def _nested(self, key: str, kind: FieldType) -> dict[str, Any] | None:
        if not (isinstance(kind.base, type) and issubclass(kind.base, BaseModel)):
            if kind.many:  # a list of plain texts
                return {"widget": "list", "field": {"name": "item", "label": "", "widget": "string"}}
            return None
        inner = self.fields(kind.base)
        if not kind.many:
            return {"widget": "object", "collapsed": False, "fields": inner}
        found: dict[str, Any] = {"widget": "list", "collapsed": True, "fields": inner}
        if key in ITEM_SUMMARIES:
            found["summary"] = ITEM_SUMMARIES[key]
        return found

    def _scalar(self, key: str, kind: FieldType) -> dict[str, Any] | None:
        base = kind.base
        # No defaults: Decap would add a blank item to every list whose items have one.
        if base is bool:
            return {"widget": "boolean"}
        if base is dt.date:
            # Our own widget (assets/dienhinh-editor.js): Decap's uses the browser's date box,
            # which shows 03/10/2026 month first in an English browser, and says "UTC".
            return {"widget": DATE_WIDGET, "format": "YYYY-MM-DD"}
        if base in (int, float):
            found: dict[str, Any] = {"widget": "number", "value_type": "int" if base is int else "float"}
            for item in _all_metadata(kind.metadata):
                if isinstance(item, annotated_types.Ge | annotated_types.Gt):
                    found["min"] = item.ge if isinstance(item, annotated_types.Ge) else item.gt
                if isinstance(item, annotated_types.Le | annotated_types.Lt):
                    found["max"] = item.le if isinstance(item, annotated_types.Le) else item.lt
            return found
        if base is str:
            found = {"widget": "text" if key in MULTILINE else "string"}
            pattern = _constraint(kind.metadata, "pattern")
            longest = _constraint(kind.metadata, "max_length")
            if pattern == TIME_PATTERN:
                found["pattern"] = [TIME_PATTERN, msg.EDITOR_PATTERN_HINTS["time"]]
            elif longest is not None:
                hint = msg.EDITOR_PATTERN_HINTS["max_length"].format(max_length=longest)
                found["pattern"] = [f"^[\\s\\S]{{0,{longest}}}$", hint]
            return found
        return None


def _collection(name: str, extra: dict[str, Any], fields: list[dict[str, Any]]) -> dict[str, Any]:
    label, singular = msg.EDITOR_COLLECTIONS[name]
    return {"name": name, "label": label, "label_singular": singular, **extra, "fields": fields}


def editor_config(
    registry: Registry,
    exemplars_dir: str = "exemplars",
    visits_dir: str = "visits",
    backend: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Decap CMS's configuration for a project: its folders, the local proxy backend (or
    ``backend``), and the forms of profiles and visits."""
    builder = _Builder(Choices.of(registry))
    story = {
        "name": "body",
        "label": msg.EDITOR_LABELS["Exemplar.story"],
        "hint": msg.EDITOR_HINTS["Exemplar.story"],
        "widget": "markdown",
        "required": False,
        # A new profile's story starts with the plan's sections, as `dienhinh new` writes it.
        "default": "\n\n".join(f"## {section}" for section in STORY_SECTIONS) + "\n",
    }
    exemplars = _collection(
        "exemplars",
        {
            "folder": exemplars_dir,
            "path": "{{slug}}/index",
            "extension": "md",
            "format": "yaml-frontmatter",
            "create": True,
            # Withdrawing a profile is done by setting it back to a draft: nothing published is
            # lost by a click.
            "delete": False,
            "identifier_field": "name",
            "slug": "{{slug}}",
            "summary": "{{name}}",
            "sortable_fields": ["name", "registered"],
            # Photos sit in the profile's own folder, named as written in `photos`.
            "media_folder": "",
            "public_folder": "",
        },
        [*builder.fields(Exemplar), story],
    )
    visits = _collection(
        "visits",
        {
            "folder": visits_dir,
            "extension": "yml",
            "format": "yml",
            "create": True,
            "delete": False,
            "identifier_field": "title",
            "slug": "{{slug}}",
            "summary": "{{title}}",
        },
        builder.fields(Visit),
    )
    return {
        "locale": "vi",
        "backend": backend or {"name": "proxy", "proxy_url": API_PATH, "branch": "main"},
        "publish_mode": "simple",
        "media_folder": SHARED_MEDIA[0],
        "public_folder": SHARED_MEDIA[1],
        # Addresses as the project makes them: lowercase, no accents, words joined by "-".
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [exemplars, visits],
    }


GIT_HOSTS = ("github", "gitlab", "gitea")


def git_backend(
    host: str, repo: str, branch: str = "main", base_url: str = "", app_id: str = ""
) -> dict[str, Any]:
    """Decap's backend for a Git host: each save becomes a commit on ``branch`` of ``repo``,
    made with the officer's own account there (GitLab and Gitea sign in with PKCE: an OAuth
    application's id, no server of ours)."""
    backend: dict[str, Any] = {"name": host, "repo": repo, "branch": branch}
    if host in ("gitlab", "gitea"):
        backend["auth_type"] = "pkce"
        if app_id:
            backend["app_id"] = app_id
    if base_url:
        root = base_url.rstrip("/")
        backend["base_url"] = root
        if host == "gitea":
            backend["api_root"] = f"{root}/api/v1"
        elif host == "gitlab":
            backend["api_root"] = f"{root}/api/v4"
    return backend


class _Dumper(yaml.SafeDumper):
    """Block style, the keys in the order the form shows them."""


def config_text(registry: Registry, **options: Any) -> str:
    """The committed ``editor/config.yml``: stable YAML, so diffs stay small."""
    body = yaml.dump(
        editor_config(registry, **options),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return msg.EDITOR_CONFIG_HEADER + body


def field_labels(model: type[BaseModel]) -> dict[str, str]:
    """Dotted key (as a Problem names it, list indexes left out) → the form's label path,
    e.g. ``evaluations.year`` → “Đánh giá hằng năm › Năm”."""
    found: dict[str, str] = {}

    def walk(current: type[BaseModel], prefix: str, shown: str) -> None:
        for name, info in current.model_fields.items():
            label = msg.EDITOR_LABELS.get(f"{current.__name__}.{name}", name)
            dotted = f"{prefix}.{name}" if prefix else name
            path = f"{shown} › {label}" if shown else label
            found[dotted] = path
            kind = _unwrap(info.annotation, tuple(info.metadata))
            if isinstance(kind.base, type) and issubclass(kind.base, BaseModel):
                walk(kind.base, dotted, path)

    walk(model, "", "")
    return found
