"""Listings are split over pages: no generated page grows with the number of profiles."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from dienhinh.site.pages import PAGE_SIZE

from .sample import copy_project, run_main

PROFILE = """---
name: Mô hình số {i}
kind: model
field: chuyen-doi-so
hamlet: dong-tam
registered: 2023-05-01
summary: Mô hình thứ {i} để kiểm thử việc chia trang.
status: published
evaluations:
  - {{year: 2023, result: tot}}
---

## Cách làm

a

## Kết quả

b

## Bài học kinh nghiệm

c
"""
EXTRA = PAGE_SIZE * 2 + 5


def cards(page: Path) -> list[str]:
    """Links of the first list of cards on a page (the main listing)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [a["href"] for a in soup.select_one("article ul.dh-cards").select("a.dh-card__link")]


def test_big_listings_are_paginated(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", media_cache=True)
    for i in range(EXTRA):
        folder = project / "exemplars" / f"mo-hinh-so-{i}"
        folder.mkdir()
        (folder / "index.md").write_text(PROFILE.format(i=i), encoding="utf-8")
    site = tmp_path / "site"
    result = run_main("build", "-d", str(site), cwd=project)
    assert result.returncode == 0, result.stderr

    field = site / "linh-vuc" / "chuyen-doi-so"
    pages = [field / "index.html", field / "trang-2" / "index.html", field / "trang-3" / "index.html"]
    assert all(p.is_file() for p in pages) and not (field / "trang-4").exists()
    counts = [len(cards(p)) for p in pages]
    assert counts[0] == counts[1] == PAGE_SIZE and 5 <= counts[2] < PAGE_SIZE
    linked = [href.rstrip("/").rsplit("/", 1)[-1] for p in pages for href in cards(p)]
    assert len(linked) == len(set(linked))
    assert {f"mo-hinh-so-{i}" for i in range(EXTRA)} <= set(linked)
    first = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser")
    assert first.select_one(".dh-pager a[rel=next]")["href"] == "trang-2/"
    second = BeautifulSoup(pages[1].read_text(encoding="utf-8"), "html.parser")
    assert second.select_one(".dh-pager a[rel=prev]")["href"] == "../"
    assert "(trang 2/3)" in second.h1.get_text()
    # The criteria are on the first page only.
    assert first.select("ol.dh-criteria li") and not second.select("ol.dh-criteria li")

    year = site / "nam" / "2023"
    assert len(cards(year / "index.html")) == PAGE_SIZE and (year / "trang-3" / "index.html").is_file()
    everything = site / "dien-hinh"
    assert (
        len(cards(everything / "index.html")) == PAGE_SIZE
        and (everything / "trang-2" / "index.html").is_file()
    )
    largest = max(p.stat().st_size for p in site.rglob("*.html"))
    assert largest < 300_000
