"""Booklets: real PDFs made by ``dienhinh booklet``, opened with pypdf and poppler, QR codes
decoded with zbar."""

from __future__ import annotations

import dataclasses
import math
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from dienhinh.fonts import Typeface
from dienhinh.printing import booklet as bk
from dienhinh.printing.pdf_cache import PdfCache
from dienhinh.records.catalog import load_catalog
from dienhinh.records.model import Exemplar
from dienhinh.records.settings import Settings
from dienhinh.site.media import media_for

from .sample import ROOT, run_main

SETTINGS = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
CATALOG = load_catalog(SETTINGS)
REGISTRY = CATALOG.registry
assert REGISTRY is not None
VISIT = next(v for v in CATALOG.visits if v.slug == "tham-quan-kinh-te-che-2024")
BY_SLUG = {e.slug: e for e in CATALOG.public}
VISITED = [BY_SLUG[s.exemplar] for s in VISIT.stops]
A5 = (419.53, 595.28)
A4 = (595.28, 841.89)
TOC_END = "Mỗi phần có mã QR"  # the sentence closing the contents


def make_booklet(tmp_path_factory: pytest.TempPathFactory, *args: str) -> Path:
    out = tmp_path_factory.mktemp("booklet") / "so-tay.pdf"
    result = run_main("booklet", *args, "-o", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Đã in sổ tay" in result.stdout
    return out


@pytest.fixture(scope="module")
def visit_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_booklet(tmp_path_factory, VISIT.slug)


@pytest.fixture(scope="module")
def all_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_booklet(tmp_path_factory, "--all")


@pytest.fixture(scope="module")
def visit_a4_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_booklet(tmp_path_factory, VISIT.slug, "--size", "A4")


@pytest.fixture(scope="module")
def all_a4_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_booklet(tmp_path_factory, "--all", "--size", "A4")


def page_texts(pdf: Path) -> list[str]:
    """Each page's text (poppler), NFC-normalized with whitespace collapsed."""
    pages = len(PdfReader(pdf).pages)
    texts = []
    for number in range(1, pages + 1):
        raw = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        texts.append(" ".join(unicodedata.normalize("NFC", raw).split()))
    return texts


def outline(pdf: Path) -> list[tuple[str, int]]:
    """Top-level bookmarks: (title, 1-based page)."""
    reader = PdfReader(pdf)
    return [
        (item.title, reader.get_destination_page_number(item) + 1)
        for item in reader.outline
        if not isinstance(item, list)
    ]


def toc_numbers(texts: list[str], exemplars: list[Exemplar]) -> tuple[int, dict[str, int]]:
    """The contents' last page (1-based) and the page number it prints after each name."""
    toc_page = next(i for i, text in enumerate(texts) if "Mục lục" in text)
    toc_end = next(i for i, text in enumerate(texts) if TOC_END in text)  # the contents may run on
    toc_text = " ".join(texts[toc_page : toc_end + 1]).split("Mục lục", 1)[1]
    numbers = {}
    for e in exemplars:
        pattern = r"\s*".join(re.escape(word) for word in e.name.split()) + r"[\s.]*(\d+)"
        match = re.search(pattern, toc_text)
        assert match, f"{e.name} is not in the contents"
        numbers[e.slug] = int(match.group(1))
    return toc_end + 1, numbers


def assert_page_size(pdf: Path, size: tuple[float, float]) -> None:
    reader = PdfReader(pdf)
    assert reader.pages
    for page in reader.pages:
        box = page.mediabox
        assert abs(float(box.width) - size[0]) <= 1 and abs(float(box.height) - size[1]) <= 1


def test_visit_booklet_is_a5(visit_pdf: Path) -> None:
    assert_page_size(visit_pdf, A5)


def test_visit_booklet_text_has_every_name_with_diacritics(visit_pdf: Path) -> None:
    text = " ".join(page_texts(visit_pdf))
    for e in VISITED:
        assert " ".join(unicodedata.normalize("NFC", e.name).split()) in text
    assert VISIT.title in text and "Điềm Mặc" in text and "15 tháng 10 năm 2024" in text
    assert "Cách làm" in text and "Bài học kinh nghiệm" in text and "Ghi chép của tôi" in text


def test_toc_page_numbers_match_where_sections_start(visit_pdf: Path) -> None:
    texts = page_texts(visit_pdf)
    toc_page, printed = toc_numbers(texts, VISITED)
    starts = {}
    for e in VISITED:
        name = " ".join(e.name.split())
        starts[e.slug] = next(i + 1 for i, text in enumerate(texts) if i + 1 > toc_page and name in text)
    assert printed == starts
    assert sorted(starts.values()) == list(starts.values())  # sections in route order
    # The section's running header names the exemplar on every page up to the next section.
    ends = [*list(starts.values())[1:], len(texts) + 1]
    for e, start, end in zip(VISITED, starts.values(), ends, strict=True):
        for page in range(start, end):
            assert texts[page - 1].startswith(" ".join(e.name.split())), page
            assert texts[page - 1].endswith(str(page))  # page number in the footer


def test_outline_has_one_entry_per_exemplar_at_its_page(visit_pdf: Path) -> None:
    texts = page_texts(visit_pdf)
    _, printed = toc_numbers(texts, VISITED)
    assert outline(visit_pdf) == [(e.name, printed[e.slug]) for e in VISITED]


def test_metadata_title_and_language(visit_pdf: Path) -> None:
    reader = PdfReader(visit_pdf)
    assert reader.trailer["/Root"]["/Lang"] == "vi"
    assert reader.metadata is not None and VISIT.title in (reader.metadata.title or "")


def embedded_fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, emb column) for each font pdffonts lists."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = lines.splitlines()[2:]
    found = []
    for row in rows:
        columns = row.split()
        # name type… encoding emb sub uni object ID: emb is the 5th column from the end.
        found.append((columns[0], columns[-5]))
    return found


