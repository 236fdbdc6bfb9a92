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


# MkDocs's own settings in mkdocs.yml, checked as MkDocs will check them (commands/engine.py).
def engine_setting(key: str, value: object, detail: str, names: Sequence[str]) -> str:
    """What is wrong with MkDocs's setting ``key`` (``detail``: MkDocs's words, kept for the
    cases without our own; ``names``: what it quoted, e.g. a misspelt extension)."""
    name = quote(names[0]) if names else quote(value)
    if key == "site_url":
        return (
            f"site_url {quote(value)} không phải một địa chỉ đầy đủ: phải bắt đầu bằng https:// (hoặc"
            " http://), ví dụ https://dienhinh.ten-xa.gov.vn/."
        )
    if key == "docs_dir":
        return (
            f"Thư mục trang viết tay (docs_dir) {quote(value)} không có hoặc không dùng được; tạo thư"
            " mục đó hoặc sửa docs_dir (mẫu dùng docs_dir: content)."
        )
    if key == "site_dir":
        return f"Thư mục trang dựng ra (site_dir) {quote(value)} không dùng được."
    if key == "markdown_extensions":
        return (
            f"Không nạp được phần mở rộng Markdown {name}: kiểm tra chính tả (ví dụ admonition,"
            " attr_list, md_in_html, tables, toc) hoặc cài gói có phần mở rộng đó."
        )
    if key == "theme":
        return f"Không có giao diện (theme) {name}; trang dùng giao diện “material”."
    if key == "plugins":
        return f"Phần bổ sung (plugin) {name} chưa được cài hoặc viết sai tên."
    return f"Thiết lập {quote(key)} của MkDocs không hợp lệ: {detail}"


def engine_unknown_setting(key: str) -> str:
    return f"MkDocs không biết thiết lập {quote(key)}: kiểm tra chính tả; thiết lập này bị bỏ qua."
