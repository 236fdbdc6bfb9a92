"""Typed, immutable records: the registry of the commune and the exemplar profiles.

Codes (field, hamlet, organization, …) are plain strings checked against the registry
passed in the validation context (``{"registry": Registry}``); without a context (JSON
Schema export, unit tests of shapes) only the shapes are checked.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from .. import clock
from ..messages.common import period_name
from ..text import describe, hidden_characters, nfc
from .legacy_fonts import legacy_encoding

CODE_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]


def clean_text(value: str) -> str:
    """Every text of every file: no invisible or control character (zero-width spaces,
    bidi overrides, ESC…), one Unicode spelling (NFC), so that names compare and print as
    they read."""
    for index, char in hidden_characters(value):
        found = legacy_encoding(value)
        if found is not None:  # TCVN3 writes "ư" as a soft hyphen: say what the text really is
            raise PydanticCustomError(
                "legacy_encoding", "legacy encoding", {"encoding": found[0], "meant": found[1]}
            )
        raise PydanticCustomError(
            "hidden_character",
            "hidden character {character}",
            {"character": describe(char), "position": index + 1, "line_offset": value.count("\n", 0, index)},
        )
    return nfc(value)


# What one profile may hold, checked by ``check`` and carried by the open data's schema as
# maxLength/maxItems (opendata/model.py): one commune's data cannot swell the province's pages
# (200,000 replications made a 36 MB page).
MAX_TEXT = 2000  # characters of one text: a name, a note, a caption
MAX_SUMMARY = 400
MAX_ITEMS = 300  # entries of each list of a profile: evaluations, replications, photos…

Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(clean_text),
]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- registry -------------------------------------------------------------------------


class Criterion(Record):
    id: Code
    text: Text


class FieldOfWork(Record):
    """One of the plan's fields (lĩnh vực) with its specific criteria."""

    code: Code
    name: Text
    short_name: Text
    color: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
    description: Text
    criteria: tuple[Criterion, ...]


class Named(Record):
    code: Code
    name: Text


class Hamlet(Named):
    """A hamlet (xóm). After communes were merged (2025) it may name the commune it belonged
    to, and the codes it had before a rename keep its old address working."""

    former_commune: Code | None = None
    aliases: tuple[Code, ...] = ()


class Organization(Named):
    kind: Code


class FigureDef(Record):
    code: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    label: Text
    unit: Text


Year = Annotated[int, Field(ge=2000, le=2100)]


class Commune(Record):
    name: Text
    # Since 1 July 2025 local government has two levels (province, commune): no district.
    # Kept, optional, for registries written before.
    district: Text | None = None
    province: Text
    # The previous format's single plan: read as one period when ``periods`` is not given.
    plan_title: Text | None = None
    plan_period: tuple[Year, Year] | None = None
    registration_deadline: dt.date | None = None
    population: int | None = None
    households: int | None = None
    sample_data: bool = False
    # Shown on the home page: what the plan is for, in the commune's words (Markdown).
    purpose: Text | None = None

    @property
    def region(self) -> str:
        """The levels above the commune, as written after its name ("tỉnh Thái Nguyên")."""
        return ", ".join(part for part in (self.district, self.province) if part)

    @property
    def full_name(self) -> str:
        return f"{self.name}, {self.region}"


class Decision(Record):
    """A deciding document (plan, decision, resolution): its number, date and issuer."""

    number: Text
    date: dt.date | None = None
    issuer: Text | None = None


class PeriodSummary(Record):
    """How a period ended: the date of its summary conference and the result (Markdown)."""

    date: dt.date
    text: Text


class Period(Record):
    """One plan period (giai đoạn): its years, deciding document, registration deadlines and
    what it adds to the registry's fields and criteria."""

    code: Code
    name: Text
    title: Text | None = None  # the plan's title, e.g. "Kế hoạch … giai đoạn 2026 – 2030"
    years: tuple[Year, Year]
    decision: Decision | None = None
    # Deadlines that replace 30 June of their own year (a registration of year Y is judged by
    # the deadline of year Y).
    deadlines: tuple[dt.date, ...] = ()
    # Fields open in this period (codes); empty: every field of the registry.
    fields: tuple[Code, ...] = ()
    # Criteria added for this period: general ones, and per field code.
    general_criteria: tuple[Criterion, ...] = ()
    criteria: dict[Code, tuple[Criterion, ...]] = Field(default_factory=dict)
    summary: PeriodSummary | None = None

    @property
    def first(self) -> int:
        return self.years[0]

    @property
    def last(self) -> int:
        return self.years[1]

    def holds(self, year: int) -> bool:
        return self.first <= year <= self.last


