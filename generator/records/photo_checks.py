"""Photos of a profile bundle, checked when the bundle is loaded: each declared file is
inside its bundle, a real image of an accepted format and size, one cover at most; every
image a story shows is declared. Untrusted bytes never raise: each problem is a message."""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from PIL import Image, ImageFile, UnidentifiedImageError

from ..messages import photos as msg
from ..text import nfc
from .load import Source, dotted
from .model import Exemplar
from .problems import Problem

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
# Pillow's orientation values that swap width and height.
SWAPPING_ORIENTATIONS = {5, 6, 7, 8}
# ![alt](file "title") in a story.
# (No "[" in the alt text nor "(" in the address: each match attempt stops at the next one,
# so a line of 100,000 "![" is read in linear time.)
IMAGE_REF = re.compile(r"!\[([^\]\[]*)\]\(\s*<?([^()\[\]\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# <img src=…>, <source srcset=…> pasted into a story as HTML (their first address).
HTML_IMAGE_REF = re.compile(
    r"""<(?:img|source)\b[^<>]*?\b(?:src|srcset)\s*=\s*["']?([^"'\s<>,]+)""", re.IGNORECASE
)


# ISO base media "ftyp" brands of HEIC/HEIF pictures (iPhone photos).
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1"}


def is_heif(data: bytes) -> bool:
    """A HEIC/HEIF picture, by its first bytes (whatever its name says)."""
    return data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS


@dataclass(frozen=True)
class PhotoSource:
    """A photo that passed every check: its file, content hash and upright size."""

    path: Path
    digest: str
    width: int
    height: int
    format: str


def resolve_in_bundle(folder: Path, file: str) -> Path | str:
    """The photo's path inside ``folder``, or a Vietnamese message saying why not."""
    text = file.replace("\\", "/")
    pure = PurePosixPath(text)
    if pure.is_absolute() or PureWindowsPath(file).drive or ".." in pure.parts:
        return msg.PHOTO_OUTSIDE
    path = _on_disk(folder, pure)
    resolved = path.resolve()
    # resolve() follows symlinks, so a link inside the bundle that points out is caught here.
    if not resolved.is_relative_to(folder.resolve()):
        return msg.PHOTO_OUTSIDE
    if not path.exists():
        return msg.photo_missing(file)
    if not resolved.is_file():
        return msg.PHOTO_NOT_A_FILE.format(file=file)
    return resolved


def _on_disk(folder: Path, pure: PurePosixPath) -> Path:
    """``folder / pure``, each part matched by its Unicode spelling when not found as
    written: a file named "ảnh.jpg" in NFD (macOS, some phones) is the "ảnh.jpg" of the
    front matter, which the loader made NFC."""
    path = folder
    for part in pure.parts:
        candidate = path / part
        if not candidate.exists() and path.is_dir():
            wanted = nfc(part)
            candidate = next((p for p in path.iterdir() if nfc(p.name) == wanted), candidate)
        path = candidate
    return path


@contextmanager
def strict_decoding() -> Iterator[None]:
    """Truncated data is an error while we look at a photo, whatever another library set
    (WeasyPrint turns Pillow's global LOAD_TRUNCATED_IMAGES on when it is imported)."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def inspect_photo(
    path: Path,
    file: str,
    max_bytes: int,
    max_pixels: int,
    decoded_before: Callable[[str], bool] | None = None,
) -> PhotoSource | str:
    """Checks one photo's real content; returns its record or a Vietnamese message.

    ``decoded_before(digest)`` says the pipeline already decoded these exact bytes without
    error (they are in the cache): the full decode is then skipped, the header checks are not.
    """
    size = path.stat().st_size
    if size > max_bytes:
        return msg.photo_too_large(size / 2**20, max_bytes / 2**20)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    with warnings.catch_warnings(), strict_decoding():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            decode = decoded_before is None or not decoded_before(digest)
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as im:
                image_format = im.format or ""
                width, height = im.size
                if width * height > max_pixels:
                    return msg.photo_too_many_pixels(width, height, max_pixels / 1e6)
                if decode:
                    im.verify()  # must come right after open
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as im:
                orientation = im.getexif().get(0x0112, 1)
                if decode:
                    # verify() does not decode JPEG data: decode it (at 1/8 scale, cheap) to
                    # catch truncated files before anything is published.
                    im.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    im.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return msg.PHOTO_BOMB.format(file=file)
        except UnidentifiedImageError:
            return (msg.PHOTO_HEIF if is_heif(data) else msg.PHOTO_NOT_IMAGE).format(file=file)
        except Exception as error:  # noqa: BLE001 - untrusted bytes: any decoder failure is bad input
            return msg.PHOTO_CORRUPT.format(file=file, detail=str(error) or type(error).__name__)
    if orientation in SWAPPING_ORIENTATIONS:
        width, height = height, width
    return PhotoSource(path, digest, width, height, image_format)


def normal_name(file: str) -> str:
    """A photo's name as declared and as written in a story, compared the same way (one
    Unicode spelling: the story is NFC like the front matter, a sheet or a disk may not be)."""
    return nfc(PurePosixPath(file.replace("\\", "/")).as_posix())


def _is_local(target: str) -> bool:
    return not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^#", target)


def check_photos(
    e: Exemplar,
    source: Source,
    folder: Path,
    max_bytes: int,
    max_pixels: int,
    decoded_before: Callable[[str], bool] | None = None,
) -> tuple[list[Problem], tuple[PhotoSource | None, ...]]:
    """Every photo of one profile: path, content, size, one cover; story references declared."""
    problems = _check_declarations(e, source)
    found: list[PhotoSource | None] = []
    for index, photo in enumerate(e.photos):
        where = resolve_in_bundle(folder, photo.file)
        result = (
            where
            if isinstance(where, str)
            else inspect_photo(where, photo.file, max_bytes, max_pixels, decoded_before)
        )
        if isinstance(result, str):
            loc = ("photos", index, "file")
            problems.append(Problem(source.path, source.line_of(loc), dotted(loc), result))
            found.append(None)
        else:
            found.append(result)
    problems += _check_story_references(e, source)
    return problems, tuple(found)


def _check_declarations(e: Exemplar, source: Source) -> list[Problem]:
    """Each photo declared once; at most one cover."""
    problems: list[Problem] = []

    def add(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(source.path, source.line_of(loc), dotted(loc), message))

    first_of: dict[str, int] = {}
    first_cover: int | None = None
    for index, photo in enumerate(e.photos):
        key = normal_name(photo.file)
        if key in first_of:
            add(("photos", index, "file"), msg.PHOTO_DUPLICATE.format(file=photo.file, first=first_of[key]))
        first_of.setdefault(key, index)
        if photo.cover and first_cover is not None:
            add(("photos", index, "cover"), msg.PHOTO_TWO_COVERS.format(first=first_cover))
        elif photo.cover:
            first_cover = index
    return problems


def _check_story_references(e: Exemplar, source: Source) -> list[Problem]:
    """Every local image the story shows is one of the declared photos."""
    declared = {normal_name(photo.file) for photo in e.photos}
    return [
        Problem(source.path, source.body_line + offset, "story", msg.PHOTO_NOT_DECLARED.format(file=target))
        for offset, line in enumerate(e.story.splitlines())
        for target in [target for _alt, target in IMAGE_REF.findall(line)] + HTML_IMAGE_REF.findall(line)
        if _is_local(target) and normal_name(target) not in declared
    ]
