"""The yearly (and period) report counts the exemplars in the programme during its scope —
registered by its end, in a plan period still running — with the new registrations as their
own line; hamlet and organization notes say what happened then. Checked on the documents a
secretary signs (Word through python-docx, PDF through pypdf) for every year of the sample,
and on a project where a registration of another year and another period is added."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings
from dienhinh.staff.report import build_overview, headline, sections
from dienhinh.staff.scope import period_scope, year_scope

from .sample import ROOT, run_main

CATALOG = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
REGISTRY = CATALOG.registry
assert REGISTRY is not None
# The sample's plan periods, written out here (not read through periods.py).
PERIODS = ((2022, 2025), (2026, 2030))


def members(year: int, exemplars: object = CATALOG.exemplars) -> list[object]:
    found = []
    for e in exemplars:  # type: ignore[attr-defined]
        period = next((p for p in PERIODS if p[0] <= e.registered.year <= p[1]), None)
        if e.registered.year <= year and (period is None or period[1] >= year):
            found.append(e)
    return found


def test_the_sample_registered_everyone_in_2022() -> None:
    # What makes the 2023 report the hard case: no registration at all that year.
    assert not [e for e in CATALOG.exemplars if e.registered.year == 2023]
    assert len([e for e in CATALOG.exemplars if e.registered.year == 2022]) == 20


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025, 2026])
def test_summary_counts_the_programme_never_zero(year: int) -> None:
    overview = build_overview(REGISTRY, CATALOG.exemplars, dt.date(2026, 6, 1), scope=year_scope(year))
    expected = members(year)
    assert overview.in_programme == len(expected) > 0
    assert overview.published == sum(e.is_public for e in expected)  # type: ignore[attr-defined]
    line = headline(overview)
    assert f"toàn xã có {len(expected)} điển hình trong chương trình" in line
    new = sum(e.registered.year == year for e in CATALOG.exemplars)
    assert f"({new} đăng ký mới)" in line
    for row in (*overview.hamlets, *overview.organizations):
        mine = [e for e in expected if row.code in (e.hamlet, e.organization)]  # type: ignore[attr-defined]
        assert row.in_programme == len(mine), row.name
        assert "không có đăng ký trong kỳ" not in row.note
        if mine:
            assert row.note and row.flag != "chưa có điển hình"


def test_hamlet_notes_say_what_happened_that_year() -> None:
    overview = build_overview(REGISTRY, CATALOG.exemplars, dt.date(2026, 6, 1), scope=year_scope(2023))
    for row in overview.hamlets:
        theirs = [e for e in CATALOG.exemplars if e.hamlet == row.code]
        evaluated = sum(v.year == 2023 for e in theirs for v in e.evaluations)
        commended = sum(c.date.year == 2023 for e in theirs for c in e.commendations)
        if evaluated:
            assert f"{evaluated} lượt đánh giá" in row.note, row.name
        if commended:
            assert f"{commended} lượt khen thưởng" in row.note, row.name
        assert "đăng ký mới" not in row.note  # nobody registered in 2023


def test_word_and_pdf_report_of_2023_show_the_exemplars_in_the_programme(tmp_path: Path) -> None:
    docx_path, pdf_path = tmp_path / "bc-2023.docx", tmp_path / "bc-2023.pdf"
    result = run_main("report", "--year", "2023", "--docx", str(docx_path), "--pdf", str(pdf_path), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "toàn xã có 20 điển hình trong chương trình (0 đăng ký mới)" in result.stdout
    assert "không có đăng ký trong kỳ" not in result.stdout

    word = Document(str(docx_path))
    texts = [p.text for p in word.paragraphs]
    counted = next(t for t in texts if "trong chương trình" in t)
    assert counted.startswith("Trong năm 2023, toàn xã có 20 điển hình trong chương trình (9 tập thể,")
    assert "Trong năm 2023 không có điển hình đăng ký mới." in counted
    assert "0 điển hình đăng ký" not in " ".join(texts)
    hamlets = _table_after(word, "Bảng 1.")
    assert hamlets[0] == ["STT", "Xóm", "Trong chương trình", "Đăng ký mới", "Đã công bố", "Ghi chú"]
    assert sum(int(row[2]) for row in hamlets[1:]) == sum(1 for e in members(2023) if e.hamlet)  # type: ignore[attr-defined]
    assert all(int(row[2]) > 0 and "lượt đánh giá" in row[5] for row in hamlets[1:])
    listed = _table_after(word, "Bảng 4.")
    assert len(listed) - 1 == 20 and all(row[5].endswith("/2022") for row in listed[1:])

    pdf = " ".join(page.extract_text() for page in PdfReader(str(pdf_path)).pages)
    pdf = re.sub(r"\s+", " ", pdf)
    assert "toàn xã có 20 điển hình trong chương trình" in pdf
    assert "không có đăng ký trong kỳ" not in pdf and "có 0 điển hình" not in pdf


def _table_after(document: object, caption_start: str) -> list[list[str]]:
    from docx.table import Table

    found = False
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            if found:
                return [[c.text for c in row.cells] for row in block.rows]
        elif block.text.startswith(caption_start):
            found = True
    raise AssertionError(caption_start)


def _register(project: Path, slug: str, name: str, hamlet: str, day: str) -> None:
    folder = project / "exemplars" / slug
    folder.mkdir()
    (folder / "index.md").write_text(
        f"---\nname: {name}\nkind: model\nfield: nong-thon-moi\nhamlet: {hamlet}\n"
        f"registered: {day}\nsummary: Mô hình minh họa của bài kiểm thử.\nstatus: published\n---\n\n"
        "## Cách làm\n\nMinh họa.\n\n## Kết quả\n\nMinh họa.\n\n## Bài học kinh nghiệm\n\nMinh họa.\n",
        encoding="utf-8",
    )


def test_a_later_registration_counts_from_its_year_and_only_in_its_period(project: Path) -> None:
    _register(project, "mo-hinh-thu-2024", "Mô hình thử năm 2024", "ban-pieng", "2024-03-02")
    _register(project, "mo-hinh-thu-2027", "Mô hình thử năm 2027", "ban-moi", "2027-03-02")
    catalog = load_catalog(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    assert catalog.registry is not None
    today = dt.date(2028, 1, 10)

    def hamlet(year_or_scope: object, code: str) -> tuple[int, int]:
        scope = year_scope(year_or_scope) if isinstance(year_or_scope, int) else year_or_scope
        overview = build_overview(catalog.registry, catalog.exemplars, today, scope=scope)  # type: ignore[arg-type]
        row = next(h for h in overview.hamlets if h.code == code)
        return row.in_programme, row.new

    before = sum(e.hamlet == "ban-pieng" for e in CATALOG.exemplars)
    assert hamlet(2023, "ban-pieng") == (before, 0)
    assert hamlet(2024, "ban-pieng") == (before + 1, 1)
    assert hamlet(2025, "ban-pieng") == (before + 1, 0)
    # 2022 – 2025 has ended in 2027: its exemplars are not counted in the new period.
    assert hamlet(2027, "ban-pieng") == (0, 0)
    assert hamlet(2027, "ban-moi") == (1, 1)
    period = next(p for p in catalog.registry.plan_periods if p.code == "2022-2025")
    assert hamlet(period_scope(period), "ban-pieng") == (before + 1, before + 1)
    overview = build_overview(catalog.registry, catalog.exemplars, today, scope=year_scope(2024))
    totals = sections(overview)[0]
    assert totals.headers[:3] == ("Trong chương trình", "Đăng ký mới", "Đã công bố")
    assert totals.rows[0][:2] == (len(members(2024, catalog.exemplars)), 1)

    result = run_main("report", "--year", "2024", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "toàn xã có 21 điển hình trong chương trình (1 đăng ký mới)" in result.stdout
