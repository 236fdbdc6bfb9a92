"""Two builds of the same sources give the same bytes, whatever the day: a publish then sends
only what a change really changed (no build date in pages, sitemap or search index)."""

from __future__ import annotations

import filecmp
import gzip
import os
from pathlib import Path

import pytest

from dienhinh.search.bundle import read_meta, read_packed

from .sample import copy_project, run_main

PROFILE = "mo-hinh-camera-an-ninh-xom-dong-lan"
TEN_DAYS_LATER = 10 * 24 * 3600


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def differing(a: Path, b: Path) -> set[str]:
    """Files new in ``b`` or whose bytes differ from ``a``'s (what a publish must send)."""
    ours, theirs = files_of(a), files_of(b)
    return {name for name in theirs if name not in ours or not filecmp.cmp(a / name, b / name, shallow=False)}


def build_later(project: Path, site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # MkDocs dates pages (and the sitemap's gzip header) by SOURCE_DATE_EPOCH when set: the
    # same as building on another day.
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(os.path.getmtime(project / "mkdocs.yml")) + TEN_DAYS_LATER)
    )
    result = run_main("build", "-d", str(site), cwd=project)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert result.returncode == 0, result.stderr


def test_two_builds_days_apart_are_byte_identical_and_one_story_changes_one_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One project folder: booklets name their images by path (WeasyPrint hashes the URL), so
    # the same sources built in another folder give other booklet bytes.
    project = copy_project(tmp_path / "project")
    first, again = tmp_path / "first", tmp_path / "again"
    built = run_main("build", "-d", str(first), cwd=project)
    assert built.returncode == 0, built.stderr
    # The sample's example site_url: one warning per build, naming what it affects.
    (warning,) = [line for line in built.stderr.splitlines() if "[site_url]" in line]
    assert warning.startswith("mkdocs.yml:3: CẢNH BÁO") and "Mã QR" in warning and "sitemap" in warning
    build_later(project, again, monkeypatch)
    assert files_of(again) == files_of(first)
    assert differing(first, again) == set()
    assert "<lastmod>" not in (again / "sitemap.xml").read_text(encoding="utf-8")
    assert gzip.decompress((again / "sitemap.xml.gz").read_bytes()) == (again / "sitemap.xml").read_bytes()

    story = project / "exemplars" / PROFILE / "index.md"
    text = story.read_text(encoding="utf-8")
    story.write_text(
        text.replace("## Kết quả\n", "## Kết quả\n\nNăm nay xóm lắp thêm hai mắt camera ở ngã ba.\n", 1),
        encoding="utf-8",
    )
    changed = tmp_path / "changed"
    assert run_main("build", "-d", str(changed), cwd=project).returncode == 0
    sent = differing(again, changed)
    # The profile's own page, and the search index's files that hold its words.
    assert f"dien-hinh/{PROFILE}/index.html" in sent
    others = sent - {f"dien-hinh/{PROFILE}/index.html"}
    assert others, "the search index must change with the story"
    assert all(name.startswith("pagefind/") for name in others), others


def test_search_filters_are_written_in_reading_order(sample_site: Path) -> None:
    """Pagefind writes filter values in hash-map order (another order each build); they are
    rewritten sorted as Vietnamese reads (đ with d), which the filter lists show."""
    _, _, _, meta = read_meta(sample_site / "pagefind")
    names = [name for name, _ in meta[3]]
    assert names == ["Lĩnh vực", "Loại", "Năm đăng ký", "Xóm"]
    hamlets = dict(meta[3])["Xóm"]
    _, values = read_packed(sample_site / "pagefind" / "filter" / f"{hamlets}.pf_filter")
    assert [value for value, _ in values] == [
        "Xóm Bản Quyền",
        "Xóm Đồng Làn",
        "Xóm Đồng Tâm",
        "Xóm Hợp Thành",
        "Xóm Làng Lải",
        "Xóm Nạ Á",
        "Xóm Nà Moọc",
        "Xóm Pa Chò",
        "Xóm Thẩm Khe",
    ]
