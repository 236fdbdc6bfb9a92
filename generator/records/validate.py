"""Cross-checks that no single field can make: registry consistency, criteria of the right
field, dates, consent, duplicates, coverage of hamlets, links between stories."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from ..messages import records as msg
from ..text import name_key
from . import periods
from .legacy_fonts import legacy_encoding
from .load import Loc, Source, dotted
from .model import CODE_TABLES, RESERVED_SLUG, Criterion, Exemplar, Kind, Registry, Status
from .privacy import find_personal_data, find_personal_data_in_name
from .problems import Problem, Severity
from .story import STORY_SECTIONS as STORY_SECTIONS  # also imported from here (dossier, bulletin…)
from .story import story_sections

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
_EXTERNAL_IMAGE = re.compile(r"!\[[^\]\[]*\]\(\s*<?(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
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
    """No criterion id twice: general criteria, every field's and what periods add, together."""
    seen: set[str] = set()
    groups: list[tuple[str, Loc, Sequence[Criterion]]] = [("general_criteria", (), registry.general_criteria)]
    groups += [("fields", (i, "criteria"), f.criteria) for i, f in enumerate(registry.fields)]
    for i, period in enumerate(registry.periods):
        groups.append(("periods", (i, "general_criteria"), period.general_criteria))
        groups += [("periods", (i, "criteria", code), items) for code, items in period.criteria.items()]
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


def periods_given(registry: Registry) -> Iterator[tuple[Loc, str]]:
    """At least one plan period (``periods``, or the previous format's ``plan_period``)."""
    if not registry.plan_periods:
        yield ("periods",), msg.PERIODS_MISSING


def periods_in_order(registry: Registry) -> Iterator[tuple[Loc, str]]:
    """Each period's years run forward and no two periods share a year."""
    previous = registry.commune.plan_period
    if not registry.periods and previous is not None and previous[0] > previous[1]:
        yield ("commune", "plan_period"), msg.period_reversed(*previous)
    for index, period in enumerate(registry.periods):
        if period.first > period.last:
            yield ("periods", index, "years"), msg.period_reversed(period.first, period.last)
            continue
        for other in registry.periods[:index]:
            if other.first <= other.last and period.first <= other.last and other.first <= period.last:
                yield ("periods", index, "years"), msg.periods_overlap(period.name, other.name)
                break


def period_deadlines_in_their_years(registry: Registry) -> Iterator[tuple[Loc, str]]:
    """A deadline replaces 30 June of its own year, which must be one of the period's."""
    for index, period in enumerate(registry.periods):
        for number, day in enumerate(period.deadlines):
            if not period.holds(day.year):
                yield (
                    ("periods", index, "deadlines", number),
                    msg.deadline_outside_period(day.isoformat(), period.name),
                )


def period_codes_known(registry: Registry) -> Iterator[tuple[Loc, str]]:
    """A period's fields and the fields it adds criteria to are in ``fields``; the current
    period is one of ``periods``."""
    fields = list(registry.table("fields"))
    for index, period in enumerate(registry.periods):
        for number, code in enumerate(period.fields):
            if code not in fields:
                yield ("periods", index, "fields", number), msg.unknown_code("fields", code, fields)
        for code in period.criteria:
            if code not in fields:
                yield ("periods", index, "criteria", code), msg.unknown_code("fields", code, fields)
    known = list(registry.table("periods"))
    if registry.current_period is not None and registry.current_period not in known:
        yield ("current_period",), msg.unknown_code("periods", registry.current_period, known)


def periods_or_previous_format(registry: Registry) -> Iterator[tuple[Loc, str]]:
    """With ``periods``, the previous format's single plan must not say something else."""
    if not registry.periods:
        return
    for key in ("plan_title", "plan_period", "registration_deadline"):
        if getattr(registry.commune, key) is not None:
            yield ("commune", key), msg.PERIODS_AND_PREVIOUS_FORMAT.format(key=key)


def hamlets_former_communes_known(registry: Registry) -> Iterator[tuple[Loc, str]]:
    known = list(registry.table("former_communes"))
    for index, hamlet in enumerate(registry.hamlets):
        if hamlet.former_commune is not None and hamlet.former_commune not in known:
            yield (
                ("hamlets", index, "former_commune"),
                msg.unknown_code("former_communes", hamlet.former_commune, known),
            )


