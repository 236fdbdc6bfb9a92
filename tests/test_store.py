"""The one checked writer: a profile is written only when ``check`` would accept the project
after it (a draft as a draft), whole, and never over a file other than the one read."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path
from typing import Any

import pytest

from dienhinh import files
from dienhinh.intake.drafts import draft_front_matter, story_template
from dienhinh.records import store
from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings

TODAY = dt.date(2026, 6, 1)


def settings_of(project: Path) -> Settings:
    return Settings.from_mkdocs_yml(project / "mkdocs.yml")


def draft(name: str = "Tổ nuôi ong xóm Bản Quyền", **changes: Any) -> dict[str, Any]:
    front = draft_front_matter(
        name=name, kind="collective", field="kinh-te-ho", hamlet="ban-quyen", organization=None,
        registered=dt.date(2022, 6, 10),
    )  # fmt: skip
    return {**front, **changes}


def test_a_good_draft_is_written_and_passes_check(project: Path) -> None:
    settings = settings_of(project)
    saved = store.save_profile(settings, store.Profile("to-nuoi-ong", draft(), story_template()), None, TODAY)
    assert saved.written and saved.errors == () and saved.failure is None
    text = (project / "exemplars" / "to-nuoi-ong" / "index.md").read_text(encoding="utf-8")
    assert text.startswith("---\nname: Tổ nuôi ong xóm Bản Quyền\nkind: collective\n")
    assert "registered: 2022-06-10\n" in text and "status: draft\n" in text
    catalog = load_catalog(settings, today=TODAY)
    assert [p for p in catalog.problems if p.severity == "error"] == []
    assert "to-nuoi-ong" in {e.slug for e in catalog.exemplars}


def test_errors_refuse_the_write_and_say_where(project: Path) -> None:
    settings = settings_of(project)
    profile = store.Profile("to-nuoi-ong", draft(field="kinh-te", registered=dt.date(2027, 1, 5)), "\n")
    saved = store.save_profile(settings, profile, None, TODAY)
    assert not saved.written
    found = {(p.file.relative_to(project).as_posix(), p.line, p.field) for p in saved.errors}
    assert found == {("exemplars/to-nuoi-ong/index.md", 4, "field")}
    assert "Mã lĩnh vực “kinh-te” không có trong danh mục" in saved.errors[0].message
    assert not (project / "exemplars" / "to-nuoi-ong").exists()
    # With a known field the date is what is wrong: in the future, at its line.
    future = store.Profile("to-nuoi-ong", draft(registered=dt.date(2027, 1, 5)), "\n")
    saved = store.save_profile(settings, future, None, TODAY)
    assert [(p.line, p.field, p.message) for p in saved.errors] == [
        (6, "registered", "Ngày “2027-01-05” nằm trong tương lai.")
    ]


def test_a_draft_is_checked_as_a_draft(project: Path) -> None:
    """An individual's draft may wait for consent; the same profile published may not."""
    settings = settings_of(project)
    person = draft("Chị Lò Thị N (minh họa)", kind="individual")  # no consent yet
    saved = store.save_profile(settings, store.Profile("chi-lo-thi-n", person, story_template()), None, TODAY)
    assert saved.written, saved.errors
    published = {**person, "status": "published"}
    path = project / "exemplars" / "chi-lo-thi-n" / "index.md"
    before = path.read_bytes()
    saved = store.save_profile(
        settings, store.Profile("chi-lo-thi-n", published, story_template()), before, TODAY
    )
    assert [p.field for p in saved.errors] == ["consent"]
    assert path.read_bytes() == before


def test_a_new_profile_never_replaces_one_already_there(project: Path) -> None:
    settings = settings_of(project)
    path = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    before = path.read_bytes()
    saved = store.save_profile(
        settings, store.Profile("doi-che-ban-quyen", draft(), story_template()), None, TODAY
    )
    assert saved.failure is not None and not saved.written
    assert "Đã có hồ sơ exemplars/doi-che-ban-quyen/index.md: không ghi đè" in saved.failure.message
    assert path.read_bytes() == before


