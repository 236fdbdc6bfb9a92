"""Photos and share cards: the checks of a profile's photos, their processing, the cards' words."""

from __future__ import annotations

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
