"""The site: home page charts, the build's clashes, the preview."""

from __future__ import annotations

CHART_BY_FIELD = "Số điển hình theo lĩnh vực"
CHART_BY_HAMLET = "Số điển hình theo xóm"


def chart_by_hamlet_of(former_commune: str) -> str:
    """Title of the hamlet chart of one former commune (after communes merged)."""
    return f"Số điển hình theo xóm — {former_commune}"


CHART_UNIT = "điển hình"  # after each value in the chart's text description: “Xóm Pa Chò: 3 điển hình”


RAW_HTML_CHANGED = (
    "{page}: một phần mở rộng Markdown trong mkdocs.yml đã sửa các chỗ giữ khối HTML do công cụ"
    " sinh ra, nên không ghép lại được trang. Hãy bỏ phần mở rộng đó khỏi markdown_extensions."
)


REDIRECT_CLASH = "Địa chỉ cũ {path} (aliases) trùng với một trang đang có; hãy bỏ địa chỉ đó khỏi “aliases”."
LINKED_FILE_LEFT_OUT = (
    "{path}: liên kết (symlink) trỏ ra ngoài thư mục trang viết tay ({docs}); tệp này không được đăng."
)
GENERATED_PAGE_CLASH = "{path}: trang viết tay trùng địa chỉ với trang tự sinh {page}; hãy đổi tên tệp."
PROBLEMS_REPEATED = "(Còn {count} lỗi/cảnh báo như lần dựng trước, không nhắc lại.)"
PREVIEW_READY = "Bản xem trước đã cập nhật: {url} (Ctrl+C để dừng)."
