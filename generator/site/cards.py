"""Share cards: the 1200×630 image Zalo, Facebook and others show for a shared link.

Drawn with Pillow in a whole-file system font (fonts.py: Noto Sans or DejaVu Sans, both cover
every Vietnamese letter), cached by a hash of everything drawn, so an unchanged card is never
drawn twice. Nothing is fetched from the internet.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from ..fonts import SANS, Typeface
from ..messages import photos as msg
from ..workers import CacheStats, run_all
from .photos import PhotoJob, run_photo_job

# Cached cards are keyed by this module's own source too: any change to the drawing redraws them.
CARD_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
WIDTH, HEIGHT = 1200, 630
_TEXT = (33, 33, 33)
_MUTED = (84, 84, 84)
_PAPER = (250, 250, 247)
_PHOTO_WIDTH = 500
_BAND = 18
_MARGIN = 64


class FontMissing(Exception):
    """No usable font on this machine; its message is the Vietnamese one to show."""


@dataclass(frozen=True)
class Fonts:
    bold: Path
    regular: Path


def card_fonts(typeface: Typeface = SANS) -> Fonts:
    """The bold and regular faces cards are drawn in, or FontMissing with a Vietnamese message."""
    found = typeface.find(needed=("bold", "regular"))
    if found is None:
        tried = ", ".join(str(path) for path in typeface.files["bold"])
        raise FontMissing(msg.FONT_MISSING.format(paths=tried))
    return Fonts(found.files["bold"], found.files["regular"])


@dataclass(frozen=True)
class CardSpec:
    """What one card shows. ``photo`` is an upright, metadata-free JPEG (a processed photo)."""

    name: str  # site path of the card, e.g. chia-se/dien-hinh/<slug>.jpg
    title: str
    kicker: str  # above the title: kind and field
    footer: str  # commune name
    color: str  # field colour, #rrggbb
    photo: Path | None = None
    photo_key: str = ""  # content key of the photo (its cache key)

    def __post_init__(self) -> None:
        # A card draws lines of its own: text typed over several lines (a YAML block) is one
        # line here (the layout engine fails on a line break inside a word it measures).
        for name in ("title", "kicker", "footer"):
            object.__setattr__(self, name, " ".join(getattr(self, name).split()))

    def key(self, fonts: Fonts) -> str:
        data = asdict(self)
        data.pop("name")
        data["photo"] = None
        data["fonts"] = [fonts.bold.name, fonts.regular.name, _file_size(fonts.bold)]
        data["version"] = CARD_VERSION
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=16)
def _file_size(path: Path) -> int:
    return path.stat().st_size  # once per font file and process, not once per card


@lru_cache(maxsize=64)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    # Parsing the font file is most of the cost of a card; each worker does it once per size.
    return ImageFont.truetype(str(path), size)


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


@lru_cache(maxsize=65536)
def _length(path: str, size: int, text: str) -> float:
    return _font(Path(path), size).getlength(text)


def text_length(text: str, font: ImageFont.FreeTypeFont) -> float:
    """Width of a line in pixels, from the widths of its words: the same as measuring the
    whole line (these fonts kern no pair with a space), but words repeat from card to card."""
    words = text.split(" ")
    space = _length(str(font.path), font.size, " ")
    return sum(_length(str(font.path), font.size, w) for w in words) + space * (len(words) - 1)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Greedy word wrap to ``width`` pixels (a word longer than a line stays whole)."""
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    space = _length(str(font.path), font.size, " ")
    for word in text.split():
        length = _length(str(font.path), font.size, word)
        if current and used + space + length > width:
            lines.append(" ".join(current))
            current, used = [word], length
        else:
            used += (space if current else 0.0) + length
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


@lru_cache(maxsize=4096)  # ≈ 20 MB; 2,000 titles use ≈ 2,400 (word, size) pairs
def _word_mask(path: str, size: int, word: str) -> tuple[Image.Image, int, int]:
    """One word drawn once (its coverage mask and offset from the pen), pasted on every card
    that shows it: titles share most of their words, and drawing text is most of a card."""
    font = _font(Path(path), size)
    left, top, right, bottom = (int(v) for v in font.getbbox(word))  # whole pixels already
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)))
    ImageDraw.Draw(mask).text((-left, -top), word, font=font, fill=255)
    return mask, left, top


def _draw_line(
    card: Image.Image,
    xy: tuple[float, float],
    text: str,
    font: ImageFont.FreeTypeFont,
    fill: tuple[int, int, int] | int,
) -> None:
    """``ImageDraw.text`` for one line, word by word from cached masks (at whole pixels)."""
    x, y = xy
    path, size = str(font.path), font.size
    space = _length(path, size, " ")
    for word in text.split(" "):
        if word:
            mask, left, top = _word_mask(path, size, word)
            card.paste(fill, (round(x + left), round(y + top)), mask)
            x += _length(path, size, word)
        x += space