def hamlet_aliases_free(registry: Registry) -> Iterator[tuple[Loc, str]]:
    """An old address of a hamlet leads to one hamlet and is no hamlet's current code."""
    owners = {hamlet.code: hamlet.name for hamlet in registry.hamlets}
    for index, hamlet in enumerate(registry.hamlets):
        for number, alias in enumerate(hamlet.aliases):
            if alias in owners:
                yield ("hamlets", index, "aliases", number), msg.alias_taken(alias, owners[alias])
            owners[alias] = hamlet.name


# Each yields (where, message) of an error in the registry; run in this order by check_registry.
REGISTRY_RULES: tuple[Callable[[Registry], Iterator[tuple[Loc, str]]], ...] = (
    codes_unique,
    criteria_unique,
    organization_kinds_known,
    periods_given,
    periods_in_order,
    period_deadlines_in_their_years,
    period_codes_known,
    periods_or_previous_format,
    hamlets_former_communes_known,
    hamlet_aliases_free,
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
    """Criteria are general ones or those of the profile's fields, with what its period adds."""
    e, registry = ctx.exemplar, ctx.registry
    period = periods.period_of(registry, e.registered)
    valid_criteria = periods.valid_criteria(registry, period, e.fields)
    for index, criterion in enumerate(e.criteria):
        if criterion not in valid_criteria:
            yield ctx.at(("criteria", index), msg.criterion_not_in_fields(criterion, valid_criteria))


def other_fields_not_main(ctx: ProfileContext) -> Iterator[Problem]:
    for index, code in enumerate(ctx.exemplar.other_fields):
        if code == ctx.exemplar.field:
            yield ctx.at(("other_fields", index), msg.other_field_repeats_main(code))


def codes_listed_once(ctx: ProfileContext) -> Iterator[Problem]:
    """A field or criterion listed twice would list the exemplar twice on its pages."""
    for key in ("other_fields", "criteria"):
        first: dict[str, int] = {}
        for index, code in enumerate(getattr(ctx.exemplar, key)):
            if code in first:
                yield ctx.at((key, index), msg.repeated_code(code, first[code] + 1))
            first.setdefault(code, index)


def fields_open_in_period(ctx: ProfileContext) -> Iterator[Problem]:
    """A period that lists its fields takes profiles of those fields only."""
    e = ctx.exemplar
    period = periods.period_of(ctx.registry, e.registered)
    if period is None or not period.fields:
        return
    chosen: list[tuple[Loc, str]] = [(("field",), e.field)]
    chosen += [(("other_fields", i), code) for i, code in enumerate(e.other_fields)]
    for loc, code in chosen:
        if code not in period.fields:
            yield ctx.at(loc, msg.field_closed_in_period(code, period.name, period.fields))


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
    granted = e.consent is not None and (e.consent.given or e.consent.uses)
    if e.kind is Kind.individual and e.consent is not None and granted and e.consent.date is None:
        yield ctx.at(("consent", "date"), msg.CONSENT_DATE_REQUIRED)


def consent_of_a_minor(ctx: ProfileContext) -> Iterator[Problem]:
    """A child's profile is published only with the consents the law asks for at its age."""
    e = ctx.exemplar
    minor = e.consent.minor if e.consent is not None else None
    if minor is None or e.kind is not Kind.individual:
        return
    on = (e.consent.date if e.consent else None) or ctx.today
    missing = list(minor.missing(on))
    if missing:
        severity = Severity.error if e.status is Status.published else Severity.warning
        yield ctx.at(
            ("consent", "minor", missing[0]), msg.consent_minor_missing(minor.age(on), missing), severity
        )


def photo_people_consented(ctx: ProfileContext) -> Iterator[Problem]:
    """A photo marked as showing recognisable people, without their consent for any use: it
    will be left out everywhere (said, so the officer records the consent or drops the mark)."""
    for index, photo in enumerate(ctx.exemplar.photos):
        if photo.people is not None and not photo.people.covers(ctx.today):
            yield ctx.at(
                ("photos", index, "people"), msg.photo_people_unconsented(photo.file), Severity.warning
            )


def consent_only_for_individuals(ctx: ProfileContext) -> Iterator[Problem]:
    if ctx.exemplar.kind is not Kind.individual and ctx.exemplar.consent is not None:
        yield ctx.at(("consent",), msg.CONSENT_ONLY_INDIVIDUAL, Severity.warning)


def dates_not_in_future(ctx: ProfileContext) -> Iterator[Problem]:
    e = ctx.exemplar
    dates: list[tuple[Loc, dt.date | None]] = [(("registered",), e.registered)]
    dates += [(("commendations", i, "date"), c.date) for i, c in enumerate(e.commendations)]
    dates.append((("consent", "date"), e.consent.date if e.consent else None))
    dates += [
        (("nominations", i, "decision", "date"), n.decision.date if n.decision else None)
        for i, n in enumerate(e.nominations)
    ]
    for loc, value in dates:
        if value is not None and value > ctx.today:
            yield ctx.at(loc, msg.future_date(value.isoformat()))


def years_not_in_future(ctx: ProfileContext) -> Iterator[Problem]:
    e = ctx.exemplar
    years = [(("evaluations", i, "year"), ev.year) for i, ev in enumerate(e.evaluations)]
    years += [(("replications", i, "year"), r.year) for i, r in enumerate(e.replications)]
    years += [(("nominations", i, "year"), n.year) for i, n in enumerate(e.nominations)]
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


def registered_in_a_period(ctx: ProfileContext) -> Iterator[Problem]:
    """A registration belongs to the period holding its date (a warning: the registry may
    still lack the period)."""
    registry, registered = ctx.registry, ctx.exemplar.registered
    if registry.plan_periods and periods.period_of(registry, registered) is None:
        names = [p.name for p in registry.plan_periods]
        yield ctx.at(
            ("registered",), msg.registered_outside_periods(registered.isoformat(), names), Severity.warning
        )


def registered_by_deadline(ctx: ProfileContext) -> Iterator[Problem]:
    """Late after the deadline of the registration's own year, in its own period."""
    judged = periods.registration(ctx.registry, ctx.exemplar.registered)
    if judged.late and judged.deadline is not None and judged.period is not None:
        message = msg.late_registration(
            judged.registered.isoformat(),
            judged.deadline.isoformat(),
            judged.registered.year,
            judged.period.name,
        )
        yield ctx.at(("registered",), message, Severity.warning)


def nomination_to_congress_or_award(ctx: ProfileContext) -> Iterator[Problem]:
    for index, nomination in enumerate(ctx.exemplar.nominations):
        if (nomination.congress is None) == (nomination.award is None):
            yield ctx.at(("nominations", index), msg.NOMINATION_CONGRESS_OR_AWARD)


def aliases_usable(ctx: ProfileContext) -> Iterator[Problem]:
    """An old address is not the profile's own nor a listing page's (``trang-2``)."""
    e = ctx.exemplar
    for index, alias in enumerate(e.aliases):
        if alias == e.slug:
            yield ctx.at(("aliases", index), msg.alias_taken(alias, e.name))
        elif RESERVED_SLUG.match(alias):
            yield ctx.at(("aliases", index), msg.bad_slug(alias))


def story_has_sections(ctx: ProfileContext) -> Iterator[Problem]:
    """The plan's story sections, as headings (a warning: drafts grow into them)."""
    headings = story_sections(ctx.exemplar.story)
    for section in STORY_SECTIONS:
        if section not in headings:
            yield Problem(
                ctx.source.path,
                ctx.source.body_line,
                "story",
                msg.missing_story_section(section),
                Severity.warning,
            )


def names_without_personal_data(ctx: ProfileContext) -> Iterator[Problem]:
    """The profile's folder, its photos' files and its former addresses are published as
    names: a phone or ID number in one is found as in any text."""
    e = ctx.exemplar
    folder = ctx.source.path.parent
    for finding in find_personal_data_in_name(e.slug):
        yield Problem(folder, 0, "", msg.personal_data_in_name(finding.kind, finding.text, e.slug))
    named: list[tuple[Loc, str]] = [(("photos", i, "file"), photo.file) for i, photo in enumerate(e.photos)]
    named += [(("aliases", i), alias) for i, alias in enumerate(e.aliases)]
    for loc, name in named:
        for part in PurePosixPath(name.replace("\\", "/")).parts:
            for finding in find_personal_data_in_name(part):
                yield ctx.at(loc, msg.personal_data_in_name(finding.kind, finding.text, part))


# Run in this order by check_exemplar: the order its problems are listed in.
PROFILE_RULES: tuple[ProfileRule, ...] = (
    criteria_of_own_fields,
    fields_open_in_period,
    other_fields_not_main,
    codes_listed_once,
    hamlet_or_organization,
    replication_in_one_place,
    published_individual_consented,
    consent_dated,
    consent_of_a_minor,
    photo_people_consented,
    consent_only_for_individuals,
    dates_not_in_future,
    years_not_in_future,
    one_evaluation_per_year,
    registered_in_a_period,
    registered_by_deadline,
    nomination_to_congress_or_award,
    aliases_usable,
    story_has_sections,
    names_without_personal_data,
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


# A check of one piece of text: (line within the text, message, severity) of each problem.
TextRule = Callable[[str], Iterator[tuple[int, str, Severity]]]
# Front-matter keys that are never published: no rule about published text applies to them.
UNPUBLISHED_KEYS = ("private_notes", "public_contacts")


def personal_data_rule(allowed: tuple[str, ...] = ()) -> TextRule:
    """Phone numbers, ID numbers and e-mails, unless listed in ``allowed`` (public contacts)."""

    def rule(text: str) -> Iterator[tuple[int, str, Severity]]:
        for finding in find_personal_data(text, allowed):
            yield finding.line_offset, msg.personal_data(finding.kind, finding.text), Severity.error

    return rule


def legacy_encoding_rule(text: str) -> Iterator[tuple[int, str, Severity]]:
    """Vietnamese typed in an old 8-bit font (TCVN3, VNI): published, it reads as garbage."""
    for offset, line in enumerate(text.split("\n")):
        found = legacy_encoding(line)
        if found is not None:
            yield offset, msg.legacy_encoding(found[0], found[1]), Severity.warning


def unprintable_rule(unprintable: Callable[[str], str], severity: Severity) -> TextRule:
    """Characters that no font of the printed booklets has (``unprintable`` finds them)."""

    def rule(text: str) -> Iterator[tuple[int, str, Severity]]:
        for offset, line in enumerate(text.split("\n")):
            missing = unprintable(line)
            if missing:
                yield offset, msg.unprintable(missing), severity

    return rule


# Content about a person's private life that the law treats as sensitive (health, debts and
# poverty, family conflicts, religion and ethnicity, children and their school): a warning on
# a published profile, unless the person's signed consent names it (consent.sensitive).
SENSITIVE = (
    (
        "health",  # about someone: "bị bệnh", "mắc ung thư"; not "người khuyết tật" as a group
        re.compile(
            r"\b(bị|mắc|mắc phải|nhiễm|nạn nhân)\s+(bệnh|căn bệnh|ung thư|khuyết tật|tàn tật|tâm thần"
            r"|chất độc da cam|hiv|bại liệt|trầm cảm|tai biến|liệt)"
        ),
        False,
    ),
    (
        "debt",
        re.compile(r"\b(nợ nần|mắc nợ|vay nặng lãi|nợ xấu|khoản nợ|vỡ nợ|hộ nghèo|hộ cận nghèo|túng quẫn)\b"),
        True,  # the named household of an individual's profile
    ),
    (
        "family",
        re.compile(
            r"\b(ly hôn|ly thân|bạo lực gia đình|mâu thuẫn gia đình|ngoại tình|bỏ nhà đi|bị bỏ rơi)\b"
        ),
        False,
    ),
    (
        "belief",
        re.compile(
            r"\b(theo đạo|công giáo|phật giáo|tin lành|đạo thiên chúa|dân tộc (tày|nùng|dao|mông|h'mông|kinh"
            r"|sán chay|sán dìu|hoa|thái|mường))\b"
        ),
        True,  # about one named person only
    ),
    ("child", re.compile(r"(lớp \d{1,2}[^.\n]{0,80}trường|trường[^.\n]{0,80}lớp \d{1,2})"), False),
)


_NOT_A_PERSON = re.compile(
    r"\b(gà|lợn|heo|bò|trâu|dê|cá|vịt|ngan|ong|cây|chè|lúa|ngô|rau|đàn|vật nuôi|cây trồng|giống"
    r"|vườn)\b[^.\n]*$"
)


def sensitive_rule(individual: bool) -> TextRule:
    """Sensitive content about a person's private life, each kind once per text."""

    def rule(text: str) -> Iterator[tuple[int, str, Severity]]:
        lowered = text.lower()
        for kind, pattern, only_individual in SENSITIVE:
            if only_individual and not individual:
                continue
            # "Đàn gà bị bệnh", "cây chè mắc bệnh": the farm's health, not a person's.
            found = next(
                (
                    m
                    for m in pattern.finditer(lowered)
                    if not _NOT_A_PERSON.search(lowered[max(0, m.start() - 25) : m.start()])
                ),
                None,
            )
            if found is not None:
                offset = lowered.count("\n", 0, found.start())
                yield offset, msg.sensitive(kind, text[found.start() : found.end()]), Severity.warning

    return rule


def text_rules(record: Exemplar) -> list[TextRule]:
    """The rules that look at a profile's text alone (cached with its parse: kept here, in a
    module the cache's fingerprint covers)."""
    rules: list[TextRule] = [legacy_encoding_rule]
    if record.is_public:
        rules.append(personal_data_rule(record.public_contacts))
        if record.consent is None or not record.consent.sensitive:
            rules.append(sensitive_rule(record.kind is Kind.individual))
    return rules


def check_text(
    source: Source,
    rules: Sequence[TextRule],
    skip: Collection[str] = (),
    story: str | None = None,
) -> list[Problem]:
    """Every rule over every text of one file: its values (keys in ``skip`` aside), each at
    its line and field, and a profile's ``story`` at its own lines."""
    problems = []
    texts = [
        (loc, source.line_of(loc), text) for loc, text in _strings(source.data, ()) if loc[0] not in skip
    ]
    if story is not None:
        texts.append((("story",), source.body_line, story))
    for loc, line, text in texts:
        for rule in rules:
            for offset, message, severity in rule(text):
                problems.append(Problem(source.path, line + offset, dotted(loc), message, severity))
    return problems


def check_personal_data(e: Exemplar, source: Source) -> list[Problem]:
    """Phone numbers, ID numbers and e-mails in what would be published, unless listed in
    ``public_contacts``. Private notes are never published, so they are not checked."""
    return check_text(source, [personal_data_rule(e.public_contacts)], UNPUBLISHED_KEYS, e.story)


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
        key = name_key(e.name)
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
    problems += check_aliases(exemplars, sources)
    problems += legacy_consents(exemplars, sources)
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


def legacy_consents(exemplars: Sequence[Exemplar], sources: Mapping[str, Source]) -> list[Problem]:
    """One message for the profiles whose consent predates uses: they keep the site and the
    booklets, and leave the open data (and the province) until consent for it is recorded."""
    individuals = [e for e in exemplars if e.kind is Kind.individual and e.status is Status.published]
    legacy = [e for e in individuals if e.consent is not None and e.consent.legacy]
    if not legacy:
        return []
    first = sources[legacy[0].slug]
    message = msg.consent_legacy([e.name for e in legacy])
    return [_at(first, first.path, ("consent",), message, Severity.warning)]


def check_aliases(exemplars: Sequence[Exemplar], sources: Mapping[str, Source]) -> list[Problem]:
    """An old address leads to one profile and is no profile's current address."""
    owners = {e.slug: e.name for e in exemplars}
    problems = []
    for e in exemplars:
        for index, alias in enumerate(e.aliases):
            if alias != e.slug and alias in owners:
                source = sources[e.slug]
                message = msg.alias_taken(alias, owners[alias])
                problems.append(_at(source, source.path, ("aliases", index), message))
            owners.setdefault(alias, e.name)
    return problems


def count(problems: Iterable[Problem], severity: Severity) -> int:
    return sum(1 for p in problems if p.severity is severity)
