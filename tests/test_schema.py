"""``dienhinh schema``: the exported JSON Schema accepts every sample profile and rejects
what ``check`` rejects for the same reason (codes, keys, dates)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, FormatChecker

from dienhinh.records.load import exemplar_folders, parse_yaml, read_text, split_front_matter

from .sample import ROOT, run_main

SCHEMA_PATH = ROOT / "schema" / "exemplar.schema.json"
SAMPLE_SHEET = ROOT / "samples" / "dang-ky-mau.xlsx"


def validator() -> Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=FormatChecker())


def front_matter(folder: Path) -> dict[str, Any]:
    """The front matter as the editor wrote it (dates stay text, as in the loader)."""
    path = folder / "index.md"
    text, problems = read_text(path)
    assert text is not None, problems
    parts = split_front_matter(text, path)
    assert isinstance(parts, tuple)
    source, problems = parse_yaml(parts[0], path, first_line=2)
    assert source is not None and problems == []
    assert isinstance(source.data, dict)
    return source.data


def errors(data: dict[str, Any]) -> list[str]:
    return sorted(
        f"{'/'.join(map(str, e.absolute_path))}: {e.validator}" for e in validator().iter_errors(data)
    )


def test_committed_schema_is_what_the_command_writes(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    result = run_main("schema", "-o", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_text(encoding="utf-8") == SCHEMA_PATH.read_text(encoding="utf-8")


SAMPLES = exemplar_folders(ROOT / "exemplars")


@pytest.mark.parametrize("folder", SAMPLES, ids=[f.name for f in SAMPLES])
def test_every_sample_profile_validates(folder: Path) -> None:
    assert errors(front_matter(folder)) == []


def test_sample_set_is_the_whole_sample() -> None:
    assert len(SAMPLES) == 21


def test_schema_offers_and_enforces_registry_codes() -> None:
    data = front_matter(ROOT / "exemplars" / "doi-che-ban-quyen")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert "kinh-te-ho" in schema["properties"]["field"]["enum"]
    assert "slug" not in schema["properties"] and "story" not in schema["properties"]
    assert errors({**data, "field": "kinh-te"}) == ["field: enum"]
    assert errors({**data, "hamlet": "ban-quye"}) == ["hamlet: anyOf"]
    assert errors({**data, "nmae": "x"}) == [": additionalProperties"]
    assert errors({**data, "registered": "2022-02-30"}) == ["registered: format"]
    assert errors({**data, "kind": "tap-the"}) == ["kind: enum"]
    bad_figure = [{"year": 2022, "result": "tot", "figures": {"thu-nhap": 1}}]
    assert errors({**data, "evaluations": bad_figure}) == ["evaluations/0/figures: enum"]
    missing = {k: v for k, v in data.items() if k != "summary"}
    assert errors(missing) == [": required"]


def test_drafts_from_new_and_import_validate(project: Path) -> None:
    assert run_main("import", str(SAMPLE_SHEET), cwd=project).returncode == 0
    made = run_main("new", "--name", "Mô hình thử", "--kind", "model", "--field", "giao-duc",
                   "--hamlet", "na-a", cwd=project)  # fmt: skip
    assert made.returncode == 0
    new_folders = set(exemplar_folders(project / "exemplars")) - {
        project / "exemplars" / f.name for f in SAMPLES
    }
    assert len(new_folders) == 6
    for folder in new_folders:
        assert errors(front_matter(folder)) == [], folder.name
