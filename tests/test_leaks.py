"""Nothing private or hostile reaches the built site: hidden profiles, private notes,
phone numbers, and scripts or handlers pasted into a story."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from dienhinh.records.privacy import find_personal_data

from .sample import copy_project, run_main
from .test_site import CATALOG, HIDDEN

# The theme's scripts and ours (fingerprinted); no inline script at all (the theme's inline
# ones load from assets/dienhinh-theme.*.js, see test_csp.py).
OUR_SCRIPTS = re.compile(
    r"^/?(\.\./)*assets/(javascripts/|dienhinh-(theme|gallery|search|profile)\.[0-9a-f]{8}\.js$)"
)


def site_text_files(site: Path) -> list[tuple[Path, str]]:
    return [
        (p, p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(site.rglob("*"))
        if p.suffix in {".html", ".xml", ".json", ".js", ".txt", ".css", ".atom", ".csv"}
    ]


def foreign_scripts(site: Path) -> list[str]:
    found = []
    for path in site.rglob("*.html"):
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            src = script.get("src")
            if src is not None:
                if OUR_SCRIPTS.match(src):
                    continue
            elif script.get("type") == "application/json" and script.get("id") == "__config":
                continue
            elif script.get("type") == "application/ld+json" and script.parent.name == "head":
                continue  # schema.org data the theme override writes (share.script_json)
            found.append(f"{path.relative_to(site)}: {str(script)[:80]}")
    return found


def test_sample_site_has_no_hidden_names_numbers_or_notes(sample_site: Path) -> None:
    """Must-show 3 of the privacy issue, on the whole built sample site."""
    secrets = [e.name for e in HIDDEN]
    for e in CATALOG.exemplars:
        if e.private_notes:
            secrets.append(e.private_notes[:30])
            secrets += [f.text for f in find_personal_data(e.private_notes)]
    for e in HIDDEN:
        secrets += [f.text for f in find_personal_data(e.story)]
    numbers = [s for s in secrets if re.search(r"\d{3}", s)]
    assert len(numbers) >= 3, "the sample data must hide some phone numbers"
    digits = {re.sub(r"\D", "", n) for n in numbers}
    files = site_text_files(sample_site)
    # The open data (JSON, CSV, Atom feed) is searched like every page.
    opened = {path.relative_to(sample_site).as_posix() for path, _ in files}
    assert {"du-lieu/dien-hinh.json", "du-lieu/dien-hinh.csv", "du-lieu/dien-hinh.atom"} <= opened
    for path, text in files:
        for secret in secrets:
            assert secret not in text, f"{secret!r} leaked into {path}"
        squeezed = re.sub(r"\D", "", text)
        for number in digits:
            assert number not in squeezed or path.suffix == ".js", f"{number} leaked into {path}"
    assert foreign_scripts(sample_site) == []


HOSTILE = """---
name: Tên <script>alert("name")</script> "có ngoặc"
kind: model
field: chuyen-doi-so
hamlet: dong-tam
registered: 2022-05-01
summary: Tóm tắt "><script>alert('summary')</script>
status: published
---

## Cách làm

<script>alert("story")</script>
<iframe src="https://evil.example"></iframe>
<div id="__config">{"base": "https://evil.example"}</div>
[bấm](javascript:alert(1)) <a href="javascript:alert(2)" onclick="steal()">b</a>
<p onmouseover="alert(3)" style="position:fixed">p</p>
<img src="#" onerror="alert(4)">
<svg onload="alert(5)"><circle r="1"/></svg>

## Kết quả

Vẫn còn [liên kết thường](../doi-che-ban-quyen/index.md) và **chữ đậm**.

## Bài học kinh nghiệm

<details><summary>Xem thêm</summary>Nội dung</details>
"""


def test_hostile_story_is_sanitized(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", media_cache=True)
    folder = project / "exemplars" / "doc-hai"
    folder.mkdir()
    (folder / "index.md").write_text(HOSTILE, encoding="utf-8")
    result = run_main("build", "-d", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert foreign_scripts(site) == []
    page = (site / "dien-hinh" / "doc-hai" / "index.html").read_text(encoding="utf-8")
    for bad in (
        "onclick",
        "onmouseover",
        "onerror",
        "onload",
        "javascript:",
        "<iframe",
        "position:fixed",
        "<circle",
    ):
        assert bad not in page, bad
    assert page.count('id="__config"') == 1
    soup = BeautifulSoup(page, "html.parser")
    urls = [
        value for tag in soup.find_all(True) for name, value in tag.attrs.items() if name in ("href", "src")
    ]
    assert not [url for url in urls if "evil.example" in url]
    assert soup.title.get_text().startswith('Tên <script>alert("name")</script> "có ngoặc"')
    description = soup.select_one('meta[name="description"]')["content"]
    assert description == "Tóm tắt \"><script>alert('summary')</script>"
    assert soup.select_one('a[href="../doi-che-ban-quyen/"]').get_text() == "liên kết thường"
    assert soup.find("strong", string="chữ đậm") is not None
    assert soup.find("details") is not None
    # The generated sections after the story are intact.
    assert [h.get_text().rstrip("¶") for h in soup.select("article h2")][-1] == "Điển hình liên quan"


def test_every_format_character_is_removed_before_matching() -> None:
    # The table is built from three planes only (start-up time): it must hold every format
    # character Unicode has, wherever it lies.
    import unicodedata

    from dienhinh.records import privacy

    every = {c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    assert every == {c for c, replaced in privacy._FORMAT_AND_DASHES.items() if replaced is None}
