"""The theme chain: a commune's overrides win over the package's theme file by file, for the
engine's templates (Material's main.html, partials), the generated pages, booklets and
papers; a mistake in an override is a Vietnamese message naming the file and line, never a
traceback, and the published site stays as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dienhinh.theme_files import Theme, package_theme

from .sample import ROOT, run_main

FIXTURE = ROOT / "tests" / "fixtures" / "old-commune"


@pytest.fixture
def commune(tmp_path: Path) -> Path:
    """A small commune in today's layout (the fixture upgraded), built once."""
    project = tmp_path / "xa"
    shutil.copytree(FIXTURE, project)
    assert run_main("upgrade", cwd=project).returncode == 0
    shutil.rmtree(project / "overrides")
    built = run_main("build", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    return project


def override(project: Path, name: str, text: str) -> Path:
    path = project / "overrides" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_override_wins_over_the_theme_for_every_kind_of_template(commune: Path, tmp_path: Path) -> None:
    header = (package_theme() / "material" / "partials" / "copyright.html").read_text(encoding="utf-8")
    override(commune, "material/partials/copyright.html", header.replace("</div>", "<p>Cán bộ xã</p></div>"))
    css = (package_theme() / "material" / "assets" / "dienhinh.css").read_text(encoding="utf-8")
    override(commune, "material/assets/dienhinh.css", css + "\n.dh-rieng-cua-xa { color: #000; }\n")
    field = (package_theme() / "pages" / "field_index.md.j2").read_text(encoding="utf-8")
    override(commune, "pages/field_index.md.j2", field + "\nTrang lĩnh vực của xã (mẫu riêng).\n")
    built = run_main("build", cwd=commune)
    assert built.returncode == 0, built.stdout + built.stderr
    site = commune / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<p>Cán bộ xã</p>" in home
    (stylesheet,) = site.glob("assets/dienhinh.*.css")
    assert ".dh-rieng-cua-xa" in stylesheet.read_text(encoding="utf-8")
    fields = (site / "linh-vuc" / "index.html").read_text(encoding="utf-8")
    assert "Trang lĩnh vực của xã (mẫu riêng)." in fields
    booklet = override(commune, "booklet/booklet.css", "")
    booklet.write_bytes((package_theme() / "booklet" / "booklet.css").read_bytes())
    assert Theme.of(commune / "overrides").find("booklet/booklet.css") == booklet


MAIN_WITH_A_TYPO = '{% extends "base.html" %}\n{% block content %}{{ page.nope.x }}{% endblock %}\n'


@pytest.mark.parametrize(
    ("name", "text", "line", "command"),
    [
        ("pages/home.md.j2", "{% if x %}\n{{ e.name }}\n", 2, ["build"]),
        ("material/main.html", MAIN_WITH_A_TYPO, 2, ["build"]),
        ("report/report.html", "<html>\n{{ nope.x }}\n", 2, ["report", "--html", "bao-cao.html"]),
        ("booklet/booklet.html.j2", "<html>\n\n{% for %}\n", 3, ["booklet", "--all", "-o", "so-tay.pdf"]),
    ],
)
def test_a_mistake_in_an_override_names_its_file_and_line(
    commune: Path, name: str, text: str, line: int, command: list[str]
) -> None:
    before = (commune / "site" / "index.html").read_bytes()
    override(commune, name, text)
    result = run_main(*command, cwd=commune)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out
    assert f"overrides/{name}:" in out and "LỖI: mẫu giao diện" in out, out
    assert f"{name}:{line}:" in out, out
    assert "Error building page" not in out
    assert (commune / "site" / "index.html").read_bytes() == before
