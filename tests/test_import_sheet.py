"""``dienhinh import``: registration sheets (xlsx, csv) → draft bundles, bad rows reported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from openpyxl import Workbook

from dienhinh.intake.import_sheet import Outcome, Row, import_sheet, normalize, parse_date, read_sheet
from dienhinh.records.load import load_registry, read_exemplar
from dienhinh.records.model import Status
from dienhinh.records.settings import Settings

from .sample import ROOT, run_main, write_xlsx

SAMPLE_XLSX = ROOT / "samples" / "dang-ky-mau.xlsx"
SAMPLE_CSV = ROOT / "samples" / "dang-ky-mau.csv"

# What the shipped sheet must become: slug → (kind, field, hamlet, organization, registered).
EXPECTED = {
    "mo-hinh-nuoi-ong-lay-mat-xom-hop-thanh": (
        "model",
        "kinh-te-ho",
        "hop-thanh",
        "hoi-nong-dan",
        "2022-06-10",
    ),
    "to-tu-quan-ve-sinh-moi-truong-xom-lang-lai": (
        "collective",
        "nong-thon-moi",
        "lang-lai",
        None,
        "2022-06-20",
    ),
    "anh-hoang-van-p-minh-hoa": ("individual", "chuyen-doi-so", "ban-pieng", "doan-thanh-nien", "2022-06-28"),
    "cau-lac-bo-dan-ca-tay-xom-ban-moi": (
        "collective",
        "vi-nguoi-ngheo",
        "ban-moi",
        "hoi-phu-nu",
        "2022-07-15",
    ),
    "nhom-ban-nong-san-qua-mang-cua-thanh-nien-xa": (
        "model",
        "chuyen-doi-so",
        None,
        "doan-thanh-nien",
        "2022-06-05",
    ),
}


def folders(project: Path) -> set[str]:
    return {p.name for p in (project / "exemplars").iterdir() if p.is_dir()}


def test_normalize_and_dates() -> None:
    assert normalize("  Ngày  ĐĂNG ký (*) ") == "ngay dang ky"
    assert normalize("Đồng Tâm") == "dong tam"
    assert parse_date("5/6/2022") == dt.date(2022, 6, 5)
    assert parse_date("2022-06-05") == dt.date(2022, 6, 5)
    assert parse_date(dt.datetime(2022, 6, 5, 0, 0))  # noqa: DTZ001 - Excel cells hold naive dates == dt.date(2022, 6, 5)
    assert parse_date(44717) == dt.date(2022, 6, 5)  # an Excel serial number
    assert parse_date("31/02/2022") is None
    assert parse_date("tháng 6") is None


def test_sample_sheet_creates_the_expected_drafts(project: Path) -> None:
    before = folders(project)
    result = run_main("import", str(SAMPLE_XLSX), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert folders(project) - before == set(EXPECTED)
    registry, _, _ = load_registry(project / "exemplars" / "registry.yml")
    for slug, (kind, field, hamlet, organization, registered) in EXPECTED.items():
        record, _, problems = read_exemplar(project / "exemplars" / slug, registry)
        assert problems == [] and record is not None, slug
        assert record.status is Status.draft
        assert (record.kind.value, record.field, record.hamlet, record.organization) == (
            kind,
            field,
            hamlet,
            organization,
        )
        assert record.registered.isoformat() == registered
        assert "## Cách làm" in record.story
    check = run_main("check", cwd=project)
    assert check.returncode == 0 and "LỖI" not in check.stdout, check.stdout
    # The late one (15/07/2022) is flagged by check, as for any profile.
    assert "cau-lac-bo-dan-ca-tay-xom-ban-moi/index.md" in check.stdout


def test_csv_with_bom_and_semicolons_gives_the_same_bundles(tmp_path: Path, project: Path) -> None:
    assert SAMPLE_CSV.read_bytes().startswith(b"\xef\xbb\xbf")
    assert run_main("import", str(SAMPLE_XLSX), cwd=project).returncode == 0
    from .conftest import copy_project

    other = copy_project(tmp_path / "other")
    assert run_main("import", str(SAMPLE_CSV), cwd=other).returncode == 0
    for slug in EXPECTED:
        xlsx_text = (project / "exemplars" / slug / "index.md").read_text(encoding="utf-8")
        csv_text = (other / "exemplars" / slug / "index.md").read_text(encoding="utf-8")
        assert xlsx_text == csv_text


def test_bad_field_code_and_bad_date_reported_with_row_and_column(tmp_path: Path, project: Path) -> None:
    sheet = write_xlsx(
        tmp_path / "dang-ky.xlsx",
        [
            ["Ngày đăng ký", "TÊN ĐIỂN HÌNH", "lĩnh  vực", "Loai", "xom", "Tóm tắt"],
            [
                dt.datetime(2022, 5, 2),  # noqa: DTZ001 - as Excel stores a date
                "Tổ vay vốn xóm Đồng Tâm",
                "kinh-te-ho",
                "Tập thể",
                "Đồng Tâm",
                "Tổ vay vốn.",
            ],
            ["03/05/2022", "Mô hình trồng nấm xóm Pa Chò", "kinh-te", "Mô hình", "pa-cho", ""],
            ["31/02/2022", "Tổ an ninh xóm Nà Moọc", "quoc-phong-an-ninh", "tập thể", "Nà Moọc", ""],
            ["10/05/2022", "Câu lạc bộ đọc sách xóm Thẩm Khe", "Giáo dục", "Tap the", "tham khe", ""],
        ],
    )
    before = folders(project)
    result = run_main("import", str(sheet), cwd=project)
    out = result.stdout
    assert result.returncode == 1
    assert "dang-ky.xlsx: dòng 3, cột C “lĩnh vực”: LỖI: Không có lĩnh vực “kinh-te”" in out
    assert "Có phải ý bạn là “Kinh tế hộ gia đình”?" in out
    # The names the officer sees, never the registry's codes.
    assert "Ghi một trong các tên: “Học tập và làm theo Bác”; “Nông thôn mới”;" in out
    assert "kinh-te-ho" not in out.split("Không có lĩnh vực")[1].split("\n")[0]
    assert "dang-ky.xlsx: dòng 4, cột A “Ngày đăng ký”: LỖI: Ngày “31/02/2022” không hợp lệ" in out
    assert "Traceback" not in out + result.stderr
    assert folders(project) - before == {"to-vay-von-xom-dong-tam", "cau-lac-bo-doc-sach-xom-tham-khe"}
    assert "2 hồ sơ nháp mới" in out and "2 dòng có lỗi chưa nhập" in out


def test_importing_twice_updates_without_duplicates_and_keeps_stories(tmp_path: Path, project: Path) -> None:
    rows: list[list[object]] = [
        ["Tên điển hình", "Loại", "Lĩnh vực", "Xóm", "Ngày đăng ký", "Tóm tắt"],
        ["Tổ vay vốn xóm Đồng Tâm", "Tập thể", "kinh-te-ho", "dong-tam", "02/05/2022", "Tóm tắt cũ."],
        ["Mô hình trồng nấm xóm Pa Chò", "Mô hình", "kinh-te-ho", "pa-cho", "03/05/2022", "Nấm."],
    ]
    sheet = write_xlsx(tmp_path / "dang-ky.xlsx", rows)
    assert run_main("import", str(sheet), cwd=project).returncode == 0
    after_first = folders(project)

    # An editor writes the story of one draft; the sheet changes another row's summary.
    written = project / "exemplars" / "to-vay-von-xom-dong-tam" / "index.md"
    head, _ = written.read_text(encoding="utf-8").split("\n---\n", 1)
    story = "\n## Cách làm\n\nTổ họp mỗi tháng một lần.\n\n## Kết quả\n\nMười hộ thoát nghèo.\n"
    written.write_text(f"{head}\n---\n{story}", encoding="utf-8")
    rows[1][5] = "Tóm tắt mới từ bảng tính."
    rows[2][0] = "  mô hình  TRỒNG nấm xóm Pa Chò "  # the same exemplar, typed differently
    sheet = write_xlsx(tmp_path / "dang-ky.xlsx", rows)

    result = run_main("import", str(sheet), cwd=project)
    assert result.returncode == 0, result.stdout
    assert folders(project) == after_first
    text = written.read_text(encoding="utf-8")
    assert text.endswith(f"\n---\n{story}")
    assert "summary: Tóm tắt mới từ bảng tính.\n" in text
    # Both rows matched their bundle: the second one's name takes the sheet's spelling.
    assert "0 hồ sơ nháp mới, 2 cập nhật, 0 không đổi" in result.stdout
    nam = (project / "exemplars" / "mo-hinh-trong-nam-xom-pa-cho" / "index.md").read_text(encoding="utf-8")
    assert "name: mô hình TRỒNG nấm xóm Pa Chò\n" in nam
    again = run_main("import", str(sheet), cwd=project)
    assert "0 hồ sơ nháp mới, 0 cập nhật, 2 không đổi" in again.stdout
    assert written.read_text(encoding="utf-8") == text


def test_an_update_that_check_would_refuse_leaves_the_draft_as_it_was(tmp_path: Path, project: Path) -> None:
    """The sheet moves a draft to a field whose criteria it does not have: refused at its row,
    naming the draft's line (re-imports used to write such a draft unchecked)."""
    rows: list[list[object]] = [
        ["Tên điển hình", "Loại", "Lĩnh vực", "Xóm", "Ngày đăng ký"],
        ["Tổ vệ sinh xóm Đồng Tâm", "Tập thể", "nong-thon-moi", "dong-tam", "02/05/2022"],
    ]
    assert run_main("import", str(write_xlsx(tmp_path / "dang-ky.xlsx", rows)), cwd=project).returncode == 0
    path = project / "exemplars" / "to-ve-sinh-xom-dong-tam" / "index.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: draft\n", "criteria:\n- ntm-1\nstatus: draft\n"),
        encoding="utf-8",
    )
    before = path.read_bytes()
    assert run_main("check", cwd=project).returncode == 0
    rows[1][2] = "kinh-te-ho"
    result = run_main("import", str(write_xlsx(tmp_path / "dang-ky.xlsx", rows)), cwd=project)
    assert result.returncode == 1, result.stdout
    assert (
        "dang-ky.xlsx: dòng 2: LỖI: exemplars/to-ve-sinh-xom-dong-tam/index.md:9 [criteria[0]]:"
        in result.stdout
    )
    assert "ntm-1" in result.stdout and "Traceback" not in result.stdout + result.stderr
    assert path.read_bytes() == before


