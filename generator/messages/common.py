"""Words every area shares: the registry's tables, kinds and levels, how a user's value is
quoted in a message, the labels of a problem, system errors, dates."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence

from ..text import visible

TABLE_NAMES = {
    "fields": "lĩnh vực",
    "hamlets": "xóm",
    "organizations": "tổ chức",
    "organization_kinds": "loại tổ chức",
    "commendation_levels": "cấp khen thưởng",
    "commendation_forms": "hình thức khen thưởng",
    "evaluation_results": "kết quả đánh giá",
    "figures": "số liệu",
    "criteria": "tiêu chí",
    "periods": "giai đoạn",
    "former_communes": "xã cũ (trước sáp nhập)",
}

KIND_NAMES = {"collective": "Tập thể", "individual": "Cá nhân", "model": "Mô hình"}
# Levels an exemplar is sent up to; since 1 July 2025 the next level after the commune is
# the province (no district).
NOMINATION_LEVELS = {"commune": "Cấp xã", "province": "Cấp tỉnh", "national": "Toàn quốc"}


def period_name(first: int, last: int) -> str:
    """A period's name when the registry gives none (the previous format)."""
    return f"Giai đoạn {first} – {last}"


def plan_title_of(period: str) -> str:
    """A period's plan title when the registry gives none."""
    return f"Kế hoạch xây dựng và nhân rộng điển hình tiên tiến {period.lower()}"


def quote(value: object) -> str:
    # A user's value in a message: hidden characters shown as <U+202E>, never sent to the
    # terminal as they are (an ESC recolours it, U+202E reverses what follows).
    return f"“{visible(str(value))}”"


def suggest(value: object, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return f" Có phải ý bạn là {quote(close[0])}?" if close else ""


# Labels of a reported problem: “exemplars/x/index.md:4: LỖI [field]: …”.
ERROR = "LỖI"
WARNING = "CẢNH BÁO"


# Why a file could not be written or read, by the system's error number (its own text is English).
OS_REASONS = {
    "ENOSPC": "ổ đĩa đã đầy",
    "EDQUOT": "đã hết dung lượng được cấp trên ổ đĩa",
    "EACCES": "không có quyền ghi vào đó",
    "EPERM": "không có quyền ghi vào đó",
    "EROFS": "ổ đĩa chỉ cho đọc, không cho ghi",
    "ENOENT": "thư mục không tồn tại",
    "ENOTDIR": "một phần của đường dẫn không phải là thư mục",
    "EISDIR": "đó là một thư mục, không phải tệp",
    "EEXIST": "đã có một tệp trùng tên ở chỗ cần tạo thư mục",
    "ENAMETOOLONG": "tên tệp quá dài",
    "EMFILE": "mở quá nhiều tệp cùng lúc",
    "EIO": "lỗi đọc/ghi của ổ đĩa",
}


def os_reason(error: OSError) -> str:
    """A system error in Vietnamese (its code when it has no translation here)."""
    import errno

    if error.errno is None:  # raised by Python itself, not by the system: its own words
        return f"lỗi hệ thống ({error})"
    code = errno.errorcode.get(error.errno, "")
    return OS_REASONS.get(code, f"lỗi hệ thống {code or error.errno}")


def write_failed(path: object, error: OSError) -> str:
    return f"Không ghi được tệp {quote(path)}: {os_reason(error)}. Tệp cũ (nếu có) vẫn giữ nguyên."


def long_date(value: dt.date) -> str:
    """A date as written in a sentence: “ngày 5 tháng 3 năm 2024”."""
    return f"ngày {value.day} tháng {value.month} năm {value.year}"


# The uses a person's consent is given for (records.model.Use), as the officer reads them.
USE_NAMES = {
    "website": "trang web của xã",
    "print": "sổ tay, áp phích và ấn phẩm in",
    "broadcast": "bản tin trên đài truyền thanh",
    "open_data": "dữ liệu mở và trang của tỉnh",
}
