"""Photo stage, cold (empty cache) against warm (nothing changed): photos per second.

    .venv/bin/python benchmarks/photos.py [--count 24] [--workers N]

Makes ``count`` phone-sized photos (4032×3024 JPEG with GPS; half of them with orientation 6,
i.e. portrait), then times the
checks every build runs (``inspect_photo``) and the pipeline (``process_photos``) twice on the
same cache. Figures are printed side by side; benchmarks/RESULTS.md records them.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, JpegImagePlugin

from dienhinh.records.photo_checks import PhotoSource, inspect_photo
from dienhinh.site.photos import in_cache, process_photos, render_photo

SIZE = (4032, 3024)


def make_photo(path: Path, seed: int) -> None:
    """A 12 MP phone-like JPEG: smooth scene plus sensor-like noise (so it compresses like one)."""
    im = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    draw = ImageDraw.Draw(im)
    for i in range(12):
        x, y = (seed * 337 + i * 911) % SIZE[0], (seed * 151 + i * 577) % SIZE[1]
        draw.ellipse((x, y, x + 900, y + 600), fill=((seed * 40 + i * 20) % 256, 140, (i * 30) % 256))
    noise = Image.effect_noise(SIZE, 24).convert("RGB")
    im = Image.blend(im, noise, 0.25)
    exif = Image.Exif()
    exif[0x0112] = 6 if seed % 2 == 0 else 1  # half taken upright (portrait), half landscape
    exif[0x8825] = {1: "N", 2: (21.0, 50.0, 12.5), 3: "E", 4: (105.0, 38.0, 1.0)}
    im.save(path, "JPEG", quality=90, exif=exif)


def draft_effect(photo: Path, root: Path) -> tuple[float, float]:
    """One landscape photo on one core, best of three: with ``draft()`` and with it disabled."""

    def best(tag: str) -> float:
        times = []
        for attempt in range(3):
            start = time.perf_counter()
            render_photo(photo, root / f"draft-{tag}-{attempt}")
            times.append(time.perf_counter() - start)
        return min(times)

    with_draft = best("on")
    original = JpegImagePlugin.JpegImageFile.draft
    JpegImagePlugin.JpegImageFile.draft = lambda self, mode, size: None  # type: ignore[assignment,method-assign]
    try:
        without = best("off")
    finally:
        JpegImagePlugin.JpegImageFile.draft = original  # type: ignore[method-assign]
    return with_draft, without


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        paths = []
        for index in range(args.count):
            path = root / f"anh-{index}.jpg"
            make_photo(path, index)
            paths.append(path)
        size_mb = sum(p.stat().st_size for p in paths) / 2**20

        start = time.perf_counter()
        sources = []
        for path in paths:
            checked = inspect_photo(path, path.name, 15 * 2**20, 50_000_000)
            assert isinstance(checked, PhotoSource), checked
            sources.append(checked)
        check_s = time.perf_counter() - start

        cache = root / "cache"
        start = time.perf_counter()
        _, cold_stats = process_photos(sources, cache, workers=args.workers)
        cold_s = time.perf_counter() - start
        start = time.perf_counter()
        for path in paths:  # what the next build's checks do: the decode is skipped for cached bytes
            assert isinstance(
                inspect_photo(path, path.name, 15 * 2**20, 50_000_000, in_cache(cache)), PhotoSource
            )
        check_warm_s = time.perf_counter() - start
        start = time.perf_counter()
        _, warm_stats = process_photos(sources, cache, workers=args.workers)
        warm_s = time.perf_counter() - start
        assert (cold_stats.made, warm_stats.made) == (args.count, 0)

        n = args.count
        print(
            f"{n} photos 4032×3024 JPEG ({size_mb:.1f} MB), {args.workers} worker(s), {os.cpu_count()} cores"
        )
        print(f"checks cold:          {check_s:7.2f} s  {n / check_s:8.1f} photos/s (+ 1/8 decode)")
        print(
            f"checks warm:          {check_warm_s:7.2f} s  {n / check_warm_s:8.1f} photos/s (hash + header)"
        )
        for label, seconds, stats in (("cold", cold_s, cold_stats), ("warm", warm_s, warm_stats)):
            print(
                f"pipeline {label}:        {seconds:7.3f} s  {n / seconds:8.1f} photos/s"
                f"  ({stats.made} made, {stats.cached} cached)"
            )
        print(f"pipeline warm / cold speed-up: {cold_s / warm_s:.0f}×")
        cold_all, warm_all = check_s + cold_s, check_warm_s + warm_s
        print(
            f"photo work per build, checks included: cold {cold_all:.2f} s, warm {warm_all:.2f} s"
            f" ({cold_all / warm_all:.0f}× faster)"
        )
        on, off = draft_effect(paths[1], root)
        print(f"one landscape photo, one core: draft() {on:.2f} s, without {off:.2f} s ({off / on:.1f}×)")


if __name__ == "__main__":
    main()
