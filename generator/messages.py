"""Every Vietnamese user-facing message, in one place."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

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
        " không dấu, số và dấu gạch ngang (ví dụ: doi-che-ban-quyen)."
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
MKDOCS_WARNING = "CẢNH BÁO (MkDocs): "
INTERRUPTED = "Đã dừng theo yêu cầu; trang đã công bố trước đó vẫn giữ nguyên."
NO_CONFIG = "Không tìm thấy tệp cấu hình {path}."


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
