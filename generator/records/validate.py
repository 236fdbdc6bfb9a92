"""Cross-checks that no single field can make: registry consistency, criteria of the right
field, dates, consent, duplicates, coverage of hamlets, links between stories."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .. import messages as msg
from .load import Loc, Source, dotted
from .model import CODE_TABLES, Exemplar, Kind, Registry, Status
from .privacy import find_personal_data
from .problems import Problem, Severity

_VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.DOTALL)
_EXTERNAL_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_PROFILE_LINK = re.compile(r"^\.\./([^/#?]+)/(?:index\.md)?(?:#.*)?$")


def _at(
    source: Source | None, path: Path, loc: Loc, message: str, severity: Severity = Severity.error
) -> Problem:
    line = source.line_of(loc) if source else 0
    return Problem(path, line, dotted(loc), message, severity)


def codes_unique(registry: Registry) -> Iterator[tuple[Loc, str]]:
    """No code twice in one list of the registry."""
    for table in CODE_TABLES:
        seen: set[str] = set()
        for index, item in enumerate(getattr(registry, table)):
            if item.code in seen:
                yield (table, index, "code"), msg.duplicate_code(table, item.code)
            seen.add(item.code)


def criteria_unique(registry: Registry) -> Iterator[tuple[Loc, str]]:
    """No criterion id twice, general criteria and every field's together."""
    seen: set[str] = set()
    groups = [("general_criteria", (), registry.general_criteria)] + [
        ("fields", (i, "criteria"), f.criteria) for i, f in enumerate(registry.fields)
    ]
    for table, prefix, criteria in groups:
        for index, criterion in enumerate(criteria):
            if criterion.id in seen:
                yield (table, *prefix, index, "id"), msg.duplicate_code("criteria", criterion.id)
            seen.add(criterion.id)


def organization_kinds_known(registry: Registry) -> Iterator[tuple[Loc, str]]:
    """An organization's kind is listed in organization_kinds (when that list is given)."""
    kinds = registry.table("organization_kinds")
    if not kinds:
        return
    for index, org in enumerate(registry.organizations):
        if org.kind not in kinds:
            yield (
                ("organizations", index, "kind"),
                msg.unknown_code("organization_kinds", org.kind, list(kinds)),
            )


# Each yields (where, message) of an error in the registry; run in this order by check_registry.
REGISTRY_RULES: tuple[Callable[[Registry], Iterator[tuple[Loc, str]]], ...] = (
    codes_unique,
    criteria_unique,
    organization_kinds_known,
)


def check_registry(registry: Registry, source: Source | None, path: Path) -> list[Problem]:
    """Codes unique in each list, criteria ids unique, organization kinds known."""
    return [_at(source, path, loc, message) for rule in REGISTRY_RULES for loc, message in rule(registry)]


@dataclass(frozen=True)
class ProfileContext:
    """What the rules of one profile look at: the record, where its values are, the registry
    and the day of the check."""

    exemplar: Exemplar
    source: Source
    registry: Registry
    today: dt.date

    def at(self, loc: Loc, message: str, severity: Severity = Severity.error) -> Problem:
        return _at(self.source, self.source.path, loc, message, severity)


ProfileRule = Callable[[ProfileContext], Iterator[Problem]]


def criteria_of_own_fields(ctx: ProfileContext) -> Iterator[Problem]:
    """Criteria are general ones or those of the profile's fields."""
    e, registry = ctx.exemplar, ctx.registry
    valid_criteria = [c.id for c in registry.general_criteria]
    for code in e.fields:
        valid_criteria += [c.id for c in registry.field(code).criteria]
    for index, criterion in enumerate(e.criteria):
        if criterion not in valid_criteria:
            yield ctx.at(("criteria", index), msg.criterion_not_in_fields(criterion, valid_criteria))


def other_fields_not_main(ctx: ProfileContext) -> Iterator[Problem]:
    for index, code in enumerate(ctx.exemplar.other_fields):
        if code == ctx.exemplar.field:
            yield ctx.at(("other_fields", index), msg.other_field_repeats_main(code))


def hamlet_or_organization(ctx: ProfileContext) -> Iterator[Problem]:
    if ctx.exemplar.hamlet is None and ctx.exemplar.organization is None:
        yield ctx.at(("hamlet",), msg.NEEDS_HAMLET_OR_ORG)


