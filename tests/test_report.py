"""``dienhinh report``: hamlets without exemplars, late registrations, the same numbers in
the terminal, the HTML page and the Excel workbook."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from openpyxl import load_workbook

from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings
from dienhinh.staff.report import build_overview

from .sample import ROOT, run_main

CATALOG = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
REGISTRY = CATALOG.registry
assert REGISTRY is not None
# Computed here from the registry's words, independently of dienhinh.report and periods.py:
# each year's deadline is 30 June of that year (the sample lists no other).
YEARS = {p.code: p.years for p in REGISTRY.periods}
assert YEARS == {"2022-2025": (2022, 2025), "2026-2030": (2026, 2030)}


def deadline_of(day: dt.date) -> dt.date:
    return dt.date(day.year, 6, 30)


LATE = sorted((e.registered, e.slug) for e in CATALOG.exemplars if e.registered > deadline_of(e.registered))
PER_HAMLET = {
    h.name: (
        sum(e.hamlet == h.code for e in CATALOG.exemplars),
        sum(e.hamlet == h.code and e.is_public for e in CATALOG.exemplars),
    )
    for h in REGISTRY.hamlets
}
WITHOUT = [name for name, (_, published) in PER_HAMLET.items() if published == 0]


def table_rows(sheet: object) -> tuple[list[object], list[tuple[object, ...]]]:
    """(header, body rows) of a report worksheet: the header row is the one repeated on
    every printed page, under the heading block."""
    first = int(sheet.print_title_rows.split(":")[0].lstrip("$"))  # type: ignore[attr-defined]
    header = [c.value for c in sheet[first]]  # type: ignore[index]
    return header, list(sheet.iter_rows(min_row=first + 1, values_only=True))  # type: ignore[attr-defined]


def test_sample_data_has_what_the_report_must_find() -> None:
    # Guards the sample itself: the report tests below would prove little without these.
    assert WITHOUT == ["Xóm Bản Piềng", "Xóm Bản Mới"]
    assert [p.deadlines for p in REGISTRY.periods] == [(dt.date(2022, 6, 30),), ()]
    assert any(e.registered.year == 2026 for e in CATALOG.exemplars), "an exemplar of the current period"
    assert [slug for _, slug in LATE] == [
        "tap-the-tram-y-te-xa-voi-van-hoa-giao-tiep-an-can",
        "trung-doi-dan-quan-co-dong-xa",
    ]


def test_overview_counts() -> None:
    overview = build_overview(REGISTRY, CATALOG.exemplars, dt.date(2026, 1, 15), last_year=2024)
    assert [h.name for h in overview.hamlets_without] == WITHOUT
    assert {h.name: (h.in_programme, h.published) for h in overview.hamlets} == PER_HAMLET
    assert [(x.registered, x.slug) for x in overview.late] == LATE
    assert [x.days_late for x in overview.late] == [(d - deadline_of(d)).days for d, _ in LATE]
    assert (overview.registered, overview.published) == (len(CATALOG.exemplars), len(CATALOG.public))
    assert overview.last_evaluated_year == 2024
    missing = {m.slug: m.years for m in overview.missing_evaluations}
    for e in CATALOG.exemplars:
        first, last = next(years for years in YEARS.values() if years[0] <= e.registered.year <= years[1])
        expected = tuple(
            y
            for y in range(max(first, e.registered.year), min(last, 2024) + 1)
            if y not in {v.year for v in e.evaluations}
        )
        assert missing.get(e.slug, ()) == expected, e.slug
    commended = sum(len(e.commendations) for e in CATALOG.exemplars)
    assert sum(row.total for row in overview.commendations) == commended
    units = sum(r.units for e in CATALOG.exemplars for r in e.replications)
    assert sum(r.units for r in overview.replications) == units


def test_organization_with_no_exemplar_is_flagged_as_none() -> None:
    overview = build_overview(REGISTRY, CATALOG.exemplars, dt.date(2026, 1, 15))
    flags = {o.code: o.flag for o in overview.organizations}
    assert flags["truong-mam-non"] == "chưa có điển hình"
    assert flags["hoi-nong-dan"] == ""


def test_report_command_terminal_html_and_xlsx(tmp_path: Path) -> None:
    html_path, xlsx_path = tmp_path / "bao-cao.html", tmp_path / "bao-cao.xlsx"
    result = run_main("report", "--html", str(html_path), "--xlsx", str(xlsx_path), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Xóm chưa có điển hình được công bố: Xóm Bản Piềng, Xóm Bản Mới." in out
    assert "Đăng ký muộn (sau hạn đăng ký của năm đăng ký" in out
    names = {e.slug: e.name for e in CATALOG.exemplars}
    for registered, slug in LATE:
        assert registered.strftime("%d/%m/%Y") in out
        assert names[slug][:20] in out

    book = load_workbook(xlsx_path)
    header, body = table_rows(book["Theo xóm"])
    assert header == ["STT", "Xóm", "Đã đăng ký", "Đã công bố", "Ghi chú"]
    assert [r[0] for r in body] == list(range(1, len(body) + 1))
    rows = {r[1]: (r[2], r[3], r[4]) for r in body}
    assert {name: (reg, pub) for name, (reg, pub, _) in rows.items()} == PER_HAMLET
    assert [name for name, (_, _, flag) in rows.items() if flag] == WITHOUT
    _, late = table_rows(book["Đăng ký muộn"])
    assert [(r[2].date(), r[1]) for r in late] == [(d, names[slug]) for d, slug in LATE]
    assert [r[3].date() for r in late] == [deadline_of(d) for d, _ in LATE]
    assert [r[4] for r in late] == [(d - deadline_of(d)).days for d, _ in LATE]
    _, totals = table_rows(book["Tổng số"])
    assert [t[:2] for t in totals] == [(len(CATALOG.exemplars), len(CATALOG.public))]

    page = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    flagged = [tr.select("td")[1].get_text() for tr in page.select("tr.flagged")]
    assert flagged[: len(WITHOUT)] == WITHOUT
    assert "Xóm Bản Piềng, Xóm Bản Mới" in page.select_one(".headline").get_text()


def test_hamlet_with_no_registration_at_all(project: Path) -> None:
    for e in CATALOG.exemplars:
        if e.hamlet == "ban-pieng":
            shutil.rmtree(project / "exemplars" / e.slug)
    xlsx_path = project / "bao-cao.xlsx"
    result = run_main("report", "--xlsx", str(xlsx_path), cwd=project)
    assert result.returncode == 0, result.stdout
    rows = {r[1]: r[2:] for r in table_rows(load_workbook(xlsx_path)["Theo xóm"])[1]}
    assert rows["Xóm Bản Piềng"] == (0, 0, "chưa có điển hình")
    assert rows["Xóm Bản Mới"] == (1, 0, "chưa công bố")
