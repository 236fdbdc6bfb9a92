"""Imports: registration sheets (.xlsx, .csv) and Word reports (.docx) made into draft profiles."""

from __future__ import annotations

from collections.abc import Sequence

from .common import TABLE_NAMES, quote

HELP_IMPORT = "nhập bảng đăng ký (.xlsx, .csv) hoặc báo cáo thành tích Word (.docx) thành hồ sơ nháp"
HELP_IMPORT_SHEET = "tệp bảng tính đăng ký, hoặc tệp Word .docx"

DRAFT_SUMMARY = "Bản nháp: hãy viết một hai câu giới thiệu điển hình (hiện trên thẻ và khi chia sẻ)."
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
        f"Ngày {quote(value)} không hợp lệ. Viết theo dạng ngày/tháng/năm, ví dụ 15/06/2022"
        " (hoặc 2022-06-15), và phải là ngày có thật."
    )


def sheet_bad_kind(value: object) -> str:
    return f"Loại {quote(value)} không hợp lệ; chọn một trong: Tập thể, Cá nhân, Mô hình."


def sheet_unknown_name(table: str, value: object, names: Sequence[str], close: str = "") -> str:
    """``names``: as the officer reads them (names contain commas: joined with semicolons)."""
    name = TABLE_NAMES.get(table, table)
    hint = f" Có phải ý bạn là {quote(close)}?" if close else ""
    return (
        f"Không có {name} {quote(value)} trong danh mục của xã.{hint}"
        f" Ghi một trong các tên: {'; '.join(quote(n) for n in names)}."
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
    "wide_table": "Bảng rộng hơn {columns} cột: chỉ lấy {columns} cột đầu.",
    "linked_picture": (
        "Ảnh liên kết tới một tệp bên ngoài (không nằm trong tệp Word) nên không nhập được: trong Word,"
        " chèn lại ảnh bằng Chèn → Ảnh (không chọn “Liên kết tới tệp”), hoặc thêm ảnh qua trình soạn thảo."
    ),
    "legacy_font": "Chữ gõ bằng bảng mã cũ {encoding}: đã chuyển sang Unicode; hãy đọc lại đoạn này.",
    "picture_unusable": (
        "Ảnh {number} là hình vẽ hoặc định dạng không dùng được (EMF/WMF…): lưu ảnh gốc thành JPEG"
        " rồi thêm qua trình soạn thảo."
    ),
    "no_caption": (
        "Ảnh {number} không có dòng chú thích ngay bên dưới: hãy viết chú thích trong trình soạn thảo."
    ),
}


# The parts of a report that are not its story, left out at import (report_shape).
DOCX_DROPPED = {
    "letterhead": "Đã bỏ phần đầu văn bản (tên cơ quan, quốc hiệu, tiêu ngữ): không đưa vào câu chuyện.",
    "date": "Đã bỏ dòng địa danh, ngày tháng của báo cáo (ngày này được dùng làm ngày đăng ký).",
    "title": "Đã bỏ tiêu đề chung của báo cáo: tên hồ sơ lấy từ dòng ghi tên tập thể, cá nhân.",
    "subject": "Đã bỏ dòng trích yếu (“Đề nghị…”, “V/v…”) khỏi câu chuyện.",
    "name": "Tên hồ sơ lấy từ dòng này; dòng này không đưa vào câu chuyện.",
    "personal": (
        "Đã bỏ dòng thông tin cá nhân (ngày sinh, quê quán, địa chỉ, điện thoại, số giấy tờ…): không được"
        " công bố trên trang."
    ),
    "signature": (
        "Đã bỏ phần ký tên, xác nhận và nơi nhận ở cuối báo cáo: tên người ký, số điện thoại không đưa"
        " lên trang."
    ),
}
DOCX_DROPPED_PERSONAL = "Trong phần này có {kinds}."