def test_only_embedded_fonts(visit_pdf: Path, all_pdf: Path) -> None:
    for pdf in (visit_pdf, all_pdf):
        fonts = embedded_fonts(pdf)
        assert len(fonts) >= 2
        assert [emb for _, emb in fonts] == ["yes"] * len(fonts), fonts
        assert all("DH-" in name for name, _ in fonts), fonts  # only the booklet's own faces


def decode_qr_codes(pdf: Path, tmp_path: Path, first: int = 1) -> list[str]:
    subprocess.run(
        ["pdftoppm", "-r", "200", "-gray", "-png", "-f", str(first), str(pdf), str(tmp_path / "p")],
        check=True,
    )
    decoded = []
    for image in sorted(tmp_path.glob("p-*.png")):
        result = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
            capture_output=True,
            text=True,
        )
        decoded += result.stdout.split()
    return decoded


def test_each_qr_code_decodes_to_the_profile_url(visit_pdf: Path, tmp_path: Path) -> None:
    """Must-show 2: the vector QR codes, rendered at 200 dpi, decode to each profile's URL."""
    decoded = decode_qr_codes(visit_pdf, tmp_path)
    assert decoded == [f"https://dienhinh.example.vn/dien-hinh/{e.slug}/" for e in VISITED]
    assert decoded == [bk.profile_url(SETTINGS.site_url, e.slug) for e in VISITED]
    # Vector codes: the only raster images are the profiles' photos (processed JPEGs), no QR code.
    listing = subprocess.run(
        ["pdfimages", "-list", str(visit_pdf)], capture_output=True, text=True, check=True
    )
    rows = [line.split() for line in listing.stdout.splitlines()[2:]]
    assert all(r[8] == "jpeg" and int(r[3]) >= 480 for r in rows), rows


def test_a4_is_selectable(visit_a4_pdf: Path) -> None:
    assert_page_size(visit_a4_pdf, A4)
    assert [title for title, _ in outline(visit_a4_pdf)] == [e.name for e in VISITED]