def replication_in_one_place(ctx: ProfileContext) -> Iterator[Problem]:
    """A replication is in a hamlet of the commune or at a place outside it, not both."""
    for index, replication in enumerate(ctx.exemplar.replications):
        if (replication.hamlet is None) == (replication.place is None):
            yield ctx.at(("replications", index), msg.NEEDS_PLACE)


def published_individual_consented(ctx: ProfileContext) -> Iterator[Problem]:
    e = ctx.exemplar
    if e.kind is Kind.individual and e.consent is None and e.status is Status.published:
        yield ctx.at(("consent",), msg.CONSENT_REQUIRED)


def consent_dated(ctx: ProfileContext) -> Iterator[Problem]:
    e = ctx.exemplar
    if e.kind is Kind.individual and e.consent is not None and e.consent.given and e.consent.date is None:
        yield ctx.at(("consent", "date"), msg.CONSENT_DATE_REQUIRED)


def consent_only_for_individuals(ctx: ProfileContext) -> Iterator[Problem]:
    if ctx.exemplar.kind is not Kind.individual and ctx.exemplar.consent is not None:
        yield ctx.at(("consent",), msg.CONSENT_ONLY_INDIVIDUAL, Severity.warning)


def dates_not_in_future(ctx: ProfileContext) -> Iterator[Problem]:
    e = ctx.exemplar
    dates: list[tuple[Loc, dt.date | None]] = [(("registered",), e.registered)]
    dates += [(("commendations", i, "date"), c.date) for i, c in enumerate(e.commendations)]
    dates.append((("consent", "date"), e.consent.date if e.consent else None))
    for loc, value in dates:
        if value is not None and value > ctx.today:
            yield ctx.at(loc, msg.future_date(value.isoformat()))


def years_not_in_future(ctx: ProfileContext) -> Iterator[Problem]:
    e = ctx.exemplar
    years = [(("evaluations", i, "year"), ev.year) for i, ev in enumerate(e.evaluations)]
    years += [(("replications", i, "year"), r.year) for i, r in enumerate(e.replications)]
    for loc, year in years:
        if year > ctx.today.year:
            yield ctx.at(loc, msg.future_year(year))


def one_evaluation_per_year(ctx: ProfileContext) -> Iterator[Problem]:
    first_line: dict[int, int] = {}
    for index, evaluation in enumerate(ctx.exemplar.evaluations):
        if evaluation.year in first_line:
            yield ctx.at(
                ("evaluations", index, "year"),
                msg.duplicate_year(evaluation.year, first_line[evaluation.year]),
            )
        first_line.setdefault(evaluation.year, ctx.source.line_of(("evaluations", index)))


def registered_by_deadline(ctx: ProfileContext) -> Iterator[Problem]:
    registered, deadline = ctx.exemplar.registered, ctx.registry.commune.registration_deadline
    if registered > deadline:
        message = msg.late_registration(registered.isoformat(), deadline.isoformat())
        yield ctx.at(("registered",), message, Severity.warning)


def story_has_sections(ctx: ProfileContext) -> Iterator[Problem]:
    """The plan's story sections, as ``## `` headings (a warning: drafts grow into them)."""
    story = ctx.exemplar.story
    headings = {line.strip().lstrip("#").strip() for line in story.splitlines() if line.startswith("## ")}
    for section in msg.STORY_SECTIONS:
        if section not in headings:
            yield Problem(
                ctx.source.path,
                ctx.source.body_line,
                "story",
                msg.missing_story_section(section),
                Severity.warning,
            )


# Run in this order by check_exemplar: the order its problems are listed in.
PROFILE_RULES: tuple[ProfileRule, ...] = (
    criteria_of_own_fields,
    other_fields_not_main,
    hamlet_or_organization,
    replication_in_one_place,
    published_individual_consented,
    consent_dated,
    consent_only_for_individuals,
    dates_not_in_future,
    years_not_in_future,
    one_evaluation_per_year,
    registered_by_deadline,
    story_has_sections,
)


