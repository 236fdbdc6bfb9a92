"""``dienhinh dossier SLUG``: the achievement report of one exemplar in the layout of Mẫu 02
(collective) / Mẫu 03 (individual), Nghị định 98/2023/NĐ-CP, opened as the office opens it
(python-docx, pypdf): name line, section headings as their own paragraphs, the story's
paragraphs under them, the yearly figures as a real Word table, the commendations, the
confirmation and signature block."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table
from pypdf import PdfReader

from dienhinh.printing.word import render_docx
from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings
from dienhinh.staff.dossier import Dossier, dossier_document, story_sections
from dienhinh.theme_files import Theme

from .sample import ROOT, run_main

CATALOG = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
REGISTRY = CATALOG.registry
assert REGISTRY is not None
BY_SLUG = {e.slug: e for e in CATALOG.exemplars}
TEMPLATE = Theme.of().find("report/mau-van-ban.docx")
HEADINGS = [
    "II. THÀNH TÍCH ĐẠT ĐƯỢC",
    "1. Cách làm",
    "2. Kết quả",
    "3. Bài học kinh nghiệm",
    "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
    "1. Danh hiệu thi đua",
    "2. Hình thức khen thưởng",
]


def blocks(path: Path) -> list[tuple[str, object]]:
    """The body in order: ("p", text, style) for paragraphs, ("t", rows) for tables."""
    found: list[tuple[str, object]] = []
    for block in Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            found.append(("t", [[c.text for c in row.cells] for row in block.rows]))
        else:
            found.append(("p", (block.text, block.style.name)))
    return found


def figure(value: float) -> str:
    """As a Vietnamese reader writes a figure (computed here, not by the tool)."""
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")


def expected_figures(slug: str) -> list[list[str]]:
    exemplar = BY_SLUG[slug]
    used = [f for f in REGISTRY.figures if any(f.code in v.figures for v in exemplar.evaluations)]
    header = ["Năm", "Kết quả đánh giá", *(f"{f.label} ({f.unit})" for f in used)]
    results = {r.code: r.name for r in REGISTRY.evaluation_results}
    rows = [
        [
            str(v.year),
            results[v.result],
            *(figure(v.figures[f.code]) if f.code in v.figures else "" for f in used),
        ]
        for v in sorted(exemplar.evaluations, key=lambda v: v.year)
    ]
    return [header, *rows]


def plain(markdown: str) -> list[str]:
    """The story's paragraph texts, as a reader sees them (no Markdown marks, no pictures)."""
    texts = []
    for chunk in re.split(r"\n\s*\n", markdown):
        chunk = chunk.strip()
        if not chunk or chunk.startswith(("#", "![")):
            continue
        texts.extend(
            " ".join(i.replace("**", "").replace("*", "").split()) for i in re.split(r"\n(?=- )", chunk)
        )
    return texts


