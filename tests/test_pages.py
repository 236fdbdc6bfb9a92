"""URL scheme and small formatting helpers of the generated pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
import pytest

from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings
from dienhinh.rendering import number_vi
from dienhinh.site.pages import (
    PAGE_SIZE,
    GeneratedPage,
    PageBuilder,
    Pager,
    SiteBuilder,
    numbered_page,
    page_url,
    relative_asset,
    relative_href,
    sort_key,
)

from .sample import ROOT


@pytest.mark.parametrize(
    ("src", "directory", "flat"),
    [
        ("index.md", "", "index.html"),
        ("linh-vuc/index.md", "linh-vuc/", "linh-vuc/index.html"),
        ("linh-vuc/giao-duc.md", "linh-vuc/giao-duc/", "linh-vuc/giao-duc.html"),
        ("dien-hinh/a-b/index.md", "dien-hinh/a-b/", "dien-hinh/a-b/index.html"),
    ],
)
def test_page_url(src: str, directory: str, flat: str) -> None:
    assert page_url(src) == directory
    assert page_url(src, directory_urls=False) == flat


@pytest.mark.parametrize(
    ("origin", "target", "directory", "flat"),
    [
        ("index.md", "dien-hinh/x/index.md", "dien-hinh/x/", "dien-hinh/x/index.html"),
        (
            "dien-hinh/x/index.md",
            "linh-vuc/giao-duc.md",
            "../../linh-vuc/giao-duc/",
            "../../linh-vuc/giao-duc.html",
        ),
        ("linh-vuc/giao-duc.md", "dien-hinh/x/index.md", "../../dien-hinh/x/", "../dien-hinh/x/index.html"),
        ("linh-vuc/giao-duc.md", "linh-vuc/index.md", "../", "index.html"),
        ("linh-vuc/index.md", "linh-vuc/index.md", "./", "index.html"),
        ("nam/2022.md", "index.md", "../../", "../index.html"),
    ],
)
def test_relative_href(origin: str, target: str, directory: str, flat: str) -> None:
    assert relative_href(origin, target) == directory
    assert relative_href(origin, target, directory_urls=False) == flat


def test_vietnamese_number_format() -> None:
    assert number_vi(1234.5) == "1.234,5"
    assert number_vi(12) == "12"


def test_sort_key_folds_accents_and_d() -> None:
    names = ["Đường", "Dao", "Ấp", "Bản"]
    assert sorted(names, key=sort_key) == ["Ấp", "Bản", "Dao", "Đường"]


def test_numbered_pages() -> None:
    assert numbered_page("linh-vuc/giao-duc.md", 1) == "linh-vuc/giao-duc.md"
    assert numbered_page("linh-vuc/giao-duc.md", 3) == "linh-vuc/giao-duc/trang-3.md"
    assert numbered_page("dien-hinh/index.md", 2) == "dien-hinh/trang-2.md"
    assert page_url(numbered_page("nam/2022.md", 2)) == "nam/2022/trang-2/"


def test_pager_window() -> None:
    assert Pager("a.md", 1, 1).window() == [1]
    assert Pager("a.md", 5, 20).window() == [1, None, 3, 4, 5, 6, 7, None, 20]
    assert Pager("a.md", 1, 4).window() == [1, 2, 3, 4]


def test_relative_asset() -> None:
    assert relative_asset("index.md", "dien-hinh/x/anh.jpg") == "dien-hinh/x/anh.jpg"
    assert relative_asset("linh-vuc/giao-duc.md", "dien-hinh/x/anh.jpg") == "../../dien-hinh/x/anh.jpg"
    assert relative_asset("dien-hinh/x/index.md", "dien-hinh/x/anh.jpg") == "anh.jpg"


def _generated_sources() -> list[str]:
    """Every page the sample project generates, plus later pages of long listings."""
    settings = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
    catalog = load_catalog(settings)
    assert catalog.registry is not None
    builder = SiteBuilder(catalog.registry, catalog.public, settings.theme, visits=catalog.visits)
    sources = [page.src for page in builder.pages()]
    return sources + [numbered_page(src, 2) for src in sources if src.endswith("index.md")]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_our_url_rule_agrees_with_the_engine(directory_urls: bool) -> None:
    """page_url and relative_href are our own rule; the engine decides where pages are written
    and how it links them. They must agree for every generated page, or links break."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    sources = _generated_sources()
    assert len(sources) > 40 and "index.md" in sources and any("/trang-2" in s for s in sources)
    engine = {src: File(src, "docs", "site", directory_urls).url for src in sources}
    # The engine spells the home page "./"; our rule says "" (the site root). Nothing else differs.
    ours = {src: page_url(src, directory_urls) or "./" for src in sources}
    assert ours == engine
    for origin in sources:
        for target in sources:
            expected = get_relative_url(engine[target], engine[origin])
            assert relative_href(origin, target, directory_urls) == expected, (origin, target)
        photo = "dien-hinh/x/anh-480.jpg"
        assert relative_asset(origin, photo, directory_urls) == get_relative_url(photo, engine[origin])


