"""Every Vietnamese user-facing message, in one place."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from typing import Any

from .text import visible

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


def _quote(value: object) -> str:
    # A user's value in a message: hidden characters shown as <U+202E>, never sent to the
    # terminal as they are (an ESC recolours it, U+202E reverses what follows).
    return f"“{visible(str(value))}”"


def _suggest(value: object, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return f" Có phải ý bạn là {_quote(close[0])}?" if close else ""


def unknown_code(table: str, value: object, valid: Sequence[str]) -> str:
    name = TABLE_NAMES.get(table, table)
    return (
        f"Mã {name} {_quote(value)} không có trong danh mục (registry).{_suggest(value, valid)}"
        f" Các mã hợp lệ: {', '.join(valid)}."
    )


def unknown_key(key: object, valid: Sequence[str]) -> str:
    return (
        f"Trường {_quote(key)} không có trong mẫu hồ sơ.{_suggest(key, valid)}"
        f" Các trường hợp lệ: {', '.join(valid)}."
    )


def missing(field: str) -> str:
    return f"Thiếu trường bắt buộc {_quote(field)}."


def bad_date(value: object) -> str:
    rewrite = _iso_rewrite(value)
    if rewrite is not None:  # 15/06/2022 as typed in a spreadsheet: the exact rewrite
        return f"Ngày {_quote(value)} cần viết theo dạng NĂM-THÁNG-NGÀY: viết là {rewrite}."
    return (
        f"Ngày {_quote(value)} không hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2022-06-15,"
        " và phải là ngày có thật."
    )


def _iso_rewrite(value: object) -> str | None:
    """ "2022-06-15" for a real date written day first (15/06/2022, 15-6-2022, 15.06.2022)."""
    found = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", str(value))
    if found is None:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def bad_choice(value: object, valid: Sequence[str]) -> str:
    return f"Giá trị {_quote(value)} không hợp lệ; chọn một trong: {', '.join(valid)}."


def bad_type(expected: str, value: object) -> str:
    return f"Phải là {expected}, nhưng đang là {_quote(value)}."


TYPE_NAMES = {
    "int": "một số nguyên",
    "float": "một số",
    "bool": "true hoặc false",
    "string": "một đoạn chữ",
    "list": "một danh sách",
    "tuple": "một danh sách",
    "dict": "một nhóm trường (dạng khóa: giá trị)",
    "model": "một nhóm trường (dạng khóa: giá trị)",
}

EMPTY = "Không được để trống."
TOO_LONG = "Quá dài: tối đa {max_length} ký tự."
BAD_CODE_FORMAT = "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: dong-tam)."
BAD_COLOR = "Màu phải viết dạng #RRGGBB, ví dụ #2e7d32."
NUMBER_TOO_SMALL = "Phải lớn hơn hoặc bằng {ge}."
NUMBER_TOO_LARGE = "Phải nhỏ hơn hoặc bằng {le}."
NOT_FINITE = "Phải là một con số thật (không phải .nan, .inf hay số quá lớn như 1e400)."
NUMBER_TOO_LONG = "Số quá dài (hàng nghìn chữ số); hãy ghi con số thật."


def invalid(detail: str) -> str:
    return f"Giá trị không hợp lệ ({detail})."


# Labels of a reported problem: “exemplars/x/index.md:4: LỖI [field]: …”.
ERROR = "LỖI"
WARNING = "CẢNH BÁO"

# --- files and YAML ----------------------------------------------------------------------

NOT_UTF8 = "Tệp không phải mã UTF-8. Hãy lưu lại tệp với bảng mã UTF-8."
EMPTY_FILE = "Tệp rỗng."
NO_FRONT_MATTER = (
    "Thiếu phần thông tin đầu hồ sơ: tệp phải bắt đầu bằng dòng “---”, tiếp theo là các trường,"
    " rồi một dòng “---” nữa."
)
UNCLOSED_FRONT_MATTER = "Phần thông tin đầu hồ sơ mở bằng “---” nhưng không có dòng “---” đóng lại."
NOT_A_MAPPING = "Phần thông tin đầu phải là các dòng dạng “trường: giá trị”."
YAML_ALIAS = "Không dùng tham chiếu YAML (*tên / &tên) trong hồ sơ; hãy viết giá trị trực tiếp."
DUPLICATE_KEY = "Trường {key} được viết hai lần (lần trước ở dòng {first})."
NON_TEXT_KEY = "Tên trường phải là chữ."
MISSING_REGISTRY = "Không tìm thấy tệp danh mục (registry) {path}."
MISSING_EXEMPLARS_DIR = "Không tìm thấy thư mục hồ sơ {path}."
NO_INDEX = "Thư mục hồ sơ không có tệp index.md."


def file_too_large(size_kb: int, limit_kb: int) -> str:
    return f"Tệp quá lớn ({size_kb} KB); giới hạn là {limit_kb} KB."


def yaml_syntax(problem: str) -> str:
    return f"Lỗi cú pháp YAML: {problem}. Kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép."


def yaml_tag(tag: str) -> str:
    return f"Không dùng thẻ YAML {_quote(tag)} trong hồ sơ; hãy viết giá trị bình thường."


def bad_slug(slug: str) -> str:
    return (
        f"Tên thư mục {_quote(slug)} không dùng được làm địa chỉ trang: chỉ gồm chữ thường"
        " không dấu, số và dấu gạch ngang (ví dụ: doi-che-ban-quyen), và không được có dạng"
        " “trang-số” (dành cho các trang của danh sách)."
    )


# --- cross-checks ------------------------------------------------------------------------


def criterion_not_in_fields(criterion: str, valid: Sequence[str]) -> str:
    return (
        f"Tiêu chí {_quote(criterion)} không thuộc lĩnh vực của hồ sơ cũng không phải tiêu chí"
        f" chung.{_suggest(criterion, valid)} Các tiêu chí hợp lệ: {', '.join(valid)}."
    )


def repeated_code(code: str, first: int) -> str:
    return f"{_quote(code)} đã có ở vị trí thứ {first} của danh sách; mỗi mã chỉ ghi một lần."


def other_field_repeats_main(code: str) -> str:
    return f"Lĩnh vực {_quote(code)} đã là lĩnh vực chính; không cần ghi lại ở other_fields."


NEEDS_PLACE = "Cần ghi hoặc “hamlet” (mã xóm trong xã) hoặc “place” (nơi khác), chỉ một trong hai."
NEEDS_HAMLET_OR_ORG = "Hồ sơ cần ghi ít nhất một trong hai: “hamlet” (xóm) hoặc “organization” (tổ chức)."
CONSENT_REQUIRED = (
    "Hồ sơ cá nhân cần ghi sự đồng ý công bố: consent: {given: true, date: 2022-06-15}."
    " Chưa có đồng ý thì hồ sơ không được đăng."
)
CONSENT_ONLY_INDIVIDUAL = "Chỉ hồ sơ cá nhân mới ghi “consent”."
CONSENT_DATE_REQUIRED = "Đã đồng ý công bố thì cần ghi ngày đồng ý (consent.date)."


def future_date(value: object) -> str:
    return f"Ngày {_quote(value)} nằm trong tương lai."


def future_year(value: object) -> str:
    return f"Năm {_quote(value)} nằm trong tương lai."


def late_registration(value: object, deadline: object, year: int, period: str) -> str:
    return (
        f"Đăng ký ngày {_quote(value)}, sau hạn đăng ký năm {year} ({_quote(deadline)}) của {period.lower()}."
    )


def registered_outside_periods(value: object, periods: Sequence[str]) -> str:
    listed = ", ".join(periods) if periods else "(danh mục chưa có giai đoạn nào)"
    return (
        f"Ngày đăng ký {_quote(value)} không thuộc giai đoạn nào của kế hoạch ({listed});"
        " thêm giai đoạn vào “periods” trong danh mục (registry) hoặc sửa ngày đăng ký."
    )


def field_closed_in_period(code: str, period: str, open_codes: Sequence[str]) -> str:
    return (
        f"Lĩnh vực {_quote(code)} không có trong {period.lower()} (hồ sơ thuộc giai đoạn này theo"
        f" ngày đăng ký).{_suggest(code, open_codes)} Các lĩnh vực của giai đoạn: {', '.join(open_codes)}."
    )


def period_reversed(first: int, last: int) -> str:
    return (
        f"Năm bắt đầu ({first}) sau năm kết thúc ({last}); viết theo thứ tự [năm đầu, năm cuối],"
        f" ví dụ [{last}, {first}]."
    )


def periods_overlap(name: str, other: str) -> str:
    return f"{name} trùng năm với {other.lower()}; các giai đoạn không được chồng lên nhau."


def deadline_outside_period(value: object, name: str) -> str:
    return (
        f"Hạn đăng ký {_quote(value)} không thuộc năm nào của {name.lower()}; mỗi hạn thay"
        " cho ngày 30/6 của chính năm đó."
    )


def alias_taken(alias: str, owner: str) -> str:
    return f"Địa chỉ cũ {_quote(alias)} đã được dùng cho {owner}; mỗi địa chỉ chỉ dẫn tới một trang."


PERIODS_MISSING = (
    "Danh mục cần ít nhất một giai đoạn kế hoạch: thêm “periods” (mỗi giai đoạn có code, name,"
    " years: [năm đầu, năm cuối])."
)
PERIODS_AND_PREVIOUS_FORMAT = (
    "Đã có danh sách giai đoạn “periods”: hãy bỏ “{key}” khỏi “commune” (cách ghi cũ của một giai"
    " đoạn) để không có hai giá trị khác nhau."
)
NOMINATION_CONGRESS_OR_AWARD = (
    "Cần ghi hoặc “congress” (đại hội, hội nghị được giới thiệu dự) hoặc “award” (hình thức khen"
    " thưởng được đề nghị), chỉ một trong hai."
)


def duplicate_year(year: int, first_line: int) -> str:
    return f"Năm {year} đã có đánh giá (dòng {first_line}); mỗi năm chỉ một đánh giá."


def duplicate_name(name: str, other: str) -> str:
    return f"Tên {_quote(name)} trùng với hồ sơ {_quote(other)}."


def duplicate_code(table: str, code: str) -> str:
    return f"Mã {_quote(code)} bị lặp trong danh sách {TABLE_NAMES.get(table, table)}."


def hamlet_without_exemplar(name: str) -> str:
    return (
        f"{name} chưa có điển hình nào được công bố; kế hoạch yêu cầu mỗi xóm đăng ký ít nhất một điển hình."
    )


def missing_story_section(section: str) -> str:
    return f"Câu chuyện chưa có mục “## {section}”."


def broken_profile_link(target: str) -> str:
    return f"Liên kết tới hồ sơ {_quote(target)} không tồn tại hoặc chưa được công bố."


def unclosed_tag(tag: str) -> str:
    return (
        f"Thẻ HTML <{tag}> được mở nhưng không đóng; thêm </{tag}> hoặc bỏ thẻ đi"
        " (thẻ mở dở làm hỏng phần còn lại của trang)."
    )


def stray_closing_tag(tag: str) -> str:
    return f"Thẻ đóng </{tag}> không có thẻ mở tương ứng; hãy xóa nó."


EXTERNAL_IMAGE = "Ảnh lấy từ trang web khác không được dùng: hãy lưu ảnh vào thư mục hồ sơ và ghi tên tệp."

PERSONAL_DATA_KINDS = {"phone": "số điện thoại", "id_number": "số CMND/CCCD", "email": "địa chỉ e-mail"}


def personal_data(kind: str, text: str) -> str:
    return (
        f"Có vẻ là {PERSONAL_DATA_KINDS[kind]} {_quote(text)}: dữ liệu cá nhân không được công bố."
        " Hãy xóa đi, chuyển vào private_notes, hoặc nếu đây là thông tin công khai (ví dụ"
        " đường dây nóng của cơ quan) thì ghi nó vào public_contacts."
    )


LEGACY_FONTS = {"TCVN3": "TCVN3 (ABC, phông .VnTime)", "VNI": "VNI (phông VNI-Times)"}


def legacy_encoding(encoding: str, meant: str) -> str:
    shown = meant if len(meant) <= 60 else meant[:57] + "…"
    return (
        f"Chữ có vẻ gõ bằng bảng mã cũ {LEGACY_FONTS[encoding]}, chưa chuyển sang Unicode, nên trên"
        f" trang web sẽ thành chữ lạ; có lẽ là {_quote(shown)}. Hãy chuyển mã sang Unicode"
        " (ví dụ bằng công cụ chuyển mã của Unikey) rồi lưu lại."
    )


def unprintable(chars: str) -> str:
    listed = ", ".join(f"{_quote(c)} (U+{ord(c):04X})" for c in chars[:5])
    return (
        f"Ký tự {listed} không có trong phông chữ của sổ tay in (PDF) nên không in được;"
        " hãy bỏ hoặc thay bằng chữ thường."
    )


def hidden_character(described: str, position: int) -> str:
    where = f" ở vị trí thứ {position}" if position else ""
    return (
        f"Có ký tự ẩn hoặc ký tự điều khiển {described}{where}: ký tự này không"
        " nhìn thấy được, có thể đảo ngược hay làm sai lệch chữ hiển thị. Hãy xóa nó (gõ lại"
        " đoạn chữ quanh đó nếu cần)."
    )


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

    code = errno.errorcode.get(error.errno or 0, "")
    return OS_REASONS.get(code, f"lỗi hệ thống {code or error.errno}")


def write_failed(path: object, error: OSError) -> str:
    return f"Không ghi được tệp {_quote(path)}: {os_reason(error)}. Tệp cũ (nếu có) vẫn giữ nguyên."


# --- command line ------------------------------------------------------------------------

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
        f"Không ghi được trang web vào {_quote(site)}: {os_reason(error)}. Hãy giải phóng chỗ trống"
        " (hoặc cấp quyền ghi) rồi dựng lại; thư mục tạm của lần dựng này đã được xóa."
    )


INTERRUPTED = "Đã dừng theo yêu cầu; trang đã công bố trước đó vẫn giữ nguyên."
NO_CONFIG = "Không tìm thấy tệp cấu hình {path}."


# --- staff tools: new, import, report, schema ----------------------------------------------

HELP_NEW = "tạo hồ sơ nháp mới (hỏi từng mục nếu thiếu)"
HELP_NEW_NAME = "tên điển hình"
HELP_NEW_KIND = "loại: collective (tập thể), individual (cá nhân), model (mô hình); gõ tiếng Việt cũng được"
HELP_NEW_FIELD = "mã lĩnh vực chính trong danh mục"
HELP_NEW_HAMLET = "mã xóm"
HELP_NEW_ORGANIZATION = "mã tổ chức"
HELP_NEW_SUMMARY = "tóm tắt một hai câu"
HELP_NEW_REGISTERED = "ngày đăng ký NĂM-THÁNG-NGÀY (mặc định: hôm nay)"
HELP_IMPORT = "nhập bảng đăng ký (.xlsx, .csv) hoặc báo cáo thành tích Word (.docx) thành hồ sơ nháp"
HELP_IMPORT_SHEET = "tệp bảng tính đăng ký, hoặc tệp Word .docx"
HELP_REPORT = "báo cáo tổng hợp cho thư ký Hội đồng thi đua"
HELP_REPORT_HTML = "ghi thêm báo cáo dạng trang HTML"
HELP_REPORT_XLSX = "ghi thêm báo cáo dạng bảng tính Excel"
HELP_REPORT_YEAR = "chỉ tính năm này (mọi bảng: đăng ký, đánh giá, khen thưởng, nhân rộng, đề nghị)"
HELP_REPORT_PERIOD = "báo cáo tổng kết một giai đoạn (mã hoặc năm, ví dụ 2022-2025) cho hội nghị tổng kết"
HELP_REPORT_DOCX = "ghi báo cáo chính thức (thể thức Nghị định 30/2020/NĐ-CP) dạng Word"
HELP_REPORT_PDF = "ghi báo cáo chính thức dạng PDF"
HELP_REPORT_NUMBER = "số văn bản (để trống: chừa chỗ cho văn thư ghi)"
HELP_REPORT_SIGNER = "họ tên người ký"
HELP_REPORT_DATE = "ngày ban hành, NĂM-THÁNG-NGÀY (mặc định: hôm nay)"
HELP_NOMINATIONS = "danh sách đề nghị khen thưởng, biểu dương (Word, Excel)"
HELP_NOMINATIONS_XLSX = "ghi danh sách dạng bảng tính Excel"
HELP_NOMINATIONS_DOCX = "ghi danh sách dạng Word"
HELP_SCHEMA = "xuất lược đồ JSON Schema của hồ sơ (cho VS Code)"
HELP_SCHEMA_OUTPUT = "tệp ghi ra (mặc định: schema/exemplar.schema.json)"

# How a commune's and a province's names begin ("xã Hòa Bình", "tỉnh Thái Nguyên"): init adds
# the first word when a name has none of them.
COMMUNE_WORDS = ("xã", "phường", "đặc khu", "thị trấn")
PROVINCE_WORDS = ("tỉnh", "thành phố")
HELP_INIT = "tạo dự án mới cho một xã (hỏi từng mục nếu thiếu): danh mục, các trang, tệp cấu hình"
HELP_INIT_DIRECTORY = "thư mục của dự án mới (mặc định: thư mục hiện tại)"
HELP_INIT_COMMUNE = "tên xã, ví dụ “xã Hòa Bình” (thiếu chữ “xã” thì tự thêm)"
HELP_INIT_PROVINCE = "tên tỉnh, ví dụ “tỉnh Thái Nguyên”"
HELP_INIT_HAMLETS = "các xóm, mỗi dòng một xóm (hoặc cách nhau bằng dấu ;)"
HELP_INIT_HAMLETS_FILE = "tệp văn bản chứa các xóm, mỗi dòng một xóm"
HELP_INIT_ORGANIZATIONS = "các tổ chức, đoàn thể, mỗi dòng một tên (hoặc cách nhau bằng dấu ;)"
HELP_INIT_ORGANIZATIONS_FILE = "tệp văn bản chứa các tổ chức, mỗi dòng một tên"
HELP_INIT_PERIOD = "giai đoạn kế hoạch hiện tại, ví dụ 2026-2030"
HELP_INIT_DECISION = "số văn bản ban hành kế hoạch, ví dụ “15/KH-UBND”"
HELP_INIT_SITE_URL = "địa chỉ trang web (có thể sửa sau trong mkdocs.yml)"
HELP_INIT_FROM = "chép cả phần giao diện riêng (thư mục overrides) của dự án của xã này"
INIT_INTRO = "Tạo dự án trang điển hình tiên tiến cho một xã. Trả lời vài câu hỏi (Ctrl+C để thôi)."
PROMPT_INIT_COMMUNE = "Tên xã (ví dụ: xã Hòa Bình)"
PROMPT_INIT_PROVINCE = "Tỉnh (ví dụ: tỉnh Thái Nguyên)"
PROMPT_INIT_HAMLETS = "Các xóm: dán danh sách hoặc gõ mỗi dòng một xóm; để trống một dòng (Enter) là xong."
PROMPT_INIT_ORGANIZATIONS = (
    "Các tổ chức, đoàn thể, trường học…: mỗi dòng một tên; để trống một dòng là xong"
    " (bỏ qua được, thêm sau trong danh mục)."
)
PROMPT_INIT_PERIOD = "Giai đoạn kế hoạch hiện tại (Enter để chọn {default})"
INIT_EXISTS = (
    "Đã có dự án ở đây ({path}); “dienhinh init” không ghi đè. Chọn một thư mục mới hoặc trống,"
    " ví dụ: dienhinh init du-an-xa-moi"
)
INIT_NO_TEMPLATES = (
    "Không thấy phần giao diện riêng (thư mục overrides) nào ở {path}. Bỏ --from để dùng giao"
    " diện của công cụ."
)
INIT_NO_HAMLETS = "Cần ít nhất một xóm (--hamlets hoặc --hamlets-file, mỗi dòng một xóm)."
INIT_BAD_PERIOD = "Giai đoạn “{value}” không hợp lệ; viết năm đầu-năm cuối, ví dụ 2026-2030."
INIT_LIST_UNREADABLE = "Không đọc được tệp {path} ({reason}); cần tệp văn bản UTF-8, mỗi dòng một tên."
INIT_WROTE = "Đã tạo {path}"
INIT_NOT_A_FOLDER = "{path} là một tệp, không phải thư mục; chọn một thư mục mới hoặc trống."
INIT_WRITE_FAILED = "Không ghi được dự án vào {path} ({reason}); không có tệp nào được tạo."
INIT_CHECK_FAILED = "Dự án đã tạo nhưng danh mục còn lỗi ở trên; sửa rồi chạy “dienhinh check”."
INIT_DONE = (
    "Xong: dự án mới ở {path}, chưa có hồ sơ nào, không có dữ liệu minh họa. Tiếp theo: vào thư mục"
    " đó, xem lại exemplars/registry.yml (mã xóm, loại tổ chức, lĩnh vực và tiêu chí), sửa site_url"
    " trong mkdocs.yml, rồi “dienhinh new” để thêm hồ sơ và “dienhinh build” để dựng trang."
)

DRAFT_SUMMARY = "Bản nháp: hãy viết một hai câu giới thiệu điển hình (hiện trên thẻ và khi chia sẻ)."
DRAFT_STORY_SECTIONS = (
    ("Cách làm", "Kể lại đã làm gì, làm thế nào, ai cùng làm, bắt đầu từ khi nào."),
    ("Kết quả", "Những con số và thay đổi cụ thể: thu nhập, số hộ, diện tích, thời gian…"),
    ("Bài học kinh nghiệm", "Điều gì giúp làm được; người khác muốn học theo cần lưu ý gì."),
)
# The headings every story should have (``check`` warns about a missing one).
STORY_SECTIONS = tuple(heading for heading, _ in DRAFT_STORY_SECTIONS)
NEW_CREATED = "Đã tạo hồ sơ nháp {path} (địa chỉ trang: /dien-hinh/{slug}/)."
NEW_NEXT = "Tiếp theo: viết câu chuyện trong tệp trên, chạy “dienhinh check”, rồi đổi status thành published."
NEW_FAILED = "Chưa tạo hồ sơ: sửa các lỗi trên rồi chạy lại."
NEW_MISSING_OPTION = "Thiếu {option} (chạy trong cửa sổ dòng lệnh để được hỏi từng mục)."
NEW_NO_REGISTRY = "Không đọc được danh mục (registry); chạy “dienhinh check” để xem lỗi."
PROMPT_NAME = "Tên điển hình"
PROMPT_KIND = "Loại điển hình"
PROMPT_FIELD = "Lĩnh vực chính"
PROMPT_HAMLET = "Xóm (để trống nếu không thuộc xóm nào)"
PROMPT_ORGANIZATION = "Tổ chức (để trống nếu không có)"
PROMPT_SUMMARY = "Tóm tắt một hai câu (có thể để trống, viết sau)"
PROMPT_BAD_CHOICE = "Không có lựa chọn “{value}”; gõ số thứ tự trong danh sách hoặc mã."

SHEET_COLUMNS = {
    "name": "tên điển hình",
    "kind": "loại",
    "field": "lĩnh vực",
    "hamlet": "xóm",
    "organization": "tổ chức",
    "registered": "ngày đăng ký",
    "summary": "tóm tắt",
}
SHEET_UNREADABLE = "Không đọc được bảng tính: {detail}."
SHEET_MISSING = "Không tìm thấy tệp bảng tính {path}."
SHEET_UNKNOWN_TYPE = "Chỉ nhận tệp .xlsx hoặc .csv."
SHEET_NOT_UTF8 = "Tệp CSV không phải mã UTF-8. Trong Excel chọn “Lưu thành… CSV UTF-8”."
# The columns a registration sheet needs, as the messages name them.
SHEET_EXPECTED = (
    "“tên điển hình” (hoặc “tên mô hình / điển hình”), “loại” (tập thể / cá nhân / mô hình),"
    " “lĩnh vực” (hoặc “thuộc lĩnh vực”), “xóm” hoặc “tổ chức”, “ngày đăng ký”; nên có “tóm tắt”"
)


def sheet_too_large(limit_mb: int) -> str:
    return (
        f"Bảng tính quá lớn (giới hạn {limit_mb} MB khi giải nén); bảng đăng ký chỉ cần các cột và"
        " các dòng đăng ký. Hãy chép các dòng đó sang một tệp mới rồi nhập lại."
    )


def sheet_too_many_rows(limit: int) -> str:
    return f"Bảng tính có hơn {limit:,} dòng có dữ liệu; hãy chia thành nhiều tệp.".replace(",", ".")


def _headers(found: Sequence[str]) -> str:
    return ", ".join(f"“{h}”" for h in found) if found else "(không có chữ nào)"


def sheet_no_header(found: Sequence[str]) -> str:
    return (
        "Không tìm thấy dòng tiêu đề trong 10 dòng đầu."
        f" Dòng giống tiêu đề nhất có: {_headers(found)}."
        f" Cần các cột {SHEET_EXPECTED} (viết hoa hay thường, có dấu hay không đều được)."
    )


def sheet_missing_column(column: str, found: Sequence[str] = ()) -> str:
    return (
        f"Bảng tính thiếu cột “{column}”. Dòng tiêu đề có: {_headers(found)}. Cần các cột {SHEET_EXPECTED}."
    )


def sheet_unknown_columns(labels: Sequence[str]) -> str:
    return (
        f"Không nhập {', '.join(labels)}: không phải cột của mẫu đăng ký. Nếu là một trong các cột"
        f" {SHEET_EXPECTED}, hãy đổi tên tiêu đề cho đúng."
    )


def sheet_skipped(rows: Sequence[int]) -> str:
    return (
        f"Bỏ qua dòng {_row_ranges(rows)}: không phải dòng đăng ký (số thứ tự cột, dòng cộng,"
        " địa danh và ngày tháng, chức danh và chữ ký)."
    )


def _row_ranges(rows: Sequence[int]) -> str:
    """ "5, 9–12": consecutive rows as ranges."""
    parts: list[str] = []
    for row in rows:
        if parts and row == int(parts[-1].split("–")[-1]) + 1:
            parts[-1] = f"{parts[-1].split('–')[0]}–{row}"
        else:
            parts.append(str(row))
    return ", ".join(parts)


def sheet_bad_date(value: object) -> str:
    return (
        f"Ngày {_quote(value)} không hợp lệ. Viết theo dạng ngày/tháng/năm, ví dụ 15/06/2022"
        " (hoặc 2022-06-15), và phải là ngày có thật."
    )


def sheet_bad_kind(value: object) -> str:
    return f"Loại {_quote(value)} không hợp lệ; chọn một trong: Tập thể, Cá nhân, Mô hình."


def sheet_unknown_name(table: str, value: object, valid: Sequence[str]) -> str:
    name = TABLE_NAMES.get(table, table)
    return (
        f"Không có {name} {_quote(value)} trong danh mục (registry).{_suggest(value, valid)}"
        f" Ghi tên hoặc mã; các mã hợp lệ: {', '.join(valid)}."
    )


def sheet_duplicate_row(row: int) -> str:
    return f"Trùng tên với dòng {row} của bảng tính; mỗi điển hình chỉ một dòng."


def sheet_place(name: str, row: int, column: str) -> str:
    """Where a problem of a spreadsheet is: its file name, then row and column when known."""
    where = f"{name}: dòng {row}" if row else name
    return f"{where}, {column}" if column else where


def sheet_cell(letter: str, header: str) -> str:
    return f"cột {letter} “{header}”"


IMPORT_CREATED = "tạo mới"
IMPORT_UPDATED = "cập nhật"
IMPORT_UNCHANGED = "không đổi"
IMPORT_KEPT = "đã công bố nên giữ nguyên (sửa trực tiếp trong hồ sơ)"
IMPORT_UNREADABLE = "Hồ sơ {path} có phần đầu không đọc được nên không cập nhật; chạy “dienhinh check”."
IMPORT_PROGRESS = "Đang nhập hồ sơ"
IMPORT_OUTCOME = "dòng {row}: {outcome} exemplars/{slug}/index.md"
IMPORT_SUMMARY = (
    "Đã nhập {rows} dòng: {created} hồ sơ nháp mới, {updated} cập nhật, {unchanged} không đổi;"
    " {bad} dòng có lỗi chưa nhập."
)
IMPORT_ROW_ERRORS = (
    "Các dòng có lỗi ở trên chưa được nhập; sửa bảng tính rồi nhập lại (dòng đã nhập không bị nhân đôi)."
)

REPORT_TITLE = "Báo cáo điển hình tiên tiến — {commune}"
REPORT_GENERATED = (
    "Lập ngày {date}. Đã đăng ký: mọi hồ sơ (kể cả nháp); đã công bố: hồ sơ hiện trên trang web."
)
REPORT_TOTALS = "Tổng số"
REPORT_REGISTERED = "Đã đăng ký"
REPORT_PUBLISHED = "Đã công bố"
REPORT_HAMLETS = "Điển hình theo xóm"
REPORT_ORGANIZATIONS = "Điển hình theo tổ chức"
REPORT_LATE = "Đăng ký muộn (sau hạn đăng ký của năm đăng ký, mặc định 30/6, trong giai đoạn của nó)"
REPORT_MISSING_EVALUATIONS = "Thiếu đánh giá hằng năm (các năm của giai đoạn, đến năm {last})"
REPORT_COMMENDATIONS = "Khen thưởng theo cấp và năm"
REPORT_REPLICATIONS = "Nhân rộng"
REPORT_NONE = "Không có."
REPORT_NO_EXEMPLAR = "chưa có điển hình"
REPORT_NOT_PUBLISHED = "chưa công bố"
REPORT_FLAG = "Ghi chú"
REPORT_HAMLET = "Xóm"
REPORT_ORGANIZATION = "Tổ chức"
REPORT_EXEMPLAR = "Điển hình"
REPORT_DATE = "Ngày đăng ký"
REPORT_DEADLINE = "Hạn đăng ký"
REPORT_DAYS_LATE = "Muộn (ngày)"
REPORT_FORMER_COMMUNE = "Xã cũ"
REPORT_MISSING_YEARS = "Năm chưa đánh giá"
REPORT_LEVEL = "Cấp"
REPORT_TOTAL = "Cộng"
REPORT_PLACES = "Số nơi"
REPORT_UNITS = "Số hộ/đơn vị"
REPORT_HAMLETS_WITHOUT = "Xóm chưa có điển hình được công bố: {names}."
REPORT_HAMLETS_WITHOUT_IN = "Xóm chưa có điển hình đăng ký và công bố trong{scope}: {names}."
REPORT_NONE_IN_SCOPE = "không có đăng ký trong kỳ"
REPORT_ALL_HAMLETS = "Xóm nào cũng có điển hình được công bố."
REPORT_WRITTEN = "Đã ghi báo cáo vào {path}."
REPORT_SKIPPED = "{count} hồ sơ có lỗi không được tính; chạy “dienhinh check” để xem."
REPORT_NO_REGISTRY = NEW_NO_REGISTRY
# Worksheet names of the Excel report, one per section (Excel allows at most 31 characters).
REPORT_SHEET_TOTALS = "Tổng số"
REPORT_SHEET_HAMLETS = "Theo xóm"
REPORT_SHEET_ORGANIZATIONS = "Theo tổ chức"
REPORT_SHEET_FIELDS = "Theo lĩnh vực"
REPORT_SHEET_LIST = "Danh sách"
REPORT_SHEET_LATE = "Đăng ký muộn"
REPORT_SHEET_MISSING = "Thiếu đánh giá"
REPORT_SHEET_EVALUATIONS = "Kết quả đánh giá"
REPORT_SHEET_COMMENDATIONS = "Khen thưởng"
REPORT_SHEET_REPLICATIONS = "Nhân rộng"
REPORT_SHEET_NOMINATIONS = "Giới thiệu, đề nghị"
REPORT_NUMBER = "STT"
REPORT_FIELDS = "Điển hình theo lĩnh vực"
REPORT_FIELD = "Lĩnh vực"
REPORT_LIST = "Danh sách điển hình đăng ký"
REPORT_KIND = "Loại"
REPORT_PLACE = "Xóm, tổ chức"
REPORT_STATUS = "Trạng thái"
REPORT_STATUS_WORDS = {True: "Đã công bố", False: "Chưa công bố"}
REPORT_EVALUATIONS = "Kết quả đánh giá hằng năm"
REPORT_RESULT = "Kết quả"
REPORT_WHERE = "Nơi nhân rộng"
REPORT_NOMINATIONS = "Giới thiệu, đề nghị khen thưởng cấp trên"
REPORT_NOMINATION_LEVEL = "Cấp"
REPORT_YEAR = "Năm"
REPORT_PROPOSAL = "Giới thiệu dự / hình thức đề nghị"
REPORT_DECISION = "Quyết định"
REPORT_CONGRESS = "Giới thiệu dự {congress}"
REPORT_DATED = " ngày {date}"
REPORT_OF_YEAR = " — năm {year}"
REPORT_OF_PERIOD = " — giai đoạn {years}"
REPORT_AS_OF = "Số liệu đến ngày {date}"
REPORT_BAD_PERIOD = "Không có giai đoạn “{value}” trong danh mục; các giai đoạn: {valid}."
REPORT_YEAR_AND_PERIOD = (
    "Chọn một trong hai: --year (báo cáo năm) hoặc --period (báo cáo tổng kết giai đoạn)."
)
REPORT_TEMPLATE_UNREADABLE = (
    "Không đọc được mẫu Word {path}: tệp không phải văn bản Word (.docx) hoặc đã hỏng. Mở lại"
    " bằng Word rồi lưu dạng .docx, hoặc xóa tệp này khỏi thư mục overrides để dùng mẫu của công cụ."
)
REPORT_TEMPLATE_STYLE = (
    "Mẫu Word {path} thiếu kiểu (style) “{style}”: có thể đã bị đổi tên hoặc xóa trong Word."
    " Đổi lại đúng tên, hoặc xóa tệp này khỏi thư mục overrides để dùng mẫu của công cụ."
)
REPORT_PDF_FONT_MISSING = (
    "Không có phông Liberation Serif (thay cho Times New Roman) để in PDF: cài gói"
    " fonts-liberation2 (scripts/system-packages)."
)
REPORT_WRITE_FAILED = "Không ghi được tệp “{path}”: {reason}. Tệp cũ (nếu có) vẫn giữ nguyên."
REPORT_PDF_FAILED = "Không in được PDF: {detail}."
NOMINATIONS_NONE = "Không có điển hình nào được giới thiệu hay đề nghị{scope}: danh sách sẽ trống."

# --- official documents (Nghị định 30/2020/NĐ-CP) ------------------------------------------

# Paragraph styles of the Word template (the theme's report/mau-van-ban.docx), by role: the
# names a commune sees and may restyle in Word (renaming one breaks the report, which says so).
DOC_STYLES = {
    "issuer": "Tên cơ quan ban hành",
    "rule": "Đường kẻ ngang",
    "number": "Số ký hiệu",
    "national": "Quốc hiệu",
    "motto": "Tiêu ngữ",
    "place_date": "Địa danh và ngày tháng",
    "kind": "Tên loại văn bản",
    "subject": "Trích yếu",
    "heading": "Đề mục",
    "body": "Nội dung",
    "caption": "Tên bảng",
    "cell": "Ô bảng",
    "cell_number": "Ô bảng số",
    "cell_header": "Ô tiêu đề bảng",
    "recipients_title": "Nơi nhận",
    "recipient": "Danh sách nơi nhận",
    "authority": "Quyền hạn và chức vụ người ký",
    "signer": "Họ tên người ký",
    "page_number": "Số trang",
}
DOC_NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
DOC_MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOC_ISSUER_BODY = "Ủy ban nhân dân"
DOC_UNIT_WORDS = ("xã", "phường", "thị trấn", "đặc khu")
DOC_DATE = "ngày {day} tháng {month} năm {year}"
DOC_NUMBER = "Số: {number}/{symbol}"
DOC_NUMBER_BLANK = "\u00a0" * 8
DOC_SYMBOL_REPORT = "BC-UBND"
DOC_SYMBOL_LIST = "DS-UBND"
DOC_RECIPIENTS = "Nơi nhận:"
DOC_RECIPIENTS_DEFAULT = (
    "- Thường trực Đảng ủy xã (b/c);",
    "- Thường trực HĐND xã (b/c);",
    "- Ủy ban MTTQ Việt Nam xã;",
    "- Hội đồng Thi đua - Khen thưởng xã;",
    "- Lưu: VT, VP.",
)
DOC_AUTHORITY = "TM. ỦY BAN NHÂN DÂN"
DOC_SIGNER_TITLE = "CHỦ TỊCH"
DOC_REPORT = "BÁO CÁO"
DOC_LIST = "DANH SÁCH"
DOC_REPORT_SUBJECT_YEAR = "Kết quả xây dựng và nhân rộng điển hình tiên tiến năm {year}"
DOC_REPORT_SUBJECT_PERIOD = "Tổng kết xây dựng và nhân rộng điển hình tiên tiến {period}"
DOC_REPORT_SUBJECT_ALL = "Kết quả xây dựng và nhân rộng điển hình tiên tiến (đến ngày {date})"
DOC_LIST_SUBJECT = "Tập thể, cá nhân đề nghị khen thưởng, biểu dương{scope}"
DOC_LIST_SCOPE_YEAR = " năm {year}"
DOC_LIST_SCOPE_PERIOD = " {period}"
DOC_LIST_HEADERS = (
    "STT",
    "Tên tập thể, cá nhân",
    "Địa chỉ, đơn vị",
    "Thành tích tóm tắt",
    "Hình thức đề nghị",
)
DOC_LIST_SHEET = "Danh sách đề nghị"
DOC_INTRO = (
    "Thực hiện {plan}, Ủy ban nhân dân {commune} báo cáo kết quả xây dựng và nhân rộng điển"
    " hình tiên tiến{scope} như sau:"
)
DOC_SCOPE_YEAR = " năm {year}"
DOC_SCOPE_PERIOD = " {period}"
DOC_SCOPE_ALL = " đến ngày {date}"
DOC_PART_REGISTRATIONS = "I. KẾT QUẢ ĐĂNG KÝ ĐIỂN HÌNH"
DOC_PART_EVALUATIONS = "II. KẾT QUẢ ĐÁNH GIÁ HẰNG NĂM"
DOC_PART_COMMENDATIONS = "III. KHEN THƯỞNG"
DOC_PART_REPLICATIONS = "IV. NHÂN RỘNG ĐIỂN HÌNH"
DOC_PART_NOMINATIONS = "V. GIỚI THIỆU, ĐỀ NGHỊ CẤP TRÊN"
DOC_PART_SUMMARY = "VI. ĐÁNH GIÁ CHUNG"
DOC_REGISTERED_TEXT = (
    "Toàn xã có {registered} điển hình đăng ký ({kinds}); {published} điển hình đã được công bố"
    " trên trang thông tin của xã."
)
DOC_NO_NEW = "Trong{scope} không có điển hình đăng ký mới."
DOC_ALL_HAMLETS = "Tất cả các xóm đều có điển hình được công bố."
DOC_LATE_TEXT = "Có {count} điển hình đăng ký sau hạn của năm đăng ký."
DOC_EVALUATED_TEXT = (
    "Đã đánh giá {count} lượt; còn {missing} điển hình chưa có đánh giá của năm phải đánh giá."
)
DOC_COMMENDED_TEXT = "Có {count} lượt khen thưởng."
DOC_REPLICATED_TEXT = "{count} điển hình được nhân rộng, với {units} hộ/đơn vị áp dụng."
DOC_NOMINATED_TEXT = "{count} lượt giới thiệu, đề nghị lên cấp trên."
DOC_NONE_TEXT = "Không có."
DOC_TABLE = "Bảng {number}. {title}"
DOC_PERIOD_RESULT = "Kết quả tổng kết giai đoạn (hội nghị ngày {date}):"
DOC_PERIOD_NO_RESULT = (
    "Hội nghị tổng kết giai đoạn chưa ghi kết quả trong danh mục (periods[].summary);"
    " bổ sung phần đánh giá chung trước khi trình ký."
)
DOC_CLOSING = "Trên đây là báo cáo{scope} của Ủy ban nhân dân {commune}./."

SCHEMA_WRITTEN = "Đã ghi lược đồ JSON Schema vào {path}."
SCHEMA_TITLE = "Hồ sơ điển hình tiên tiến (phần thông tin đầu của exemplars/<thư mục>/index.md)"
SCHEMA_DESCRIPTION = (
    "Tạo bằng “dienhinh schema” từ mô hình dữ liệu và danh mục (registry); chạy lại lệnh này"
    " sau khi sửa danh mục. “dienhinh check” vẫn là phép kiểm tra đầy đủ."
)
SCHEMA_DESCRIPTIONS = {
    "name": "Tên điển hình, như muốn hiện trên trang.",
    "kind": "Loại: collective (tập thể), individual (cá nhân), model (mô hình).",
    "field": "Lĩnh vực chính: một mã trong danh mục.",
    "other_fields": "Các lĩnh vực khác (mã), nếu có.",
    "hamlet": "Mã xóm (cần xóm hoặc tổ chức).",
    "organization": "Mã tổ chức (cần xóm hoặc tổ chức).",
    "registered": "Ngày đăng ký, dạng NĂM-THÁNG-NGÀY, ví dụ 2022-06-15.",
    "summary": "Một hai câu tóm tắt (tối đa 400 ký tự), hiện trên thẻ và khi chia sẻ.",
    "criteria": "Các tiêu chí đạt được: mã tiêu chí của lĩnh vực hoặc tiêu chí chung.",
    "featured": "true để đưa lên trang chủ.",
    "status": "draft (nháp, không đăng) hoặc published (đăng lên trang).",
    "consent": "Sự đồng ý công bố của cá nhân: {given: true, date: 2022-06-15}.",
    "evaluations": "Đánh giá hằng năm: năm, kết quả, ghi chú, số liệu.",
    "commendations": "Khen thưởng: ngày, cấp, hình thức, nơi khen.",
    "replications": "Nơi đã nhân rộng: xóm (mã) hoặc nơi khác, năm, số hộ/đơn vị.",
    "nominations": (
        "Giới thiệu lên cấp trên: cấp (commune, province, national), năm, đại hội (congress)"
        " hoặc khen thưởng đề nghị (award), văn bản (decision)."
    ),
    "aliases": "Địa chỉ cũ của hồ sơ (tên thư mục trước khi đổi); địa chỉ cũ tự chuyển tới trang mới.",
    "Nomination.level": "Cấp: commune (xã), province (tỉnh), national (toàn quốc). Sau xã là tỉnh.",
    "Nomination.congress": "Đại hội, hội nghị được giới thiệu dự (ghi congress hoặc award).",
    "Nomination.award": "Hình thức khen thưởng được đề nghị (ghi congress hoặc award).",
    "Nomination.decision": "Văn bản: {number: số, date: ngày, issuer: cơ quan ban hành}.",
    "public_contacts": "Thông tin liên hệ được phép công bố (ví dụ số điện thoại của cơ quan).",
    "private_notes": "Ghi chú nội bộ cho Hội đồng; không bao giờ hiện trên trang.",
    "photos": "Ảnh trong thư mục hồ sơ (JPEG, PNG hoặc WebP); ảnh đầu tiên là ảnh bìa nếu không ghi cover.",
    "Photo.file": "Tên tệp ảnh, tương đối với thư mục hồ sơ, ví dụ anh-1.jpg.",
    "Photo.caption": "Chú thích hiện dưới ảnh.",
    "Photo.credit": "Người hoặc nơi chụp ảnh.",
    "Photo.alt": "Mô tả ảnh cho người không nhìn thấy (mặc định là chú thích).",
    "Photo.cover": "true để làm ảnh bìa (chỉ một ảnh).",
    "Evaluation.result": "Kết quả đánh giá: mã trong danh mục.",
    "Evaluation.figures": "Số liệu của năm: mã số liệu trong danh mục → con số.",
    "Commendation.level": "Cấp khen thưởng: mã trong danh mục.",
    "Commendation.form": "Hình thức khen thưởng: mã trong danh mục.",
    "Replication.hamlet": "Mã xóm đã nhân rộng (hoặc ghi “place” cho nơi ngoài xã).",
}
# --- study visits and booklets -----------------------------------------------------------

VISIT_WITHOUT_STOPS = (
    "Chuyến tham quan chưa có điểm đến nào: thêm ít nhất một mục vào “stops”"
    " (exemplar: mã hồ sơ, time: giờ, place: địa điểm)."
)
VISITS_NOT_A_FOLDER = "“{path}” không phải là thư mục chứa các tệp chuyến tham quan (.yml)."


def bad_visit_slug(name: str) -> str:
    return (
        f"Tên tệp {_quote(name)} không dùng được làm địa chỉ trang: chỉ gồm chữ thường"
        " không dấu, số và dấu gạch ngang (ví dụ: tham-quan-che-2024.yml)."
    )


def bad_time(value: object) -> str:
    return f"Giờ {_quote(value)} không hợp lệ. Viết theo dạng GIỜ:PHÚT, ví dụ 08:30 hoặc 14:00."


def unknown_visit_exemplar(slug: str, close: Sequence[str]) -> str:
    hint = (
        " Có phải ý bạn là " + ", ".join(_quote(c) for c in close) + "?"
        if close
        else " Mã hồ sơ là tên thư mục của hồ sơ trong exemplars/."
    )
    return f"Không có hồ sơ điển hình {_quote(slug)}.{hint}"


def exemplar_not_public(slug: str) -> str:
    return (
        f"Hồ sơ {_quote(slug)} chưa được công bố (bản nháp, hoặc cá nhân chưa đồng ý công bố)"
        " nên không đưa vào chuyến tham quan được."
    )


def duplicate_stop(slug: str, first: int) -> str:
    return f"Hồ sơ {_quote(slug)} đã có trong lịch trình (điểm đến thứ {first})."


def stop_out_of_order(time: str, previous: str) -> str:
    return f"Giờ {_quote(time)} sớm hơn điểm đến trước ({_quote(previous)}); hãy xếp theo thứ tự thời gian."


def unknown_visit(slug: str, known: Sequence[str]) -> str:
    listed = ", ".join(known) if known else "(chưa có chuyến nào trong thư mục visits/)"
    return f"Không có chuyến tham quan {_quote(slug)}.{_suggest(slug, known)} Các chuyến hiện có: {listed}."


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


def long_date(value: dt.date) -> str:
    """A date as written in a sentence: “ngày 5 tháng 3 năm 2024”."""
    return f"ngày {value.day} tháng {value.month} năm {value.year}"


# --- photos and share cards ----------------------------------------------------------------

PHOTO_OUTSIDE = (
    "Đường dẫn ảnh phải nằm trong thư mục hồ sơ (viết tương đối, ví dụ anh-1.jpg);"
    " không dùng “..”, đường dẫn tuyệt đối hay liên kết (symlink) trỏ ra ngoài."
)
PHOTO_NOT_A_FILE = "“{file}” không phải là một tệp ảnh."
PHOTO_NOT_IMAGE = (
    "Tệp “{file}” không phải ảnh JPEG, PNG hoặc WebP (đã kiểm tra nội dung tệp, không chỉ phần đuôi)."
)
PHOTO_HEIF = (
    "Ảnh “{file}” ở định dạng HEIC của iPhone, trang web không dùng trực tiếp được. Hãy tải ảnh lên"
    " qua trình soạn thảo (“dienhinh edit”): ảnh được tự chuyển sang JPEG."
)
PHOTO_CORRUPT = "Ảnh “{file}” bị hỏng hoặc không trọn vẹn ({detail}). Hãy chép lại tệp ảnh gốc."
PHOTO_BOMB = "Ảnh “{file}” khai báo kích thước quá lớn bất thường (ảnh “bom giải nén”); không xử lý ảnh này."
PHOTO_DUPLICATE = "Ảnh “{file}” đã được khai báo ở photos[{first}]."
PHOTO_TWO_COVERS = "Chỉ một ảnh được làm ảnh bìa (cover: true); ảnh bìa đã là photos[{first}]."
PHOTO_NOT_DECLARED = (
    "Câu chuyện dùng ảnh “{file}” nhưng ảnh này chưa được khai báo trong “photos” (cần file và caption)."
)
PHOTO_STATS = "Ảnh: {processed} xử lý mới, {cached} lấy từ bộ nhớ đệm."
CARD_STATS = "Thẻ chia sẻ: {made} tạo mới, {cached} lấy từ bộ nhớ đệm."
FONT_MISSING = (
    "Không tìm thấy phông chữ để vẽ thẻ chia sẻ (đã tìm: {paths})."
    " Hãy cài gói fonts-noto-core hoặc fonts-dejavu-core (chạy scripts/bootstrap)."
)
CARD_KICKER_SITE = "Điển hình tiên tiến"
CARD_KICKER_FIELD = "Lĩnh vực"

# --- home page charts ----------------------------------------------------------------------

CHART_BY_FIELD = "Số điển hình theo lĩnh vực"
CHART_BY_HAMLET = "Số điển hình theo xóm"


def chart_by_hamlet_of(former_commune: str) -> str:
    """Title of the hamlet chart of one former commune (after communes merged)."""
    return f"Số điển hình theo xóm — {former_commune}"


CHART_UNIT = "điển hình"  # after each value in the chart's text description: “Xóm Pa Chò: 3 điển hình”


def photo_missing(file: str) -> str:
    return (
        f"Không tìm thấy ảnh “{file}” trong thư mục hồ sơ. Kiểm tra tên tệp (phân biệt chữ hoa, chữ thường)."
    )


def photo_too_large(size_mb: float, limit_mb: float) -> str:
    return (
        f"Ảnh quá lớn ({size_mb:.1f} MB); giới hạn là {limit_mb:g} MB."
        " Hãy giảm kích thước ảnh trước khi đưa lên."
    )


def photo_too_many_pixels(width: int, height: int, limit_mp: float) -> str:
    return (
        f"Ảnh có {width}×{height} điểm ảnh, vượt giới hạn {limit_mp:g} triệu điểm ảnh."
        " Hãy thu nhỏ ảnh trước khi đưa lên."
    )


# --- search (Pagefind) -------------------------------------------------------------------

SEARCH_NO_BINARY = (
    "Không tìm thấy chương trình Pagefind để lập chỉ mục tìm kiếm."
    " Hãy chạy lại scripts/bootstrap (cài gói pagefind[bin])."
)

SEARCH_INDEXED = "Đã lập chỉ mục tìm kiếm: {pages} trang."
SEARCH_EXIT_CODE = "Pagefind: mã lỗi {code}"
SEARCH_NO_SITE_DIR = "không có thư mục {path}"


RAW_HTML_CHANGED = (
    "{page}: một phần mở rộng Markdown trong mkdocs.yml đã sửa các chỗ giữ khối HTML do công cụ"
    " sinh ra, nên không ghép lại được trang. Hãy bỏ phần mở rộng đó khỏi markdown_extensions."
)


def search_failed(detail: str) -> str:
    return f"Lập chỉ mục tìm kiếm (Pagefind) không thành công: {detail}"


# --- open data (du-lieu/: JSON, CSV, Atom feed, schema) ----------------------------------------

OPEN_DATA_WRITTEN = "Dữ liệu mở: {profiles} hồ sơ trong du-lieu/ ({files})."
FEED_TITLE = "Điển hình mới công bố, mới cập nhật — {site}"
FEED_SUBTITLE = (
    "Hồ sơ điển hình tiên tiến của {commune} vừa công bố hoặc vừa có thêm đánh giá, khen thưởng, đề cử."
)
FEED_LINK_TITLE = "Điển hình mới công bố, mới cập nhật"
CSV_YES = "Có"
# The CSV's header row: the heading of each column (export.CSV_COLUMNS: the order, the values).
CSV_HEADINGS = {
    "slug": "Mã hồ sơ",
    "url": "Địa chỉ trang",
    "name": "Tên điển hình",
    "kind": "Loại",
    "field_code": "Mã lĩnh vực",
    "field": "Lĩnh vực",
    "other_fields": "Lĩnh vực khác",
    "hamlet_code": "Mã xóm",
    "hamlet": "Xóm",
    "organization_code": "Mã tổ chức",
    "organization": "Tổ chức",
    "registered": "Ngày đăng ký",
    "updated": "Ngày cập nhật",
    "summary": "Tóm tắt",
    "featured": "Tiêu biểu",
    "criteria": "Tiêu chí đạt được",
    "evaluation_count": "Số lần đánh giá",
    "latest_evaluation_year": "Năm đánh giá gần nhất",
    "latest_evaluation_result": "Kết quả đánh giá gần nhất",
    "commendation_count": "Số lần khen thưởng",
    "commendations": "Khen thưởng",
    "replication_count": "Số nơi nhân rộng",
    "replicated_units": "Số hộ/đơn vị làm theo",
    "replication_places": "Nơi nhân rộng",
    "nomination_count": "Số lần đề cử",
    "nominations": "Đề cử",
    "photo_count": "Số ảnh",
    "cover": "Ảnh bìa",
}
HELP_OPEN_DATA_SCHEMA = "ghi lược đồ JSON Schema của dữ liệu mở (du-lieu/dien-hinh.json)"
OPEN_DATA_SCHEMA_TITLE = "Dữ liệu mở điển hình tiên tiến của một xã (du-lieu/dien-hinh.json)"
OPEN_DATA_SCHEMA_DESCRIPTION = (
    "Mọi hồ sơ điển hình đã công bố trên trang của xã, với tên trong danh mục, ảnh đã xử lý,"
    " đánh giá, khen thưởng, nhân rộng và đề cử. Không có bản nháp, ghi chú nội bộ, thông tin"
    " đồng ý hay liên hệ. Địa chỉ (url) là tuyệt đối khi trang có site_url, nếu không thì tương"
    " đối với tệp dữ liệu này. Mọi trường luôn có mặt (null hoặc [] khi trống)."
)
OPEN_DATA_DESCRIPTIONS = {
    "OpenData.$schema": "Địa chỉ của lược đồ này.",
    "OpenData.schema_version": "Phiên bản dạng dữ liệu (MAJOR.MINOR.PATCH); bên đọc nhận cùng MAJOR.",
    "OpenData.commune": "Xã công bố dữ liệu.",
    "OpenData.updated": "Ngày cập nhật mới nhất trong các hồ sơ (null khi chưa có hồ sơ).",
    "OpenData.profiles": "Các hồ sơ đã công bố, theo mã hồ sơ.",
    "Commune.full_name": "Tên đầy đủ: xã, (huyện,) tỉnh.",
    "Commune.site_url": "Địa chỉ trang điển hình của xã (null nếu trang không khai báo).",
    "Commune.sample_data": "true: dữ liệu minh họa, không phải điển hình có thật.",
    "Profile.slug": "Mã hồ sơ: tên thư mục, cũng là địa chỉ trang.",
    "Profile.url": "Địa chỉ trang hồ sơ trên trang của xã.",
    "Profile.registered": "Ngày đăng ký.",
    "Profile.updated": (
        "Ngày mới nhất trong hồ sơ: đăng ký, khen thưởng, quyết định đề cử, đánh giá"
        " (tính là ngày 31/12 của năm đánh giá)."
    ),
    "Profile.featured": "Được đưa lên trang chủ của xã.",
    "Profile.evaluations": "Đánh giá hằng năm, theo năm.",
    "Profile.commendations": "Khen thưởng, theo ngày.",
    "Profile.replications": "Nơi đã nhân rộng: xóm của xã hoặc nơi khác.",
    "Profile.nominations": "Đề cử lên cấp trên (xã, tỉnh, toàn quốc): đại hội thi đua hoặc giải thưởng.",
    "Profile.photos": "Ảnh đã xử lý (đã bỏ mọi siêu dữ liệu); ảnh gốc không bao giờ được công bố.",
    "Photo.url": "Bản JPEG lớn nhất.",
    "Photo.thumbnail": "Bản JPEG nhỏ nhất, để làm ảnh thu nhỏ.",
    "Photo.credit": "Người hoặc nơi chụp ảnh.",
    "Replication.units": "Số hộ hoặc đơn vị đã làm theo.",
    "Nomination.congress": "Đại hội thi đua được giới thiệu tới.",
    "Nomination.award": "Giải thưởng, danh hiệu được đề nghị.",
}

# --- the province site (dienhinh gather) ------------------------------------------------------

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
    return _quote(text if len(text) <= limit else text[: limit - 1] + "…")


def schema_error(validator: str, expected: Any, value: Any) -> str:
    """What the schema's ``validator`` keyword found wrong with ``value``."""
    if validator == "required":
        missing = [k for k in expected if not isinstance(value, dict) or k not in value]
        return "thiếu trường " + ", ".join(_quote(k) for k in missing)
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
    return "có trường không có trong mẫu dữ liệu (không được công bố): " + ", ".join(_quote(k) for k in keys)


