"""The browser editor (``dienhinh edit``): its form's labels and hints, its page, its static
and Git-hosted variants."""

from __future__ import annotations

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
    "Consent.uses": "Đồng ý cho công bố trên",
    "Consent.date": "Ngày đồng ý",
    "Consent.method": "Cách ghi nhận sự đồng ý (ví dụ: phiếu đồng ý có chữ ký)",
    "Consent.reference": "Nơi lưu phiếu đồng ý, số phiếu",
    "Consent.minor": "Người chưa thành niên (dưới 18 tuổi)",
    "Consent.sensitive": "Phiếu đồng ý có ghi rõ nội dung nhạy cảm",
    "Consent.withdrawn": "Ngày người này rút lại sự đồng ý",
    "Minor.born": "Năm sinh",
    "Minor.representative_consent": "Cha, mẹ hoặc người đại diện theo pháp luật đã đồng ý",
    "Minor.child_consent": "Trẻ (từ đủ 7 tuổi) đã đồng ý",
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
    "Photo.people": "Trong ảnh có người nhận ra được: sự đồng ý của họ",
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
    "Exemplar.story": (
        "Viết dưới ba đề mục có sẵn: Cách làm, Kết quả, Bài học kinh nghiệm (bấm vào cuối đề mục,"
        " nhấn Enter rồi viết). Thêm một đề mục: gõ “## ” rồi tên mục trên một dòng riêng, hoặc"
        " bấm nút “Đề mục” (chữ H) trên thanh công cụ."
    ),
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
EDITOR_PUBLISH_NO_TARGET = (
    "Chưa cài nơi đưa trang lên (máy chủ, GitHub Pages hoặc thư mục). Việc này làm một lần: nhờ"
    " người phụ trách kỹ thuật làm theo trang “Đưa trang lên mạng” trong hướng dẫn cho cán bộ."
)
EDITOR_PUBLISH_BUSY = "Đang đưa trang lên mạng; chờ lần này xong rồi bấm lại."
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
    "publish_open": "Đưa lên mạng",
    "publish_title": "Đưa trang lên mạng",
    "publish_hint": (
        "Mọi hồ sơ được kiểm tra, trang web được dựng lại rồi gửi lên nơi đã cài sẵn; chỉ những"
        " tệp đã thay đổi được gửi. Hồ sơ nháp không bao giờ được đăng. Trang đang chạy trên mạng"
        " chỉ được thay khi bản mới đã gửi xong."
    ),
    "publish_send": "Đưa lên mạng",
    "publish_rollback": "Quay về bản trước",
    "publish_rollback_confirm": "Đưa bản trước đó trở lại trang web (thay cho bản đang chạy)?",
    "publish_running": "Đang kiểm tra, dựng và gửi trang… (có thể mất vài phút)",
    "publish_rolling_back": "Đang đưa bản trước trở lại…",
    "publish_done": "Xong: trang web đã được cập nhật.",
    "publish_rolled_back": "Xong: bản trước đã được đưa trở lại.",
    "publish_failed": "Chưa đưa lên được. Trang đang chạy trên mạng vẫn giữ nguyên. Lý do:",
    "draft": "Bản nháp",
    "draft_note": "hồ sơ chưa công bố: chỉ hiện ở bản xem trước trên máy này, không lên trang web.",
    "save_to_preview": (
        "Bấm “Lưu” để xem hồ sơ như trên trang web. Bản xem trước tự cập nhật sau mỗi lần lưu."
    ),
    "preview_title": "Xem trước trang hồ sơ",
    "preview_building": "Đang dựng trang xem trước của hồ sơ vừa lưu… (thường vài giây)",
    "date_placeholder": "ngày/tháng/năm",
    "date_invalid": "Ngày viết theo dạng ngày/tháng/năm, ví dụ 15/06/2022, và phải là ngày có thật.",
    "date_today": "Hôm nay",
    "preview_off": "Bản xem trước đang tắt (chạy “dienhinh edit” không có --no-preview để bật).",
    "open_preview": "Mở bản xem trước trong thẻ mới",
    "preview_git": (
        "Hồ sơ hiện trên trang web sau khi được lưu, được kiểm tra và trang web được dựng lại."
        " Hồ sơ nháp không bao giờ được đăng."
    ),
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
EDIT_NOT_LOOPBACK = (
    "trình soạn thảo chỉ mở trên chính máy này (127.0.0.1, localhost hoặc ::1), vì nó không hỏi mật"
    " khẩu: mở ở “{host}”, máy khác trong mạng đọc và sửa được mọi hồ sơ. Để nhiều máy cùng biên tập,"
    " xem trang “Biên tập trên nhiều máy” trong hướng dẫn cho cán bộ"
)
EDITOR_BAD_LENGTH = "Yêu cầu không hợp lệ: độ dài nội dung (Content-Length) “{value}” không phải một số."
EDITOR_CLIENT_GONE = "Trình soạn thảo: trình duyệt đóng kết nối giữa chừng ({path}); không có gì được ghi."
EDITOR_REQUEST_FAILED = "Trình soạn thảo: một yêu cầu bị bỏ ({detail})."
EDITOR_MEDIA_IN_USE = (
    "Không xóa ảnh {name}: trang {page} vẫn hiện ảnh này. Bỏ ảnh khỏi trang đó trước, rồi xóa ảnh."
)
EDIT_STOPPED = "Đã dừng trình soạn thảo."
HELP_EDITOR_CONFIG = "ghi cấu hình trình soạn thảo (editor/config.yml) theo danh mục"
HELP_EDITOR_CONFIG_OUTPUT = "tệp ghi ra (mặc định: editor/config.yml)"
EDITOR_CONFIG_WRITTEN = "Đã ghi cấu hình trình soạn thảo vào {path}."
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


# What `dienhinh publish` says of its command line, as the editor's page says it instead (the
# officer has buttons, not options).
PUBLISH_CLI_PHRASES = {
    "chọn một bằng --to, ví dụ: dienhinh publish --to ssh": (
        "người phụ trách kỹ thuật cần để lại một nơi trong cấu hình (xem “Đưa trang lên mạng”)"
    ),
    "Nếu chỉ muốn thử (trang minh họa), chạy lại với --allow-sample.": (
        "Trang còn là trang minh họa hoặc chưa có địa chỉ thật: nhờ người phụ trách kỹ thuật (xem"
        " “Đưa trang lên mạng”)."
    ),
    "Vẫn đưa lên vì có --allow-sample:": "Vẫn đưa lên dù",
    "chạy dienhinh publish (không kèm --no-build).": "bấm lại “Đưa lên mạng”.",
    "(--rollback)": "(nút “Quay về bản trước”)",
}
