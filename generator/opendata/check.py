"""A commune's open-data document checked against the published schema.

A document is refused whole when its envelope is wrong (not JSON, another major version,
no commune); a profile that breaks the schema is left out with a reason, and the others are
kept. fastjsonschema checks a whole valid document in milliseconds; only a document that
fails goes through jsonschema, which names every error and where it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import ValidationError

from ..messages import province as msg
from ..messages import records as records_msg
from ..records.load import dotted
from ..records.model import RESERVED_SLUG
from . import model as od
from .schema import open_data_schema


@dataclass(frozen=True)
class Checked:
    """A document as far as it can be used: ``doc`` without the profiles left out, or
    ``refused`` saying why none of it can."""

    doc: od.OpenData | None
    refused: str | None = None
    dropped: tuple[str, ...] = ()  # one reason per profile left out


@cache
def _fast() -> Callable[[Any], Any]:
    # The schema's keywords mean the same in draft 7, which fastjsonschema compiles; it must
    # not fill in defaults (it would change the document it checks).
    schema = {k: v for k, v in open_data_schema().items() if k != "$schema"}
    return fastjsonschema.compile(schema, use_default=False)


@cache
def _full() -> Draft202012Validator:
    return Draft202012Validator(open_data_schema(), format_checker=FormatChecker())


def _describe(error: SchemaError) -> str:
    """One schema error in Vietnamese, at its place in the document."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        # "hamlet: {…} or null": the branch of the value's own type says what is wrong.
        same_type = [e for e in error.context if e.validator != "type"]
        return _describe(same_type[0] if same_type else error.context[0])
    where = dotted(tuple(error.absolute_path)) or msg.DATA_ROOT
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        return f"{where}: {msg.unexpected_keys(sorted(set(error.instance) - set(allowed)))}"
    return f"{where}: {msg.schema_error(str(error.validator), error.validator_value, error.instance)}"


def _profile_index(error: SchemaError) -> int | None:
    path = tuple(error.absolute_path)
    if len(path) >= 2 and path[0] == "profiles" and isinstance(path[1], int):
        return path[1]
    return None


def _slug_of(profile: Any, index: int) -> str:
    slug = profile.get("slug") if isinstance(profile, dict) else None
    return slug if isinstance(slug, str) and slug else f"profiles[{index}]"


def _refuse_version(data: dict[str, Any]) -> str | None:
    version = data.get("schema_version")
    if not isinstance(version, str) or version.split(".")[0] != od.SCHEMA_MAJOR:
        return msg.data_version(version, od.SCHEMA_MAJOR)
    return None


def check_document(raw: bytes) -> Checked:
    """Bytes of a ``dien-hinh.json`` → what of it can be published."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Checked(None, msg.DATA_NOT_UTF8)
    except json.JSONDecodeError as error:
        return Checked(None, msg.data_not_json(error.lineno, error.colno))
    except RecursionError:  # nested deeper than the parser goes: no real document is
        return Checked(None, msg.data_not_json(1, 1))
    if not isinstance(data, dict):
        return Checked(None, msg.DATA_NOT_OBJECT)
    refused = _refuse_version(data)
    if refused:
        return Checked(None, refused)
    try:
        _fast()(data)
        return _parsed(data, [])
    except fastjsonschema.JsonSchemaException:
        return _checked_in_full(data)


def _checked_in_full(data: dict[str, Any]) -> Checked:
    """Every error named: the envelope's refuse the document, a profile's leave it out."""
    errors = sorted(_full().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    envelope = [e for e in errors if _profile_index(e) is None]
    if envelope:
        return Checked(None, _describe(envelope[0]))
    profiles = data.get("profiles") or []
    first: dict[int, SchemaError] = {}
    for error in errors:
        index = _profile_index(error)
        if index is not None:
            first.setdefault(index, error)
    dropped = [
        msg.profile_dropped(_slug_of(profiles[index], index), _describe(error))
        for index, error in sorted(first.items())
    ]
    kept = [p for index, p in enumerate(profiles) if index not in first]
    return _parsed({**data, "profiles": kept}, dropped)


def _parsed(data: dict[str, Any], dropped: list[str]) -> Checked:
    """The records of a document the schema accepts; profiles the site cannot publish (an
    address reserved for listing pages, a slug given twice) are left out too."""
    profiles: Sequence[Any] = data.get("profiles") or []
    kept, seen = [], set()
    for index, profile in enumerate(profiles):
        slug = _slug_of(profile, index)
        if RESERVED_SLUG.match(slug):
            dropped.append(msg.profile_dropped(slug, msg.DATA_RESERVED_SLUG))
        elif slug in seen:
            dropped.append(msg.profile_dropped(slug, msg.DATA_DUPLICATE_SLUG))
        else:
            seen.add(slug)
            kept.append(profile)
    try:
        doc = od.OpenData.model_validate({**data, "profiles": kept})
    except ValidationError as error:  # the schema and the models disagree: a bug, said plainly
        return Checked(None, records_msg.invalid(str(error.errors(include_url=False)[0].get("msg"))))
    return Checked(doc, None, tuple(dropped))