def test_a_file_changed_since_it_was_read_is_not_overwritten(project: Path) -> None:
    settings = settings_of(project)
    path = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    bundle = store.read_bundle(path)
    assert bundle is not None
    path.write_bytes(bundle.raw.replace(b"featured: true", b"featured: false"))  # someone else saves
    changed = path.read_bytes()
    profile = store.Profile("doi-che-ban-quyen", {**bundle.front_matter, "summary": "Khác."}, bundle.story)
    saved = store.save_profile(settings, profile, bundle.raw, TODAY)
    assert saved.failure is not None and "vừa được sửa ở nơi khác" in saved.failure.message
    assert path.read_bytes() == changed


def test_many_profiles_one_pass_each_refused_only_for_its_own_errors(project: Path) -> None:
    settings = settings_of(project)
    good = store.Profile("to-nuoi-ong", draft(), story_template())
    bad = store.Profile("to-nuoi-ca", draft("Tổ nuôi cá", hamlet="khong-co"), story_template())
    first, second = store.save_profiles(settings, [(good, None), (bad, None)], TODAY)
    assert first.written and (project / "exemplars" / "to-nuoi-ong" / "index.md").is_file()
    assert not second.written and [p.field for p in second.errors] == ["hamlet"]
    assert all(p.file.parent.name == "to-nuoi-ca" for p in second.errors)
    assert not (project / "exemplars" / "to-nuoi-ca").exists()


def test_an_error_brought_to_another_file_refuses_the_change(project: Path) -> None:
    """The same name as a profile whose address sorts after it: check names the other file."""
    settings = settings_of(project)
    other = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    profile = store.Profile("a-trung-ten", draft("Tổ hợp tác chè sạch xóm Bản Quyền"), story_template())
    saved = store.save_profile(settings, profile, None, TODAY)
    assert not saved.written
    assert [p.file for p in saved.errors] == [other.resolve()]
    assert not (project / "exemplars" / "a-trung-ten").exists()
    [result] = store.save_profiles(settings, [(profile, None)], TODAY)
    assert [p.file for p in result.errors] == [other.resolve()]
    assert not (project / "exemplars" / "a-trung-ten").exists()


def test_a_full_disk_leaves_no_half_made_bundle(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_of(project)
    photo = (project / "exemplars" / "doi-che-ban-quyen" / "anh-doi-che.jpg").read_bytes()
    front = draft(photos=[{"file": "anh.jpg", "caption": "Đàn ong", "cover": True}])
    profile = store.Profile("to-nuoi-ong", front, story_template(), {"anh.jpg": photo})
    calls: list[int] = []

    def full(fd: int) -> None:
        calls.append(fd)
        if len(calls) > 1:  # the photo is written, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    saved = store.save_profile(settings, profile, None, TODAY)
    assert saved.failure is not None and "ổ đĩa đã đầy" in saved.failure.message
    assert not (project / "exemplars" / "to-nuoi-ong").exists()


def test_the_first_profile_of_a_project_is_checked_too(tmp_path: Path, project: Path) -> None:
    registry = project / "exemplars" / "registry.yml"
    settings = Settings.from_options(tmp_path, {"registry": str(registry)})
    assert not settings.exemplars_dir.exists()
    bad = store.Profile("to-nuoi-ong", draft(field="khong-co"), story_template())
    assert [p.field for p in store.save_profile(settings, bad, None, TODAY).errors] == ["field"]
    assert not settings.exemplars_dir.exists()
    good = store.Profile("to-nuoi-ong", draft(), story_template())
    assert store.save_profile(settings, good, None, TODAY).written
    assert (settings.exemplars_dir / "to-nuoi-ong" / "index.md").is_file()


def test_bundle_text_keeps_comments_and_puts_keys_in_the_models_order() -> None:
    text = store.bundle_text(
        {"status": "draft", "zzz": 1, "name": "A: b"}, "\n## Cách làm\n", ["# chú thích"]
    )
    assert text == "---\n# chú thích\nname: 'A: b'\nstatus: draft\nzzz: 1\n---\n\n## Cách làm\n"
