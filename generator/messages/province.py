"""The province site (``dienhinh gather``): the communes' open data fetched, checked and gathered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .common import quote

PROVINCE_SITE_NAME = "Điển hình tiên tiến {province}"
PROVINCE_DESCRIPTION = (
    "Điển hình tiên tiến của các xã thuộc {province}: tập hợp từ dữ liệu mở trên trang của từng xã."
)
PROVINCE_NAV = ("Trang chủ", "Các xã", "Lĩnh vực", "Theo năm", "Nhân rộng", "Đề cử lên tỉnh")
PERMALINK_TITLE = "Liên kết đến mục này"
NO_PROVINCE_CONFIG = (
    "Không có tệp cấu hình của tỉnh “{path}”. Tạo tệp này (xem tài liệu của công cụ, trang"
    " “Open data and the province”) với tên tỉnh và danh sách các xã: name, source."
)
DATA_ROOT = "(cả tệp)"
DATA_NOT_UTF8 = "dữ liệu không phải văn bản UTF-8"
DATA_NOT_OBJECT = "dữ liệu không phải một đối tượng JSON (cần {…} có commune và profiles)"
DATA_RESERVED_SLUG = "mã hồ sơ trùng với địa chỉ các trang danh sách (trang-2, trang-3…)"
DATA_DUPLICATE_SLUG = "mã hồ sơ đã có ở một hồ sơ trước"
SOURCE_NOT_TRIED = "chưa lấy được dữ liệu"
PHOTO_TOO_BIG = "ảnh quá lớn (trên 50 triệu điểm ảnh)"
# JSON Schema words (jsonschema's ``validator`` names) → what a broken value lacks.
JSON_TYPE_NAMES = {
    "string": "chữ",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true hoặc false",
    "array": "danh sách",
    "object": "đối tượng {…}",
    "null": "null",
}
JSON_FORMAT_NAMES = {
    "date": "ngày có thật, dạng NĂM-THÁNG-NGÀY",
    "uri": "địa chỉ web",
    "uri-reference": "địa chỉ",
}


def _short(value: object, limit: int = 60) -> str:
    text = str(value)
    return quote(text if len(text) <= limit else text[: limit - 1] + "…")


def schema_error(validator: str, expected: Any, value: Any) -> str:
    """What the schema's ``validator`` keyword found wrong with ``value``."""
    if validator == "required":
        missing = [k for k in expected if not isinstance(value, dict) or k not in value]
        return "thiếu trường " + ", ".join(quote(k) for k in missing)
    if validator == "type":
        names = [JSON_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)]
        return f"{_short(value)} phải là {' hoặc '.join(names)}"
    if validator in ("enum", "const"):
        choices = expected if isinstance(expected, list) else [expected]
        return f"{_short(value)} không hợp lệ; chọn một trong: {', '.join(map(str, choices))}"
    if validator == "format":
        return f"{_short(value)} phải là {JSON_FORMAT_NAMES.get(str(expected), str(expected))}"
    if validator == "pattern":
        return f"{_short(value)} không đúng dạng"
    if validator == "minLength":
        return "không được để trống"
    if validator == "minimum":
        return f"{_short(value)} phải từ {expected} trở lên"
    if validator == "maximum":
        return f"{_short(value)} phải từ {expected} trở xuống"
    return f"{_short(value)} không hợp lệ ({validator})"


def unexpected_keys(keys: Sequence[str]) -> str:
    return "có trường không có trong mẫu dữ liệu (không được công bố): " + ", ".join(quote(k) for k in keys)


def data_not_json(line: int, column: int) -> str:
    return f"dữ liệu không phải JSON hợp lệ (dòng {line}, cột {column})"


def data_version(version: object, major: str) -> str:
    return (
        f"dữ liệu theo phiên bản {quote(version)} của mẫu dữ liệu; công cụ này đọc phiên bản"
        f" {major}.x — hãy cập nhật công cụ ở xã hoặc ở tỉnh cho cùng phiên bản"
    )


def profile_dropped(slug: str, detail: str) -> str:
    return f"bỏ qua hồ sơ {quote(slug)} vì không đúng mẫu dữ liệu: {detail}"


