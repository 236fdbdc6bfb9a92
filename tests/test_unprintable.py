"""A character no PDF font has, in a published profile: every PDF command names the profile's
file and line before WeasyPrint is asked, never its English ".notdef" or the template."""

from __future__ import annotations

from pathlib import Path

import pytest

from .sample import run_main

SLUG = "doi-che-ban-quyen"
pytestmark = pytest.mark.e2e  # the PDF commands (refused before printing, but printers all the same)


@pytest.mark.parametrize(
    "command",
    [
        ("booklet", "--all", "-o", "so-tay.pdf"),
        ("report", "--pdf", "bao-cao.pdf"),
        ("dossier", SLUG, "--pdf", "thanh-tich.pdf"),
    ],
)
def test_every_pdf_names_the_profile_and_line_of_an_unprintable_character(
    project: Path, command: tuple[str, ...]
) -> None:
    index = project / "exemplars" / SLUG / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(
        text.replace("name: Tổ hợp tác chè sạch", "name: Tổ hợp tác ＝ chè sạch", 1), encoding="utf-8"
    )
    line = next(n for n, row in enumerate(index.read_text(encoding="utf-8").splitlines(), 1) if "＝" in row)
    result = run_main(*command, cwd=project)
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert f"exemplars/{SLUG}/index.md:{line}: LỖI [name]" in said, said
    assert ("Chưa in được PDF" in said or "Không in được sổ tay" in said) and "notdef" not in said
    assert "Traceback" not in said
    assert not list(project.glob("*.pdf"))
