"""The consent form (staff/consent_form.py) and `dienhinh consent`."""

from __future__ import annotations

HELP_CONSENT = "in phiếu đồng ý công bố (Word, PDF) để người trong hồ sơ đọc và ký"
HELP_CONSENT_SLUG = "địa chỉ hồ sơ (tên thư mục trong exemplars/)"
HELP_CONSENT_DOCX = "tệp Word cần ghi (mặc định: phieu-dong-y-<hồ sơ>.docx)"
HELP_CONSENT_PDF = "tệp PDF cần ghi"
HELP_CONSENT_NUMBER = "số của phiếu (để trống: chừa chỗ ghi tay)"
HELP_CONSENT_DATE = "ngày của phiếu (mặc định: hôm nay)"

KIND = "PHIẾU ĐỒNG Ý"
SYMBOL = "PĐY-UBND"
SUBJECT = "Về việc công bố thông tin điển hình tiên tiến"
INTRO = (
    "Ủy ban nhân dân {commune} đề nghị Ông/Bà {name} đọc kỹ những thông tin dưới đây và cho biết có"
    " đồng ý để xã công bố hay không, cho từng mục đích. Việc đồng ý là tự nguyện; Ông/Bà có thể không"
    " đồng ý, hoặc chỉ đồng ý một số mục đích."
)
WHAT_TITLE = "I. THÔNG TIN SẼ ĐƯỢC CÔNG BỐ"
NAME = "Tên: {name}"
FIELD = "Lĩnh vực: {field}"
PLACE = "Xóm / tổ chức: {place}"
SUMMARY = "Giới thiệu ngắn: {summary}"
STORY_INTRO = "Câu chuyện, đúng như sẽ đăng:"
NO_STORY = "(Chưa có câu chuyện.)"


def photos(captions: list[str]) -> str:
    if not captions:
        return "Ảnh: không có ảnh."
    return f"Ảnh: {len(captions)} ảnh — " + "; ".join(captions) + "."


USES_TITLE = "II. MỤC ĐÍCH CÔNG BỐ"
USES_INTRO = (
    "Ông/Bà đánh dấu (✓) vào ô của mục đích mình đồng ý. Ô không đánh dấu là không đồng ý: thông tin sẽ"
    " không được dùng cho mục đích đó."
)
USE_DETAILS = {
    "website": "trang, ảnh và câu chuyện trên trang web điển hình tiên tiến của xã, tìm kiếm trên trang,"
    " hình xem trước khi chia sẻ qua Zalo, Facebook.",
    "print": "sổ tay tham quan học tập, áp phích trên bảng tin của xóm.",
    "broadcast": "bản tin đọc trên đài truyền thanh của xã.",
    "open_data": "tệp dữ liệu mở của xã (để cơ quan, người dân tải về) và trang điển hình của tỉnh lấy"
    " lại từ dữ liệu đó.",
}
SENSITIVE = (
    "Câu chuyện có nội dung về đời tư (sức khỏe, hoàn cảnh gia đình, tôn giáo, dân tộc…): tôi đồng ý công"
    " bố cả các nội dung này như đã ghi ở trên."
)
RIGHTS_TITLE = "III. QUYỀN CỦA ÔNG/BÀ"
RIGHTS_WITHDRAW = (
    "Ông/Bà có thể rút lại sự đồng ý bất cứ lúc nào, cho một hay mọi mục đích, bằng văn bản gửi {contact}."
    " Xã trả lời trong 02 ngày làm việc và gỡ thông tin khỏi trang web, dữ liệu mở, các bản lưu trên máy"
    " chủ và trang của tỉnh trong 15 ngày; ấn phẩm đã in được thu hồi theo nơi đã gửi."
)
RIGHTS_OTHER = "Ông/Bà có quyền xem, yêu cầu sửa hoặc xóa thông tin về mình bất cứ lúc nào."
RIGHTS_SILENCE = "Nếu Ông/Bà không ký phiếu này, thông tin sẽ không được công bố."
MINOR_TITLE = "IV. NẾU NGƯỜI ĐƯỢC CÔNG BỐ CHƯA ĐỦ 18 TUỔI"
MINOR_TEXT = (
    "Cần chữ ký của cha, mẹ hoặc người đại diện theo pháp luật; từ đủ {age} tuổi, cần cả chữ ký của"
    " chính trẻ."
)
MINOR_SIGN = (
    "Năm sinh của trẻ: …………  Họ tên, chữ ký của cha, mẹ hoặc người đại diện: ………………………………………………"
)
DATE_LINE = "Ngày ký: ……/……/…………"
SIGNER_TITLE = "NGƯỜI ĐỒNG Ý"
SIGNER_NOTE = "(Ký, ghi rõ họ tên)"
DEFAULT_CONTACT = "bộ phận Văn hóa - Xã hội, Ủy ban nhân dân xã"
METHOD = "Phiếu đồng ý có chữ ký"
NO_PROFILE = "Không có hồ sơ “{slug}” trong thư mục exemplars/."
NOT_INDIVIDUAL = "Hồ sơ “{name}” là của tập thể hoặc mô hình: phiếu đồng ý dành cho hồ sơ cá nhân."
WRITTEN = "Đã ghi phiếu đồng ý {path}."
RECORDED = (
    "Đã ghi vào hồ sơ: {reference}. Khi người đó ký xong, ghi các mục đích đã đồng ý và ngày ký vào"
    " hồ sơ (trình soạn thảo: “Sự đồng ý công bố”)."
)
REFERENCE = "Phiếu đồng ý số {number} {date}"
NO_NUMBER = "(chưa ghi số)"
