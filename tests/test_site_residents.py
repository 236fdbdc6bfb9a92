"""What a resident meets on the built sample site: Vietnamese only, in the visible text and in
what a screen reader says (title, aria-label, alt, placeholder)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jinja2
import material
import yaml
from bs4 import BeautifulSoup, Comment, Tag

from .sample import ROOT

# What assistive technology reads besides the text: names, descriptions, hints.
SPOKEN_ATTRIBUTES = ("title", "aria-label", "aria-description", "aria-roledescription", "alt", "placeholder")
NOT_SHOWN = ("script", "style", "template")
# English that does not come from the theme's translation table: hard-coded in its templates
# or written by Python-Markdown (the heading anchors' title).
ENGLISH_OUTSIDE_THE_TABLE = ("Made with", "Material for MkDocs", "MkDocs", "Not found", "Permanent link")
# Keys of the theme's table that are settings, not words for a reader.
NOT_WORDS = {"language", "direction"}


class _SettingsOnly(yaml.SafeLoader):
    """mkdocs.yml's plain settings; its Python tags (the slugify function) read as None."""


_SettingsOnly.add_multi_constructor("", lambda loader, suffix, node: None)


def theme_english() -> list[str]:
    """Every English phrase mkdocs-material can show (its own translation table, so a newer
    theme's new strings are checked too), plus the English it prints outside that table."""
    table = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    entries = re.findall(r'^\s*"([\w.]+)": "(.*)",?$', table.read_text(encoding="utf-8"), re.MULTILINE)
    phrases = [
        value for key, value in entries if key not in NOT_WORDS and not key.startswith("search.config")
    ]
    assert len(phrases) > 40, "the theme's English table was not found or not understood"
    # "in" (blog categories) is also a Vietnamese word ("in sổ tay"): one-to-three-letter words are left out.
    return [p for p in [*phrases, *ENGLISH_OUTSIDE_THE_TABLE] if len(p.replace("#", "").strip()) > 3]


def english_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Whole words, case kept: "Share" is English, "share" in a file name or code is not."""
    alternatives = (re.escape(p).replace(r"\#", r"\d+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


ENGLISH = english_pattern(theme_english())


def pages(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(site.rglob("*.html")):
        yield (
            path.relative_to(site).as_posix(),
            BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"),
        )


def resident_texts(page: BeautifulSoup) -> Iterator[str]:
    """Every piece of text a reader sees or hears: text nodes (the <title> and text that scripts
    reveal later, such as "back to top", included), spoken attributes, and the words the theme's
    scripts show (its translations in the page's configuration)."""
    for node in page.find_all(string=True):
        if isinstance(node, Comment) or node.find_parent(NOT_SHOWN):
            continue
        if node.strip():
            yield node.strip()
    for element in page.find_all(True):
        for name in SPOKEN_ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str) and value.strip():
                yield value.strip()
        if element.name == "input" and element.get("type") in {"button", "submit", "reset"}:
            yield str(element.get("value", ""))
    config = page.select_one("script#__config")
    if isinstance(config, Tag):
        yield from json.loads(config.get_text()).get("translations", {}).values()


def test_the_deny_list_catches_what_the_theme_prints() -> None:
    for english in (
        "Made with",
        "Back to top",
        "Copy to clipboard",
        "Skip to content",
        "404 - Not found",
        "Initializing search",
        "Permanent link",
        "3 min read",
        "Edit this page",
    ):
        assert ENGLISH.search(english), english
    for vietnamese in ("Lên đầu trang", "in sổ tay", "status: draft", "share-card.png", "Sao chép"):
        assert not ENGLISH.search(vietnamese), vietnamese


def test_no_english_for_residents(sample_site: Path) -> None:
    found = {
        (url, text)
        for url, page in pages(sample_site)
        for text in resident_texts(page)
        if ENGLISH.search(text)
    }
    assert sorted(found) == []


def test_every_page_says_it_is_vietnamese(sample_site: Path) -> None:
    languages = {url: page.html.get("lang") if page.html else None for url, page in pages(sample_site)}
    assert set(languages.values()) == {"vi"}, languages


def test_not_found_page_is_vietnamese_and_leads_home(sample_site: Path) -> None:
    page = BeautifulSoup((sample_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("article.md-content__inner")
    assert article is not None and article.h1 is not None
    heading = article.h1.get_text(" ", strip=True)
    assert "404" not in heading and re.search(r"[ăâđêôơưạ-ỹ]", heading), heading
    # Served at any missing address, however deep: its links must still reach the home page.
    missing_address = "https://dienhinh.example.vn/dien-hinh/khong-co/trang/"
    targets = {urljoin(missing_address, a["href"]) for a in article.select("a[href]")}
    assert "https://dienhinh.example.vn/" in targets, targets
    assert "Không tìm thấy" in (page.title.get_text() if page.title else "")


def test_every_word_of_the_theme_has_its_vietnamese() -> None:
    """Words the sample site does not show today (cookie banner, code copy button, edit link,
    blog, tabs…) are Vietnamese too, so turning a theme feature on brings no English."""
    theme = Path(material.__file__).parent / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([ROOT / "site_templates" / "material", theme]))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_SettingsOnly)
    keys = re.findall(r'^\s*"([\w.]+)": ', (theme / "partials/languages/en.html").read_text(), re.MULTILINE)
    words = env.from_string(
        '{% import "partials/language.html" as lang with context %}'
        "{% for key in keys %}{{ key }}={{ lang.t(key) }}\n{% endfor %}"
    ).render(config=config, keys=keys)
    translated = dict(line.split("=", 1) for line in words.splitlines())
    assert translated["language"] == "vi"
    english = {key: word for key, word in translated.items() if ENGLISH.search(word)}
    assert english == {}