def data_not_json(line: int, column: int) -> str:
    return f"dữ liệu không phải JSON hợp lệ (dòng {line}, cột {column})"


def data_version(version: object, major: str) -> str:
    return (
        f"dữ liệu theo phiên bản {_quote(version)} của mẫu dữ liệu; công cụ này đọc phiên bản"
        f" {major}.x — hãy cập nhật công cụ ở xã hoặc ở tỉnh cho cùng phiên bản"
    )


def profile_dropped(slug: str, detail: str) -> str:
    return f"bỏ qua hồ sơ {_quote(slug)} vì không đúng mẫu dữ liệu: {detail}"


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
        f"Mã xã {_quote(code)} đã dùng ở dòng {first_line}; mỗi xã cần một mã riêng"
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

# --- settings (the dienhinh options in mkdocs.yml) ------------------------------------------

OPTIONS_NOT_A_MAPPING = (
    "Các tùy chọn của dienhinh trong mkdocs.yml phải là các dòng dạng “tùy_chọn: giá trị”,"
    " thụt vào dưới “- dienhinh:”."
)


def unknown_option(key: object, valid: Sequence[str]) -> str:
    return (
        f"Tùy chọn {_quote(key)} của dienhinh không có.{_suggest(key, valid)}"
        f" Các tùy chọn hợp lệ: {', '.join(valid)}."
    )