# The registry's lists whose items are looked up by code.
CODE_TABLES = (
    "fields",
    "former_communes",
    "hamlets",
    "organizations",
    "organization_kinds",
    "commendation_levels",
    "commendation_forms",
    "evaluation_results",
    "figures",
    "periods",
)


class Registry(Record):
    """Everything a commune edits to reuse the tool (besides mkdocs.yml)."""

    commune: Commune
    # Plan periods, oldest first; the current one is ``current_period`` (default: the last).
    periods: tuple[Period, ...] = ()
    current_period: Code | None = None
    general_criteria: tuple[Criterion, ...] = ()
    fields: tuple[FieldOfWork, ...]
    # Communes merged into this one (2025); hamlets name theirs in ``former_commune``.
    former_communes: tuple[Named, ...] = ()
    hamlets: tuple[Hamlet, ...]
    organizations: tuple[Organization, ...] = ()
    organization_kinds: tuple[Named, ...] = ()
    commendation_levels: tuple[Named, ...]
    commendation_forms: tuple[Named, ...]
    evaluation_results: tuple[Named, ...]
    figures: tuple[FigureDef, ...] = ()

    def table(self, name: str) -> dict[str, Any]:
        """Code → record for one of the registry's lists (``fields``, ``hamlets``…)."""
        return self._tables[name]

    @cached_property
    def _tables(self) -> dict[str, dict[str, Any]]:
        return {name: {item.code: item for item in getattr(self, name)} for name in CODE_TABLES}

    def criteria_by_id(self) -> dict[str, Criterion]:
        """Every criterion by id: general, each field's, and those periods add."""
        found = {c.id: c for c in self.general_criteria}
        for field in self.fields:
            found.update({c.id: c for c in field.criteria})
        for period in self.plan_periods:
            found.update({c.id: c for c in period.general_criteria})
            for criteria in period.criteria.values():
                found.update({c.id: c for c in criteria})
        return found

    @cached_property
    def plan_periods(self) -> tuple[Period, ...]:
        """The periods, oldest first; a registry in the previous format (one ``plan_period``
        and one ``registration_deadline`` in ``commune``) has exactly one."""
        if self.periods:
            return tuple(sorted(self.periods, key=lambda p: p.years))
        commune = self.commune
        if commune.plan_period is None:
            return ()
        first, last = commune.plan_period
        # The one deadline stood for the plan's first registration round; later years get
        # the default (30 June of their year), as in a registry with periods.
        deadlines = (commune.registration_deadline,) if commune.registration_deadline else ()
        return (
            Period(
                code=f"{first}-{last}",
                name=period_name(first, last),
                title=commune.plan_title,
                years=(first, last),
                deadlines=deadlines,
            ),
        )

    @cached_property
    def current(self) -> Period | None:
        """The period the site shows by default: ``current_period``, else the newest."""
        for period in self.plan_periods:
            if period.code == self.current_period:
                return period
        return self.plan_periods[-1] if self.plan_periods else None

    def field(self, code: str) -> FieldOfWork:
        found: FieldOfWork = self.table("fields")[code]
        return found


# --- exemplar ---------------------------------------------------------------------------


class Kind(StrEnum):
    collective = "collective"
    individual = "individual"
    model = "model"


class Status(StrEnum):
    draft = "draft"
    published = "published"


@dataclass(frozen=True)
class KnownCode:
    """A validator that checks a code against one registry table, when one is given. The
    table's name also tells the editor's form which list to offer (editor/config.py)."""

    table: str

    def __call__(self, value: str, info: ValidationInfo) -> str:
        registry = (info.context or {}).get("registry")
        if registry is None:
            return value
        known = registry.table(self.table)
        if value not in known:
            raise PydanticCustomError(
                "unknown_code",
                "unknown {table} code",
                {"table": self.table, "valid": list(known)},
            )
        return value


def _known(table: str) -> KnownCode:
    return KnownCode(table)


FieldCode = Annotated[str, AfterValidator(_known("fields"))]
HamletCode = Annotated[str, AfterValidator(_known("hamlets"))]
OrganizationCode = Annotated[str, AfterValidator(_known("organizations"))]
LevelCode = Annotated[str, AfterValidator(_known("commendation_levels"))]
FormCode = Annotated[str, AfterValidator(_known("commendation_forms"))]
ResultCode = Annotated[str, AfterValidator(_known("evaluation_results"))]
FigureCode = Annotated[str, AfterValidator(_known("figures"))]


