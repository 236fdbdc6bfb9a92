"""Settings: the dienhinh options of mkdocs.yml as one typed record. Wrong or misspelt options
are Vietnamese problems at their line (in `check`, the staff commands and the MkDocs build
alike), never a traceback; `!ENV` is read as MkDocs reads it."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from dienhinh.records.settings import DEFAULTS, Options, Settings, load_settings

from .sample import ROOT, copy_project, run_main

PLUGIN_LINE = "      visits_dir: visits\n"


def with_options(project: Path, extra: str, replace: tuple[str, str] | None = None) -> Path:
    """mkdocs.yml of ``project`` with ``extra`` lines added to the dienhinh options."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert PLUGIN_LINE in text
    text = text.replace(PLUGIN_LINE, PLUGIN_LINE + extra)
    if replace is not None:
        assert replace[0] in text
        text = text.replace(*replace)
    config.write_text(text, encoding="utf-8")
    return config


def line_of(config: Path, needle: str) -> int:
    lines = config.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_the_sample_settings_and_the_defaults_in_one_place() -> None:
    settings, problems = load_settings(ROOT / "mkdocs.yml")
    assert problems == [] and settings is not None
    assert settings.exemplars_dir == ROOT / "exemplars" and settings.visits_dir == ROOT / "visits"
    assert settings.options.max_file_kb == DEFAULTS.max_file_kb == Options.model_fields["max_file_kb"].default
    assert settings.site_url == "https://dienhinh.example.vn/" and settings.site_name.startswith("Điển hình")
    assert settings.site_url_line == line_of(ROOT / "mkdocs.yml", "site_url:")
    # Settings.from_options takes the same defaults (one record holds them).
    assert Settings.from_options(ROOT, {}).options == DEFAULTS
    assert Settings.from_options(ROOT, {}).cache_dir == ROOT / DEFAULTS.cache_dir


def option_fields(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, FieldInfo]]:
    for name, info in model.model_fields.items():
        yield prefix + name, info
        for kind in (info.annotation, *get_args(info.annotation)):
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                yield from option_fields(kind, f"{prefix}{name}.")


def test_every_option_is_described_once_in_one_line() -> None:
    # The docs' options table is generated from these descriptions.
    fields = dict(option_fields(Options))
    assert "publish.ssh.host" in fields and "templates_dir" in fields
    undescribed = [name for name, info in fields.items() if not (info.description or "").strip()]
    assert undescribed == []
    assert [name for name, info in fields.items() if "\n" in (info.description or "")] == []


def test_settings_resolve_the_path_options_against_the_project(tmp_path: Path) -> None:
    settings = Settings.from_options(
        tmp_path, {"exemplars_dir": "ho-so", "visits_dir": "di-tham", "cache_dir": "/tmp/bo-nho"}
    )
    assert settings.exemplars_dir == tmp_path.resolve() / "ho-so"
    assert settings.visits_dir == tmp_path.resolve() / "di-tham"
    assert settings.photo_cache == Path("/tmp/bo-nho/photos")  # an absolute path stays itself
    assert settings.registry_path == tmp_path.resolve() / DEFAULTS.registry
    assert settings.legacy_templates is None
    moved = settings.with_options(exemplars_dir=str(tmp_path / "khac"))
    assert moved.exemplars_dir == tmp_path / "khac" and moved.visits_dir == settings.visits_dir
    assert settings.exemplars_dir == tmp_path.resolve() / "ho-so"  # settings are values


def test_a_wrong_value_is_a_problem_at_its_line(project: Path) -> None:
    config = with_options(project, "      max_file_kb: nhieu\n")
    settings, problems = load_settings(config)
    assert settings is None and len(problems) == 1
    problem = problems[0]
    assert problem.line == line_of(config, "max_file_kb: nhieu")
    assert problem.field == "plugins.dienhinh.max_file_kb"
    assert "số nguyên" in problem.message and "nhieu" in problem.message


def test_a_misspelt_option_is_named_with_a_suggestion(project: Path) -> None:
    config = with_options(project, "      max_fle_kb: 300\n      max_photo_mb: 0\n")
    _, problems = load_settings(config)
    by_field = {p.field: p for p in problems}
    assert set(by_field) == {"plugins.dienhinh.max_fle_kb", "plugins.dienhinh.max_photo_mb"}
    misspelt = by_field["plugins.dienhinh.max_fle_kb"]
    assert misspelt.line == line_of(config, "max_fle_kb") and "“max_file_kb”" in misspelt.message
    assert "lớn hơn" in by_field["plugins.dienhinh.max_photo_mb"].message


