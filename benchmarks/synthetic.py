"""N synthetic, valid exemplar profiles in a copy of the sample project, for benchmarks.

    python benchmarks/synthetic.py 10000 /tmp/big      # → /tmp/big/{mkdocs.yml,exemplars,…}

The project is the sample one (registry, content, templates, mkdocs.yml) with the sample
profiles replaced by N generated ones: every code comes from the registry; stories and
summaries are sentences of the sample profiles, reshuffled per section, so the words keep the
frequencies of real Vietnamese writing (uniformly random syllables would put every word on
every page, which no real text does, and make each search index chunk huge). Names mix
random syllables with the hamlet's name. Deterministic for a given seed. Reusable:
``make_project(target, n)`` from other benchmarks.

A province publishes many communes at once: the registry copy gets the hamlets of
``EXTRA_COMMUNES`` more (synthetic) communes, and one profile in ``PHOTO_EVERY`` has a photo
(a distinct 1600×1200 JPEG, as a phone shares it), so photo processing and its cache are in
the measurements too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import re  # noqa: E402
from dataclasses import dataclass  # noqa: E402

from dienhinh import clock  # noqa: E402
from dienhinh.records.catalog import load_catalog  # noqa: E402
from dienhinh.records.load import load_registry  # noqa: E402
from dienhinh.records.model import Registry  # noqa: E402
from dienhinh.records.settings import Settings  # noqa: E402

PROJECT_PARTS = ("mkdocs.yml", "content")
EXTRA_COMMUNES = 4
HAMLETS_PER_COMMUNE = 10
PHOTO_EVERY = 20
PHOTO_SIZE = (1600, 1200)

SYLLABLES = (
    "an bình bản bê bền bếp bò buổi cá cách cải cán cây cấp chè chi chín chung chuyển có công cơ cứu "
    "dân dẫn dịch dụng duy đảng đạo đất đầu đèn đi điểm điện điều định đoàn đồi đổi đội đông đồng đơn "
    "đúng được đường gà gắn gia giao giáo giảm gieo giống góp gương hay hàng hè hiến hiệu hình hỗ hộ "
    "học hội hợp huyện hướng ích kế khám khen khoa khuyến kinh kỹ làm lãi lành lao lên lịch liên lĩnh "
    "lợi lúa lực mạng mẫu mặt mới mô một mùa nam năm nâng nghèo nghề nghiệp ngô người nhà nhân nhiều "
    "nhóm nông nước phát phong phòng phú phụ quản quân quốc quỹ rau rừng sạch sáng sản sinh số sông "
    "sức tài tâm tập tế thi thiện thôn thu thủ thức tích tiên tiến tiết tiêu tín tình trà trại trạm "
    "trẻ trồng trung trường truyền tuyến tự văn vận việc viên vốn vùng vườn xã xanh xây xóm xuất y"
).split()


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(SYLLABLES) for _ in range(count))


def _sentence(rng: random.Random, count: int) -> str:
    text = _words(rng, count)
    return text[0].upper() + text[1:] + "."


@dataclass(frozen=True)
class Pool:
    """Sentences of the sample profiles: summaries, and story sentences by section title."""

    summaries: tuple[str, ...]
    sections: dict[str, tuple[str, ...]]


def _usable(sentence: str) -> bool:
    """Long enough, and nothing the privacy checks would flag out of its profile (a public
    phone number is allowed only where that profile lists it in public_contacts)."""
    return len(sentence.strip()) > 20 and len(re.findall(r"\d", sentence)) < 7 and "@" not in sentence


def sample_pools() -> dict[str, Pool]:
    """One pool per field (from the sample profiles of that field) and one of everything ("").

    Drawing a profile's text from profiles of its own field keeps topic words where they
    belong (tea in farming stories, not in every page), as in real writing."""
    catalog = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    sections: dict[str, dict[str, list[str]]] = {}
    summaries: dict[str, list[str]] = {}
    for e in catalog.exemplars:
        for key in (e.field, ""):
            summaries.setdefault(key, []).append(" ".join(e.summary.split()))
        for block in re.split(r"^## ", e.story, flags=re.MULTILINE)[1:]:
            title, _, body = block.partition("\n")
            text = " ".join(line.lstrip("-0123456789. ").strip() for line in body.splitlines())
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links would point at sample slugs
            sentences = [s.strip() for s in re.split(r"(?<=[.;!?])\s+", text) if _usable(s)]
            for key in (e.field, ""):
                sections.setdefault(key, {}).setdefault(title.strip(), []).extend(sentences)
    return {
        key: Pool(tuple(summaries[key]), {k: tuple(v) for k, v in sections.get(key, {}).items() if v})
        for key in summaries
    }


def _story(rng: random.Random, pool: Pool) -> str:
    parts = []
    # 2–4 sentences a section: about 250 words a story, as the nomination guide asks (120–300).
    for title in ("Cách làm", "Kết quả", "Bài học kinh nghiệm"):
        sentences = pool.sections.get(title) or (_sentence(rng, 12),)
        body = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 4)))
        parts.append(f"## {title}\n\n{body}\n")
    return "\n".join(parts)


def profile_text(registry: Registry, index: int, rng: random.Random, pools: dict[str, Pool]) -> str:
    """One valid profile (front matter + story) using only the registry's codes."""
    field = rng.choice(registry.fields)
    pool = pools.get(field.code) or pools[""]
    results = pool.sections.get("Kết quả") or pool.summaries
    hamlet = rng.choice(registry.hamlets)
    organization = rng.choice(registry.organizations) if registry.organizations else None
    start = dt.date(registry.plan_periods[0].first, 1, 10)
    registered = start + dt.timedelta(days=rng.randint(0, 900))
    criteria = [c.id for c in field.criteria[: rng.randint(1, len(field.criteria))]]
    result_codes = [r.code for r in registry.evaluation_results]
    figure_codes = [f.code for f in registry.figures]
    evaluations = []
    for year in range(registered.year, min(registered.year + 3, clock.today().year) + 1):
        figures = {code: rng.randint(5, 500) for code in rng.sample(figure_codes, min(2, len(figure_codes)))}
        figure_text = ", ".join(f"{k}: {v}" for k, v in figures.items())
        evaluations.append(
            f"  - year: {year}\n    result: {rng.choice(result_codes)}\n"
            f"    notes: {json.dumps(rng.choice(results), ensure_ascii=False)}\n"
            f"    figures: {{{figure_text}}}"
        )
    place = f" {hamlet.name.lower()}" if rng.random() < 0.5 else ""
    name = f"{_words(rng, 3).capitalize()}{place} số {index}"
    lines = [
        "---",
        "# DỮ LIỆU TỔNG HỢP cho đo hiệu năng — không phải điển hình có thật.",
        f'name: "{name}"',
        f"kind: {rng.choice(['collective', 'model'])}",
        f"field: {field.code}",
        f"hamlet: {hamlet.code}",
        *([f"organization: {organization.code}"] if organization else []),
        f"registered: {registered.isoformat()}",
        f"summary: {json.dumps(rng.choice(pool.summaries), ensure_ascii=False)}",
        f"criteria: [{', '.join(criteria)}]",
        f"featured: {'true' if index % 500 == 0 else 'false'}",
        "status: published",
        "evaluations:",
        *evaluations,
        "replications:",
        f"  - hamlet: {rng.choice(registry.hamlets).code}",
        f"    year: {registered.year}",
        f"    units: {rng.randint(1, 30)}",
        "---",
        "",
        _story(rng, pool),
    ]
    return "\n".join(lines)


