"""YAML with line numbers, and the refusals that keep hostile or broken input harmless."""

from __future__ import annotations

from pathlib import Path

from dienhinh.records.load import dotted, parse_yaml, read_text, split_front_matter
from dienhinh.records.problems import Problem

P = Path("x/index.md")


def test_lines_point_at_keys_and_items() -> None:
    text = "name: A\nevaluations:\n  - year: 2022\n    result: tot\n  - year: 2023\n"
    source, problems = parse_yaml(text, P, first_line=2)
    assert problems == []
    assert source is not None
    assert source.data["evaluations"][1] == {"year": 2023}
    assert source.line_of(("name",)) == 2
    assert source.line_of(("evaluations", 1, "year")) == 6
    # A missing key is reported at its parent.
    assert source.line_of(("evaluations", 1, "result")) == 6


def test_dates_stay_text_so_impossible_dates_are_field_problems() -> None:
    source, problems = parse_yaml("registered: 2022-02-30\n", P)
    assert problems == [] and source is not None
    assert source.data["registered"] == "2022-02-30"


def test_alias_is_refused_with_its_line() -> None:
    text = "a: &x [1, 2]\nb: *x\n"
    source, problems = parse_yaml(text, P, first_line=2)
    assert source is None
    assert [(p.line, "tham chiếu YAML" in p.message) for p in problems] == [(3, True)]


def test_python_tags_are_refused() -> None:
    source, problems = parse_yaml("a: !!python/object/apply:os.system ['true']\n", P)
    assert len(problems) == 1 and "thẻ YAML" in problems[0].message


def test_duplicate_key_is_reported_with_first_line() -> None:
    source, problems = parse_yaml("name: A\nkind: model\nname: B\n", P)
    assert [(p.line, p.field) for p in problems] == [(3, "name")]
    assert "dòng 1" in problems[0].message


def test_syntax_error_names_line() -> None:
    source, problems = parse_yaml("name: A\nkind: [model\nfield: x\n", P, first_line=2)
    assert source is None
    assert problems[0].line >= 3 and "cú pháp YAML" in problems[0].message


def test_bom_and_crlf_accepted(tmp_path: Path) -> None:
    path = tmp_path / "index.md"
    path.write_bytes("\ufeff---\r\nname: Đường\r\n---\r\nstory\r\n".encode())
    text, problems = read_text(path)
    assert problems == [] and text == "---\nname: Đường\n---\nstory\n"


def test_non_utf8_names_line(tmp_path: Path) -> None:
    path = tmp_path / "index.md"
    path.write_bytes(b"---\nname: ok\n" + "tên: Đường\n".encode("cp1258", errors="replace") + b"\xff\n")
    text, problems = read_text(path)
    assert text is None and problems[0].line == 3 and "UTF-8" in problems[0].message


def test_front_matter_required() -> None:
    result = split_front_matter("# Chỉ có câu chuyện\n", P)
    assert isinstance(result, Problem) and result.line == 1
    unclosed = split_front_matter("---\nname: A\n", P)
    assert isinstance(unclosed, Problem)
    yaml_text, body, body_line = split_front_matter("---\nname: A\n---\n## Cách làm\n", P)  # type: ignore[misc]
    assert yaml_text == "name: A" and body == "## Cách làm\n" and body_line == 4


def test_dotted_paths() -> None:
    assert dotted(("evaluations", 0, "figures", "income")) == "evaluations[0].figures.income"


def test_a_date_written_day_first_gets_its_exact_rewrite(tmp_path: Path) -> None:
    """15/06/2022 as typed in a spreadsheet: profiles and visits say exactly what to write."""
    from dienhinh.records.load import load_registry, read_exemplar
    from dienhinh.records.visits import read_visit

    from .sample import ROOT

    registry, _, _ = load_registry(ROOT / "exemplars" / "registry.yml")
    folder = tmp_path / "doi-che-ban-quyen"
    folder.mkdir()
    text = (ROOT / "exemplars" / "doi-che-ban-quyen" / "index.md").read_text(encoding="utf-8")
    registered = next(line for line in text.splitlines() if line.startswith("registered:"))
    (folder / "index.md").write_text(text.replace(registered, "registered: 15/06/2022"), encoding="utf-8")
    _, _, problems = read_exemplar(folder, registry)
    assert [(p.field, p.message) for p in problems if p.field == "registered"] == [
        ("registered", "Ngày “15/06/2022” cần viết theo dạng NĂM-THÁNG-NGÀY: viết là 2022-06-15.")
    ]
    visit = tmp_path / "tham-quan.yml"
    visit.write_text("title: Tham quan\ndate: 5-11-2024\norganizer: Hội Nông dân xã\n", encoding="utf-8")
    _, _, problems = read_visit(visit)
    assert [p.message for p in problems] == [
        "Ngày “5-11-2024” cần viết theo dạng NĂM-THÁNG-NGÀY: viết là 2024-11-05."
    ]
    # Not a real date either way: the general message, no rewrite that would be wrong.
    visit.write_text("title: Tham quan\ndate: 31/02/2024\norganizer: Hội Nông dân xã\n", encoding="utf-8")
    _, _, problems = read_visit(visit)
    assert "không hợp lệ" in problems[0].message and "viết là" not in problems[0].message