def test_booklet_of_every_published_exemplar(all_pdf: Path) -> None:
    """Must-show 3: all sample exemplars in one booklet, each with its section and bookmark."""
    assert_page_size(all_pdf, A5)
    public = list(CATALOG.public)
    entries = outline(all_pdf)
    assert sorted(title for title, _ in entries) == sorted(e.name for e in public)
    texts = page_texts(all_pdf)
    ordered = [next(e for e in public if e.name == title) for title, _ in entries]
    _, printed = toc_numbers(texts, ordered)
    assert [printed[e.slug] for e in ordered] == [page for _, page in entries]
    hidden = [e for e in CATALOG.exemplars if not e.is_public]
    assert hidden and not any(e.name in " ".join(texts) for e in hidden)


def test_field_booklet(tmp_path_factory: pytest.TempPathFactory) -> None:
    pdf = make_booklet(tmp_path_factory, "--field", "chuyen-doi-so")
    expected = {e.name for e in CATALOG.public if e.field == "chuyen-doi-so"}
    assert expected and {title for title, _ in outline(pdf)} == expected


def test_command_and_site_build_share_one_booklet_core(tmp_path: Path) -> None:
    """``choose_booklet`` + ``make_booklet`` are the command's body; the site build's step
    runs the same core per visit: same pages, written atomically where it is told."""
    visits = [v.slug for v in CATALOG.visits]
    assert bk.choose_booklet(CATALOG, "khong-co") == bk.msg.unknown_visit("khong-co", visits)
    fields = list(REGISTRY.table("fields"))
    assert bk.choose_booklet(CATALOG, field="chuyen-doi") == bk.records_msg.unknown_code(
        "fields", "chuyen-doi", fields
    )
    chosen = bk.choose_booklet(CATALOG, VISIT.slug)
    assert isinstance(chosen, bk.Booklet) and chosen.visit == VISIT
    assert isinstance(bk.choose_booklet(CATALOG), bk.Booklet)  # nothing named: every exemplar
    target = tmp_path / "mot" / "so-tay.pdf"
    rendered, problems = bk.make_booklet(chosen, CATALOG, SETTINGS, target)
    assert problems == [] and rendered is not None and target.read_bytes() == rendered.pdf
    assert len(PdfReader(target).pages) == rendered.pages
    assert bk.build_visit_booklets(CATALOG, SETTINGS, tmp_path / "site") == []
    built = tmp_path / "site" / "tham-quan" / VISIT.slug / "so-tay.pdf"
    assert len(PdfReader(built).pages) == rendered.pages
    # A target that cannot be written: no booklet, the reason as a problem naming the file.
    blocked = tmp_path / "tep"
    blocked.write_text("x", encoding="utf-8")
    rendered, problems = bk.make_booklet(chosen, CATALOG, SETTINGS, blocked / "so-tay.pdf")
    assert rendered is None and [p.file for p in problems] == [blocked / "so-tay.pdf"]


def test_unknown_field_and_missing_choice() -> None:
    unknown = run_main("booklet", "--field", "chuyen-doi", cwd=ROOT)
    assert unknown.returncode == 1 and "Có phải ý bạn là “chuyen-doi-so”" in unknown.stderr
    nothing = run_main("booklet", cwd=ROOT)
    assert nothing.returncode == 1 and "--all" in nothing.stderr
    assert "Traceback" not in unknown.stderr + nothing.stderr


