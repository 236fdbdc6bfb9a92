"""How a problem reads when reported: one formatter for every command and the build."""

from __future__ import annotations

from pathlib import Path

from dienhinh.messages import booklet as msg
from dienhinh.messages import intake as intake_msg
from dienhinh.printing.booklet import no_site_url
from dienhinh.records.problems import Problem, Severity


def test_problem_names_file_line_field_and_label(tmp_path: Path) -> None:
    path = tmp_path / "exemplars" / "ho-so" / "index.md"
    problem = Problem(path, 4, "field", "Mã sai.")
    assert problem.format(tmp_path) == "exemplars/ho-so/index.md:4: LỖI [field]: Mã sai."
    assert problem.format() == f"{path}:4: LỖI [field]: Mã sai."
    assert problem.format(tmp_path / "khac") == f"{path}:4: LỖI [field]: Mã sai."  # outside root: as is


def test_warning_and_problems_without_line_or_field(tmp_path: Path) -> None:
    warning = Problem(tmp_path / "a.md", 0, "", "Muộn.", Severity.warning)
    assert warning.format(tmp_path) == "a.md: CẢNH BÁO: Muộn."


def test_sheet_problem_names_row_and_column() -> None:
    problem = Problem(Path("/x/dang-ky.xlsx"), 5, intake_msg.sheet_cell("C", "lĩnh vực"), "Không có.")
    assert problem.format(sheet=True) == "dang-ky.xlsx: dòng 5, cột C “lĩnh vực”: LỖI: Không có."
    assert Problem(Path("/x/dang-ky.csv"), 0, "", "Hỏng.").format(sheet=True) == "dang-ky.csv: LỖI: Hỏng."


def test_missing_site_url_is_a_problem_of_the_config_file() -> None:
    assert (
        no_site_url(Path("mkdocs.yml")).format() == f"mkdocs.yml: LỖI [site_url]: {msg.BOOKLET_NO_SITE_URL}"
    )
