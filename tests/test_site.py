"""End to end: the sample site built into a temp dir, read back as HTML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from dienhinh.messages import cli as msg
from dienhinh.messages import search as search_msg
from dienhinh.records.catalog import load_catalog
from dienhinh.records.model import Exemplar
from dienhinh.records.settings import Settings

from .sample import ROOT, copy_project, run_main

CATALOG = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
REGISTRY = CATALOG.registry
assert REGISTRY is not None
PUBLIC = CATALOG.public
HIDDEN = [e for e in CATALOG.exemplars if not e.is_public]


def soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(site: Path, url: str) -> BeautifulSoup:
    found = soup(site, url).select_one("article.md-content__inner")
    assert found is not None
    return found


def profile_links(node: BeautifulSoup) -> set[str]:
    return {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in node.select("a.dh-card__link")}


def test_one_page_per_profile_field_hamlet_organization(sample_site: Path) -> None:
    assert (sample_site / "index.html").is_file()
    expected = [f"dien-hinh/{e.slug}" for e in PUBLIC]
    expected += [f"linh-vuc/{f.code}" for f in REGISTRY.fields]
    expected += [f"xom/{h.code}" for h in REGISTRY.hamlets]
    expected += [f"to-chuc/{o.code}" for o in REGISTRY.organizations]
    expected += [
        "linh-vuc",
        "xom",
        "to-chuc",
        "nam",
        "dien-hinh",
        "nam/2022",
        "tieu-chi",
        "de-cu",
        "gioi-thieu",
    ]
    missing = [url for url in expected if not (sample_site / url / "index.html").is_file()]
    assert missing == []


def _richest() -> Exemplar:
    return max(PUBLIC, key=lambda e: (len(e.commendations), len(e.replications), len(e.evaluations)))


def test_profile_page_structure(sample_site: Path) -> None:
    e = _richest()
    page = article(sample_site, f"dien-hinh/{e.slug}")
    assert page.h1.get_text(strip=True).rstrip("¶") == e.name
    header = page.select_one(".dh-profile-header")
    field = REGISTRY.field(e.field)
    badge = header.select_one("a.dh-badge")
    assert badge.get_text() == field.short_name and badge["href"] == f"../../linh-vuc/{e.field}/"
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in header.select("dt")}
    assert facts["Ngày đăng ký"] == e.registered.strftime("%d/%m/%Y")
    if e.hamlet:
        assert facts["Xóm"] == REGISTRY.table("hamlets")[e.hamlet].name
    assert page.select_one(".dh-lead").get_text() == " ".join(e.summary.split())
    headings = [h.get_text().rstrip("¶") for h in page.select("h2")]
    for section in (
        "Cách làm",
        "Kết quả",
        "Bài học kinh nghiệm",
        "Đánh giá hằng năm",
        "Khen thưởng",
        "Nhân rộng",
    ):
        assert section in headings
    years = [a.get_text() for a in page.select(".dh-timeline .dh-timeline__year")]
    assert years == sorted(str(ev.year) for ev in e.evaluations)
    rows = page.select("table.dh-commendations tbody tr")
    assert len(rows) == len(e.commendations)
    first = min(e.commendations, key=lambda c: c.date)
    assert rows[0].select("td")[0].get_text() == first.date.strftime("%d/%m/%Y")
    replication_rows = page.select("table.dh-replications tbody tr")
    assert len(replication_rows) == len(e.replications)
    total = page.select_one("table.dh-replications tfoot td:nth-of-type(2)").get_text()
    assert int(total) == sum(r.units for r in e.replications)
    criteria = page.select("ul.dh-criteria li")
    assert [li["data-criterion"] for li in criteria] == list(e.criteria)
    texts = REGISTRY.criteria_by_id()
    for li in criteria:  # each criterion read by its field (or "general") and its text
        group = li.select_one(".dh-criterion-group").get_text()
        field = next((f for f in REGISTRY.fields if li["data-criterion"] in {c.id for c in f.criteria}), None)
        assert group == (field.short_name if field else "Tiêu chí chung")
        assert li.get_text(" ", strip=True) == f"{group} {texts[li['data-criterion']].text}"


def test_profile_has_description_meta(sample_site: Path) -> None:
    e = PUBLIC[0]
    meta = soup(sample_site, f"dien-hinh/{e.slug}").select_one('meta[name="description"]')
    assert meta["content"] == " ".join(e.summary.split())


def test_field_page_lists_its_criteria_and_exemplars(sample_site: Path) -> None:
    for field in REGISTRY.fields:
        page = article(sample_site, f"linh-vuc/{field.code}")
        criteria = page.select("ol.dh-criteria li")
        # The field's own criteria, then those a period adds (cds-4 in 2026–2030).
        expected = list(field.criteria)
        expected += [c for p in reversed(REGISTRY.plan_periods) for c in p.criteria.get(field.code, ())]
        assert [li["data-criterion"] for li in criteria] == [c.id for c in expected]
        assert [li.get_text(strip=True) for li in criteria] == [c.text for c in expected]
        cards = page.select("ul.dh-cards")
        main = profile_links(cards[0]) if cards else set()
        assert main == {e.slug for e in PUBLIC if e.field == field.code}
    assert any(e.field == field.code for e in PUBLIC for field in REGISTRY.fields)


def test_hamlet_page_lists_exemplars_and_replications(sample_site: Path) -> None:
    for hamlet in REGISTRY.hamlets:
        page = article(sample_site, f"xom/{hamlet.code}")
        assert page.h1.get_text().rstrip("¶") == hamlet.name
        own = {e.slug for e in PUBLIC if e.hamlet == hamlet.code}
        first_cards = page.select_one("ul.dh-cards")
        assert (profile_links(first_cards) if first_cards else set()) == own
        if not own:
            assert "chưa có điển hình" in page.get_text()
        adopted = {e.slug for e in PUBLIC for r in e.replications if r.hamlet == hamlet.code}
        linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select("table a")}
        assert linked == adopted


def test_year_page_and_home(sample_site: Path) -> None:
    page = article(sample_site, "nam/2022")
    assert profile_links(page) >= {e.slug for e in PUBLIC if e.registered.year == 2022}
    # The home page shows the current period (2026–2030): its counts and its exemplars only.
    current = [e for e in PUBLIC if e.registered.year >= 2026]
    assert current and len(current) < len(PUBLIC)
    home = article(sample_site, "")
    values = [v.get_text() for v in home.select(".dh-stat__value")]
    assert values[0] == str(len(current))
    assert profile_links(home) == {e.slug for e in current}
    assert "Giai đoạn 2026 – 2030" in home.get_text()
    assert "Dữ liệu minh họa" in soup(sample_site, "").get_text()


def test_criteria_marker_is_expanded(sample_site: Path) -> None:
    page = article(sample_site, "tieu-chi")
    assert "dienhinh:criteria" not in str(page)
    ids = {li["data-criterion"] for li in page.select(".dh-criteria li")}
    assert ids == set(REGISTRY.criteria_by_id())


def test_hidden_profiles_appear_nowhere(sample_site: Path) -> None:
    """Must-show 4: no draft and no individual without consent in any HTML, sitemap or search file."""
    assert HIDDEN, "the sample data must contain a draft and a non-consented individual"
    assert any(e.status.value == "draft" for e in HIDDEN)
    assert any(e.consent is not None and not e.consent.given for e in HIDDEN)
    needles = [e.name for e in HIDDEN] + [e.slug for e in HIDDEN] + [e.summary[:40] for e in HIDDEN]
    checked = 0
    for path in sample_site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".js", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for needle in needles:
                assert needle not in text, f"{needle!r} leaked into {path}"
            checked += 1
    assert (sample_site / "sitemap.xml").is_file() and (
        sample_site / "pagefind/pagefind-entry.json"
    ).is_file()
    assert checked > len(PUBLIC)


def test_every_internal_link_resolves(sample_site: Path) -> None:
    broken = []
    pages = [p for p in sample_site.rglob("*.html") if p.name != "404.html"]  # 404 links from the root
    assert len(pages) > len(PUBLIC)
    for page in pages:
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(sample_site)} → {href}")
    assert broken == []


def test_profiles_stay_out_of_nav(sample_site: Path) -> None:
    nav = soup(sample_site, "").select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    assert not [h for h in hrefs if "dien-hinh/" in h and h.rstrip("/") != "dien-hinh"]


@pytest.mark.parametrize("extra", [[], ["--strict"]])
def test_plain_mkdocs_build_works(tmp_path: Path, extra: list[str]) -> None:
    """Must-show 2: the plugin is a real MkDocs plugin (entry point), strict mode included."""
    project = copy_project(tmp_path / "p", media_cache=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *extra, "-d", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out" / "dien-hinh").glob("*/index.html"))) == len(PUBLIC)
    # Our logger ("dienhinh") reaches MkDocs's output: the sample's warnings and our summaries,
    # as INFO lines, which --strict does not count.
    lines = result.stderr.splitlines()
    assert any(line.startswith("INFO") and "CẢNH BÁO [registered]" in line for line in lines)
    assert any(line.startswith("INFO") and search_msg.SEARCH_INDEXED.split("{")[0] in line for line in lines)
    quiet = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "quiet")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert quiet.returncode == 0 and "CẢNH BÁO" not in quiet.stderr  # -q is honoured for ours too


def test_mkdocs_build_fails_cleanly_on_bad_profile(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", media_cache=True)
    profile = next((project / "exemplars").glob("*/index.md"))
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("\nfield: ", "\nfield: x-"), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"exemplars/{profile.parent.name}/index.md" in result.stderr and "[field]" in result.stderr


def test_cli_reports_an_abort_in_vietnamese(tmp_path: Path) -> None:
    """MkDocs ends an aborted build with an English summary; the CLI says why in Vietnamese,
    judging by the exception's type and what was logged, not by MkDocs's wording."""
    project = copy_project(tmp_path / "p", media_cache=True)
    page = project / "content" / "de-cu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Trang cũ](khong-con.md)\n", encoding="utf-8")
    lenient = run_main("build", "-d", str(tmp_path / "a"), cwd=project)
    assert lenient.returncode == 0, lenient.stderr
    assert f"{msg.MKDOCS_WARNING}Doc file 'de-cu.md'" in lenient.stderr
    strict = run_main("build", "--strict", "-d", str(tmp_path / "b"), cwd=project)
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-2:] == [msg.STRICT_ABORT, msg.BUILD_FAILED]
    assert "Aborted" not in strict.stderr and not (tmp_path / "b").exists()

    profile = next((project / "exemplars").glob("*/index.md"))
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("\nfield: ", "\nfield: x-"), encoding="utf-8"
    )
    for extra in ([], ["--strict"]):
        failed = run_main("build", *extra, "-d", str(tmp_path / "c"), cwd=project)
        assert failed.returncode == 1
        lines = failed.stderr.splitlines()
        # The problems, then only our summary: no "Aborted with a BuildError!", no strict message.
        assert any(line.startswith(f"exemplars/{profile.parent.name}/index.md:") for line in lines)
        assert lines[-1] == msg.BUILD_FAILED and msg.STRICT_ABORT not in lines
        assert "Aborted" not in failed.stderr and "Traceback" not in failed.stderr