class Use(StrEnum):
    """What a person's data is published for: each needs its own consent (Luật Bảo vệ dữ liệu
    cá nhân 91/2025/QH15: consent is given for a purpose; silence is not consent)."""

    website = "website"  # the commune's site: pages, search, share previews
    print = "print"  # booklets, posters and other printed matter
    broadcast = "broadcast"  # the loudspeaker station's bulletins
    open_data = "open_data"  # the open data, its feed, and the province site that copies it


# What a consent recorded as ``given: true`` (before uses were recorded) was collected for:
# the site and the booklets, nothing the province or anyone else copies.
LEGACY_USES = frozenset({Use.website, Use.print})
ADULT_AGE = 18
CHILD_CONSENT_AGE = 7  # from this age the child's own consent is needed too (Art. 24, as reported)


class Minor(Record):
    """A child's consent: the legal representative's, and from age 7 the child's own."""

    born: Annotated[int, Field(ge=1900, le=2100)]  # the year of birth (the age is counted by years)
    representative_consent: bool = False
    child_consent: bool = False

    def age(self, on: dt.date) -> int:
        return on.year - self.born

    def missing(self, on: dt.date) -> tuple[str, ...]:
        """The consents the law asks for at the age on ``on`` that are not recorded."""
        if self.age(on) >= ADULT_AGE:
            return ()
        needed = ["representative_consent"]
        if self.age(on) >= CHILD_CONSENT_AGE:
            needed.append("child_consent")
        return tuple(key for key in needed if not getattr(self, key))


class Consent(Record):
    """Consent of an individual to be published, for each use, and how it can be proved."""

    given: bool | None = None  # the earlier form: true covers LEGACY_USES only
    uses: tuple[Use, ...] | None = None
    date: dt.date | None = None
    method: Text | None = None  # how it was given, e.g. "Phiếu đồng ý có chữ ký"
    reference: Text | None = None  # where the signed form is filed, its number
    minor: Minor | None = None
    sensitive: bool = False  # the signed form names the sensitive details the story tells
    withdrawn: dt.date | None = None  # the person withdrew consent (and asked for erasure)

    @property
    def legacy(self) -> bool:
        """Recorded as ``given: true`` without uses (migrated to LEGACY_USES)."""
        return self.uses is None and bool(self.given)

    def covers(self, on: dt.date) -> frozenset[Use]:
        """The uses this consent allows: none once withdrawn, none for a child whose consents
        the law asks for are missing."""
        if self.withdrawn is not None:
            return frozenset()
        if self.minor is not None and self.minor.missing(self.date or on):
            return frozenset()
        if self.uses is not None:
            return frozenset(self.uses)
        return LEGACY_USES if self.given else frozenset()


class Evaluation(Record):
    year: Annotated[int, Field(ge=2000, le=2100)]
    result: ResultCode
    notes: Text | None = None
    # A real number: YAML's .nan and .inf (or 1e400, read as infinity) would print "nan", "inf".
    figures: dict[FigureCode, Annotated[float, Field(allow_inf_nan=False)]] = Field(default_factory=dict)


class Commendation(Record):
    date: dt.date
    level: LevelCode
    form: FormCode
    issuer: Text
    reason: Text | None = None


class Replication(Record):
    """Where the exemplar was copied: a hamlet of the commune or another place."""

    hamlet: HamletCode | None = None
    place: Text | None = None
    year: Annotated[int, Field(ge=2000, le=2100)]
    units: Annotated[int, Field(ge=0)]
    notes: Text | None = None


class NominationLevel(StrEnum):
    """Where an exemplar is sent upward. Since 1 July 2025 there is no district: the level
    after the commune is the province."""

    commune = "commune"
    province = "province"
    national = "national"


class Nomination(Record):
    """The exemplar introduced to a congress (đại hội thi đua) or proposed for an award at a
    level: commune, province or national."""

    level: NominationLevel
    year: Year
    congress: Text | None = None
    award: Text | None = None
    decision: Decision | None = None
    notes: Text | None = None