@pytest.mark.parametrize(
    "command", [["check"], ["report"], pytest.param(["booklet", "--all"], marks=pytest.mark.e2e)]
)
def test_commands_report_bad_options_without_a_traceback(project: Path, command: list[str]) -> None:
    with_options(project, "      max_file_kb: nhieu\n")
    result = run_main(*command, cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "mkdocs.yml:" in result.stderr and "LỖI [plugins.dienhinh.max_file_kb]" in result.stderr


def test_the_engine_build_reports_bad_options_in_vietnamese(project: Path) -> None:
    with_options(project, "      max_fle_kb: 300\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "LỖI [plugins.dienhinh.max_fle_kb]" in result.stderr and "max_file_kb" in result.stderr
    assert not (project / "out" / "index.html").exists()


def test_env_tags_are_read_as_mkdocs_reads_them(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = with_options(
        project,
        "      cache_dir: !ENV [DIENHINH_CACHE, .cache/mac-dinh]\n",
        ("site_url: https://dienhinh.example.vn/", "site_url: !ENV DIENHINH_SITE_URL"),
    )
    monkeypatch.setenv("DIENHINH_SITE_URL", "https://dienhinh.diemmac.vn/")
    monkeypatch.delenv("DIENHINH_CACHE", raising=False)
    settings, problems = load_settings(config)
    assert problems == [] and settings is not None
    assert settings.site_url == "https://dienhinh.diemmac.vn/"
    assert settings.cache_dir == project / ".cache" / "mac-dinh"  # the default of the !ENV list
    monkeypatch.setenv("DIENHINH_CACHE", "bo-nho-dem")
    settings, _ = load_settings(config)
    assert settings is not None and settings.cache_dir == project / "bo-nho-dem"


def test_booklets_use_an_env_site_url(project: Path, tmp_path: Path) -> None:
    with_options(project, "", ("site_url: https://dienhinh.example.vn/", "site_url: !ENV DIENHINH_SITE_URL"))
    without = run_main("booklet", "--field", "kinh-te-ho", "-o", str(tmp_path / "a.pdf"), cwd=project)
    assert without.returncode == 1 and "LỖI [site_url]" in without.stderr
    env = {"DIENHINH_SITE_URL": "https://dienhinh.diemmac.vn/"}
    result = run_main("booklet", "--field", "kinh-te-ho", "-o", str(tmp_path / "b.pdf"), cwd=project, env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ("plugins:\n  - dienhinh: 5\n", "plugins.dienhinh"),
        ("site_url: [a\n", ""),
    ],
)
def test_a_broken_config_is_a_problem(tmp_path: Path, extra: str, field: str) -> None:
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    head, _, _ = text.partition("plugins:")
    config.write_text(head + extra, encoding="utf-8")
    settings, problems = load_settings(config)
    assert settings is None and len(problems) == 1 and problems[0].field == field
    assert problems[0].line > 0
    result = run_main("check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "LỖI" in result.stderr


# --- where the site is published ------------------------------------------------------------


def test_publish_targets_are_typed_options(project: Path) -> None:
    config = with_options(
        project,
        "      publish:\n"
        "        folder: ../usb/dienhinh\n"
        "        ssh:\n"
        "          host: may-chu.tinh.vn\n"
        "          user: dienhinh\n"
        "          path: /srv/dienhinh\n"
        "        github_pages: true\n",
    )
    settings, problems = load_settings(config)
    assert problems == [] and settings is not None
    publish = settings.options.publish
    assert publish.targets() == ["ssh", "folder", "github_pages"]
    assert publish.ssh is not None and publish.ssh.port == 22
    assert publish.github_pages is not None and publish.github_pages.branch == "gh-pages"
    assert publish.keep == 5 and settings.site_dir == project / "site"


def test_a_password_in_mkdocs_yml_is_refused_at_its_line(project: Path) -> None:
    config = with_options(
        project,
        "      publish:\n"
        "        ssh:\n"
        "          host: may-chu.tinh.vn\n"
        "          path: /srv/dienhinh\n"
        "          password: matkhau123\n"
        "          prot: 2222\n",
    )
    settings, problems = load_settings(config)
    assert settings is None
    by_field = {p.field: p for p in problems}
    assert set(by_field) == {"plugins.dienhinh.publish.ssh.password", "plugins.dienhinh.publish.ssh.prot"}
    secret = by_field["plugins.dienhinh.publish.ssh.password"]
    assert secret.line == line_of(config, "password: matkhau123")
    assert (
        "mật khẩu" in secret.message and "khóa SSH" in secret.message and "matkhau123" not in secret.message
    )
    assert "“port”" in by_field["plugins.dienhinh.publish.ssh.prot"].message


def test_the_example_site_url_is_one_warning_naming_what_it_affects(project: Path) -> None:
    result = run_main("check", cwd=project)
    assert result.returncode == 0
    warnings = [line for line in result.stdout.splitlines() if "[site_url]" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"mkdocs.yml:{line_of(project / 'mkdocs.yml', 'site_url:')}: CẢNH BÁO")
    for affected in ("Mã QR", "chia sẻ", "sitemap"):
        assert affected in warnings[0]
    with_options(
        project, "", ("site_url: https://dienhinh.example.vn/", "site_url: https://dienhinh.diemmac.vn/")
    )
    assert "[site_url]" not in run_main("check", cwd=project).stdout


YAML_MISTAKES = {
    "colon in a value": ('site_name: Xã A: điển hình\n', "dấu hai chấm"),
    "list not closed": ("site_url: [a\n", "ngoặc vuông"),
    "mapping not closed": ("extra: {a: 1\n", "ngoặc nhọn"),
    "quote not closed": ('site_name: "Xã A\n', "ngoặc kép mở mà chưa đóng"),
    "tab": ("extra:\n\ta: 1\n", "Tab"),
    "uneven indent": ("extra:\n    a: 1\n  b: 2\n", "thụt lề"),
    "value starting with @": ("site_name: @xa\n", "“@”"),
    "unknown escape": ('site_name: "a\\q"\n', "“\\q”"),
}


@pytest.mark.parametrize("mistake", list(YAML_MISTAKES))
def test_a_yaml_mistake_in_mkdocs_yml_is_explained_in_vietnamese(tmp_path: Path, mistake: str) -> None:
    """libyaml's English ("mapping values are not allowed here") never reaches the officer."""
    text, meaning = YAML_MISTAKES[mistake]
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Điển hình\n" + text, encoding="utf-8")
    settings, problems = load_settings(config)
    assert settings is None and len(problems) == 1
    message = problems[0].message
    assert message.startswith("Lỗi cú pháp YAML: ") and meaning in message, message
    english = re.findall(r"\b(?:found|expected|allowed|mapping|scanning|while|token|stream|but)\b", message)
    assert english == [] and problems[0].line >= 2
