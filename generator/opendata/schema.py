"""The published JSON Schema of the open data, generated from the export's models.

Every site publishes it beside its data (``du-lieu/dien-hinh.schema.json``); the committed
copy (``dien-hinh.schema.json`` beside this module, in the package) is checked against this
generator by a test.
Regenerate it with ``python -m dienhinh.opendata.schema``.
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
from functools import cache
from pathlib import Path
from typing import Any

from ..messages import opendata as msg
from .model import SCHEMA_ID, SCHEMA_VERSION, OpenData

COMMITTED = Path(str(importlib.resources.files(__package__ or "").joinpath("dien-hinh.schema.json")))
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _describe(schema: dict[str, Any]) -> None:
    defs = schema["$defs"]
    for key, text in msg.OPEN_DATA_DESCRIPTIONS.items():
        owner, _, name = key.partition(".")
        node = schema if owner == "OpenData" else defs.get(owner)
        target = node.get("properties", {}).get(name) if node else None
        if target is None:  # a key the models no longer have
            continue
        target.pop("title", None)
        target["description"] = text


def _untitle(node: Any) -> None:
    """pydantic titles every property after its English name: noise for a Vietnamese reader."""
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            del node["title"]
        for key, value in node.items():
            if key != "properties" or not isinstance(value, dict):
                _untitle(value)
            else:  # property names are not schema keywords: a property may be called "title"
                for child in value.values():
                    _untitle(child)
    elif isinstance(node, list):
        for item in node:
            _untitle(item)


def _build() -> dict[str, Any]:
    """The models' schema, described in Vietnamese, with the draft, address and version."""
    schema = OpenData.model_json_schema(by_alias=True, mode="serialization")
    _untitle(schema)
    _describe(schema)
    body = {k: v for k, v in schema.items() if k not in ("title", "description")}
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "version": SCHEMA_VERSION,
        "title": msg.OPEN_DATA_SCHEMA_TITLE,
        "description": msg.OPEN_DATA_SCHEMA_DESCRIPTION,
        **body,
    }


@cache
def schema_text() -> str:
    """Stable, readable JSON (the file is committed, so diffs stay small)."""
    return json.dumps(_build(), ensure_ascii=False, indent=2) + "\n"


def open_data_schema() -> dict[str, Any]:
    """The schema as a dictionary (draft 2020-12; ``version`` is the data's version): a
    fresh copy each time, since validators may rewrite what they are given."""
    data: dict[str, Any] = json.loads(schema_text())
    return data


def main() -> None:
    """Writes the committed copy (or ``-o FILE``), silently: the domain modules do not print."""
    parser = argparse.ArgumentParser(description=msg.HELP_OPEN_DATA_SCHEMA)
    parser.add_argument("-o", "--output", type=Path, default=COMMITTED)
    args = parser.parse_args()
    args.output.write_text(schema_text(), encoding="utf-8")


if __name__ == "__main__":
    main()
