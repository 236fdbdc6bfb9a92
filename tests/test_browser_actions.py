"""A profile page's "Nghe" (read aloud with the phone's speech engine, in Vietnamese) and
"Chia sẻ" (the phone's share sheet, else copy the address) buttons: in the built HTML, out of
the search index, and in Chromium with the speech engine and the share sheet stubbed."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from dienhinh.printing.spoken import spoken_profile
from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings
from dienhinh.site.pages import SiteBuilder

from .browser import PHONE, chromium
from .sample import ROOT, serve

SETTINGS = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
CATALOG = load_catalog(SETTINGS)
REGISTRY = CATALOG.registry
assert REGISTRY is not None
PUBLIC = list(CATALOG.public)
SLUG = "doi-che-ban-quyen"
E = next(e for e in PUBLIC if e.slug == SLUG)
URL = f"https://dienhinh.example.vn/dien-hinh/{SLUG}/"

# The phone's speech engine, stubbed: its voices are given per test (window.__voices), what it
# is asked to say is kept in window.__spoken. Chromium's own SpeechSynthesisUtterance only takes
# a real voice object, so the utterance is stubbed too.
SPEECH = """voices => {
  window.__voices = voices;
  window.__spoken = [];
  window.__cancelled = 0;
  const listeners = {};
  const synth = {
    getVoices: () => window.__voices,
    speak: u => window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang, u}),
    cancel: () => { window.__cancelled += 1; },
    addEventListener: (name, f) => { (listeners[name] = listeners[name] || []).push(f); },
  };
  window.__voicesChanged = added => {
    window.__voices = added;
    (listeners.voiceschanged || []).forEach(f => f());
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; this.handlers = {}; }
    addEventListener(name, f) { this.handlers[name] = f; }
  };
}"""
ENGLISH_ONLY = [{"lang": "en-US", "name": "English", "localService": True}]
VIETNAMESE = [*ENGLISH_ONLY, {"lang": "vi-VN", "name": "Linh", "localService": True}]

# The phone's share sheet, stubbed: what it is given is kept in window.__shared; it fails with
# the error named in window.__shareError, if any (the visitor closing it is an AbortError).
SHARE = """() => {
  window.__shared = [];
  Object.defineProperty(Navigator.prototype, "share", {configurable: true, value: data => {
    window.__shared.push(data);
    const error = window.__shareError;
    return error ? Promise.reject(new DOMException("stub", error)) : Promise.resolve();
  }});
}"""
NO_SHARE = """() => { delete Navigator.prototype.share; delete navigator.share; }"""
NO_CLIPBOARD = """() => {
  Object.defineProperty(Navigator.prototype, "clipboard", {configurable: true, get: () => undefined});
}"""


def _page_of(site: Path, slug: str) -> BeautifulSoup:
    html = (site / "dien-hinh" / slug / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


# --- the built pages -------------------------------------------------------------------------


def test_every_profile_carries_its_text_for_the_ear_and_hidden_buttons(sample_site: Path) -> None:
    for e in PUBLIC:
        soup = _page_of(sample_site, e.slug)
        actions = soup.select_one("div.dh-actions")
        assert actions is not None and actions.get("data-pagefind-ignore") == "all", e.slug
        (template,) = actions.select("template.dh-spoken")
        assert template.get_text() == spoken_profile(e, REGISTRY), e.slug
        listen, share = actions.select("button.dh-listen"), actions.select("button.dh-share")
        assert listen and share and listen[0].has_attr("hidden") and share[0].has_attr("hidden")
        assert listen[0].get_text() == "Nghe" and share[0].get_text() == "Chia sẻ"
    scripts = [s.get("src", "") for s in _page_of(sample_site, SLUG).find_all("script")]
    assert any("/dienhinh-profile." in src for src in scripts)


def test_the_text_for_the_ear_is_not_in_the_search_index(sample_site: Path) -> None:
    fragments = {}
    for path in (sample_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8")[len("pagefind_dcd") :])
        fragments[data["url"]] = data
    content = str(fragments[f"/dien-hinh/{SLUG}/"]["content"])
    assert "VietGAP" in content  # the story as written is indexed…
    assert "Việt Gáp" not in content and "hai nghìn không trăm" not in content  # …its spoken form is not
    assert "Dừng đọc" not in content and "Đã chép đường dẫn" not in content


def test_hostile_text_cannot_leave_the_template() -> None:
    """The spoken text comes from user input: it is text inside the template, never markup."""
    hostile = '</template><script>alert(1)</script><img src=x onerror="alert(2)"> & *đậm* [a](b)'
    builder = SiteBuilder(REGISTRY, PUBLIC, SETTINGS.theme, spoken=lambda e: hostile)
    markdown = builder.profile(E).markdown
    line = next(line for line in markdown.splitlines() if "dh-spoken" in line)
    assert "<script" not in line and "<img" not in line and line.count("</template>") == 1
    assert "&lt;/template&gt;&lt;script&gt;" in line


# --- in Chromium -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_url(sample_site: Path) -> Iterator[str]:
    with serve(sample_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _open(browser: Any, base_url: str, *scripts: tuple[str, Any], permissions: tuple[str, ...] = ()) -> Any:
    context = browser.new_context(viewport=PHONE)
    if permissions:
        context.grant_permissions(list(permissions), origin=base_url.rstrip("/"))
    for script, arg in scripts:
        context.add_init_script(f"({script})({json.dumps(arg)})")
    page = context.new_page()
    page.goto(f"{base_url}dien-hinh/{SLUG}/", wait_until="load")
    return page


def test_nghe_reads_the_spoken_text_in_vietnamese(browser: Any, base_url: str) -> None:
    page = _open(browser, base_url, (SPEECH, VIETNAMESE))
    button = page.locator("button.dh-listen")
    assert button.is_visible()
    button.click()
    spoken = page.evaluate("window.__spoken.map(s => ({text: s.text, lang: s.lang, voice: s.voice}))")
    assert spoken and all(s["lang"] == "vi-VN" and s["voice"] == "vi-VN" for s in spoken)
    assert all(len(s["text"]) <= 220 for s in spoken)  # in pieces: some engines stop a long one
    assert " ".join(s["text"] for s in spoken) == spoken_profile(E, REGISTRY)
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text() == "Dừng đọc"
    # The last piece read to the end: the button is ready again.
    page.evaluate("window.__spoken.at(-1).u.handlers.end()")
    assert button.get_attribute("aria-pressed") == "false" and button.inner_text() == "Nghe"
    # Pressed while reading: the reading stops.
    button.click()
    cancelled = page.evaluate("window.__cancelled")
    button.click()
    assert page.evaluate("window.__cancelled") == cancelled + 1
    assert button.get_attribute("aria-pressed") == "false" and button.inner_text() == "Nghe"
    page.context.close()


def test_nghe_is_hidden_without_a_vietnamese_voice(browser: Any, base_url: str) -> None:
    page = _open(browser, base_url, (SPEECH, ENGLISH_ONLY))
    button = page.locator("button.dh-listen")
    assert button.is_hidden()
    # Voices often arrive late: a Vietnamese one arriving shows the button.
    page.evaluate(f"window.__voicesChanged({json.dumps(VIETNAMESE)})")
    assert button.is_visible()
    page.context.close()
    # No speech engine at all.
    page = _open(browser, base_url, ("() => { delete window.speechSynthesis; }", None))
    assert page.evaluate("'speechSynthesis' in window") is False
    assert page.locator("button.dh-listen").is_hidden()
    page.context.close()


def test_chia_se_opens_the_share_sheet_with_the_share_card(browser: Any, base_url: str) -> None:
    page = _open(browser, base_url, (SHARE, None))
    button = page.locator("button.dh-share")
    assert button.is_visible()
    button.click()
    page.wait_for_function("window.__shared.length === 1")
    assert page.evaluate("window.__shared[0]") == {
        "title": E.name,
        "text": " ".join(E.summary.split()),
        "url": URL,
    }
    # The visitor closed the share sheet: nothing copied, nothing said.
    page.evaluate("window.__shareError = 'AbortError'")
    button.click()
    page.wait_for_function("window.__shared.length === 2")
    page.wait_for_timeout(200)
    assert page.locator(".dh-share-status").inner_text() == ""
    page.context.close()


def test_chia_se_copies_the_address_without_a_share_sheet(browser: Any, base_url: str) -> None:
    page = _open(browser, base_url, (NO_SHARE, None), permissions=("clipboard-read", "clipboard-write"))
    assert page.evaluate("typeof navigator.share") == "undefined"
    button = page.locator("button.dh-share")
    assert button.is_visible()
    button.click()
    status = page.locator(".dh-share-status")
    status.wait_for(state="visible")
    assert status.inner_text().startswith("Đã chép đường dẫn.")
    assert page.evaluate("navigator.clipboard.readText()") == URL
    page.context.close()


def test_a_failed_share_sheet_copies_instead(browser: Any, base_url: str) -> None:
    page = _open(browser, base_url, (SHARE, None), permissions=("clipboard-read", "clipboard-write"))
    page.evaluate("window.__shareError = 'NotAllowedError'")
    page.locator("button.dh-share").click()
    page.locator(".dh-share-status").wait_for(state="visible")
    assert page.evaluate("navigator.clipboard.readText()") == URL
    page.context.close()


def test_chia_se_is_hidden_when_the_phone_can_neither_share_nor_copy(browser: Any, base_url: str) -> None:
    page = _open(browser, base_url, (NO_SHARE, None), (NO_CLIPBOARD, None))
    assert page.locator("button.dh-share").is_hidden()
    page.context.close()
