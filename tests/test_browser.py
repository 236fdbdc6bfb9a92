"""The sample site in a real browser: Debian's Chromium driven by Playwright, served over http
(Pagefind loads its index with fetch, which file:// forbids). axe-core checks accessibility."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings

from .browser import chromium
from .sample import ROOT, serve

JS_DIR = Path(__file__).parent / "js"
CATALOG = load_catalog(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
assert CATALOG.registry is not None
REGISTRY = CATALOG.registry
PUBLIC = CATALOG.public
HIDDEN = [e for e in CATALOG.exemplars if not e.is_public]
ROAD = "mo-hinh-tu-quan-duong-be-tong-xom-pa-cho"  # "Mô hình tự quản đường bê tông xóm Pa Chò"
BUSIEST_FIELD = max(REGISTRY.fields, key=lambda f: sum(e.field == f.code for e in PUBLIC)).code


@pytest.fixture(scope="session")
def base_url(sample_site: Path) -> Iterator[str]:
    """The built sample site on a random port of 127.0.0.1."""
    with serve(sample_site) as url:
        yield url


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, installed from tests/js/package-lock.json with ``npm ci`` when missing."""
    axe = JS_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install axe-core (system-packages.txt: nodejs)"
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=JS_DIR, check=True, capture_output=True, timeout=300
        )
    return axe.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for this module (closed after it: other modules start their own)."""
    with chromium() as launched:
        yield launched


class Recorder:
    """Every request a page made, to prove the site never leaves its own host."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def page(browser: Any, recorder: Recorder) -> Iterator[Any]:
    """A phone-sized page (360 px wide) that records its requests and console errors."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    new_page = context.new_page()
    new_page.on("request", lambda request: recorder.urls.append(request.url))
    new_page.on("console", lambda m: recorder.errors.append(m.text) if m.type == "error" else None)
    new_page.on("pageerror", lambda error: recorder.errors.append(str(error)))
    yield new_page
    context.close()


def wait_for_results(page: Any) -> list[dict[str, str]]:
    """The results shown once the status line says the search finished."""
    page.wait_for_function(
        "() => { const s = document.getElementById('dh-search-status').textContent;"
        " return s && !s.startsWith('Đang'); }"
    )
    return page.eval_on_selector_all(
        ".dh-result",
        "rs => rs.map(r => ({href: r.querySelector('a').getAttribute('href'),"
        " title: r.querySelector('.dh-result__link').textContent.trim(),"
        " excerpt: r.querySelector('.dh-result__excerpt').textContent}))",
    )


def search(page: Any, base_url: str, query: str) -> list[dict[str, str]]:
    """Type a query into the search page's box like a person; return the results shown."""
    page.goto(base_url + "tim-kiem/")
    page.fill("#dh-search-q", query)
    page.press("#dh-search-q", "Enter")
    page.wait_for_function(
        "q => document.getElementById('dh-search-status').textContent.includes(q)", arg=query
    )
    return wait_for_results(page)


@pytest.mark.parametrize("query", ["duong be tong", "duong", "tu quan duong", "đường bê tông"])
def test_search_finds_profile_typed_without_accents(page: Any, base_url: str, query: str) -> None:
    """Must-show 1: "duong" (no đ, no marks) finds "đường"; the profile comes first."""
    results = search(page, base_url, query)
    assert results, f"no result for {query!r}"
    assert results[0]["href"].rstrip("/").endswith(ROAD)
    assert results[0]["title"] == "Mô hình tự quản đường bê tông xóm Pa Chò"
    assert "\u0335" not in results[0]["excerpt"] and results[0]["excerpt"].strip()  # đ as written


def test_search_diem_mac_finds_the_commune_name(page: Any, base_url: str) -> None:
    results = search(page, base_url, "diem mac")
    assert results
    assert any("Điềm Mặc" in r["excerpt"] for r in results)


def test_search_finds_nothing_unpublished(page: Any, base_url: str) -> None:
    assert HIDDEN
    for e in HIDDEN:
        words = e.name.split(" (")[0]
        for r in search(page, base_url, words):
            assert not r["href"].rstrip("/").endswith(e.slug)


def test_search_filters_by_field_hamlet_kind_year(page: Any, base_url: str) -> None:
    search(page, base_url, "xom")
    page.click("#dh-search-filters")
    page.wait_for_selector(".dh-search-filter select")
    names = page.eval_on_selector_all(
        ".dh-search-filter", "els => els.map(e => e.querySelector('span').textContent)"
    )
    assert {"Lĩnh vực", "Xóm", "Loại", "Năm đăng ký"} <= set(names)
    models = {e.slug for e in PUBLIC if e.kind.value == "model"}
    page.select_option("select[name='Loại']", "Mô hình")
    page.wait_for_function(
        "n => document.querySelectorAll('.dh-result').length === Math.min(n, 5)", arg=len(models)
    )
    hrefs = [r["href"] for r in wait_for_results(page)]
    assert hrefs and all(h.rstrip("/").rsplit("/", 1)[-1] in models for h in hrefs)
    status = page.inner_text("#dh-search-status")
    assert status.startswith(f"{len(models)} kết quả")