def _fit_title(
    title: str, fonts: Fonts, width: int, max_height: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size (64 → 34 px) whose wrapped lines fit; long titles are cut with …"""
    for size in range(64, 33, -4):
        font = _font(fonts.bold, size)
        lines = wrap(title, font, width)
        if len(lines) * size * 1.25 <= max_height:
            return font, lines
    max_lines = int(max_height // (size * 1.25))
    lines = lines[:max_lines]
    while lines and text_length(lines[-1] + " …", font) > width:
        lines[-1] = lines[-1].rsplit(" ", 1)[0]
    lines[-1] += " …"
    return font, lines


def _emblem(draw: ImageDraw.ImageDraw, cx: float, cy: float, radius: float) -> None:
    """A neutral mark for cards without a photo: a ring with three rising bars (drawn, so it
    needs no glyph from the font, and stays clear of flags and official emblems)."""
    white = (255, 255, 255)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=white, width=12)
    bar = radius * 0.28
    for i, height in enumerate((0.45, 0.8, 1.15)):
        left = cx - 1.5 * bar - bar * 0.25 + i * bar * 1.25
        bottom = cy + radius * 0.5
        draw.rectangle((left, bottom - height * radius * 0.85, left + bar, bottom), fill=white)


def draw_card(spec: CardSpec, fonts: Fonts) -> Image.Image:
    """The card as an RGB image: text panel with the field colour, photo (or colour) at right."""
    if spec.photo is None:
        # Everything but the title is the same for all photo-less cards of a field.
        frame, footer_top = _plain_frame(spec.color, spec.kicker, spec.footer, fonts)
        card = frame.copy()
    else:
        card, footer_top = _frame(spec, fonts)
    text_left, text_width = _text_box()
    title_top = _MARGIN + 60
    font, lines = _fit_title(spec.title, fonts, text_width, footer_top - 48 - title_top)
    line_height = font.size * 1.25
    for index, line in enumerate(lines):
        _draw_line(card, (text_left, title_top + index * line_height), line, font, _TEXT)
    return card


def _text_box() -> tuple[int, int]:
    text_left = _BAND + _MARGIN - 16
    return text_left, WIDTH - _PHOTO_WIDTH - text_left - 40


@lru_cache(maxsize=32)
def _plain_frame(color: str, kicker: str, footer: str, fonts: Fonts) -> tuple[Image.Image, int]:
    return _frame(CardSpec(name="", title="", kicker=kicker, footer=footer, color=color), fonts)


def _frame(spec: CardSpec, fonts: Fonts) -> tuple[Image.Image, int]:
    """A card without its title, and where the footer starts."""
    color = _rgb(spec.color)
    card = Image.new("RGB", (WIDTH, HEIGHT), _PAPER)
    draw = ImageDraw.Draw(card)
    panel_right = WIDTH - _PHOTO_WIDTH
    if spec.photo is not None:
        with Image.open(spec.photo) as photo:
            fitted = ImageOps.fit(photo.convert("RGB"), (_PHOTO_WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        card.paste(fitted, (panel_right, 0))
    else:
        draw.rectangle((panel_right, 0, WIDTH, HEIGHT), fill=color)
        _emblem(draw, panel_right + _PHOTO_WIDTH / 2, HEIGHT / 2, 130)
    draw.rectangle((0, 0, _BAND, HEIGHT), fill=color)
    text_left, text_width = _text_box()

    kicker_font = _font(fonts.bold, 26)
    kicker = spec.kicker.upper()
    while text_length(kicker, kicker_font) > text_width and len(kicker) > 4:
        kicker = kicker[:-2].rstrip() + "…"
    _draw_line(card, (text_left, _MARGIN), kicker, kicker_font, color)

    footer_font = _font(fonts.regular, 28)
    footer_lines = wrap(spec.footer, footer_font, text_width)[:2]
    footer_top = HEIGHT - _MARGIN - 36 * len(footer_lines)
    draw.line((text_left, footer_top - 24, text_left + 120, footer_top - 24), fill=color, width=6)
    for index, line in enumerate(footer_lines):
        _draw_line(card, (text_left, footer_top + 36 * index), line, footer_font, _MUTED)
    return card, footer_top


# Palette cards: the frame's own colours first, then this many shades from paper to title text.
_SHADES = 16
_FRAME_COLOURS = 256 - _SHADES
_SHADE_OF = [round(v * (_SHADES - 1) / 255) for v in range(256)]  # coverage → shade
_SHADE_INDEX = [_FRAME_COLOURS + shade for shade in _SHADE_OF]  # coverage → palette index
_INKED = [255 if shade else 0 for shade in _SHADE_OF]  # where the title covers the paper


@lru_cache(maxsize=32)
def _indexed_frame(color: str, kicker: str, footer: str, fonts: Fonts) -> tuple[bytes, list[int], int]:
    """A photo-less card without its title as palette indices (one byte a pixel), its palette
    (the frame's colours, then the shades of the title text on paper) and where the footer
    starts."""
    # Drawn here, not taken from _plain_frame's cache: the full-colour frame (2.3 MB) is not
    # needed once indexed, and 32 of them would stay in every worker.
    frame, footer_top = _frame(CardSpec(name="", title="", kicker=kicker, footer=footer, color=color), fonts)
    indexed = frame.quantize(colors=_FRAME_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    palette = (indexed.getpalette() or [])[: 3 * _FRAME_COLOURS]
    palette += [0] * (3 * _FRAME_COLOURS - len(palette))
    for shade in range(_SHADES):
        cover = shade / (_SHADES - 1)
        palette += [round(p + (t - p) * cover) for p, t in zip(_PAPER, _TEXT, strict=True)]
    return indexed.tobytes(), palette, footer_top


def draw_indexed_card(spec: CardSpec, fonts: Fonts) -> Image.Image:
    """A photo-less card as a palette image (for PNG): the title's coverage is drawn in grey,
    then written as shades of the text colour over the paper of the cached frame."""
    if spec.photo is not None:
        raise ValueError("a card with a photo is drawn in full colour")
    pixels, palette, footer_top = _indexed_frame(spec.color, spec.kicker, spec.footer, fonts)
    text_left, text_width = _text_box()
    title_top = _MARGIN + 60
    font, lines = _fit_title(spec.title, fonts, text_width, footer_top - 48 - title_top)
    line_height = font.size * 1.25
    box = (text_left - 8, title_top - 8, text_left + text_width + 8, footer_top - 40)
    coverage = Image.new("L", (box[2] - box[0], box[3] - box[1]))
    for index, line in enumerate(lines):
        _draw_line(coverage, (8, 8 + index * line_height), line, font, 255)
    shades = coverage.point(_SHADE_INDEX)
    inked = coverage.point(_INKED)
    card = Image.frombytes("L", (WIDTH, HEIGHT), pixels)  # palette indices, handled as grey
    card.paste(shades, box[:2], inked)
    indexed = Image.frombytes("P", card.size, card.tobytes())
    indexed.putpalette(palette)
    return indexed


def render_card(spec: CardSpec, fonts: Fonts, target: Path) -> None:
    """Draws one card into ``target``, a palette PNG or a JPEG by its suffix (atomic: written
    beside it, then renamed)."""
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        if target.suffix == ".png":
            if spec.photo is None:
                image = draw_indexed_card(spec, fonts)
            else:
                image = draw_card(spec, fonts).quantize()
            # zlib level 3: ≈ 2 ms a card, like the JPEG; level 6 saves a fifth of the bytes
            # for twice the time.
            image.save(temp, "PNG", compress_level=3)
        else:
            # Baseline JPEG: progressive encoding cost more than drawing the card for 10 % fewer bytes.
            draw_card(spec, fonts).save(temp, "JPEG", quality=82, optimize=True)
        os.replace(temp, target)
    finally:
        Path(temp).unlink(missing_ok=True)


def _render_job(job: CardJob) -> None:
    spec, fonts, target, photo_job = job
    if photo_job is not None:
        run_photo_job(photo_job)  # its cover photo, unless another worker has made it already
    render_card(spec, fonts, target)


def render_cards(jobs: Sequence[CardJob]) -> None:
    """Draw a batch of cards (a worker's task: a card takes a few milliseconds, about what
    sending one to a worker and its result back costs the build)."""
    for job in jobs:
        _render_job(job)


# (spec, fonts, target, the job of the cover photo when that photo is not processed yet)
CardJob = tuple[CardSpec, Fonts, Path, PhotoJob | None]


def plan_cards(
    specs: Sequence[CardSpec], cache_dir: Path, fonts: Fonts
) -> tuple[dict[str, Path], list[CardJob], CacheStats]:
    """Card site path → file in the cache, and the cards still to draw (not in the cache)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path] = {}
    jobs: dict[Path, CardJob] = {}
    for spec in specs:
        target = cache_dir / f"{spec.key(fonts)}{Path(spec.name).suffix or '.jpg'}"
        found[spec.name] = target
        if not target.is_file():
            jobs[target] = (spec, fonts, target, None)
    return found, list(jobs.values()), CacheStats(made=len(jobs), cached=len(found) - len(jobs))


CARD_BATCH = 50  # cards sent to a worker at a time


def batches(jobs: Sequence[CardJob]) -> list[Sequence[CardJob]]:
    return [jobs[i : i + CARD_BATCH] for i in range(0, len(jobs), CARD_BATCH)]


def make_cards(
    specs: Sequence[CardSpec], cache_dir: Path, fonts: Fonts, workers: int | None = None
) -> tuple[dict[str, Path], CacheStats]:
    """Card site path → file in the cache; only cards not in the cache are drawn."""
    found, jobs, stats = plan_cards(specs, cache_dir, fonts)
    run_all(_render_job, jobs, workers)
    return found, stats