def section_text(story: str, heading: str) -> str:
    return story.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_collective_achievement_report_as_word(tmp_path: Path) -> None:
    slug = "doi-che-ban-quyen"
    exemplar = BY_SLUG[slug]
    path = tmp_path / "bao-cao-thanh-tich.docx"
    result = run_main(
        "dossier", slug, "--docx", str(path), "--date", "2025-03-01", "--signer", "Lò Văn B", cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Đã ghi báo cáo thành tích vào {path}." in result.stdout
    body = blocks(path)
    header = body[0][1]
    assert header[0][1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # type: ignore[index]
    assert header[0][0].split("\n")[:2] == ["UBND XÃ ĐIỀM MẶC", "HỘI NÔNG DÂN XÃ"]  # type: ignore[index]
    assert header[1][1] == "Điềm Mặc, ngày 01 tháng 3 năm 2025"  # type: ignore[index]
    paragraphs = [value for kind, value in body if kind == "p"]
    texts = [text for text, _ in paragraphs]  # type: ignore[misc]
    assert texts[0] == "BÁO CÁO THÀNH TÍCH"
    assert texts[1].startswith("Đề nghị ") and "Đại hội Thi đua yêu nước tỉnh" in texts[1]
    assert f"Tên tập thể: {exemplar.name}" in texts
    headings = [text for text, style in paragraphs if style == "Đề mục"]  # type: ignore[misc]
    assert headings == ["I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", *HEADINGS]
    # The story's paragraphs under their headings, each its own paragraph.
    start, end = texts.index("1. Cách làm"), texts.index("2. Kết quả")
    assert texts[start + 1 : end] == plain(section_text(exemplar.story, "Cách làm"))
    lessons = texts.index("3. Bài học kinh nghiệm")
    assert texts[lessons + 1 : lessons + 5] == plain(section_text(exemplar.story, "Bài học kinh nghiệm"))
    assert texts[texts.index("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH") + 1] == " ".join(exemplar.summary.split())
    # The yearly figures: a real table right after "2. Kết quả"'s text.
    tables = [value for kind, value in body if kind == "t"]
    assert expected_figures(slug) in tables
    commendations = next(t for t in tables if t[0][1] == "Hình thức khen thưởng")  # type: ignore[index]
    assert [row[0] for row in commendations[1:]] == [str(c.date.year) for c in exemplar.commendations]  # type: ignore[index]
    assert all(c.issuer in row[2] for c, row in zip(exemplar.commendations, commendations[1:], strict=True))  # type: ignore[index]
    signature = tables[-1]
    assert signature[0][0].split("\n") == ["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "(Ký, đóng dấu)"]  # type: ignore[index]
    assert signature[0][1].split("\n") == ["THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu)", "Lò Văn B"]  # type: ignore[index]
    assert not any(exemplar.slug in str(value) for _, value in body)
    assert "0912 000 333" not in str(body)  # the council's private notes stay private
    # The file's own title names the exemplar, not the template ("Mẫu văn bản hành chính").
    assert Document(str(path)).core_properties.title == f"Báo cáo thành tích: {exemplar.name}"


def test_individual_follows_mau_03(tmp_path: Path) -> None:
    slug = "ong-ma-van-a-minh-hoa"
    exemplar = BY_SLUG[slug]
    path = tmp_path / "ca-nhan.docx"
    result = run_main(
        "dossier", slug, "--docx", str(path), "--award", "Bằng khen của Chủ tịch UBND tỉnh", cwd=ROOT
    )
    assert result.returncode == 0, result.stdout
    body = blocks(path)
    texts = [value[0] for kind, value in body if kind == "p"]  # type: ignore[index]
    assert texts[1] == "Đề nghị bằng khen của Chủ tịch UBND tỉnh"
    assert f"Họ và tên: {exemplar.name}" in texts
    assert "I. SƠ LƯỢC LÝ LỊCH" in texts and all(h in texts for h in HEADINGS)
    tables = [value for kind, value in body if kind == "t"]
    assert expected_figures(slug) in tables
    signature = tables[-1]
    assert signature[0][0].split("\n") == ["THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ", "(Ký, đóng dấu)"]  # type: ignore[index]
    assert signature[0][1].split("\n") == [
        "NGƯỜI BÁO CÁO THÀNH TÍCH",
        "(Ký, ghi rõ họ và tên)",
        exemplar.name,
    ]  # type: ignore[index]


def test_achievement_report_as_pdf(tmp_path: Path) -> None:
    slug = "doi-che-ban-quyen"
    path = tmp_path / "bc.pdf"
    result = run_main("dossier", slug, "--pdf", str(path), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    reader = PdfReader(str(path))
    assert (
        reader.metadata is not None and reader.metadata.title == f"Báo cáo thành tích: {BY_SLUG[slug].name}"
    )
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in ("BÁO CÁO THÀNH TÍCH", f"Tên tập thể: {BY_SLUG[slug].name}", *HEADINGS):
        assert expected in text, expected
    assert "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" in text and "Nơi nhận" not in text
    for row in expected_figures(slug)[1:]:
        assert " ".join(row) in text


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_every_sample_profile_makes_its_report(slug: str) -> None:
    exemplar = BY_SLUG[slug]
    document = dossier_document(REGISTRY, exemplar, Dossier(dt.date(2026, 1, 5)))
    word = Document(__import__("io").BytesIO(render_docx(document, TEMPLATE)))
    texts = [p.text for p in word.paragraphs]
    assert texts[0] == "BÁO CÁO THÀNH TÍCH" and texts[1].startswith("Đề nghị")
    assert any(t.endswith(exemplar.name) and t.split(":")[0] in ("Tên tập thể", "Họ và tên") for t in texts)
    assert [t for t in texts if t in HEADINGS[:3] + HEADINGS[4:]] == [
        h for h in HEADINGS if h != "3. Bài học kinh nghiệm"
    ]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in word.tables]
    if exemplar.evaluations:
        assert expected_figures(slug) in tables


def test_story_shapes_become_paragraphs_and_tables() -> None:
    story = (
        "Lời giới thiệu với **chữ đậm** và ![ảnh](a.jpg) ảnh.\n\n"
        "## Kết quả\n\n1. Một\n2. Hai\n\n| Năm | Số hộ |\n|---|---|\n| 2023 | 12 |\n\n"
        "### Chi tiết\n\nĐoạn <b>có</b> thẻ.\n\n## Cách làm\n\n- Ý một\n  tiếp dòng\n- Ý hai\n"
    )
    sections = story_sections(story)
    assert [s.heading for s in sections] == ["", "Kết quả", "Cách làm"]
    assert [p.text for p in sections[0].parts] == ["Lời giới thiệu với chữ đậm và ảnh."]  # type: ignore[union-attr]
    results = sections[1].parts
    assert [getattr(p, "text", None) for p in results[:2]] == ["1. Một", "2. Hai"]
    table = results[2]
    assert table.headers == ("Năm", "Số hộ") and table.rows == (("2023", "12"),)  # type: ignore[union-attr]
    assert [p.text for p in results[3:]] == ["Chi tiết", "Đoạn có thẻ."]  # type: ignore[union-attr]
    assert [p.text for p in sections[2].parts] == ["- Ý một tiếp dòng", "- Ý hai"]  # type: ignore[union-attr]


def test_a_profile_without_sections_evaluations_or_commendations(project: Path, tmp_path: Path) -> None:
    folder = project / "exemplars" / "to-moi"
    folder.mkdir()
    (folder / "index.md").write_text(
        "---\nname: Tổ mới thành lập\nkind: collective\nfield: nong-thon-moi\nhamlet: pa-cho\n"
        "registered: 2026-03-02\nsummary: Tổ vừa đăng ký.\nstatus: draft\n---\n\nChỉ có lời giới thiệu.\n",
        encoding="utf-8",
    )
    path = tmp_path / "moi.docx"
    result = run_main("dossier", "to-moi", "--docx", str(path), cwd=project)
    assert result.returncode == 0, result.stdout
    assert "còn là bản nháp" in result.stdout
    texts = [value[0] for kind, value in blocks(path) if kind == "p"]  # type: ignore[index]
    assert texts[texts.index("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH") + 1] == "Chỉ có lời giới thiệu."
    assert texts[texts.index("1. Cách làm") + 1].startswith("(Hồ sơ chưa ghi phần này")
    assert "3. Bài học kinh nghiệm" not in texts
    tables = [value for kind, value in blocks(path) if kind == "t"]
    assert [["Năm", "Kết quả đánh giá"], ["Chưa có đánh giá hằng năm."] * 2] in tables


def test_mistakes_are_messages(project: Path, tmp_path: Path) -> None:
    unknown = run_main("dossier", "doi-che-ban-quyenn", "--docx", str(tmp_path / "a.docx"), cwd=project)
    assert unknown.returncode == 1
    assert "Không có hồ sơ “doi-che-ban-quyenn”" in unknown.stderr
    assert "Có phải ý bạn là “doi-che-ban-quyen”?" in unknown.stderr
    index = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("kind: collective", "kind: nhom"), encoding="utf-8"
    )
    broken = run_main("dossier", "doi-che-ban-quyen", "--docx", str(tmp_path / "b.docx"), cwd=project)
    assert broken.returncode == 1 and "dienhinh check" in broken.stderr
    bad_date = run_main("dossier", "ong-ma-van-a-minh-hoa", "--date", "2025-02-30", cwd=project)
    assert bad_date.returncode == 1 and "--date" in bad_date.stderr
    for result in (unknown, broken, bad_date):
        assert "Traceback" not in result.stdout + result.stderr
    assert not list(tmp_path.glob("*.docx"))


def test_headings_written_loosely_are_the_forms_sections() -> None:
    exemplar = BY_SLUG["doi-che-ban-quyen"].model_copy(
        update={
            "story": "Giới thiệu.\n\n## kết quả:\n\nTăng.\n\n## Khó khăn\n\nThiếu vốn.\n\n"
            "## cách làm\n\nLàm.\n"
        }
    )
    document = dossier_document(REGISTRY, exemplar, Dossier(dt.date(2026, 1, 5)))
    texts = [getattr(p, "text", None) for p in document.parts]
    start = texts.index("II. THÀNH TÍCH ĐẠT ĐƯỢC")
    assert texts[start + 1 : start + 4] == ["1. Cách làm", "Làm.", "2. Kết quả"]
    assert texts[start + 4] == "Tăng."
    assert texts[start + 6 : start + 8] == ["3. Khó khăn", "Thiếu vốn."]
