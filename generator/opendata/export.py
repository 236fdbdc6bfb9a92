"""Records → the open data of a commune site: the JSON document, the same flattened as CSV,
and the files the build writes under ``du-lieu/``.

Everything is made from the records alone (no clock, no file times), so a build of the same
profiles writes the same bytes. Only public profiles are exported, whatever the caller
passes: drafts and individuals without consent never reach these files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..messages import common as common_msg
from ..messages import opendata as msg
from ..records.model import Exemplar, Registry, Use
from ..records.sanitize import looks_like_formula
from ..site.media import ProfileMedia, ShownPhoto
from ..site.pages import profile_page
from . import model as od

FOLDER = "du-lieu"
JSON_FILE = f"{FOLDER}/dien-hinh.json"
CSV_FILE = f"{FOLDER}/dien-hinh.csv"
FEED_FILE = f"{FOLDER}/dien-hinh.atom"
SCHEMA_FILE = f"{FOLDER}/dien-hinh.schema.json"


def site_link(site_url: str, path: str) -> str:
    """A file of the site as the open data names it: absolute under the site's address, or,
    when the site has none, relative to the data file (``du-lieu/``)."""
    if not site_url:
        return f"../{path}"
    return site_url.rstrip("/") + "/" + path


def profile_updated(e: Exemplar) -> dt.date:
    """The latest dated thing in a profile: its registration, commendations, nominations'
    decisions, and each evaluation as of 31 December of its year (the yearly review).
    From the data only, so an unchanged profile keeps its date whenever the site is built."""
    dates = [e.registered, *(c.date for c in e.commendations)]
    dates += [dt.date(ev.year, 12, 31) for ev in e.evaluations]
    dates += [n.decision.date for n in e.nominations if n.decision is not None and n.decision.date]
    return max(dates)


class Exporter:
    """One commune's records as open-data records."""

    def __init__(self, registry: Registry, media: Mapping[str, ProfileMedia], site_url: str) -> None:
        self.registry, self.media, self.site_url = registry, media, site_url
        self.fields = registry.table("fields")
        self.hamlets = registry.table("hamlets")
        self.organizations = registry.table("organizations")
        self.levels = registry.table("commendation_levels")
        self.forms = registry.table("commendation_forms")
        self.results = registry.table("evaluation_results")
        self.figures = registry.table("figures")
        self.criteria = registry.criteria_by_id()

    def document(self, exemplars: Sequence[Exemplar]) -> od.OpenData:
        public = sorted((e for e in exemplars if e.may(Use.open_data)), key=lambda e: e.slug)
        profiles = tuple(self.profile(e) for e in public)
        commune = self.registry.commune
        return od.OpenData(
            commune=od.Commune(
                name=commune.name,
                district=commune.district,
                province=commune.province,
                full_name=commune.full_name,
                site_url=self.site_url or None,
                sample_data=commune.sample_data,
            ),
            updated=max((p.updated for p in profiles), default=None),
            profiles=profiles,
            withdrawn=tuple(
                od.Withdrawn(slug=e.slug, date=e.consent.withdrawn)
                for e in sorted(exemplars, key=lambda e: e.slug)
                if e.consent is not None and e.consent.withdrawn is not None
            ),
        )

    def _label(self, table: Mapping[str, Any], code: str) -> od.Label:
        return od.Label(code=code, name=table[code].name)

    def _field(self, code: str) -> od.FieldLabel:
        f = self.fields[code]
        return od.FieldLabel(code=code, name=f.name, short_name=f.short_name, color=f.color)

    def profile(self, e: Exemplar) -> od.Profile:
        folder = profile_page(e.slug).rsplit("/", 1)[0]
        return od.Profile(
            slug=e.slug,
            url=site_link(self.site_url, folder + "/"),
            name=e.name,
            kind=od.KindLabel(code=e.kind.value, name=common_msg.KIND_NAMES[e.kind.value]),
            field=self._field(e.field),
            other_fields=tuple(self._field(code) for code in e.other_fields),
            hamlet=self._label(self.hamlets, e.hamlet) if e.hamlet else None,
            organization=self._label(self.organizations, e.organization) if e.organization else None,
            registered=e.registered,
            updated=profile_updated(e),
            summary=e.summary,
            featured=e.featured,
            criteria=tuple(
                od.Criterion(id=c, text=self.criteria[c].text) for c in e.criteria if c in self.criteria
            ),
            evaluations=tuple(self._evaluation(ev) for ev in sorted(e.evaluations, key=lambda ev: ev.year)),
            commendations=tuple(
                od.Commendation(
                    date=c.date,
                    level=self._label(self.levels, c.level),
                    form=self._label(self.forms, c.form),
                    issuer=c.issuer,
                    reason=c.reason,
                )
                for c in sorted(e.commendations, key=lambda c: c.date)
            ),
            replications=tuple(
                od.Replication(
                    hamlet=self._label(self.hamlets, r.hamlet) if r.hamlet else None,
                    place=r.place,
                    year=r.year,
                    units=r.units,
                    notes=r.notes,
                )
                for r in e.replications
            ),
            nominations=nominations(e),
            photos=self._photos(e, folder),
        )

    def _evaluation(self, ev: Any) -> od.Evaluation:
        figures = tuple(
            od.Figure(code=code, label=self.figures[code].label, unit=self.figures[code].unit, value=value)
            for code, value in ev.figures.items()
        )
        return od.Evaluation(
            year=ev.year, result=self._label(self.results, ev.result), notes=ev.notes, figures=figures
        )

    def _photos(self, e: Exemplar, folder: str) -> tuple[od.Photo, ...]:
        media = self.media.get(e.slug)
        if media is None:
            return ()
        media = media.for_use(Use.open_data)
        return tuple(self._photo(shown, folder, shown is media.cover) for shown in media.photos)

    def _photo(self, shown: ShownPhoto, folder: str, cover: bool) -> od.Photo:
        # Processed copies only (metadata stripped); the original files are never published.
        largest, smallest = shown.processed.largest, shown.processed.variants[0]
        return od.Photo(
            url=site_link(self.site_url, f"{folder}/{shown.name(largest, 'jpg')}"),
            width=largest.width,
            height=largest.height,
            thumbnail=od.Image(
                url=site_link(self.site_url, f"{folder}/{shown.name(smallest, 'jpg')}"),
                width=smallest.width,
                height=smallest.height,
            ),
            caption=shown.photo.caption,
            credit=shown.photo.credit,
            alt=shown.photo.alt_text,
            cover=cover,
        )