def check_exemplar(e: Exemplar, source: Source, registry: Registry, today: dt.date) -> list[Problem]:
    """Checks of one profile against the registry and the calendar: every rule of
    :data:`PROFILE_RULES`."""
    ctx = ProfileContext(e, source, registry, today)
    return [problem for rule in PROFILE_RULES for problem in rule(ctx)]


def check_story_html(e: Exemplar, source: Source) -> list[Problem]:
    """Raw HTML in a story must be balanced: an unclosed tag would swallow the rest of the
    page. Images must be files of the bundle, not from other sites."""
    problems = []
    # Code spans and blocks show HTML as text; blank them out, keeping line breaks.
    story = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), e.story)
    checker = _TagBalance()
    checker.feed(story)
    checker.close()
    for tag, offset, closing in checker.unbalanced():
        message = msg.stray_closing_tag(tag) if closing else msg.unclosed_tag(tag)
        problems.append(Problem(source.path, source.body_line + offset, "story", message))
    for match in _EXTERNAL_IMAGE.finditer(story):
        line = source.body_line + story.count("\n", 0, match.start())
        problems.append(Problem(source.path, line, "story", msg.EXTERNAL_IMAGE))
    return problems


class _TagBalance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.stray: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag.isalnum() and tag not in _VOID_TAGS:
            self.stack.append((tag, self.getpos()[0] - 1))

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not tag.isalnum() or tag in _VOID_TAGS:
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return
        self.stray.append((tag, self.getpos()[0] - 1))

    def unbalanced(self) -> list[tuple[str, int, bool]]:
        found = [(tag, line, False) for tag, line in self.stack]
        found += [(tag, line, True) for tag, line in self.stray]
        return sorted(found, key=lambda item: item[1])


def check_personal_data(e: Exemplar, source: Source) -> list[Problem]:
    """Phone numbers, ID numbers and e-mails in what would be published, unless listed in
    ``public_contacts``. Private notes are never published, so they are not checked."""
    in_story = [
        Problem(
            source.path,
            source.body_line + finding.line_offset,
            "story",
            msg.personal_data(finding.kind, finding.text),
        )
        for finding in find_personal_data(e.story, e.public_contacts)
    ]
    in_fields = [
        _at(source, source.path, loc, msg.personal_data(finding.kind, finding.text))
        for loc, text in _strings(source.data, ())
        if loc[0] not in ("private_notes", "public_contacts")
        for finding in find_personal_data(text, e.public_contacts)
    ]
    return in_story + in_fields


def _strings(value: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def check_links(e: Exemplar, source: Source, public_slugs: set[str]) -> list[Problem]:
    """Links in a story to ``../<slug>/index.md`` must point at a published profile."""
    problems = []
    for offset, line in enumerate(e.story.splitlines()):
        for target in _LINK.findall(line):
            match = _PROFILE_LINK.match(target)
            if match and match.group(1) not in public_slugs:
                problems.append(
                    Problem(
                        source.path,
                        source.body_line + offset,
                        "story",
                        msg.broken_profile_link(match.group(1)),
                    )
                )
    return problems


def check_collection(
    exemplars: Sequence[Exemplar],
    sources: Mapping[str, Source],
    registry: Registry,
    registry_source: Source | None,
    registry_path: Path,
) -> list[Problem]:
    """Checks across profiles: duplicate names, hamlets with no published exemplar, links."""
    problems: list[Problem] = []
    by_name: dict[str, str] = {}
    for e in exemplars:
        key = " ".join(e.name.casefold().split())
        if key in by_name:
            problems.append(
                _at(
                    sources[e.slug], sources[e.slug].path, ("name",), msg.duplicate_name(e.name, by_name[key])
                )
            )
        by_name.setdefault(key, e.slug)
    public = {e.slug for e in exemplars if e.is_public}
    for e in exemplars:
        if e.is_public:
            problems += check_links(e, sources[e.slug], public)
    covered = {e.hamlet for e in exemplars if e.is_public and e.hamlet}
    for index, hamlet in enumerate(registry.hamlets):
        if hamlet.code not in covered:
            problems.append(
                _at(
                    registry_source,
                    registry_path,
                    ("hamlets", index),
                    msg.hamlet_without_exemplar(hamlet.name),
                    Severity.warning,
                )
            )
    return problems


def count(problems: Iterable[Problem], severity: Severity) -> int:
    return sum(1 for p in problems if p.severity is severity)
