"""Photos as the editor receives them: iPhone HEIC/HEIF pictures become JPEG files (upright,
every piece of metadata dropped, GPS included); other files are kept as sent and go through
the same checks as any photo of a bundle (records/photo_checks.py)."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from PIL import Image, ImageOps

from ..messages import editor as msg
from ..messages import photos as photos_msg
from ..records.photo_checks import is_heif, strict_decoding

JPEG_QUALITY = 90


@dataclass(frozen=True)
class Upload:
    """A file ready to be written into a bundle, under the name it will have."""

    name: str
    data: bytes
    converted_from: str | None = None  # the name it was sent under, when converted


def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()


def heif_to_jpeg(data: bytes, max_pixels: int) -> bytes | str:
    """JPEG bytes of a HEIC/HEIF picture, or a Vietnamese message saying why not."""
    _register_heif()
    with warnings.catch_warnings(), strict_decoding():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=("HEIF",)) as im:
                if im.width * im.height > max_pixels:
                    return photos_msg.photo_too_many_pixels(im.width, im.height, max_pixels / 1e6)
                upright = ImageOps.exif_transpose(im).convert("RGB")
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return msg.UPLOAD_HEIC_UNREADABLE
        except Exception:  # noqa: BLE001 - untrusted bytes: any decoder failure is bad input
            return msg.UPLOAD_HEIC_UNREADABLE
    # Saved from bare pixels: no EXIF (GPS), XMP or colour profile from the phone.
    out = io.BytesIO()
    upright.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def accept_upload(name: str, data: bytes, taken: set[str], max_pixels: int) -> Upload | str:
    """The file to write for an uploaded ``name`` (HEIC/HEIF converted to ``<stem>.jpg``,
    ``-2``, ``-3`` when taken), or a Vietnamese message saying what to do instead."""
    if not is_heif(data):
        return Upload(name, data)
    converted = heif_to_jpeg(data, max_pixels)
    if isinstance(converted, str):
        return converted
    stem = PurePosixPath(name).stem
    target, number = f"{stem}.jpg", 2
    while target in taken:
        target, number = f"{stem}-{number}.jpg", number + 1
    return Upload(target, converted, converted_from=name)
