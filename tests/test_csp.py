"""The built site needs no 'unsafe-inline' in its Content-Security-Policy: no inline script,
no style attribute or element in any page; the theme's inline scripts run from our file, kept
equal to the theme's own; our assets carry a hash of their content in their names.
(tests/test_publish_server.py loads the site in Chromium under the real policy.)"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
from bs4 import BeautifulSoup

from dienhinh.site.assets import NAMES

from .sample import ROOT

THEME = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
OURS = ROOT / "site_templates" / "material" / "assets" / "dienhinh-theme.js"
DATA_BLOCKS = ("application/json", "application/ld+json")  # data, never run


def inline_scripts(template: Path) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S)


def test_the_theme_s_inline_scripts_are_ours_word_for_word() -> None:
    """A theme upgrade that changes its inline helpers fails here, not on a visitor's phone."""
    ours = OURS.read_text(encoding="utf-8")
    (helpers,) = inline_scripts(THEME / "base.html")
    scope = '"{{ config.extra.scope | d(base_url) }}"'
    assert scope in helpers
    assert helpers.replace(scope, "document.currentScript.dataset.scope") in ours
    # content.html: the feature-gated script (content.tabs.link, not used) and the last one.
    *_, after_content = inline_scripts(THEME / "content.html")
    assert after_content in ours


def test_no_page_has_inline_script_or_style(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 60
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        name = path.relative_to(sample_site)
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") in DATA_BLOCKS, (name, str(script)[:80])
        assert soup.find("style") is None, name
        assert soup.find(attrs={"style": True}) is None, name
        assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)], name


def test_our_assets_are_fingerprinted(sample_site: Path) -> None:
    for name in NAMES:
        stem, _, suffix = Path(name).name.rpartition(".")
        (published,) = (sample_site / "assets").glob(f"{stem}.*.{suffix}")
        digest = published.name.removeprefix(stem + ".").removesuffix("." + suffix)
        assert digest == hashlib.sha256(published.read_bytes()).hexdigest()[:8]
        assert not (sample_site / name).exists()  # the theme folder's unhashed copy is left out
    (stylesheet,) = (sample_site / "assets").glob("dienhinh.*.css")
    assert ".dh-field--kinh-te-ho { --dh-field-color: #" in stylesheet.read_text(encoding="utf-8")
