"""The open data a commune site publishes (``du-lieu/dien-hinh.json``), as typed records.

These models are the contract between a commune and whoever reads its data (the province
site, a journalist, a spreadsheet): the published JSON Schema is generated from them
(schema.py), the export writes them (export.py) and the province reads them back
(gather.py). Only what a profile page already shows is here: no story, no consent, no
status, no private notes, no contacts. Every key is always written (null or [] when empty).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..records.model import CODE_PATTERN, MAX_ITEMS, MAX_SUMMARY, MAX_TEXT

# The version of the data's shape. Any change to these models changes the schema, and the
# schema's fingerprint for this version is pinned in tests/test_opendata.py: a change
# without a new version fails there. A reader accepts the same major version only.
SCHEMA_VERSION = "1.1.0"
SCHEMA_MAJOR = SCHEMA_VERSION.split(".")[0]
SCHEMA_ID = f"https://dienhinh.example.vn/schema/dien-hinh-{SCHEMA_MAJOR}.schema.json"
VERSION_PATTERN = rf"^{SCHEMA_MAJOR}\.[0-9]+\.[0-9]+$"

Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
# The limits ``check`` holds a profile to (records/model.py), so the schema refuses what no
# commune's ``check`` lets through: a profile of 200,000 replications is left out.
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
Note = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Summary = Annotated[str, StringConstraints(min_length=1, max_length=MAX_SUMMARY)]
Year = Annotated[int, Field(ge=2000, le=2100)]
# An address on the commune's site: absolute (http or https), or relative to the data file,
# never another scheme (a reader may put it in a link: no "javascript:").
Url = Annotated[
    str,
    StringConstraints(pattern=r"^(https?://[^\s]+|[^\s:]+)$", max_length=MAX_TEXT),
    Field(json_schema_extra={"format": "uri-reference"}),
]
SiteUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[^\s]+$", max_length=MAX_TEXT),
    Field(json_schema_extra={"format": "uri"}),
]


class Out(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        # Every key is written, so every key is required of a document.
        json_schema_serialization_defaults_required=True,
        populate_by_name=True,
    )


class Label(Out):
    """A registry code with the name residents read."""

    code: Code
    name: Text


class FieldLabel(Label):
    short_name: Text
    color: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class KindLabel(Out):
    code: Literal["collective", "individual", "model"]
    name: Text


class NominationLevelLabel(Out):
    code: Literal["commune", "province", "national"]
    name: Text


class Criterion(Out):
    id: Code
    text: Text


class Figure(Out):
    code: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    label: Text
    unit: Text
    value: float


class Evaluation(Out):
    year: Year
    result: Label
    notes: Note | None = None
    figures: Annotated[tuple[Figure, ...], Field(max_length=MAX_ITEMS)] = ()


class Commendation(Out):
    date: dt.date
    level: Label
    form: Label
    issuer: Text
    reason: Note | None = None


class Replication(Out):
    hamlet: Label | None = None
    place: Note | None = None
    year: Year
    units: Annotated[int, Field(ge=0)]
    notes: Note | None = None


class Decision(Out):
    number: Text
    date: dt.date | None = None
    issuer: Note | None = None


class Nomination(Out):
    level: NominationLevelLabel
    year: Year
    congress: Note | None = None
    award: Note | None = None
    decision: Decision | None = None
    notes: Note | None = None


class Image(Out):
    url: Url
    width: Annotated[int, Field(ge=1)]
    height: Annotated[int, Field(ge=1)]


class Photo(Out):
    url: Url
    width: Annotated[int, Field(ge=1)]
    height: Annotated[int, Field(ge=1)]
    thumbnail: Image
    caption: Text
    credit: Note | None = None
    alt: Text
    cover: bool = False


class Profile(Out):
    slug: Code
    url: Url
    name: Text
    kind: KindLabel
    field: FieldLabel
    other_fields: Annotated[tuple[FieldLabel, ...], Field(max_length=MAX_ITEMS)] = ()
    hamlet: Label | None = None
    organization: Label | None = None
    registered: dt.date
    updated: dt.date
    summary: Summary
    featured: bool = False
    criteria: Annotated[tuple[Criterion, ...], Field(max_length=MAX_ITEMS)] = ()
    evaluations: Annotated[tuple[Evaluation, ...], Field(max_length=MAX_ITEMS)] = ()
    commendations: Annotated[tuple[Commendation, ...], Field(max_length=MAX_ITEMS)] = ()
    replications: Annotated[tuple[Replication, ...], Field(max_length=MAX_ITEMS)] = ()
    nominations: Annotated[tuple[Nomination, ...], Field(max_length=MAX_ITEMS)] = ()
    photos: Annotated[tuple[Photo, ...], Field(max_length=MAX_ITEMS)] = ()

    @property
    def cover(self) -> Photo | None:
        marked = [p for p in self.photos if p.cover]
        return marked[0] if marked else (self.photos[0] if self.photos else None)


class Commune(Out):
    name: Text
    district: Note | None = None
    province: Text
    full_name: Text
    site_url: SiteUrl | None = None
    sample_data: bool = False


class Withdrawn(Out):
    """A tombstone: a profile taken down because its person withdrew consent. Its address and
    the date only, nothing personal: whoever copied the profile (the province) deletes it."""

    slug: Code
    date: dt.date


class OpenData(Out):
    schema_url: str = Field(default=SCHEMA_ID, alias="$schema")
    schema_version: Annotated[str, StringConstraints(pattern=VERSION_PATTERN)] = SCHEMA_VERSION
    commune: Commune
    updated: dt.date | None = None
    profiles: tuple[Profile, ...] = ()
    withdrawn: tuple[Withdrawn, ...] = ()
