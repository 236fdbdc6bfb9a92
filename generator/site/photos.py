"""Photos of a profile bundle: safety checks when the bundle is loaded, then a Pillow pipeline
(upright, every metadata stripped, resized to responsive widths as WebP plus a JPEG fallback)
behind a content-hash cache, and the ``<picture>`` markup that shows the results.

Nothing here knows MkDocs: outputs are files in the cache with the site path they belong at.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import multiprocessing
import os
import re
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from markupsafe import Markup
from PIL import Image, ImageCms, ImageFile, ImageOps
from slugify import slugify

from .. import messages as msg
from ..records.load import Source, dotted
from ..records.model import Exemplar, Photo
from ..records.problems import Problem
from .staging import process_alive

# Bump when the output of the pipeline changes: every cached photo is then made again.
PIPELINE_VERSION = "2"
WIDTHS = (480, 960, 1600)
WEBP_QUALITY = 80
JPEG_QUALITY = 82
# libwebp effort 0–6: 2 is about 3× faster than the default 4 for a file ~1–2 % larger.
WEBP_METHOD = 2
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
# Published photos of a profile live under its URL: dien-hinh/<slug>/anh/…
OUTPUT_DIR = "anh"
# Pillow's orientation values that swap width and height.
_SWAPPING_ORIENTATIONS = {5, 6, 7, 8}
_MANIFEST = "manifest.json"

# Sizes for the browser to pick a width: the content column, or the whole phone screen.
CONTENT_SIZES = "(min-width: 76.25em) 42rem, (min-width: 60em) 60vw, 100vw"
THUMB_SIZES = "(min-width: 45em) 15rem, 50vw"


# --- checks (load stage) ------------------------------------------------------------------


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
    path = folder / pure
    resolved = path.resolve()
    # resolve() follows symlinks, so a link inside the bundle that points out is caught here.
    if not resolved.is_relative_to(folder.resolve()):
        return msg.PHOTO_OUTSIDE
    if not path.exists():
        return msg.photo_missing(file)
    if not resolved.is_file():
        return msg.PHOTO_NOT_A_FILE.format(file=file)
    return resolved


@contextmanager
def _strict_decoding() -> Iterator[None]:
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
    with warnings.catch_warnings(), _strict_decoding():
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
        except Image.UnidentifiedImageError:
            return msg.PHOTO_NOT_IMAGE.format(file=file)
        except Exception as error:  # noqa: BLE001 - untrusted bytes: any decoder failure is bad input
            return msg.PHOTO_CORRUPT.format(file=file, detail=str(error) or type(error).__name__)
    if orientation in _SWAPPING_ORIENTATIONS:
        width, height = height, width
    return PhotoSource(path, digest, width, height, image_format)


_IMAGE_REF = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def _normal(file: str) -> str:
    return PurePosixPath(file.replace("\\", "/")).as_posix()


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
    problems: list[Problem] = []
    found: list[PhotoSource | None] = []

    def add(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(source.path, source.line_of(loc), dotted(loc), message))

    first_of: dict[str, int] = {}
    first_cover: int | None = None
    for index, photo in enumerate(e.photos):
        loc = ("photos", index, "file")
        key = _normal(photo.file)
        if key in first_of:
            add(loc, msg.PHOTO_DUPLICATE.format(file=photo.file, first=first_of[key]))
        first_of.setdefault(key, index)
        if photo.cover:
            if first_cover is not None:
                add(("photos", index, "cover"), msg.PHOTO_TWO_COVERS.format(first=first_cover))
            else:
                first_cover = index
        where = resolve_in_bundle(folder, photo.file)
        if isinstance(where, str):
            add(loc, where)
            found.append(None)
            continue
        result = inspect_photo(where, photo.file, max_bytes, max_pixels, decoded_before)
        if isinstance(result, str):
            add(loc, result)
            found.append(None)
            continue
        found.append(result)
    for offset, line in enumerate(e.story.splitlines()):
        for _alt, target in _IMAGE_REF.findall(line):
            if _is_local(target) and _normal(target) not in first_of:
                problems.append(
                    Problem(
                        source.path,
                        source.body_line + offset,
                        "story",
                        msg.PHOTO_NOT_DECLARED.format(file=target),
                    )
                )
    return problems, tuple(found)


# --- pipeline (photo stage) --------------------------------------------------------------


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


@dataclass(frozen=True)
class PhotoStats:
    processed: int
    cached: int

    def message(self) -> str:
        return msg.PHOTO_STATS.format(processed=self.processed, cached=self.cached)


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


def _to_srgb(im: Image.Image) -> Image.Image:
    """Pixels converted to sRGB (the web's default), so the ICC profile can be dropped."""
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
            (stored_h, stored_w) if orientation in _SWAPPING_ORIENTATIONS else (stored_w, stored_h)
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


BACKGROUND_NICENESS = 10


def lower_priority() -> None:
    """Make this process yield the CPU to the build (Unix ``nice``; elsewhere nothing)."""
    try:
        os.nice(BACKGROUND_NICENESS)
    except (AttributeError, OSError):
        pass


def _start_worker(build: int, background: bool) -> None:
    """A worker's first step: lower its priority if it works in the background, and watch
    the build process. An idle worker waits on its queue forever, so a build killed outright
    (``kill -9``, the out-of-memory killer) would leave it behind; it leaves once the build
    is gone."""
    if background:
        lower_priority()

    def watch() -> None:
        while process_alive(build):
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="dienhinh-watch-build", daemon=True).start()