# --- the staff guide: reachable for officers, out of the residents' way ----------------------

STAFF_GUIDE = "huong-dan-bien-tap/"
STAFF_GUIDES = (STAFF_GUIDE, "huong-dan-nhieu-may/")  # the guide, and editing on several computers


def pagefind_urls(site: Path) -> set[str]:
    """Addresses of the pages in the search index (fragments: gzip after a signature)."""
    urls = {fragment["url"] for fragment in pagefind_fragments(site)}
    assert urls, "no search index"
    return urls


def pagefind_fragments(site: Path) -> list[dict[str, Any]]:
    """Every page of the search index as Pagefind stores it (gzip after a signature)."""
    return [
        json.loads(gzip.decompress(path.read_bytes()).decode("utf-8")[len("pagefind_dcd") :])
        for path in (site / "pagefind" / "fragment").glob("*.pf_fragment")
    ]


def test_staff_guide_is_out_of_the_menu_and_the_search(sample_site: Path) -> None:
    assert (sample_site / STAFF_GUIDE / "index.html").is_file()
    for url, page in pages(sample_site):
        menu = page.select_one("nav.md-nav--primary")
        assert menu is not None, url
        in_menu = [a["href"] for a in menu.select("a[href]") if any(g in a["href"] for g in STAFF_GUIDES)]
        assert in_menu == [], url
    for guide in STAFF_GUIDES:
        assert (sample_site / guide / "index.html").is_file()
        assert f"/{guide}" not in pagefind_urls(sample_site)
    assert "/gioi-thieu/" in pagefind_urls(sample_site)


def test_staff_guide_is_one_discreet_footer_link_away(sample_site: Path) -> None:
    """From every page, the footer's "Dành cho cán bộ" leads to the guide."""
    for url, page in pages(sample_site):
        links = [a for a in page.select("footer a[href]") if a.get_text(strip=True) == "Dành cho cán bộ"]
        assert len(links) == 1, url
        address = "https://dienhinh.example.vn/" + (url if url != "404.html" else "khong-co/trang/")
        target = urljoin(address, links[0]["href"])
        assert target == f"https://dienhinh.example.vn/{STAFF_GUIDE}", (url, target)


def test_publishing_guide_is_for_officers_only(sample_site: Path) -> None:
    """ "Đưa trang lên mạng" is reached from the editors' guide, never from a resident's menu
    or search."""
    guide = "dua-trang-len-mang/"
    assert (sample_site / guide / "index.html").is_file()
    for url, page in pages(sample_site):
        menu = page.select_one("nav.md-nav--primary")
        assert menu is not None and not menu.select(f'a[href*="{guide}"]'), url
    assert f"/{guide}" not in pagefind_urls(sample_site)
    editors = BeautifulSoup(
        (sample_site / STAFF_GUIDE / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert editors.select(f'article a[href$="{guide}"]')


# --- registry codes: residents read names --------------------------------------------------


def registry_codes() -> set[str]:
    """Every code of exemplars/registry.yml: fields, criteria, hamlets, organizations and their
    kinds, commendation levels and forms, evaluation results, figures."""
    registry = yaml.safe_load((ROOT / "exemplars" / "registry.yml").read_text(encoding="utf-8"))
    codes = {c["id"] for c in registry.get("general_criteria", [])}
    for items in registry.values():
        if isinstance(items, list):
            codes |= {item["code"] for item in items if isinstance(item, dict) and "code" in item}
    codes |= {c["id"] for field in registry["fields"] for c in field.get("criteria", [])}
    assert {"kth-1", "xa", "pa-cho", "hoi-nong-dan", "giay-khen", "tot", "income"} <= codes
    return codes


CODES = registry_codes()
# A code that cannot be a Vietnamese word (a hyphen, an underscore or a digit in it) is caught
# inside a longer text too; a one-word code such as "tot" only when it is the whole text.
CODE_WORD = re.compile(
    r"(?<![\w/.#-])(?:"
    + "|".join(re.escape(c) for c in sorted(CODES, key=len, reverse=True) if re.search(r"[-_\d]", c))
    + r")(?![\w/.-])"
)


def shown_codes(page: BeautifulSoup) -> set[str]:
    found = set()
    for text in resident_texts(page):
        if text in CODES:
            found.add(text)
        found |= set(CODE_WORD.findall(text))
    return found


def test_the_code_check_catches_codes() -> None:
    page = BeautifulSoup(
        '<li><span class="dh-criterion-id">kth-1</span> Có thành tích</li><p>Cấp: xa</p>'
        '<p title="pa-cho">x</p><p>kth-1 Có thành tích</p><a href="../xom/pa-cho/">Xóm Pa Chò</a>',
        "html.parser",
    )
    assert shown_codes(page) == {"kth-1", "pa-cho"}


def test_residents_read_names_not_registry_codes(sample_site: Path) -> None:
    found = {
        (url, code)
        for url, page in pages(sample_site)
        if not url.startswith(STAFF_GUIDES)  # the guides teach officers the codes they type
        for code in shown_codes(page)
    }
    assert sorted(found) == []


def test_search_results_show_no_registry_codes(sample_site: Path) -> None:
    """Result titles, excerpts and filter names come from the search index, not the pages."""
    fragments = pagefind_fragments(sample_site)
    assert fragments
    found = {
        (fragment["url"], code)
        for fragment in fragments
        for part in (fragment["content"], fragment["meta"], fragment["filters"])
        for code in CODE_WORD.findall(json.dumps(part, ensure_ascii=False))
    }
    assert sorted(found) == []
