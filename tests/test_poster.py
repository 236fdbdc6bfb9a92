"""Notice-board posters: real PDFs made by ``dienhinh poster``, read with pypdf and poppler,
QR codes decoded with zbar; one page whatever the texts, only with consent to print."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from dienhinh.printing import poster as pt
from dienhinh.records.catalog import load_catalog
from dienhinh.records.load import MAX_FILE_KB
from dienhinh.records.model import Use
from dienhinh.records.settings import Settings
from dienhinh.site.media import media_for

from .sample import ROOT, run_main

SETTINGS = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
CATALOG = load_catalog(SETTINGS)
REGISTRY = CATALOG.registry
assert REGISTRY is not None
SLUG = "doi-che-ban-quyen"  # a collective with a cover photo and three figures in 2024
A4 = (595.28, 841.89)
A3 = (841.89, 1190.55)
MAX_FILE = MAX_FILE_KB * 1024  # the largest profile the checks accept


def make(project: Path, out: Path, *args: str) -> Path:
    result = run_main("poster", *args, "-o", str(out), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Đã in áp phích" in result.stdout and "1 trang" in result.stdout
    return out


def text_of(pdf: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(unicodedata.normalize("NFC", raw).split())


def assert_one_page(pdf: Path, size: tuple[float, float]) -> None:
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - size[0]) <= 1 and abs(float(box.height) - size[1]) <= 1


def qr_codes(pdf: Path, tmp_path: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(tmp_path / "p")], check=True)
    (image,) = tmp_path.glob("p-*.png")
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
    )
    return result.stdout.split()


def images(pdf: Path) -> list[tuple[str, str, str]]:
    """(width, height, encoding) of every raster image in the PDF."""
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    return [(r[3], r[4], r[8]) for r in (line.split() for line in listing.stdout.splitlines()[2:])]


@pytest.fixture(scope="module")
def a4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make(ROOT, tmp_path_factory.mktemp("poster") / "a4.pdf", SLUG)


@pytest.fixture(scope="module")
def a3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make(ROOT, tmp_path_factory.mktemp("poster") / "a3.pdf", SLUG, "--size", "a3")


def test_a4_and_a3_are_one_page_of_their_size(a4: Path, a3: Path) -> None:
    assert_one_page(a4, A4)
    assert_one_page(a3, A3)


@pytest.mark.parametrize("size", ["a4", "a3"])
def test_the_qr_code_opens_the_profile_page(size: str, a4: Path, a3: Path, tmp_path: Path) -> None:
    pdf = a4 if size == "a4" else a3
    assert qr_codes(pdf, tmp_path) == [f"https://dienhinh.example.vn/dien-hinh/{SLUG}/"]


def test_name_field_hamlet_results_and_summary_are_printed(a4: Path) -> None:
    text = text_of(a4)
    e = next(e for e in CATALOG.exemplars if e.slug == SLUG)
    assert e.name in text and "Phát triển kinh tế hộ gia đình" in text and "Xóm Bản Quyền" in text
    # The latest evaluation (2024) in the registry's order of figures: income, households, area.
    assert "Kết quả năm 2024".upper() in text
    assert re.search(r"176 triệu đồng/năm Thu nhập.*18 hộ Số hộ tham gia.*6,2 ha Diện tích", text), text
    assert " ".join(e.summary.split()) in text
    assert "Gương điển hình tiên tiến".upper() in text and "Xã Điềm Mặc" in text


def test_the_cover_is_the_processed_copy(a4: Path) -> None:
    """The photo stage's stripped JPEG (at most 1600 px wide), never the original file."""
    (photo,) = images(a4)
    assert photo[2] == "jpeg" and int(photo[0]) <= 1600


def test_the_longest_sample_story_is_one_page(tmp_path: Path) -> None:
    printable = [e for e in CATALOG.exemplars if e.may(Use.print)]
    longest = max(printable, key=lambda e: len(e.story))
    assert_one_page(make(ROOT, tmp_path / "p.pdf", longest.slug), A4)


