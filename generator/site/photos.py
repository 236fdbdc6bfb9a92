"""The photo pipeline: each checked photo made upright, stripped of every metadata, resized
to responsive widths as WebP plus a JPEG fallback, behind a content-hash cache. Outputs are
files in the cache; nothing here knows pages or MkDocs."""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from ..records.photo_checks import ACCEPTED_FORMATS, SWAPPING_ORIENTATIONS, PhotoSource, strict_decoding
from ..workers import CacheStats, run_all

# Bump when the output of the pipeline changes: every cached photo is then made again.
PIPELINE_VERSION = "3"  # 3: 16-bit greyscale scaled, not clipped
WIDTHS = (480, 960, 1600)
WEBP_QUALITY = 80
JPEG_QUALITY = 82
# libwebp effort 0–6: 2 is about 3× faster than the default 4 for a file ~1–2 % larger.
WEBP_METHOD = 2
_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Variant:
    """One output width: a WebP and a JPEG of the same pixels."""

    width: int
    height: int
    webp: Path
    jpeg: Path


@dataclass(frozen=True)
class ProcessedPhoto:
    key: str
    variants: tuple[Variant, ...]  # ascending width

    @property
    def largest(self) -> Variant:
        return self.variants[-1]


def cache_key(digest: str) -> str:
    """Hash of the source bytes' hash and everything that shapes the output."""
    recipe = f"{PIPELINE_VERSION}|{WIDTHS}|{WEBP_QUALITY}|{WEBP_METHOD}|{JPEG_QUALITY}|{digest}"
    return hashlib.sha256(recipe.encode()).hexdigest()


def in_cache(cache_dir: Path) -> Callable[[str], bool]:
    """``decoded_before`` for the checks: the photo with this digest is in the cache."""
    return lambda digest: (cache_dir / cache_key(digest) / _MANIFEST).is_file()


def output_widths(width: int) -> list[int]:
    """The responsive widths for a photo ``width`` pixels wide: never larger than itself."""
    return sorted({min(w, width) for w in WIDTHS})


def _read_manifest(folder: Path) -> ProcessedPhoto | None:
    try:
        data = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    variants = tuple(Variant(w, h, folder / f"{w}.webp", folder / f"{w}.jpg") for w, h in data["variants"])
    if not all(v.webp.is_file() and v.jpeg.is_file() for v in variants):
        return None
    return ProcessedPhoto(folder.name, variants)


def _eight_bit(im: Image.Image) -> Image.Image:
    """A 16-bit greyscale PNG (Pillow's modes I;16 and I hold 0–65535) scaled to 8 bits:
    converted as it is, every value over 255 would be clipped and the photo published white."""
    if im.mode.startswith("I;16") or im.mode == "I":
        return im.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    return im


def _to_srgb(im: Image.Image) -> Image.Image:
    """Pixels converted to sRGB (the web's default), so the ICC profile can be dropped."""
    im = _eight_bit(im)
    icc = im.info.get("icc_profile")
    if icc:
        try:
            source_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            srgb = ImageCms.createProfile("sRGB")
            mode = "RGBA" if im.mode in ("RGBA", "LA", "PA") else "RGB"
            converted = ImageCms.profileToProfile(im, source_profile, srgb, outputMode=mode)
            if converted is not None:
                im = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unusable profile: keep the pixels as they are
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return im.convert("RGB")


