"""The dienhinh command line: argparse's own words, check, build and serve."""

from __future__ import annotations

from .common import WARNING, os_reason, quote

CHECK_OK = "Không có lỗi: {count} hồ sơ hợp lệ, {public} hồ sơ được công bố."
CHECK_FAILED = "Có {errors} lỗi và {warnings} cảnh báo. Sửa các lỗi trên rồi chạy lại."
CHECK_WARNINGS = "Không có lỗi; {warnings} cảnh báo."
BUILD_FAILED = "Không dựng được trang web; trang đã công bố trước đó vẫn giữ nguyên."
BUILD_OK = "Đã dựng trang web vào {path} ({pages} trang hồ sơ)."
BUILD_NEXT = (
    "Xem thử: python3 -m http.server -d {path} rồi mở http://127.0.0.1:8000 (mở thẳng tệp"
    " index.html thì liên kết và tìm kiếm không chạy). Đưa lên mạng: dienhinh publish."
)
STRICT_ABORT = "Dừng vì MkDocs có cảnh báo trong chế độ nghiêm ngặt (--strict)."
MKDOCS_WARNING = f"{WARNING} (MkDocs): "


def build_write_failed(site: object, error: OSError) -> str:
    return (
        f"Không ghi được trang web vào {quote(site)}: {os_reason(error)}. Hãy giải phóng chỗ trống"
        " (hoặc cấp quyền ghi) rồi dựng lại; thư mục tạm của lần dựng này đã được xóa."
    )


INTERRUPTED = "Đã dừng theo yêu cầu; trang đã công bố trước đó vẫn giữ nguyên."
NO_CONFIG = "Không tìm thấy tệp cấu hình {path}."
SERVE_STARTING = "Đang dựng bản xem trước; khi xong, mở {url} trong trình duyệt."
SERVE_ADDRESS_FAILED = (
    "Không mở được địa chỉ {addr} ({reason}). Có thể cổng đang bận: thử cổng khác,"
    " ví dụ: dienhinh serve -a 127.0.0.1:8001"
)


# argparse's own English words, as the command line shows them.
ARGPARSE = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "Tham số",
    "options": "Tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)"
    ),
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "expected one argument": "cần một giá trị",
}

HELP_TOOL = "Công cụ xuất bản điển hình tiên tiến: kiểm tra hồ sơ, dựng trang web."
HELP_CONFIG_FILE = "tệp cấu hình MkDocs của dự án (mặc định: mkdocs.yml)"
HELP_CHECK = "kiểm tra mọi hồ sơ và danh mục; báo mọi lỗi một lần"
HELP_BUILD = "kiểm tra rồi dựng trang web (thay trang cũ khi thành công)"
HELP_BUILD_SITE_DIR = "thư mục xuất (mặc định: site_dir trong cấu hình)"
HELP_BUILD_STRICT = "coi mọi cảnh báo của MkDocs là lỗi"
HELP_SERVE = "xem trước trang web, tự dựng lại khi hồ sơ thay đổi"
HELP_SERVE_ADDR = "địa chỉ:cổng (mặc định 127.0.0.1:8000)"
METAVAR_COMMAND = "LỆNH"
METAVAR_CODE = "MÃ"


def check_left_out(name: str, uses: list[str]) -> str:
    """A published person whose consent does not cover every use: where they will not be."""
    left_out = ", ".join(uses)
    return f"“{name}” sẽ không có trong: {left_out} (sự đồng ý của người đó chưa gồm các mục đích này)."