SECRET_IN_CONFIG = (
    "Không ghi mật khẩu hay mã bí mật vào mkdocs.yml (tệp này nằm cùng dự án, ai cũng đọc được)."
    " Để đưa trang lên máy chủ, dùng khóa SSH: ghi đường dẫn tệp khóa ở “key”, hoặc nạp khóa"
    " vào ssh-agent; xem trang “Đưa trang lên mạng” trong hướng dẫn cho cán bộ."
)


def example_site_url(url: str) -> str:
    return (
        f"Địa chỉ trang web (site_url) vẫn là địa chỉ mẫu {_quote(url)}. Mã QR trong sổ tay"
        " tham quan, ảnh và đường dẫn khi chia sẻ lên Zalo/Facebook, và sơ đồ trang (sitemap.xml)"
        " cho công cụ tìm kiếm đều dùng địa chỉ này: hãy sửa site_url thành địa chỉ thật của"
        " trang trước khi đưa lên mạng."
    )


# --- the site build -------------------------------------------------------------------------

REDIRECT_CLASH = "Địa chỉ cũ {path} (aliases) trùng với một trang đang có; hãy bỏ địa chỉ đó khỏi “aliases”."
GENERATED_PAGE_CLASH = "{path}: trang viết tay trùng địa chỉ với trang tự sinh {page}; hãy đổi tên tệp."
PROBLEMS_REPEATED = "(Còn {count} lỗi/cảnh báo như lần dựng trước, không nhắc lại.)"
PREVIEW_READY = "Bản xem trước đã cập nhật: {url} (Ctrl+C để dừng)."
SERVE_STARTING = "Đang dựng bản xem trước; khi xong, mở {url} trong trình duyệt."
SERVE_ADDRESS_FAILED = (
    "Không mở được địa chỉ {addr} ({reason}). Có thể cổng đang bận: thử cổng khác,"
    " ví dụ: dienhinh serve -a 127.0.0.1:8001"
)


