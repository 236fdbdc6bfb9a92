"""The photos of each profile page: declared photos joined with their processed files, the
names they are published under, and the story's image references swapped for the figures the
templates draw (the theme's pages/_photos.j2)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from slugify import slugify

from ..records.model import Exemplar, Photo, Use
from ..records.photo_checks import IMAGE_REF, PhotoSource, normal_name
from ..workers import CacheStats
from .photos import PhotoJob, ProcessedPhoto, Variant, check_photo_jobs, plan_photos, run_photo_jobs

# Published photos of a profile live under its URL: dien-hinh/<slug>/anh/…
OUTPUT_DIR = "anh"


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

    @property
    def fallback_href(self) -> str:
        """The JPEG for browsers without ``srcset``: the 960 px one when there is one."""
        variants = self.processed.variants
        return self.name(next((v for v in variants if v.width >= 960), variants[-1]), "jpg")

    def srcset(self, kind: str) -> str:
        return ", ".join(f"{self.name(v, kind)} {v.width}w" for v in self.processed.variants)


Draw = Callable[[ShownPhoto], str]  # a template macro: the photo → its HTML


@dataclass(frozen=True)
class ProfileMedia:
    """The photos of one profile page: cover, gallery, story figures and files to publish."""

    photos: tuple[ShownPhoto, ...]
    cover: ShownPhoto | None
    hidden: frozenset[str] = frozenset()  # photos left out (no consent of the people in them)

    def for_use(self, use: Use) -> ProfileMedia:
        """The photos ``use`` may show: those whose recognisable people consented to it."""
        shown = tuple(p for p in self.photos if p.photo.shown_in(use))
        if len(shown) == len(self.photos):
            return self
        gone = {normal_name(p.photo.file) for p in self.photos if p not in shown}
        cover = self.cover if self.cover in shown else (shown[0] if shown else None)
        return ProfileMedia(shown, cover, self.hidden | gone)

    def by_file(self) -> dict[str, ShownPhoto]:
        return {normal_name(p.photo.file): p for p in self.photos}

    def files(self) -> list[tuple[str, Path]]:
        seen: dict[str, Path] = {}
        for shown in self.photos:
            seen.update(shown.files())
        return sorted(seen.items())

    def story(self, markdown: str, figure: Draw, picture: Draw) -> str:
        """``![…](anh-1.jpg)`` of a declared photo → its responsive ``figure`` (a line of its
        own) or ``picture`` (inside text), as the templates draw them. Other images are left
        to Markdown."""
        photos = self.by_file()

        def replace(match: re.Match[str]) -> str:
            if normal_name(match.group(2)) in self.hidden:
                return ""  # a photo the people in it did not consent to: not even its reference
            shown = photos.get(normal_name(match.group(2)))
            return str(picture(shown)) if shown is not None else match.group(0)

        lines = []
        for line in markdown.split("\n"):
            whole = IMAGE_REF.fullmatch(line.strip())
            shown = photos.get(normal_name(whole.group(2))) if whole else None
            if shown is not None:
                lines += ["", str(figure(shown)), ""]
            elif whole and normal_name(whole.group(2)) in self.hidden:
                continue
            else:
                lines.append(IMAGE_REF.sub(replace, line))
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
    # What the site shows: open data and print take their own share of it (for_use).
    return ProfileMedia(tuple(shown), cover_shown).for_use(Use.website)


def plan_media(
    exemplars: Sequence[Exemplar],
    checked: Mapping[str, Sequence[PhotoSource | None]],
    cache_dir: Path,
) -> tuple[dict[str, ProfileMedia], list[PhotoJob], CacheStats]:
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
) -> tuple[dict[str, ProfileMedia], CacheStats]:
    """The photo stage for these profiles, done now: what is not in the cache is processed,
    then every profile with photos gets its media (``checked`` comes from the catalog's checks)."""
    media, jobs, stats = plan_media(exemplars, checked, cache_dir)
    run_photo_jobs(jobs, workers)
    check_photo_jobs(jobs, (shown.processed for m in media.values() for shown in m.photos))
    return media, stats


def _stem(file: str) -> str:
    return slugify(PurePosixPath(file.replace("\\", "/")).stem) or "anh"
