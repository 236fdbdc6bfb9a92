"""Share cards: size, Vietnamese text drawn with real glyphs, wrapping, cache, missing font."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat

from dienhinh.fonts import Typeface
from dienhinh.site.cards import (
    HEIGHT,
    WIDTH,
    CardSpec,
    FontMissing,
    _draw_line,
    card_fonts,
    draw_card,
    make_cards,
    text_length,
    wrap,
)
from dienhinh.site.share import script_json

VIETNAMESE = (
    "ĂÂĐÊÔƠƯăâđêôơư ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)


def spec(title: str = "Tổ hợp tác chè sạch xóm Bản Quyền", photo: Path | None = None) -> CardSpec:
    return CardSpec(
        "chia-se/x.jpg", title, "Tập thể · Kinh tế hộ", "Xã Điềm Mặc, huyện Định Hóa", "#6d4c41", photo, "k"
    )


def test_font_has_a_real_glyph_for_every_vietnamese_letter() -> None:
    """No tofu: each letter draws differently from a code point the font lacks."""
    fonts = card_fonts()
    font = ImageFont.truetype(str(fonts.bold), 48)

    def drawn(ch: str) -> bytes:
        im = Image.new("L", (100, 120))
        ImageDraw.Draw(im).text((10, 20), ch, font=font, fill=255)
        return im.tobytes()

    missing = drawn("\ue000")  # private use: the font's .notdef box
    tofu = [ch for ch in VIETNAMESE.replace(" ", "") if drawn(ch) == missing]
    assert tofu == []
    assert drawn("\U0001f600") == missing  # the check itself sees tofu when there is some


def test_card_is_1200_by_630_with_photo_and_field_colour(tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (960, 640), (0, 200, 0)).save(photo)
    card = draw_card(spec(photo=photo), card_fonts())
    assert card.size == (WIDTH, HEIGHT) == (1200, 630)
    assert card.getpixel((5, 300)) == (0x6D, 0x4C, 0x41)  # the field colour band
    r, g, b = card.getpixel((1100, 300))
    assert g > 150 and r < 60 and b < 60  # the cover photo, cropped to the right panel
    without = draw_card(spec(), card_fonts())
    assert without.getpixel((1100, 40)) == (0x6D, 0x4C, 0x41)  # no photo: the field colour
    assert ImageChops.difference(card, without).getbbox() is not None


def test_long_titles_wrap_and_stay_inside_the_text_panel() -> None:
    fonts = card_fonts()
    font = ImageFont.truetype(str(fonts.bold), 48)
    lines = wrap("Đội thanh niên tình nguyện hỗ trợ dịch vụ công trực tuyến cho người dân", font, 600)
    assert len(lines) > 1 and all(font.getlength(line) <= 600 for line in lines)
    assert " ".join(lines) == "Đội thanh niên tình nguyện hỗ trợ dịch vụ công trực tuyến cho người dân"
    long_card = draw_card(spec(("Mô hình " * 60).strip()), fonts)
    short_card = draw_card(spec("Mô hình"), fonts)
    right = (680, 0, WIDTH, HEIGHT)  # the photo panel (and a margin before it)
    assert ImageChops.difference(long_card.crop(right), short_card.crop(right)).getbbox() is None
    footer = (0, HEIGHT - 140, 680, HEIGHT)  # the cut title does not run over the commune name
    assert ImageChops.difference(long_card.crop(footer), short_card.crop(footer)).getbbox() is None


def test_lines_drawn_from_cached_words_match_pillow() -> None:
    """Cards measure and draw a line word by word from caches: the width Pillow measures for
    the whole line, and pixels closer to Pillow's own drawing than a one-pixel shift of it."""
    fonts = card_fonts()

    def drawn(x: float, line: str, font: ImageFont.FreeTypeFont, ours: bool) -> Image.Image:
        im = Image.new("RGB", (1400, 200), (255, 255, 255))
        if ours:
            _draw_line(im, (x, 40), line, font, (0, 0, 0))
        else:
            ImageDraw.Draw(im).text((x, 40), line, font=font, fill=(0, 0, 0))
        return im

    for path, size in ((fonts.bold, 64), (fonts.regular, 28)):
        font = ImageFont.truetype(str(path), size)
        for line in ("Đội thanh niên tình nguyện xóm Đồng Tâm", "ỖNG GÌ · KINH TẾ HỘ", VIETNAMESE[:40]):
            assert text_length(line, font) == font.getlength(line)
            pillow = drawn(20, line, font, ours=False)
            box = ImageChops.invert(pillow).getbbox()
            assert box is not None
            ours, shifted = (
                ImageStat.Stat(ImageChops.difference(im, pillow).convert("L").crop(box)).mean[0]
                for im in (drawn(20, line, font, ours=True), drawn(21, line, font, ours=False))
            )
            assert ours < shifted / 2, (line, size, ours, shifted)


def test_cards_without_a_photo_are_palette_pngs_of_the_same_picture(tmp_path: Path) -> None:
    fonts = card_fonts()
    plain = replace(spec("Đội thanh niên tình nguyện hỗ trợ dịch vụ công trực tuyến"), name="chia-se/z.png")
    found, _ = make_cards([plain, replace(plain, name="chia-se/z.jpg")], tmp_path, fonts, workers=1)
    with Image.open(found["chia-se/z.png"]) as png, Image.open(found["chia-se/z.jpg"]) as jpeg:
        assert (png.format, png.mode, png.size) == ("PNG", "P", (1200, 630)) and jpeg.format == "JPEG"
        assert found["chia-se/z.png"].stat().st_size < found["chia-se/z.jpg"].stat().st_size * 0.7
        difference = ImageChops.difference(png.convert("RGB"), draw_card(plain, fonts))
        assert max(high for _, high in difference.getextrema()) <= 12  # 16 shades of text
        assert ImageStat.Stat(difference.convert("L")).mean[0] < 0.5


def test_cards_are_cached(tmp_path: Path) -> None:
    fonts = card_fonts()
    specs = [spec(), replace(spec("Trường Tiểu học xã"), name="chia-se/y.jpg")]
    found, stats = make_cards(specs, tmp_path, fonts, workers=1)
    assert (stats.made, stats.cached) == (2, 0)
    for path in found.values():
        with Image.open(path) as im:
            assert im.size == (1200, 630) and im.format == "JPEG" and not im.getexif()
    again, stats = make_cards(specs, tmp_path, fonts, workers=1)
    assert (stats.made, stats.cached) == (0, 2) and again == found


def test_missing_font_is_a_clear_vietnamese_error(tmp_path: Path) -> None:
    absent = Typeface("DH Sans", {"regular": (tmp_path / "a.ttf",), "bold": (tmp_path / "b.ttf",)})
    with pytest.raises(FontMissing) as error:
        card_fonts(absent)
    assert "Không tìm thấy phông chữ" in str(error.value) and "fonts-noto-core" in str(error.value)
    assert str(tmp_path / "b.ttf") in str(error.value)


def test_json_for_script_tag_cannot_close_the_tag() -> None:
    text = script_json({"name": "</script><script>alert(1)</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script><!-- & \u2028"