# --- publish (dienhinh publish) ----------------------------------------------------------


def size(count: int) -> str:
    """A byte count as a person reads it (Vietnamese decimal comma)."""
    if count < 1024:
        return f"{count} B"
    value = count / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}".replace(".", ",")
        value /= 1024
    return f"{value:.1f} GB".replace(".", ",")


PUBLISH_NO_TARGET = (
    "Chưa khai báo nơi đưa trang lên. Thêm mục “publish” vào tùy chọn của dienhinh trong {config}"
    " (thư mục “folder”, máy chủ “ssh” hoặc “github_pages”); xem trang “Đưa trang lên mạng”"
    " trong hướng dẫn cho cán bộ."
)
PUBLISH_TARGET_NOT_SET = "Nơi đưa lên “{target}” chưa được khai báo trong mục “publish” của {config}."
PUBLISH_SEVERAL_TARGETS = (
    "Có nhiều nơi đưa lên ({targets}): chọn một bằng --to, ví dụ: dienhinh publish --to ssh"
)
PUBLISH_NO_SITE_URL = (
    "mkdocs.yml chưa có site_url (địa chỉ của trang trên mạng): mã QR trong sổ tay, ảnh chia sẻ"
    " và sơ đồ trang cần địa chỉ này. Ghi site_url: https://<địa chỉ của trang>/ rồi chạy lại."
)


