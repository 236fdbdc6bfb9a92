"""Browsing pieces: home charts, card pictures, related exemplars (rendered, read back)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from dienhinh.site.charts import Bar, bar_chart
from dienhinh.site.pages import Cover, SiteBuilder, profile_page
from dienhinh.theme_files import Theme

from .test_site import PUBLIC, REGISTRY, article


def test_bar_chart_is_an_accessible_image_with_every_value() -> None:
    svg = BeautifulSoup(
        bar_chart("c", "Số điển hình theo xóm", [Bar("Xóm Pa Chò", 3), Bar("Nà <Á>", 0)]), "html.parser"
    )
    root = svg.select_one("svg")
    assert root["role"] == "img" and root["aria-labelledby"] == "c-title c-desc"
    assert svg.select_one("title").get_text() == "Số điển hình theo xóm"
    assert svg.select_one("desc").get_text() == "Xóm Pa Chò: 3 điển hình; Nà <Á>: 0 điển hình"
    texts = [t.get_text() for t in svg.select("text")]
    assert texts == ["Xóm Pa Chò", "3", "Nà <Á>", "0"]
    widths = [float(r["width"]) for r in svg.select("rect")]
    assert widths[0] > 0 and widths[1] == 0


def test_home_charts_count_by_field_and_hamlet(sample_site: Path) -> None:
    """The home page's charts count the current period (2026–2030) only."""
    home = article(sample_site, "")
    fields = home.select_one("svg#dh-chart-fields")
    hamlets = home.select_one("svg#dh-chart-hamlets")
    assert fields is not None and hamlets is not None
    current = [e for e in PUBLIC if e.registered.year >= 2026]
    for f in REGISTRY.fields:
        assert (
            f"{f.short_name}: {sum(e.field == f.code for e in current)} điển hình" in fields.desc.get_text()
        )
    for h in REGISTRY.hamlets:
        assert f"{h.name}: {sum(e.hamlet == h.code for e in current)} điển hình" in hamlets.desc.get_text()


def _builder(**kwargs: object) -> SiteBuilder:
    return SiteBuilder(REGISTRY, PUBLIC, Theme.of(), **kwargs)  # type: ignore[arg-type]


def test_cards_show_a_cover_picture_when_there_is_one() -> None:
    e = PUBLIC[0]
    cover = Cover(f"dien-hinh/{e.slug}/anh-bia.jpg", "Các hộ cùng làm đường", 640, 427)
    builder = _builder(covers={e.slug: cover})
    html = BeautifulSoup(builder.exemplar_index()[0].markdown, "html.parser")
    img = html.select_one("li.dh-card img.dh-card__image")
    assert img["src"] == f"{e.slug}/anh-bia.jpg" and img["alt"] == "Các hộ cùng làm đường"
    assert len(html.select("img")) == 1
    assert not BeautifulSoup(_builder().exemplar_index()[0].markdown, "html.parser").select("img")


def test_profile_links_related_and_learned_from() -> None:
    builder = _builder()
    pairs = [
        (source, learner)
        for source in PUBLIC
        for r in source.replications
        for learner in PUBLIC
        if r.hamlet and learner.hamlet == r.hamlet and learner.slug != source.slug
    ]
    assert pairs, "sample data: a hamlet that replicated an exemplar has one of its own"
    source, learner = pairs[0]
    assert source in builder.learned_from(learner)
    page = BeautifulSoup(builder.profile(learner).markdown, "html.parser")
    links = {a["href"] for a in page.select("a.dh-card__link")}
    assert f"../{source.slug}/" in links
    related = builder.related(learner)
    assert related and all(e.field == learner.field or e.hamlet == learner.hamlet for e in related)
    assert learner not in related and profile_page(learner.slug).startswith("dien-hinh/")


def test_every_page_is_vietnamese_and_loads_nothing_from_elsewhere(sample_site: Path) -> None:
    """lang="vi" everywhere; every image has alt text; scripts, styles, images are local."""
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > len(PUBLIC)
    for path in pages:
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert html.html["lang"] == "vi", path
        for img in html.select("img"):
            if img.find_parent("dialog") is not None and not img.get("src"):
                continue  # the gallery's lightbox: filled by script with the opened photo's alt
            assert img.get("alt", "").strip(), f"{path}: {img}"
        for node in html.select("script[src], link[href], img[src], iframe[src], source[src]"):
            url = node.get("src") or node.get("href")
            if node.name == "link" and node.get("rel") == ["canonical"]:
                continue
            assert not url.startswith(("http:", "https:", "//")), f"{path}: {url}"