def render_photo(path: Path, target: Path) -> None:
    """Source photo → ``target``/{width}.webp|jpg + manifest (the worker; atomic rename)."""
    with Image.open(path, formats=ACCEPTED_FORMATS) as opened:
        orientation = opened.getexif().get(0x0112, 1)
        stored_w, stored_h = opened.size
        upright_w, upright_h = (
            (stored_h, stored_w) if orientation in SWAPPING_ORIENTATIONS else (stored_w, stored_h)
        )
        scale = min(WIDTHS[-1], upright_w) / upright_w
        # draft() makes the JPEG decoder skip detail we would throw away (DCT scaling):
        # several times faster on phone photos. It must come before any transpose.
        opened.draft("RGB", (math.ceil(stored_w * scale), math.ceil(stored_h * scale)))
        upright = ImageOps.exif_transpose(opened)
        im = _to_srgb(upright)
    # Nothing of the source's metadata travels on: EXIF (GPS, camera, time), XMP, ICC, comments.
    im.info.clear()
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        variants: list[tuple[int, int]] = []
        out = im
        # Largest first, each from the previous one: smaller inputs make every resize cheaper.
        for width in reversed(output_widths(upright_w)):
            height = max(1, round(upright_h * width / upright_w))
            if out.size == (2 * width, 2 * height):
                out = out.reduce(2)  # an exact half (960 → 480): 2×2 averages, 15× cheaper
            elif out.size != (width, height):
                out = out.resize((width, height), Image.Resampling.LANCZOS)
            out.info.clear()
            out.save(temp / f"{width}.webp", "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
            # The largest JPEG is what "tap to enlarge" opens: progressive, so a slow network
            # shows it whole early. The smaller ones only serve browsers without WebP.
            largest = not variants
            out.save(temp / f"{width}.jpg", "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=largest)
            variants.append((width, height))
        variants.reverse()
        (temp / _MANIFEST).write_text(json.dumps({"variants": variants}), encoding="utf-8")
        try:
            os.replace(temp, target)
        except OSError:
            if not (target / _MANIFEST).is_file():  # not another worker winning the race
                raise
    finally:
        shutil.rmtree(temp, ignore_errors=True)


PhotoJob = tuple[str, str]  # (source photo, cache folder to fill)


def _render_job(job: PhotoJob) -> None:
    with strict_decoding():
        render_photo(Path(job[0]), Path(job[1]))


def _planned(source: PhotoSource, folder: Path) -> ProcessedPhoto:
    """The outputs render_photo will write for ``source``: known from its upright size alone."""
    variants = []
    for width in output_widths(source.width):
        height = max(1, round(source.height * width / source.width))
        variants.append(Variant(width, height, folder / f"{width}.webp", folder / f"{width}.jpg"))
    return ProcessedPhoto(folder.name, tuple(variants))


def plan_photos(
    sources: Iterable[PhotoSource], cache_dir: Path
) -> tuple[dict[str, ProcessedPhoto], list[PhotoJob], CacheStats]:
    """Digest → processed photo (from the cache, or as it will be once its job has run), and
    the jobs still to run."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    unique = {s.digest: s for s in sources}
    done: dict[str, ProcessedPhoto] = {}
    jobs: list[PhotoJob] = []
    for digest, source in unique.items():
        folder = cache_dir / cache_key(digest)
        cached = _read_manifest(folder)
        if cached is not None:
            done[digest] = cached
        else:
            if folder.exists():
                shutil.rmtree(folder)  # a partial or outdated entry
            done[digest] = _planned(source, folder)
            jobs.append((str(source.path), str(folder)))
    return done, jobs, CacheStats(made=len(jobs), cached=len(unique) - len(jobs))


def run_photo_job(job: PhotoJob) -> None:
    """Render one photo unless another worker already has (its manifest is there)."""
    if not (Path(job[1]) / _MANIFEST).is_file():
        _render_job(job)


def check_photo_jobs(jobs: Iterable[PhotoJob], planned: Iterable[ProcessedPhoto]) -> None:
    """After the jobs ran: every output is there and as planned (else RuntimeError)."""
    by_folder = {p.key: p for p in planned}
    for _, folder in jobs:
        made = _read_manifest(Path(folder))
        if made is None or made != by_folder.get(Path(folder).name, made):
            raise RuntimeError(f"photo pipeline output differs from its plan in {folder}")


def run_photo_jobs(jobs: Sequence[PhotoJob], workers: int | None = None) -> None:
    """Run photo jobs now, on every core (or ``workers`` processes)."""
    run_all(_render_job, jobs, workers)


def process_photos(
    sources: Iterable[PhotoSource], cache_dir: Path, workers: int | None = None
) -> tuple[dict[str, ProcessedPhoto], CacheStats]:
    """Digest → processed photo. Cached photos are not touched; the rest use every core."""
    done, jobs, stats = plan_photos(sources, cache_dir)
    run_photo_jobs(jobs, workers)
    check_photo_jobs(jobs, done.values())
    return done, stats
