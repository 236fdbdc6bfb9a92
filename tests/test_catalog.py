"""The catalog: the whole project loaded and checked in one pass. Problems come sorted by file
and line; only published (and, for individuals, consented) profiles are public; unchanged
profiles come from the cache; parallel and serial reading agree; photos already processed
skip the full decode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from dienhinh.records.catalog import load_catalog
from dienhinh.records.problems import Severity
from dienhinh.records.settings import Settings

from .test_validate import GOOD, write_profile


def test_the_sample_catalog(project: Path) -> None:
    catalog = load_catalog(Settings.from_mkdocs_yml(project / "mkdocs.yml"), today=dt.date(2026, 12, 1))
    assert catalog.ok and catalog.registry is not None
    assert len(catalog.exemplars) == 21 and len(catalog.public) == 19
    hidden = {e.slug for e in catalog.exemplars} - {e.slug for e in catalog.public}
    assert all(not e.is_public for e in catalog.exemplars if e.slug in hidden)
    assert "mo-hinh-homestay-atk-gan-voi-doi-che-xom-ban-moi" in hidden  # the sample's draft
    assert catalog.visits and all(p.severity is Severity.warning for p in catalog.problems)
    keys = [(str(p.file), p.line) for p in catalog.problems]
    assert keys == sorted(keys)


def test_problems_of_every_file_come_together_sorted(project: Path) -> None:
    write_profile(project, "b-loi", GOOD.replace("field: chuyen-doi-so", "field: khong-co"))
    two_mistakes = GOOD.replace("2022-05-01", "2022-02-30").replace("kind: model", "kind: x")
    write_profile(project, "a-loi", two_mistakes)
    catalog = load_catalog(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    assert not catalog.ok
    errors = [p for p in catalog.problems if p.severity is Severity.error]
    assert [p.file.parent.name for p in errors] == ["a-loi", "a-loi", "b-loi"]
    assert [p.line for p in errors[:2]] == sorted(p.line for p in errors[:2])


def test_a_missing_exemplars_folder_is_a_problem(project: Path) -> None:
    settings = Settings.from_options(project, {"exemplars_dir": "khong-co"})
    catalog = load_catalog(settings)
    assert not catalog.ok and catalog.exemplars == ()
    assert any("khong-co" in p.message for p in catalog.problems)


def test_photos_already_processed_skip_the_full_decode(project: Path) -> None:
    with_photo = GOOD.replace("status:", "photos:\n  - {file: cat.jpg, caption: Ảnh}\nstatus:")
    folder = write_profile(project, "mo-hinh-anh", with_photo).parent
    Image.new("RGB", (800, 600), (120, 160, 90)).save(folder / "whole.jpg", quality=90)
    data = (folder / "whole.jpg").read_bytes()
    (folder / "cat.jpg").write_bytes(data[: len(data) - 2000])  # cut: the header is whole
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    cut = [p for p in load_catalog(settings).problems if p.file.parent.name == "mo-hinh-anh"]
    assert [p.field for p in cut] == ["photos[0].file"]
    # The pipeline already decoded these exact bytes without error: only the header is read.
    trusted = load_catalog(settings, decoded_before=lambda digest: True)
    assert [p for p in trusted.problems if p.file.parent.name == "mo-hinh-anh"] == []


def test_cache_reuses_unchanged_profiles_and_sees_edits(project: Path) -> None:
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    path = write_profile(project, "mo-hinh-thu", GOOD)
    first = load_catalog(settings)
    assert (project / ".cache" / "dienhinh" / "profiles.pickle").is_file()
    second = load_catalog(settings)
    assert second.exemplars == first.exemplars and second.problems == first.problems
    path.write_text(GOOD.replace("field: chuyen-doi-so", "field: chuyen-doi"), encoding="utf-8")
    third = load_catalog(settings)
    assert [p.field for p in third.problems if p.file == path] == ["field"]
    # A registry change invalidates every cached profile (codes are checked against it).
    registry = project / "exemplars" / "registry.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("code: chuyen-doi-so", "code: chuyen-doi"),
        encoding="utf-8",
    )
    fourth = load_catalog(settings)
    assert [p.field for p in fourth.problems if p.file == path] == []


def test_parallel_and_serial_reading_agree(project: Path, monkeypatch) -> None:
    import dienhinh.records.catalog as catalog_module

    for i in range(12):
        write_profile(project, f"mo-hinh-{i}", GOOD.replace("Mô hình thử nghiệm", f"Mô hình số {i}"))
    write_profile(project, "mo-hinh-loi", GOOD.replace("2022-05-01", "2022-02-30"))
    settings = Settings.from_options(project, {"cache_dir": ".no-cache"})
    serial = load_catalog(settings)
    (project / ".no-cache" / "profiles.pickle").unlink()
    monkeypatch.setattr(catalog_module, "PARALLEL_FROM", 1)
    parallel = load_catalog(settings)
    assert parallel.exemplars == serial.exemplars and parallel.problems == serial.problems
    assert any(p.field == "registered" for p in parallel.problems)


def test_only_a_process_that_loads_again_holds_the_parsed_profiles(project: Path, monkeypatch) -> None:
    # A build loads the profiles once: their sources (raw data, every value's line) are let
    # go after the checks. The preview server holds them from one save to the next.
    from dienhinh.records import profile_cache

    monkeypatch.setattr(profile_cache, "_HELD", {})
    monkeypatch.setattr(profile_cache, "_HOLDING", [False])
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    write_profile(project, "mo-hinh-thu", GOOD)
    load_catalog(settings)
    load_catalog(settings)
    assert profile_cache._HELD == {}
    profile_cache.hold_between_loads()
    first = load_catalog(settings)
    (held,) = profile_cache._HELD.values()
    assert "mo-hinh-thu" in held[2]
    assert load_catalog(settings).exemplars == first.exemplars
