"""Open data (du-lieu/: JSON, CSV, Atom feed, schema)."""

from __future__ import annotations

OPEN_DATA_WRITTEN = "Dữ liệu mở: {profiles} hồ sơ trong du-lieu/ ({files})."
FEED_TITLE = "Điển hình mới công bố, mới cập nhật — {site}"
FEED_SUBTITLE = (
    "Hồ sơ điển hình tiên tiến của {commune} vừa công bố hoặc vừa có thêm đánh giá, khen thưởng, đề cử."
)
FEED_LINK_TITLE = "Điển hình mới công bố, mới cập nhật"
CSV_YES = "Có"
# The CSV's header row: the heading of each column (export.CSV_COLUMNS: the order, the values).
CSV_HEADINGS = {
    "slug": "Mã hồ sơ",
    "url": "Địa chỉ trang",
    "name": "Tên điển hình",
    "kind": "Loại",
    "field_code": "Mã lĩnh vực",
    "field": "Lĩnh vực",
    "other_fields": "Lĩnh vực khác",
    "hamlet_code": "Mã xóm",
    "hamlet": "Xóm",
    "organization_code": "Mã tổ chức",
    "organization": "Tổ chức",
    "registered": "Ngày đăng ký",
    "updated": "Ngày cập nhật",
    "summary": "Tóm tắt",
    "featured": "Tiêu biểu",
    "criteria": "Tiêu chí đạt được",
    "evaluation_count": "Số lần đánh giá",
    "latest_evaluation_year": "Năm đánh giá gần nhất",
    "latest_evaluation_result": "Kết quả đánh giá gần nhất",
    "commendation_count": "Số lần khen thưởng",
    "commendations": "Khen thưởng",
    "replication_count": "Số nơi nhân rộng",
    "replicated_units": "Số hộ/đơn vị làm theo",
    "replication_places": "Nơi nhân rộng",
    "nomination_count": "Số lần đề cử",
    "nominations": "Đề cử",
    "photo_count": "Số ảnh",
    "cover": "Ảnh bìa",
}
HELP_OPEN_DATA_SCHEMA = "ghi lược đồ JSON Schema của dữ liệu mở (du-lieu/dien-hinh.json)"
OPEN_DATA_SCHEMA_TITLE = "Dữ liệu mở điển hình tiên tiến của một xã (du-lieu/dien-hinh.json)"
OPEN_DATA_SCHEMA_DESCRIPTION = (
    "Mọi hồ sơ điển hình đã công bố trên trang của xã, với tên trong danh mục, ảnh đã xử lý,"
    " đánh giá, khen thưởng, nhân rộng và đề cử. Không có bản nháp, ghi chú nội bộ, thông tin"
    " đồng ý hay liên hệ. Địa chỉ (url) là tuyệt đối khi trang có site_url, nếu không thì tương"
    " đối với tệp dữ liệu này. Mọi trường luôn có mặt (null hoặc [] khi trống)."
)
OPEN_DATA_DESCRIPTIONS = {
    "OpenData.$schema": "Địa chỉ của lược đồ này.",
    "OpenData.schema_version": "Phiên bản dạng dữ liệu (MAJOR.MINOR.PATCH); bên đọc nhận cùng MAJOR.",
    "OpenData.commune": "Xã công bố dữ liệu.",
    "OpenData.updated": "Ngày cập nhật mới nhất trong các hồ sơ (null khi chưa có hồ sơ).",
    "OpenData.profiles": "Các hồ sơ đã công bố, theo mã hồ sơ.",
    "Commune.full_name": "Tên đầy đủ: xã, (huyện,) tỉnh.",
    "Commune.site_url": "Địa chỉ trang điển hình của xã (null nếu trang không khai báo).",
    "Commune.sample_data": "true: dữ liệu minh họa, không phải điển hình có thật.",
    "Profile.slug": "Mã hồ sơ: tên thư mục, cũng là địa chỉ trang.",
    "Profile.url": "Địa chỉ trang hồ sơ trên trang của xã.",
    "Profile.registered": "Ngày đăng ký.",
    "Profile.updated": (
        "Ngày mới nhất trong hồ sơ: đăng ký, khen thưởng, quyết định đề cử, đánh giá"
        " (tính là ngày 31/12 của năm đánh giá)."
    ),
    "Profile.featured": "Được đưa lên trang chủ của xã.",
    "Profile.evaluations": "Đánh giá hằng năm, theo năm.",
    "Profile.commendations": "Khen thưởng, theo ngày.",
    "Profile.replications": "Nơi đã nhân rộng: xóm của xã hoặc nơi khác.",
    "Profile.nominations": "Đề cử lên cấp trên (xã, tỉnh, toàn quốc): đại hội thi đua hoặc giải thưởng.",
    "Profile.photos": "Ảnh đã xử lý (đã bỏ mọi siêu dữ liệu); ảnh gốc không bao giờ được công bố.",
    "Photo.url": "Bản JPEG lớn nhất.",
    "Photo.thumbnail": "Bản JPEG nhỏ nhất, để làm ảnh thu nhỏ.",
    "Photo.credit": "Người hoặc nơi chụp ảnh.",
    "Replication.units": "Số hộ hoặc đơn vị đã làm theo.",
    "Nomination.congress": "Đại hội thi đua được giới thiệu tới.",
    "Nomination.award": "Giải thưởng, danh hiệu được đề nghị.",
}
