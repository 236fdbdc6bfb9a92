"""`dienhinh bulletin`: a loudspeaker script of the sample, fitted to the slot, every number
written as said, only profiles whose consent covers broadcasting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from .sample import ROOT, run_main

TIME = re.compile(r"cả bản tin khoảng (\d+) phút (\d+) giây")


@pytest.mark.parametrize("minutes", [5, 10])
def test_a_bulletin_of_the_sample_fits_its_slot(minutes: int, tmp_path: Path) -> None:
    script = tmp_path / "ban-tin.txt"
    result = run_main("bulletin", "--minutes", str(minutes), "--txt", str(script), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    text = script.read_text(encoding="utf-8")
    said = TIME.search(text)
    assert said is not None
    seconds = int(said.group(1)) * 60 + int(said.group(2))
    assert minutes * 60 * 0.8 <= seconds <= minutes * 60  # fills the slot, never runs over
    stories = re.findall(r"^Tin \d+: (.+) \(khoảng", text, re.MULTILINE)
    assert 2 <= len(stories) <= 4
    assert text.splitlines()[2].startswith("Kính thưa bà con nhân dân trong xã!")
    assert "hẹn gặp lại trong chương trình lần sau" in text
    body = "\n".join(line for line in text.splitlines() if not line.startswith(("Tin ", "Đọc với")))
    assert not re.search(r"\d", body), "every number is written as said"
    assert not re.search(r"[()\[\]|#*]|https?:", body), "no brackets, links, tables or markup"
    # Everyone in it may be broadcast: the sample individual without consent is not.
    assert "Lý Văn G" not in text


def test_a_longer_slot_tells_more(tmp_path: Path) -> None:
    lengths = []
    for minutes in (5, 10):
        result = run_main("bulletin", "--minutes", str(minutes), cwd=ROOT)
        assert result.returncode == 0, result.stderr
        lengths.append(len(result.stdout.split()))
    assert lengths[1] > lengths[0] * 1.5


def test_the_bulletin_as_word_and_pdf(tmp_path: Path) -> None:
    docx, pdf = tmp_path / "ban-tin.docx", tmp_path / "ban-tin.pdf"
    result = run_main("bulletin", "--docx", str(docx), "--pdf", str(pdf), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "BẢN TIN PHÁT THANH" in text and "Tin 1:" in text
    assert pdf.read_bytes().startswith(b"%PDF")


def test_without_consent_to_broadcast_nothing_is_read(project: Path) -> None:
    for index in (project / "exemplars").glob("*/index.md"):
        text = index.read_text(encoding="utf-8")
        if "kind: individual" not in text:
            index.write_text(text.replace("status: published", "status: draft"), encoding="utf-8")
        else:
            index.write_text(text.replace("broadcast, ", ""), encoding="utf-8")
    result = run_main("bulletin", cwd=project)
    assert result.returncode == 1
    assert "Không có hồ sơ nào được đọc trên đài" in result.stderr
