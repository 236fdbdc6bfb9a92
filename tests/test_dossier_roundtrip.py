"""The achievement report `dossier` writes, imported back: the same name, the story's sections
and the figures (Word in, Word out, one shape)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dienhinh.intake.word_report import read_report

from .sample import ROOT, run_main

SECTIONS = ["Cách làm", "Kết quả", "Bài học kinh nghiệm"]


@pytest.mark.parametrize("slug", ["doi-che-ban-quyen", "ong-ma-van-a-minh-hoa"])
def test_a_dossier_imports_back_to_its_name_sections_and_figures(slug: str, tmp_path: Path) -> None:
    path = tmp_path / f"{slug}.docx"
    made = run_main("dossier", slug, "--docx", str(path), cwd=ROOT)
    assert made.returncode == 0, made.stdout + made.stderr
    found = read_report(path)
    assert not isinstance(found, str)
    text = (ROOT / "exemplars" / slug / "index.md").read_text(encoding="utf-8")
    name = re.search(r"^name: (.+)$", text, re.MULTILINE)
    assert name is not None and found.title == name.group(1)
    headings = re.findall(r"^## (.+)$", found.story, re.MULTILINE)
    own = [h for h in re.findall(r"^## (.+)$", text, re.MULTILINE) if h in SECTIONS]
    assert [h for h in headings if h in SECTIONS] == own
    # The yearly figures stay a table, and the signature and confirmation blocks stay out.
    years = sorted(set(re.findall(r"^  - year: (\d{4})$", text, re.MULTILINE)))
    if years:
        assert re.search(rf"^\| {years[0]} \|", found.story, re.MULTILINE), found.story
    for gone in ("CỘNG HÒA", "BÁO CÁO THÀNH TÍCH", "XÁC NHẬN", "(Ký"):
        assert gone not in found.story, gone
