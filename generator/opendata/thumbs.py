"""Thumbnails of the communes' photos for the province site: each commune's smallest
processed JPEG, fetched once, checked and re-encoded here (a province publishes no bytes it
has not decoded itself: no metadata, no oversized or disguised files), kept by address."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from ..messages import province as msg
from . import model as od

THUMB_WIDTH = 480
THUMB_MAX_HEIGHT = 960
MAX_PIXELS = 50_000_000
JPEG_QUALITY = 80


@dataclass(frozen=True)
class Thumb:
    """A thumbnail ready to publish beside a province profile page, with its photo's
    caption and credit."""

    file: Path
    name: str  # file name in the profile's folder
    width: int
    height: int
    photo: od.Photo


def make_thumbnail(data: bytes) -> bytes | str:
    """JPEG bytes of a photo's thumbnail, or why the bytes are not a photo we publish."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=("JPEG", "PNG", "WEBP")) as image:
                if image.width * image.height > MAX_PIXELS:
                    return msg.PHOTO_TOO_BIG
                image.draft("RGB", (THUMB_WIDTH, THUMB_MAX_HEIGHT))
                picture = ImageOps.exif_transpose(image).convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        return msg.photo_unreadable(type(error).__name__)
    picture.thumbnail((THUMB_WIDTH, THUMB_MAX_HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)  # saved from pixels: no metadata
    return out.getvalue()


def size_of(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size
