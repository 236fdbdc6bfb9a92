"""Images without alt text take their caption (figure) or title."""

from __future__ import annotations

from pathlib import Path

from generator.alt_text import fill_missing_alt

from .conftest import copy_project, run_cli


def test_figure_caption_becomes_alt() -> None:
    page = (
        '<figure><img src="a.jpg" alt=""><figcaption>Đường bê tông <em>xóm</em> Pa Chò</figcaption></figure>'
    )
    assert '<img src="a.jpg" alt="Đường bê tông xóm Pa Chò">' in fill_missing_alt(page)


def test_title_becomes_alt_and_existing_alt_is_kept() -> None:
    page = '<p><img src="a.jpg" title="Họp &amp; bàn"> <img alt="Có sẵn" src="b.jpg" title="Khác"></p>'
    out = fill_missing_alt(page)
    assert '<img alt="Họp &amp; bàn" src="a.jpg" title="Họp &amp; bàn">' in out
    assert '<img alt="Có sẵn" src="b.jpg" title="Khác">' in out


def test_image_without_any_text_is_left_alone() -> None:
    page = '<p><img src="a.jpg" alt=""></p>'
    assert fill_missing_alt(page) == page


def test_built_profile_image_gets_its_caption_as_alt(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    profile = project / "exemplars" / "mo-hinh-tu-quan-duong-be-tong-xom-pa-cho" / "index.md"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace("## Kết quả", '![](duong.jpg "Cả xóm cùng vá đường")\n\n## Kết quả', 1), encoding="utf-8"
    )
    result = run_cli("build", "-d", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/dien-hinh/mo-hinh-tu-quan-duong-be-tong-xom-pa-cho/index.html").read_text(
        "utf-8"
    )
    assert 'alt="Cả xóm cùng vá đường"' in page
