"""Markdown an editor writes is bounded before conversion: unclosed brackets and deep nesting
become plain characters (Python-Markdown is quadratic on the first and recursive on the
second), while stories written as people write are left exactly as they are. Times are
measured in benchmarks/pathological.py, not here."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from dienhinh.records.sanitize import MAX_CONTAINER_DEPTH, bounded_markdown

from .sample import ROOT, copy_project, run_main

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]


def test_sample_stories_are_unchanged() -> None:
    for path in ROOT.glob("exemplars/*/index.md"):
        story = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert bounded_markdown(story) == story, path


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Xem [trang](../a/index.md) và ![ảnh](a.jpg).", "Xem [trang](../a/index.md) và ![ảnh](a.jpg)."),
        ("a [ b ] c [ d", "a [ b ] c \\[ d"),
        ("`[` trong mã", "`[` trong mã"),
        ("[a](b (c) d", "[a]\\(b (c) d"),
        ("\\[ đã thoát", "\\[ đã thoát"),
    ],
)
def test_what_is_escaped(text: str, shown: str) -> None:
    assert bounded_markdown(text) == shown


def test_unclosed_brackets_reach_markdown_escaped() -> None:
    for unit in ("![", "[", "[a](", "[[a]"):
        text = unit * 20_000
        bounded = bounded_markdown(text)
        # Every "[" that cannot be closed is written "\[": no link can start there.
        assert not re.search(r"(?<!\\)\[(?![^\[\]]*\])", bounded), unit
        html = markdown.markdown(bounded[:4000], extensions=EXTENSIONS)
        assert "<a " not in html and "<img" not in html


@pytest.mark.parametrize("marker", ["> ", "- ", "1. ", "* ", "+ "])
def test_deep_nesting_is_cut_without_recursion_error(marker: str) -> None:
    text = marker * 10_000 + "chữ"
    html = markdown.markdown(bounded_markdown(text), extensions=EXTENSIONS)  # no RecursionError
    assert "chữ" in html
    tag = "blockquote" if marker == "> " else ("ol" if marker[0].isdigit() else "ul")
    assert html.count(f"<{tag}") == MAX_CONTAINER_DEPTH


def test_deep_indentation_is_cut() -> None:
    lines = [" " * (4 * level) + f"- mục {level}" for level in range(400)]
    html = markdown.markdown(bounded_markdown("\n".join(lines)), extensions=EXTENSIONS)
    assert "mục 399" in html


PATHOLOGICAL = "\n\n".join(
    ["## Cách làm", "![" * 5000, "[" * 5000, "[a](" * 2000, "> " * 10_000 + "x", "- " * 10_000 + "y"]
)


def test_pathological_story_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", media_cache=True)
    index = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n\n" + PATHOLOGICAL, encoding="utf-8")
    result = run_main("build", "-d", str(tmp_path / "site"), cwd=project)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-3000:]
    assert "Traceback" not in out and "RecursionError" not in out
    page = (tmp_path / "site" / "dien-hinh" / "doi-che-ban-quyen" / "index.html").read_text(encoding="utf-8")
    assert "![![![" in page
