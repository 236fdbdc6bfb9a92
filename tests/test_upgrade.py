"""A commune made by 0.1 (the whole theme copied into site_templates/) upgrades to the
package's theme: the untouched copies go, the commune's changes stay in overrides/ and build
the very same pages; check says when the tool later changes a file the commune changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dienhinh.records.settings import Settings
from dienhinh.staff import upgrade as up
from dienhinh.theme_files import BASES, LEGACY_MATERIAL, Layer, Theme, digest, package_theme, theme_files

from .sample import ROOT, run_main

FIXTURE = ROOT / "tests" / "fixtures" / "old-commune"
CHANGED = ["material/partials/copyright.html", "pages/home.md.j2"]


@pytest.fixture
def old_commune(tmp_path: Path) -> Path:
    project = tmp_path / "xa-minh-hoa"
    shutil.copytree(FIXTURE, project)
    return project


def site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_an_old_commune_upgrades_and_builds_the_same_pages(old_commune: Path, tmp_path: Path) -> None:
    check = run_main("check", cwd=old_commune)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "mkdocs.yml:43: CẢNH BÁO [plugins.dienhinh.templates_dir]" in check.stdout
    assert "dienhinh upgrade" in check.stdout
    # The same commune over today's theme (its untouched 0.1 copies replaced by today's files):
    # after the upgrade, its pages are these, whatever the theme changed since 0.1.
    today = tmp_path / "today"
    shutil.copytree(FIXTURE, today)
    for name, path in theme_files(Layer(today / "site_templates", LEGACY_MATERIAL)):
        if name not in CHANGED and (package_theme() / name).is_file():
            path.write_bytes((package_theme() / name).read_bytes())
    before = run_main("build", "-d", str(tmp_path / "before"), cwd=today)
    assert before.returncode == 0, before.stdout + before.stderr

    upgrade = run_main("upgrade", cwd=old_commune)
    assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
    assert "Đã nâng cấp: bỏ thư mục site_templates/ (48 tệp" in upgrade.stdout
    for name in CHANGED:
        assert f"overrides/{name} (xã đã sửa)" in upgrade.stdout
    # Only the commune's own files are left: the changed ones, with the versions they came from.
    assert not (old_commune / "site_templates").exists()
    kept = sorted(name for name, _ in theme_files(Layer(old_commune / "overrides")))
    assert kept == CHANGED
    for name in CHANGED:
        assert (old_commune / "overrides" / name).read_bytes() == (FIXTURE / "site_templates" / name.replace(
            "material/", "overrides/"
        )).read_bytes()
    config = (old_commune / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in config and "templates_dir" not in config
    assert "# \"custom\" is Vietnamese" in config  # the commune's comments stay

    after = run_main("build", "-d", str(tmp_path / "after"), cwd=old_commune)
    assert after.returncode == 0, after.stdout + after.stderr
    old, new = site_files(tmp_path / "before"), site_files(tmp_path / "after")
    assert sorted(old) == sorted(new)
    assert [name for name in old if old[name] != new[name]] == []
    home = new["index.html"].decode()
    assert "Văn phòng UBND xã Minh Họa (minh họa)" in home  # the commune's footer
    assert "mẫu đã sửa" in home  # and its home page template

    again = run_main("upgrade", cwd=old_commune)
    assert again.returncode == 0 and "Không có gì phải nâng cấp" in again.stdout
    clean = run_main("check", cwd=old_commune)
    assert "templates_dir" not in clean.stdout
    # What check still says: the commune's changed files whose original the tool changed since.
    shipped = up.legacy_versions()
    since = sorted(n for n in CHANGED if digest((package_theme() / n).read_bytes()) != shipped[n][-1][1])
    stale = sorted(line.split(": ", 1)[0] for line in clean.stdout.splitlines() if "giao diện" in line)
    assert stale == [f"overrides/{name}" for name in since]


def test_check_names_an_override_whose_original_changed_until_it_is_reviewed(old_commune: Path) -> None:
    assert run_main("upgrade", cwd=old_commune).returncode == 0
    bases_file = old_commune / "overrides" / BASES
    bases = json.loads(bases_file.read_text(encoding="utf-8"))
    assert sorted(bases) == CHANGED
    # The commune's theme was the newest 0.1 version: each changed file's base is that version.
    shipped = up.legacy_versions()
    for name in CHANGED:
        assert bases[name] == shipped[name][-1][1]
    # Reviewed against today's theme; then a later version of the tool changes the header the
    # commune changed.
    bases = {name: digest((package_theme() / name).read_bytes()) for name in bases}
    bases["material/partials/copyright.html"] = "0" * 64
    bases_file.write_text(json.dumps(bases), encoding="utf-8")
    check = run_main("check", cwd=old_commune)
    assert check.returncode == 0
    stale = [line for line in check.stdout.splitlines() if "được làm từ một bản cũ" in line]
    assert len(stale) == 1 and stale[0].startswith("overrides/material/partials/copyright.html: CẢNH BÁO")
    listing = run_main("override", cwd=old_commune)
    assert "copyright.html — giao diện của công cụ đã thay đổi" in listing.stdout
    reviewed = run_main("override", "material/partials/copyright.html", cwd=old_commune)
    assert reviewed.returncode == 0 and "đã xem lại" in reviewed.stdout
    assert "được làm từ một bản cũ" not in run_main("check", cwd=old_commune).stdout


def test_override_copies_a_theme_file_and_names_close_ones_for_a_typo(tmp_path: Path) -> None:
    project = tmp_path / "xa"
    shutil.copytree(FIXTURE, project)
    assert run_main("upgrade", cwd=project).returncode == 0
    copied = run_main("override", "overrides\\booklet\\booklet.css", cwd=project)
    assert copied.returncode == 0, copied.stdout + copied.stderr
    css = project / "overrides" / "booklet" / "booklet.css"
    assert css.read_bytes() == (package_theme() / "booklet" / "booklet.css").read_bytes()
    assert "booklet/booklet.css" in json.loads((project / "overrides" / BASES).read_text(encoding="utf-8"))
    typo = run_main("override", "material/partials/heder.html", cwd=project)
    assert typo.returncode == 1
    assert "không có tệp “material/partials/heder.html”" in typo.stdout
    assert "material/partials/header.html" in typo.stdout
    assert "Traceback" not in typo.stdout + typo.stderr


def test_a_dry_run_changes_nothing_and_a_clash_stops_before_any_change(old_commune: Path) -> None:
    files = site_files(old_commune)
    dry = run_main("upgrade", "--dry-run", cwd=old_commune)
    assert dry.returncode == 0 and "Sẽ nâng cấp" in dry.stdout
    assert site_files(old_commune) == files
    clash = old_commune / "overrides" / "pages" / "home.md.j2"
    clash.parent.mkdir(parents=True)
    clash.write_text("một bản khác", encoding="utf-8")
    files = site_files(old_commune)
    refused = run_main("upgrade", cwd=old_commune)
    assert refused.returncode == 1 and "pages/home.md.j2 có cả trong" in refused.stdout
    assert site_files(old_commune) == files


def test_copies_made_on_windows_and_by_any_earlier_version_are_recognised(old_commune: Path) -> None:
    """Every version 0.1 shipped is known, and a copy with CRLF line ends (a checkout on
    Windows) is the tool's, not the commune's. A changed file's base is the version of the
    commune's time, not a later one."""
    versions = up.legacy_versions()
    assert len(versions["booklet/booklet.css"]) > 1  # the history holds every version, not one
    later = max(time for found in versions.values() for time, _ in found) + 100
    for name in ("booklet/booklet.css", "pages/home.md.j2"):
        versions[name] = [*versions[name], (later, "f" * 64)]
    js = old_commune / "site_templates" / "overrides" / "assets" / "dienhinh-search.js"
    js.write_bytes(js.read_bytes().replace(b"\n", b"\r\n"))
    plan = up.plan(Settings.from_mkdocs_yml(old_commune / "mkdocs.yml"), versions)
    assert plan is not None
    assert {"material/assets/dienhinh-search.js", "booklet/booklet.css"} <= set(plan.removed)
    assert sorted(plan.kept) == CHANGED and plan.added == []
    assert plan.bases["pages/home.md.j2"] == versions["pages/home.md.j2"][-2][1] != "f" * 64


