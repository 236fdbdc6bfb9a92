"""Images without alt text take their caption (figure) or title."""

from __future__ import annotations

from dienhinh.site.alt_text import fill_missing_alt


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
