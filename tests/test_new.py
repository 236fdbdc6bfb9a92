"""``dienhinh new``: unique slugs, drafts that pass ``check``, front matter that round-trips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dienhinh import clock
from dienhinh.intake.drafts import make_slug
from dienhinh.records import store
from dienhinh.records.load import load_registry, read_exemplar
from dienhinh.records.model import Status
from dienhinh.records.settings import Settings

from .sample import run_main


def test_slug_is_vietnamese_safe_and_unique() -> None:
    assert make_slug("Đồi chè Bản Quyền", set()) == "doi-che-ban-quyen"
    assert make_slug("Đồi chè Bản Quyền", {"doi-che-ban-quyen"}) == "doi-che-ban-quyen-2"
    assert (
        make_slug("Đồi chè Bản Quyền", {"doi-che-ban-quyen", "doi-che-ban-quyen-2"}) == "doi-che-ban-quyen-3"
    )
    assert make_slug("Nạ Á: “Đường sáng”!", set()) == "na-a-duong-sang"
    assert make_slug("—", set()) == "dien-hinh"


def test_new_creates_a_draft_that_passes_check(project: Path) -> None:
    result = run_main(
        "new",
        "--name",
        "Đồi chè Bản Quyền",
        "--kind",
        "model",
        "--field",
        "kinh-te-ho",
        "--hamlet",
        "ban-quyen",
        "--organization",
        "hoi-nong-dan",
        "--summary",
        "yes: một câu có dấu hai chấm",
        cwd=project,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The sample already has doi-che-ban-quyen (another exemplar): the new one gets -2.
    folder = project / "exemplars" / "doi-che-ban-quyen-2"
    assert "doi-che-ban-quyen-2/index.md" in result.stdout
    text = (folder / "index.md").read_text(encoding="utf-8")
    for heading in ("## Cách làm", "## Kết quả", "## Bài học kinh nghiệm"):
        assert f"\n{heading}\n" in text

    registry, _, problems = load_registry(project / "exemplars" / "registry.yml")
    assert registry is not None and problems == []
    record, _, problems = read_exemplar(folder, registry)
    assert problems == [] and record is not None
    assert record.name == "Đồi chè Bản Quyền"
    assert record.summary == "yes: một câu có dấu hai chấm"
    assert record.status is Status.draft
    assert record.registered == clock.today()
    assert (record.hamlet, record.organization, record.field) == ("ban-quyen", "hoi-nong-dan", "kinh-te-ho")

    check = run_main("check", cwd=project)
    assert check.returncode == 0, check.stdout
    assert "LỖI" not in check.stdout


def test_new_individual_gets_a_consent_reminder_and_passes_check(project: Path) -> None:
    result = run_main(
        "new", "--name", "Bà Lò Thị M (minh họa)", "--kind", "Cá nhân", "--field", "giao-duc",
        "--organization", "truong-thcs", cwd=project,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout
    text = (project / "exemplars" / "ba-lo-thi-m-minh-hoa" / "index.md").read_text(encoding="utf-8")
    assert "consent:\n  given: false\n" in text
    assert run_main("check", cwd=project).returncode == 0


def test_new_rejects_unknown_codes_with_checks_messages(project: Path) -> None:
    before = sorted(p.name for p in (project / "exemplars").iterdir())
    result = run_main(
        "new", "--name", "Mô hình thử", "--kind", "modle", "--field", "kinh-te",
        "--hamlet", "ban-quye", cwd=project,
    )  # fmt: skip
    assert result.returncode == 1
    assert (
        "--kind: Giá trị “modle” không hợp lệ; chọn một trong: collective, individual, model."
        in result.stdout
    )
    assert (
        "--field: Mã lĩnh vực “kinh-te” không có trong danh mục (registry). Có phải ý bạn là “kinh-te-ho”?"
        in (result.stdout)
    )
    assert "--hamlet: Mã xóm “ban-quye”" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(p.name for p in (project / "exemplars").iterdir()) == before


def test_new_refuses_a_name_another_profile_has(project: Path) -> None:
    """check refuses two profiles of one name; so does new, before writing anything."""
    before = sorted(p.name for p in (project / "exemplars").iterdir())
    result = run_main(
        "new", "--name", "Tổ hợp tác chè sạch xóm Bản Quyền", "--kind", "collective",
        "--field", "kinh-te-ho", "--hamlet", "ban-quyen", cwd=project,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout
    assert "--name: " in result.stdout and "doi-che-ban-quyen" in result.stdout
    assert sorted(p.name for p in (project / "exemplars").iterdir()) == before


def test_new_without_a_terminal_names_the_missing_option(project: Path) -> None:
    result = run_main("new", "--name", "Mô hình thử", "--kind", "model", cwd=project)
    assert result.returncode == 1
    assert "Thiếu --field" in result.stdout


def test_a_rewritten_profile_keeps_its_story_and_leading_comment(project: Path) -> None:
    path = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    before = path.read_text(encoding="utf-8")
    story = before.split("\n---\n", 1)[1]
    bundle = store.read_bundle(path)
    assert bundle is not None and bundle.story == story
    changed = {**bundle.front_matter, "summary": "Tóm tắt mới."}
    profile = store.Profile("doi-che-ban-quyen", changed, bundle.story, comments=bundle.comments)
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    assert store.save_profile(settings, profile, bundle.raw).written
    after = path.read_text(encoding="utf-8")
    assert after.split("\n---\n", 1)[1] == story
    assert after.startswith("---\n# DỮ LIỆU MINH HỌA")
    assert "summary: Tóm tắt mới.\n" in after
    assert run_main("check", cwd=project).returncode == 0


def test_new_asks_in_vietnamese_when_run_in_a_terminal(project: Path) -> None:
    primary, secondary = os.openpty()  # stdin is a terminal, as for a person typing
    try:
        # name; kind 3 = model; a wrong field code, then 6 = kinh-te-ho; hamlet by code;
        # organization and summary left empty.
        os.write(primary, "Mô hình thử hỏi đáp\n3\nkinh-te\n6\nna-a\n\n\n".encode())
        result = subprocess.run(
            [sys.executable, "-m", "dienhinh.cli", "new"],
            cwd=project,
            stdin=secondary,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Tên điển hình" in result.stdout and "Lĩnh vực chính" in result.stdout
    assert "Không có lựa chọn “kinh-te”" in result.stdout
    assert "Kinh tế hộ gia đình" in result.stdout  # the choices are listed from the registry
    registry, _, _ = load_registry(project / "exemplars" / "registry.yml")
    record, _, problems = read_exemplar(project / "exemplars" / "mo-hinh-thu-hoi-dap", registry)
    assert problems == [] and record is not None
    assert (record.kind.value, record.field, record.hamlet, record.organization) == (
        "model",
        "kinh-te-ho",
        "na-a",
        None,
    )
