"""Plan periods: a registration belongs to the period holding its date and is late only after
its own year's deadline, in the checks and in the report alike; the previous registry format
still loads; a reversed or overlapping period is a Vietnamese error at its line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienhinh.records import periods
from dienhinh.records.catalog import load_catalog
from dienhinh.records.load import load_registry
from dienhinh.records.model import Registry
from dienhinh.records.problems import Severity
from dienhinh.records.settings import Settings
from dienhinh.records.validate import check_registry
from dienhinh.staff.report import build_overview

from .sample import ROOT, run_main
from .test_validate import GOOD, write_profile

PREVIOUS_FORMAT = Path(__file__).parent / "fixtures" / "registry-v1.yml"
TODAY = dt.date(2026, 12, 1)
CURRENT_SLUG = "to-giup-lam-thu-tuc-tren-dien-thoai-dong-tam-minh-hoa"


def registry_at(path: Path) -> Registry:
    registry, _, problems = load_registry(path)
    assert registry is not None, problems
    return registry


SAMPLE = registry_at(ROOT / "exemplars" / "registry.yml")
PREVIOUS = registry_at(PREVIOUS_FORMAT)


def catalog_of(project: Path):  # type: ignore[no-untyped-def]
    return load_catalog(Settings.from_mkdocs_yml(project / "mkdocs.yml"), today=TODAY)


# --- the judge of lateness ------------------------------------------------------------------


@pytest.mark.parametrize("registry", [SAMPLE, PREVIOUS], ids=["periods", "previous-format"])
def test_a_2023_registration_is_judged_by_30_june_2023(registry: Registry) -> None:
    """The bug this fixes: with one deadline (30/6/2022) for the whole plan, every 2023
    registration was 316–366 days late."""
    on_time = periods.registration(registry, dt.date(2023, 6, 30))
    assert not on_time.late and on_time.deadline == dt.date(2023, 6, 30)
    assert on_time.period is not None and on_time.period.years == (2022, 2025)
    assert not periods.registration(registry, dt.date(2023, 1, 5)).late
    late = periods.registration(registry, dt.date(2023, 7, 1))
    assert late.late and late.days_late == 1
    assert periods.registration(registry, dt.date(2022, 7, 12)).days_late == 12


def test_each_period_has_its_years_deadlines_and_current() -> None:
    assert [p.code for p in SAMPLE.plan_periods] == ["2022-2025", "2026-2030"]
    assert SAMPLE.current is not None and SAMPLE.current.code == "2026-2030"
    late_2026 = periods.registration(SAMPLE, dt.date(2026, 7, 2))
    assert late_2026.period is SAMPLE.current and late_2026.days_late == 2
    outside = periods.registration(SAMPLE, dt.date(2019, 9, 1))
    assert outside.period is None and not outside.late
    assert list(periods.evaluation_years(SAMPLE, dt.date(2024, 3, 1), 2027)) == [2024, 2025]
    assert list(periods.evaluation_years(SAMPLE, dt.date(2026, 5, 1), 2027)) == [2026, 2027]


def test_lateness_in_check_and_report_agree(project: Path) -> None:
    """One judge: `check` warns and the report lists exactly the same registrations, 2023
    ones judged by 30/6/2023."""
    write_profile(project, "dung-han-2023", GOOD.replace("2022-05-01", "2023-06-29").replace("thử", "A"))
    write_profile(project, "muon-2023", GOOD.replace("2022-05-01", "2023-07-03").replace("thử", "B"))
    catalog = catalog_of(project)
    assert catalog.registry is not None
    warned = {
        p.file.parent.name
        for p in catalog.problems
        if p.field == "registered" and p.severity is Severity.warning
    }
    overview = build_overview(catalog.registry, catalog.exemplars, TODAY)
    reported = {x.slug: x.days_late for x in overview.late}
    assert warned == set(reported)
    assert reported["muon-2023"] == 3 and "dung-han-2023" not in reported
    result = run_main("report", "--xlsx", str(project / "bao-cao.xlsx"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    sheet = load_workbook(project / "bao-cao.xlsx")["Đăng ký muộn"]
    header = int(sheet.print_title_rows.split(":")[0].lstrip("$"))
    names = {x.name: x.slug for x in overview.late}
    late = {
        names.get(r[1], r[1]): (r[3].date(), r[4])
        for r in sheet.iter_rows(min_row=header + 1, values_only=True)
    }
    assert late["muon-2023"] == (dt.date(2023, 6, 30), 3) and "dung-han-2023" not in late


# --- migration ----------------------------------------------------------------------------


def test_previous_format_loads_as_one_period() -> None:
    registry, source, problems = load_registry(PREVIOUS_FORMAT)
    assert registry is not None and problems == []
    assert check_registry(registry, source, PREVIOUS_FORMAT) == []
    (only,) = registry.plan_periods
    assert (only.code, only.name, only.years) == ("2022-2025", "Giai đoạn 2022 – 2025", (2022, 2025))
    assert only.title == registry.commune.plan_title and registry.current is only
    # Written before 1 July 2025: the district is still part of the address.
    assert registry.commune.full_name == "xã Điềm Mặc, huyện Định Hóa, tỉnh Thái Nguyên"
    assert SAMPLE.commune.full_name == "xã Điềm Mặc, tỉnh Thái Nguyên"


def test_existing_profiles_stay_valid_with_the_previous_registry(project: Path) -> None:
    """The profiles of 2022–2025, unedited, against the registry as it was: `check` passes and
    the site builds; the one profile of the new period is the only one that needs the new one."""
    shutil.copy(PREVIOUS_FORMAT, project / "exemplars" / "registry.yml")
    shutil.rmtree(project / "exemplars" / CURRENT_SLUG)
    result = run_main("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sau hạn đăng ký năm 2022 (“2022-06-30”)" in result.stdout
    result = run_main("build", "-d", str(project / "out"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (project / "out" / "index.html").read_text(encoding="utf-8")
    assert "huyện Định Hóa" in home and "Giai đoạn 2022 – 2025" not in home  # one period: no period UI


# --- mistakes in the registry's periods --------------------------------------------------------


def edit_registry(project: Path, old: str, new: str) -> str:
    path = project / "exemplars" / "registry.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), 1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "years: [2026, 2030]",
            "years: [2030, 2026]",
            "periods[1].years",
            "Năm bắt đầu (2030) sau năm kết thúc",
        ),
        (
            "years: [2026, 2030]",
            "years: [2025, 2030]",
            "periods[1].years",
            "Giai đoạn 2026 – 2030 trùng năm với giai đoạn 2022 – 2025",
        ),
        (
            "deadlines: [2022-06-30]",
            "deadlines: [2021-12-31]",
            "periods[0].deadlines[0]",
            "không thuộc năm nào",
        ),
        (
            "current_period: 2026-2030",
            "current_period: 2026-2031",
            "current_period",
            "Mã giai đoạn “2026-2031”",
        ),
        (
            "      chuyen-doi-so:\n",
            "      chuyen-doi-so-moi:\n",
            "periods[1].criteria.chuyen-doi-so-moi",
            "lĩnh vực",
        ),
        (
            "  province: tỉnh Thái Nguyên\n",
            "  province: tỉnh Thái Nguyên\n  registration_deadline: 2022-06-30\n",
            "commune.registration_deadline",
            "hãy bỏ “registration_deadline”",
        ),
    ],
    ids=["reversed", "overlapping", "deadline-outside", "unknown-current", "unknown-field", "both-formats"],
)
def test_period_mistakes_are_vietnamese_errors_at_their_line(
    project: Path, old: str, new: str, field: str, message: str
) -> None:
    text = edit_registry(project, old, new)
    result = run_main("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    line = line_of(text, new.strip().split("\n")[-1])
    expected = f"exemplars/registry.yml:{line}: LỖI [{field}]: "
    found = [out for out in result.stdout.splitlines() if out.startswith(expected)]
    assert found and message in found[0], result.stdout


def test_a_reversed_plan_period_of_the_previous_format_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "registry.yml"
    text = PREVIOUS_FORMAT.read_text(encoding="utf-8").replace("[2022, 2025]", "[2025, 2022]")
    path.write_text(text, encoding="utf-8")
    registry, source, _ = load_registry(path)
    assert registry is not None
    found = check_registry(registry, source, path)
    assert [(p.line, p.field) for p in found] == [(line_of(text, "plan_period:"), "commune.plan_period")]


# --- fields and criteria per period --------------------------------------------------------------


def test_criteria_a_period_adds_count_only_in_that_period(project: Path) -> None:
    """cds-4 and chung-6 belong to 2026–2030: cited by a 2022 profile they are errors."""
    with_new = GOOD.replace("[cds-1, chung-2]", "[cds-1, cds-4, chung-6]")
    write_profile(project, "cu-2022", with_new.replace("thử", "cũ"))
    write_profile(project, "moi-2026", with_new.replace("2022-05-01", "2026-05-04").replace("thử", "mới"))
    problems = [p for p in catalog_of(project).problems if p.severity is Severity.error]
    assert [(p.file.parent.name, p.field) for p in problems] == [
        ("cu-2022", "criteria[1]"),
        ("cu-2022", "criteria[2]"),
    ]
    assert "Các tiêu chí hợp lệ" in problems[0].message and "cds-4" not in problems[0].message.split(":")[-1]


def test_a_period_may_open_only_some_fields(project: Path) -> None:
    edit_registry(
        project,
        "    # Tiêu chí bổ sung cho giai đoạn này (minh họa).\n",
        "    fields: [kinh-te-ho, chuyen-doi-so]\n",
    )
    write_profile(
        project,
        "giao-duc-2026",
        GOOD.replace("2022-05-01", "2026-05-04").replace("chuyen-doi-so", "giao-duc"),
    )
    problems = [p for p in catalog_of(project).problems if p.file.parent.name == "giao-duc-2026"]
    errors = [p for p in problems if p.severity is Severity.error]
    assert [p.field for p in errors][:1] == ["field"]
    assert "không có trong giai đoạn 2026 – 2030" in errors[0].message
    assert "kinh-te-ho, chuyen-doi-so" in errors[0].message


def test_nominations_need_a_congress_or_an_award(project: Path) -> None:
    both = GOOD.replace(
        "status:",
        "nominations:\n  - {level: province, year: 2025, congress: Đại hội, award: Bằng khen}\nstatus:",
    )
    write_profile(project, "de-cu-loi", both)
    write_profile(
        project,
        "de-cu-cap-huyen",
        GOOD.replace("status:", "nominations: [{level: district, year: 2025, award: X}]\nstatus:").replace(
            "thử", "huyện"
        ),
    )
    problems = {(p.file.parent.name, p.field): p.message for p in catalog_of(project).problems}
    assert "chỉ một trong hai" in problems[("de-cu-loi", "nominations[0]")]
    # No district level since 1 July 2025: the next level after the commune is the province.
    assert "commune, province, national" in problems[("de-cu-cap-huyen", "nominations[0].level")]
