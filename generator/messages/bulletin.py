"""The loudspeaker bulletin (staff/bulletin.py) and `dienhinh bulletin`."""

from __future__ import annotations

HELP_BULLETIN = "viết bản tin phát thanh về các điển hình (đọc trên đài truyền thanh của xã)"
HELP_BULLETIN_SINCE = "chỉ các điển hình có tin mới từ ngày này (ví dụ 01/09/2026)"
HELP_BULLETIN_YEAR = "chỉ các điển hình có tin trong năm này"
HELP_BULLETIN_MINUTES = "thời lượng của buổi phát, tính bằng phút (mặc định: 5)"
HELP_BULLETIN_DOCX = "tệp Word cần ghi"
HELP_BULLETIN_PDF = "tệp PDF cần ghi"
HELP_BULLETIN_TXT = "tệp văn bản thuần cần ghi (mặc định: in ra màn hình)"

KIND = "BẢN TIN PHÁT THANH"
SUBJECT = "Gương điển hình tiên tiến, người tốt, việc tốt"
SIGNER = "NGƯỜI BIÊN TẬP"
OPENING = (
    "Kính thưa bà con nhân dân trong xã! Đây là Đài Truyền thanh {commune}. Trong chương trình hôm nay,"
    " chúng tôi xin giới thiệu những gương điển hình tiên tiến, người tốt, việc tốt của xã nhà."
)
CLOSING = (
    "Quý vị và các bạn vừa nghe chuyên mục gương điển hình tiên tiến của Đài Truyền thanh {commune}."
    " Cảm ơn bà con đã chú ý lắng nghe. Xin hẹn gặp lại trong chương trình lần sau."
)
PACE = "Đọc với tốc độ khoảng {rate} tiếng một phút: cả bản tin khoảng {total} (buổi phát {slot})."
STORY_TITLE = "Tin {number}: {name} (khoảng {time})"
CLOCK = "{minutes} phút {seconds:02d} giây"
NONE = (
    "Không có hồ sơ nào được đọc trên đài trong thời gian này: cần hồ sơ đã công bố, có tin trong thời"
    " gian đã chọn, và với cá nhân, sự đồng ý có gồm “bản tin trên đài truyền thanh”."
)
TOO_SHORT = "Buổi phát {minutes} phút quá ngắn để đọc được dù một tin: hãy chọn thời lượng dài hơn."
BAD_MINUTES = "--minutes: cần một số phút từ 1 đến 60."
WRITTEN = "Đã ghi bản tin {path}."
SUMMARY = "Bản tin gồm {count} tin, khoảng {total} (buổi phát {slot})."