# --- the page-building base the commune's and the province's pages share ---------------------


class Listing(PageBuilder[str]):
    """The smallest builder: one listing of names, each drawn by a card macro."""

    card_template = "_card.j2"
    card_macro = "card"
    card_name = "card"

    def __init__(self, names: list[str]) -> None:
        templates = {
            "_card.j2": "{% macro card(name) %}<a href='{{ link('x/' ~ name ~ '.md') }}'>{{ name }}</a>"
            "{{ drawn.append(name) or '' }}{% endmacro %}",
            "list.md.j2": "{{ title }} {{ pager.number }}/{{ pager.count }} ({{ totals.names }}):"
            "{% for name in names %} {{ card(name) }}{% endfor %} {{ asset('a/b.jpg') }}",
        }
        super().__init__(jinja2.Environment(loader=jinja2.DictLoader(templates)))
        self.names, self.drawn = names, list[str]()

    def page_values(self) -> dict[str, Any]:
        return {"title": "Xóm", "drawn": self.drawn}

    def card_key(self, item: str, link: Callable[[str], str], asset: Callable[[str], str]) -> tuple[str, ...]:
        return (item, link(f"x/{item}.md"))

    def every_page(self) -> list[GeneratedPage]:
        pages = self._paged("list.md.j2", "x/index.md", {"names": self.names})
        for base in ("y/z/index.md", "y/w/index.md"):  # the same depth: the same links
            pages += self._paged("list.md.j2", base, {"names": self.names[:2]})
        return pages


def test_a_builder_renders_cards_once_per_distinct_link_and_splits_listings() -> None:
    names = [f"n{i}" for i in range(PAGE_SIZE + 2)]
    builder = Listing(names)
    pages = builder.pages()
    assert [p.src for p in pages] == ["x/index.md", "x/trang-2.md", "y/z/index.md", "y/w/index.md"]
    assert pages[0].markdown.startswith(f"Xóm 1/2 ({PAGE_SIZE + 2}): <a href='n0/'>n0</a>")
    assert pages[1].markdown == f"Xóm 2/2 ({PAGE_SIZE + 2}): <a href='../n{PAGE_SIZE}/'>n{PAGE_SIZE}</a>" + (
        f" <a href='../n{PAGE_SIZE + 1}/'>n{PAGE_SIZE + 1}</a> ../../a/b.jpg"
    )
    assert (
        pages[2].markdown
        == "Xóm 1/1 (2): <a href='../../x/n0/'>n0</a> <a href='../../x/n1/'>n1</a> ../../a/b.jpg"
    )
    assert pages[3].markdown == pages[2].markdown
    # Each card drawn once per distinct link in it: y/z links n0 and n1 from deeper than x, and
    # y/w takes y/z's cards.
    assert builder.drawn == [*names, "n0", "n1"]
    builder.drawn.clear()
    builder.pages()  # the cards are forgotten between builds: drawn again
    assert builder.drawn == [*names, "n0", "n1"]
