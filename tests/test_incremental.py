"""Rebuilds of what changed only (plugin.Rebuilds): after any sequence of saves (edits,
renames, deletions, status changes, a hand-written page, the registry, a mistake saved then
corrected), the site rebuilt in place equals, byte for byte, a full build of the same files
into an empty folder; and a save renders only the pages it changed. Both kinds run in this
process: the preview server's (as ``mkdocs serve`` runs them: dirty builds, one plugin kept
from build to build) and ``dienhinh build``'s (from a copy of the site the last build
wrote)."""

from __future__ import annotations

import filecmp
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from dienhinh.site.previous_build import STATE_FILE

from .sample import copy_project, run_main

# Whole sites built in this process; the property test builds dozens (long: scheduled first).
pytestmark = pytest.mark.e2e(weight=30)

URL = "http://127.0.0.1:8000/"
# Profiles no visit and no other profile names: they may be renamed or deleted.
FREE = [
    "chi-hoi-cuu-chien-binh-xom-dong-tam",
    "mo-hinh-homestay-atk-gan-voi-doi-che-xom-ban-moi",  # a draft, with photos
    "ong-ma-van-a-minh-hoa",  # a person
]


def preview_build(project: Path, site: Path, fresh: bool = False, broken: bool = False) -> Any:
    """One build of the preview server; ``fresh``: a new server (nothing remembered);
    ``broken``: a profile has a mistake (the last good records are shown, with it)."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.site_url = URL
    plugin = config.plugins["dienhinh"]
    if fresh:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url=URL, dirty=True)
    plugin.rebuilds.wait()  # the search index and booklets, made after the page is served
    assert bool(config.extra["dienhinh_problems"]) is broken
    return plugin


def site_build(project: Path, site: Path, fresh: bool = False, broken: bool = False) -> Any:
    """``dienhinh build -d site``; ``fresh``: without what the last build left; ``broken``:
    a profile has a mistake (the build stops, the site stays)."""
    if fresh:
        (project / ".cache" / "dienhinh" / STATE_FILE).unlink(missing_ok=True)
    result = run_main("build", "-d", str(site), cwd=project)
    if broken:
        assert result.returncode == 1 and "LỖI" in result.stderr
        return None
    assert result.returncode == 0, result.stderr
    plugin = load_config(str(project / "mkdocs.yml")).plugins["dienhinh"]
    assert plugin.rebuilds is not None and plugin.rebuilds.reuse is not fresh
    return plugin


@pytest.fixture(autouse=True)
def back_to_build_mode() -> Iterator[None]:
    """MkDocs keeps one plugin per process: later tests here get it as ``build`` made it."""
    yield
    config = load_config(str(Path(__file__).parent.parent / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)


def differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], where: str) -> None:
        found.extend(f"only in the rebuilt site: {where}{name}" for name in compared.left_only)
        found.extend(f"only in the full build: {where}{name}" for name in compared.right_only)
        found.extend(f"differs: {where}{name}" for name in compared.diff_files)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{where}{name}/")

    filecmp.clear_cache()
    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return found


def profile(project: Path, slug: str) -> Path:
    return project / "exemplars" / slug / "index.md"


def edit_summary(project: Path, slug: str, words: str) -> None:
    path = profile(project, slug)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"summary: >-\n(  .*\n)+", f"summary: >-\n  {words}\n", text, count=1), "utf-8")


def edit_story(project: Path, slug: str, words: str) -> None:
    path = profile(project, slug)
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n{words}\n", encoding="utf-8")


def toggle_status(project: Path, slug: str) -> None:
    path = profile(project, slug)
    text = path.read_text(encoding="utf-8")
    if "status: published" in text:
        text = text.replace("status: published", "status: draft", 1)
    else:
        text = text.replace("status: draft", "status: published", 1)
    path.write_text(text, encoding="utf-8")


def rename(project: Path, slug: str, new: str, alias: bool) -> None:
    folder = project / "exemplars" / slug
    text = profile(project, slug).read_text(encoding="utf-8")
    if alias and "\naliases:" not in text:
        text = text.replace("\nstatus:", f"\naliases:\n  - {slug}\nstatus:", 1)
        profile(project, slug).write_text(text, encoding="utf-8")
    folder.rename(project / "exemplars" / new)


def edit_page(project: Path, words: str) -> None:
    page = project / "content" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{words}\n", encoding="utf-8")


def edit_commune(project: Path, words: str) -> None:
    registry = project / "exemplars" / "registry.yml"
    text = registry.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  purpose: >-\n(    .*\n)+", f"  purpose: >-\n    {words}\n", text, count=1)
    registry.write_text(text, encoding="utf-8")


WORDS = st.sampled_from(["Sản lượng tăng gấp đôi.", "Đường làng sạch đẹp.", "Bà con học theo."])
# Each kind of save, with its arguments.
KINDS = {
    "summary": st.tuples(st.just("summary"), st.integers(0, 2), WORDS),
    "story": st.tuples(st.just("story"), st.integers(0, 2), WORDS),
    "status": st.tuples(st.just("status"), st.integers(0, 2)),
    "rename": st.tuples(st.just("rename"), st.integers(0, 2), st.booleans()),
    "delete": st.tuples(st.just("delete"), st.integers(0, 2)),
    "page": st.tuples(st.just("page"), WORDS),
    "commune": st.tuples(st.just("commune"), WORDS),
    "mistake": st.tuples(st.just("mistake"), st.integers(0, 2)),  # saved, then corrected
}


def apply(project: Path, alive: list[str], save: tuple[Any, ...]) -> None:
    kind = save[0]
    if kind == "page":
        edit_page(project, save[1])
        return
    if kind == "commune":
        edit_commune(project, save[1])
        return
    if kind == "mistake":  # made and corrected by the test itself
        return
    if not alive:
        return
    slug = alive[save[1] % len(alive)]
    if kind == "summary":
        edit_summary(project, slug, save[2])
    elif kind == "story":
        edit_story(project, slug, save[2])
    elif kind == "status":
        toggle_status(project, slug)
    elif kind == "rename":
        new = f"{slug[:40]}-moi"
        rename(project, slug, new, alias=save[2])
        alive[alive.index(slug)] = new
    elif kind == "delete":
        shutil.rmtree(project / "exemplars" / slug)
        alive.remove(slug)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("incremental") / "project", media_cache=True)
    assert all(profile(project, slug).is_file() for slug in FREE)
    return project


@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.parametrize("kind", ["preview", "build"])
@given(data=st.data())
def test_rebuilt_in_place_equals_a_full_build(
    kind: str, data: st.DataObject, pristine: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every kind of save once, in any order, then a few more of any kind."""
    rebuild = preview_build if kind == "preview" else site_build
    order = data.draw(st.permutations(list(KINDS)))
    saves = [data.draw(KINDS[kind]) for kind in order]
    saves += data.draw(st.lists(st.one_of(*KINDS.values()), max_size=2))
    work = tmp_path_factory.mktemp("saves")
    project = work / "project"
    shutil.copytree(pristine, project, symlinks=True)
    rebuilt = work / "rebuilt"
    rebuild(project, rebuilt, fresh=True)
    alive = list(FREE)
    for save in saves:
        if save[0] == "mistake" and alive:
            path = profile(project, alive[save[1] % len(alive)])
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\nstatus:", "\nstatus: [", 1), encoding="utf-8")
            rebuild(project, rebuilt, broken=True)
            path.write_text(text, encoding="utf-8")
        apply(project, alive, save)
        rebuild(project, rebuilt)
    full = work / "full"
    rebuild(project, full, fresh=True)
    assert differences(rebuilt, full) == [], saves


def test_a_save_renders_only_what_it_changed(pristine: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(pristine, project, symlinks=True)
    site = tmp_path / "site"
    plugin = preview_build(project, site, fresh=True)
    everything = plugin.rebuilds.memo.rendered
    pages = len(plugin.rebuilds.read)
    profile_page = site / "dien-hinh" / FREE[0] / "index.html"
    written = {path: path.stat().st_mtime_ns for path in site.rglob("*.html")}
    edit_summary(project, FREE[0], "Một câu tóm tắt mới.")
    plugin = preview_build(project, site)
    assert "Một câu tóm tắt mới." in profile_page.read_text(encoding="utf-8")
    # The profile and the listings that show its card; not every page.
    assert 0 < plugin.rebuilds.memo.rendered < everything / 2
    assert len(plugin.rebuilds.read) < pages / 2
    again = [path for path, stamp in written.items() if path.stat().st_mtime_ns != stamp]
    assert profile_page in again and len(again) < len(written) / 2
    # Nothing saved: no page rendered again (the menu's pages are read, not rendered anew).
    plugin = preview_build(project, site)
    assert plugin.rebuilds.memo.rendered == 0


def test_a_site_changed_by_hand_is_built_from_nothing(pristine: Path, tmp_path: Path) -> None:
    """Only a site exactly as the last build wrote it is a starting point: a page edited by
    hand in the published folder is not kept, the whole site is built again."""
    project = tmp_path / "project"
    shutil.copytree(pristine, project, symlinks=True)
    site = tmp_path / "site"
    site_build(project, site, fresh=True)
    home = site / "index.html"
    built = home.read_bytes()
    home.write_text("sửa tay", encoding="utf-8")
    result = run_main("build", "-d", str(site), cwd=project)
    assert result.returncode == 0, result.stderr
    assert not load_config(str(project / "mkdocs.yml")).plugins["dienhinh"].rebuilds.reuse
    assert home.read_bytes() == built
    site_build(project, site)  # and the next build starts from this one again
