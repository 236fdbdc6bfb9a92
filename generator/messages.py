"""Every Vietnamese user-facing message, in one place."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from typing import Any

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
}

KIND_NAMES = {"collective": "Tập thể", "individual": "Cá nhân", "model": "Mô hình"}


def _quote(value: object) -> str:
    return f"“{value}”"


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
    return (
        f"Ngày {_quote(value)} không hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2022-06-15,"
        " và phải là ngày có thật."
    )


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


def late_registration(value: object, deadline: object) -> str:
    return f"Đăng ký ngày {_quote(value)}, sau hạn {_quote(deadline)} của kế hoạch."


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


# --- command line ------------------------------------------------------------------------

CHECK_OK = "Không có lỗi: {count} hồ sơ hợp lệ, {public} hồ sơ được công bố."
CHECK_FAILED = "Có {errors} lỗi và {warnings} cảnh báo. Sửa các lỗi trên rồi chạy lại."
CHECK_WARNINGS = "Không có lỗi; {warnings} cảnh báo."
BUILD_FAILED = "Không dựng được trang web; trang đã công bố trước đó vẫn giữ nguyên."
BUILD_OK = "Đã dựng trang web vào {path} ({pages} trang hồ sơ)."
STRICT_ABORT = "Dừng vì MkDocs có cảnh báo trong chế độ nghiêm ngặt (--strict)."
MKDOCS_WARNING = f"{WARNING} (MkDocs): "
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
HELP_IMPORT = "nhập bảng đăng ký (.xlsx hoặc .csv) thành hồ sơ nháp"
HELP_IMPORT_SHEET = "tệp bảng tính đăng ký"
HELP_REPORT = "báo cáo tổng hợp cho thư ký Hội đồng thi đua"
HELP_REPORT_HTML = "ghi thêm báo cáo dạng trang HTML"
HELP_REPORT_XLSX = "ghi thêm báo cáo dạng bảng tính Excel"
HELP_REPORT_YEAR = "năm cuối cùng cần có đánh giá (mặc định: năm trước)"
HELP_SCHEMA = "xuất lược đồ JSON Schema của hồ sơ (cho VS Code)"
HELP_SCHEMA_OUTPUT = "tệp ghi ra (mặc định: schema/exemplar.schema.json)"

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
SHEET_NO_HEADER = (
    "Không tìm thấy dòng tiêu đề: cần các cột “tên điển hình”, “loại”, “lĩnh vực”, “xóm”,"
    " “tổ chức”, “ngày đăng ký”, “tóm tắt”."
)


def sheet_missing_column(column: str) -> str:
    return f"Bảng tính thiếu cột “{column}”."


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
REPORT_LATE = "Đăng ký muộn (sau hạn {deadline})"
REPORT_MISSING_EVALUATIONS = "Thiếu đánh giá hằng năm ({first}–{last})"
REPORT_COMMENDATIONS = "Khen thưởng theo cấp và năm"
REPORT_REPLICATIONS = "Nhân rộng"
REPORT_NONE = "Không có."
REPORT_NO_EXEMPLAR = "chưa có điển hình"
REPORT_NOT_PUBLISHED = "chưa công bố"
REPORT_FLAG = "Ghi chú"
REPORT_HAMLET = "Xóm"
REPORT_ORGANIZATION = "Tổ chức"
REPORT_EXEMPLAR = "Điển hình"
REPORT_SLUG = "Thư mục"
REPORT_DATE = "Ngày đăng ký"
REPORT_DAYS_LATE = "Muộn (ngày)"
REPORT_MISSING_YEARS = "Năm chưa đánh giá"
REPORT_LEVEL = "Cấp"
REPORT_TOTAL = "Cộng"
REPORT_PLACES = "Số nơi"
REPORT_UNITS = "Số hộ/đơn vị"
REPORT_HAMLETS_WITHOUT = "Xóm chưa có điển hình được công bố: {names}."
REPORT_ALL_HAMLETS = "Xóm nào cũng có điển hình được công bố."
REPORT_WRITTEN = "Đã ghi báo cáo vào {path}."
REPORT_SKIPPED = "{count} hồ sơ có lỗi không được tính; chạy “dienhinh check” để xem."
REPORT_NO_REGISTRY = NEW_NO_REGISTRY
# Worksheet names of the Excel report, one per section (Excel allows at most 31 characters).
REPORT_SHEET_TITLES = (
    "Tổng số",
    "Theo xóm",
    "Theo tổ chức",
    "Đăng ký muộn",
    "Thiếu đánh giá",
    "Khen thưởng",
    "Nhân rộng",
)

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

NOMINATION_LEVELS = {"commune": "Cấp xã", "province": "Cấp tỉnh", "national": "Cấp toàn quốc"}
OPEN_DATA_WRITTEN = "Dữ liệu mở: {profiles} hồ sơ trong du-lieu/ ({files})."
FEED_TITLE = "Điển hình mới công bố, mới cập nhật — {site}"
FEED_SUBTITLE = (
    "Hồ sơ điển hình tiên tiến của {commune} vừa công bố hoặc vừa có thêm đánh giá, khen thưởng, đề cử."
)
FEED_LINK_TITLE = "Điển hình mới công bố, mới cập nhật"
CSV_YES = "Có"
# The CSV's header row, one heading per column (export.csv_row gives the values in this order).
CSV_COLUMNS = (
    "Mã hồ sơ",
    "Địa chỉ trang",
    "Tên điển hình",
    "Loại",
    "Mã lĩnh vực",
    "Lĩnh vực",
    "Lĩnh vực khác",
    "Mã xóm",
    "Xóm",
    "Mã tổ chức",
    "Tổ chức",
    "Ngày đăng ký",
    "Ngày cập nhật",
    "Tóm tắt",
    "Tiêu biểu",
    "Tiêu chí đạt được",
    "Số lần đánh giá",
    "Năm đánh giá gần nhất",
    "Kết quả đánh giá gần nhất",
    "Số lần khen thưởng",
    "Khen thưởng",
    "Số nơi nhân rộng",
    "Số hộ/đơn vị làm theo",
    "Nơi nhân rộng",
    "Số lần đề cử",
    "Đề cử",
    "Số ảnh",
    "Ảnh bìa",
)
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
    "Không có tệp cấu hình của tỉnh “{path}”. Tạo tệp này (xem README, mục “dienhinh gather”)"
    " với tên tỉnh và danh sách các xã: name, source."
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


# --- the site build -------------------------------------------------------------------------

GENERATED_PAGE_CLASH = "{path}: trang viết tay trùng địa chỉ với trang tự sinh {page}; hãy đổi tên tệp."
PROBLEMS_REPEATED = "(Còn {count} lỗi/cảnh báo như lần dựng trước, không nhắc lại.)"
PREVIEW_READY = "Bản xem trước đã cập nhật: {url} (Ctrl+C để dừng)."
SERVE_STARTING = "Đang dựng bản xem trước; khi xong, mở {url} trong trình duyệt."
SERVE_ADDRESS_FAILED = (
    "Không mở được địa chỉ {addr} ({reason}). Có thể cổng đang bận: thử cổng khác,"
    " ví dụ: dienhinh serve -a 127.0.0.1:8001"
)


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
METAVAR_COMMAND = "LỆNH"
METAVAR_CODE = "MÃ"
