"""Hostile and odd Word files: bounded in what they unpack to and how wide their tables say
they are, malformed attributes said as a message (never a traceback), legacy-font conversion
only on the evidence of a font or a whole paragraph, linked pictures named."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml

from dienhinh.intake import word_report
from dienhinh.intake.word_report import read_report

from .word_documents import picture

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def saved(document: object, path: Path) -> Path:
    document.save(str(path))  # type: ignore[attr-defined]
    return path


def test_a_report_that_unpacks_past_the_bound_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(word_report, "MAX_UNPACKED_MB", 1)
    document = Document()
    document.add_paragraph("Tên tập thể: Tổ thử (minh họa)")
    path = saved(document, tmp_path / "to.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/big.bin", b"\0" * (3 * 2**20))  # 3 MB of zeros, a few KB packed
    assert path.stat().st_size < 100_000
    found = read_report(path)
    assert isinstance(found, str) and "lớn hơn 1 MB" in found


SPAN = (
    f'<w:tbl xmlns:w="{W}"><w:tblGrid><w:gridCol/></w:tblGrid>'
    '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="30000000"/></w:tcPr><w:p><w:r><w:t>Năm</w:t></w:r></w:p></w:tc>'
    "<w:tc><w:p><w:r><w:t>Số hộ</w:t></w:r></w:p></w:tc></w:tr>"
    '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>2022</w:t></w:r></w:p></w:tc>'
    "<w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)

READ = (
    "import sys, pathlib; from dienhinh.intake.word_report import read_report;"
    " print(read_report(pathlib.Path(sys.argv[1])).story)"
)


def test_a_huge_column_span_ends_quickly_with_a_note(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Tên tập thể: Tổ thử (minh họa)")
    document.element.body.insert(1, parse_xml(SPAN))
    path = saved(document, tmp_path / "span.docx")
    # In a process of its own, with a deadline: the bug this guards against never ends.
    result = subprocess.run(
        [sys.executable, "-c", READ, str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Năm" in result.stdout and "12" in result.stdout
    found = read_report(path)
    assert not isinstance(found, str)
    assert any("64 cột" in note.message for note in found.notes)


def _list_paragraph(document: object, text: str, ilvl: str, num_id: str) -> None:
    paragraph = document.add_paragraph(text)  # type: ignore[attr-defined]
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


@pytest.mark.parametrize(
    ("ilvl", "num_id"), [("abc", "1"), ("0", "'"), ("0", "1' or '1'='1"), ("99999999999", "1")]
)
def test_malformed_numbering_is_read_as_text(tmp_path: Path, ilvl: str, num_id: str) -> None:
    document = Document()
    document.add_paragraph("Tên tập thể: Tổ thử (minh họa)")
    _list_paragraph(document, "Chọn giống tốt.", ilvl, num_id.replace("'", "&apos;"))
    found = read_report(saved(document, tmp_path / "so.docx"))
    assert not isinstance(found, str)
    assert "Chọn giống tốt." in found.story


def test_a_first_row_merged_with_the_row_above_it(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Tên tập thể: Tổ thử (minh họa)")
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "12"
    table.cell(0, 0)._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge xmlns:w="{W}"/>'))
    found = read_report(saved(document, tmp_path / "vmerge.docx"))
    assert not isinstance(found, str)
    assert "12" in found.story


@pytest.mark.parametrize(
    "text",
    ["Diện tích 1,2 × 30 m² mỗi ô.", "Lưới 500 µm · 2 × 3 m.", "© 2023 Hội Nông dân ®", "Ông José Peña Muñoz",
     "Thêm ½ ha, nhiệt độ 25 °C, «tốt»", "µm µm µm"],
)  # fmt: skip
def test_unicode_text_with_symbols_is_never_converted(tmp_path: Path, text: str) -> None:
    document = Document()
    document.add_paragraph("Tên tập thể: Tổ thử (minh họa)")
    document.add_paragraph(text)
    found = read_report(saved(document, tmp_path / "symbols.docx"))
    assert not isinstance(found, str)
    assert text in found.story.replace("\\", "")
    assert not any("bảng mã cũ" in note.message for note in found.notes)


def test_a_pasted_legacy_paragraph_split_in_runs_is_converted_whole(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Tên tập thể: Tổ thử (minh họa)")
    paragraph = document.add_paragraph()
    for part in ("§iÓn h×nh ", "tiªn tiÕn ", "x· §iÒm MÆc"):  # TCVN3 without its font, in three runs
        paragraph.add_run(part)
    found = read_report(saved(document, tmp_path / "pasted.docx"))
    assert not isinstance(found, str)
    assert "Điển hình tiên tiến xã Điềm Mặc" in found.story


def test_a_linked_picture_is_named_not_lost(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Tên tập thể: Tổ thử (minh họa)")
    document.add_picture(io.BytesIO(picture((10, 120, 40))))
    path = saved(document, tmp_path / "linked.docx")
    # Word's "Link to File": the picture points outside the file (r:link), nothing embedded.
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = parts["word/document.xml"].decode()
    parts["word/document.xml"] = body.replace("r:embed=", "r:link=").encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    found = read_report(path)
    assert not isinstance(found, str)
    assert any("Ảnh liên kết" in note.message for note in found.notes)
