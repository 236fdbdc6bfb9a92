"""MkDocs's own settings in mkdocs.yml are checked by ``check`` as MkDocs will check them (every
wrong one, in Vietnamese, at its line), and ``build`` stops on them with the same words
instead of MkDocs's English "Aborted with a configuration error!"."""

from __future__ import annotations

from pathlib import Path

from .sample import copy_project, run_main


def test_check_names_every_wrong_mkdocs_setting_at_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_url: https://dienhinh.example.vn/", "site_url: dienhinh.diemmac.gov.vn")
    text = text.replace("docs_dir: content", "docs_dir: noi-dung")
    text = text.replace("  - admonition\n", "  - admonitoin\n")
    text = text.replace("strict: false", "strict: false\nsite_dri: ra")
    config.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    extension_line = lines.index("  - admonitoin") + 1
    checked = run_main("check", cwd=project)
    out = checked.stdout + checked.stderr
    assert checked.returncode == 1, out
    assert "Traceback" not in out and "Aborted" not in out
    assert (
        "mkdocs.yml:3: LỖI [site_url]: site_url “dienhinh.diemmac.gov.vn” không phải một địa chỉ đầy đủ"
        in out
    )
    assert "mkdocs.yml:4: LỖI [docs_dir]: Thư mục trang viết tay (docs_dir) “noi-dung” không có" in out
    assert (
        f"mkdocs.yml:{extension_line}: LỖI [markdown_extensions]: Không nạp được phần mở rộng Markdown" in out
    )
    assert "mkdocs.yml:8: CẢNH BÁO [site_dri]: MkDocs không biết thiết lập “site_dri”" in out
    built = run_main("build", cwd=project)
    said = built.stdout + built.stderr
    assert built.returncode == 1 and "Aborted" not in said and "LỖI [site_url]" in said


def test_the_sample_settings_pass(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    checked = run_main("check", cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "MkDocs không biết" not in checked.stdout
