"""End to end: photos, share cards, previews and unsafe photos in real builds of the sample."""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

from dienhinh.records.catalog import load_catalog
from dienhinh.records.model import Kind
from dienhinh.records.settings import Settings

from .sample import ROOT, copy_project, run_main
from .test_photos import jpeg_bytes, phone_photo, png_bomb

CATALOG = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
PUBLIC = CATALOG.public
WITH_PHOTOS = [e for e in PUBLIC if e.photos]
SITE_URL = "https://dienhinh.example.vn/"
UNIQUE_PHOTOS = len({s.digest for e in PUBLIC for s in CATALOG.photos[e.slug] if s is not None})


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def meta(doc: BeautifulSoup) -> dict[str, str]:
    found = {m["property"]: m["content"] for m in doc.select("meta[property]")}
    found.update({m["name"]: m["content"] for m in doc.select("meta[name]")})
    return found


def local(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / url.removeprefix(SITE_URL)


def test_sample_has_photos_and_a_marked_cover() -> None:
    assert 3 <= len(WITH_PHOTOS) <= 6
    assert any(p.cover for e in WITH_PHOTOS for p in e.photos)
    for e in WITH_PHOTOS:
        for photo in e.photos:
            assert (ROOT / "exemplars" / e.slug / photo.file).stat().st_size < 200 * 1024


def test_profile_pages_carry_previews_and_json_ld(sample_site: Path) -> None:
    """Must-show 3: og:title/description/image (a real 1200×630 file)/url and JSON-LD."""
    kinds = set()
    for e in PUBLIC:
        doc = page(sample_site, f"dien-hinh/{e.slug}")
        og = meta(doc)
        url = f"{SITE_URL}dien-hinh/{e.slug}/"
        assert og["og:title"] == e.name and og["twitter:title"] == e.name
        assert og["og:description"] == " ".join(e.summary.split())
        assert og["og:url"] == url == doc.select_one('link[rel="canonical"]')["href"]
        assert og["og:type"] == "article" and og["og:locale"] == "vi_VN"
        assert og["twitter:card"] == "summary_large_image" and og["twitter:image"] == og["og:image"]
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
        with Image.open(local(sample_site, og["og:image"])) as card:
            # A cover photo makes a JPEG card; flat colours and text a palette PNG.
            photo = e.cover is not None
            assert card.size == (1200, 630) and card.format == ("JPEG" if photo else "PNG")
            assert og["og:image:type"] == ("image/jpeg" if photo else "image/png")
            assert og["og:image"].endswith(".jpg" if photo else ".png") and (photo or card.mode == "P")
        scripts = doc.select('script[type="application/ld+json"]')
        assert len(scripts) == 1
        data = json.loads(scripts[0].string)
        entity, article = data["@graph"]
        expected = "Person" if e.kind is Kind.individual else "Organization"
        assert data["@context"] == "https://schema.org"
        assert (entity["@type"], article["@type"]) == (expected, "Article")
        assert entity["name"] == e.name and article["about"]["@id"] == entity["@id"]
        assert len(entity.get("award", [])) == len(e.commendations)
        assert article["image"] == [og["og:image"]] and article["mainEntityOfPage"] == url
        kinds.add(expected)
    assert kinds == {"Person", "Organization"}


def test_field_and_other_pages_have_cards_too(sample_site: Path) -> None:
    for url in ["", "linh-vuc", "linh-vuc/giao-duc", "xom/na-a", "tieu-chi"]:
        og = meta(page(sample_site, url))
        assert og["og:url"] == SITE_URL + (url + "/" if url else "")
        with Image.open(local(sample_site, og["og:image"])) as card:
            assert card.size == (1200, 630)
    field = meta(page(sample_site, "linh-vuc/giao-duc"))
    assert field["og:image"].endswith("/chia-se/linh-vuc/giao-duc.png")
    assert field["og:title"] == next(f.name for f in CATALOG.registry.fields if f.code == "giao-duc")


def test_profile_gallery_cover_and_story_photos(sample_site: Path) -> None:
    for e in WITH_PHOTOS:
        folder = sample_site / "dien-hinh" / e.slug
        article = page(sample_site, f"dien-hinh/{e.slug}").select_one("article")
        items = article.select("ul.dh-gallery > li")
        assert len(items) == len(e.photos)
        for item, photo in zip(items, e.photos, strict=True):
            link = item.select_one("a.dh-gallery__link")
            assert (folder / link["href"]).is_file()
            img = item.select_one("picture img")
            assert img["alt"] == photo.alt_text and img["loading"] == "lazy"
            assert photo.caption in item.get_text()
        cover = article.select_one("figure.dh-cover img")
        assert cover is not None and cover.get("loading") is None and cover["fetchpriority"] == "high"
        assert cover["alt"] == e.cover.alt_text
        for img in article.select("picture img"):
            assert img["decoding"] == "async" and int(img["width"]) > 0 and int(img["height"]) > 0
            with Image.open(folder / img["src"]) as im:
                assert im.format == "JPEG"
            for source in [img, *img.find_parent("picture").select("source")]:
                for candidate in source["srcset"].split(", "):
                    name, width = candidate.split(" ")
                    assert not name.startswith(("http:", "https:", "//")), name
                    with Image.open(folder / name) as im:
                        assert f"{im.size[0]}w" == width
    story = page(sample_site, "dien-hinh/doi-che-ban-quyen").select_one("article")
    assert "anh-luong-che.jpg" not in str(story)
    assert story.select_one("figure.dh-figure:not(.dh-cover) figcaption") is not None


def test_published_images_carry_no_metadata_and_no_original(sample_site: Path) -> None:
    originals = {
        hashlib.sha256((ROOT / "exemplars" / e.slug / p.file).read_bytes()).hexdigest()
        for e in WITH_PHOTOS
        for p in e.photos
    }
    images = [p for p in sample_site.rglob("*") if p.suffix in {".jpg", ".jpeg", ".webp", ".png"}]
    assert len(images) > 2 * UNIQUE_PHOTOS
    for path in images:
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() not in originals, path
        if path.is_relative_to(sample_site / "assets"):
            continue  # the theme's own icons
        assert b"Exif" not in data and b"<x:xmpmeta" not in data, path
        with Image.open(io.BytesIO(data)) as im:
            assert not im.getexif() and "icc_profile" not in im.info, path


def test_second_build_processes_no_photo(tmp_path: Path) -> None:
    """Must-show 2: the build says how many photos it processed; the second says zero."""
    project = copy_project(tmp_path / "p")
    first = run_main("build", "-d", str(tmp_path / "site"), cwd=project)
    assert first.returncode == 0, first.stderr
    assert f"Ảnh: {UNIQUE_PHOTOS} xử lý mới, 0 lấy từ bộ nhớ đệm." in first.stderr
    # A draft's photos are checked but never processed nor published (the count above too).
    draft = next(e for e in CATALOG.exemplars if not e.is_public and e.photos)
    names = re.compile("|".join(rf"{Path(p.file).stem}-[0-9a-f]{{8}}-\d+\.(jpg|webp)" for p in draft.photos))
    published = [p for p in (tmp_path / "site").rglob("*") if names.fullmatch(p.name)]
    assert published == [] and not (tmp_path / "site" / "dien-hinh" / draft.slug).exists()
    second = run_main("build", "-d", str(tmp_path / "site"), cwd=project)
    assert second.returncode == 0, second.stderr
    assert f"Ảnh: 0 xử lý mới, {UNIQUE_PHOTOS} lấy từ bộ nhớ đệm." in second.stderr
    assert "Thẻ chia sẻ: 0 tạo mới" in second.stderr


def snapshot(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_unsafe_photos_fail_the_build_and_keep_the_previous_site(tmp_path: Path) -> None:
    """Must-show 4: every unsafe photo reported in one run (file, line, field, Vietnamese),
    exit 1, no traceback, and the site built before is left exactly as it was."""
    project = copy_project(tmp_path / "p")
    site = tmp_path / "site"
    good = run_main("build", "-d", str(site), cwd=project)
    assert good.returncode == 0, good.stderr
    before = snapshot(site)
    assert any(name.startswith("dien-hinh/doi-che-ban-quyen/anh/") for name in before)

    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - dienhinh:\n", "  - dienhinh:\n      max_photo_mb: 0.5\n"
        ),
        encoding="utf-8",
    )
    slug = "mo-hinh-xom-so-na-a"
    folder = project / "exemplars" / slug
    (folder / "gia.jpg").write_text("<html>không phải ảnh</html>", encoding="utf-8")
    gif = io.BytesIO()
    Image.new("P", (40, 40)).save(gif, "GIF")
    (folder / "dong.png").write_bytes(gif.getvalue())
    (folder / "cut.jpg").write_bytes(jpeg_bytes()[:-4000])
    (folder / "bom.png").write_bytes(png_bomb())
    (folder / "lon.jpg").write_bytes(jpeg_bytes((1600, 1600)))
    assert (folder / "lon.jpg").stat().st_size > 0.5 * 2**20
    (tmp_path / "ngoai.jpg").write_bytes(jpeg_bytes())
    (folder / "lien-ket.jpg").symlink_to(tmp_path / "ngoai.jpg")
    cases = [
        ("khong-co.jpg", "Không tìm thấy ảnh"),
        ("../doi-che-ban-quyen/anh-doi-che.jpg", "phải nằm trong thư mục hồ sơ"),
        ("/etc/hostname", "phải nằm trong thư mục hồ sơ"),
        ("lien-ket.jpg", "phải nằm trong thư mục hồ sơ"),
        ("gia.jpg", "không phải ảnh JPEG, PNG hoặc WebP"),
        ("dong.png", "không phải ảnh JPEG, PNG hoặc WebP"),
        ("cut.jpg", "bị hỏng hoặc không trọn vẹn"),
        ("bom.png", "bom giải nén"),
        ("lon.jpg", "Ảnh quá lớn"),
    ]
    block = "photos:\n" + "".join(
        f"  - file: {file}\n    caption: Ảnh {i}\n" for i, (file, _) in enumerate(cases)
    )
    index = folder / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("---\n", "---\n" + block, 1), encoding="utf-8")

    for args in (["check"], ["build", "-d", str(site)]):
        result = run_main(*args, cwd=project)
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert "Traceback" not in output
        for i, (file, expected) in enumerate(cases):
            line = next(
                text for text in output.splitlines() if f"[photos[{i}].file]" in text and "LỖI" in text
            )
            assert f"exemplars/{slug}/index.md:{3 + 2 * i}: LỖI [photos[{i}].file]:" in line, line
            assert expected in line, (file, line)
    assert "trang đã công bố trước đó vẫn giữ nguyên" in output
    assert snapshot(site) == before