def test_booklet_without_site_url_names_the_config_file(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", text), encoding="utf-8")
    result = run_main("booklet", "--all", cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("mkdocs.yml: LỖI [site_url]: Cần khai báo “site_url”"), result.stderr
    assert not list(project.glob("*.pdf"))


def test_weasyprint_warnings_are_errors(project: Path, tmp_path: Path) -> None:
    """A missing image stops the booklet: a Vietnamese error naming the profile, no PDF."""
    profile = project / "exemplars" / VISITED[0].slug / "index.md"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace("## Kết quả", "![Ảnh đồi chè](anh-khong-co.jpg)\n\n## Kết quả"), encoding="utf-8"
    )
    out = project / "out.pdf"
    result = run_main("booklet", VISIT.slug, "-o", str(out), cwd=project)
    assert result.returncode == 1
    # The photo checks catch an undeclared story image first, with its line and field.
    assert "anh-khong-co.jpg" in result.stderr and "Không in được sổ tay." in result.stderr
    assert f"exemplars/{VISITED[0].slug}/index.md:" in result.stderr and "[story]" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    # Behind them, whatever WeasyPrint cannot load is an error too, never a silent gap.
    rendered, problems = bk.render_booklet(
        bk.visit_booklet(VISIT, CATALOG.public),
        REGISTRY,
        SETTINGS.theme,
        SETTINGS.site_url,
        photos={VISITED[0].slug: [bk.BookletPhoto(tmp_path / "khong-co.jpg")]},
        exemplars_dir=SETTINGS.exemplars_dir,
    )
    assert rendered is None and problems
    assert all("WeasyPrint báo lỗi khi in sổ tay" in p.message for p in problems)


@pytest.mark.parametrize("image", ["file:///etc/hostname", "https://example.com/anh.jpg"])
def test_images_from_elsewhere_are_refused(project: Path, image: str) -> None:
    profile = project / "exemplars" / VISITED[0].slug / "index.md"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("## Kết quả", f"![Ảnh]({image})\n\n## Kết quả"), encoding="utf-8")
    out = project / "out.pdf"
    result = run_main("booklet", VISIT.slug, "-o", str(out), cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"exemplars/{VISITED[0].slug}/index.md:" in result.stderr and "[story]" in result.stderr
    assert not out.exists()


def test_fetcher_reads_only_local_files_under_its_roots(tmp_path: Path) -> None:
    """Defence in depth behind validation and sanitizing: no network, no file elsewhere."""
    inside = tmp_path / "a.txt"
    inside.write_text("x", encoding="utf-8")
    fetcher = bk._local_fetcher([tmp_path])
    assert fetcher.fetch(inside.as_uri()) is not None
    assert fetcher.fetch("data:text/plain,x") is not None
    for url in ("file:///etc/hostname", "https://example.com/a.png", "ftp://example.com/a.png"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_story_images_come_from_the_profile_folder(project: Path) -> None:
    from PIL import Image

    folder = project / "exemplars" / VISITED[1].slug
    Image.new("RGB", (64, 48), (40, 40, 40)).save(folder / "xuong-che.png")
    profile = folder / "index.md"
    text = profile.read_text(encoding="utf-8")
    text = text.replace("## Kết quả", "![Xưởng chè](xuong-che.png)\n\n## Kết quả")
    declared = "photos:\n  - file: xuong-che.png\n    caption: Xưởng chè.\n"
    text = (
        text.replace("photos:\n", declared, 1)
        if "\nphotos:\n" in text
        else text.replace("---\n", "---\n" + declared, 1)
    )
    profile.write_text(text, encoding="utf-8")
    out = project / "out.pdf"
    result = run_main("booklet", VISIT.slug, "-o", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in listing.stdout.splitlines()[2:]]
    _, printed = toc_numbers(page_texts(out), VISITED)
    # Printed from the photo stage's copy (a stripped JPEG), not the original PNG.
    found = [(int(r[0]), r[8]) for r in rows if (r[3], r[4]) == ("64", "48")]
    assert len(found) == 1 and found[0][1] == "jpeg"
    assert printed[VISITED[1].slug] <= found[0][0] < printed[VISITED[2].slug]  # in its section


def test_missing_fonts_give_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(bk, "SANS", Typeface("DH Sans", {"regular": (tmp_path / "NotoSans-Regular.ttf",)}))
    assert bk.booklet_fonts() is None
    rendered, problems = bk.render_booklet(
        bk.visit_booklet(VISIT, CATALOG.public), REGISTRY, SETTINGS.theme, SETTINGS.site_url
    )
    assert rendered is None
    assert [p.message for p in problems] == [bk.msg.BOOKLET_FONT_MISSING]
    assert "fonts-noto-core" in problems[0].message


def test_fonts_are_whole_debian_files() -> None:
    fonts = bk.booklet_fonts()
    assert fonts is not None and [faces.family for faces in fonts] == ["DH Serif", "DH Sans"]
    for faces in fonts:
        assert set(faces.files) == {"regular", "bold", "italic", "bolditalic"}
        for path in faces.files.values():
            assert path.suffix == ".ttf" and path.stat().st_size > 100_000  # not a unicode-range subset


def test_photos_are_printed_when_given(tmp_path: Path) -> None:
    """The hook for profile photos: a given photo is embedded in its exemplar's section."""
    from PIL import Image

    photo = tmp_path / "doi-che.jpg"
    Image.new("RGB", (120, 80), (90, 140, 60)).save(photo)
    first = VISITED[0]
    booklet = bk.visit_booklet(VISIT, CATALOG.public)
    # The stories' photos are printed from their processed copies only.
    _, printable = bk.printed_photos(media_for(booklet.exemplars, CATALOG.photos, tmp_path / "cache")[0])
    rendered, problems = bk.render_booklet(
        booklet,
        REGISTRY,
        SETTINGS.theme,
        SETTINGS.site_url,
        photos={first.slug: [bk.BookletPhoto(photo, "Đồi chè của tổ", "Hội Nông dân xã")]},
        exemplars_dir=SETTINGS.exemplars_dir,
        printable=printable,
    )
    assert problems == [] and rendered is not None
    pdf = tmp_path / "so-tay.pdf"
    pdf.write_bytes(rendered.pdf)
    texts = page_texts(pdf)
    _, printed = toc_numbers(texts, VISITED)
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in listing.stdout.splitlines()[2:]]
    assert [(int(r[0]), r[3], r[4]) for r in rows if (r[3], r[4]) == ("120", "80")] == [
        (printed[first.slug], "120", "80")
    ]
    assert "Đồi chè của tổ Ảnh: Hội Nông dân xã" in texts[printed[first.slug] - 1]


def test_site_build_fails_cleanly_when_a_visit_booklet_cannot_be_made(project: Path) -> None:
    site = project / "site"
    assert run_main("build", "-d", str(site), cwd=project).returncode == 0
    published = (site / "tham-quan" / VISIT.slug / "so-tay.pdf").read_bytes()
    profile = project / "exemplars" / VISITED[-1].slug / "index.md"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("## Kết quả", "![Ảnh](anh-khong-co.jpg)\n\n## Kết quả"), encoding="utf-8")
    result = run_main("build", "-d", str(site), cwd=project)
    assert result.returncode == 1
    # Caught by the photo checks before any booklet is laid out.
    assert "anh-khong-co.jpg" in result.stderr and "Traceback" not in result.stderr
    assert "trang đã công bố trước đó vẫn giữ nguyên" in result.stderr
    assert (site / "tham-quan" / VISIT.slug / "so-tay.pdf").read_bytes() == published