def test_published_profile_with_the_same_name_is_left_alone(tmp_path: Path, project: Path) -> None:
    path = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    before = path.read_text(encoding="utf-8")
    sheet = tmp_path / "dang-ky.csv"
    sheet.write_text(
        "ten dien hinh,loai,linh vuc,xom,ngay dang ky,tom tat\n"
        "Tổ hợp tác chè sạch xóm Bản Quyền,Tập thể,kinh-te-ho,ban-quyen,01/06/2022,Khác.\n",
        encoding="utf-8",
    )
    result = run_main("import", str(sheet), cwd=project)
    assert result.returncode == 0, result.stdout
    assert "đã công bố nên giữ nguyên" in result.stdout
    assert path.read_text(encoding="utf-8") == before


def test_sheet_without_the_needed_columns_is_refused(tmp_path: Path, project: Path) -> None:
    sheet = tmp_path / "sai.csv"
    sheet.write_text("Tên điển hình;Loại;Tóm tắt\nA;Tập thể;x\n", encoding="utf-8")
    before = folders(project)
    result = run_main("import", str(sheet), cwd=project)
    assert result.returncode == 1
    assert "Bảng tính thiếu cột “lĩnh vực”." in result.stdout
    assert "Bảng tính thiếu cột “ngày đăng ký”." in result.stdout
    assert folders(project) == before