def nominations(e: Exemplar) -> tuple[od.Nomination, ...]:
    """The profile's nominations upward (commune, province, national), by year."""
    found = [
        od.Nomination(
            level=od.NominationLevelLabel.model_validate(
                {"code": n.level.value, "name": common_msg.NOMINATION_LEVELS[n.level.value]}
            ),
            year=n.year,
            congress=n.congress,
            award=n.award,
            decision=None
            if n.decision is None
            else od.Decision(number=n.decision.number, date=n.decision.date, issuer=n.decision.issuer),
            notes=n.notes,
        )
        for n in e.nominations
    ]
    return tuple(sorted(found, key=lambda n: (n.year, n.level.code)))


def open_data(
    registry: Registry, exemplars: Sequence[Exemplar], media: Mapping[str, ProfileMedia], site_url: str
) -> od.OpenData:
    """The commune's open-data document: every profile consented to for open data, and the
    tombstones of those withdrawn."""
    return Exporter(registry, media, site_url).document(exemplars)


def json_bytes(doc: od.OpenData) -> bytes:
    """Compact, stable JSON (keys in the schema's order), UTF-8, one final newline. Written by
    pydantic's own serializer: byte for byte what ``json.dumps(doc.model_dump(mode="json"),
    ensure_ascii=False, separators=(",", ":"))`` gives (tests/test_opendata.py), without the
    dictionaries and the text in between (230 MB at 10,000 profiles)."""
    return doc.model_dump_json(by_alias=True).encode("utf-8") + b"\n"


