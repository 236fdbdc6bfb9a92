"""Text for the ear: numbers, dates, percentages, ranges, units, money and abbreviations as a
Vietnamese announcer says them (northern reading)."""

from __future__ import annotations

import pytest

from dienhinh.printing.spoken import date_words, decimal_words, number_words, plain_sentences, spoken

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("number", "said"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (14, "mười bốn"),
        (11, "mười một"),
        (100, "một trăm"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (1005, "một nghìn không trăm linh năm"),
        (2023, "hai nghìn không trăm hai mươi ba"),
        (12000, "mười hai nghìn"),
        (1050000, "một triệu không trăm năm mươi nghìn"),
        (1000005, "một triệu không trăm linh năm"),
        (1500000000, "một tỷ năm trăm triệu"),
        (2000000023, "hai tỷ không trăm hai mươi ba"),
    ],
)
def test_numbers(number: int, said: str) -> None:
    assert number_words(number) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [("1,5", "một phẩy năm"), ("12,05", "mười hai phẩy không năm"), ("15.000.000", "mười lăm triệu")],
)
def test_decimals_and_thousands(written: str, said: str) -> None:
    assert decimal_words(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("12 hộ", "mười hai hộ"),
        ("1,5 ha", "một phẩy năm héc-ta"),
        ("15%", "mười lăm phần trăm"),
        ("300 m²", "ba trăm mét vuông"),
        ("15.000.000 đồng", "mười lăm triệu đồng"),
        ("25/6/2023", "ngày hai mươi lăm tháng sáu năm hai nghìn không trăm hai mươi ba"),
        ("Ngày 5/4/2024", "Ngày mồng năm tháng tư năm hai nghìn không trăm hai mươi tư"),
        ("tháng 1/2022", "tháng một năm hai nghìn không trăm hai mươi hai"),
        ("5-7 hộ", "từ năm đến bảy hộ"),
        ("2020–2025", "từ hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm"),
        ("UBND xã, HĐND, MTTQ", "Ủy ban nhân dân xã, hội đồng nhân dân, mặt trận tổ quốc"),
        ("HTX và CCB, trường THCS", "Hợp tác xã và cựu chiến binh, trường trung học cơ sở"),
        ("Tổ có 9 hộ (năm 2022).", "Tổ có chín hộ."),
        ("31/2 là ngày lạ", "ba mươi mốt/hai là ngày lạ"),
    ],
)
def test_texts(written: str, said: str) -> None:
    assert spoken(written) == said


def test_dates_by_rule() -> None:
    assert date_words(1, 12, None) == "ngày mồng một tháng mười hai"
    assert (
        date_words(21, 11, 2022) == "ngày hai mươi mốt tháng mười một năm hai nghìn không trăm hai mươi hai"
    )


def test_a_story_becomes_sentences_without_tables_links_or_pictures() -> None:
    story = (
        "## Cách làm\n\nTổ họp mỗi tháng [một lần](https://vi.wikipedia.org/) để bàn việc;"
        " các hộ góp vốn.\n\n- Chọn giống tốt\n- Bón phân hữu cơ\n\n"
        "![Ảnh đồi chè](anh.jpg)\n\n| Năm | Số hộ |\n| --- | --- |\n| 2022 | 12 |\n"
    )
    assert plain_sentences(story) == [
        "Cách làm.",
        "Tổ họp mỗi tháng một lần để bàn việc.",
        "Các hộ góp vốn.",
        "Chọn giống tốt.",
        "Bón phân hữu cơ.",
    ]