def publish_example_url(url: str) -> str:
    return (
        f"site_url trong mkdocs.yml vẫn là {_quote(url)}, không phải địa chỉ thật của trang: mã QR"
        " trong sổ tay, ảnh chia sẻ lên Zalo/Facebook và sơ đồ trang sẽ trỏ sai chỗ. Sửa site_url"
        " thành địa chỉ trang sẽ chạy (ví dụ https://dienhinh.<tên xã>.gov.vn/) rồi chạy lại."
    )


PUBLISH_SAMPLE_DATA = (
    "Dữ liệu minh họa vẫn đang bật (sample_data: true trong {registry}): trang nào cũng hiện"
    " dòng “Dữ liệu minh họa”. Khi đã thay hồ sơ mẫu bằng hồ sơ thật, đổi thành sample_data: false."
)
PUBLISH_REFUSED = "Chưa đưa trang lên mạng. Nếu chỉ muốn thử (trang minh họa), chạy lại với --allow-sample."
PUBLISH_ALLOWED_ANYWAY = "Vẫn đưa lên vì có --allow-sample: {reason}"
PUBLISH_NOT_BUILT = "Chưa có trang đã dựng trong {site}: chạy dienhinh publish (không kèm --no-build)."
PUBLISH_SENDING = (
    "Đang gửi {files} tệp ({size}) lên máy chủ; {kept} tệp không đổi được giữ lại; bản mới: {release}."
)
FOLDER_SENDING = "Đang chép {files} tệp ({size}) vào thư mục."
GHP_SENDING = "Đang tạo bản mới trên nhánh {branch} và đẩy lên {remote}."
PUBLISH_DONE = (
    "Đã đưa trang lên {target}: gửi {sent} tệp ({size}, {share} trang web), giữ nguyên {kept} tệp,"
    " bỏ {removed} tệp."
)
PUBLISH_RELEASE = "Bản đang chạy: {release}; máy chủ giữ {kept} bản gần nhất để quay lại (--rollback)."
PUBLISH_COMMIT = "Bản mới: {commit}."
PUBLISH_FAILED = "Chưa đưa trang lên được; trang đang chạy trên mạng vẫn giữ nguyên."
PUBLISH_INTERRUPTED = "Đã dừng giữa chừng; trang đang chạy trên mạng vẫn giữ nguyên."
PUBLISH_CURRENT_NOT_A_LINK = (
    "{path} trên máy chủ là một thư mục thường, không phải liên kết do dienhinh tạo. Đổi tên nó"
    " (ví dụ thành {path}.cu) rồi chạy lại; lần đưa lên này sẽ tạo lại {path}."
)
ROLLBACK_NOTHING_LIVE = "Chưa có bản nào đang chạy để quay lại."
ROLLBACK_NO_EARLIER = "Không còn bản nào cũ hơn bản đang chạy ({release}) để quay lại."
ROLLBACK_NOT_FOR_FOLDER = (
    "Không quay lại được với thư mục: thư mục chỉ giữ bản mới nhất. Hãy dựng và chép lại bản cần dùng."
)
ROLLBACK_DONE = "Đã quay lại bản trước: {now} đang chạy (thay cho {was})."
FOLDER_INSIDE_SITE = "Thư mục đưa lên {folder} nằm trong thư mục trang đã dựng; chọn thư mục khác."
FOLDER_FAILED = "Không chép được vào {folder}: {reason}."
SSH_CONNECT_FAILED = "Không kết nối được tới máy chủ {where}: {reason}. Kiểm tra mạng, tên máy và cổng."
SSH_UNKNOWN_HOST = (
    "Chưa xác nhận được máy chủ {host} ({reason}). Lần đầu, chạy “ssh {host}” trong cửa sổ lệnh,"
    " so dấu vân tay với người quản trị máy chủ rồi trả lời yes; hoặc ghi tệp known_hosts ở"
    " “known_hosts”. Nếu máy chủ vừa được cài lại, hỏi người quản trị trước khi sửa known_hosts."
)
SSH_DENIED = (
    "Máy chủ {where} không cho đăng nhập bằng khóa SSH. Kiểm tra “user”, tệp khóa ở “key”"
    " (hoặc ssh-agent), và nhờ người quản trị thêm khóa công khai (.pub) vào authorized_keys."
)
SSH_BAD_KEY = (
    "Không đọc được khóa SSH {key}: {reason}. Khóa có mật khẩu thì nạp vào ssh-agent trước"
    " (ssh-add {key}); không ghi mật khẩu vào mkdocs.yml."
)
SSH_SFTP_FAILED = "Máy chủ {where} không cho ghi: {reason}. Kiểm tra “path” và quyền ghi của tài khoản."
SSH_FAILED = "Lỗi khi làm việc với máy chủ {where}: {reason}."
GHP_NOT_A_REPOSITORY = (
    "Thư mục dự án {root} chưa là kho Git: GitHub Pages cần dự án nằm trong một kho Git có remote"
    " trên GitHub (git init; git remote add origin <địa chỉ kho>)."
)
GHP_NO_REMOTE = "Kho Git của dự án không có remote “{remote}” (xem: git remote -v)."
GHP_FETCH_FAILED = "Không lấy được nhánh từ {remote}: {reason}."
GHP_PUSH_FAILED = "Không đẩy được lên {remote}: {reason}."
GHP_COMMIT_FAILED = "Không tạo được bản mới trên nhánh GitHub Pages: {reason}."
GHP_COMMIT_MESSAGE = "Cập nhật trang điển hình tiên tiến (dienhinh publish)"


