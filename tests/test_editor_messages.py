"""Every message the editor shows an officer names the form's labels: no model key
(``private_notes``, ``consent``…), no YAML (``{given: true}``), no English library text.
The walk: one mistake per profile rule (test_validate's table), the loader's mistakes, the
privacy check and a visit's mistakes, each through the editor's backend as the form shows it."""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from dienhinh.editor.backend import _described
from dienhinh.editor.config import _unwrap, field_labels
from dienhinh.messages import editor as editor_msg
from dienhinh.records import validate
from dienhinh.records.model import Exemplar, Visit
from dienhinh.records.problems import Problem

from .test_editor_backend import backend, persist
from .test_validate import GOOD, RULE_CASES, read_profile


def _keys(model: type[BaseModel], found: set[str]) -> set[str]:
    for name, info in model.model_fields.items():
        found.add(name)
        base = _unwrap(info.annotation, tuple(info.metadata)).base
        if isinstance(base, type) and issubclass(base, BaseModel):
            _keys(base, found)
    return found


MODEL_KEYS = _keys(Exemplar, set()) | _keys(Visit, set())
# Words a Vietnamese sentence never holds unless it leaks a key, YAML or an English library.
_LEAKS = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, MODEL_KEYS), key=len, reverse=True)) + r")\b"
    r"|[{}]|\b(true|false|null|registry|exemplars/|Error|errno|Traceback)\b"
)


def leaks(text: str) -> list[str]:
    return [m.group(0) for m in _LEAKS.finditer(text)]


def shown(problems: list[Problem], root: Path) -> list[str]:
    labels = {**field_labels(Exemplar), "story": editor_msg.EDITOR_LABELS["Exemplar.story"]}
    found = []
    for problem in problems:
        described: dict[str, Any] = _described(problem, root, labels)
        found += [described["label"], described["message"]]
    return found


def test_the_model_keys_are_known() -> None:
    assert {"private_notes", "public_contacts", "consent", "hamlet", "organization", "stops"} <= MODEL_KEYS
    assert leaks("chuyển vào private_notes") == ["private_notes"]
    assert leaks("consent: {given: true, date: 2022-06-15}") == ["consent", "{", "given", "true", "date", "}"]
    assert leaks("Chuyển vào “Ghi chú nội bộ (không công bố)”.") == []


@pytest.mark.parametrize("rule", list(RULE_CASES), ids=lambda rule: rule.__name__)
def test_each_rule_speaks_the_forms_words(rule: validate.ProfileRule, tmp_path: Path) -> None:
    old, new, _ = RULE_CASES[rule]
    ctx = read_profile(tmp_path / "loi", GOOD.replace(old, new, 1))
    texts = shown(list(rule(ctx)), tmp_path)
    assert texts
    assert [t for t in texts if leaks(t)] == []


def test_personal_data_names_the_forms_boxes(tmp_path: Path) -> None:
    ctx = read_profile(tmp_path / "loi", GOOD.replace("## Kết quả", "Gọi 0912 345 678.\n\n## Kết quả"))
    problems = validate.check_personal_data(ctx.exemplar, ctx.source)
    texts = shown(problems, tmp_path)
    assert problems and [t for t in texts if leaks(t)] == []
    assert "“Ghi chú nội bộ (không công bố)”" in texts[1] and "“Liên hệ được công bố”" in texts[1]


PROFILE = """---
name: Tổ hợp tác thử nghiệm (minh họa)
kind: {kind}
field: kinh-te-ho
{extra}registered: 2022-06-10
summary: Tổ hợp tác nuôi ong lấy mật.
status: published
---
## Cách làm

Nuôi ong.
"""
MISTAKES = {
    "no hamlet nor organization": ("collective", ""),
    "individual without consent": ("individual", "hamlet: na-a\n"),
    "consent without date": ("individual", "hamlet: na-a\nconsent: {given: true}\n"),
    "consent of a collective": ("collective", "hamlet: na-a\nconsent: {given: true, date: 2022-06-12}\n"),
    "replication in two places": ("collective", "hamlet: na-a\nreplications: [{hamlet: na-a, place: B}]\n"),
    "nomination without congress": ("collective", "hamlet: na-a\nnominations: [{level: province}]\n"),
    "missing summary": ("collective", "hamlet: na-a\nsummary:\n"),
    "phone in the story": ("collective", "hamlet: na-a\n"),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_save_through_the_editor_speaks_the_forms_words(project: Path, mistake: str) -> None:
    kind, extra = MISTAKES[mistake]
    raw = PROFILE.format(kind=kind, extra=extra)
    if mistake == "missing summary":
        raw = raw.replace("summary: Tổ hợp tác nuôi ong lấy mật.\n", "")
    if mistake == "phone in the story":
        raw += "\nLiên hệ 0912 345 678.\n"
    reply = persist(backend(project), raw, [], "exemplars/to-hop-tac-thu-nghiem-minh-hoa/index.md", new=True)
    items = [*reply.body.get("problems", []), *reply.body.get("warnings", [])]
    texts = [reply.body.get("error", "")] + [t for item in items for t in (item["label"], item["message"])]
    assert len(items) >= 1, reply.body
    assert [t for t in texts if leaks(t)] == [], reply.body


def test_a_visit_without_stops_speaks_the_forms_words(project: Path) -> None:
    raw = "title: Tham quan thử\ndate: 2024-05-01\norganizer: Hội Nông dân xã\nstops: []\n"
    reply = persist(backend(project), raw, [], "visits/tham-quan-thu.yml", new=True)
    items = [*reply.body.get("problems", []), *reply.body.get("warnings", [])]
    assert items, reply.body
    assert [t for item in items for t in (item["label"], item["message"]) if leaks(t)] == []


def test_the_forms_own_words_hold_no_keys() -> None:
    texts: list[str] = [*editor_msg.EDITOR_LABELS.values(), *editor_msg.EDITOR_HINTS.values()]
    texts += [v for v in editor_msg.EDITOR_UI.values() if isinstance(v, str)]
    assert [t for t in texts if leaks(t)] == []
    assert typing.get_type_hints(Visit)  # the visit's keys are walked too


def test_publish_lines_in_the_editor_lose_the_keys_in_brackets() -> None:
    from dienhinh.editor.publishing import plain

    line = "exemplars/registry.yml:161: CẢNH BÁO [hamlets[1]]: Xóm Làng Tre chưa có điển hình."
    assert plain(line) == "exemplars/registry.yml:161: CẢNH BÁO: Xóm Làng Tre chưa có điển hình."
    assert plain("Đã gửi 3 tệp [xem lại]: xong") == "Đã gửi 3 tệp [xem lại]: xong"


def test_publish_lines_in_the_editor_name_no_command_line_option() -> None:
    from dienhinh.editor.publishing import plain
    from dienhinh.messages import publish as publish_msg

    names = "branch commit config count example files folder host kept key manifest name now path port"
    names += " profiles reason registry release remote removed root sent share site size target targets user"
    values = dict.fromkeys((names + " was where").split(), "x")
    for name, text in vars(publish_msg).items():
        if name.isupper() and isinstance(text, str) and name != "GHP_COMMIT_MESSAGE":
            shown = plain(text.format(**values) if "{" in text else text)
            assert "--" not in shown and "dienhinh publish" not in shown, (name, shown)
