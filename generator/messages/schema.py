"""The profile's JSON Schema (``dienhinh schema``): its title and its fields' descriptions."""

from __future__ import annotations

HELP_SCHEMA = "xuất lược đồ JSON Schema của hồ sơ (cho VS Code)"
HELP_SCHEMA_OUTPUT = "tệp ghi ra (mặc định: schema/exemplar.schema.json)"

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
    "consent": (
        "Sự đồng ý công bố của cá nhân, cho từng mục đích (uses: website, print, broadcast,"
        " open_data), ngày đồng ý, cách ghi nhận và nơi lưu phiếu; với trẻ em: năm sinh và sự đồng"
        " ý của người đại diện (và của trẻ từ đủ 7 tuổi)."
    ),
    "evaluations": "Đánh giá hằng năm: năm, kết quả, ghi chú, số liệu.",
    "commendations": "Khen thưởng: ngày, cấp, hình thức, nơi khen.",
    "replications": "Nơi đã nhân rộng: xóm (mã) hoặc nơi khác, năm, số hộ/đơn vị.",
    "nominations": (
        "Giới thiệu lên cấp trên: cấp (commune, province, national), năm, đại hội (congress)"
        " hoặc khen thưởng đề nghị (award), văn bản (decision)."
    ),
    "aliases": "Địa chỉ cũ của hồ sơ (tên thư mục trước khi đổi); địa chỉ cũ tự chuyển tới trang mới.",
    "Nomination.level": "Cấp: commune (xã), province (tỉnh), national (toàn quốc). Sau xã là tỉnh.",
    "Nomination.congress": "Đại hội, hội nghị được giới thiệu dự (ghi congress hoặc award).",
    "Nomination.award": "Hình thức khen thưởng được đề nghị (ghi congress hoặc award).",
    "Nomination.decision": "Văn bản: {number: số, date: ngày, issuer: cơ quan ban hành}.",
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