def test_search_from_home_page_form(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.fill("form.dh-search-form input[name=q]", "duong be tong")
    page.press("form.dh-search-form input[name=q]", "Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    results = wait_for_results(page)
    assert results and results[0]["href"].rstrip("/").endswith(ROAD)


def test_field_page_lists_its_exemplars(page: Any, base_url: str) -> None:
    field = REGISTRY.field(BUSIEST_FIELD)
    page.goto(base_url + f"linh-vuc/{field.code}/")
    cards = page.locator("ul.dh-cards").first.locator("a.dh-card__link")
    shown = {cards.nth(i).inner_text() for i in range(cards.count())}
    assert shown == {e.name for e in PUBLIC if e.field == field.code}
    assert all(cards.nth(i).is_visible() for i in range(cards.count()))


def test_profiles_fit_a_360px_phone(page: Any, base_url: str) -> None:
    """No horizontal scrolling on any profile at 360 px (tables scroll inside their box)."""
    too_wide = []
    for e in PUBLIC:
        page.goto(base_url + f"dien-hinh/{e.slug}/")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide.append((e.slug, width))
    assert too_wide == []


def _axe(page: Any, axe_source: str) -> list[dict[str, Any]]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize(
    "path",
    ["", f"linh-vuc/{BUSIEST_FIELD}/", f"dien-hinh/{ROAD}/", "tim-kiem/?q=duong"],
    ids=["home", "field", "profile", "search-results"],
)
@pytest.mark.parametrize("width", [360, 1280])
def test_no_serious_accessibility_violations(
    browser: Any, base_url: str, axe_source: str, path: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    response = page.goto(base_url + path)
    assert response is not None and response.status == 200
    if "?q=" in path:
        page.wait_for_selector(".dh-result")
    violations = _axe(page, axe_source)
    context.close()
    assert violations == []


def test_no_request_leaves_the_site(page: Any, base_url: str, recorder: Recorder) -> None:
    """Must-show 4: home, lists, a profile and a search make requests to 127.0.0.1 only."""
    for path in ["", "linh-vuc/", "xom/", f"dien-hinh/{ROAD}/", "dien-hinh/", "tieu-chi/"]:
        response = page.goto(base_url + path)
        assert response is not None and response.status == 200
        page.wait_for_load_state("networkidle")
    search(page, base_url, "duong")
    page.goto(base_url + "tim-kiem/?q=" + quote("chè"))
    page.wait_for_selector(".dh-result")
    page.click("#dh-search-filters")
    page.wait_for_selector(".dh-search-filter select")
    assert len(recorder.urls) > 10
    hosts = {urlsplit(url).hostname for url in recorder.urls if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}
    assert recorder.errors == []


def test_profile_prints_on_a4_without_site_chrome(page: Any, base_url: str) -> None:
    """The print stylesheet: story, tables and the sample-data notice; no menus, no search."""
    page.goto(base_url + f"dien-hinh/{ROAD}/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.headerlink']"
        ".map(s => document.querySelector(s)).filter(Boolean)"
        ".map(e => getComputedStyle(e).display)"
    )
    assert hidden and set(hidden) == {"none"}
    assert page.locator(".md-banner").is_visible()
    pdf = page.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 4


def test_keyboard_reaches_search_and_shows_focus(page: Any, base_url: str) -> None:
    """Tab alone gets to the home page's search box; the focused box is visibly outlined."""
    page.goto(base_url)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "dh-q":
            break
    else:
        pytest.fail("Tab never reached the search box")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.type("duong")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=duong")
    assert wait_for_results(page)


def test_more_results_on_request(page: Any, base_url: str) -> None:
    first = search(page, base_url, "xom")
    total = int(page.inner_text("#dh-search-status").split()[0])
    assert len(first) == 5 < total
    page.click("#dh-search-more")
    page.wait_for_function("() => document.querySelectorAll('.dh-result').length > 5")
    assert len(page.query_selector_all(".dh-result")) == min(total, 10)


def test_the_search_page_fetches_pagefind_before_anything_is_typed(page: Any, base_url: str) -> None:
    # A cheap phone then waits only for the words' chunks after Enter (benchmarks/search_phone.py).
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "tim-kiem/")
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(r => r.name.includes('pagefind-entry.json'))"
    )
    assert any(url.endswith("pagefind.js") for url in requested)
    assert page.input_value("#dh-search-q") == ""
