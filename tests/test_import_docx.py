"""`dienhinh import FILE.docx`: Word reports made here with python-docx become draft bundles
with the expected Markdown and photo files; what cannot be converted is reported by place;
TCVN3/VNI text is converted; re-importing updates a draft and never a published profile;
old, encrypted and broken files get a Vietnamese message saying what to do."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from PIL import Image

from dienhinh.intake.word_report import OLE_MAGIC, read_report
from dienhinh.records.legacy_fonts import (
    TCVN3,
    Encoding,
    convert,
    encoding_of_font,
    from_tcvn3,
    from_vni,
    guess,
)

from .sample import run_main
from .word_documents import TITLE, add_legacy, report

SLUG = "to-hop-tac-nuoi-ong-xom-tham-khe-minh-hoa"
OPTIONS = (
    "--kind",
    "collective",
    "--field",
    "kinh-te-ho",
    "--hamlet",
    "tham-khe",
    "--registered",
    "2022-06-01",
)

EXPECTED_STORY = """
## Cách làm

Năm 2022, tổ có **mười hai hộ** cùng nuôi ong *lấy mật*.

- Chọn giống ong nội khỏe.
- Đặt thùng ong dưới tán rừng.

| Năm | Số hộ | Lít mật |
| --- | --- | --- |
| 2022 | 12 | 300 |
| 2023 | 18 | 540 |

![Ảnh 1: Thùng ong của tổ (ảnh minh họa).](bao-cao-anh-1.jpg)

![Ảnh 2: Thùng ong của tổ (ảnh minh họa).](bao-cao-anh-2.jpg)

## Kết quả