def test_missing_or_unreadable_sheet_is_a_message_not_a_traceback(tmp_path: Path, project: Path) -> None:
    result = run_main("import", str(tmp_path / "khong-co.xlsx"), cwd=project)
    assert result.returncode == 1
    assert "Không tìm thấy tệp bảng tính" in result.stdout
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a zip file")
    result = run_main("import", str(broken), cwd=project)
    assert result.returncode == 1
    assert "Không đọc được bảng tính" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_import_reports_progress_through_the_callers_wrapper(tmp_path: Path) -> None:
    """The import prints nothing itself: the command's edge wraps the rows (a progress bar)."""
    registry, _, _ = load_registry(ROOT / "exemplars" / "registry.yml")
    sheet, problems = read_sheet(SAMPLE_CSV)
    assert registry is not None and sheet is not None and problems == []
    seen: list[int] = []

    def progress(rows: Sequence[Row]) -> Iterator[Row]:
        for row in rows:
            seen.append(row.number)
            yield row

    exemplars = tmp_path / "exemplars"
    exemplars.mkdir()
    settings = Settings.from_options(tmp_path, {"registry": str(ROOT / "exemplars" / "registry.yml")})
    result = import_sheet(sheet, registry, settings, today=dt.date(2026, 1, 1), progress=progress)
    assert seen == [row.number for row in sheet.rows] and len(seen) == len(EXPECTED)
    assert result.count(Outcome.created) == len(EXPECTED)
    assert {p.parent.name for p in exemplars.glob("*/index.md")} == set(EXPECTED)


