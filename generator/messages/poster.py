"""Notice-board posters (``dienhinh poster``): one exemplar on one page."""

from __future__ import annotations

from collections.abc import Sequence

from .common import quote, suggest

HELP_POSTER = "In áp phích một trang về một điển hình để dán ở bảng tin xóm, nhà văn hóa (PDF)."
HELP_POSTER_SLUG = "địa chỉ (tên thư mục) của hồ sơ điển hình, ví dụ doi-che-ban-quyen"
HELP_POSTER_SIZE = "khổ giấy: A4 (mặc định) hoặc A3"
HELP_POSTER_OUTPUT = "tệp PDF sẽ ghi (mặc định: ap-phich-<địa chỉ>.pdf)"

POSTER_BAD_SIZE = "Khổ giấy {size} không hỗ trợ cho áp phích; chọn A4 hoặc A3."
POSTER_OK = "Đã in áp phích {path} (1 trang {size}, {kb} KB) cho hồ sơ {name}."
POSTER_FAILED = "Không in được áp phích."
POSTER_NOT_ONE_PAGE = (
    "Áp phích không vừa một trang ({pages} trang) nên không được tạo. Nếu đã sửa mẫu poster.html.j2"
    " hoặc poster.css trong overrides/, hãy rút gọn nội dung của mẫu."
)
POSTER_NOT_PUBLISHED = "Hồ sơ {slug} chưa được công bố (status: draft) nên không in áp phích."
POSTER_NO_PRINT_CONSENT = (
    "Không in áp phích cho hồ sơ {slug}: người được nêu gương chưa đồng ý cho in ấn"
    " (trong consent.uses của hồ sơ chưa có “print”, hoặc đã rút lại sự đồng ý)."
    " Chỉ in khi đã có phiếu đồng ý ghi rõ việc in ấn."
)


def unknown_profile(slug: str, known: Sequence[str]) -> str:
    return f"Không có hồ sơ điển hình {quote(slug)} trong thư mục exemplars/.{suggest(slug, known)}"
