"""What ``dienhinh publish`` sends when one profile changes, on the 1,000-profile synthetic
site (benchmarks/synthetic.py), to a real OpenSSH server on this machine (started here, as the
tests start it): bytes sent as a share of the whole site (goal: ≤ 2 %).

    .venv/bin/python benchmarks/publish.py                 # 1,000 profiles, ≈ 6 min on 2 cores
    .venv/bin/python benchmarks/publish.py --profiles 300 --keep /tmp/pub --compression

Three changes, each built with `dienhinh build` and published after the one before:
  story    a sentence added to one profile's story (the profile's page and search index)
  summary  its one-line summary rewritten (also shown on listing pages and related profiles)
  nothing  the same sources built again (a build must change nothing)
With --compression it also measures whether pre-compressed copies (nginx gzip_static) would
pay: the site's compressible files at nginx's on-the-fly level 6 against zopfli, and the time.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import make_project  # noqa: E402

from dienhinh.publish import ssh  # noqa: E402
from dienhinh.publish.manifest import Manifest, Outcome, plan, scan  # noqa: E402
from dienhinh.records.settings import SshTarget  # noqa: E402
from tests.sample import build_site  # noqa: E402
from tests.servers import shared_folder, ssh_server  # noqa: E402

COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".xml", ".json"}
SITE_URL = "https://dienhinh.diemmac.vn/"


def change_story(project: Path, slug: str) -> None:
    story = project / "exemplars" / slug / "index.md"
    text = story.read_text(encoding="utf-8")
    marker = "## Kết quả\n"
    assert marker in text, story
    story.write_text(text.replace(marker, marker + "\nNăm nay có thêm ba hộ làm theo.\n", 1), "utf-8")


def change_summary(project: Path, slug: str) -> None:
    story = project / "exemplars" / slug / "index.md"
    lines = story.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    lines[index] = "summary: Tóm tắt đã sửa sau đợt đánh giá cuối năm, nêu rõ kết quả.\n"
    story.write_text("".join(lines), encoding="utf-8")


def compression(site: Path) -> dict[str, float]:
    import zopfli.gzip

    files = [p for p in site.rglob("*") if p.suffix in COMPRESSIBLE and p.is_file()]
    raw = level6 = best = 0
    started = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        raw += len(data)
        level6 += len(gzip.compress(data, 6))
    gzip_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for path in files:
        best += len(zopfli.gzip.compress(path.read_bytes()))
    return {
        "files": len(files),
        "raw": raw,
        "gzip6": level6,
        "zopfli": best,
        "gzip_s": gzip_seconds,
        "zopfli_s": time.perf_counter() - started,
    }


def kinds(before: Manifest | None, after: Manifest) -> str:
    """The files a publish sends, by kind: pages, search index, other."""
    sent = plan(before, after).send
    pages = sum(1 for name in sent if name.endswith(".html"))
    search = sum(1 for name in sent if name.startswith("pagefind/"))
    return f"{pages} / {search} / {len(sent) - pages - search}"


def row(name: str, outcome: Outcome, seconds: float, sent_kinds: str) -> str:
    share = outcome.sent_bytes / outcome.site_bytes
    return (
        f"| {name} | {outcome.sent} ({sent_kinds}) | {outcome.sent_bytes / 1024:,.1f} KB | {share:.2%} |"
        f" {outcome.kept:,} | {seconds:.1f} s |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Đo dung lượng gửi khi đưa trang lên sau khi sửa một hồ sơ.")
    parser.add_argument("--profiles", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="thư mục làm việc giữ lại (mặc định: thư mục tạm)")
    parser.add_argument("--compression", action="store_true", help="đo thêm nén trước bằng zopfli (≈ 4 phút)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="dienhinh-publish-bench-"))
    project = work / "project"
    if project.exists():
        shutil.rmtree(project)
    make_project(project, args.profiles)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("https://dienhinh.example.vn/", SITE_URL), encoding="utf-8"
    )
    # A profile without a photo, in the middle of the list.
    slug = f"dien-hinh-tong-hop-{args.profiles // 2 + 1:05d}"
    site = project / "site"
    rows = []
    with shared_folder() as base, ssh_server(base / "sshd") as server:
        target = SshTarget(
            host="127.0.0.1",
            port=server.port,
            user=server.user,
            path=str(base / "srv"),
            key=str(server.key),
            known_hosts=str(server.known_hosts),
        )

        def publish() -> tuple[Outcome, float]:
            started = time.perf_counter()
            outcome = ssh.publish(site, target, keep=5, root=project)
            return outcome, time.perf_counter() - started

        seconds = build_site(site, project)
        print(f"build of {args.profiles} profiles: {seconds:.1f} s", flush=True)
        manifest = scan(site)
        first, took = publish()
        rows.append(row("first publish (everything)", first, took, kinds(None, manifest)))
        for name, change in (
            ("story: a sentence added", change_story),
            ("summary rewritten", change_summary),
            ("nothing changed, built again", None),
        ):
            if change is not None:
                change(project, slug)
            build_site(site, project)
            before, manifest = manifest, scan(site)
            outcome, took = publish()
            rows.append(row(name, outcome, took, kinds(before, manifest)))
    print(
        f"\n{args.profiles} profiles: {len(manifest.files):,} files, {manifest.size / 2**20:.1f} MB;"
        f" the manifest sent with each publish: {len(manifest.to_bytes()) / 1024:.1f} KB\n"
    )
    print(
        "| publish | files sent (pages / search index / other) | bytes sent (with the manifest)"
        " | share of the site | files kept | time |"
    )
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    if args.compression:
        print_compression(site)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def print_compression(site: Path) -> None:
    c = compression(site)
    print(
        f"\ncompressible files: {c['files']:,}, {c['raw'] / 2**20:.1f} MB;"
        f" gzip level 6 (nginx on the fly): {c['gzip6'] / 2**20:.2f} MB in {c['gzip_s']:.1f} s;"
        f" zopfli (gzip_static): {c['zopfli'] / 2**20:.2f} MB ({1 - c['zopfli'] / c['gzip6']:.1%} smaller)"
        f" in {c['zopfli_s']:.1f} s"
    )


if __name__ == "__main__":
    main()