def source_status(code: int) -> str:
    if code == 404:
        return "không tìm thấy tệp dữ liệu ở địa chỉ này (lỗi 404)"
    if code >= 500:
        return f"máy chủ của xã trả lời lỗi {code}"
    return f"máy chủ của xã từ chối yêu cầu (mã {code})"


def source_timeout(seconds: float) -> str:
    return f"máy chủ của xã không trả lời trong {seconds:g} giây"


def source_too_slow(seconds: float) -> str:
    return f"máy chủ của xã gửi dữ liệu quá chậm (quá {seconds:g} giây)"


def source_encoding(encoding: str) -> str:
    return (
        f"máy chủ của xã gửi dữ liệu nén kiểu {quote(encoding)}, công cụ chỉ nhận một lớp nén gzip"
        " hoặc deflate"
    )


def source_bad_compression(detail: str) -> str:
    return f"dữ liệu nén của máy chủ xã bị hỏng ({detail})"


def redirect_outside(url: str) -> str:
    return f"máy chủ của xã chuyển hướng sang {_short(url)}, ngoài trang của xã, nên không theo"


def too_many_redirects(count: int) -> str:
    return f"máy chủ của xã chuyển hướng quá {count} lần"


def source_unreachable(detail: str) -> str:
    return f"không kết nối được tới máy chủ của xã ({detail})"


def source_too_large(limit_mb: int) -> str:
    return f"tệp dữ liệu lớn hơn giới hạn {limit_mb} MB (max_source_mb)"


def source_no_file(path: object, reason: str) -> str:
    return f"không đọc được tệp {path} ({reason})"


def _saved_at(saved: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(saved)
    except ValueError:
        return saved
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"


def source_failed_cached(reason: str, saved: str) -> str:
    return f"{reason}; dùng bản lưu lần trước (lấy lúc {_saved_at(saved)})"


def source_failed(reason: str) -> str:
    return f"{reason}; chưa có bản lưu nào nên lần này trang của tỉnh không có xã này"


def commune_warning(name: str, text: str) -> str:
    return f"{name}: {text}."


def photo_outside(url: str) -> str:
    return f"ảnh {_short(url)} không nằm trên trang của xã nên không lấy"


def photo_unreadable(kind: str) -> str:
    return f"tệp không phải ảnh JPEG, PNG hoặc WebP đọc được ({kind})"


def photos_failed(count: int, first: str) -> str:
    return f"{count} ảnh không lấy được, hồ sơ vẫn hiện không có ảnh đó (ảnh đầu tiên: {first})"


def duplicate_commune(code: str, first_line: int) -> str:
    return (
        f"Mã xã {quote(code)} đã dùng ở dòng {first_line}; mỗi xã cần một mã riêng"
        " (thêm “code:” để đặt mã khác)."
    )


HELP_GATHER = "gom dữ liệu mở của các xã (cấp tỉnh) và dựng trang của tỉnh"
HELP_GATHER_CONFIG = "tệp cấu hình của tỉnh (mặc định: tinh.yml)"
HELP_GATHER_SITE_DIR = "thư mục xuất (mặc định: site_dir trong tệp cấu hình, hoặc site)"
HELP_GATHER_DOCS_DIR = "giữ các trang Markdown sinh ra trong thư mục này (để xem hoặc đo)"
GATHER_NOTHING = "Không lấy được dữ liệu của xã nào (và chưa có bản lưu): không dựng trang của tỉnh."
GATHER_FAILED = "Không dựng được trang của tỉnh; trang cũ (nếu có) vẫn giữ nguyên."
GATHER_OK = (
    "Đã dựng trang của tỉnh vào {path}: {communes}/{total} xã, {profiles} hồ sơ"
    " ({cached} xã dùng bản lưu, {warnings} cảnh báo)."
)


GATHER_UNCHANGED = (
    "Dữ liệu của các xã, cấu hình và giao diện không thay đổi từ lần dựng trước: trang của tỉnh ở {path}"
    " vẫn giữ nguyên, không cần dựng lại."
)