class Photo(Record):
    """A photo in the profile's bundle: a path relative to the bundle, with its caption."""

    file: Text
    caption: Text
    credit: Text | None = None
    alt: Text | None = None
    cover: bool = False
    # People who can be recognised in the photo (a collective's members, a crowd): marked by
    # the officer, with their consent for each use; a use it does not cover leaves the photo out.
    people: Consent | None = None

    def shown_in(self, use: Use, on: dt.date | None = None) -> bool:
        return self.people is None or use in self.people.covers(on or clock.today())

    @property
    def alt_text(self) -> str:
        return self.alt or self.caption


class Exemplar(Record):
    """One exemplar profile: front matter plus its story (Markdown)."""

    slug: str
    name: Text
    kind: Kind
    field: FieldCode
    other_fields: Annotated[tuple[FieldCode, ...], Field(max_length=MAX_ITEMS)] = ()
    hamlet: HamletCode | None = None
    organization: OrganizationCode | None = None
    registered: dt.date
    summary: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_SUMMARY),
        AfterValidator(clean_text),
    ]
    criteria: Annotated[tuple[str, ...], Field(max_length=MAX_ITEMS)] = ()
    featured: bool = False
    status: Status
    consent: Consent | None = None
    evaluations: Annotated[tuple[Evaluation, ...], Field(max_length=MAX_ITEMS)] = ()
    commendations: Annotated[tuple[Commendation, ...], Field(max_length=MAX_ITEMS)] = ()
    replications: Annotated[tuple[Replication, ...], Field(max_length=MAX_ITEMS)] = ()
    nominations: Annotated[tuple[Nomination, ...], Field(max_length=MAX_ITEMS)] = ()
    photos: Annotated[tuple[Photo, ...], Field(max_length=MAX_ITEMS)] = ()
    # Earlier addresses (folder names) of a renamed profile: each gets a redirect page.
    aliases: Annotated[tuple[Code, ...], Field(max_length=MAX_ITEMS)] = ()
    # Contact details that may be published (e.g. an office hotline); anything else that
    # looks like a phone number, ID number or e-mail address is an error.
    public_contacts: Annotated[tuple[Text, ...], Field(max_length=MAX_ITEMS)] = ()
    # For the council only: never rendered anywhere.
    private_notes: Annotated[str, AfterValidator(clean_text)] | None = None
    story: Annotated[str, AfterValidator(clean_text)] = ""

    @property
    def is_public(self) -> bool:
        """On the website: published, and for an individual, with consent for it."""
        return self.may(Use.website)

    def may(self, use: Use, on: dt.date | None = None) -> bool:
        """Whether this profile may appear in ``use``: published, and for an individual,
        consented to for that use."""
        if self.status is not Status.published:
            return False
        if self.kind is Kind.individual:
            return self.consent is not None and use in self.consent.covers(on or clock.today())
        return True

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field, *self.other_fields)

    @property
    def cover(self) -> Photo | None:
        """The photo marked ``cover: true``, else the first photo, else None."""
        marked = [p for p in self.photos if p.cover]
        return marked[0] if marked else (self.photos[0] if self.photos else None)


SLUG_RE = re.compile(CODE_PATTERN)
# Page 2, 3… of the exemplar listing live at dien-hinh/trang-2/…: no profile may take those.
RESERVED_SLUG = re.compile(r"^trang-\d+$")

# Keys an editor writes in front matter (everything but what the loader fills in).
FRONT_MATTER_KEYS = tuple(k for k in Exemplar.model_fields if k not in {"slug", "story"})


# --- study visits -------------------------------------------------------------------------

# "08:30" (hours 0–23). The loader keeps YAML 1.1 sexagesimal numbers as text, so an
# unquoted 8:30 arrives here as "8:30" and not as the integer 510.
TIME_PATTERN = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"


class Stop(Record):
    """One exemplar visited, in the order of the route."""

    exemplar: Text  # a profile's slug; checked against the catalog, with suggestions
    time: Annotated[str, StringConstraints(strip_whitespace=True, pattern=TIME_PATTERN)]
    place: Text
    notes: Text | None = None


class Visit(Record):
    """A study visit (tham quan học tập): one YAML file in the visits folder."""

    slug: str
    title: Text
    date: dt.date
    organizer: Text
    # A head count or a description ("Cán bộ chi hội nông dân 11 xóm").
    participants: Annotated[int, Field(ge=1)] | Text | None = None
    stops: tuple[Stop, ...] = ()
    notes: Text | None = None


VISIT_KEYS = tuple(k for k in Visit.model_fields if k != "slug")
