"""The photo pipeline and the photo checks, on images made by the tests themselves."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from dienhinh.records.load import Source, load_registry
from dienhinh.records.model import Exemplar, Photo
from dienhinh.records.photo_checks import PhotoSource, check_photos, inspect_photo
from dienhinh.site import photos
from dienhinh.site.media import profile_media
from dienhinh.site.pages import SiteBuilder
from dienhinh.site.photos import process_photos
from dienhinh.theme_files import Theme

from .sample import ROOT

REGISTRY = load_registry(ROOT / "exemplars" / "registry.yml")[0]

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,50.0N"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
RED, BLUE = (220, 20, 20), (20, 40, 200)
STORED = (2000, 1200)  # landscape as stored; orientation 6 shows it as 1200×2000 portrait


def phone_photo(
    path: Path, image_format: str = "JPEG", size: tuple[int, int] = STORED, orientation: int = 6
) -> Path:
    """A photo as a phone writes it: sideways pixels + orientation 6, GPS, XMP, an ICC profile."""
    im = Image.new("RGB", size, BLUE)
    # Red marker at the stored top-left: rotated 90° clockwise for display, it is top-right.
    im.paste(RED, (0, 0, size[0] // 5, size[1] // 5))
    exif = Image.Exif()
    exif[0x0112] = orientation  # 6: rotate 90° CW to display
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (21.0, 50.0, 12.5), 3: "E", 4: (105.0, 38.0, 1.0)}  # GPSInfo
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    options: dict[str, object] = {"exif": exif, "icc_profile": icc}
    if image_format in ("JPEG", "WEBP"):
        options["xmp"] = XMP
    im.save(path, image_format, **options)
    return path


def assert_clean(path: Path) -> None:
    data = path.read_bytes()
    assert b"Exif" not in data and b"<x:xmpmeta" not in data and b"PhoneMaker" not in data, path
    with Image.open(path) as im:
        assert len(im.getexif()) == 0, path
        assert not im.getexif().get_ifd(0x8825), path
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"):
            assert key not in im.info, (path, key)


def close(pixel: tuple[int, ...], color: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel[:3], color, strict=True))


@pytest.mark.parametrize("image_format", ["JPEG", "WEBP", "PNG"])
def test_phone_photo_comes_out_upright_and_stripped(tmp_path: Path, image_format: str) -> None:
    """Must-show 1: orientation 6 + GPS → every output upright, no EXIF/XMP/GPS left."""
    source = phone_photo(tmp_path / f"phone.{image_format.lower()}", image_format)
    with Image.open(source) as im:  # the input really carries what must go
        assert im.getexif()[0x0112] == 6 and im.getexif().get_ifd(0x8825)
    checked = inspect_photo(source, source.name, 15 * 2**20, 50_000_000)
    assert isinstance(checked, PhotoSource)
    assert (checked.width, checked.height) == (1200, 2000)

    done, stats = process_photos([checked], tmp_path / "cache", workers=1)
    variants = done[checked.digest].variants
    assert [v.width for v in variants] == [480, 960, 1200]  # 1600 would be an upscale
    for v in variants:
        for path in (v.webp, v.jpeg):
            with Image.open(path) as out:
                assert out.size == (v.width, round(2000 * v.width / 1200))
                rgb = out.convert("RGB")
                w, h = rgb.size
                assert close(rgb.getpixel((w - 5, 5)), RED), path  # marker now top-right
                assert close(rgb.getpixel((5, 5)), BLUE), path
                assert close(rgb.getpixel((w - 5, h - 5)), BLUE), path
                if out.format == "JPEG":  # only the largest, opened full size, loads in passes
                    assert bool(out.info.get("progressive")) == (v is variants[-1]), path
            assert_clean(path)
    assert stats.made == 1 and stats.cached == 0


def test_small_photo_is_never_upscaled(tmp_path: Path) -> None:
    path = tmp_path / "small.png"
    Image.new("RGB", (300, 200), BLUE).save(path)
    checked = inspect_photo(path, "small.png", 2**20, 10**7)
    assert isinstance(checked, PhotoSource)
    done, _ = process_photos([checked], tmp_path / "cache", workers=1)
    assert [(v.width, v.height) for v in done[checked.digest].variants] == [(300, 200)]


def test_cache_skips_unchanged_photos_and_redoes_changed_ones(tmp_path: Path) -> None:
    sources = []
    for index in range(3):
        path = tmp_path / f"p{index}.jpg"
        Image.new("RGB", (1000 + index, 700), (index * 60, 90, 30)).save(path)
        checked = inspect_photo(path, path.name, 2**20, 10**7)
        assert isinstance(checked, PhotoSource)
        sources.append(checked)
    cache = tmp_path / "cache"
    first, stats = process_photos(sources, cache, workers=2)
    assert (stats.made, stats.cached) == (3, 0)
    stamps = {v.jpeg: v.jpeg.stat().st_mtime_ns for p in first.values() for v in p.variants}
    again, stats = process_photos(sources, cache, workers=2)
    assert (stats.made, stats.cached) == (0, 3)
    assert {v.jpeg: v.jpeg.stat().st_mtime_ns for p in again.values() for v in p.variants} == stamps
    Image.new("RGB", (1000, 700), (250, 250, 0)).save(sources[0].path)  # an edited photo
    edited = inspect_photo(sources[0].path, "p0.jpg", 2**20, 10**7)
    assert isinstance(edited, PhotoSource)
    _, stats = process_photos([edited, *sources[1:]], cache, workers=1)
    assert (stats.made, stats.cached) == (1, 2)


def test_non_srgb_photo_is_converted_not_left_with_its_profile(tmp_path: Path) -> None:
    path = tmp_path / "lab.jpg"
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    Image.new("RGB", (600, 400), (200, 120, 40)).save(path, icc_profile=icc)
    checked = inspect_photo(path, path.name, 2**20, 10**7)
    assert isinstance(checked, PhotoSource)
    done, _ = process_photos([checked], tmp_path / "cache", workers=1)
    for v in done[checked.digest].variants:
        assert_clean(v.jpeg)
        assert_clean(v.webp)


# --- checks ---------------------------------------------------------------------------------


def png_bomb() -> bytes:
    """A tiny PNG whose header claims 40000×40000 pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 40000, 40000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes(size: tuple[int, int] = (800, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "exemplars" / "ho-so"
    folder.mkdir(parents=True)
    (folder / "tot.jpg").write_bytes(jpeg_bytes())
    (folder / "gia.jpg").write_text("không phải ảnh", encoding="utf-8")
    gif = io.BytesIO()
    Image.new("P", (50, 50)).save(gif, "GIF")
    (folder / "dong.jpg").write_bytes(gif.getvalue())
    (folder / "cut.jpg").write_bytes(jpeg_bytes()[:-3000])
    (folder / "bom.png").write_bytes(png_bomb())
    (folder / "lon.jpg").write_bytes(jpeg_bytes((1200, 900)))
    (tmp_path / "ngoai.jpg").write_bytes(jpeg_bytes())
    (folder / "lien-ket.jpg").symlink_to(tmp_path / "ngoai.jpg")
    return folder


CASES = [
    ("tot.jpg", None),
    ("khong-co.jpg", "Không tìm thấy ảnh"),
    ("../ngoai.jpg", "phải nằm trong thư mục hồ sơ"),
    ("/etc/hostname", "phải nằm trong thư mục hồ sơ"),
    ("lien-ket.jpg", "phải nằm trong thư mục hồ sơ"),
    ("gia.jpg", "không phải ảnh JPEG, PNG hoặc WebP"),
    ("dong.jpg", "không phải ảnh JPEG, PNG hoặc WebP"),
    ("cut.jpg", "bị hỏng hoặc không trọn vẹn"),
    ("bom.png", "bom giải nén"),
    ("lon.jpg", "Ảnh quá lớn"),
]


def exemplar_with(files: list[str], **extra: object) -> Exemplar:
    data = {
        "slug": "ho-so",
        "name": "Hồ sơ thử",
        "kind": "model",
        "field": "giao-duc",
        "hamlet": "na-a",
        "registered": "2022-05-01",
        "summary": "Tóm tắt.",
        "status": "published",
        "photos": [{"file": f, "caption": f"Ảnh {f}"} for f in files],
        **extra,
    }
    return Exemplar.model_validate(data)


def source_for(e: Exemplar, folder: Path) -> Source:
    lines = {("photos", i, "file"): 10 + 2 * i for i in range(len(e.photos))}
    lines.update({("photos", i, "cover"): 11 + 2 * i for i in range(len(e.photos))})
    return Source(folder / "index.md", {}, lines, e.story, 40)


def test_every_unsafe_photo_is_a_problem_with_file_line_and_field(tmp_path: Path) -> None:
    folder = bundle(tmp_path)
    e = exemplar_with([file for file, _ in CASES])
    max_bytes = len((folder / "tot.jpg").read_bytes()) + 1000  # lon.jpg is above it
    problems, found = check_photos(e, source_for(e, folder), folder, max_bytes, 50_000_000)
    by_field = {p.field: p for p in problems}
    for index, (file, expected) in enumerate(CASES):
        field = f"photos[{index}].file"
        if expected is None:
            assert field not in by_field and found[index] is not None
            continue
        assert found[index] is None
        problem = by_field[field]
        assert expected in problem.message, (file, problem.message)
        assert problem.line == 10 + 2 * index and problem.file == folder / "index.md"
    assert len(problems) == len(CASES) - 1


def test_too_many_pixels(tmp_path: Path) -> None:
    path = tmp_path / "wide.png"
    Image.new("L", (3000, 2000)).save(path)
    result = inspect_photo(path, "wide.png", 2**24, 5_000_000)
    assert isinstance(result, str) and "3000×2000" in result and "5 triệu" in result


def test_one_cover_no_duplicates_story_photos_declared(tmp_path: Path) -> None:
    folder = bundle(tmp_path)
    e = exemplar_with(
        ["tot.jpg", "tot.jpg"], story="Chữ\n\n![ảnh](chua-khai-bao.jpg)\n![web](https://x.vn/a.jpg)\n"
    )
    e = e.model_copy(update={"photos": tuple(p.model_copy(update={"cover": True}) for p in e.photos)})
    problems, _ = check_photos(e, source_for(e, folder), folder, 2**24, 50_000_000)
    messages = {p.field: p for p in problems}
    assert (
        "photos[1].file" in messages and "đã được khai báo ở photos[0]" in messages["photos[1].file"].message
    )
    assert "photos[1].cover" in messages and messages["photos[1].cover"].line == 13
    story = messages["story"]
    assert "chua-khai-bao.jpg" in story.message and story.line == 42  # body line 40 + offset 2
    assert len(problems) == 3


def test_story_reference_becomes_responsive_figure(tmp_path: Path) -> None:
    folder = bundle(tmp_path)
    story = "Trước.\n![Ảnh tốt](tot.jpg)\nSau ![x](tot.jpg) giữa dòng; ![ngoài](https://x.vn/a.jpg)\n"
    e = exemplar_with(["tot.jpg"], story=story)
    e = e.model_copy(update={"photos": (Photo(file="tot.jpg", caption="Chú thích <b>", credit="Tổ A"),)})
    _, found = check_photos(e, source_for(e, folder), folder, 2**24, 50_000_000)
    done, _ = process_photos([f for f in found if f], tmp_path / "cache", workers=1)
    media = profile_media(e, found, done)
    assert media.cover is not None and media.cover.photo.file == "tot.jpg"  # first photo by default
    photos_macros = SiteBuilder(REGISTRY, [e], Theme.of()).env.get_template("_photos.j2").module
    text = media.story(e.story, photos_macros.figure, photos_macros.picture)
    lines = text.split("\n")
    figure = next(line for line in lines if line.startswith("<figure"))
    assert lines[lines.index(figure) - 1] == "" and lines[lines.index(figure) + 1] == ""
    assert "Chú thích &lt;b&gt;" in figure and "Ảnh: Tổ A" in figure and 'loading="lazy"' in figure
    assert 'type="image/webp"' in figure and 'decoding="async"' in figure
    assert 'width="800" height="600"' in figure
    assert "](tot.jpg)" not in text and "Sau <picture>" in text
    assert "![ngoài](https://x.vn/a.jpg)" in text
    names = [name for name, _ in media.files()]
    assert len(names) == 4 and all(n.startswith("anh/tot-") for n in names)
    assert 'fetchpriority="high"' in str(photos_macros.picture(media.cover, eager=True))


def test_checks_skip_the_decode_only_for_bytes_already_processed(tmp_path: Path) -> None:
    good, cut = tmp_path / "good.jpg", tmp_path / "cut.jpg"
    good.write_bytes(jpeg_bytes())
    cut.write_bytes(jpeg_bytes()[:-3000])
    cache = tmp_path / "cache"
    assert "bị hỏng" in str(inspect_photo(cut, "cut.jpg", 2**24, 10**8, photos.in_cache(cache)))
    checked = inspect_photo(good, "good.jpg", 2**24, 10**8, photos.in_cache(cache))
    assert isinstance(checked, PhotoSource)
    assert not photos.in_cache(cache)(checked.digest)
    process_photos([checked], cache, workers=1)
    assert photos.in_cache(cache)(checked.digest)
    # The decode is what catches truncation: skipped only when the digest says "seen and fine".
    assert isinstance(inspect_photo(cut, "cut.jpg", 2**24, 10**8, lambda digest: True), PhotoSource)


def test_truncated_photo_is_refused_even_after_weasyprint_is_imported(tmp_path: Path) -> None:
    """WeasyPrint sets Pillow's global LOAD_TRUNCATED_IMAGES; the checks must not inherit it."""
    from PIL import ImageFile

    cut = tmp_path / "cut.jpg"
    cut.write_bytes(jpeg_bytes()[:-3000])
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = True
    try:
        assert "bị hỏng" in str(inspect_photo(cut, "cut.jpg", 2**24, 10**8))
        assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # restored for whoever set it
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous
