"""Writes the sample registration sheet (DỮ LIỆU MINH HỌA) as .xlsx and .csv.

Run again after editing ROWS: ``.venv/bin/python samples/make_sheet.py``. The sheet is
written the way a hamlet would fill it in: a title row, columns in its own order, names
instead of codes, dates as Excel date cells or typed as dd/mm/yyyy."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
TITLE = "BẢNG ĐĂNG KÝ ĐIỂN HÌNH TIÊN TIẾN NĂM 2022 — DỮ LIỆU MINH HỌA, không phải người thật"
HEADERS = ("STT", "Tên điển hình", "Loại", "Xóm", "Tổ chức", "Lĩnh vực", "Ngày đăng ký", "Tóm tắt")
ROWS: tuple[tuple[str, str, str, str, str, dt.date | str, str], ...] = (
    (
        "Mô hình nuôi ong lấy mật xóm Hợp Thành",
        "Mô hình",
        "Xóm Hợp Thành",
        "Hội Nông dân xã",
        "Kinh tế hộ gia đình",
        dt.date(2022, 6, 10),
        "Tám hộ nuôi ong dưới tán rừng keo, cùng nhau làm nhãn mật ong và bán qua hợp tác xã.",
    ),
    (
        "Tổ tự quản vệ sinh môi trường xóm Làng Lải",
        "Tập thể",
        "Làng Lải",
        "",
        "nong-thon-moi",
        "20/06/2022",
        "Mỗi tháng hai buổi tổng vệ sinh đường xóm; rác được phân loại tại nhà.",
    ),
    (
        "Anh Hoàng Văn P (minh họa)",
        "Cá nhân",
        "Bản Piềng",
        "Đoàn Thanh niên",
        "chuyen doi so",
        "28/6/2022",
        "Hướng dẫn bà con cài ứng dụng, nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt.",
    ),
    (
        "Câu lạc bộ dân ca Tày xóm Bản Mới",
        "tập thể",
        "ban-moi",
        "Hội Liên hiệp Phụ nữ xã",
        "Vì người nghèo",
        dt.date(2022, 7, 15),
        "Câu lạc bộ biểu diễn phục vụ khách du lịch, góp quỹ giúp hộ nghèo trong xóm.",
    ),
    (
        "Nhóm bán nông sản qua mạng của thanh niên xã",
        "MÔ HÌNH",
        "",
        "doan-thanh-nien",
        "Chuyển đổi số",
        "2022-06-05",
        "",
    ),
)


def write_xlsx(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Đăng ký"
    sheet.append([TITLE])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for number, row in enumerate(ROWS, start=1):
        sheet.append([number, *row])
    for cell in sheet["G"][2:]:
        if isinstance(cell.value, dt.date):
            cell.number_format = "DD/MM/YYYY"
    for letter, width in zip("ABCDEFGH", (5, 44, 10, 16, 20, 24, 14, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    # Fixed timestamps so regenerating gives the same file content.
    book.properties.created = book.properties.modified = dt.datetime(2022, 7, 20)
    book.save(path)


def write_csv(path: Path) -> None:
    # Excel's "CSV UTF-8" in a Vietnamese locale: BOM and ";" separators.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        for number, row in enumerate(ROWS, start=1):
            *head, date, summary = row
            shown = date.strftime("%d/%m/%Y") if isinstance(date, dt.date) else date
            writer.writerow([number, *head, shown, summary])


if __name__ == "__main__":
    write_xlsx(HERE / "dang-ky-mau.xlsx")
    write_csv(HERE / "dang-ky-mau.csv")
    print(f"Đã ghi {HERE / 'dang-ky-mau.xlsx'} và {HERE / 'dang-ky-mau.csv'}.")
