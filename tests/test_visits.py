"""Study visits: loading with line numbers, checks against the profiles, the visit pages."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from dienhinh.records.catalog import load_catalog
from dienhinh.records.problems import Severity
from dienhinh.records.settings import Settings

from .sample import ROOT, run_main

VISIT = """\
title: Chuyến thử
date: 2024-05-02
organizer: Hội Nông dân xã
participants: 25
stops:
  - exemplar: doi-che-ban-quyen
    time: 8:30
    place: Nhà văn hóa xóm Bản Quyền
  - exemplar: {second}
    time: "10:00"
    place: Xưởng chè
"""
SECOND_EXEMPLAR_LINE = 9


def write_visit(project: Path, slug: str, text: str) -> Path:
    path = project / "visits" / f"{slug}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_in(project: Path, path: Path):
    catalog = load_catalog(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    return [p for p in catalog.problems if p.file == path], catalog


def test_sample_visits_load_and_name_published_profiles() -> None:
    catalog = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    assert catalog.ok
    assert len(catalog.visits) >= 2
    public = {e.slug for e in catalog.public}
    for visit in catalog.visits:
        assert visit.stops and {s.exemplar for s in visit.stops} <= public


def test_good_visit_keeps_unquoted_time_as_text(project: Path) -> None:
    path = write_visit(
        project, "chuyen-thu", VISIT.format(second="hop-tac-xa-che-voi-tem-truy-xuat-nguon-goc")
    )
    problems, catalog = problems_in(project, path)
    assert problems == []
    visit = next(v for v in catalog.visits if v.slug == "chuyen-thu")
    assert [s.time for s in visit.stops] == ["8:30", "10:00"]  # not 510, YAML 1.1's base-60 reading
    assert visit.participants == 25


def test_unknown_exemplar_is_an_error_with_line_field_and_suggestion(project: Path) -> None:
    path = write_visit(project, "chuyen-thu", VISIT.format(second="hop-tac-xa-che-voi-tem-truy-xuat"))
    problems, catalog = problems_in(project, path)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.severity is Severity.error
    assert (problem.line, problem.field) == (SECOND_EXEMPLAR_LINE, "stops[1].exemplar")
    assert "Không có hồ sơ điển hình “hop-tac-xa-che-voi-tem-truy-xuat”" in problem.message
    assert "hop-tac-xa-che-voi-tem-truy-xuat-nguon-goc" in problem.message  # the close match
    assert not catalog.ok and "chuyen-thu" not in {v.slug for v in catalog.visits}


def test_unpublished_exemplar_cannot_be_visited(project: Path) -> None:
    catalog = load_catalog(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    hidden = [e for e in catalog.exemplars if not e.is_public]
    assert hidden
    path = write_visit(project, "chuyen-thu", VISIT.format(second=hidden[0].slug))
    problems, _ = problems_in(project, path)
    assert [(p.line, p.field) for p in problems] == [(SECOND_EXEMPLAR_LINE, "stops[1].exemplar")]
    assert "chưa được công bố" in problems[0].message


def test_visit_without_stops_is_an_error_with_line(project: Path) -> None:
    empty = write_visit(
        project, "khong-diem-den", "title: Chuyến rỗng\ndate: 2024-05-02\norganizer: Xã\nstops: []\n"
    )
    missing = write_visit(project, "thieu-diem-den", "title: Chuyến thiếu\ndate: 2024-05-02\norganizer: Xã\n")
    for path, line in ((empty, 4), (missing, 1)):
        problems, _ = problems_in(project, path)
        assert [(p.line, p.field, p.severity) for p in problems] == [(line, "stops", Severity.error)]
        assert "chưa có điểm đến nào" in problems[0].message


def test_shape_mistakes_are_named(project: Path) -> None:
    text = VISIT.format(second="doi-che-ban-quyen").replace('"10:00"', '"25:10"').replace("title:", "titel:")
    path = write_visit(project, "chuyen-loi", text)
    problems, _ = problems_in(project, path)
    by_field = {p.field: p for p in problems}
    assert "Có phải ý bạn là “title”" in by_field["titel"].message
    assert by_field["title"].message == "Thông tin bắt buộc này còn để trống."
    assert by_field["stops[1].time"].line == 10 and "GIỜ:PHÚT" in by_field["stops[1].time"].message


def test_repeated_stop_and_time_order_are_warnings(project: Path) -> None:
    text = VISIT.format(second="doi-che-ban-quyen").replace('"10:00"', '"07:00"')
    path = write_visit(project, "chuyen-lap", text)
    problems, catalog = problems_in(project, path)
    assert [(p.field, p.severity) for p in problems] == [
        ("stops[1].exemplar", Severity.warning),
        ("stops[1].time", Severity.warning),
    ]
    assert "điểm đến thứ 1" in problems[0].message and "“8:30”" in problems[1].message
    assert catalog.ok and "chuyen-lap" in {v.slug for v in catalog.visits}


def test_check_and_booklet_report_visit_errors_in_vietnamese(project: Path) -> None:
    """Must-show 4: unknown slug and a visit with no exemplars — file and line, exit 1, no traceback."""
    write_visit(project, "chuyen-thu", VISIT.format(second="doi-che-ban-quyenn"))
    write_visit(project, "khong-diem-den", "title: Chuyến rỗng\ndate: 2024-05-02\norganizer: Xã\nstops:\n")
    check = run_main("check", cwd=project)
    assert check.returncode == 1
    assert f"visits/chuyen-thu.yml:{SECOND_EXEMPLAR_LINE}: LỖI [stops[1].exemplar]" in check.stdout
    assert "Có phải ý bạn là “doi-che-ban-quyen”" in check.stdout
    assert "visits/khong-diem-den.yml:4: LỖI [stops]: Chuyến tham quan chưa có điểm đến nào" in check.stdout
    booklet = run_main("booklet", "chuyen-thu", cwd=project)
    assert booklet.returncode == 1
    assert f"visits/chuyen-thu.yml:{SECOND_EXEMPLAR_LINE}: LỖI [stops[1].exemplar]" in booklet.stderr
    assert "Không in được sổ tay." in booklet.stderr
    for result in (check, booklet):
        assert "Traceback" not in result.stdout + result.stderr
    assert not list(project.glob("*.pdf"))


def test_unknown_visit_name_lists_the_known_ones(project: Path) -> None:
    result = run_main("booklet", "tham-quan-khong-co", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Không có chuyến tham quan “tham-quan-khong-co”" in result.stderr
    assert "tham-quan-kinh-te-che-2024" in result.stderr


def test_visit_pages_on_the_site(sample_site: Path) -> None:
    catalog = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    index = BeautifulSoup((sample_site / "tham-quan/index.html").read_text(encoding="utf-8"), "html.parser")
    listed = [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in index.select("a.dh-visit__link")]
    assert sorted(listed) == sorted(v.slug for v in catalog.visits)
    names = {e.slug: e.name for e in catalog.public}
    for visit in catalog.visits:
        folder = sample_site / "tham-quan" / visit.slug
        page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = page.select_one("article")
        rows = article.select("table.dh-agenda tbody tr")
        assert [r.select("td")[0].get_text() for r in rows] == [s.time for s in visit.stops]
        assert [r.select_one("a").get_text() for r in rows] == [names[s.exemplar] for s in visit.stops]
        assert [r.select_one("a")["href"] for r in rows] == [
            f"../../dien-hinh/{s.exemplar}/" for s in visit.stops
        ]
        assert len(article.select("ol.dh-route li")) == len(visit.stops)
        download = article.select_one(".dh-booklet-download a")
        assert download["href"] == "so-tay.pdf"
        assert (folder / "so-tay.pdf").read_bytes().startswith(b"%PDF-")