# --- the dienhinh command line -----------------------------------------------------------

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
HELP_BOOKLET = "in sổ tay PDF cho một chuyến tham quan, một lĩnh vực hoặc mọi điển hình"
HELP_BOOKLET_VISIT = "mã chuyến tham quan: tên tệp trong visits/, không có .yml"
HELP_BOOKLET_FIELD = "sổ tay mọi điển hình đã công bố của một lĩnh vực"
HELP_BOOKLET_ALL = "sổ tay mọi điển hình đã công bố"
HELP_BOOKLET_SIZE = "khổ giấy: A5 (mặc định) hoặc A4"
HELP_BOOKLET_OUTPUT = "tệp PDF xuất (mặc định: so-tay-<tên>.pdf)"
HELP_PUBLISH = "đưa trang đã dựng lên mạng: thư mục, máy chủ SSH hoặc GitHub Pages"
HELP_PUBLISH_TO = "nơi đưa lên khi khai báo nhiều nơi: ssh, folder hoặc github_pages"
HELP_PUBLISH_ROLLBACK = "quay lại bản đưa lên trước đó (máy chủ SSH, GitHub Pages)"
HELP_PUBLISH_NO_BUILD = "không dựng lại, gửi trang đã dựng trong site_dir"
HELP_PUBLISH_ALLOW_SAMPLE = "vẫn đưa lên dù còn dữ liệu minh họa hay địa chỉ mẫu (chỉ để thử)"
METAVAR_COMMAND = "LỆNH"
METAVAR_CODE = "MÃ"


# --- the browser editor (dienhinh edit) ---------------------------------------------------