def synthetic_hamlets(rng: random.Random) -> list[str]:
    """Registry lines for the hamlets of EXTRA_COMMUNES synthetic communes."""
    lines = []
    for commune in range(2, EXTRA_COMMUNES + 2):
        for hamlet in range(1, HAMLETS_PER_COMMUNE + 1):
            name = " ".join(rng.choice(SYLLABLES) for _ in range(2)).title()
            lines.append(f"  - {{code: xa{commune}-xom{hamlet}, name: Xóm {name} (xã Tổng Hợp {commune})}}")
    return lines


def write_photo(path: Path, rng: random.Random) -> None:
    """A distinct photo-like JPEG: colour gradients and shapes, no two alike."""
    from PIL import Image, ImageDraw

    width, height = PHOTO_SIZE
    top, bottom = [tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(2)]
    image = Image.linear_gradient("L").resize(PHOTO_SIZE)
    image = Image.composite(Image.new("RGB", PHOTO_SIZE, top), Image.new("RGB", PHOTO_SIZE, bottom), image)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randint(40, 300)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randint(0, 255) for _ in range(3)))
    image.save(path, "JPEG", quality=85)


def make_project(target: Path, count: int, seed: int = 4) -> Path:
    """A copy of the sample project at ``target`` whose exemplars are ``count`` synthetic ones."""
    registry_path = ROOT / "exemplars" / "registry.yml"
    registry, _, problems = load_registry(registry_path)
    if registry is None:
        raise SystemExit("\n".join(p.message for p in problems))
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target / part)
    exemplars = target / "exemplars"
    if exemplars.exists():
        shutil.rmtree(exemplars)
    exemplars.mkdir()
    rng = random.Random(seed)
    text = registry_path.read_text(encoding="utf-8")
    text = text.replace("\nhamlets:\n", "\nhamlets:\n" + "\n".join(synthetic_hamlets(rng)) + "\n", 1)
    (exemplars / "registry.yml").write_text(text, encoding="utf-8")
    registry, _, problems = load_registry(exemplars / "registry.yml")
    if registry is None:
        raise SystemExit("\n".join(p.message for p in problems))
    pools = sample_pools()
    for index in range(1, count + 1):
        folder = exemplars / f"dien-hinh-tong-hop-{index:05d}"
        folder.mkdir()
        profile = profile_text(registry, index, rng, pools)
        if index % PHOTO_EVERY == 0:
            write_photo(folder / "anh.jpg", rng)
            photo = (
                "photos:\n  - file: anh.jpg\n    caption: Ảnh tổng hợp cho đo hiệu năng.\n"
                "    alt: Những mảng màu và hình tròn (ảnh tổng hợp).\n    cover: true\n---\n"
            )
            profile = profile.replace("\n---\n", "\n" + photo, 1)
        (folder / "index.md").write_text(profile, encoding="utf-8")
    return target