def test_the_package_theme_holds_every_file_a_commune_may_override() -> None:
    """The theme a commune builds with is the package's: a commune without overrides
    resolves every template to it, and what 0.1 shipped is all still there or named."""
    theme = Theme.of(ROOT / "no-overrides-here")
    assert theme.find("pages/profile.md.j2") == ROOT / "site_templates" / "pages" / "profile.md.j2"
    shipped = {name for name, _ in theme_files(theme.layers[-1])}
    assert set(up.legacy_versions()) <= shipped


def test_one_command_upgrades_every_commune_of_a_machine(tmp_path: Path) -> None:
    """A province's computer holds many communes: ``upgrade A B C`` does them all; one that is
    not a project is said, the others are upgraded, the exit code says something failed."""
    for name in ("xa-mot", "xa-hai"):
        shutil.copytree(FIXTURE, tmp_path / name)
    result = run_main("upgrade", "xa-mot", "xa-hai", "khong-phai-du-an", cwd=tmp_path)
    assert result.returncode == 1
    assert "Không có tệp mkdocs.yml trong “khong-phai-du-an”" in result.stdout
    assert "1/3 dự án chưa nâng cấp được" in result.stdout
    for name in ("xa-mot", "xa-hai"):
        assert not (tmp_path / name / "site_templates").exists()
        assert (tmp_path / name / "overrides" / "pages" / "home.md.j2").is_file()
    assert "Traceback" not in result.stdout + result.stderr
