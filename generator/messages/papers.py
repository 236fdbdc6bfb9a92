"""The council's papers (``dienhinh report``, ``dienhinh nominations``, ``dienhinh dossier``):
the summary report (HTML, Excel), the official documents (Nghị định 30/2020/NĐ-CP) and an
exemplar's achievement report (Nghị định 98/2023/NĐ-CP)."""

from __future__ import annotations

from collections.abc import Sequence

from .common import quote, suggest
from .staff import NEW_NO_REGISTRY

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

REPORT_TITLE = "Báo cáo điển hình tiên tiến — {commune}"
REPORT_GENERATED = (
    "Lập ngày {date}. Đã đăng ký: mọi hồ sơ (kể cả nháp); đã công bố: hồ sơ hiện trên trang web."
)
REPORT_GENERATED_IN = (
    "Số liệu đến ngày {date}. Trong chương trình: điển hình đăng ký đến hết kỳ báo cáo, thuộc"
    " giai đoạn kế hoạch còn thực hiện trong kỳ (kể cả hồ sơ nháp); đăng ký mới: đăng ký trong kỳ;"
    " đã công bố: hồ sơ hiện trên trang web."
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
REPORT_HAMLETS_WITHOUT_IN = "Xóm chưa có điển hình được công bố trong chương trình{scope}: {names}."
REPORT_ALL_HAMLETS = "Xóm nào cũng có điển hình được công bố."
REPORT_COUNT_ALL = "Toàn xã có {count} điển hình đăng ký, {published} điển hình đã công bố."
REPORT_COUNT_IN = (
    "Trong{scope}, toàn xã có {count} điển hình trong chương trình ({new} đăng ký mới),"
    " {published} điển hình đã công bố."
)
REPORT_IN_PROGRAMME = "Trong chương trình"
REPORT_NEW = "Đăng ký mới"
# What happened within a year or a period to a hamlet's or an organization's exemplars.
REPORT_HAPPENED_NEW = "{count} đăng ký mới"
REPORT_HAPPENED_EVALUATED = "{count} lượt đánh giá"
REPORT_HAPPENED_COMMENDED = "{count} lượt khen thưởng"
REPORT_HAPPENED_REPLICATED = "{count} lượt nhân rộng"
REPORT_HAPPENED_NOMINATED = "{count} lượt giới thiệu, đề nghị"
REPORT_HAPPENED_NOTHING = "chưa ghi đánh giá, khen thưởng trong{scope}"
REPORT_WRITTEN = "Đã ghi báo cáo vào {path}."
NOMINATIONS_GROUP = "{title}: {count} điển hình ({names})."
NOMINATIONS_WRITTEN = "Đã ghi danh sách đề nghị khen thưởng, biểu dương vào {path}."
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
REPORT_LIST_IN_PROGRAMME = "Danh sách điển hình trong chương trình"
REPORT_KIND = "Loại"
REPORT_PLACE = "Xóm, tổ chức"
REPORT_STATUS = "Trạng thái"
REPORT_STATUS_WORDS = {True: "Đã công bố", False: "Chưa công bố"}
REPORT_EVALUATIONS = "Kết quả đánh giá hằng năm"
REPORT_RESULT = "Kết quả"
REPORT_WHERE = "Nơi nhân rộng"
REPORT_NOMINATIONS = "Giới thiệu tại hội nghị của xã, đề nghị cấp trên khen thưởng"
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
REPORT_PDF_FAILED = "Không in được PDF: {detail}."
NOMINATIONS_NONE = "Không có điển hình nào được giới thiệu hay đề nghị{scope}: danh sách sẽ trống."
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
    "Cấp",
    "Hình thức đề nghị",
)
# The list's groups, by nomination level (records/model.py NominationLevel), in this order.
DOC_LIST_GROUPS = {
    "commune": "Giới thiệu, biểu dương tại hội nghị điển hình tiên tiến của xã",
    "province": "Đề nghị cấp tỉnh khen thưởng, biểu dương",
    "national": "Đề nghị cấp trung ương khen thưởng, biểu dương",
}
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
DOC_PART_NOMINATIONS = "V. GIỚI THIỆU, BIỂU DƯƠNG VÀ ĐỀ NGHỊ CẤP TRÊN"
DOC_PART_SUMMARY = "VI. ĐÁNH GIÁ CHUNG"
DOC_REGISTERED_TEXT = (
    "Toàn xã có {registered} điển hình đăng ký ({kinds}); {published} điển hình đã được công bố"
    " trên trang thông tin của xã."
)
DOC_IN_PROGRAMME_TEXT = (
    "Trong{scope}, toàn xã có {count} điển hình trong chương trình ({kinds}); {published} điển"
    " hình đã được công bố trên trang thông tin của xã."
)
DOC_NEW_TEXT = "Trong{scope} có {count} điển hình đăng ký mới."
DOC_NO_NEW = "Trong{scope} không có điển hình đăng ký mới."
DOC_ALL_HAMLETS = "Tất cả các xóm đều có điển hình được công bố."
DOC_LATE_TEXT = "Có {count} điển hình đăng ký sau hạn của năm đăng ký."
DOC_EVALUATED_TEXT = (
    "Đã đánh giá {count} lượt; còn {missing} điển hình chưa có đánh giá của năm phải đánh giá."
)
DOC_COMMENDED_TEXT = "Có {count} lượt khen thưởng."
DOC_REPLICATED_TEXT = "{count} điển hình được nhân rộng, với {units} hộ/đơn vị áp dụng."
DOC_NOMINATED_TEXT = (
    "{commune} điển hình được giới thiệu, biểu dương tại hội nghị của xã; {upward} điển hình được"
    " đề nghị cấp trên khen thưởng, biểu dương."
)
DOC_NONE_TEXT = "Không có."
DOC_TABLE = "Bảng {number}. {title}"
DOC_PERIOD_RESULT = "Kết quả tổng kết giai đoạn (hội nghị ngày {date}):"
DOC_PERIOD_NO_RESULT = (
    "Hội nghị tổng kết giai đoạn chưa ghi kết quả trong danh mục (periods[].summary);"
    " bổ sung phần đánh giá chung trước khi trình ký."
)
DOC_CLOSING = "Trên đây là báo cáo{scope} của Ủy ban nhân dân {commune}./."

