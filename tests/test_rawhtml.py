"""Generated HTML blocks hidden from Markdown come back exactly where Markdown puts them."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from dienhinh.records.catalog import load_catalog
from dienhinh.records.sanitize import StoryFence
from dienhinh.records.settings import Settings
from dienhinh.site.pages import SiteBuilder
from dienhinh.site.rawhtml import RawBlocks

from .sample import run_cli, run_main

ROOT = Path(__file__).resolve().parent.parent


def extensions() -> list[str]:
    """The Markdown extensions of the project's mkdocs.yml (names only, as MkDocs loads them)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=yaml.BaseLoader)  # no tags: slugify's !!python stays text
    return [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=extensions())


def round_trip(text: str, fence: StoryFence | None = None) -> tuple[str, RawBlocks]:
    raw = RawBlocks()
    hidden = raw.hide(text, (fence.begin, fence.end) if fence else None)
    return raw.restore(convert(hidden)), raw


def test_every_generated_page_converts_as_markdown_would() -> None:
    settings = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
    catalog = load_catalog(settings)
    assert catalog.registry is not None
    fence = StoryFence()
    pages = SiteBuilder(catalog.registry, catalog.public, settings.theme, fence=fence).pages()
    hidden = 0
    for page in pages:
        text = page.markdown.split("\n---\n", 1)[1] if page.markdown.startswith("---") else page.markdown
        result, raw = round_trip(text, fence)
        assert result == convert(text), page.src
        hidden += len(raw.blocks)
    assert len(pages) > 50 and hidden > 4 * len(pages)  # most of the generated HTML skipped Markdown


def test_only_blocks_markdown_passes_through_are_hidden() -> None:
    fence = StoryFence()
    kept = [
        "<span>inline tag: Markdown makes it a paragraph</span>",
        '<dialog class="x">not block-level for Markdown</dialog>',
        "    <div>indented: code</div>",
        "<div>not closed\n\n*emphasis*</div>",
        '<div markdown="1">*markdown inside*</div>',
        "<div><div>unbalanced</div>",
        "<pre>  keep   spacing</pre>",
        "text <div>after text</div>",
        fence.wrap('<div class="from-a-story">*user* input</div>'),
    ]
    for block in kept:
        raw = RawBlocks()
        raw.hide(f"# T\n\n{block}\n\nend\n", (fence.begin, fence.end))
        assert raw.blocks == {}, block
    raw = RawBlocks()
    text = (
        '<ul class="dh-cards">\n<li>a</li>\n<li><ul><li>b</li></ul></li>\n</ul>\n\n<div>x</div>\n\n\n'
        "<div>trailing spaces</div>   \n\n<div>y</div>"
    )
    raw.hide(text)
    assert list(raw.blocks.values()) == [
        '<ul class="dh-cards">\n<li>a</li>\n<li><ul><li>b</li></ul></li>\n</ul>',
        "<div>x</div>",
        "<div>y</div>",
    ]
    assert round_trip(text)[0] == convert(text)


def test_a_story_between_fences_goes_through_markdown() -> None:
    fence = StoryFence()
    text = (
        "<div>ours</div>\n\n"
        + fence.wrap("<div>\n*theirs*\n</div>\n\n**bold**")
        + "\n\n<div>ours again</div>\n"
    )
    result, raw = round_trip(text, fence)
    assert sorted(raw.blocks.values()) == ["<div>ours again</div>", "<div>ours</div>"]
    assert result == convert(text) and "<strong>bold</strong>" in result


def test_a_placeholder_changed_by_the_converter_is_an_error() -> None:
    raw = RawBlocks()
    hidden = raw.hide("<div>x</div>\n\n<div>y</div>\n")
    html = convert(hidden)
    with pytest.raises(ValueError, match="placeholders"):
        raw.restore(html.replace("<p>", "<p class='x'>", 1))
    with pytest.raises(ValueError, match="placeholders"):
        raw.restore(html.split("\n")[0])


MANGLER = """
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor


class Mangle(Postprocessor):
    def run(self, text):
        return text.replace("<p>", '<p class="x">')


class MangleExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(Mangle(md), "mangle", 0)


def makeExtension(**kwargs):
    return MangleExtension(**kwargs)
"""


def test_an_extension_that_rewrites_paragraphs_is_a_vietnamese_error(project: Path) -> None:
    """An extension in mkdocs.yml that changes every paragraph also changes the placeholders:
    the build stops with a Vietnamese message naming the page, and the site is kept."""
    site = project / "site"
    assert run_main("build", cwd=project).returncode == 0
    before = (site / "index.html").read_bytes()
    (project / "mangle_paragraphs.py").write_text(MANGLER, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("markdown_extensions:\n", "markdown_extensions:\n  - mangle_paragraphs\n", 1)
    )
    # A process of its own: `python -m` puts the project folder, where the extension is, on
    # the import path.
    result = run_cli("build", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "đã sửa các chỗ giữ khối HTML" in output and ".md:" in output
    assert (site / "index.html").read_bytes() == before
