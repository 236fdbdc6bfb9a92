"""The site across periods and after a merger, built from the sample project with two former
communes and one renamed hamlet and profile: an archive page per period with its counts, the
nominations page, hamlets grouped by former commune (pages and report), and old addresses
that still lead to the renamed pages without JavaScript."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings

from .browser import chromium
from .sample import copy_project, run_main, serve
from .test_site import article, profile_links, soup
from .test_site_residents import pagefind_urls

OLD_HAMLET, HAMLET = "ban-quyen-cu", "ban-quyen"
OLD_PROFILE, PROFILE = "doi-che-cu", "doi-che-ban-quyen"
# Illustrative former communes: the first six hamlets belonged to one, the rest to the other.
FORMER = {"xa-dong": "Xã Đông (cũ, minh họa)", "xa-tay": "Xã Tây (cũ, minh họa)"}


def merged_project(project: Path) -> Path:
    registry = project / "exemplars" / "registry.yml"
    text = registry.read_text(encoding="utf-8")
    start, end = text.index("\nhamlets:\n"), text.index("\norganizations:\n")
    lines = text[start:end].split("\n")
    hamlet_lines = [i for i, line in enumerate(lines) if line.startswith("  - {code: ")]
    assert len(hamlet_lines) == 11
    for number, i in enumerate(hamlet_lines):
        former = "xa-dong" if number < 6 else "xa-tay"
        alias = f", aliases: [{OLD_HAMLET}]" if lines[i].startswith(f"  - {{code: {HAMLET},") else ""
        lines[i] = lines[i].removesuffix("}") + f", former_commune: {former}{alias}}}"
    listed = "".join(f'  - {{code: {code}, name: "{name}"}}\n' for code, name in FORMER.items())
    text = text[:start] + f"\nformer_communes:\n{listed}" + "\n".join(lines) + text[end:]
    registry.write_text(text, encoding="utf-8")
    profile = project / "exemplars" / PROFILE / "index.md"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace(
            "status: published\n", f"status: published\naliases: [{OLD_PROFILE}]\n"
        ),
        encoding="utf-8",
    )
    return project


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(project, site) of the merged sample, built once for this module."""
    project = merged_project(copy_project(tmp_path_factory.mktemp("merged") / "project", media_cache=True))
    site = project / "out"
    result = run_main("build", "-d", str(site), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site


@pytest.fixture(scope="module")
def catalog(merged: tuple[Path, Path]):  # type: ignore[no-untyped-def]
    found = load_catalog(Settings.from_mkdocs_yml(merged[0] / "mkdocs.yml"))
    assert found.ok and found.registry is not None
    return found


def period_code(year: int) -> str:
    return "2022-2025" if year <= 2025 else "2026-2030"


# --- periods ----------------------------------------------------------------------------------


def test_one_archive_page_per_period_with_its_counts(merged: tuple[Path, Path], catalog) -> None:  # type: ignore[no-untyped-def]
    _, site = merged
    per_period = Counter(period_code(e.registered.year) for e in catalog.public)
    assert per_period == {"2022-2025": 18, "2026-2030": 1}
    index = article(site, "giai-doan")
    listed = {a.get_text(): a.parent.select_one(".dh-count").get_text() for a in index.select("li a")}
    assert listed["Giai đoạn 2022 – 2025"] == "18 điển hình"
    assert listed["Giai đoạn 2026 – 2030"] == "1 điển hình"
    for period in catalog.registry.plan_periods:
        page = article(site, f"giai-doan/{period.code}")
        assert page.h1.get_text().rstrip("¶") == period.name
        mine = {e.slug for e in catalog.public if period_code(e.registered.year) == period.code}
        assert profile_links(page) == mine
        assert page.select(".dh-stat__value")[0].get_text() == str(len(mine))
        assert "Hạn đăng ký" in page.get_text()
    closed = article(site, "giai-doan/2022-2025").get_text()
    assert "Giai đoạn đã kết thúc" in closed and "Kết quả tổng kết" in closed
    assert "2023: 30/06/2023" in closed
    assert "Giai đoạn đang thực hiện" in article(site, "giai-doan/2026-2030").get_text()


def test_home_shows_the_current_period_and_leads_to_the_others(merged: tuple[Path, Path], catalog) -> None:  # type: ignore[no-untyped-def]
    _, site = merged
    home = article(site, "")
    current = {e.slug for e in catalog.public if e.registered.year >= 2026}
    assert profile_links(home) == current
    links = {a["href"] for a in home.select("a")}
    assert {"giai-doan/2022-2025/", "giai-doan/2026-2030/", "tien-cu/"} <= links


def test_profiles_and_cards_name_their_period(merged: tuple[Path, Path]) -> None:
    _, site = merged
    profile = article(site, f"dien-hinh/{PROFILE}")
    period = [
        dd
        for dt in profile.select("dl.dh-facts dt")
        if dt.get_text() == "Giai đoạn"
        for dd in [dt.find_next("dd")]
    ]
    assert period and period[0].get_text() == "2022 – 2025"
    assert period[0].a["href"] == "../../giai-doan/2022-2025/"
    cards = article(site, "dien-hinh").select(".dh-card__meta")
    assert cards and all(re.search(r"20\d\d – 20\d\d$", c.get_text()) for c in cards)


def test_years_are_grouped_by_period(merged: tuple[Path, Path]) -> None:
    _, site = merged
    page = article(site, "nam")
    assert [h.get_text().rstrip("¶") for h in page.select("h2")] == [
        "Giai đoạn 2026 – 2030",
        "Giai đoạn 2022 – 2025",
    ]


# --- nominations --------------------------------------------------------------------------------


def test_nominations_page_lists_nominated_exemplars_per_period(merged: tuple[Path, Path], catalog) -> None:  # type: ignore[no-untyped-def]
    _, site = merged
    page = article(site, "tien-cu")
    headings = [h.get_text().rstrip("¶") for h in page.select("h2")]
    assert headings == ["Giai đoạn 2026 – 2030 (đang thực hiện)", "Giai đoạn 2022 – 2025"]
    levels = {"commune": "Cấp xã", "province": "Cấp tỉnh", "national": "Toàn quốc"}
    expected = sorted(
        (e.name, levels[n.level.value], str(n.year)) for e in catalog.public for n in e.nominations
    )
    assert len(expected) == 4
    rows = page.select("table.dh-nominations tbody tr")
    found = sorted(
        (
            r.select_one('td[data-label="Điển hình"]').get_text(),
            r.select("td")[1].get_text(),
            r.select("td")[3].get_text(),
        )
        for r in rows
    )
    assert found == expected
    # Highest level first.
    assert [r.select("td")[1].get_text() for r in rows] == ["Cấp tỉnh", "Cấp tỉnh", "Cấp xã", "Cấp xã"]
    assert "Chưa có điển hình nào được giới thiệu" in page.h2.find_next("p").get_text()
    profile = article(site, f"dien-hinh/{PROFILE}")
    assert len(profile.select("table.dh-nominations tbody tr")) == 2


# --- merged communes ------------------------------------------------------------------------------


def test_hamlets_are_grouped_by_former_commune(merged: tuple[Path, Path], catalog) -> None:  # type: ignore[no-untyped-def]
    project, site = merged
    registry = catalog.registry
    page = article(site, "xom")
    assert [h.get_text().rstrip("¶") for h in page.select("h2")] == list(FORMER.values())
    for heading in page.select("h2"):
        code = next(code for code, name in FORMER.items() if name == heading.get_text().rstrip("¶"))
        shown = [a.get_text() for a in heading.find_next("ul").select("a")]
        assert shown == [h.name for h in registry.hamlets if h.former_commune == code]
    assert "Trước khi sáp nhập thuộc Xã Đông (cũ, minh họa)" in article(site, f"xom/{HAMLET}").get_text()
    home = article(site, "")
    assert home.select_one("svg#dh-chart-hamlets-xa-dong") and home.select_one("svg#dh-chart-hamlets-xa-tay")
    assert [h.get_text().rstrip("¶") for h in home.select("h3")] == list(FORMER.values())

    result = run_main("report", "--xlsx", str(project / "bao-cao.xlsx"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    sheet = load_workbook(project / "bao-cao.xlsx")["Theo xóm"]
    header = int(sheet.print_title_rows.split(":")[0].lstrip("$"))
    assert [c.value for c in sheet[header]][:3] == ["STT", "Xã cũ", "Xóm"]
    rows = [(r[1], r[2]) for r in sheet.iter_rows(min_row=header + 1, values_only=True)]
    assert [former for former, _ in rows] == [FORMER["xa-dong"]] * 6 + [FORMER["xa-tay"]] * 5
    assert "Xã cũ" in result.stdout


# --- old addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [(f"xom/{OLD_HAMLET}/", f"xom/{HAMLET}/"), (f"dien-hinh/{OLD_PROFILE}/", f"dien-hinh/{PROFILE}/")],
    ids=["hamlet", "profile"],
)
def test_an_old_address_is_a_redirect_page(merged: tuple[Path, Path], old: str, new: str) -> None:
    _, site = merged
    page = soup(site, old)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"].startswith("0; url=")
    href = refresh["content"].removeprefix("0; url=")
    assert urljoin(f"https://dienhinh.example.vn/{old}", href) == f"https://dienhinh.example.vn/{new}"
    assert page.find("link", rel="canonical")["href"] == f"https://dienhinh.example.vn/{new}"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("script") is None and page.html["lang"] == "vi"
    assert page.body.a["href"] == href and "Trang này đã chuyển tới" in page.body.get_text()
    # Kept out of the sitemap and the search index.
    assert old not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{old}" not in pagefind_urls(site)


def test_old_addresses_lead_to_the_new_pages_without_javascript(merged: tuple[Path, Path]) -> None:
    _, site = merged
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(java_script_enabled=False)
        for old, new in (
            (f"xom/{OLD_HAMLET}/", f"xom/{HAMLET}/"),
            (f"dien-hinh/{OLD_PROFILE}/", f"dien-hinh/{PROFILE}/"),
        ):
            page.goto(base + old)
            page.wait_for_url(base + new)
            heading = BeautifulSoup(page.content(), "html.parser").select_one("article h1")
            assert heading is not None and heading.get_text().rstrip("¶") == article(
                site, new
            ).h1.get_text().rstrip("¶")


def test_an_old_address_taken_by_another_profile_is_an_error(tmp_path: Path) -> None:
    project = merged_project(copy_project(tmp_path / "project", media_cache=True))
    other = project / "exemplars" / "mo-hinh-xom-so-na-a" / "index.md"
    other.write_text(
        other.read_text(encoding="utf-8").replace(
            "status: published\n", f"status: published\naliases: [{PROFILE}]\n"
        ),
        encoding="utf-8",
    )
    result = run_main("check", cwd=project)
    assert result.returncode == 1
    assert re.search(
        r"exemplars/mo-hinh-xom-so-na-a/index\.md:\d+: LỖI \[aliases\[0\]\]: Địa chỉ cũ “doi-che-ban-quyen”",
        result.stdout,
    ), result.stdout