def commune_code(index: int) -> str:
    return f"xa-tong-hop-{index:03d}"


def make_commune_site(target: Path, work: Path, index: int, count: int, photo_cache: Path) -> Path:
    """What a commune's site publishes for the province, without building its pages: the
    open data of ``count`` synthetic profiles (du-lieu/) and their processed photos, where
    the commune's site would have them. The province gathers nothing else."""
    from dienhinh.opendata.export import site_files
    from dienhinh.site.media import media_for

    code = commune_code(index)
    project = make_project(work / code, count, seed=1000 + index)
    registry_file = project / "exemplars" / "registry.yml"
    text = registry_file.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  name: .*$", f"  name: xã Tổng Hợp {index}", text, count=1)
    registry_file.write_text(text, encoding="utf-8")
    catalog = load_catalog(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    if not catalog.ok or catalog.registry is None:
        raise SystemExit("\n".join(p.format() for p in catalog.problems[:5]))
    media, _ = media_for(catalog.public, catalog.photos, photo_cache)
    site = target / code
    files = site_files(catalog.registry, catalog.public, media, f"https://{code}.example.vn/", code)
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    for slug, shown in media.items():
        for name, path in shown.files():
            if name.endswith(".jpg"):
                out = site / "dien-hinh" / slug / name
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, out)
    shutil.rmtree(project)
    return site


def make_federation(target: Path, communes: int, count: int) -> list[Path]:
    """``communes`` commune sites of ``count`` profiles each under ``target`` (reused when
    already made: the federation of 10 is the first 10 of the federation of 100)."""
    sites = []
    work = target.parent / f".{target.name}-projects"
    for index in range(1, communes + 1):
        site = target / commune_code(index)
        if not (site / "du-lieu" / "dien-hinh.json").is_file():
            site = make_commune_site(target, work, index, count, target.parent / f".{target.name}-photos")
        sites.append(site)
    shutil.rmtree(work, ignore_errors=True)
    return sites


def main() -> None:
    parser = argparse.ArgumentParser(description="Tạo dự án mẫu với N hồ sơ tổng hợp (để đo hiệu năng).")
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument(
        "--communes", type=int, help="tạo dữ liệu mở của ngần này xã, mỗi xã COUNT hồ sơ (đo dienhinh gather)"
    )
    args = parser.parse_args()
    if args.communes:
        make_federation(args.target, args.communes, args.count)
        print(f"Đã tạo dữ liệu mở của {args.communes} xã × {args.count} hồ sơ trong {args.target}")
        return
    make_project(args.target, args.count, args.seed)
    print(f"Đã tạo {args.count} hồ sơ tổng hợp trong {args.target}")


if __name__ == "__main__":
    main()