# A label for every field of the profile and visit models, as the editor's form shows it
# ("Model.field"); tests/test_editor_config.py fails when a model field has none.
EDITOR_LABELS = {
    "Exemplar.name": "Tên điển hình",
    "Exemplar.kind": "Loại",
    "Exemplar.field": "Lĩnh vực chính",
    "Exemplar.other_fields": "Lĩnh vực khác",
    "Exemplar.hamlet": "Xóm",
    "Exemplar.organization": "Tổ chức",
    "Exemplar.registered": "Ngày đăng ký",
    "Exemplar.summary": "Tóm tắt",
    "Exemplar.criteria": "Tiêu chí đạt được",
    "Exemplar.featured": "Đưa lên trang chủ",
    "Exemplar.status": "Trạng thái",
    "Exemplar.consent": "Sự đồng ý công bố (chỉ với cá nhân)",
    "Exemplar.evaluations": "Đánh giá hằng năm",
    "Exemplar.commendations": "Khen thưởng",
    "Exemplar.replications": "Nơi đã nhân rộng",
    "Exemplar.photos": "Ảnh",
    "Exemplar.public_contacts": "Liên hệ được công bố",
    "Exemplar.private_notes": "Ghi chú nội bộ (không công bố)",
    "Exemplar.story": "Câu chuyện",
    "Consent.given": "Người này đã đồng ý cho công bố",
    "Consent.date": "Ngày đồng ý",
    "Evaluation.year": "Năm",
    "Evaluation.result": "Kết quả",
    "Evaluation.notes": "Ghi chú",
    "Evaluation.figures": "Số liệu",
    "Commendation.date": "Ngày khen",
    "Commendation.level": "Cấp khen",
    "Commendation.form": "Hình thức",
    "Commendation.issuer": "Nơi khen",
    "Commendation.reason": "Lý do",
    "Replication.hamlet": "Xóm trong xã",
    "Replication.place": "Hoặc nơi khác (ngoài xã)",
    "Replication.year": "Năm",
    "Replication.units": "Số hộ / đơn vị làm theo",
    "Replication.notes": "Ghi chú",
    "Exemplar.nominations": "Giới thiệu lên cấp trên",
    "Exemplar.aliases": "Địa chỉ cũ của hồ sơ (tên thư mục cũ)",
    "Nomination.level": "Cấp",
    "Nomination.year": "Năm",
    "Nomination.congress": "Đại hội, hội nghị",
    "Nomination.award": "Hoặc hình thức khen đề nghị",
    "Nomination.decision": "Quyết định",
    "Nomination.notes": "Ghi chú",
    "Decision.number": "Số quyết định",
    "Decision.date": "Ngày quyết định",
    "Decision.issuer": "Cơ quan ban hành",
    "Photo.file": "Tệp ảnh",
    "Photo.caption": "Chú thích",
    "Photo.credit": "Người chụp / nguồn ảnh",
    "Photo.alt": "Mô tả ảnh cho người khiếm thị",
    "Photo.cover": "Ảnh bìa",
    "Visit.title": "Tên chuyến tham quan",
    "Visit.date": "Ngày đi",
    "Visit.organizer": "Đơn vị tổ chức",
    "Visit.participants": "Người tham gia (số người hoặc ghi bằng chữ)",
    "Visit.stops": "Các điểm đến (theo thứ tự)",
    "Visit.notes": "Ghi chú chuyến đi",
    "Stop.exemplar": "Điển hình đến thăm",
    "Stop.time": "Giờ",
    "Stop.place": "Địa điểm",
    "Stop.notes": "Ghi chú",
}
# Hints under a field, in the officer's words (no codes, no YAML).
EDITOR_HINTS = {
    "Exemplar.name": "Tên như muốn hiện trên trang web. Địa chỉ trang được tạo từ tên khi lưu lần đầu.",
    "Exemplar.hamlet": "Chọn xóm hoặc tổ chức (ít nhất một trong hai).",
    "Exemplar.organization": "Chọn xóm hoặc tổ chức (ít nhất một trong hai).",
    "Exemplar.registered": "Ngày nộp đăng ký; không được sau hôm nay.",
    "Exemplar.summary": "Một hai câu (tối đa 400 ký tự), hiện trên thẻ và khi chia sẻ lên Zalo, Facebook.",
    "Exemplar.criteria": "Tiêu chí chung hoặc tiêu chí của lĩnh vực đã chọn.",
    "Exemplar.status": "Bản nháp không hiện trên trang web. Chọn “Công bố” khi hồ sơ đã sẵn sàng.",
    "Exemplar.consent": "Hồ sơ cá nhân chỉ được công bố khi người đó đã đồng ý; ghi ngày đồng ý.",
    "Exemplar.photos": (
        "Ảnh chụp bằng điện thoại (JPEG, PNG, WebP; ảnh HEIC của iPhone được tự chuyển sang JPEG)."
        " Ảnh đầu tiên là ảnh bìa nếu không chọn ảnh bìa."
    ),
    "Exemplar.public_contacts": "Chỉ ghi số điện thoại, thư điện tử được phép công bố (ví dụ của cơ quan).",
    "Exemplar.private_notes": "Chỉ Hội đồng đọc; không bao giờ hiện trên trang web.",
    "Exemplar.story": "Viết dưới ba mục: Cách làm, Kết quả, Bài học kinh nghiệm.",
    "Photo.alt": "Tả những gì thấy trong ảnh; để trống thì dùng chú thích.",
    "Exemplar.nominations": "Đại hội thi đua, hội nghị điển hình hoặc đề nghị khen thưởng. Sau xã là tỉnh.",
    "Exemplar.aliases": "Khi đổi tên thư mục hồ sơ: ghi tên cũ để địa chỉ cũ vẫn dẫn tới hồ sơ.",
    "Replication.hamlet": "Chọn xóm, hoặc ghi nơi khác ở ô dưới (chỉ một trong hai).",
    "Visit.stops": "Mỗi điểm đến là một điển hình đã công bố, với giờ (ví dụ 08:30) và địa điểm.",
}
EDITOR_GENERAL_CRITERIA = "Tiêu chí chung"
EDITOR_STATUS_NAMES = {"draft": "Bản nháp", "published": "Công bố"}
EDITOR_PATTERN_HINTS = {
    "time": "Giờ viết dạng GIỜ:PHÚT, ví dụ 08:30.",
    "max_length": "Tối đa {max_length} ký tự.",
}
EDITOR_COLLECTIONS = {
    "exemplars": ("Hồ sơ điển hình", "hồ sơ"),
    "visits": ("Chuyến tham quan học tập", "chuyến tham quan"),
}
EDITOR_CONFIG_HEADER = (
    "# Cấu hình trình soạn thảo (Decap CMS) do “dienhinh editor-config” tạo từ mẫu hồ sơ và danh mục.\n"
    "# Đừng sửa tay: sửa danh mục (exemplars/registry.yml) rồi chạy lại lệnh.\n"
)
UPLOAD_HEIC_UNREADABLE = (
    "Không đọc được ảnh HEIC này (tệp hỏng hoặc chưa tải về hết từ iCloud). Trên iPhone, mở ảnh,"
    " bấm Chia sẻ → Lưu vào Tệp rồi gửi lại; hoặc đặt Cài đặt → Camera → Định dạng → “Tương thích"
    " nhất” để máy chụp ảnh JPEG."
)
EDITOR_REFUSED = "Chưa lưu: {count} lỗi cần sửa (xem khung báo lỗi)."
EDITOR_PATH_REFUSED = (
    "Trình soạn thảo chỉ ghi vào thư mục hồ sơ, chuyến tham quan và ảnh dùng chung; không ghi “{path}”."
)
EDITOR_NO_RENAME = (
    "Không đổi được địa chỉ của hồ sơ đã có (các trang khác đang liên kết tới nó). Muốn đổi tên,"
    " chỉ sửa ô “Tên điển hình”."
)
EDITOR_NO_DELETE = "Không xóa hồ sơ từ trình soạn thảo: chuyển hồ sơ về “Bản nháp” để rút khỏi trang web."
EDITOR_UNKNOWN_ACTION = "Trình soạn thảo gửi yêu cầu không biết: “{action}”."
EDITOR_BAD_REQUEST = "Yêu cầu không hợp lệ: {detail}."
EDITOR_ITEM = "mục {number}"
EDITOR_TITLE = "Biên tập hồ sơ điển hình"
EDITOR_NOT_FOUND = "Không có trang này trong trình soạn thảo."
EDITOR_TOO_LARGE = "Tệp gửi lên quá lớn (tối đa 200 MB mỗi lần lưu): hãy lưu từng ảnh một."
# Words of our own parts of the editor's page (the problems box, the preview pane).
EDITOR_UI = {
    "refused": "Chưa lưu — cần sửa trước:",
    "saved_with_warnings": "Đã lưu. Lưu ý:",
    "warnings_title": "Lưu ý (không chặn việc lưu):",
    "photo_refused": "Chưa dùng được ảnh này:",
    "word_open": "Nhập báo cáo Word",
    "word_title": "Nhập báo cáo thành tích từ Word",
    "word_hint": (
        "Chọn tệp .docx. Tên điển hình lấy từ tiêu đề báo cáo, câu chuyện và ảnh lấy từ nội dung."
        " Với hồ sơ mới, chọn thêm loại, lĩnh vực và xóm hoặc tổ chức. Nhập lại cùng báo cáo thì"
        " hồ sơ nháp được cập nhật, không tạo hồ sơ thứ hai."
    ),
    "word_file": "Tệp báo cáo (.docx)",
    "word_kind": "Loại",
    "word_field": "Lĩnh vực chính",
    "word_hamlet": "Xóm",
    "word_organization": "Tổ chức",
    "word_send": "Nhập",
    "word_refused": "Chưa nhập được báo cáo:",
    "word_done": "Đã nhập báo cáo thành hồ sơ nháp. Những phần cần xem lại:",
    "offline": (
        "Không kết nối được với chương trình “dienhinh edit”. Cửa sổ chạy chương trình còn mở không?"
        " Mở lại rồi bấm Lưu lần nữa: nội dung đang gõ vẫn còn trên trang này."
    ),
    "close": "Đóng",
    "draft": "Bản nháp",
    "draft_note": "hồ sơ chưa công bố: chỉ hiện ở bản xem trước trên máy này, không lên trang web.",
    "save_to_preview": (
        "Bấm “Lưu” để xem hồ sơ như trên trang web. Bản xem trước tự cập nhật sau mỗi lần lưu."
    ),
    "preview_title": "Xem trước trang hồ sơ",
    "preview_off": "Bản xem trước đang tắt (chạy “dienhinh edit” không có --no-preview để bật).",
    "open_preview": "Mở bản xem trước trong thẻ mới",
    "preview_git": (
        "Hồ sơ hiện trên trang web sau khi được lưu, được kiểm tra và trang web được dựng lại."
        " Hồ sơ nháp không bao giờ được đăng."
    ),
}
# Decap CMS's Vietnamese phrases we correct or complete. In "simple" publishing its save
# button says "Công bố", which here is a profile's status: it says "Lưu" instead.
EDITOR_DECAP_PHRASES = {
    "auth": {"login": "Vào trang biên tập"},
    "app": {"header": {"content": "Hồ sơ", "media": "Ảnh dùng chung"}},
    "collection": {
        "collectionTop": {
            "viewAs": "Xem dạng",
            "viewAsList": "Xem dạng danh sách",
            "viewAsGrid": "Xem dạng lưới",
            "groupBy": "Nhóm theo",
        },
        "groups": {"other": "Khác", "negateLabel": "Không %{label}"},
    },
    "editor": {
        "editorControl": {"field": {"widgetLabel": "Ô %{widgetLabel}"}},
        "editorInterface": {"togglePreview": "Bật/tắt xem trước", "toggleScrollSync": "Cuộn cùng nhau"},
        "editorToolbar": {
            "publish": "Lưu",
            "publishing": "Đang kiểm tra và lưu…",
            "published": "Đã lưu",
            "publishNow": "Lưu",
            "publishAndCreateNew": "Lưu rồi tạo hồ sơ mới",
            "publishAndDuplicate": "Lưu rồi sao chép thành hồ sơ mới",
            "status": "Trạng thái: %{status}",
            "backCollection": "Trở về danh sách %{collectionLabel}",
            "deployPreviewPendingButtonLabel": "Xem trước",
            "deployPreviewButtonLabel": "Xem trước",
            "deployButtonLabel": "Mở bản xem trước",
        },
        "editorWidgets": {
            "markdown": {
                "richText": "Soạn như Word",
                "markdown": "Mã Markdown",
                "bold": "Chữ đậm",
                "italic": "Chữ nghiêng",
                "strikethrough": "Gạch ngang",
                "code": "Mã",
                "link": "Liên kết",
                "linkPrompt": "Nhập địa chỉ của liên kết",
                "headings": "Đề mục",
                "quote": "Trích dẫn",
                "bulletedList": "Danh sách gạch đầu dòng",
                "numberedList": "Danh sách đánh số",
                "addComponent": "Chèn thêm",
                "toggleMode": {"rich": "Chuyển sang soạn như Word", "markdown": "Chuyển sang mã Markdown"},
            },
            "image": {
                "choose": "Chọn ảnh",
                "chooseDifferent": "Chọn ảnh khác",
                "remove": "Bỏ ảnh",
                "chooseMultiple": "Chọn nhiều ảnh",
                "chooseUrl": "Chèn từ địa chỉ web",
                "replaceUrl": "Thay bằng địa chỉ web",
                "promptUrl": "Nhập địa chỉ của ảnh",
                "addMore": "Thêm ảnh",
                "removeAll": "Bỏ mọi ảnh",
            },
            "file": {
                "chooseUrl": "Chèn từ địa chỉ web",
                "chooseMultiple": "Chọn nhiều tệp",
                "replaceUrl": "Thay bằng địa chỉ web",
                "promptUrl": "Nhập địa chỉ của tệp",
                "addMore": "Thêm tệp",
                "removeAll": "Bỏ mọi tệp",
            },
            "datetime": {"now": "Hôm nay", "setToNow": "Đặt %{fieldLabel} là hôm nay"},
            "list": {"add": "Thêm %{item}", "addType": "Thêm %{item}"},
            "object": {"expand": "Mở ra", "collapse": "Thu gọn"},
        },
    },
    "mediaLibrary": {
        "mediaLibraryCard": {
            "copy": "Chép",
            "copyUrl": "Chép địa chỉ",
            "copyPath": "Chép đường dẫn",
            "copyName": "Chép tên",
            "copied": "Đã chép",
        },
        "mediaLibraryModal": {"images": "Ảnh", "mediaAssets": "Ảnh và tệp", "close": "Đóng"},
    },
    "ui": {
        "settingsDropdown": {"account": "Tài khoản"},
        "toast": {
            "onFailToPersist": "Chưa lưu: xem các lỗi trong khung đỏ ở cuối trang.",
            "entrySaved": "Đã kiểm tra và lưu.",
            "entryPublished": "Đã kiểm tra và lưu.",
            "onFailToDelete": "Chưa xóa: xem lý do trong khung đỏ ở cuối trang.",
        },
    },
}
HELP_EDIT = "mở trình soạn thảo hồ sơ trong trình duyệt, kèm bản xem trước"
HELP_EDIT_ADDR = "địa chỉ của trình soạn thảo (mặc định: 127.0.0.1:8080)"
HELP_EDIT_PREVIEW_ADDR = "địa chỉ của bản xem trước (mặc định: 127.0.0.1:8000)"
HELP_EDIT_NO_BROWSER = "không tự mở trình duyệt"
HELP_EDIT_NO_PREVIEW = "không chạy bản xem trước"
EDIT_STARTED = (
    "Trình soạn thảo: {url}\n"
    "Mở địa chỉ trên bằng Chrome, Edge, Firefox hoặc Safari trên máy này. Mỗi lần bấm Lưu, hồ sơ được"
    " kiểm tra như “dienhinh check” rồi ghi thẳng vào thư mục hồ sơ. Bấm Ctrl+C để dừng."
)
EDIT_PREVIEW = "Bản xem trước (có cả hồ sơ nháp, đánh dấu “Bản nháp”): {url}"
EDIT_NOT_INSTALLED = (
    "Bản công cụ này thiếu trình soạn thảo (Decap CMS). Cài lại công cụ từ tệp .whl chính thức"
    " (pipx install --force …); nếu đang làm việc trong kho mã nguồn, chạy scripts/bootstrap một lần"
    " (cần Node.js), rồi chạy lại “dienhinh edit”."
)
EDIT_ADDRESS_FAILED = (
    "Không mở được trình soạn thảo ở {addr}: {reason}. Thử địa chỉ khác với -a, ví dụ -a 127.0.0.1:8090."
)
EDIT_STOPPED = "Đã dừng trình soạn thảo."
HELP_EDITOR_CONFIG = "ghi cấu hình trình soạn thảo (editor/config.yml) theo danh mục"
HELP_EDITOR_CONFIG_OUTPUT = "tệp ghi ra (mặc định: editor/config.yml)"
EDITOR_CONFIG_WRITTEN = "Đã ghi cấu hình trình soạn thảo vào {path}."