# --- sheets as hamlets really send them ---------------------------------------------------------

MESSY_HEADERS = [
    "STT",
    "Tên mô hình / điển hình",
    "Loại (tập thể/cá nhân/mô hình)",
    "Thuộc lĩnh vực",
    "Xóm",
    "Tổ chức",
    "Ngày đăng ký",
    "Tóm tắt thành tích",
    "Người phụ trách",
]
MESSY_ROWS = [
    [1, "Tổ chăn nuôi gà đồi xóm Nạ Á", "Tập thể", "Kinh tế hộ", "Nạ Á", "", "12/05/2022", "Nuôi gà đồi."],
    [
        2,
        "Mô hình tủ thuốc chung xóm Nà Moọc",
        "mô hình",
        "Nông thôn mới",
        "Xóm Nà Moọc",
        "",
        "2022-05-20",
        "",
    ],
    # (a blank row between the second and third registrations)
    [3, "Chị Lò Thị E (minh họa)", "CÁ NHÂN", "chuyen-doi-so", "Bản Mới", "Đoàn Thanh niên xã", "01/06/2022"],
]


def messy_sheet(path: Path) -> Path:
    """A sheet as it arrives: title merged across the columns, a subtitle, the header with STT
    and synonyms, a row of column numbers, registrations with a blank row among them, an extra
    column, then the place and date line, the signers' titles, "(Ký, ghi rõ họ tên)" and their
    names (illustrative) — the signature block."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    width = len(MESSY_HEADERS)
    sheet.append(["DANH SÁCH ĐĂNG KÝ XÂY DỰNG ĐIỂN HÌNH TIÊN TIẾN NĂM 2022"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(["(Kèm theo Kế hoạch của UBND xã — dữ liệu minh họa)"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.append([])
    sheet.append(MESSY_HEADERS)  # row 4
    sheet.append([f"({n})" for n in range(1, width + 1)])  # row 5
    sheet.append([*MESSY_ROWS[0], "Ông Hà Văn G (minh họa)"])  # row 6
    sheet.append([*MESSY_ROWS[1], ""])  # row 7
    sheet.append([])  # row 8
    sheet.append([*MESSY_ROWS[2], "", "Chị E"])  # row 9
    sheet.append([])  # row 10
    sheet.append(["", "", "", "", "", "", "Bản Mới, ngày 02 tháng 6 năm 2022"])  # row 11
    sheet.append(["", "NGƯỜI LẬP BIỂU", "", "", "", "", "TM. UBND XÃ"])  # row 12
    sheet.append(["", "(Ký, ghi rõ họ tên)", "", "", "", "", "CHỦ TỊCH"])  # row 13
    sheet.append([])
    sheet.append(["", "Nguyễn Văn H (minh họa)", "", "", "", "", "Trần Văn K (minh họa)"])  # row 15
    book.save(path)
    return path


def test_messy_sheet_imports_every_real_row_with_one_warning(tmp_path: Path, project: Path) -> None:
    before = folders(project)
    result = run_main("import", str(messy_sheet(tmp_path / "xom-ban-moi.xlsx")), cwd=project)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "LỖI" not in out
    warnings = [line for line in out.splitlines() if "CẢNH BÁO" in line]
    assert warnings == [
        "xom-ban-moi.xlsx: dòng 4: CẢNH BÁO: Không nhập cột I “Người phụ trách”: không phải cột của mẫu"
        " đăng ký. Nếu là một trong các cột “tên điển hình” (hoặc “tên mô hình / điển hình”), “loại”"
        " (tập thể / cá nhân / mô hình), “lĩnh vực” (hoặc “thuộc lĩnh vực”), “xóm” hoặc “tổ chức”,"
        " “ngày đăng ký”; nên có “tóm tắt”, hãy đổi tên tiêu đề cho đúng."
    ]
    assert "Bỏ qua dòng 5, 11–13, 15: không phải dòng đăng ký" in out
    assert "3 hồ sơ nháp mới" in out and "0 dòng có lỗi" in out
    created = folders(project) - before
    assert created == {
        "to-chan-nuoi-ga-doi-xom-na-a",
        "mo-hinh-tu-thuoc-chung-xom-na-mooc",
        "chi-lo-thi-e-minh-hoa",
    }
    registry, _, _ = load_registry(project / "exemplars" / "registry.yml")
    assert registry is not None
    got = {}
    for slug in created:
        record, _, problems = read_exemplar(project / "exemplars" / slug, registry)
        assert record is not None, problems
        got[slug] = (record.kind.value, record.field, record.hamlet, record.organization, record.registered)
    assert got == {
        "to-chan-nuoi-ga-doi-xom-na-a": ("collective", "kinh-te-ho", "na-a", None, dt.date(2022, 5, 12)),
        "mo-hinh-tu-thuoc-chung-xom-na-mooc": (
            "model",
            "nong-thon-moi",
            "na-mooc",
            None,
            dt.date(2022, 5, 20),
        ),
        "chi-lo-thi-e-minh-hoa": (
            "individual",
            "chuyen-doi-so",
            "ban-moi",
            "doan-thanh-nien",
            dt.date(2022, 6, 1),
        ),
    }


def test_messy_sheet_rows_and_skips(tmp_path: Path) -> None:
    sheet, problems = read_sheet(messy_sheet(tmp_path / "dang-ky.xlsx"))
    assert sheet is not None and problems == []
    assert sheet.header_row == 4
    assert [r.number for r in sheet.rows] == [6, 7, 9]
    assert sheet.skipped == (5, 11, 12, 13, 15)
    assert {k: c.header for k, c in sheet.columns.items()}["name"] == "Tên mô hình / điển hình"
    assert [c.letter for c in sheet.unknown] == ["I"]


def test_a_registration_after_the_signatures_is_still_a_registration(tmp_path: Path) -> None:
    # A signer's name is skipped because it has no kind, field or date; a row that has them is not.
    path = tmp_path / "muon.csv"
    path.write_text(
        "Tên điển hình;Loại;Lĩnh vực;Xóm;Ngày đăng ký\n"
        "Tổ A;Tập thể;Kinh tế hộ;Nạ Á;01/06/2022\n"
        ";;;;Nạ Á, ngày 02 tháng 6 năm 2022\n"
        ";;;;TRƯỞNG XÓM\n"
        "Nguyễn Văn H (minh họa);;;;\n"
        "Tổ B;Tập thể;Kinh tế hộ;Nạ Á;03/06/2022\n",
        encoding="utf-8",
    )
    sheet, _ = read_sheet(path)
    assert sheet is not None
    assert [r.number for r in sheet.rows] == [2, 6]
    assert sheet.skipped == (3, 4, 5)


def test_missing_column_lists_the_headers_found_and_those_expected(tmp_path: Path) -> None:
    path = tmp_path / "thieu.csv"
    path.write_text(
        "STT;Tên mô hình;Loại;Xóm;Ngày ĐK;Ghi chú\n1;A;Tập thể;Nạ Á;01/06/2022;\n", encoding="utf-8"
    )
    sheet, problems = read_sheet(path)
    assert sheet is None
    assert [p.format(sheet=True) for p in problems] == [
        "thieu.csv: dòng 1: LỖI: Bảng tính thiếu cột “lĩnh vực”. Dòng tiêu đề có: “STT”, “Tên mô hình”,"
        " “Loại”, “Xóm”, “Ngày ĐK”, “Ghi chú”. Cần các cột “tên điển hình” (hoặc “tên mô hình / điển"
        " hình”), “loại” (tập thể / cá nhân / mô hình), “lĩnh vực” (hoặc “thuộc lĩnh vực”), “xóm” hoặc"
        " “tổ chức”, “ngày đăng ký”; nên có “tóm tắt”."
    ]


def test_no_header_row_names_the_row_that_looks_most_like_one(tmp_path: Path) -> None:
    path = tmp_path / "khac.csv"
    path.write_text("Họ tên;Năm sinh;Quê quán\nA;1990;B\n", encoding="utf-8")
    sheet, problems = read_sheet(path)
    assert sheet is None
    assert "Dòng giống tiêu đề nhất có: “Họ tên”, “Năm sinh”, “Quê quán”." in problems[0].message


def test_headers_match_despite_case_accents_spacing_and_typos() -> None:
    from dienhinh.intake.import_sheet import header_key

    assert header_key("Tên mô hình / điển hình") == "name"
    assert header_key("THUỘC LĨNH VỰC") == "field"
    assert header_key("thuoc  linh vuc") == "field"
    assert header_key("Lĩnh vưc") == "field"  # a typo
    assert header_key("Ngày đang ky") == "registered"
    assert header_key("Loại (tập thể/cá nhân/mô hình)") == "kind"
    assert header_key("Tóm tắt thành tích") == "summary"
    assert header_key("Ghi chú") is None
    assert header_key("Người phụ trách") is None
    assert header_key("Năm sinh") is None


def test_unknown_hamlet_and_organization_are_said_with_their_names(tmp_path: Path, project: Path) -> None:
    sheet = write_xlsx(
        tmp_path / "dang-ky.xlsx",
        [
            ["Tên điển hình", "Loại", "Lĩnh vực", "Xóm", "Tổ chức", "Ngày đăng ký"],
            ["Tổ hòa giải xóm Làng Lải", "Tập thể", "Nông thôn mới", "Lang Laii", "", "02/05/2022"],
            ["Chi đoàn thanh niên", "Tập thể", "Nông thôn mới", "", "Hội Nông dân xóm", "02/05/2022"],
        ],
    )
    out = run_main("import", str(sheet), cwd=project).stdout
    hamlet = next(line for line in out.splitlines() if "Không có xóm" in line)
    assert "Không có xóm “Lang Laii” trong danh mục của xã. Có phải ý bạn là “Xóm Làng Lải”?" in hamlet
    assert "“Xóm Bản Quyền”; “Xóm Bản Piềng”" in hamlet and "ban-quyen" not in hamlet
    organization = next(line for line in out.splitlines() if "Không có tổ chức" in line)
    assert "Có phải ý bạn là “Hội Nông dân xã”?" in organization
    assert "“Trạm Y tế xã”" in organization and "hoi-nong-dan" not in organization