def test_booklet_prints_processed_photos_never_the_originals(tmp_path: Path) -> None:
    """Phone photos with GPS in a visited profile: the booklet prints the photo stage's copies
    (print size, upright), and no embedded image carries EXIF, XMP or GPS."""
    project = copy_project(tmp_path / "p")
    bundle = project / "exemplars" / "doi-che-ban-quyen"
    phone_photo(bundle / "anh-doi-che.jpg")  # the cover, taken sideways
    phone_photo(bundle / "anh-luong-che.jpg", size=(2400, 1800), orientation=1)  # in the story
    visit = next(v for v in CATALOG.visits if any(s.exemplar == "doi-che-ban-quyen" for s in v.stops))
    out = tmp_path / "so-tay.pdf"
    result = run_main("booklet", visit.slug, "-o", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    # The PDF's streams may be compressed: extract the embedded JPEGs and read them.
    subprocess.run(["pdfimages", "-j", str(out), str(tmp_path / "img")], check=True)
    embedded = sorted(tmp_path.glob("img-*"))
    assert embedded
    for path in embedded:
        data = path.read_bytes()
        assert b"Exif" not in data and b"<x:xmpmeta" not in data and b"PhoneMaker" not in data, path
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True)
    sizes = [tuple(line.split()[3:5]) for line in listing.stdout.splitlines()[2:]]
    assert ("1200", "2000") in sizes  # 2000×1200 stored with orientation 6: printed upright
    assert ("1600", "1200") in sizes and ("2400", "1800") not in sizes  # the print copy, not the original