def _huge(project: Path) -> str:
    """The sample profile swollen to the largest file a profile may be (512 KB): a story
    opening with a long quotation, the longest name and summary the checks allow, long
    figure labels; → the quotation's first words."""
    profile = project / "exemplars" / SLUG / "index.md"
    head, _, _ = profile.read_text(encoding="utf-8").partition("\n---\n")
    head = re.sub(r"\nname: .*", "\nname: " + "Tổ hợp tác chè sạch xóm Bản Quyền " * 50, head, count=1)
    head = re.sub(r"\nsummary: >-\n(  .*\n)+", "\nsummary: " + "Mười hai hộ trồng chè " * 18 + "\n", head)
    quote = "> " + "Chúng tôi làm chè sạch vì con cháu mình cũng uống chè này, " * 40 + "\n\n"
    paragraph = "Tổ họp mỗi tháng một lần để bàn cách làm, chia việc và giúp nhau lúc mùa vụ. " * 20 + "\n\n"
    text = head + "\n---\n" + quote
    room = MAX_FILE - len(text.encode())
    text += paragraph * (room // len(paragraph.encode()))
    text += "x" * (MAX_FILE - len(text.encode()))
    profile.write_text(text, encoding="utf-8")
    assert profile.stat().st_size == MAX_FILE
    registry = project / "exemplars" / "registry.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            "label: Thu nhập", "label: " + "Thu nhập bình quân " * 30
        ),
        encoding="utf-8",
    )
    return "Chúng tôi làm chè sạch"


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_a_512_kb_story_and_the_longest_texts_still_make_one_page(
    project: Path, tmp_path: Path, size: str
) -> None:
    quoted = _huge(project)
    pdf = make(project, tmp_path / "huge.pdf", SLUG, "--size", size)
    assert_one_page(pdf, A4 if size == "A4" else A3)
    text = text_of(pdf)
    assert f"“{quoted}" in text  # the story's quotation is preferred to the summary
    assert text.count("…") >= 3  # the name, the quotation and the label cut, not run over
    assert qr_codes(pdf, tmp_path) == [f"https://dienhinh.example.vn/dien-hinh/{SLUG}/"]


def _set_consent(project: Path, slug: str, uses: str) -> None:
    profile = project / "exemplars" / slug / "index.md"
    text = profile.read_text(encoding="utf-8")
    changed = re.sub(r"\n  uses: \[[^\]]*\]", f"\n  uses: [{uses}]", text, count=1)
    assert changed != text
    profile.write_text(changed, encoding="utf-8")


def test_an_individual_without_consent_to_print_gets_no_poster(project: Path) -> None:
    slug = "anh-trieu-van-d-minh-hoa"
    _set_consent(project, slug, "website, broadcast")
    out = project / "p.pdf"
    result = run_main("poster", slug, "-o", str(out), cwd=project)
    assert result.returncode == 1
    assert f"Không in áp phích cho hồ sơ {slug}" in result.stderr
    assert "chưa đồng ý cho in ấn" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    # The same person with consent to print gets one.
    _set_consent(project, slug, "website, print")
    assert_one_page(make(project, out, slug), A4)


def test_drafts_unknown_profiles_and_sizes_are_refused(project: Path) -> None:
    draft = run_main("poster", "mo-hinh-homestay-atk-gan-voi-doi-che-xom-ban-moi", cwd=project)
    assert draft.returncode == 1 and "chưa được công bố" in draft.stderr
    unknown = run_main("poster", "doi-che-ban-quyn", cwd=project)
    assert unknown.returncode == 1 and "Có phải ý bạn là" in unknown.stderr and SLUG in unknown.stderr
    size = run_main("poster", SLUG, "--size", "A5", cwd=project)
    assert size.returncode == 1 and "chọn A4 hoặc A3" in size.stderr
    assert not list(project.glob("*.pdf"))


def _people_consent(project: Path, files: list[str]) -> None:
    """The people in these photos of the sample profile consented to the website only."""
    profile = project / "exemplars" / SLUG / "index.md"
    text = profile.read_text(encoding="utf-8")
    for file in files:
        line = f"  - file: {file}\n"
        assert line in text
        text = text.replace(line, line + "    people: {uses: [website], date: 2024-01-02}\n")
    profile.write_text(text, encoding="utf-8")


def test_the_cover_print_may_show_is_the_next_consented_photo(project: Path, tmp_path: Path) -> None:
    _people_consent(project, ["anh-doi-che.jpg"])  # the marked cover
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    catalog = load_catalog(settings)
    (e,) = [e for e in catalog.exemplars if e.slug == SLUG]
    media, _ = media_for([e], catalog.photos, tmp_path / "cache")
    photo = pt.poster_photo(e, media)
    assert photo is not None and photo.caption is not None and photo.caption.startswith("Luống chè")
    assert photo.path.is_relative_to(tmp_path / "cache")  # the processed copy, not the original
    assert len(images(make(project, tmp_path / "p.pdf", SLUG))) == 1


def test_no_photo_when_no_one_consented_to_print(project: Path, tmp_path: Path) -> None:
    _people_consent(project, ["anh-doi-che.jpg", "anh-luong-che.jpg", "anh-san-pham.jpg"])
    pdf = make(project, tmp_path / "p.pdf", SLUG)
    assert images(pdf) == []
    assert_one_page(pdf, A4)


def test_every_printable_sample_profile_is_one_page(tmp_path: Path) -> None:
    media, _ = media_for(CATALOG.exemplars, CATALOG.photos, SETTINGS.photo_cache)
    printable = [e for e in CATALOG.exemplars if e.may(Use.print)]
    assert len(printable) > 15
    for e in printable:
        for size in pt.PAGE_SIZES:
            rendered, problems = pt.make_poster(e, CATALOG, SETTINGS, tmp_path / f"{e.slug}.pdf", size, media)
            assert problems == [] and rendered is not None and rendered.pages == 1, (e.slug, size)
            assert len(PdfReader(tmp_path / f"{e.slug}.pdf").pages) == 1