def worker_pool(workers: int, background: bool = False) -> ProcessPoolExecutor:
    """Processes for CPU-bound image work. Not forked from the (possibly threaded, under
    ``mkdocs serve``) build process: a clean forkserver where there is one, else spawn.
    ``background`` workers run at a lower priority: they take what the build leaves."""
    start = (os.getpid(), background)
    if "forkserver" not in multiprocessing.get_all_start_methods():
        spawn = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(workers, mp_context=spawn, initializer=_start_worker, initargs=start)
    context = multiprocessing.get_context("forkserver")
    # Workers fork from a server that has already imported Pillow and the pipeline.
    context.set_forkserver_preload(["generator.site.photos", "generator.site.cards"])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=start)


def _render_job(job: tuple[str, str]) -> None:
    with _strict_decoding():
        render_photo(Path(job[0]), Path(job[1]))


PhotoJob = tuple[str, str]  # (source photo, cache folder to fill)


def _planned(source: PhotoSource, folder: Path) -> ProcessedPhoto:
    """The outputs render_photo will write for ``source``: known from its upright size alone."""
    variants = []
    for width in output_widths(source.width):
        height = max(1, round(source.height * width / source.width))
        variants.append(Variant(width, height, folder / f"{width}.webp", folder / f"{width}.jpg"))
    return ProcessedPhoto(folder.name, tuple(variants))


def plan_photos(
    sources: Iterable[PhotoSource], cache_dir: Path
) -> tuple[dict[str, ProcessedPhoto], list[PhotoJob], PhotoStats]:
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
    return done, jobs, PhotoStats(processed=len(jobs), cached=len(unique) - len(jobs))


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
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if workers > 1:
        with worker_pool(workers) as pool:
            list(pool.map(_render_job, jobs))
    else:
        for job in jobs:
            _render_job(job)


def process_photos(
    sources: Iterable[PhotoSource], cache_dir: Path, workers: int | None = None
) -> tuple[dict[str, ProcessedPhoto], PhotoStats]:
    """Digest → processed photo. Cached photos are not touched; the rest use every core."""
    done, jobs, stats = plan_photos(sources, cache_dir)
    run_photo_jobs(jobs, workers)
    check_photo_jobs(jobs, done.values())
    return done, stats


# --- markup -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownPhoto:
    """A declared photo with its processed files, as one profile page shows it."""

    photo: Photo
    processed: ProcessedPhoto
    stem: str

    def name(self, variant: Variant, kind: str) -> str:
        """File name of one output, relative to the profile's folder."""
        return f"{OUTPUT_DIR}/{self.stem}-{variant.width}.{kind}"

    def files(self) -> list[tuple[str, Path]]:
        out = []
        for v in self.processed.variants:
            out += [(self.name(v, "webp"), v.webp), (self.name(v, "jpg"), v.jpeg)]
        return out

    @property
    def print_path(self) -> Path:
        """The largest processed JPEG (stripped like every output), for printed booklets."""
        return self.processed.largest.jpeg

    @property
    def full_href(self) -> str:
        return self.name(self.processed.largest, "jpg")

    def picture(self, *, eager: bool = False, sizes: str = CONTENT_SIZES) -> Markup:
        """``<picture>``: WebP sources, JPEG fallback, explicit size, lazy unless ``eager``."""
        variants = self.processed.variants
        webp = ", ".join(f"{self.name(v, 'webp')} {v.width}w" for v in variants)
        jpeg = ", ".join(f"{self.name(v, 'jpg')} {v.width}w" for v in variants)
        fallback = next((v for v in variants if v.width >= 960), variants[-1])
        largest = variants[-1]
        loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
        return Markup(
            '<picture><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
            '<img src="{src}" srcset="{jpeg}" sizes="{sizes}" width="{w}" height="{h}" alt="{alt}"'
            ' {loading} decoding="async"></picture>'
        ).format(
            webp=webp,
            jpeg=jpeg,
            sizes=sizes,
            src=self.name(fallback, "jpg"),
            w=largest.width,
            h=largest.height,
            alt=self.photo.alt_text,
            loading=Markup(loading),
        )

    def caption(self) -> Markup:
        credit = (
            Markup(' <span class="dh-credit">{}</span>').format(
                msg.PHOTO_CREDIT.format(credit=self.photo.credit)
            )
            if self.photo.credit
            else ""
        )
        return Markup("{}{}").format(self.photo.caption, credit)

    def figure(self, *, eager: bool = False, css: str = "dh-figure") -> Markup:
        return Markup('<figure class="{css}">{picture}<figcaption>{caption}</figcaption></figure>').format(
            css=css, picture=self.picture(eager=eager), caption=self.caption()
        )


