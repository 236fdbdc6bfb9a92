"""Pagefind search: spelling of đ, what goes into the index and what stays out, ranking."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from dienhinh.search.index import STROKE, mark_d_stroke, unmark_d_stroke
from dienhinh.site.pages import is_searchable

from .browser import chromium, search_results
from .sample import serve
from .test_site import HIDDEN, PUBLIC, REGISTRY


def test_d_stroke_is_marked_for_pagefind_except_in_filters() -> None:
    html = (
        '<div data-pagefind-meta="title:Đường làng"><h1>Đồi chè</h1><p>đi đôi</p>'
        '<span data-pagefind-filter="Xóm:Xóm Đồng Làn"></span><span data-pagefind-sort="ten:Đá"></span></div>'
    )
    marked = mark_d_stroke(html)
    assert "đ" not in marked.replace("Đồng Làn", "").replace("ten:Đá", "").lower()
    assert f"title:D{STROKE}ường làng" in marked and f"<h1>D{STROKE}ồi chè</h1>" in marked
    assert 'data-pagefind-filter="Xóm:Xóm Đồng Làn"' in marked and 'data-pagefind-sort="ten:Đá"' in marked
    assert unmark_d_stroke(marked) == html


def test_which_generated_pages_are_indexed() -> None:
    assert is_searchable("dien-hinh/a-b/index.md")
    assert is_searchable("linh-vuc/giao-duc.md") and is_searchable("xom/pa-cho.md")
    assert is_searchable("to-chuc/hoi-phu-nu.md")
    for src in ["index.md", "dien-hinh/index.md", "linh-vuc/index.md", "nam/2022.md", "nam/index.md"]:
        assert not is_searchable(src)


def _indexed(site: Path) -> dict[str, dict[str, object]]:
    """URL → fragment of every page in the Pagefind bundle (gzip, after a signature)."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).decode("utf-8")
        fragment = json.loads(data[len("pagefind_dcd") :])
        found[fragment["url"]] = fragment
    return found


def test_index_holds_profiles_and_content_pages_only(sample_site: Path) -> None:
    indexed = _indexed(sample_site)
    profiles = {f"/dien-hinh/{e.slug}/" for e in PUBLIC}
    assert profiles <= set(indexed)
    assert not {f"/dien-hinh/{e.slug}/" for e in HIDDEN} & set(indexed)
    for fragment in indexed.values():
        for e in HIDDEN:
            assert e.name not in json.dumps(fragment, ensure_ascii=False)
    assert {"/", "/404.html", "/dien-hinh/", "/nam/2022/", "/tim-kiem/"}.isdisjoint(indexed)
    assert {"/gioi-thieu/", "/de-cu/", f"/linh-vuc/{REGISTRY.fields[0].code}/"} <= set(indexed)


def test_profile_fragment_has_filters_and_clean_title(sample_site: Path) -> None:
    indexed = _indexed(sample_site)
    e = next(e for e in PUBLIC if e.hamlet)
    fragment = indexed[f"/dien-hinh/{e.slug}/"]
    filters = fragment["filters"]
    assert filters["Lĩnh vực"] == [REGISTRY.field(e.field).short_name]
    assert filters["Xóm"] == [REGISTRY.table("hamlets")[e.hamlet].name]
    assert filters["Năm đăng ký"] == [str(e.registered.year)]
    assert fragment["meta"]["title"] == e.name
    assert "¶" not in str(fragment["content"])


def test_template_headings_stay_out_of_the_index(sample_site: Path) -> None:
    """The profile template's section headings are on every profile: indexed, they would put
    their words ("quan", "nhân", "đánh giá") on every page for a phone to score; the text
    under them stays."""
    indexed = _indexed(sample_site)
    e = next(e for e in PUBLIC if e.replications and e.evaluations)
    content = str(indexed[f"/dien-hinh/{e.slug}/"]["content"])
    html = (sample_site / "dien-hinh" / e.slug / "index.html").read_text(encoding="utf-8")
    for heading in ("Nhân rộng", "Đánh giá hằng năm", "Điển hình liên quan"):
        assert 'class="dh-section" id=' in html and f">{heading}<" in html.replace("¶", "")
        assert heading not in content, heading
    assert e.replications[0].notes is None or e.replications[0].notes[:20] in content


def test_fragments_show_d_stroke_as_written(sample_site: Path) -> None:
    """The index spells đ as d + stroke; what results show (fragments) has its đ back."""
    indexed = _indexed(sample_site)
    assert not [url for url, f in indexed.items() if STROKE in json.dumps(f, ensure_ascii=False)]
    hamlets = REGISTRY.table("hamlets")
    e = next(e for e in PUBLIC if "đ" in e.name.lower() and e.hamlet and "Đ" in hamlets[e.hamlet].name)
    fragment = indexed[f"/dien-hinh/{e.slug}/"]
    assert fragment["meta"]["title"] == e.name and e.name in str(fragment["content"])
    assert fragment["filters"]["Xóm"] == [hamlets[e.hamlet].name]


def test_build_index_reports_pages_and_failures(tmp_path: Path) -> None:
    from dienhinh.search.index import build_index

    failed = build_index(tmp_path / "missing")
    assert failed.pages == 0 and failed.error and failed.error.startswith("Lập chỉ mục tìm kiếm")
    (tmp_path / "a.html").write_text(
        '<html lang="vi"><body><main data-pagefind-body><h1>Đường làng</h1></main></body></html>',
        encoding="utf-8",
    )
    done = build_index(tmp_path)
    assert done.error is None and done.pages == 1
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()


@pytest.fixture(scope="module")
def search_page(sample_site: Path) -> Iterator[tuple[Page, str]]:
    with serve(sample_site) as base_url, chromium() as browser:
        yield browser.new_page(), base_url


# One word typed without accents, and the page a resident means by it (the benchmark's
# queries, benchmarks/search_queries.yml, hold more). "ga" is a prefix of gấp, gần, gắn…:
# with Pagefind's default ranking the profile that says "gấp đôi" came first.
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ga", "dien-hinh/anh-trieu-van-d-minh-hoa/"),
        ("ga doi", "dien-hinh/anh-trieu-van-d-minh-hoa/"),
        ("duong", "dien-hinh/mo-hinh-tu-quan-duong-be-tong-xom-pa-cho/"),
        ("camera", "dien-hinh/mo-hinh-camera-an-ninh-xom-dong-lan/"),
    ],
)
def test_search_ranks_the_meant_page_first(search_page: tuple[Page, str], query: str, expected: str) -> None:
    page, base_url = search_page
    results = search_results(page, base_url, query, depth=5)
    assert results and results[0] == expected, results
