"""Schema and cross-checks: each mistake is named with its file, line and field."""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path

import pytest

from dienhinh.records import validate
from dienhinh.records.catalog import load_catalog
from dienhinh.records.load import load_registry, read_exemplar
from dienhinh.records.model import Registry
from dienhinh.records.problems import Severity
from dienhinh.records.settings import Settings
from dienhinh.records.validate import (
    PROFILE_RULES,
    REGISTRY_RULES,
    ProfileContext,
    ProfileRule,
    check_exemplar,
    check_registry,
)

from .sample import ROOT, run_main

GOOD = """---
name: Mô hình thử nghiệm
kind: model
field: chuyen-doi-so
hamlet: dong-tam
registered: 2022-05-01
summary: Một mô hình để kiểm thử.
criteria: [cds-1, chung-2]
status: published
---

## Cách làm

a

## Kết quả

b

## Bài học kinh nghiệm

c
"""


def write_profile(project: Path, slug: str, text: str) -> Path:
    folder = project / "exemplars" / slug
    folder.mkdir()
    (folder / "index.md").write_text(text, encoding="utf-8")
    return folder / "index.md"


def problems_for(project: Path, slug: str, today: dt.date = dt.date(2026, 1, 1)):
    catalog = load_catalog(Settings.from_mkdocs_yml(project / "mkdocs.yml"), today=today)
    return [p for p in catalog.problems if p.file.parent.name == slug], catalog


