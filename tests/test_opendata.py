"""Open data on every site (du-lieu/): the JSON validates against the published schema, the
feed parses with feedparser and is dated from the data, the CSV opens in a spreadsheet, and
nothing that is not on the site's pages is in them."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator, FormatChecker

from dienhinh import clock
from dienhinh.messages import common as common_msg
from dienhinh.messages import opendata as msg
from dienhinh.opendata import model as od
from dienhinh.opendata.check import check_document
from dienhinh.opendata.export import (
    CSV_COLUMNS,
    csv_bytes,
    json_bytes,
    open_data,
    profile_updated,
    site_files,
)
from dienhinh.opendata.schema import COMMITTED, schema_text
from dienhinh.records.model import Exemplar

from .test_site import CATALOG, HIDDEN, PUBLIC

SITE_URL = "https://dienhinh.example.vn/"
# The schema's fingerprint for each version: changing the models changes the schema, and a
# changed schema needs a new version (a new field or rule: MINOR or MAJOR, a reworded
# description: PATCH; readers accept documents of their own major version).
# 1.1: limits on lists and texts; withdrawn profiles (tombstones).
PINNED = {"1.0.0": "b93c67ac51dce2da", "1.1.0": "b88574066d73673e"}


def published_schema() -> dict[str, Any]:
    return json.loads(COMMITTED.read_text(encoding="utf-8"))


def validator() -> Draft202012Validator:
    schema = published_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def sample_data(site: Path) -> dict[str, Any]:
    return json.loads((site / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8"))


def keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from keys(item)


def test_committed_schema_is_what_the_models_give() -> None:
    # Checking a document first (validators rewrite the schema they compile) must not change
    # the schema a build then publishes.
    registry = CATALOG.registry
    assert registry is not None
    assert check_document(json_bytes(open_data(registry, PUBLIC, {}, SITE_URL))).doc is not None
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "generator/opendata/dien-hinh.schema.json is stale: run .venv/bin/python -m dienhinh.opendata.schema"
    )


def test_schema_change_needs_a_new_version() -> None:
    schema = published_schema()
    body = {k: v for k, v in schema.items() if k != "version"}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    assert schema["version"] == od.SCHEMA_VERSION
    assert schema["$id"].endswith(f"dien-hinh-{od.SCHEMA_MAJOR}.schema.json")
    assert PINNED.get(od.SCHEMA_VERSION) == digest, (
        f"the open-data schema changed ({digest}) but its version is still {od.SCHEMA_VERSION}:"
        " raise SCHEMA_VERSION in generator/opendata/model.py and pin the new fingerprint here"
    )


def test_sample_site_data_validates_against_the_published_schema(sample_site: Path) -> None:
    data = sample_data(sample_site)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
    assert errors == []
    assert data["$schema"] == published_schema()["$id"]
    assert data["schema_version"] == od.SCHEMA_VERSION
    assert [p["slug"] for p in data["profiles"]] == sorted(e.slug for e in PUBLIC)
    # The site publishes the schema beside its data, identical to the committed copy.
    published = (sample_site / "du-lieu" / "dien-hinh.schema.json").read_text(encoding="utf-8")
    assert published == COMMITTED.read_text(encoding="utf-8")


def test_data_has_labels_evaluations_commendations_replications(sample_site: Path) -> None:
    profiles = {p["slug"]: p for p in sample_data(sample_site)["profiles"]}
    registry = CATALOG.registry
    assert registry is not None
    for e in PUBLIC:
        p = profiles[e.slug]
        assert p["name"] == e.name
        assert p["url"] == f"{SITE_URL}dien-hinh/{e.slug}/"
        assert p["field"]["name"] == registry.field(e.field).name
        assert p["kind"]["name"] == common_msg.KIND_NAMES[e.kind.value]
        assert [ev["year"] for ev in p["evaluations"]] == sorted(ev.year for ev in e.evaluations)
        assert len(p["commendations"]) == len(e.commendations)
        assert sum(r["units"] for r in p["replications"]) == sum(r.units for r in e.replications)
        assert p["updated"] == profile_updated(e).isoformat()
        assert "nominations" in p


def test_photos_are_the_processed_copies_on_the_site(sample_site: Path) -> None:
    photos = [ph for p in sample_data(sample_site)["profiles"] for ph in p["photos"]]
    assert len(photos) >= 5
    for photo in photos:
        for url, width in (
            (photo["url"], photo["width"]),
            (photo["thumbnail"]["url"], photo["thumbnail"]["width"]),
        ):
            assert url.startswith(SITE_URL)
            path = sample_site / url[len(SITE_URL) :]
            assert path.is_file(), url
            assert re.search(rf"/anh/[a-z0-9-]+-[0-9a-f]{{8}}-{width}\.jpg$", url), url
        assert photo["thumbnail"]["width"] <= photo["width"]
    # The originals (anh-1.jpg beside index.md) are never published, nor named.
    originals = {ph.file for e in CATALOG.exemplars for ph in e.photos}
    text = (sample_site / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8")
    for name in originals:
        assert f'/{name}"' not in text


def test_nothing_private_in_the_open_data(sample_site: Path) -> None:
    folder = sample_site / "du-lieu"
    data = sample_data(sample_site)
    assert set(keys(data)).isdisjoint({"private_notes", "consent", "status", "public_contacts", "story"})
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted(folder.iterdir())]
    assert len(texts) == 4
    secrets = [e.name for e in HIDDEN] + [e.slug for e in HIDDEN]
    secrets += [e.private_notes[:30] for e in CATALOG.exemplars if e.private_notes]
    secrets += [e.consent.date.isoformat() for e in PUBLIC if e.consent and e.consent.date]
    assert len(secrets) >= 5
    for text in texts:
        for secret in secrets:
            assert secret not in text


@pytest.mark.parametrize("key", ["private_notes", "consent", "status", "story"])
def test_the_schema_refuses_private_keys(sample_site: Path, key: str) -> None:
    data = sample_data(sample_site)
    data["profiles"][0][key] = "x"
    assert [e.validator for e in validator().iter_errors(data)] == ["additionalProperties"]


def test_feed_parses_and_is_linked_from_every_page(sample_site: Path) -> None:
    raw = (sample_site / "du-lieu" / "dien-hinh.atom").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == "vi"
    assert feed.feed.id == f"{SITE_URL}du-lieu/dien-hinh.atom"
    assert len(feed.entries) == len(PUBLIC)
    by_url = {f"{SITE_URL}dien-hinh/{e.slug}/": e for e in PUBLIC}
    updated = []
    for entry in feed.entries:
        e = by_url[entry.link]
        assert entry.title == e.name
        assert entry.summary == e.summary
        # Midnight in Vietnam, with its offset (feedparser's *_parsed fields are in UTC).
        assert dt.datetime.fromisoformat(entry.updated) == dt.datetime.combine(
            profile_updated(e), dt.time(0), tzinfo=clock.VIETNAM
        )
        assert dt.datetime.fromisoformat(entry.published).date() == e.registered
        updated.append(entry.updated_parsed)
    assert updated == sorted(updated, reverse=True)
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        link = head.find("link", rel="alternate", type="application/atom+xml") if head else None
        assert link is not None, page
        # The missing-page page is served at any address: its links start at the site's root.
        href = link["href"]
        target = (sample_site / href[1:] if href.startswith("/") else page.parent / href).resolve()
        assert target == (sample_site / "du-lieu" / "dien-hinh.atom").resolve(), page


def _files_at(moment: dt.datetime, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    monkeypatch.setattr(clock, "now", lambda: moment)
    registry = CATALOG.registry
    assert registry is not None
    return site_files(registry, CATALOG.exemplars, {}, SITE_URL, "Điển hình")


def test_unchanged_data_gives_the_same_bytes_whenever_built(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _files_at(dt.datetime(2026, 1, 2, 8, tzinfo=clock.VIETNAM), monkeypatch)
    later = _files_at(dt.datetime(2031, 7, 9, 23, tzinfo=clock.VIETNAM), monkeypatch)
    assert first == later
    assert set(first) == {
        "du-lieu/dien-hinh.json",
        "du-lieu/dien-hinh.csv",
        "du-lieu/dien-hinh.atom",
        "du-lieu/dien-hinh.schema.json",
    }


def test_an_added_commendation_moves_the_profile_up_the_feed() -> None:
    registry = CATALOG.registry
    assert registry is not None
    oldest = min(PUBLIC, key=lambda e: (profile_updated(e), e.slug))
    later = max(profile_updated(e) for e in PUBLIC) + dt.timedelta(days=1)
    changed = oldest.model_copy(update={"commendations": (*oldest.commendations, _commendation(later))})
    exemplars = [changed if e.slug == oldest.slug else e for e in PUBLIC]
    from dienhinh.opendata.feed import newest

    before = open_data(registry, PUBLIC, {}, SITE_URL)
    assert newest(before)[0].slug != oldest.slug
    doc = open_data(registry, exemplars, {}, SITE_URL)
    assert newest(doc)[0].slug == oldest.slug
    assert doc.updated == later


def _commendation(day: dt.date) -> Any:
    from dienhinh.records.model import Commendation

    registry = CATALOG.registry
    assert registry is not None
    return Commendation(
        date=day,
        level=registry.commendation_levels[0].code,
        form=registry.commendation_forms[0].code,
        issuer="UBND xã",
    )


def test_drafts_are_not_exported_even_when_passed() -> None:
    registry = CATALOG.registry
    assert registry is not None
    doc = open_data(registry, CATALOG.exemplars, {}, "")
    assert {p.slug for p in doc.profiles} == {e.slug for e in PUBLIC}
    # Without a site address, links are relative to the data file.
    assert all(p.url.startswith("../dien-hinh/") for p in doc.profiles)


def test_csv_opens_in_a_spreadsheet_with_vietnamese_intact(sample_site: Path) -> None:
    raw = (sample_site / "du-lieu" / "dien-hinh.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that tells Excel it is UTF-8
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == [msg.CSV_HEADINGS[key] for key, _ in CSV_COLUMNS]
    # Each column once, each heading used: the headings and the values are declared together.
    assert [key for key, _ in CSV_COLUMNS] == list(msg.CSV_HEADINGS)
    assert len(set(rows[0])) == len(rows[0])
    assert len(rows) == 1 + len(PUBLIC)
    by_slug = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    for e in PUBLIC:
        row = by_slug[e.slug]
        assert row["Tên điển hình"] == e.name
        assert row["Số lần khen thưởng"] == str(len(e.commendations))
        assert row["Số hộ/đơn vị làm theo"] == str(sum(r.units for r in e.replications))


def test_csv_cells_that_look_like_formulas_are_shown_not_run() -> None:
    registry = CATALOG.registry
    assert registry is not None
    base: Exemplar = PUBLIC[0]
    hostile = base.model_copy(update={"name": '=HYPERLINK("http://evil.example","x")', "summary": "+1 tỷ"})
    doc = open_data(registry, [hostile], {}, SITE_URL)
    rows = list(csv.reader(io.StringIO(csv_bytes(doc.profiles).decode("utf-8-sig"), newline="")))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Tên điển hình"] == "'" + hostile.name
    assert row["Tóm tắt"] == "'+1 tỷ"


def test_the_json_is_what_the_standard_library_writes() -> None:
    # json_bytes uses pydantic's serializer (no dictionaries in between): its bytes must be
    # the compact json.dumps of the same document, escapes, key order and numbers included.
    registry = CATALOG.registry
    assert registry is not None
    base: Exemplar = PUBLIC[0]
    odd = "ngoặc \"kép\" \\ /, tab\t, ký tự \x1f\x7f, \u2028\u2029, 😀, đĐ, \ufeff"
    hostile = base.model_copy(update={"name": odd, "summary": odd})
    doc = open_data(registry, [*PUBLIC, hostile], {}, SITE_URL)
    data = doc.model_dump(mode="json", by_alias=True)
    expected = (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    assert json_bytes(doc) == expected
    assert any("kép" in p["name"] and "😀" in p["name"] for p in json.loads(json_bytes(doc))["profiles"])