Điển hình tiên tiến xã Điềm Mặc
"""


def test_a_report_becomes_a_draft_bundle(project: Path, tmp_path: Path) -> None:
    source = report(tmp_path / "bao-cao.docx")
    result = run_main("import", str(source), *OPTIONS, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert f"Đã tạo hồ sơ nháp mới “{TITLE}” ở exemplars/{SLUG}/index.md từ báo cáo (2 ảnh)." in out
    # What could not be converted, and what was, named with its paragraph.
    assert (
        "bao-cao.docx: đoạn 13 (“Ghi chú trong hộp văn bản”): CẢNH BÁO: Hộp văn bản (Text Box)"
        " không chuyển được" in out
    )
    assert (
        "bao-cao.docx: đoạn 12 (“Điển hình tiên tiến xã Điềm Mặc”): CẢNH BÁO:"
        " Chữ gõ bằng bảng mã cũ TCVN3 (.VnTime)" in out
    )
    folder = project / "exemplars" / SLUG
    assert sorted(p.name for p in folder.iterdir()) == ["bao-cao-anh-1.jpg", "bao-cao-anh-2.jpg", "index.md"]
    text = (folder / "index.md").read_text(encoding="utf-8")
    head, story = text.split("\n---\n", 1)
    head += "\n"
    assert story == EXPECTED_STORY
    assert f"name: {TITLE}\n" in head and "status: draft\n" in head and "registered: 2022-06-01\n" in head
    assert (
        "photos:\n- file: bao-cao-anh-1.jpg\n"
        "  caption: 'Ảnh 1: Thùng ong của tổ (ảnh minh họa).'\n  cover: true\n"
        "- file: bao-cao-anh-2.jpg\n  caption: 'Ảnh 2: Thùng ong của tổ (ảnh minh họa).'\n"
    ) in head
    with Image.open(folder / "bao-cao-anh-1.jpg") as photo:
        assert photo.format == "JPEG" and photo.size == (800, 600)
    check = run_main("check", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr


def test_reimport_updates_the_drafts_story_without_a_second_bundle(project: Path, tmp_path: Path) -> None:
    source = report(tmp_path / "bao-cao.docx")
    assert run_main("import", str(source), *OPTIONS, cwd=project).returncode == 0
    index = project / "exemplars" / SLUG / "index.md"
    # The officer adds a summary in the editor; the next report version has one picture.
    index.write_text(
        index.read_text(encoding="utf-8").replace("summary: ", "summary: Tổ nuôi ong. #"), "utf-8"
    )
    report(source, story_extra="Năm 2024 tổ có thêm sáu hộ.", pictures=1)
    again = run_main("import", str(source), cwd=project)  # no options: the draft has them
    assert again.returncode == 0, again.stdout + again.stderr
    updated = f"hồ sơ nháp đã có “{TITLE}”: đã cập nhật câu chuyện và ảnh của exemplars/{SLUG}/index.md"
    assert updated in again.stdout
    bundles = [p.name for p in (project / "exemplars").iterdir() if p.name.startswith("to-hop-tac-nuoi-ong")]
    assert bundles == [SLUG]
    text = index.read_text(encoding="utf-8")
    assert "Năm 2024 tổ có thêm sáu hộ." in text and "summary: Tổ nuôi ong." in text
    assert "bao-cao-anh-2" not in text and not (index.parent / "bao-cao-anh-2.jpg").exists()
    assert run_main("import", str(source), cwd=project).stdout.strip().endswith("không cần thay đổi.")
    # Once published, a report never changes it.
    index.write_text(text.replace("status: draft", "status: published"), encoding="utf-8")
    published = index.read_bytes()
    report(source, story_extra="Một đoạn khác.")
    kept = run_main("import", str(source), cwd=project)
    assert kept.returncode == 0 and "đã công bố nên không bị báo cáo thay đổi" in kept.stdout
    assert index.read_bytes() == published


def test_a_new_profile_needs_what_the_report_does_not_say(project: Path, tmp_path: Path) -> None:
    source = report(tmp_path / "bao-cao.docx")
    result = run_main("import", str(source), "--field", "kinh-te-ho", cwd=project)
    assert result.returncode == 1
    assert "hồ sơ mới cần thêm --kind (tập thể, cá nhân hay mô hình), --hamlet (xóm) hoặc" in result.stdout
    wrong = run_main("import", str(source), *OPTIONS[:4], "--hamlet", "tham-kh", cwd=project)
    assert wrong.returncode == 1 and "Không có xóm “tham-kh” trong danh mục của xã" in wrong.stdout
    assert not (project / "exemplars" / SLUG).exists()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("bao-cao.doc", OLE_MAGIC + b"\0" * 600,
         "Mở tệp trong Word, chọn Tệp → Lưu thành → “Tài liệu Word (*.docx)”"),
        ("mat-khau.docx", OLE_MAGIC + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"), "có mật khẩu"),
        ("hong.docx", b"PK\x03\x04 not really a zip", "Tệp bị hỏng hoặc không phải tệp Word"),
        ("rong.docx", b"", "Tệp bị hỏng hoặc không phải tệp Word"),
    ],
)  # fmt: skip
def test_files_that_cannot_be_read_say_what_to_do(project: Path, tmp_path: Path, name: str, data: bytes,
                                                  expected: str) -> None:  # fmt: skip
    result = run_main("import", str(write(tmp_path / name, data)), *OPTIONS, cwd=project)
    assert result.returncode == 1
    assert f"{name}: LỖI: " in result.stdout and expected in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_zip_that_is_not_a_word_document(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "khac.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    result = run_main("import", str(path), *OPTIONS, cwd=project)
    assert result.returncode == 1 and "Tệp bị hỏng hoặc không phải tệp Word" in result.stdout


def test_pictures_in_other_formats_and_without_caption(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Mô hình thử (minh họa)", level=1)
    image = Image.new("RGB", (300, 200), (10, 200, 90))
    gif = io.BytesIO()
    image.save(gif, format="GIF")
    document.add_picture(io.BytesIO(gif.getvalue()))
    document.add_paragraph("Một đoạn văn thường, dài hơn một dòng chú thích nên không phải chú thích. " * 4)
    path = tmp_path / "gif.docx"
    document.save(str(path))
    found = read_report(path)
    assert not isinstance(found, str)
    assert found.title == "Mô hình thử (minh họa)"
    assert [(p.name, p.caption) for p in found.pictures] == [
        ("bao-cao-anh-1.png", "Ảnh 1 trong báo cáo (chưa có chú thích)")
    ]
    assert any("không có dòng chú thích" in note.message for note in found.notes)


def test_legacy_vietnamese_fonts() -> None:
    assert from_tcvn3("§iÓn h×nh tiªn tiÕn x· §iÒm MÆc") == "Điển hình tiên tiến xã Điềm Mặc"
    assert from_tcvn3("b¸o c¸o thµnh tÝch", capitals=True) == "BÁO CÁO THÀNH TÍCH"  # .VnTimeH
    assert from_vni("Ñieån hình tieân tieán xaõ Ñieàm Maëc") == "Điển hình tiên tiến xã Điềm Mặc"
    assert (
        from_vni("ngöôøi daân, Ñaûng, cuûa, öu tieân, Hôïp taùc xaõ")
        == "người dân, Đảng, của, ưu tiên, Hợp tác xã"
    )
    assert encoding_of_font(".VnTime") == (Encoding.tcvn3, False)
    assert encoding_of_font(".VnArialH") == (Encoding.tcvn3, True)
    assert encoding_of_font("VNI-Times") == (Encoding.vni, False)
    assert encoding_of_font("Times New Roman") is None
    # Text pasted without its font: guessed only when the signs are clear.
    assert guess("b¸o c¸o thµnh tÝch n¨m 2022") is Encoding.tcvn3
    assert guess("Baùo caùo thaønh tích naêm 2022 cuûa xaõ") is Encoding.vni
    for unicode_text in ("Cách làm", "Tiên Yên", "Kết quả", "Hello café", "Điển hình"):
        assert guess(unicode_text) is None, unicode_text
    # 14 plain letters (ă â ê ô ơ ư đ, both cases) and 12 vowels × 5 tones, each once.
    assert len(TCVN3) == len(set(TCVN3.values())) == 74
    assert convert("§¸", Encoding.tcvn3) == "Đá"


def test_a_vni_paragraph_in_a_report(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph(TITLE, style="Title")
    add_legacy(document, "Toå hôïp taùc coù möôøi hai hoä", font="VNI-Times")
    path = tmp_path / "vni.docx"
    document.save(str(path))
    found = read_report(path)
    assert not isinstance(found, str)
    assert found.story == "\nTổ hợp tác có mười hai hộ\n"
    assert found.title == TITLE
    legacy = [n.message.split(":")[0] for n in found.notes if "bảng mã" in n.message]
    assert legacy == ["Chữ gõ bằng bảng mã cũ VNI (VNI-Times)"]