# --- dienhinh dossier: the achievement report (Nghị định 98/2023/NĐ-CP, Mẫu 02 and Mẫu 03) ----
HELP_DOSSIER = (
    "báo cáo thành tích của một điển hình (Mẫu 02, 03 Nghị định 98/2023/NĐ-CP) gửi kèm hồ sơ đề nghị"
)
HELP_DOSSIER_SLUG = "địa chỉ (tên thư mục) của hồ sơ, ví dụ doi-che-ban-quyen"
HELP_DOSSIER_DOCX = "ghi báo cáo thành tích dạng Word"
HELP_DOSSIER_PDF = "ghi báo cáo thành tích dạng PDF"
HELP_DOSSIER_SIGNER = "họ tên người ký (thủ trưởng đơn vị; với cá nhân: mặc định là chính người đó)"
HELP_DOSSIER_AWARD = "hình thức đề nghị (mặc định: lần giới thiệu, đề nghị gần nhất trong hồ sơ)"
DOSSIER_KIND = "BÁO CÁO THÀNH TÍCH"
DOSSIER_SUPERIOR = "UBND {commune}"
DOSSIER_FILE_TITLE = "Báo cáo thành tích: {name}"
DOSSIER_PROPOSE = "Đề nghị"
DOSSIER_CONGRESS = "Đề nghị giới thiệu dự {congress}"
DOSSIER_PROPOSAL_DEFAULT = "Đề nghị khen thưởng, biểu dương"
DOSSIER_NAME_COLLECTIVE = "Tên tập thể: {name}"
DOSSIER_NAME_INDIVIDUAL = "Họ và tên: {name}"
DOSSIER_PART_CHARACTERISTICS = "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"
DOSSIER_PART_BIOGRAPHY = "I. SƠ LƯỢC LÝ LỊCH"
DOSSIER_PART_ACHIEVEMENTS = "II. THÀNH TÍCH ĐẠT ĐƯỢC"
DOSSIER_PART_COMMENDATIONS = "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"
DOSSIER_TO_WRITE = "(Hồ sơ chưa ghi phần này: bổ sung trước khi trình ký.)"
DOSSIER_FIGURES_CAPTION = "Kết quả đánh giá và số liệu qua các năm"
DOSSIER_NO_EVALUATION = "Chưa có đánh giá hằng năm."
DOSSIER_YEAR = "Năm"
DOSSIER_RESULT = "Kết quả đánh giá"
DOSSIER_FIGURE = "{label} ({unit})"
DOSSIER_TITLES = "1. Danh hiệu thi đua"
DOSSIER_AWARDS = "2. Hình thức khen thưởng"
# A commendation form whose name starts so is an emulation title (danh hiệu thi đua).
DOSSIER_TITLE_WORD = "danh hiệu"
DOSSIER_TITLE_COLUMN = "Danh hiệu thi đua"
DOSSIER_AWARD_COLUMN = "Hình thức khen thưởng"
DOSSIER_DECISION_COLUMN = "Ngày, tháng, năm của quyết định; cơ quan ban hành"
DOSSIER_NONE = "Chưa có."
DOSSIER_COMMENDATION = "{form} ({level})"
DOSSIER_DECIDED = "Ngày {date}; {issuer}"
DOSSIER_CONFIRM_COLLECTIVE = ("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG",)
DOSSIER_SIGNER_COLLECTIVE = "THỦ TRƯỞNG ĐƠN VỊ"
DOSSIER_CONFIRM_INDIVIDUAL = ("THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ")
DOSSIER_SIGNER_INDIVIDUAL = "NGƯỜI BÁO CÁO THÀNH TÍCH"
DOSSIER_SIGN_SEAL = "(Ký, đóng dấu)"
DOSSIER_SIGN_NAME = "(Ký, ghi rõ họ và tên)"
DOSSIER_WRITTEN = "Đã ghi báo cáo thành tích vào {path}."
DOSSIER_OUTLINE = "Báo cáo thành tích của “{name}” ({form}): {subject}."
DOSSIER_FORM = {True: "Mẫu 03, cá nhân", False: "Mẫu 02, tập thể"}
DOSSIER_HINT = "Thêm --docx TỆP.docx hoặc --pdf TỆP.pdf để ghi báo cáo."
DOSSIER_DRAFT = (
    "Lưu ý: hồ sơ “{name}” còn là bản nháp; báo cáo vẫn được lập, hãy rà soát nội dung trước khi trình ký."
)


def dossier_unknown(slug: str, known: Sequence[str]) -> str:
    return f"Không có hồ sơ {quote(slug)} trong thư mục exemplars.{suggest(slug, known)}"


def dossier_broken(slug: str) -> str:
    return f"Hồ sơ {quote(slug)} có lỗi nên chưa lập được báo cáo; chạy “dienhinh check” để xem và sửa."


PDF_UNPRINTABLE = (
    "Chưa in được PDF: các ký tự trên không có trong phông chữ của bản in. Sửa chúng trong hồ sơ (gõ lại"
    " bằng bàn phím tiếng Việt) rồi in lại."
)
WITHDRAWAL_OPEN = (
    "Yêu cầu rút lại sự đồng ý của “{name}” nhận ngày {received}: trả lời trước ngày {answer}, hoàn tất"
    " (dựng và đăng lại trang) trước ngày {done}."
)