# --- nothing but the running header and the page number in the page margins -------------

MM = 72 / 25.4  # PDF points per millimetre
# The page margins booklet.css sets, in mm (top, right, bottom, left): the cover page, then
# right-hand (odd) and left-hand (even) pages, whose inner margin is the wider one.
COVER_MARGINS = (14.0, 14.0, 14.0, 14.0)
RIGHT_PAGE_MARGINS = (15.0, 13.0, 17.0, 15.0)
LEFT_PAGE_MARGINS = (15.0, 15.0, 17.0, 13.0)
FOOTER_HALF_WIDTH = 10.0  # mm either side of the centre: room for the page number only
EDGE = 0.4  # mm of anti-aliasing allowed at the content box's edge
DPI = 60


def margins_of(page: int) -> tuple[float, float, float, float]:
    """The margins of a 1-based page number."""
    if page == 1:
        return COVER_MARGINS
    return RIGHT_PAGE_MARGINS if page % 2 else LEFT_PAGE_MARGINS


def content_box(page: int, size: tuple[float, float]) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the page's content box in mm from the top-left corner."""
    top, right, bottom, left = margins_of(page)
    width, height = size[0] / MM, size[1] / MM
    return left, top, width - right, height - bottom


def ink_in_margins(pdf: Path, tmp_path: Path) -> list[str]:
    """Every margin band of every page that has a drawn (non-white) pixel where nothing but the
    running header (top band, above the content box) and the page number (bottom band, about
    the centre) may be: the side bands are empty, the bottom band is empty beside the number."""
    from PIL import Image

    out = tmp_path / pdf.stem
    out.mkdir()
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(out / "p")], check=True)
    size = (float(PdfReader(pdf).pages[0].mediabox.width), float(PdfReader(pdf).pages[0].mediabox.height))
    found = []
    images = sorted(out.glob("p-*.png"), key=lambda f: int(f.stem.split("-")[1]))
    assert len(images) == len(PdfReader(pdf).pages)
    for number, file in enumerate(images, start=1):
        left, top, right, bottom = content_box(number, size)
        width, height = size[0] / MM, size[1] / MM
        middle = (left + right) / 2
        bands = {
            "left": (0, 0, left - EDGE, height),
            "right": (right + EDGE, 0, width, height),
            "bottom, left of the page number": (
                left - EDGE,
                bottom + EDGE,
                middle - FOOTER_HALF_WIDTH,
                height,
            ),
            "bottom, right of the page number": (
                middle + FOOTER_HALF_WIDTH,
                bottom + EDGE,
                right + EDGE,
                height,
            ),
        }
        with Image.open(file) as opened:
            image = opened.convert("L")
            scale = image.width / width  # pixels per mm
            for band, (x0, y0, x1, y1) in bands.items():
                # Whole pixels inside the band and the image (crop pads outside it with black).
                box = (
                    max(0, math.ceil(x0 * scale)),
                    max(0, math.ceil(y0 * scale)),
                    min(image.width, math.floor(x1 * scale)),
                    min(image.height, math.floor(y1 * scale)),
                )
                darkest, _ = image.crop(box).getextrema()
                if darkest < 245:
                    found.append(f"page {number}: {band} margin")
    return found


