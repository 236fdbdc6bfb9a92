"""What ``check`` says about profiles, the registry and visits: files and YAML, fields,
cross-checks, privacy, and the one checked writer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from .common import TABLE_NAMES, quote, suggest
from .editor import EDITOR_LABELS


def _box(key: str) -> str:
    """A field as the editor's form names it, quoted: messages name what an officer sees
    (``check`` shows the key itself in brackets before the message)."""
    return quote(EDITOR_LABELS[key])


def unknown_code(table: str, value: object, valid: Sequence[str]) -> str:
    name = TABLE_NAMES.get(table, table)
    return (
        f"Mã {name} {quote(value)} không có trong danh mục (registry).{suggest(value, valid)}"
        f" Các mã hợp lệ: {', '.join(valid)}."
    )


def unknown_key(key: object, valid: Sequence[str]) -> str:
    return (
        f"Trường {quote(key)} không có trong mẫu hồ sơ.{suggest(key, valid)}"
        f" Các trường hợp lệ: {', '.join(valid)}."
    )


def missing(field: str) -> str:
    # Named before the message: by its key in `check`, by its label in the editor.
    return "Thông tin bắt buộc này còn để trống."


def bad_date(value: object) -> str:
    rewrite = _iso_rewrite(value)
    if rewrite is not None:  # 15/06/2022 as typed in a spreadsheet: the exact rewrite
        return f"Ngày {quote(value)} cần viết theo dạng NĂM-THÁNG-NGÀY: viết là {rewrite}."
    return (
        f"Ngày {quote(value)} không hợp lệ. Viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2022-06-15,"
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
    return f"Giá trị {quote(value)} không hợp lệ; chọn một trong: {', '.join(valid)}."


def bad_type(expected: str, value: object) -> str:
    return f"Phải là {expected}, nhưng đang là {quote(value)}."


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
TOO_MANY = "Quá nhiều mục: tối đa {max_length} mục; hãy giữ những mục tiêu biểu nhất."
BAD_CODE_FORMAT = "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: dong-tam)."
BAD_COLOR = "Màu phải viết dạng #RRGGBB, ví dụ #2e7d32."
NUMBER_TOO_SMALL = "Phải lớn hơn hoặc bằng {ge}."
NUMBER_TOO_LARGE = "Phải nhỏ hơn hoặc bằng {le}."
NOT_FINITE = "Phải là một con số thật (không phải .nan, .inf hay số quá lớn như 1e400)."
NUMBER_TOO_LONG = "Số quá dài (hàng nghìn chữ số); hãy ghi con số thật."


def invalid(detail: str) -> str:
    return f"Giá trị không hợp lệ ({detail})."


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
LINK_LEADS_OUT = (
    "Đây là liên kết (symlink) trỏ ra ngoài thư mục {folder}, tới {target}: công cụ không đọc"
    " và không đăng tệp qua liên kết như vậy. Xóa liên kết và chép chính tệp vào thư mục."
)


def file_too_large(size_kb: int, limit_kb: int) -> str:
    return f"Tệp quá lớn ({size_kb} KB); giới hạn là {limit_kb} KB."


# PyYAML's problems (English) → what they mean for someone who edited the file by hand.
_YAML_PROBLEMS = (
    (r"^mapping values are not allowed", "có dấu hai chấm “:” ở chỗ không được có (thụt lề sai, thiếu"
     " dấu hai chấm ở dòng trên, hoặc một giá trị có dấu hai chấm mà chưa đặt trong ngoặc kép)"),
    (r"^expected ',' or '\]'", "danh sách trong ngoặc vuông “[ ]” chưa đóng hoặc thiếu dấu phẩy"),
    (r"^expected ',' or '\}'", "nhóm trong ngoặc nhọn “{ }” chưa đóng hoặc thiếu dấu phẩy"),
    (r"^expected <block end>|^did not find expected key|^could not find expected ':'",
     "thụt lề không khớp với các dòng trên (mỗi cấp thụt vào đều nhau, chỉ bằng dấu cách)"),
    (r"^found unexpected end of stream", "dấu ngoặc kép mở mà chưa đóng"),
    (r"^found character '\\t'", "có ký tự Tab: chỉ thụt lề bằng dấu cách"),
    (r"^found character '(.)' that cannot start", "giá trị bắt đầu bằng ký tự “{0}”: hãy đặt giá trị trong"
     " ngoặc kép"),
    (r"^found undefined alias|^expected alphabetic or numeric", "giá trị bắt đầu bằng “*” hoặc “&”: hãy đặt"
     " giá trị trong ngoặc kép"),
    (r"^found unknown escape character '(.)'", "“\\{0}” trong ngoặc kép không hợp lệ: viết “\\\\” hoặc dùng"
     " ngoặc đơn"),
    (r"another document", "tệp có thêm dòng “---” ở giữa; chỉ giữ một phần"),
    (r"^block sequence entries are not allowed", "dấu gạch đầu dòng “-” ở chỗ không được có (thụt lề sai)"),
)  # fmt: skip


def _yaml_problem(problem: str) -> str:
    for pattern, meaning in _YAML_PROBLEMS:
        found = re.search(pattern, problem)
        if found:
            return meaning.replace("{0}", found.group(1)) if found.groups() else meaning
    return "cấu trúc của tệp không đúng"


def yaml_syntax(problem: str) -> str:
    return (
        f"Lỗi cú pháp YAML: {_yaml_problem(problem)}. Kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép"
        " ở dòng này và dòng trên."
    )


def yaml_tag(tag: str) -> str:
    return f"Không dùng thẻ YAML {quote(tag)} trong hồ sơ; hãy viết giá trị bình thường."


def bad_slug(slug: str) -> str:
    return (
        f"Tên thư mục {quote(slug)} không dùng được làm địa chỉ trang: chỉ gồm chữ thường"
        " không dấu, số và dấu gạch ngang (ví dụ: doi-che-ban-quyen), và không được có dạng"
        " “trang-số” (dành cho các trang của danh sách)."
    )


def criterion_not_in_fields(criterion: str, valid: Sequence[str]) -> str:
    return (
        f"Tiêu chí {quote(criterion)} không thuộc lĩnh vực của hồ sơ cũng không phải tiêu chí"
        f" chung.{suggest(criterion, valid)} Các tiêu chí hợp lệ: {', '.join(valid)}."
    )


def repeated_code(code: str, first: int) -> str:
    return f"{quote(code)} đã có ở vị trí thứ {first} của danh sách; mỗi mã chỉ ghi một lần."


def other_field_repeats_main(code: str) -> str:
    return (
        f"Lĩnh vực {quote(code)} đã là lĩnh vực chính; không cần chọn lại ở"
        f" {_box('Exemplar.other_fields')}."
    )


NEEDS_PLACE = (
    f"Cần chọn {_box('Replication.hamlet')} hoặc ghi {_box('Replication.place')}, chỉ một trong hai."
)
NEEDS_HAMLET_OR_ORG = (
    f"Hồ sơ cần ít nhất một trong hai: {_box('Exemplar.hamlet')} hoặc {_box('Exemplar.organization')}."
)
CONSENT_REQUIRED = (
    "Hồ sơ cá nhân cần ghi sự đồng ý công bố của người đó cho từng mục đích (trang web, ấn phẩm in,"
    " đài truyền thanh, dữ liệu mở), ngày đồng ý và nơi lưu phiếu đồng ý. Chưa có đồng ý thì hồ sơ"
    " không được đăng; im lặng không phải là đồng ý."
)


def consent_minor_missing(age: int, missing: list[str]) -> str:
    who = {
        "representative_consent": "cha, mẹ hoặc người đại diện theo pháp luật",
        "child_consent": "chính trẻ",
    }
    names = " và ".join(who[key] for key in missing)
    return (
        f"Trẻ {age} tuổi: cần sự đồng ý của {names} (Luật Bảo vệ dữ liệu cá nhân: từ đủ 7 tuổi cần cả"
        " sự đồng ý của trẻ). Chưa đủ thì hồ sơ không được công bố ở đâu cả."
    )


def consent_legacy(names: list[str]) -> str:
    return (
        f"{len(names)} hồ sơ cá nhân ghi sự đồng ý theo cách cũ (“đã đồng ý”, không ghi mục đích): sự"
        " đồng ý đó được hiểu là chỉ cho trang web và ấn phẩm in, nên các hồ sơ này không có trong dữ"
        " liệu mở và trang của tỉnh cho đến khi ghi sự đồng ý cho mục đích đó: " + ", ".join(names) + "."
    )


CONSENT_ONLY_INDIVIDUAL = (
    f"Chỉ hồ sơ cá nhân mới cần {_box('Exemplar.consent')}: để trống phần đó, hoặc chọn loại"
    " “Cá nhân” nếu đây là hồ sơ một người."
)
CONSENT_DATE_REQUIRED = f"Đã đồng ý công bố thì cần ghi {_box('Consent.date')}."


def future_date(value: object) -> str:
    return f"Ngày {quote(value)} nằm trong tương lai."


def future_year(value: object) -> str:
    return f"Năm {quote(value)} nằm trong tương lai."


def late_registration(value: object, deadline: object, year: int, period: str) -> str:
    return (
        f"Đăng ký ngày {quote(value)}, sau hạn đăng ký năm {year} ({quote(deadline)}) của {period.lower()}."
    )


def registered_outside_periods(value: object, periods: Sequence[str]) -> str:
    listed = ", ".join(periods) if periods else "(danh mục chưa có giai đoạn nào)"
    return (
        f"Ngày đăng ký {quote(value)} không thuộc giai đoạn nào của kế hoạch ({listed}): sửa"
        " ngày đăng ký, hoặc nhờ người phụ trách kỹ thuật thêm giai đoạn đó vào danh mục của xã."
    )


def field_closed_in_period(code: str, period: str, open_codes: Sequence[str]) -> str:
    return (
        f"Lĩnh vực {quote(code)} không có trong {period.lower()} (hồ sơ thuộc giai đoạn này theo"
        f" ngày đăng ký).{suggest(code, open_codes)} Các lĩnh vực của giai đoạn: {', '.join(open_codes)}."
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
        f"Hạn đăng ký {quote(value)} không thuộc năm nào của {name.lower()}; mỗi hạn thay"
        " cho ngày 30/6 của chính năm đó."
    )


def alias_taken(alias: str, owner: str) -> str:
    return f"Địa chỉ cũ {quote(alias)} đã được dùng cho {owner}; mỗi địa chỉ chỉ dẫn tới một trang."


PERIODS_MISSING = (
    "Danh mục cần ít nhất một giai đoạn kế hoạch: thêm “periods” (mỗi giai đoạn có code, name,"
    " years: [năm đầu, năm cuối])."
)
PERIODS_AND_PREVIOUS_FORMAT = (
    "Đã có danh sách giai đoạn “periods”: hãy bỏ “{key}” khỏi “commune” (cách ghi cũ của một giai"
    " đoạn) để không có hai giá trị khác nhau."
)
NOMINATION_CONGRESS_OR_AWARD = (
    f"Cần ghi {_box('Nomination.congress')} (đại hội, hội nghị được giới thiệu dự) hoặc"
    f" {_box('Nomination.award')}, chỉ một trong hai."
)


def duplicate_year(year: int, first_line: int) -> str:
    return f"Năm {year} đã có đánh giá (dòng {first_line}); mỗi năm chỉ một đánh giá."


def duplicate_name(name: str, other: str) -> str:
    return f"Tên {quote(name)} trùng với hồ sơ {quote(other)}."


def duplicate_code(table: str, code: str) -> str:
    return f"Mã {quote(code)} bị lặp trong danh sách {TABLE_NAMES.get(table, table)}."


def hamlet_without_exemplar(name: str) -> str:
    return (
        f"{name} chưa có điển hình nào được công bố; kế hoạch yêu cầu mỗi xóm đăng ký ít nhất một điển hình."
    )


def missing_story_section(section: str) -> str:
    return (
        f"Câu chuyện chưa có mục “{section}”. Thêm một dòng đề mục “{section}” rồi viết phần đó"
        f" bên dưới: gõ “## {section}” trên một dòng riêng (hai dấu thăng, một dấu cách, rồi tên"
        " mục), hoặc đặt con trỏ vào dòng đó rồi bấm nút “Đề mục” trên thanh công cụ và chọn"
        " “Đề mục cấp 2”."
    )


def broken_profile_link(target: str) -> str:
    return f"Liên kết tới hồ sơ {quote(target)} không tồn tại hoặc chưa được công bố."


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
        f"Có vẻ là {PERSONAL_DATA_KINDS[kind]} {quote(text)}: dữ liệu cá nhân không được công bố."
        f" Hãy xóa đi, chuyển vào {_box('Exemplar.private_notes')}, hoặc nếu đây là thông tin công"
        f" khai (ví dụ đường dây nóng của cơ quan) thì ghi nó vào {_box('Exemplar.public_contacts')}."
    )


def personal_data_in_name(kind: str, text: str, name: str) -> str:
    return (
        f"Tên {quote(name)} có vẻ chứa {PERSONAL_DATA_KINDS[kind]} {quote(text)}: tên thư mục và tên"
        " ảnh hiện trong địa chỉ trang, dữ liệu mở và tên ảnh được công bố. Hãy đổi tên, bỏ số đó đi."
    )


LEGACY_FONTS = {"TCVN3": "TCVN3 (ABC, phông .VnTime)", "VNI": "VNI (phông VNI-Times)"}


def legacy_encoding(encoding: str, meant: str) -> str:
    shown = meant if len(meant) <= 60 else meant[:57] + "…"
    return (
        f"Chữ có vẻ gõ bằng bảng mã cũ {LEGACY_FONTS[encoding]}, chưa chuyển sang Unicode, nên trên"
        f" trang web sẽ thành chữ lạ; có lẽ là {quote(shown)}. Hãy chuyển mã sang Unicode"
        " (ví dụ bằng công cụ chuyển mã của Unikey) rồi lưu lại."
    )


def unprintable(chars: str) -> str:
    listed = ", ".join(f"{quote(c)} (U+{ord(c):04X})" for c in chars[:5])
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


VISIT_WITHOUT_STOPS = (
    f"Chuyến tham quan chưa có điểm đến nào: thêm ít nhất một mục vào {_box('Visit.stops')}"
    f" ({_box('Stop.exemplar')}, {_box('Stop.time')}, {_box('Stop.place')})."
)
VISITS_NOT_A_FOLDER = "“{path}” không phải là thư mục chứa các tệp chuyến tham quan (.yml)."


def bad_visit_slug(name: str) -> str:
    return (
        f"Tên tệp {quote(name)} không dùng được làm địa chỉ trang: chỉ gồm chữ thường"
        " không dấu, số và dấu gạch ngang (ví dụ: tham-quan-che-2024.yml)."
    )


def bad_time(value: object) -> str:
    return f"Giờ {quote(value)} không hợp lệ. Viết theo dạng GIỜ:PHÚT, ví dụ 08:30 hoặc 14:00."


def unknown_visit_exemplar(slug: str, close: Sequence[str]) -> str:
    hint = (
        " Có phải ý bạn là " + ", ".join(quote(c) for c in close) + "?"
        if close
        else " Chọn một điển hình đã có trong danh sách hồ sơ."
    )
    return f"Không có hồ sơ điển hình {quote(slug)}.{hint}"


def exemplar_not_public(slug: str) -> str:
    return (
        f"Hồ sơ {quote(slug)} chưa được công bố (bản nháp, hoặc cá nhân chưa đồng ý công bố)"
        " nên không đưa vào chuyến tham quan được."
    )


def duplicate_stop(slug: str, first: int) -> str:
    return f"Hồ sơ {quote(slug)} đã có trong lịch trình (điểm đến thứ {first})."


def stop_out_of_order(time: str, previous: str) -> str:
    return f"Giờ {quote(time)} sớm hơn điểm đến trước ({quote(previous)}); hãy xếp theo thứ tự thời gian."


STORE_EXISTS = (
    "Đã có hồ sơ {path}: không ghi đè lên một hồ sơ khác. Đặt tên (địa chỉ) khác cho hồ sơ mới,"
    " hoặc mở hồ sơ đã có để sửa."
)
STORE_CHANGED = (
    "Tệp {path} vừa được sửa ở nơi khác trong lúc lưu nên không ghi đè. Mở lại tệp (để thấy bản"
    " mới nhất) rồi lưu lại."
)


SENSITIVE_KINDS = {
    "health": "sức khỏe, bệnh tật",
    "debt": "nợ nần, hoàn cảnh nghèo của một hộ cụ thể",
    "family": "chuyện riêng, mâu thuẫn trong gia đình",
    "belief": "tôn giáo, dân tộc của một người cụ thể",
    "child": "trẻ em kèm tên trường, lớp",
}


def sensitive(kind: str, text: str) -> str:
    return (
        f"Có nội dung nhạy cảm về đời tư ({SENSITIVE_KINDS[kind]}): {quote(text)}. Pháp luật về dữ liệu"
        " cá nhân coi đây là dữ liệu nhạy cảm. Hãy viết lại cho chung hơn, hoặc nếu phiếu đồng ý người đó"
        " đã ký ghi rõ cả nội dung này, đánh dấu “Phiếu đồng ý có ghi rõ nội dung nhạy cảm”."
    )


def photo_people_unconsented(file: str) -> str:
    return (
        f"Ảnh {quote(file)} có người nhận ra được nhưng chưa ghi sự đồng ý của họ cho mục đích nào: ảnh sẽ"
        " không được đăng ở đâu cả. Ghi sự đồng ý của họ, hoặc bỏ đánh dấu nếu không nhận ra được ai."
    )
