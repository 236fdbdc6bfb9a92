"""The browser editor's configuration is generated from the profile model and the registry:
the committed file is what the command writes, every model field has a form field with a
Vietnamese label, and every registry code is offered with its name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, Field

from dienhinh.editor.config import BODY, NOT_IN_FORM, Choices, _Builder, editor_config
from dienhinh.editor.decap_phrases import DECAP_PHRASES
from dienhinh.records.load import load_registry
from dienhinh.records.model import Exemplar, KnownCode, Record, Visit

from .sample import ROOT, run_main

CONFIG_PATH = ROOT / "editor" / "config.yml"


def registry() -> Any:
    found, _, problems = load_registry(ROOT / "exemplars" / "registry.yml")
    assert found is not None, problems
    return found


def fields_by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in fields}


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def test_committed_config_is_what_the_command_writes(tmp_path: Path) -> None:
    out = tmp_path / "config.yml"
    result = run_main("editor-config", "-o", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_text(encoding="utf-8") == CONFIG_PATH.read_text(encoding="utf-8"), (
        "editor/config.yml is stale: run `.venv/bin/dienhinh editor-config`"
    )


def test_every_model_field_is_in_the_form_with_a_vietnamese_label() -> None:
    config = yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8"))
    exemplars = fields_by_name(collection(config, "exemplars")["fields"])
    expected = [k for k in Exemplar.model_fields if k not in NOT_IN_FORM and k != BODY]
    assert list(exemplars) == [*expected, "body"]
    visits = fields_by_name(collection(config, "visits")["fields"])
    assert list(visits) == [k for k in Visit.model_fields if k not in NOT_IN_FORM]

    def labelled(fields: list[dict[str, Any]]) -> None:
        for item in fields:
            assert item["label"] != item["name"], f"no Vietnamese label for {item['name']}"
            labelled(item.get("fields", []))

    labelled(collection(config, "exemplars")["fields"])
    labelled(collection(config, "visits")["fields"])


def test_registry_codes_are_select_lists_with_vietnamese_labels() -> None:
    config = yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8"))
    fields = fields_by_name(collection(config, "exemplars")["fields"])
    reg = registry()
    assert {"label": "Cá nhân", "value": "individual"} in fields["kind"]["options"]
    assert fields["field"]["widget"] == "select"
    assert [o["value"] for o in fields["field"]["options"]] == [f.code for f in reg.fields]
    assert {"label": "Xóm Bản Quyền", "value": "ban-quyen"} in fields["hamlet"]["options"]
    assert fields["hamlet"]["required"] is False
    assert fields["other_fields"]["multiple"] is True
    criteria = [o["value"] for o in fields["criteria"]["options"]]
    assert criteria[0] == "chung-1" and "kth-1" in criteria
    assert {"label": "Bản nháp", "value": "draft"} in fields["status"]["options"]
    evaluation = fields_by_name(fields["evaluations"]["fields"])
    assert evaluation["year"] == {
        "name": "year", "label": "Năm", "widget": "number", "value_type": "int", "min": 2000, "max": 2100,
    }  # fmt: skip
    assert [o["value"] for o in evaluation["result"]["options"]] == [r.code for r in reg.evaluation_results]
    assert [f["name"] for f in evaluation["figures"]["fields"]] == [f.code for f in reg.figures]
    commendation = fields_by_name(fields["commendations"]["fields"])
    assert commendation["date"]["widget"] == "dh-date" and commendation["date"]["format"] == "YYYY-MM-DD"
    assert [o["value"] for o in commendation["level"]["options"]] == [c.code for c in reg.commendation_levels]
    photo = fields_by_name(fields["photos"]["fields"])
    assert photo["file"]["widget"] == "image"
    photo_fields = [f["name"] for f in fields["photos"]["fields"]]
    assert photo_fields == ["file", "caption", "credit", "alt", "cover", "people"]
    consent = fields_by_name(fields["consent"]["fields"])
    assert consent["given"]["widget"] == "boolean" and consent["given"]["required"] is False
    assert fields["summary"]["pattern"][0] == "^[\\s\\S]{0,400}$"
    stops = fields_by_name(fields_by_name(collection(config, "visits")["fields"])["stops"]["fields"])
    assert stops["exemplar"]["widget"] == "relation" and stops["exemplar"]["collection"] == "exemplars"
    assert config["locale"] == "vi"
    assert config["backend"] == {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}


class FutureRecord(Record):
    """A record the model might grow: the form follows by itself."""

    level: Annotated[str, AfterValidator(KnownCode("commendation_levels"))]
    year: Annotated[int, Field(ge=2000)]
    decided: dt.date | None = None
    congress: str


def test_a_new_model_field_gets_its_widget_from_its_type() -> None:
    builder = _Builder(Choices.of(registry()))
    fields = fields_by_name(builder.fields(FutureRecord))
    assert fields["level"]["widget"] == "select"
    assert fields["level"]["options"][0] == {"label": registry().commendation_levels[0].name, "value": "xa"}
    assert fields["year"] == {
        "name": "year",
        "label": "year",
        "widget": "number",
        "value_type": "int",
        "min": 2000,
    }
    assert fields["decided"]["widget"] == "dh-date" and fields["decided"]["required"] is False
    assert fields["congress"]["widget"] == "string"


def test_config_follows_the_registry() -> None:
    reg = registry()
    smaller = reg.model_copy(update={"hamlets": reg.hamlets[:2]})
    fields = fields_by_name(collection(editor_config(smaller), "exemplars")["fields"])
    assert [o["value"] for o in fields["hamlet"]["options"]] == [h.code for h in reg.hamlets[:2]]


def test_decap_phrases_say_save_not_publish() -> None:
    toolbar = DECAP_PHRASES["editor"]["editorToolbar"]
    assert isinstance(toolbar, dict)
    assert toolbar["publish"] == "Lưu" and toolbar["publishNow"] == "Lưu"


def test_git_host_config_for_several_computers(project: Path) -> None:
    out = project / "editor" / "config-git.yml"
    result = run_main("editor-config", "--backend", "gitea", "--repo", "xa-diem-mac/dien-hinh",
                     "--base-url", "https://git.example.vn/", "--app-id", "abc-123", cwd=project)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert config["backend"] == {
        "name": "gitea", "repo": "xa-diem-mac/dien-hinh", "branch": "main", "auth_type": "pkce",
        "app_id": "abc-123", "base_url": "https://git.example.vn", "api_root": "https://git.example.vn/api/v1",
    }  # fmt: skip
    local = yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8"))
    assert config["collections"] == local["collections"]
    missing = run_main("editor-config", "--backend", "github", cwd=project)
    assert missing.returncode == 1 and "--repo" in missing.stdout