@dataclass(frozen=True)
class ProfileMedia:
    """The photos of one profile page: cover, gallery, story figures and files to publish."""

    photos: tuple[ShownPhoto, ...]
    cover: ShownPhoto | None

    def by_file(self) -> dict[str, ShownPhoto]:
        return {_normal(p.photo.file): p for p in self.photos}

    def files(self) -> list[tuple[str, Path]]:
        seen: dict[str, Path] = {}
        for shown in self.photos:
            seen.update(shown.files())
        return sorted(seen.items())

    def story(self, markdown: str) -> str:
        """``![…](anh-1.jpg)`` of a declared photo → its responsive figure (a line of its own)
        or picture (inside text). Other images are left to Markdown."""
        photos = self.by_file()

        def replace(match: re.Match[str]) -> str:
            shown = photos.get(_normal(match.group(2)))
            return str(shown.picture()) if shown is not None else match.group(0)

        lines = []
        for line in markdown.split("\n"):
            whole = _IMAGE_REF.fullmatch(line.strip())
            shown = photos.get(_normal(whole.group(2))) if whole else None
            if shown is not None:
                lines += ["", str(shown.figure()), ""]
            else:
                lines.append(_IMAGE_REF.sub(replace, line))
        return "\n".join(lines)


def profile_media(
    e: Exemplar, sources: Sequence[PhotoSource | None], processed: Mapping[str, ProcessedPhoto]
) -> ProfileMedia:
    """Joins a profile's declared photos with their processed outputs."""
    shown = []
    for photo, source in zip(e.photos, sources, strict=True):
        if source is None:
            continue
        done = processed[source.digest]
        shown.append(ShownPhoto(photo, done, f"{_stem(photo.file)}-{done.key[:8]}"))
    cover = e.cover
    cover_shown = next((s for s in shown if s.photo is cover), None)
    return ProfileMedia(tuple(shown), cover_shown)


def plan_media(
    exemplars: Sequence[Exemplar],
    checked: Mapping[str, Sequence[PhotoSource | None]],
    cache_dir: Path,
) -> tuple[dict[str, ProfileMedia], list[PhotoJob], PhotoStats]:
    """Every profile's media as it will be, and the photo jobs still to run for it (so they
    can run in the background while pages are rendered)."""
    sources = [s for e in exemplars for s in checked.get(e.slug, ()) if s is not None]
    processed, jobs, stats = plan_photos(sources, cache_dir)
    media = {e.slug: profile_media(e, checked[e.slug], processed) for e in exemplars if e.photos}
    return media, jobs, stats


def media_for(
    exemplars: Sequence[Exemplar],
    checked: Mapping[str, Sequence[PhotoSource | None]],
    cache_dir: Path,
    workers: int | None = None,
) -> tuple[dict[str, ProfileMedia], PhotoStats]:
    """The photo stage for these profiles, done now: what is not in the cache is processed,
    then every profile with photos gets its media (``checked`` comes from the catalog's checks)."""
    media, jobs, stats = plan_media(exemplars, checked, cache_dir)
    run_photo_jobs(jobs, workers)
    check_photo_jobs(jobs, (shown.processed for m in media.values() for shown in m.photos))
    return media, stats


def normal_name(file: str) -> str:
    """A photo's name as declared and as written in a story, compared the same way."""
    return _normal(file)


def _stem(file: str) -> str:
    return slugify(PurePosixPath(file.replace("\\", "/")).stem) or "anh"
