"""Decap CMS's Vietnamese phrases we correct or complete; the editor's page lays them over
Decap's own (``registerLocale``)."""

from __future__ import annotations

# In "simple" publishing Decap's save button says "Công bố", which here is a profile's status:
# it says "Lưu" instead.
DECAP_PHRASES = {
    "auth": {"login": "Vào trang biên tập"},
    "app": {"header": {"content": "Hồ sơ", "media": "Ảnh dùng chung"}},
    "collection": {
        "collectionTop": {
            "viewAs": "Xem dạng",
            "viewAsList": "Xem dạng danh sách",
            "viewAsGrid": "Xem dạng lưới",
            "groupBy": "Nhóm theo",
            # Decap's "＋" (a full-width plus) is missing from the fonts of many computers.
            "newButton": "+ Thêm %{collectionLabel}",
            "newButtonAriaLabel": "Thêm %{collectionLabel}",
        },
        "groups": {"other": "Khác", "negateLabel": "Không %{label}"},
    },
    "editor": {
        "editorControl": {"field": {"widgetLabel": "Ô %{widgetLabel}"}},
        "editorInterface": {"togglePreview": "Bật/tắt xem trước", "toggleScrollSync": "Cuộn cùng nhau"},
        "editorToolbar": {
            "publish": "Lưu",
            "publishing": "Đang kiểm tra và lưu…",
            "published": "Đã lưu",
            "publishNow": "Lưu",
            "publishAndCreateNew": "Lưu rồi tạo hồ sơ mới",
            "publishAndDuplicate": "Lưu rồi sao chép thành hồ sơ mới",
            "status": "Trạng thái: %{status}",
            "backCollection": "Trở về danh sách %{collectionLabel}",
            "deployPreviewPendingButtonLabel": "Xem trước",
            "deployPreviewButtonLabel": "Xem trước",
            "deployButtonLabel": "Mở bản xem trước",
            # Shown on a blank new form too, where "Thay đổi đã được lưu" is not true.
            "changesSaved": "Không có thay đổi chưa lưu",
            "unsavedChanges": "Có thay đổi chưa lưu",
        },
        "editorWidgets": {
            "markdown": {
                "richText": "Soạn như Word",
                "markdown": "Mã Markdown",
                "bold": "Chữ đậm",
                "italic": "Chữ nghiêng",
                "strikethrough": "Gạch ngang",
                "code": "Mã",
                "link": "Liên kết",
                "linkPrompt": "Nhập địa chỉ của liên kết",
                "headings": "Đề mục",
                "quote": "Trích dẫn",
                "bulletedList": "Danh sách gạch đầu dòng",
                "numberedList": "Danh sách đánh số",
                "addComponent": "Chèn thêm",
                "toggleMode": {"rich": "Chuyển sang soạn như Word", "markdown": "Chuyển sang mã Markdown"},
            },
            "image": {
                "choose": "Chọn ảnh",
                "chooseDifferent": "Chọn ảnh khác",
                "remove": "Bỏ ảnh",
                "chooseMultiple": "Chọn nhiều ảnh",
                "chooseUrl": "Chèn từ địa chỉ web",
                "replaceUrl": "Thay bằng địa chỉ web",
                "promptUrl": "Nhập địa chỉ của ảnh",
                "addMore": "Thêm ảnh",
                "removeAll": "Bỏ mọi ảnh",
            },
            "file": {
                "chooseUrl": "Chèn từ địa chỉ web",
                "chooseMultiple": "Chọn nhiều tệp",
                "replaceUrl": "Thay bằng địa chỉ web",
                "promptUrl": "Nhập địa chỉ của tệp",
                "addMore": "Thêm tệp",
                "removeAll": "Bỏ mọi tệp",
            },
            "headingOptions": {
                "headingOne": "Đề mục cấp 1",
                "headingTwo": "Đề mục cấp 2",
                "headingThree": "Đề mục cấp 3",
                "headingFour": "Đề mục cấp 4",
                "headingFive": "Đề mục cấp 5",
                "headingSix": "Đề mục cấp 6",
            },
            "datetime": {"now": "Hôm nay", "setToNow": "Đặt %{fieldLabel} là hôm nay", "clear": "Xóa ngày"},
            "list": {"add": "Thêm %{item}", "addType": "Thêm %{item}"},
            "object": {"expand": "Mở ra", "collapse": "Thu gọn"},
        },
    },
    "mediaLibrary": {
        "mediaLibraryCard": {
            "copy": "Chép",
            "copyUrl": "Chép địa chỉ",
            "copyPath": "Chép đường dẫn",
            "copyName": "Chép tên",
            "copied": "Đã chép",
        },
        "mediaLibraryModal": {
            "images": "Ảnh",
            "mediaAssets": "Ảnh và tệp",
            "close": "Đóng",
            "chooseSelected": "Dùng ảnh đã chọn",
            "deleteSelected": "Xóa ảnh đã chọn",
            "noAssetsFound": "Chưa có tệp nào.",
            "noImagesFound": "Chưa có ảnh nào.",
            "upload": "Tải ảnh lên",
            "uploading": "Đang tải lên…",
            "download": "Tải về máy",
            "private": "Riêng tư",
        },
    },
    "ui": {
        "errorBoundary": {
            "details": "Đã xảy ra lỗi trong trình soạn thảo — ",
            "reportIt": "hãy báo cho người phụ trách kỹ thuật của xã.",
        },
        "settingsDropdown": {"account": "Tài khoản"},
        "toast": {
            "onFailToPersist": "Chưa lưu: xem các lỗi trong khung đỏ ở cuối trang.",
            "entrySaved": "Đã kiểm tra và lưu.",
            "entryPublished": "Đã kiểm tra và lưu.",
            "onFailToDelete": "Chưa xóa: xem lý do trong khung đỏ ở cuối trang.",
        },
    },
}