def personal_kind(kind: str) -> str:
    """A kind of personal data (phone, id_number, email) in words."""
    from .records import PERSONAL_DATA_KINDS

    return PERSONAL_DATA_KINDS[kind]


def docx_personal_data(kind: str, text: str) -> str:
    return (
        f"Câu chuyện có {personal_kind(kind)} {quote(text)}: dữ liệu cá nhân không được công bố. Hãy xóa"
        " đi trong trình soạn thảo, hoặc chuyển vào “Ghi chú nội bộ”."
    )


def docx_place(file: str, paragraph: int, snippet: str) -> str:
    """Where a note about a Word report belongs, as its reader sees the document."""
    if not paragraph:
        return file
    shown = f" ({quote(snippet)})" if snippet else ""
    return f"{file}: đoạn {paragraph}{shown}"


# What a new profile needs, as the officer gives it on the command line (or is asked for).
DOCX_OPTION_NAMES = {
    "name": "--name (tên điển hình)",
    "kind": "--kind (tập thể, cá nhân hay mô hình)",
    "field": "--field (lĩnh vực)",
    "place": "--hamlet (xóm) hoặc --organization (tổ chức)",
}
DOCX_OPTION_WORDS = {"kind": "loại", "field": "lĩnh vực", "hamlet": "xóm", "organization": "tổ chức"}
def docx_too_large(limit: int) -> str:
    return (
        f"Tệp Word này khi giải nén lớn hơn {limit} MB (thường do ảnh quá lớn hoặc tệp bị làm hỏng)."
        " Mở tệp trong Word, chọn Tệp → Nén ảnh (Compress Pictures), lưu lại rồi nhập lại."
    )


DOCX_SCANNED = (
    "Báo cáo chỉ có ảnh chụp (bản scan), không có chữ để nhập. Hãy xin bản Word gốc (gõ bằng máy), hoặc"
    " tạo hồ sơ bằng “dienhinh new” rồi gõ câu chuyện và thêm ảnh trong trình soạn thảo."
)


def docx_unknown_option(key: str, value: str, names: str) -> str:
    return f"Không có {DOCX_OPTION_WORDS[key]} {quote(value)} trong danh mục của xã. Chọn một trong: {names}."


# A short line under a picture that starts with one of these words is its caption.
DOCX_CAPTION_WORDS = ("ảnh", "hình", "hinh", "anh")
DOCX_NO_TITLE = (
    "Không tìm thấy tên điển hình trong báo cáo (dòng “Tên tập thể: …”, “Họ và tên: …” hoặc dòng dưới"
    " tiêu đề “BÁO CÁO THÀNH TÍCH”): ghi tên bằng --name “…”."
)
DOCX_CREATED = "Đã tạo hồ sơ nháp mới “{name}” ở {path} từ báo cáo ({pictures} ảnh)."
DOCX_UPDATED = (
    "Báo cáo là của hồ sơ nháp đã có “{name}”: đã cập nhật câu chuyện và ảnh của {path} ({pictures} ảnh)."
)
DOCX_UNCHANGED = "Hồ sơ nháp “{name}” ({path}) đã giống báo cáo, không cần thay đổi."
DOCX_KEPT = (
    "Hồ sơ {path} đã công bố nên không bị báo cáo thay đổi; muốn sửa, mở trình soạn thảo (“dienhinh edit”)."
)
DOCX_NEEDS = (
    "Chưa có hồ sơ “{name}”: hồ sơ mới cần thêm {options}. Ví dụ: dienhinh import bao-cao.docx"
    " --kind “cá nhân” --field “Kinh tế hộ gia đình” --hamlet “Nà A”"
)
DOCX_FAILED = "Chưa nhập được báo cáo: sửa các lỗi trên rồi nhập lại."
DOCX_NOTES_TITLE = "Những phần của báo cáo cần xem lại:"
HELP_IMPORT_NAME = "tên điển hình (mặc định: tiêu đề của báo cáo Word)"
