"""Booklets (``dienhinh booklet``): a study visit's, a field's or every exemplar's."""

from __future__ import annotations

from collections.abc import Sequence

from .common import quote, suggest


def unknown_visit(slug: str, known: Sequence[str]) -> str:
    listed = ", ".join(known) if known else "(chưa có chuyến nào trong thư mục visits/)"
    return f"Không có chuyến tham quan {quote(slug)}.{suggest(slug, known)} Các chuyến hiện có: {listed}."


BOOKLET_NOTHING = "Không có điển hình nào đã công bố để in sổ tay."
BOOKLET_CHOOSE = "Hãy chọn một chuyến tham quan, hoặc --field MÃ_LĨNH_VỰC, hoặc --all."
BOOKLET_OK = "Đã in sổ tay {path} ({pages} trang, {exemplars} điển hình, {size})."
BOOKLET_FAILED = "Không in được sổ tay."
BOOKLET_FONT_MISSING = (
    "Không tìm thấy phông chữ tiếng Việt để nhúng vào sổ tay (Noto Sans/Serif hoặc DejaVu)."
    " Hãy cài gói Debian fonts-noto-core (hoặc fonts-dejavu-core): chạy scripts/bootstrap."
)
BOOKLET_WRITE_FAILED = "Không ghi được tệp {path}: {reason}."


def booklet_warning(detail: str) -> str:
    return (
        "WeasyPrint báo lỗi khi in sổ tay (thiếu phông chữ, ảnh hoặc định dạng không đọc được),"
        f" nên sổ tay không được tạo: {detail}"
    )


BOOKLET_NO_SITE_URL = (
    "Cần khai báo “site_url” (địa chỉ trang web, ví dụ https://dienhinh.example.vn/) trong mkdocs.yml"
    " để in mã QR dẫn tới trang của từng điển hình."
)
BOOKLET_BAD_SIZE = "Khổ giấy {size} không hỗ trợ; chọn A5 hoặc A4."
BOOKLET_VISIT_AND_GROUP = "Chỉ chọn một: một chuyến tham quan, hoặc --field, hoặc --all."
BOOKLETS_BUILT = "Đã in {count} sổ tay tham quan vào trang web."
BOOKLET_KICKER_VISIT = "Sổ tay tham quan học tập"
BOOKLET_KICKER_FIELD = "Sổ tay điển hình tiên tiến theo lĩnh vực"
BOOKLET_KICKER_ALL = "Sổ tay điển hình tiên tiến"
BOOKLET_TITLE_ALL = "Điển hình tiên tiến {commune}"
HELP_BOOKLET = "in sổ tay PDF cho một chuyến tham quan, một lĩnh vực hoặc mọi điển hình"
HELP_BOOKLET_VISIT = "mã chuyến tham quan: tên tệp trong visits/, không có .yml"
HELP_BOOKLET_FIELD = "sổ tay mọi điển hình đã công bố của một lĩnh vực"
HELP_BOOKLET_ALL = "sổ tay mọi điển hình đã công bố"
HELP_BOOKLET_SIZE = "khổ giấy: A5 (mặc định) hoặc A4"
HELP_BOOKLET_OUTPUT = "tệp PDF xuất (mặc định: so-tay-<tên>.pdf)"
