"""Staff tools: a new profile (``dienhinh new``) and a new commune's project (``dienhinh init``)."""

from __future__ import annotations

HELP_NEW = "tạo hồ sơ nháp mới (hỏi từng mục nếu thiếu)"
HELP_NEW_NAME = "tên điển hình"
HELP_NEW_KIND = "loại: collective (tập thể), individual (cá nhân), model (mô hình); gõ tiếng Việt cũng được"
HELP_NEW_FIELD = "mã lĩnh vực chính trong danh mục"
HELP_NEW_HAMLET = "mã xóm"
HELP_NEW_ORGANIZATION = "mã tổ chức"
HELP_NEW_SUMMARY = "tóm tắt một hai câu"
HELP_NEW_REGISTERED = "ngày đăng ký NĂM-THÁNG-NGÀY (mặc định: hôm nay)"

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
PROMPT_INIT_SITE_URL = (
    "Địa chỉ trang web của xã, ví dụ https://dienhinh.xahoabinh.gov.vn/ (Enter nếu chưa có: sửa"
    " sau ở dòng site_url của mkdocs.yml)"
)
INIT_BAD_SITE_URL = (
    "Địa chỉ trang web “{value}” không dùng được: viết đầy đủ tên miền, ví dụ"
    " https://dienhinh.xahoabinh.gov.vn/ (không dấu, không khoảng trắng)."
)
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


HELP_WITHDRAW = "ghi việc một người rút lại sự đồng ý công bố (và yêu cầu xóa dữ liệu của mình)"
HELP_WITHDRAW_SLUG = "địa chỉ hồ sơ (tên thư mục trong exemplars/)"
HELP_WITHDRAW_DATE = "ngày nhận yêu cầu (mặc định: hôm nay), ví dụ 15/03/2026"
METAVAR_SLUG = "HỒ_SƠ"
WITHDRAW_NO_PROFILE = "Không có hồ sơ “{slug}” trong thư mục exemplars/."
WITHDRAW_NOT_INDIVIDUAL = (
    "Hồ sơ “{slug}” là của tập thể hoặc mô hình. Nếu một người trong ảnh rút lại sự đồng ý, mở hồ sơ"
    " trong trình soạn thảo và ghi ngày rút lại ở ảnh đó (“Trong ảnh có người nhận ra được”); nếu cả"
    " tập thể không muốn công bố nữa, chuyển hồ sơ về bản nháp."
)
WITHDRAW_DONE = (
    "Đã ghi: “{name}” rút lại sự đồng ý ngày {date}.\n"
    "- Lần dựng tới (dienhinh build), hồ sơ không còn trên trang web, sổ tay, bản tin và dữ liệu mở;"
    " dữ liệu mở ghi địa chỉ hồ sơ đã gỡ (không kèm thông tin cá nhân) để trang của tỉnh xóa bản sao.\n"
    "- Lần đăng tới (dienhinh publish), hồ sơ bị xóa khỏi máy chủ, kể cả các bản cũ giữ để quay lại.\n"
    "- Theo Nghị định 356/2025/NĐ-CP: trả lời người yêu cầu trước ngày {answer}; hoàn tất trước ngày {done}."
    " Sổ tay đã in thì thu hồi theo danh sách nơi đã gửi."
)