def _matrix(a: float, b: float, c: float, d: float, e: float, f: float) -> tuple[float, ...]:
    return (a, b, c, d, e, f)


def _times(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (PDF row-vector convention: ``cm`` puts the new matrix first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def image_placements(pdf: Path) -> list[tuple[int, tuple[float, float, float, float]]]:
    """(1-based page, (left, top, right, bottom) in mm from the top-left corner) of every raster
    image drawn, from the content streams' transformation matrices (forms followed)."""
    from pypdf.generic import ContentStream

    reader = PdfReader(pdf)
    placed = []

    def walk(number: int, stream: Any, resources: Any, ctm: tuple[float, ...], height: float) -> None:
        stack = []
        xobjects = resources.get("/XObject", {}) if resources else {}
        for operands, operator in ContentStream(stream, reader).operations:
            if operator == b"q":
                stack.append(ctm)
            elif operator == b"Q":
                ctm = stack.pop()
            elif operator == b"cm":
                ctm = _times(_matrix(*(float(v) for v in operands)), ctm)
            elif operator == b"Do":
                xobject = xobjects[operands[0]].get_object()
                if xobject["/Subtype"] == "/Image":
                    corners = [
                        (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])
                        for x in (0, 1)
                        for y in (0, 1)
                    ]
                    xs = [x / MM for x, _ in corners]
                    ys = [(height - y) / MM for _, y in corners]
                    placed.append((number, (min(xs), min(ys), max(xs), max(ys))))
                elif xobject["/Subtype"] == "/Form":
                    form = _matrix(*(float(v) for v in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0])))
                    walk(number, xobject, xobject.get("/Resources", resources), _times(form, ctm), height)

    for number, page in enumerate(reader.pages, start=1):
        walk(
            number,
            page.get_contents(),
            page["/Resources"],
            _matrix(1, 0, 0, 1, 0, 0),
            float(page.mediabox.height),
        )
    return placed


def images_outside_the_content_box(pdf: Path) -> list[str]:
    reader = PdfReader(pdf)
    size = (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height))
    outside = []
    for number, (x0, y0, x1, y1) in image_placements(pdf):
        left, top, right, bottom = content_box(number, size)
        if x0 < left - EDGE or y0 < top - EDGE or x1 > right + EDGE or y1 > bottom + EDGE:
            outside.append(f"page {number}: image at ({x0:.0f}, {y0:.0f})–({x1:.0f}, {y1:.0f}) mm")
    return outside


