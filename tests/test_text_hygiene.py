"""Text as a hostile or careless editor types it: personal data however it is spelt, hidden
and control characters, NFD spellings, legacy 8-bit fonts, characters no booklet font has."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from dienhinh.printing.booklet import unprintable
from dienhinh.records.legacy_fonts import TCVN3, VNI_LETTERS, VNI_MARKS, from_vni, legacy_encoding
from dienhinh.records.privacy import find_personal_data, normalize_for_matching
from dienhinh.records.problems import Problem
from dienhinh.text import hidden_characters, name_key, visible

from .sample import copy_project, run_main

SPELLINGS = [
    ("Gọi (0912) 345 678 nhé.", "phone"),
    ("Gọi 0912–345–678.", "phone"),
    ("Gọi 0912—345—678.", "phone"),
    ("Số 84912345678.", "phone"),
    ("ĐT0912345678", "phone"),
    ("SĐT:0912345678", "phone"),
    ("Tel.+84912345678", "phone"),
    ("+84 (0) 912 345 678", "phone"),
    ("+84 912 345 678", "phone"),
    ("０９１２ ３４５ ６７８", "phone"),
    ("0\u200b9\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8", "phone"),
    ("0912\u00a0345\u00a0678", "phone"),
    ("CCCD 0012 3456 7890", "id_number"),
    ("CCCD 001 203 004 567", "id_number"),
    ("CCCD 001203004567", "id_number"),
    ("Thư: người.dùng@ví-dụ.vn", "email"),
    ("Thư: a\u200b.b@example.com", "email"),
    ("Thư: ａ＠example.com", "email"),
]
NOT_PERSONAL = [
    "Thu nhập 120.000.000 đồng mỗi năm.",
    "1.234.567.890 đồng",
    "Năm 2022, 2023 và 2024; giai đoạn 2022–2025.",
    "Diện tích 12 345 m², 30°C.",
    "Quyết định 1234/QĐ-UBND ngày 12/05/2023.",
    "Từ 07:30 – 09:15.",
]


@pytest.mark.parametrize(("text", "kind"), SPELLINGS)
def test_every_spelling_of_personal_data_is_found(text: str, kind: str) -> None:
    assert [f.kind for f in find_personal_data(text)] == [kind]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_numbers_that_are_not_personal_data(text: str) -> None:
    assert list(find_personal_data(text)) == []


def test_public_contacts_match_however_they_are_spelt() -> None:
    assert list(find_personal_data("Gọi +84 (0) 912 345 678", ("0912.345.678",))) == []
    assert list(find_personal_data("Gọi 84912345678", ("0912 345 678",))) == []


def test_normalisation_keeps_lines() -> None:
    text = "a\n(0912)\u200b 345 678\nb"
    assert normalize_for_matching(text).count("\n") == 2
    assert next(iter(find_personal_data(text))).line_offset == 1


def test_hidden_characters_and_terminal_view() -> None:
    assert [c for _, c in hidden_characters("a\u200bb\u202ec\x1b[31md\ne\tf")] == ["\u200b", "\u202e", "\x1b"]
    family = "👨\u200d👩\u200d👧"
    assert list(hidden_characters(family)) == []  # an emoji sequence's joiners are not hidden text
    assert list(hidden_characters("a\u200db")) != []
    assert visible("A\x1b[2J\u202eB") == "A<U+001B>[2J<U+202E>B"
    assert visible("x\udcffy") == "x<0xFF>y"
    line = Problem(Path("a\udcff/index.md"), 1, "name", "Tên “\x1b[31m”").format()
    assert "\x1b" not in line and "<0xFF>" in line
    line.encode("utf-8")  # printable on any UTF-8 terminal


def test_names_compare_in_one_spelling() -> None:
    assert name_key(unicodedata.normalize("NFD", "Đồi  Chè")) == name_key("đồi chè")


def to_tcvn3(text: str) -> str:
    back = {v: k for k, v in TCVN3.items()}
    return "".join(back.get(c, back.get(c.lower(), c)) for c in text)


# Unicode letter → its VNI spelling: every letter and letter + mark the table reads.
_VNI_SPELLINGS = [*VNI_LETTERS, *(b + m for b in "aeiouyAEIOUYôöÔÖ" for m in VNI_MARKS)]
_TO_VNI = {
    from_vni(spelling): spelling
    for spelling in sorted(_VNI_SPELLINGS, key=len, reverse=True)
    if spelling.isupper() == from_vni(spelling).isupper()  # VNI writes capitals' marks as capitals
}


def to_vni(text: str) -> str:
    return "".join(_TO_VNI.get(c, c) for c in text)


MEANT = ["Phát triển kinh tế hộ gia đình", "Nguyễn Văn A", "Đồi chè Bản Quyền", "Mường Khương"]


@pytest.mark.parametrize("meant", MEANT)
def test_legacy_fonts_are_recognised_and_read(meant: str) -> None:
    assert legacy_encoding(to_tcvn3(meant)) == ("TCVN3", meant)
    assert legacy_encoding(to_vni(meant)) == ("VNI", meant)
    assert legacy_encoding(meant) is None


def test_no_legacy_font_in_the_sample_texts() -> None:
    from .sample import ROOT

    files = [*ROOT.glob("exemplars/**/*.md"), *ROOT.glob("visits/*.yml"), ROOT / "exemplars" / "registry.yml"]
    flagged = [line for f in files for line in f.read_text("utf-8").splitlines() if legacy_encoding(line)]
    assert flagged == []
    assert legacy_encoding("Hans Müller, Café, 30°C, m², «VietGAP» · 3×4") is None


def test_booklet_fonts_draw_vietnamese_and_emoji() -> None:
    assert unprintable("Điềm Mặc ỹ Ỹ “” – … 😀🌾✅☎ 👨\u200d👩\u200d👧") == ""
    assert unprintable("𠀀 한") == "𠀀한"


# --- through the commands ---------------------------------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


VISIT = "visits/tham-quan-kinh-te-che-2024.yml"
PROFILE = "exemplars/doi-che-ban-quyen/index.md"


def test_check_finds_personal_data_in_visits_hidden_characters_and_legacy_fonts(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    _edit(
        project / VISIT, "    notes: Xem sổ nhật ký", "    notes: Gọi anh Ba (0912) 345 678. Xem sổ nhật ký"
    )
    _edit(project / PROFILE, "name: ", "name: Tổ \u202etác ")
    path = project / "exemplars" / "mo-hinh-xom-so-na-a" / "index.md"
    summary = next(line for line in path.read_text("utf-8").splitlines() if line.startswith("summary:"))
    _edit(path, summary, "summary: " + to_tcvn3("Xóm số đầu tiên của xã, bà con dùng điện thoại"))
    result = run_main("check", cwd=project)
    out = result.stdout
    assert result.returncode == 1, out
    lines = out.splitlines()
    visit_line = next(n for n, t in enumerate((project / VISIT).read_text().splitlines(), 1) if "0912" in t)
    assert any(
        line.startswith(f"{VISIT}:{visit_line}: LỖI [stops[0].notes]") and "“0912 345 678”" in line
        for line in lines
    ), out
    assert any(
        line.startswith(f"{PROFILE}:") and "LỖI [name]" in line and "U+202E RIGHT-TO-LEFT OVERRIDE" in line
        for line in lines
    ), out
    assert "\u202e" not in out
    assert any(
        "CẢNH BÁO [summary]" in line and "TCVN3" in line and "Xóm số đầu tiên" in line for line in lines
    )


def test_nfd_names_photos_and_duplicates(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    source = project / "exemplars" / "doi-che-ban-quyen"
    front = yaml.safe_load(source.joinpath("index.md").read_text("utf-8").split("---")[1])
    photo = front["photos"][0]["file"]
    # The file on disk spelt in NFD, as macOS writes it; the front matter spells it in NFC.
    (source / photo).rename(source / unicodedata.normalize("NFD", "ảnh-đồi.jpg"))
    index = source / "index.md"
    index.write_text(index.read_text("utf-8").replace(photo, "ảnh-đồi.jpg"), encoding="utf-8")
    # A second profile whose name is the first one's, typed in NFD.
    twin = {k: v for k, v in front.items() if k != "photos"}
    twin["name"] = unicodedata.normalize("NFD", front["name"])
    (project / "exemplars" / "ho-so-trung").mkdir()
    (project / "exemplars" / "ho-so-trung" / "index.md").write_text(
        f"---\n{yaml.safe_dump(twin, allow_unicode=True)}---\n## Cách làm\n", encoding="utf-8"
    )
    result = run_main("check", cwd=project)
    out = result.stdout
    assert "ảnh-đồi.jpg" not in out, out  # found on disk, whatever its spelling
    assert any(
        line.startswith("exemplars/ho-so-trung/index.md:") and "LỖI [name]" in line and "trùng" in line
        for line in out.splitlines()
    ), out


def test_emoji_in_a_visited_profile_is_printed(tmp_path: Path) -> None:
    """The booklet draws emoji in black and white (fonts-symbola) instead of failing."""
    import subprocess

    from dienhinh.printing import booklet as bk
    from dienhinh.records.catalog import load_catalog
    from dienhinh.records.settings import Settings

    from .sample import ROOT

    settings = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
    catalog = load_catalog(settings)
    assert catalog.registry is not None
    visit = catalog.visits[0]
    first = next(e for e in catalog.public if e.slug == visit.stops[0].exemplar)
    shown = first.model_copy(
        update={"name": "Đồi chè 🌱☕ " + first.name, "story": "## Cách làm\n\nChè ✅ 👍\n"}
    )
    booklet = bk.Booklet("Tham quan 🚌", "Sổ tay", (shown,), "thu")
    rendered, problems = bk.render_booklet(
        booklet, catalog.registry, settings.theme, settings.site_url
    )
    assert problems == [] and rendered is not None
    pdf = tmp_path / "so-tay.pdf"
    pdf.write_bytes(rendered.pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Symbola" in fonts or "Symbols" in fonts, fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "🌱" in text and "✅" in text
