"""JSON Schema of a profile's front matter, exported from the pydantic models with the
registry's codes as enums, so an editor can offer them while typing."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..messages import common as common_msg
from ..messages import schema as msg
from .model import Exemplar, Registry

SCHEMA_ID = "https://dienhinh.example.vn/schema/exemplar.schema.json"
DEFAULT_OUTPUT = Path("schema") / "exemplar.schema.json"


def _string_node(node: dict[str, Any]) -> dict[str, Any]:
    """The part of a property that holds the string (itself, its list items, or the
    non-null branch of an optional)."""
    if node.get("type") == "array":
        return _string_node(node["items"])
    branches: list[dict[str, Any]] = node.get("anyOf", [])
    for branch in branches:
        if branch.get("type") == "string":
            return branch
    return node


def _enum(node: dict[str, Any], choices: Sequence[tuple[str, str]]) -> None:
    target = _string_node(node)
    target["enum"] = [code for code, _ in choices]
    # VS Code shows these beside each proposal; validators ignore the keyword.
    target["markdownEnumDescriptions"] = [label for _, label in choices]


def exemplar_schema(registry: Registry | None) -> dict[str, Any]:
    """Schema of the front matter (``slug`` and ``story`` are filled in by the loader)."""
    schema = Exemplar.model_json_schema(mode="validation")
    props = schema["properties"]
    for reserved in ("slug", "story"):
        props.pop(reserved, None)
    schema["required"] = [key for key in schema.get("required", []) if key not in ("slug", "story")]
    defs = schema["$defs"]
    for key, text in msg.SCHEMA_DESCRIPTIONS.items():
        owner, _, name = key.rpartition(".")
        target = (defs.get(owner, {}).get("properties", {}) if owner else props).get(name)
        if target is None:  # a key the model no longer has
            continue
        target.pop("title", None)
        target["description"] = text
    defs["Kind"]["markdownEnumDescriptions"] = [common_msg.KIND_NAMES[k] for k in defs["Kind"]["enum"]]
    levels = defs["NominationLevel"]
    levels["markdownEnumDescriptions"] = [common_msg.NOMINATION_LEVELS[k] for k in levels["enum"]]
    if registry is not None:
        fields = [(f.code, f"{f.short_name} — {f.name}") for f in registry.fields]
        _enum(props["field"], fields)
        _enum(props["other_fields"], fields)
        hamlets = [(h.code, h.name) for h in registry.hamlets]
        _enum(props["hamlet"], hamlets)
        _enum(defs["Replication"]["properties"]["hamlet"], hamlets)
        _enum(props["organization"], [(o.code, o.name) for o in registry.organizations])
        criteria = [(c.id, c.text) for c in registry.general_criteria]
        criteria += [(c.id, f"{f.short_name}: {c.text}") for f in registry.fields for c in f.criteria]
        for period in registry.plan_periods:
            criteria += [(c.id, f"{period.name}: {c.text}") for c in period.general_criteria]
            criteria += [
                (c.id, f"{period.name}, {registry.field(code).short_name}: {c.text}")
                for code, added in period.criteria.items()
                if code in registry.table("fields")
                for c in added
            ]
        _enum(props["criteria"], criteria)
        _enum(
            defs["Evaluation"]["properties"]["result"],
            [(r.code, r.name) for r in registry.evaluation_results],
        )
        figures = defs["Evaluation"]["properties"]["figures"]
        figures["propertyNames"] = {"enum": [f.code for f in registry.figures]}
        figures["properties"] = {
            f.code: {"type": "number", "description": f"{f.label} ({f.unit})"} for f in registry.figures
        }
        _enum(
            defs["Commendation"]["properties"]["level"],
            [(c.code, c.name) for c in registry.commendation_levels],
        )
        _enum(
            defs["Commendation"]["properties"]["form"],
            [(c.code, c.name) for c in registry.commendation_forms],
        )
    return {
        # Draft-07: what editors' validators (Ajv in remark-lint, YAML language server) read.
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": msg.SCHEMA_TITLE,
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
        "description": msg.SCHEMA_DESCRIPTION,
    }


def schema_text(registry: Registry | None) -> str:
    """Stable, readable JSON (the file is committed, so diffs stay small)."""
    return json.dumps(exemplar_schema(registry), ensure_ascii=False, indent=2) + "\n"
