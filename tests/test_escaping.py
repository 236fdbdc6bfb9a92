"""Property: any string put into any text field of any input file (registry, profile front
matter, visit) never reaches a built HTML page as markup — neither as HTML (``<``, ``"``) nor
as Markdown (links, emphasis, attribute lists), in the body, the <title>, the meta tags or
the share previews."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from PIL import Image

from dienhinh.printing.booklet import printable_characters

from .sample import ROOT, run_cli, run_main
from .test_leaks import foreign_scripts

# Markup a hostile editor may try, each carrying the token "dhx" wherever it would land if it
# were ever read as markup: in an attribute name, a URL, or an element of its own.
PAYLOADS = (
    "<b data-dhx=1>",
    '"><i data-dhx="1">',
    "' data-dhx='1",
    "</title><script data-dhx>alert(1)</script>",
    "{: data-dhx=1 }",
    "[dhx-link](dhx-target)",
    "![dhx-img](dhx.png)",
    "[x](javascript:dhx())",
    "*dhx-em*",
    "_dhx-em_",
    "`dhx-code`",
    "<https://dhx.example>",
    "&lt;b data-dhx&gt;",
    "&#60;b data-dhx&#62;",
    "\n\n# dhx-heading\n\n",
    "- dhx-item",
    "| dhx | cell |",
    "!!! note dhx-admonition",
    "]]><!-- dhx -->",
    "\\*dhx-em\\*",
)
# Any text an editor can type and the booklets can print: no control, format (invisible,
# bidi) or unassigned characters, which the model refuses, and no digits or @, so no phone
# number or e-mail is made by chance.
_PRINTABLE = printable_characters()
assert _PRINTABLE is not None
ALPHABET = sorted(
    chr(c)
    for c in _PRINTABLE
    if unicodedata.category(chr(c)) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Nd", "Mn", "Me")
    and chr(c) != "@"
)
TYPED = st.text(st.sampled_from(ALPHABET), max_size=12)
HOSTILE = st.tuples(TYPED, st.sampled_from(PAYLOADS), TYPED).map(lambda t: f"X {t[0]}{t[1]}{t[2]}".strip())

# Where each string goes: (file, path of keys and list indexes). Every text field a page can
# show; purpose and stories are Markdown by design and sanitized (tests/test_leaks.py).
REGISTRY_FIELDS: tuple[tuple[Any, ...], ...] = (
    ("commune", "name"),
    ("commune", "district"),
    ("commune", "province"),
    ("periods", 0, "name"),
    ("periods", 0, "title"),
    ("general_criteria", 0, "text"),
    ("fields", 0, "name"),
    ("fields", 0, "short_name"),
    ("fields", 0, "description"),
    ("fields", 0, "criteria", 0, "text"),
    ("hamlets", 0, "name"),
    ("hamlets", 1, "name"),
    ("organizations", 0, "name"),
    ("organization_kinds", 0, "name"),
    ("commendation_levels", 0, "name"),
    ("commendation_forms", 0, "name"),
    ("evaluation_results", 0, "name"),
    ("figures", 0, "label"),
    ("figures", 0, "unit"),
)
PROFILE_FIELDS: tuple[tuple[Any, ...], ...] = (
    ("name",),
    ("summary",),
    ("evaluations", 0, "notes"),
    ("commendations", 0, "issuer"),
    ("commendations", 0, "reason"),
    ("replications", 0, "place"),
    ("replications", 0, "notes"),
    ("photos", 0, "caption"),
    ("photos", 0, "credit"),
    ("photos", 0, "alt"),
)
VISIT_FIELDS: tuple[tuple[Any, ...], ...] = (
    ("title",),
    ("organizer",),
    ("participants",),
    ("stops", 0, "place"),
    ("stops", 0, "notes"),
    ("notes",),
)
COUNT = len(REGISTRY_FIELDS) + len(PROFILE_FIELDS) + len(VISIT_FIELDS)

REGISTRY = yaml.safe_load((ROOT / "exemplars" / "registry.yml").read_text(encoding="utf-8"))
FIRST = {table: REGISTRY[table][0]["code"] for table in ("fields", "hamlets", "organizations")}
FIRST |= {t: REGISTRY[t][0]["code"] for t in ("commendation_levels", "commendation_forms")}
FIRST |= {"result": REGISTRY["evaluation_results"][0]["code"], "figure": REGISTRY["figures"][0]["code"]}


def profile(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "kind": "model",
        "field": FIRST["fields"],
        "hamlet": FIRST["hamlets"],
        "organization": FIRST["organizations"],
        "registered": "2022-05-01",
        "summary": "Tóm tắt.",
        "criteria": [REGISTRY["fields"][0]["criteria"][0]["id"]],
        "status": "published",
        "evaluations": [
            {"year": 2023, "result": FIRST["result"], "notes": "n", "figures": {FIRST["figure"]: 1}}
        ],
        "commendations": [
            {
                "date": "2023-01-05",
                "level": FIRST["commendation_levels"],
                "form": FIRST["commendation_forms"],
                "issuer": "UBND",
                "reason": "r",
            }
        ],
        "replications": [{"place": "p", "year": 2023, "units": 2, "notes": "n"}],
        "photos": [{"file": "anh.png", "caption": "c", "credit": "c", "alt": "a"}],
    }


VISIT: dict[str, Any] = {
    "title": "t",
    "date": "2024-10-15",
    "organizer": "o",
    "participants": "p",
    "stops": [{"exemplar": "ho-so-a", "time": "08:00", "place": "p", "notes": "n"}],
    "notes": "n",
}


def put(data: Any, path: tuple[Any, ...], value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def write_project(root: Path, strings: list[str]) -> None:
    """A small project: the sample's settings, pages and templates; a registry, two profiles
    (one with a photo) and a visit whose every text field holds one of ``strings``."""
    for part in ("mkdocs.yml", "content"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part)
        else:
            shutil.copy2(source, root / part)
    texts = iter(strings)
    registry = yaml.safe_load(yaml.safe_dump(REGISTRY))
    for path in REGISTRY_FIELDS:
        put(registry, path, next(texts))
    data = profile("A")
    for path in PROFILE_FIELDS:
        put(data, path, next(texts))
    visit = yaml.safe_load(yaml.safe_dump(VISIT))
    for path in VISIT_FIELDS:
        put(visit, path, next(texts))
    (root / "exemplars").mkdir()
    (root / "exemplars" / "registry.yml").write_text(yaml.safe_dump(registry, allow_unicode=True), "utf-8")
    body = "\n## Cách làm\n\nA.\n\n## Kết quả\n\nB.\n\n## Bài học kinh nghiệm\n\nC.\n"
    for slug, front in (("ho-so-a", data), ("ho-so-b", profile("B " + data["name"]))):
        folder = root / "exemplars" / slug
        folder.mkdir()
        front = {**front, "photos": front["photos"] if slug == "ho-so-a" else []}
        (folder / "index.md").write_text(
            f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n{body}", encoding="utf-8"
        )
    Image.new("RGB", (64, 48), "#3a7").save(root / "exemplars" / "ho-so-a" / "anh.png")
    (root / "visits").mkdir()
    (root / "visits" / "chuyen-tham-quan.yml").write_text(yaml.safe_dump(visit, allow_unicode=True), "utf-8")


def pages(site: Path) -> Iterator[tuple[Path, str, BeautifulSoup]]:
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        yield path, text, BeautifulSoup(text, "html.parser")


def injected(site: Path, strings: list[str]) -> list[str]:
    """Every place where a string became markup, or appears unescaped."""
    found = []
    # A "<" never reaches a page as it was typed (an "&" may: "&amp;" starts with it; an
    # attribute broken by a quote shows as a "dhx" attribute above).
    raw = [s for s in strings if "<" in s]
    for path, text, soup in pages(site):
        where = path.relative_to(site)
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                values = value if isinstance(value, list) else [value]
                if "dhx" in name or name.startswith("on"):
                    found.append(f"{where}: attribute {name} on <{tag.name}>")
                # (a heading's own anchor, #…, is made from its text: not a link the text made)
                if name in ("href", "src", "srcset") and any(
                    ("dhx" in v and not v.startswith("#")) or "javascript:" in v.lower() for v in values
                ):
                    found.append(f"{where}: {name}={value!r}")
            own = tag.get_text().strip()
            if own.startswith("dhx-") and tag.name not in ("script", "style"):
                found.append(f"{where}: <{tag.name}> made of {own[:30]!r}")
        found += [f"{where}: unescaped {s!r}" for s in raw if s in text]
    return found


def build(project: Path, site: Path) -> tuple[int, str]:
    result = run_main("build", "-d", str(site), cwd=project)
    return result.returncode, result.stdout + result.stderr


# Each example builds a whole site: a few examples, no shrinking (a failure prints its strings).
@pytest.mark.e2e(weight=8)  # eight builds: scheduled early under pytest-xdist
@settings(
    max_examples=8,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(strings=st.lists(HOSTILE, min_size=COUNT, max_size=COUNT))
def test_no_text_field_ever_becomes_markup(tmp_path_factory: Any, strings: list[str]) -> None:
    root = tmp_path_factory.mktemp("p")
    write_project(root, strings)
    code, output = build(root, root / "site")
    assert code == 0, output
    site = root / "site"
    assert (site / "dien-hinh" / "ho-so-a" / "index.html").is_file()
    assert injected(site, strings) == []
    assert foreign_scripts(site) == []


def test_the_check_sees_markup(tmp_path: Path) -> None:
    """The checks above find each kind of injection (else the property could never fail)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<title>a</title><script data-dhx>1</script></title><h1 onclick="x" data-dhx>t</h1>'
        '<a href="javascript:x()">a</a><em>dhx-em</em><img src="dhx.png">',
        encoding="utf-8",
    )
    found = injected(site, ["X </title><script data-dhx>1</script>"])
    assert len(found) >= 6, found


def test_sample_project_builds_with_hostile_names_in_the_cli(tmp_path: Path) -> None:
    """The same checks on the real command, run as a user runs it."""
    strings = [f"X {PAYLOADS[i % len(PAYLOADS)]} {i}" for i in range(COUNT)]
    project = tmp_path / "p"
    project.mkdir()
    write_project(project, strings)
    result = run_cli("build", "-d", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert injected(tmp_path / "site", strings) == []