# --- CSV -------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    """A spreadsheet cell: text that starts like a formula is prefixed with an apostrophe, so
    Excel shows it instead of running it (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def _joined(items: Iterable[str]) -> str:
    return "; ".join(items)


def _latest(p: od.Profile) -> od.Evaluation | None:
    return p.evaluations[-1] if p.evaluations else None


def _nominations(p: od.Profile) -> str:
    return _joined(
        f"{n.year} {n.level.name}: {n.congress or n.award or ''}".rstrip(": ") for n in p.nominations
    )


def _commendations(p: od.Profile) -> str:
    return _joined(
        f"{c.date.isoformat()} {c.form.name} ({c.level.name}, {c.issuer})" for c in p.commendations
    )


# The CSV's columns in order: each one's heading (its key in msg.CSV_HEADINGS) and its value
# for one profile.
CSV_COLUMNS: tuple[tuple[str, Callable[[od.Profile], object]], ...] = (
    ("slug", lambda p: p.slug),
    ("url", lambda p: p.url),
    ("name", lambda p: p.name),
    ("kind", lambda p: p.kind.name),
    ("field_code", lambda p: p.field.code),
    ("field", lambda p: p.field.name),
    ("other_fields", lambda p: _joined(f.name for f in p.other_fields)),
    ("hamlet_code", lambda p: p.hamlet.code if p.hamlet else ""),
    ("hamlet", lambda p: p.hamlet.name if p.hamlet else ""),
    ("organization_code", lambda p: p.organization.code if p.organization else ""),
    ("organization", lambda p: p.organization.name if p.organization else ""),
    ("registered", lambda p: p.registered.isoformat()),
    ("updated", lambda p: p.updated.isoformat()),
    ("summary", lambda p: p.summary),
    ("featured", lambda p: msg.CSV_YES if p.featured else ""),
    ("criteria", lambda p: _joined(c.text for c in p.criteria)),
    ("evaluation_count", lambda p: len(p.evaluations)),
    ("latest_evaluation_year", lambda p: latest.year if (latest := _latest(p)) else ""),
    ("latest_evaluation_result", lambda p: latest.result.name if (latest := _latest(p)) else ""),
    ("commendation_count", lambda p: len(p.commendations)),
    ("commendations", _commendations),
    ("replication_count", lambda p: len(p.replications)),
    ("replicated_units", lambda p: sum(r.units for r in p.replications)),
    (
        "replication_places",
        lambda p: _joined(r.hamlet.name if r.hamlet else (r.place or "") for r in p.replications),
    ),
    ("nomination_count", lambda p: len(p.nominations)),
    ("nominations", _nominations),
    ("photo_count", lambda p: len(p.photos)),
    ("cover", lambda p: p.cover.url if p.cover else ""),
)


def csv_bytes(profiles: Sequence[od.Profile]) -> bytes:
    """The profiles as CSV for spreadsheets: UTF-8 with a BOM (Excel then reads Vietnamese
    right), comma-separated, CRLF line ends, a header row in Vietnamese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(msg.CSV_HEADINGS[key] for key, _ in CSV_COLUMNS)
    for p in profiles:
        writer.writerow(_cell(value(p)) for _, value in CSV_COLUMNS)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- the files of the stage ------------------------------------------------------------------


def site_files(
    registry: Registry,
    exemplars: Sequence[Exemplar],
    media: Mapping[str, ProfileMedia],
    site_url: str,
    site_name: str,
) -> dict[str, bytes]:
    """Site path → bytes of every open-data file: the JSON, the CSV, the schema they follow
    and, when the site has an address (Atom needs absolute ones), the feed."""
    from .feed import feed_bytes
    from .schema import schema_text

    doc = open_data(registry, exemplars, media, site_url)
    files = {
        JSON_FILE: json_bytes(doc),
        CSV_FILE: csv_bytes(doc.profiles),
        SCHEMA_FILE: schema_text().encode("utf-8"),
    }
    if site_url:
        files[FEED_FILE] = feed_bytes(doc, site_link(site_url, FEED_FILE), site_url, site_name)
    return files
