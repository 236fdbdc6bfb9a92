"""The theme: upgrade, override, the checks of a commune's overrides, template mistakes."""

from __future__ import annotations

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
HELP_UPGRADE_PROJECTS = (
    "thư mục dự án của các xã cần nâng cấp, nhiều thư mục một lần (mặc định: dự án ở thư mục hiện tại)"
)
METAVAR_PROJECT = "THƯ_MỤC"
UPGRADE_PROJECT = "— {path}"
UPGRADE_SOME_FAILED = "{count}/{total} dự án chưa nâng cấp được; xem thông báo ở trên."
UPGRADE_NOT_A_PROJECT = "Không có tệp mkdocs.yml trong “{path}”: đây không phải thư mục dự án của một xã."
