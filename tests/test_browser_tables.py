"""Generated tables (commendations, replications, visit agendas, a year's evaluations and
commendations, what a hamlet adopted) in Chromium: on a 360 px phone every row is a card read
without sideways scrolling; on a desktop they stay tables."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser import chromium
from .sample import serve

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
TABLE = "table.dh-table"

# Everything that can make a phone scroll sideways or hide part of a table, as a list of
# problems (empty when the page is fine).
PHONE_PROBLEMS = """() => {
  const width = window.innerWidth;
  const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
    ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > width) problems.push(`the page is ${doc.scrollWidth}px wide`);
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width > width + 0.5) problems.push(`${name(el)} is ${Math.round(box.width)}px wide`);
  }
  for (const cell of document.querySelectorAll("table.dh-table th, table.dh-table td")) {
    const text = cell.textContent.trim();
    if (!text || cell.closest("thead")) continue;
    const box = cell.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) problems.push(`"${text}" is not shown`);
    if (box.left < -0.5 || box.right > width + 0.5) problems.push(`"${text}" runs off the screen`);
    if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`"${text}" is cut off`);
    for (let up = cell.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible" && up.scrollWidth > up.clientWidth + 1)
        problems.push(`"${text}" sits in ${name(up)}, which scrolls sideways`);
    }
    const label = cell.dataset.label;
    if (label && !getComputedStyle(cell, "::before").content.includes(label))
      problems.push(`"${text}" is shown without its heading "${label}"`);
  }
  return [...new Set(problems)];
}"""

DESKTOP_LAYOUT = """() => [...document.querySelectorAll("table.dh-table")].map(table => ({
  table: getComputedStyle(table).display,
  heading_shown: table.querySelector("thead").getBoundingClientRect().height > 0,
  rows: [...new Set([...table.querySelectorAll("tbody tr")].map(tr => getComputedStyle(tr).display))],
  labels: [...new Set([...table.querySelectorAll("td")].map(td => getComputedStyle(td, "::before").content))],
}))"""


def pages_with_tables(site: Path) -> list[str]:
    """Addresses of the pages that carry a generated table, by kind of page."""
    found = sorted(
        path.parent.relative_to(site).as_posix() + "/"
        for path in site.rglob("index.html")
        if 'class="dh-table ' in path.read_text(encoding="utf-8")
    )
    kinds = {url.split("/")[0] for url in found}
    assert {"dien-hinh", "tham-quan", "nam", "xom"} <= kinds, found
    return found


@pytest.fixture(scope="module")
def site(sample_site: Path) -> Iterator[tuple[str, list[str]]]:
    """The sample site over http, and the pages with tables."""
    with serve(sample_site) as url:
        yield url, pages_with_tables(sample_site)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def test_tables_read_as_cards_on_a_phone(browser: Any, site: tuple[str, list[str]]) -> None:
    base_url, urls = site
    page = browser.new_page(viewport=PHONE)
    problems = {}
    for url in urls:
        page.goto(base_url + url, wait_until="load")
        assert page.locator(TABLE).count() > 0, url
        found = page.evaluate(PHONE_PROBLEMS)
        if found:
            problems[url] = found
    page.close()
    assert problems == {}


def test_tables_stay_tables_on_a_desktop(browser: Any, site: tuple[str, list[str]]) -> None:
    base_url, urls = site
    page = browser.new_page(viewport=DESKTOP)
    first_of_each_kind = {url.split("/")[0]: url for url in reversed(urls)}
    for url in first_of_each_kind.values():
        page.goto(base_url + url, wait_until="load")
        for layout in page.evaluate(DESKTOP_LAYOUT):
            assert layout == {
                "table": "table",
                "heading_shown": True,
                "rows": ["table-row"],
                "labels": ["none"],
            }, url
        assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    page.close()
