"""Pagefind search: folding of đ, what goes into the index and what stays out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from generator.search.index import fold, folded_words, searchable_text
from generator.site.pages import is_searchable

from .test_site import HIDDEN, PUBLIC, REGISTRY


def test_fold_removes_marks_and_d_stroke() -> None:
    assert fold("Mô hình tự quản đường bê tông xã Điềm Mặc") == "Mo hinh tu quan duong be tong xa Diem Mac"


def test_folded_words_keeps_only_d_stroke_words_once() -> None:
    assert folded_words("Đường đi, đường về; Điềm Mặc và điểm") == "duong di diem"
    assert folded_words("Không có chữ nào cần gấp") == ""


def test_searchable_text_drops_listings_marked_ignore() -> None:
    html = '<p>Đường</p><ul class="dh-cards" data-pagefind-ignore><li>Điện</li></ul><p>Đồi</p>'
    assert folded_words(searchable_text(html)) == "duong doi"
    # Several listings, the mark written in text (not a tag), a listing never closed.
    html = (
        '<p>Đá data-pagefind-ignore đỏ</p><ul data-pagefind-ignore class="x"><li><b>Điện</b></li></ul>'
        '<p>Đèn</p><div class="a" data-pagefind-ignore>Đình</div><p>Đê <span data-pagefind-ignore>Đò'
    )
    assert folded_words(searchable_text(html)) == "da do den de"


def test_folded_words_finds_d_stroke_anywhere_in_a_word() -> None:
    assert folded_words("Xuđa, ĐĐĐ ở quá-đỗ; _đ_ 2đ") == "xuda ddd do _d_ 2d"


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


def test_build_index_reports_pages_and_failures(tmp_path: Path) -> None:
    from generator.search.index import build_index

    failed = build_index(tmp_path / "missing")
    assert failed.pages == 0 and failed.error and failed.error.startswith("Lập chỉ mục tìm kiếm")
    (tmp_path / "a.html").write_text(
        '<html lang="vi"><body><main data-pagefind-body><h1>Đường làng</h1></main></body></html>',
        encoding="utf-8",
    )
    done = build_index(tmp_path)
    assert done.error is None and done.pages == 1
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