def test_sample_data_is_clean(project: Path) -> None:
    catalog = load_catalog(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    assert catalog.ok, [p.format() for p in catalog.problems if p.severity is Severity.error]
    assert len(catalog.exemplars) >= 20
    assert len(catalog.public) < len(catalog.exemplars)  # a draft and a non-consented individual


def test_good_profile_has_no_problems(project: Path) -> None:
    write_profile(project, "mo-hinh-thu", GOOD)
    problems, catalog = problems_for(project, "mo-hinh-thu")
    assert problems == []
    assert "mo-hinh-thu" in {e.slug for e in catalog.public}


def test_unknown_code_lists_valid_codes_and_suggests(project: Path) -> None:
    write_profile(project, "mo-hinh-thu", GOOD.replace("field: chuyen-doi-so", "field: chuyen-doi"))
    problems, _ = problems_for(project, "mo-hinh-thu")
    [problem] = [p for p in problems if p.field == "field"]
    assert problem.line == 4
    assert "“chuyen-doi”" in problem.message and "Có phải ý bạn là “chuyen-doi-so”" in problem.message
    assert "nong-thon-moi" in problem.message  # the valid codes are listed


def test_unknown_key_suggests_the_right_one(project: Path) -> None:
    write_profile(project, "mo-hinh-thu", GOOD.replace("summary:", "sumary:"))
    problems, _ = problems_for(project, "mo-hinh-thu")
    fields = {p.field: p for p in problems}
    assert "Có phải ý bạn là “summary”" in fields["sumary"].message
    assert fields["sumary"].line == 7
    assert fields["summary"].message == "Thông tin bắt buộc này còn để trống."


def test_criterion_of_another_field_is_an_error(project: Path) -> None:
    write_profile(project, "mo-hinh-thu", GOOD.replace("[cds-1, chung-2]", "[cds-1, gd-1]"))
    problems, _ = problems_for(project, "mo-hinh-thu")
    assert [(p.line, p.field) for p in problems] == [(8, "criteria[1]")]


def test_nested_errors_point_at_their_item(project: Path) -> None:
    text = GOOD.replace(
        "status: published\n",
        "status: published\nevaluations:\n  - year: 2022\n    result: tot\n"
        "  - year: 2023\n    result: giỏi\n    figures: {income: nhiều}\n",
    )
    write_profile(project, "mo-hinh-thu", text)
    problems, _ = problems_for(project, "mo-hinh-thu")
    found = {(p.line, p.field) for p in problems}
    assert found == {(14, "evaluations[1].result"), (15, "evaluations[1].figures.income")}


def test_future_and_late_dates(project: Path) -> None:
    # 1 March 2024 is before that year's deadline (30/6/2024): only "in the future" on 1/1/2024.
    write_profile(project, "mo-hinh-thu", GOOD.replace("2022-05-01", "2024-03-01"))
    problems, _ = problems_for(project, "mo-hinh-thu", today=dt.date(2024, 1, 1))
    assert [(p.field, p.severity) for p in problems] == [("registered", Severity.error)]
    problems, _ = problems_for(project, "mo-hinh-thu", today=dt.date(2025, 1, 1))
    assert problems == []
    write_profile(project, "mo-hinh-muon", GOOD.replace("2022-05-01", "2024-07-01").replace("thử", "muộn"))
    problems, _ = problems_for(project, "mo-hinh-muon", today=dt.date(2025, 1, 1))
    assert [(p.field, p.severity) for p in problems] == [("registered", Severity.warning)]
    assert "sau hạn đăng ký năm 2024 (“2024-06-30”)" in problems[0].message


def test_individual_needs_consent_to_publish(project: Path) -> None:
    individual = GOOD.replace("kind: model", "kind: individual")
    write_profile(project, "ca-nhan-thu", individual)
    problems, catalog = problems_for(project, "ca-nhan-thu")
    assert [p.field for p in problems] == ["consent"]
    assert not catalog.ok


def test_individual_without_consent_is_valid_but_hidden(project: Path) -> None:
    text = GOOD.replace("kind: model", "kind: individual").replace(
        "status: published", "status: published\nconsent: {given: false}"
    )
    write_profile(project, "ca-nhan-thu", text)
    problems, catalog = problems_for(project, "ca-nhan-thu")
    assert problems == []
    assert "ca-nhan-thu" not in {e.slug for e in catalog.public}


def test_link_to_missing_profile_is_an_error(project: Path) -> None:
    write_profile(project, "mo-hinh-thu", GOOD.replace("\nb\n", "\nXem [mô hình](../khong-co/index.md).\n"))
    problems, _ = problems_for(project, "mo-hinh-thu")
    assert [(p.line, p.field) for p in problems] == [(18, "story")]
    assert "khong-co" in problems[0].message


def test_check_reports_three_problems_in_vietnamese_without_traceback(project: Path) -> None:
    """Must-show 3: unknown field code, bad date and missing required field, all at once."""
    bad = GOOD.replace("field: chuyen-doi-so", "field: nong-thon").replace("2022-05-01", "2022-02-30")
    bad = bad.replace("summary: Một mô hình để kiểm thử.\n", "")
    path = write_profile(project, "ho-so-loi", bad)
    result = run_main("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "ho-so-loi" in line]
    rel = path.relative_to(project)
    assert lines == [
        f"{rel}:2: LỖI [summary]: Thông tin bắt buộc này còn để trống.",
        f"{rel}:4: LỖI [field]: " + lines[1].split("[field]: ", 1)[1],
        f"{rel}:6: LỖI [registered]: Ngày “2022-02-30” không hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY,"
        " ví dụ 2022-06-15, và phải là ngày có thật.",
    ]
    assert "Mã lĩnh vực “nong-thon” không có trong danh mục" in lines[1]
    assert "Có 3 lỗi" in result.stdout


def test_check_exits_zero_on_sample(project: Path) -> None:
    result = run_main("check", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "Không có lỗi" in result.stdout
    assert "CẢNH BÁO" in result.stdout  # late registrations are warned about, not fatal


def test_broken_registry_is_reported_not_raised(project: Path) -> None:
    registry = project / "exemplars" / "registry.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace('color: "#2e7d32"', "color: green"), encoding="utf-8"
    )
    result = run_main("check", cwd=project)
    assert result.returncode == 1
    assert "exemplars/registry.yml:" in result.stdout and "fields[1].color" in result.stdout
    assert "Traceback" not in result.stderr


# --- the rules of one profile ------------------------------------------------------------

SAMPLE_REGISTRY, _, _ = load_registry(ROOT / "exemplars" / "registry.yml")
assert SAMPLE_REGISTRY is not None
# The sample, with its current period open to every field but chuyen-doi-so: a period may
# choose its fields (fields_open_in_period).
_data = SAMPLE_REGISTRY.model_dump()
_data["periods"][1]["fields"] = [f.code for f in SAMPLE_REGISTRY.fields if f.code != "chuyen-doi-so"]
REGISTRY: Registry | None = Registry.model_validate(_data)
TODAY = dt.date(2026, 1, 1)
# One mistake per rule: (text replaced in GOOD, its replacement, field of the first problem).
RULE_CASES: dict[ProfileRule, tuple[str, str, str]] = {
    validate.criteria_of_own_fields: ("[cds-1, chung-2]", "[cds-1, gd-1]", "criteria[1]"),
    validate.other_fields_not_main: ("status:", "other_fields: [chuyen-doi-so]\nstatus:", "other_fields[0]"),
    validate.codes_listed_once: ("[cds-1, chung-2]", "[cds-1, chung-2, cds-1]", "criteria[2]"),
    validate.hamlet_or_organization: ("hamlet: dong-tam\n", "", "hamlet"),
    validate.replication_in_one_place: (
        "status:",
        "replications: [{year: 2023, units: 3}]\nstatus:",
        "replications[0]",
    ),
    validate.published_individual_consented: ("kind: model", "kind: individual", "consent"),
    validate.consent_dated: ("kind: model", "kind: individual\nconsent: {given: true}", "consent.date"),
    validate.consent_only_for_individuals: ("status:", "consent: {given: false}\nstatus:", "consent"),
    validate.photo_people_consented: (
        "status:",
        "photos: [{file: anh.jpg, caption: Ảnh, people: {uses: []}}]\nstatus:",
        "photos[0].people",
    ),
    validate.consent_of_a_minor: (
        "kind: model",
        "kind: individual\nconsent: {uses: [website], date: 2025-05-01, minor: {born: 2015,"
        " representative_consent: true}}",
        "consent.minor.child_consent",
    ),
    validate.dates_not_in_future: ("2022-05-01", "2099-05-01", "registered"),
    validate.years_not_in_future: (
        "status:",
        "evaluations: [{year: 2099, result: tot}]\nstatus:",
        "evaluations[0].year",
    ),
    validate.one_evaluation_per_year: (
        "status:",
        "evaluations: [{year: 2023, result: tot}, {year: 2023, result: tot}]\nstatus:",
        "evaluations[1].year",
    ),
    validate.registered_in_a_period: ("2022-05-01", "2019-05-01", "registered"),
    validate.registered_by_deadline: ("2022-05-01", "2022-08-01", "registered"),
    validate.fields_open_in_period: ("2022-05-01", "2026-05-01", "field"),
    validate.nomination_to_congress_or_award: (
        "status:",
        "nominations: [{level: province, year: 2024}]\nstatus:",
        "nominations[0]",
    ),
    validate.aliases_usable: ("status:", "aliases: [trang-2]\nstatus:", "aliases[0]"),
    validate.story_has_sections: ("## Kết quả", "## Thành quả", "story"),
    validate.names_without_personal_data: (
        "status:",
        "aliases: [trang-cu-0912345678]\nstatus:",
        "aliases[0]",
    ),
}


def read_profile(folder: Path, text: str) -> ProfileContext:
    folder.mkdir()
    (folder / "index.md").write_text(text, encoding="utf-8")
    assert REGISTRY is not None
    record, source, problems = read_exemplar(folder, REGISTRY)
    assert record is not None and source is not None, problems
    return ProfileContext(record, source, REGISTRY, TODAY)


def test_every_rule_has_a_mistake_to_catch() -> None:
    assert set(RULE_CASES) == set(PROFILE_RULES)
    assert len(set(PROFILE_RULES)) == len(PROFILE_RULES)


@pytest.mark.parametrize(
    ("checked", "rules"),
    [("ProfileContext", PROFILE_RULES), ("Registry", REGISTRY_RULES)],
    ids=["profile", "registry"],
)
def test_every_rule_written_in_validate_is_applied(checked: str, rules: tuple[object, ...]) -> None:
    """A rule written but left out of PROFILE_RULES would never run."""
    written = {
        function
        for _, function in inspect.getmembers(validate, inspect.isfunction)
        if function.__module__ == validate.__name__
        and [p.annotation for p in inspect.signature(function).parameters.values()] == [checked]
    }
    assert written == set(rules)


@pytest.mark.parametrize("rule", PROFILE_RULES, ids=lambda rule: rule.__name__)
def test_each_rule_is_run_by_check_exemplar(rule: ProfileRule, tmp_path: Path) -> None:
    good = read_profile(tmp_path / "tot", GOOD)
    assert list(rule(good)) == []
    old, new, field = RULE_CASES[rule]
    assert old in GOOD
    ctx = read_profile(tmp_path / "loi", GOOD.replace(old, new, 1))
    found = list(rule(ctx))
    assert [p.field for p in found][:1] == [field]
    problems = check_exemplar(ctx.exemplar, ctx.source, ctx.registry, ctx.today)
    assert all(p in problems for p in found)


def test_check_exemplar_lists_its_rules_problems_in_rule_order(tmp_path: Path) -> None:
    text = (
        GOOD.replace("[cds-1, chung-2]", "[cds-1, gd-1, cds-1]")
        .replace("hamlet: dong-tam\n", "")
        .replace("2022-05-01", "2026-08-01")
        .replace("## Kết quả", "## Thành quả")
        .replace(
            "status: published\n",
            "status: published\nother_fields: [chuyen-doi-so]\nconsent: {given: false}\n"
            "replications: [{year: 2099, units: 3}]\n"
            "evaluations: [{year: 2023, result: tot}, {year: 2023, result: tot}]\n"
            "nominations: [{level: national, year: 2026}]\naliases: [nhieu-loi, so-0912345678]\n",
        )
    )
    ctx = read_profile(tmp_path / "nhieu-loi", text)
    problems = check_exemplar(ctx.exemplar, ctx.source, ctx.registry, ctx.today)
    assert problems == [p for rule in PROFILE_RULES for p in rule(ctx)]
    fired = {rule.__name__ for rule in PROFILE_RULES if list(rule(ctx))}
    # All but the two consent rules of individuals, and registered_in_a_period: 1 August 2026
    # is in a period (and after its year's deadline, and in the future on 1 January 2026).
    assert fired == {r.__name__ for r in PROFILE_RULES} - {
        "published_individual_consented",
        "consent_dated",
        "consent_of_a_minor",
        "photo_people_consented",
        "registered_in_a_period",
    }


def test_registry_rules_report_each_mistake_at_its_line(tmp_path: Path) -> None:
    text = (ROOT / "exemplars" / "registry.yml").read_text(encoding="utf-8")
    text = text.replace("code: ban-pieng,", "code: ban-quyen,")  # hamlets[1]
    text = text.replace("- id: chung-2", "- id: chung-1")  # general_criteria[1]
    text = text.replace("name: Trạm Y tế xã, kind: co-quan", "name: Trạm Y tế xã, kind: y-te")
    path = tmp_path / "registry.yml"
    path.write_text(text, encoding="utf-8")
    registry, source, problems = load_registry(path)
    assert registry is not None and problems == []
    found = check_registry(registry, source, path)
    lines = text.split("\n")
    # The lines the edits above landed on, found in the text (not the loader's numbers).
    hamlet = [i for i, line in enumerate(lines, 1) if "code: ban-quyen," in line][1]
    criterion = [i for i, line in enumerate(lines, 1) if line.strip() == "- id: chung-1"][1]
    organization = next(i for i, line in enumerate(lines, 1) if "kind: y-te" in line)
    assert [(p.line, p.field) for p in found] == [
        (hamlet, "hamlets[1].code"),
        (criterion, "general_criteria[1].id"),
        (organization, "organizations[12].kind"),
    ]
    assert "Mã “ban-quyen” bị lặp trong danh sách xóm" in found[0].message
    assert "Mã loại tổ chức “y-te” không có trong danh mục" in found[2].message
    sample, sample_source, _ = load_registry(ROOT / "exemplars" / "registry.yml")
    assert sample is not None and check_registry(sample, sample_source, path) == []