# --- Word reports (dienhinh import FILE.docx) ------------------------------------------------

DOCX_MISSING = "Không tìm thấy tệp {path}."
DOCX_OLD_WORD = (
    "Đây là tệp Word cũ (.doc, Word 97–2003), chưa đọc được. Mở tệp trong Word, chọn Tệp → Lưu thành"
    " → “Tài liệu Word (*.docx)”, rồi nhập tệp .docx vừa lưu."
)
DOCX_PASSWORD = (
    "Tệp Word này có mật khẩu nên không đọc được. Mở tệp trong Word, chọn Tệp → Thông tin → Bảo vệ"
    " tài liệu → Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi nhập lại."
)
DOCX_CORRUPT = (
    "Tệp bị hỏng hoặc không phải tệp Word (.docx). Mở tệp trong Word: nếu mở được, chọn Tệp → Lưu"
    " thành → “Tài liệu Word (*.docx)” rồi nhập lại; nếu không, xin lại tệp gốc."
)
DOCX_NO_CAPTION = "Ảnh {number} trong báo cáo (chưa có chú thích)"
# What the profile could not take from the report as it was, by kind.
DOCX_NOTES = {
    "text_box": "Hộp văn bản (Text Box) không chuyển được: chép nội dung của nó vào câu chuyện nếu cần.",
    "smartart": "Sơ đồ SmartArt không chuyển được: chụp sơ đồ thành ảnh rồi thêm ảnh nếu cần.",
    "chart": "Biểu đồ không chuyển được: ghi các con số vào câu chuyện hoặc thêm ảnh chụp biểu đồ.",
    "equation": "Công thức (Equation) không chuyển được: viết lại bằng chữ.",
    "embedded_object": "Đối tượng nhúng (bảng tính, tệp đính kèm…) không chuyển được.",
    "tracked_change": (
        "Đoạn còn thay đổi chưa duyệt (Track Changes): đã lấy chữ như sau khi chấp nhận. Nên chấp"
        " nhận hoặc từ chối trong Word (Xem lại → Chấp nhận) rồi nhập lại."
    ),
    "comment": "Đoạn có bình luận (Comment): bình luận không được nhập.",
    "comments_part": "Tài liệu có bình luận (Comment): các bình luận không được nhập vào hồ sơ.",
    "footnote": "Chú thích cuối trang (Footnote) không chuyển được: chép vào câu chuyện nếu cần.",
    "header": "Phần đầu trang (Header) không được nhập.",
    "footer": "Phần chân trang (Footer) không được nhập.",
    "nested_table": "Bảng lồng trong bảng: chỉ lấy chữ, không giữ được bảng bên trong.",
    "table_picture": "Ảnh nằm trong bảng không được nhập: đặt ảnh ra ngoài bảng rồi nhập lại.",
    "legacy_font": "Chữ gõ bằng bảng mã cũ {encoding}: đã chuyển sang Unicode; hãy đọc lại đoạn này.",
    "picture_unusable": (
        "Ảnh {number} là hình vẽ hoặc định dạng không dùng được (EMF/WMF…): lưu ảnh gốc thành JPEG"
        " rồi thêm qua trình soạn thảo."
    ),
    "no_caption": (
        "Ảnh {number} không có dòng chú thích ngay bên dưới: hãy viết chú thích trong trình soạn thảo."
    ),
}


def docx_place(file: str, paragraph: int, snippet: str) -> str:
    """Where a note about a Word report belongs, as its reader sees the document."""
    if not paragraph:
        return file
    shown = f" ({_quote(snippet)})" if snippet else ""
    return f"{file}: đoạn {paragraph}{shown}"


DOCX_NEEDS_PLACE = "--hamlet (hoặc --organization)"
# A short line under a picture that starts with one of these words is its caption.
DOCX_CAPTION_WORDS = ("ảnh", "hình", "hinh", "anh")
DOCX_NO_TITLE = "Không tìm thấy tên điển hình trong báo cáo: ghi tên bằng --name “…”."
DOCX_CREATED = "Đã tạo hồ sơ nháp {path} từ báo cáo ({pictures} ảnh)."
DOCX_UPDATED = "Đã cập nhật câu chuyện và ảnh của hồ sơ nháp {path} ({pictures} ảnh)."
DOCX_UNCHANGED = "Hồ sơ nháp {path} đã giống báo cáo, không cần thay đổi."
DOCX_KEPT = (
    "Hồ sơ {path} đã công bố nên không bị báo cáo thay đổi; muốn sửa, mở trình soạn thảo (“dienhinh edit”)."
)
DOCX_NEEDS = (
    "Hồ sơ mới cần thêm: {options}. Ví dụ: dienhinh import bao-cao.docx --kind individual"
    " --field kinh-te-ho --hamlet na-a"
)
DOCX_FAILED = "Chưa nhập được báo cáo: sửa các lỗi trên rồi nhập lại."
DOCX_NOTES_TITLE = "Những phần của báo cáo cần xem lại:"
HELP_IMPORT_NAME = "tên điển hình (mặc định: tiêu đề của báo cáo Word)"
HELP_EDITOR_SITE = "ghi cả trình soạn thảo thành tệp tĩnh vào THƯ_MỤC (để đặt lên máy chủ web)"
HELP_EDITOR_BACKEND = "lưu vào kho Git trên mạng: github, gitlab hoặc gitea"
HELP_EDITOR_REPO = "kho Git, dạng chủ/tên (ví dụ xa-diem-mac/dien-hinh)"
HELP_EDITOR_BRANCH = "nhánh của kho (mặc định: main)"
HELP_EDITOR_BASE_URL = "địa chỉ máy chủ GitLab hoặc Gitea của đơn vị (ví dụ https://git.example.vn)"
HELP_EDITOR_APP_ID = "mã ứng dụng OAuth (Client ID) tạo trên GitLab hoặc Gitea"
METAVAR_FOLDER = "THƯ_MỤC"
EDITOR_NEEDS_REPO = (
    "Cần chọn kho Git: --backend github|gitlab|gitea --repo chủ/tên (xem trang “Biên tập trên nhiều máy”)."
)
EDITOR_SITE_WRITTEN = (
    "Đã ghi trình soạn thảo vào {path}: đặt thư mục này lên máy chủ web (ví dụ ở địa chỉ /bien-tap/)."
)


# --- theme: upgrade, override, check (lead) ---------------------------------------------------
HELP_UPGRADE = (
    "nâng cấp dự án của xã làm bằng phiên bản cũ: bỏ các tệp giao diện chép nguyên từ công cụ,"
    " giữ những tệp xã đã sửa trong thư mục overrides"
)
HELP_UPGRADE_DRY_RUN = "chỉ cho biết sẽ làm gì, chưa thay đổi tệp nào"
HELP_OVERRIDE = (
    "sửa giao diện cho riêng xã: chép một tệp giao diện của công cụ vào thư mục overrides (hoặc"
    " ghi nhận đã xem lại tệp đã sửa); không có tên tệp thì liệt kê các tệp xã đang sửa"
)
HELP_OVERRIDE_NAMES = "tên tệp trong giao diện, ví dụ material/partials/header.html hoặc pages/home.md.j2"
METAVAR_THEME_FILE = "TỆP"
UPGRADE_NOTHING = (
    "Dự án đã theo cách sắp xếp mới: giao diện lấy từ công cụ, phần xã sửa riêng (nếu có) ở"
    " {overrides}. Không có gì phải nâng cấp."
)
UPGRADE_CLASH = (
    "Không nâng cấp được: {name} có cả trong {overrides} với nội dung khác. Giữ một bản rồi chạy"
    " lại “dienhinh upgrade”."
)
UPGRADE_FAILED = "Không ghi được tệp: {reason}. Có thể chạy lại lệnh sau khi xử lý."
UPGRADE_PLANNED = (
    "Sẽ nâng cấp: bỏ {removed} tệp trong {legacy}/ giống hệt giao diện của công cụ, giữ {kept} tệp"
    " xã đã sửa trong overrides/ (chạy lại không có --dry-run để làm):"
)
UPGRADE_DONE = (
    "Đã nâng cấp: bỏ thư mục {legacy}/ ({removed} tệp giống hệt giao diện của công cụ, từ nay lấy"
    " thẳng từ công cụ nên các bản sửa lỗi đến được với xã); giữ {kept} tệp xã đã sửa trong overrides/:"
)
UPGRADE_KEPT = "  {path} (xã đã sửa)"
UPGRADE_ADDED = "  {path} (tệp riêng của xã, giao diện của công cụ không có)"
UPGRADE_NEXT = (
    "Tiếp theo: chạy “dienhinh build” và xem lại trang; “dienhinh check” sẽ báo khi giao diện của"
    " công cụ thay đổi ở những tệp xã đã sửa."
)
OVERRIDE_UNKNOWN = "Giao diện của công cụ không có tệp “{name}”. Có phải: {close}?"
OVERRIDE_COPIED = "Đã chép {path}: sửa tệp này, trang web của xã sẽ dùng bản đã sửa."
OVERRIDE_REVIEWED = (
    "Đã ghi nhận {path} là đã xem lại theo bản giao diện hiện tại của công cụ (tệp giữ nguyên)."
)
OVERRIDE_NONE = "Xã chưa sửa tệp giao diện nào (thư mục {overrides} trống hoặc chưa có)."
OVERRIDE_CURRENT = "  {path}"
OVERRIDE_STALE = "  {path} — giao diện của công cụ đã thay đổi tệp này từ khi xã sửa"
THEME_LEGACY_LAYOUT = (
    "Dự án còn theo cách sắp xếp cũ: cả giao diện được chép vào {path}, nên các bản sửa lỗi của"
    " công cụ không đến được trang của xã. Chạy “dienhinh upgrade” để chỉ giữ những tệp xã đã sửa."
)
THEME_STALE_OVERRIDE = (
    "Tệp giao diện xã sửa riêng này được làm từ một bản cũ của “{name}”; công cụ đã thay đổi tệp"
    " đó từ bấy giờ (có thể là bản sửa lỗi mà trang của xã chưa có). So sánh với bản mới, sửa lại"
    " nếu cần, rồi chạy “dienhinh override {name}” để ghi nhận đã xem lại."
)
TEMPLATE_FAILED = (
    "mẫu giao diện {kind} (chi tiết: {detail}). Sửa lại tệp này; nếu là tệp xã sửa riêng trong"
    " overrides, xóa nó thì trang dùng lại mẫu của công cụ."
)
TEMPLATE_FAILED_AT = "{file}:{line}: LỖI: {reason}"
TEMPLATE_SYNTAX = "viết sai cú pháp Jinja (thiếu thẻ đóng, ngoặc…)"
TEMPLATE_UNDEFINED = "dùng một tên hoặc một phần tử không có"
TEMPLATE_OTHER = "không dựng được"
ENGINE_PAGE_FAILED = "Không dựng được trang “{page}”:"


# --- store ---
STORE_EXISTS = (
    "Đã có hồ sơ {path}: không ghi đè lên một hồ sơ khác. Đặt tên (địa chỉ) khác cho hồ sơ mới,"
    " hoặc mở hồ sơ đã có để sửa."
)
STORE_CHANGED = (
    "Tệp {path} vừa được sửa ở nơi khác trong lúc lưu nên không ghi đè. Mở lại tệp (để thấy bản"
    " mới nhất) rồi lưu lại."
)
