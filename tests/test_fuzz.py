"""Property-based: random front matter and Markdown never make loading or validation raise;
every outcome is a record or collected problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dienhinh.records.load import load_registry, read_exemplar
from dienhinh.records.model import FRONT_MATTER_KEYS
from dienhinh.records.validate import check_exemplar, check_personal_data, check_story_html

from .sample import ROOT

REGISTRY, _, _ = load_registry(ROOT / "exemplars" / "registry.yml")
assert REGISTRY is not None
CODES = [f.code for f in REGISTRY.fields] + [h.code for h in REGISTRY.hamlets] + ["tot", "xa", "giay-khen"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(CODES),
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)).map(str),
    st.sampled_from(["2022-02-30", "2022-13-01", "0912 345 678", "<script>x</script>", "<div>", "*a"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
keys = st.sampled_from(FRONT_MATTER_KEYS) | st.text(min_size=1, max_size=10)
front_matter = st.dictionaries(keys, values, max_size=12)
markdown = st.lists(
    st.sampled_from(
        [
            "## Cách làm",
            "## Kết quả",
            "text",
            "<div>",
            "</div>",
            "[a](../x/index.md)",
            "![a](http://x/y.png)",
            "`<b>`",
            "```\n<div>\n```",
            "0987.654.321",
            "a@b.vn",
        ]
    )
    | st.text(max_size=40),
    max_size=8,
).map("\n".join)


def exercise(folder: Path, text: str | bytes) -> None:
    folder.mkdir(exist_ok=True)
    path = folder / "index.md"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    record, source, problems = read_exemplar(folder, REGISTRY)
    assert record is not None or problems
    if record is not None and source is not None:
        check_exemplar(record, source, REGISTRY, dt.date(2026, 1, 1))
        check_story_html(record, source)
        check_personal_data(record, source)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=front_matter, body=markdown)
def test_random_profiles_never_raise(tmp_path: Path, data: dict[str, object], body: str) -> None:
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body
    exercise(tmp_path / "ho-so", text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: "---\n" + t))
def test_random_bytes_never_raise(tmp_path: Path, raw: bytes | str) -> None:
    exercise(tmp_path / "ho-so", raw)


BASE = {
    "name": "Mô hình",
    "kind": "model",
    "field": "chuyen-doi-so",
    "hamlet": "dong-tam",
    "registered": "2022-05-01",
    "summary": "Tóm tắt.",
    "status": "published",
    "evaluations": [{"year": 2022, "result": "tot", "figures": {"income": 1}}],
    "commendations": [{"date": "2023-01-01", "level": "xa", "form": "giay-khen", "issuer": "UBND"}],
    "replications": [{"hamlet": "na-a", "year": 2023, "units": 2}],
    "consent": {"given": True, "date": "2022-01-01"},
}


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    changes=st.dictionaries(
        st.sampled_from(sorted(BASE) + ["criteria", "other_fields", "kind"]), values, max_size=3
    ),
    body=markdown,
)
def test_nearly_valid_profiles_never_raise(tmp_path: Path, changes: dict[str, object], body: str) -> None:
    data = {**BASE, **changes}
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body
    exercise(tmp_path / "ho-so", text)


def test_base_profile_is_valid(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    (folder / "index.md").write_text(
        "---\n" + yaml.safe_dump(BASE, allow_unicode=True) + "---\n## Cách làm\n"
    )
    record, _, problems = read_exemplar(folder, REGISTRY)
    assert problems == [] and record is not None
