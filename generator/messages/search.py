"""Site search (Pagefind)."""

from __future__ import annotations

SEARCH_NO_BINARY = (
    "Không tìm thấy chương trình Pagefind để lập chỉ mục tìm kiếm."
    " Hãy chạy lại scripts/bootstrap (cài gói pagefind[bin])."
)

SEARCH_INDEXED = "Đã lập chỉ mục tìm kiếm: {pages} trang."
SEARCH_EXIT_CODE = "Pagefind: mã lỗi {code}"
SEARCH_NO_SITE_DIR = "không có thư mục {path}"


def search_failed(detail: str) -> str:
    return f"Lập chỉ mục tìm kiếm (Pagefind) không thành công: {detail}"