def assert_margins_clear(pdf: Path, tmp_path: Path) -> None:
    assert images_outside_the_content_box(pdf) + ink_in_margins(pdf, tmp_path) == []


@pytest.mark.e2e  # its booklet is a fixture named by the parameter
@pytest.mark.parametrize("booklet", ["visit_pdf", "visit_a4_pdf", "all_pdf", "all_a4_pdf"])
def test_nothing_is_drawn_in_the_margins(
    booklet: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Every photo, table and line stays in the content box, in A5 and A4."""
    pdf: Path = request.getfixturevalue(booklet)
    assert image_placements(pdf)  # the sample booklets have photos to place
    assert_margins_clear(pdf, tmp_path)


def test_the_margin_checks_see_an_overflow(visit_pdf: Path, tmp_path: Path) -> None:
    """The checks themselves: a photo drawn over the right margin and one over the bottom
    margin beside the page number are both seen, by pixels and by placement."""
    from PIL import Image

    wide = tmp_path / "wide.png"
    Image.new("RGB", (2000, 200), (30, 30, 30)).save(wide)
    html = f"""<style>@page {{ size: A5; margin: 0 }} body {{ margin: 0 }}
      img {{ position: absolute; display: block }}</style>
      <img src="{wide.as_uri()}" style="left: 20mm; top: 60mm; width: 140mm; height: 10mm">
      <img src="{wide.as_uri()}" style="left: 20mm; top: 198mm; width: 30mm; height: 8mm">"""
    from weasyprint import HTML

    pdf = tmp_path / "overflow.pdf"
    pdf.write_bytes(HTML(string=html).write_pdf() or b"")
    assert len(images_outside_the_content_box(pdf)) == 2
    assert ink_in_margins(pdf, tmp_path) == [
        "page 1: right margin",
        "page 1: bottom, left of the page number margin",
    ]
    assert_margins_clear(visit_pdf, tmp_path)  # and the real booklet passes


def extreme_photos_project(project: Path) -> Path:
    """A visited profile whose cover is a very tall portrait (600×2400) and whose story holds
    it again with a very wide panorama (4000×400), as Markdown and as markup copied from a web
    page (``<picture>``, ``<img width height>``, ``<figure>``), between paragraphs and in a line."""
    from PIL import Image

    slug = VISITED[2].slug
    folder = project / "exemplars" / slug
    Image.new("RGB", (600, 2400), (60, 90, 50)).save(folder / "anh-doc.jpg")
    Image.new("RGB", (4000, 400), (50, 60, 90)).save(folder / "anh-toan-canh.jpg")
    profile = folder / "index.md"
    text = profile.read_text(encoding="utf-8")
    assert "\nphotos:" not in text
    declared = (
        "photos:\n"
        "  - file: anh-doc.jpg\n    caption: Cây chè cổ thụ (ảnh dọc rất cao).\n    cover: true\n"
        "  - file: anh-toan-canh.jpg\n    caption: Toàn cảnh xóm (ảnh ngang rất rộng).\n"
    )
    head, sep, body = text.partition("\n---\n")
    story = (
        "![Cây chè cổ thụ](anh-doc.jpg)\n\n"
        "![Toàn cảnh xóm](anh-toan-canh.jpg)\n\n"
        "Trong dòng chữ ![Toàn cảnh](anh-toan-canh.jpg) vẫn nằm trong lề.\n\n"
        '<picture><source srcset="anh-doc.jpg 600w"><img src="anh-doc.jpg" width="600" height="2400"'
        ' alt="Cây chè"></picture>\n\n'
        '<figure><img src="anh-toan-canh.jpg" width="4000" height="400" alt="Toàn cảnh">'
        "<figcaption>Toàn cảnh.</figcaption></figure>\n\n"
    )
    body = (
        body.replace("## Kết quả", story + "## Kết quả", 1) if "## Kết quả" in body else body + "\n\n" + story
    )
    profile.write_text(f"{head}\n{declared}{sep}{body}", encoding="utf-8")
    return project


@pytest.mark.parametrize("size", ["A5", "A4"])
def test_extreme_photos_fit_the_page(project: Path, tmp_path: Path, size: str) -> None:
    """A very tall portrait and a very wide panorama are printed whole, inside the content box
    (never past the bottom margin), with their shape kept."""
    extreme_photos_project(project)
    out = project / "so-tay.pdf"
    result = run_main("booklet", VISIT.slug, "--size", size, "-o", str(out), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    placed = image_placements(out)
    shapes = sorted(round((x1 - x0) / (y1 - y0), 2) for _, (x0, y0, x1, y1) in placed)
    assert shapes.count(0.25) == 3 and shapes.count(10.0) == 3, shapes  # cover + 2 in the story; 3 panoramas
    assert_margins_clear(out, tmp_path)


@pytest.mark.parametrize("size", ["A5", "A4"])
def test_no_page_holds_only_a_qr_code_and_a_notes_box(
    monkeypatch: pytest.MonkeyPatch, size: str
) -> None:
    """A profile's closing (QR code and notes box, kept whole) pushed alone onto a page left
    two thirds of it blank: it now ends the page before with fewer lines, or fills its page."""
    import weasyprint

    settings = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
    catalog = load_catalog(settings)
    assert catalog.registry is not None
    shown = tuple(e for e in catalog.exemplars if e.status.value == "published" and not e.photos)
    booklet = bk.Booklet("Sổ tay", "Thử", shown, "so-tay")
    documents: list[Any] = []
    render = weasyprint.HTML.render

    def kept(self: Any, *args: Any, **kwargs: Any) -> Any:
        documents.append(render(self, *args, **kwargs))
        return documents[-1]

    monkeypatch.setattr(weasyprint.HTML, "render", kept)
    rendered, problems = bk.render_booklet(
        booklet, catalog.registry, settings.theme, "https://dienhinh.example.vn/", size=size,
        exemplars_dir=settings.exemplars_dir,
    )  # fmt: skip
    assert rendered is not None, problems
    alone = [
        index
        for index, page in enumerate(p._page_box for p in documents[-1].pages)
        if (closing := bk._closing_box(page)) is not None
        and closing.position_y - page.content_box_y() < 1
        and bk._used_bottom(page) - page.content_box_y() < 0.9 * page.height
    ]
    assert alone == []
    if size == "A5":  # the sample has one such page in A5: laid out again, once
        assert len(documents) == 2 and bk.closing_lines(documents[0])


def test_a_booklet_made_from_the_same_inputs_is_taken_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same HTML, stylesheets and files give the PDF laid out before, without WeasyPrint;
    a changed story, or a changed photo file, is laid out again."""
    cache = PdfCache(tmp_path / "cache")
    booklet = bk.visit_booklet(VISIT, CATALOG.public)
    photo = tmp_path / "bia.jpg"
    photo.write_bytes((ROOT / "exemplars" / "doi-che-ban-quyen" / "anh-doi-che.jpg").read_bytes())
    media, _ = media_for(booklet.exemplars, CATALOG.photos, SETTINGS.photo_cache)
    photos, printable = bk.printed_photos(media)
    photos[VISITED[0].slug] = [bk.BookletPhoto(photo)]

    def render(chosen: bk.Booklet) -> tuple[Any, list[Any]]:
        return bk.render_booklet(
            chosen,
            REGISTRY,
            SETTINGS.theme,
            SETTINGS.site_url,
            photos=photos,
            exemplars_dir=SETTINGS.exemplars_dir,
            printable=printable,
            cache=cache,
        )

    first, problems = render(booklet)
    assert problems == [] and first is not None
    import weasyprint

    def no_layout(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("laid out again")

    monkeypatch.setattr(weasyprint.HTML, "render", no_layout)
    again, problems = render(booklet)
    assert again == first and problems == []
    story = booklet.exemplars[0].model_copy(update={"story": "Một câu chuyện khác."})
    edited = dataclasses.replace(booklet, exemplars=(story, *booklet.exemplars[1:]))
    with pytest.raises(AssertionError, match="laid out again"):
        render(edited)
    photo.write_bytes(photo.read_bytes() + b"\0")
    with pytest.raises(AssertionError, match="laid out again"):
        render(booklet)
