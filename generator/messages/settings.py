"""The dienhinh options in mkdocs.yml."""

from __future__ import annotations

from collections.abc import Sequence

from .common import quote, suggest

OPTIONS_NOT_A_MAPPING = (
    "Các tùy chọn của dienhinh trong mkdocs.yml phải là các dòng dạng “tùy_chọn: giá trị”,"
    " thụt vào dưới “- dienhinh:”."
)


def unknown_option(key: object, valid: Sequence[str]) -> str:
    return (
        f"Tùy chọn {quote(key)} của dienhinh không có.{suggest(key, valid)}"
        f" Các tùy chọn hợp lệ: {', '.join(valid)}."
    )


SECRET_IN_CONFIG = (
    "Không ghi mật khẩu hay mã bí mật vào mkdocs.yml (tệp này nằm cùng dự án, ai cũng đọc được)."
    " Để đưa trang lên máy chủ, dùng khóa SSH: ghi đường dẫn tệp khóa ở “key”, hoặc nạp khóa"
    " vào ssh-agent; xem trang “Đưa trang lên mạng” trong hướng dẫn cho cán bộ."
)


def example_site_url(url: str) -> str:
    return (
        f"Địa chỉ trang web (site_url) vẫn là địa chỉ mẫu {quote(url)}. Mã QR trong sổ tay"
        " tham quan, ảnh và đường dẫn khi chia sẻ lên Zalo/Facebook, và sơ đồ trang (sitemap.xml)"
        " cho công cụ tìm kiếm đều dùng địa chỉ này: hãy sửa site_url thành địa chỉ thật của"
        " trang trước khi đưa lên mạng."
    )
