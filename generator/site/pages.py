"""Records → generated pages (Markdown with HTML blocks), from Jinja templates in the
theme's ``pages`` folder (a commune's overrides first). Nothing here knows MkDocs: a page is a
source path and its text."""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from jinja2 import Environment
from markupsafe import Markup
from slugify import slugify

from ..files import files_under, stamp
from ..messages import common as common_msg
from ..messages import site as msg
from ..records import periods as plan
from ..records.model import Exemplar, Hamlet, Named, Period, Registry, Visit
from ..records.sanitize import StoryFence
from ..rendering import environment
from ..text import pack, unpack
from ..theme_files import Theme
from .charts import Bar, bar_chart
from .media import ProfileMedia
from .page_memo import Fingerprints, PageMemo, Unfingerprintable

# Source paths of the index pages (also the site's URL scheme).
HOME = "index.md"
FIELDS = "linh-vuc/index.md"
HAMLETS = "xom/index.md"
ORGANIZATIONS = "to-chuc/index.md"
YEARS = "nam/index.md"
EXEMPLARS = "dien-hinh/index.md"
VISITS = "tham-quan/index.md"
PERIODS = "giai-doan/index.md"
NOMINATIONS = "tien-cu/index.md"
BOOKLET_NAME = "so-tay.pdf"
CRITERIA_MARKER = "<!-- dienhinh:criteria -->"


def field_page(code: str) -> str:
    return f"linh-vuc/{code}.md"


def hamlet_page(code: str) -> str:
    return f"xom/{code}.md"


def organization_page(code: str) -> str:
    return f"to-chuc/{code}.md"


def year_page(year: int) -> str:
    return f"nam/{year}.md"


def profile_page(slug: str) -> str:
    return f"dien-hinh/{slug}/index.md"


def period_page(code: str) -> str:
    return f"giai-doan/{code}.md"


def is_searchable(src: str) -> bool:
    """Whether a generated page goes into the search index: profiles and the field, hamlet and
    organization pages; not the home page, lists and years, which only repeat profiles."""
    parts = src.split("/")
    if parts[0] == "dien-hinh":
        return len(parts) == 3
    return parts[0] in {"linh-vuc", "xom", "to-chuc"} and len(parts) == 2 and parts[1] != "index.md"


PAGE_SIZE = 48  # cards per listing page: a field with 3,000 exemplars is 63 light pages


def numbered_page(base_src: str, number: int) -> str:
    """Source path of page ``number`` of a listing (page 1 is the base page itself)."""
    if number == 1:
        return base_src
    stem = base_src[: -len(".md")]
    folder = stem[: -len("index")].rstrip("/") if stem.endswith("index") else stem
    return f"{folder}/trang-{number}.md" if folder else f"trang-{number}.md"


@dataclass(frozen=True)
class Pager:
    """Where a page sits in a listing split over several pages."""

    base_src: str
    number: int
    count: int

    def src(self, number: int) -> str:
        return numbered_page(self.base_src, number)

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link: first, last and neighbours; None marks a gap."""
        shown = sorted({1, self.count, *range(self.number - around, self.number + around + 1)})
        result: list[int | None] = []
        previous = 0
        for n in (n for n in shown if 1 <= n <= self.count):
            if previous and n - previous > 1:
                result.append(None)
            result.append(n)
            previous = n
        return result


def visit_page(slug: str) -> str:
    return f"tham-quan/{slug}.md"


def visit_booklet_path(slug: str) -> str:
    """Where the site build writes a visit's booklet (beside its page)."""
    return f"tham-quan/{slug}/{BOOKLET_NAME}"


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the records. Its Markdown is kept compressed (text.pack) until the
    engine reads it: 13,000 pages of a 10,000-profile site are 300 MB as Python text."""

    src: str
    packed: bytes

    @classmethod
    def of(cls, src: str, markdown: str) -> GeneratedPage:
        return cls(src, pack(markdown))

    @property
    def markdown(self) -> str:
        return unpack(self.packed)


@dataclass(frozen=True)
class Redirect:
    """An old address kept working: a small page at ``path`` (in the site) that sends the
    browser on to the page that moved (meta refresh, no script), marked canonical there."""

    path: str
    html: str


def site_file(url: str) -> str:
    """The file a page URL is served from (``xom/a/`` → ``xom/a/index.html``)."""
    return url + "index.html" if url.endswith("/") or not url else url


def page_url(src: str, directory_urls: bool = True) -> str:
    """The site's URL rule for a page, from its source path (relative to the site root, "" for
    the home page). Ours, written down here: ``x/index.md`` → ``x/``, ``x/y.md`` → ``x/y/``;
    without directory URLs ``.md`` → ``.html``. The engine writes the pages where the same rule
    says (MkDocs and ProperDocs do, and Zensical keeps their URLs); tests/test_pages.py checks
    that it agrees with the engine for every generated page, so a divergence fails a test."""
    stem = src[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_href(from_src: str, to_src: str, directory_urls: bool = True) -> str:
    """Link from one page to another, relative to the folder the first is served from
    (``./`` for the page itself when it is a folder's page)."""
    from_url = page_url(from_src, directory_urls)
    to_url = page_url(to_src, directory_urls)
    from_parts = from_url.split("/")[:-1]  # the folder the page is served from
    to_parts = to_url.split("/")
    common = 0
    while common < min(len(from_parts), len(to_parts) - 1) and from_parts[common] == to_parts[common]:
        common += 1
    href = "/".join([".."] * (len(from_parts) - common) + to_parts[common:])
    return href or "./"


def relative_asset(from_src: str, path: str, directory_urls: bool = True) -> str:
    """Link from a page to a file of the site (``dien-hinh/x/anh.jpg``), relative."""
    from_url = page_url(from_src, directory_urls)
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    return posixpath.relpath(path, from_dir or ".")


@dataclass(frozen=True)
class Cover:
    """A card's picture: a file of the built site (path from the site root), its alt text."""

    src: str
    alt: str
    width: int
    height: int


def card_covers(media: Mapping[str, ProfileMedia]) -> dict[str, Cover]:
    """Card pictures from the photo stage: each profile's cover at its smallest width."""
    covers = {}
    for slug, m in media.items():
        if m.cover is None or not m.cover.processed.variants:
            continue
        small = m.cover.processed.variants[0]
        folder = profile_page(slug).rsplit("/", 1)[0]
        src = f"{folder}/{m.cover.name(small, 'jpg')}"
        covers[slug] = Cover(src, m.cover.photo.alt_text, small.width, small.height)
    return covers


@lru_cache(maxsize=65536)  # a preview sorts the same names after every save
def sort_key(text: str) -> str:
    """Alphabetical order for Vietnamese names (accents folded, đ as d)."""
    return slugify(text, separator=" ")


CardItem = TypeVar("CardItem")


class PageBuilder(Generic[CardItem]):
    """What the commune's and the province's pages share: one Jinja environment; each page
    rendered from a template with ``link`` and ``asset`` relative to it; cards rendered once
    per distinct link; listings split over pages of PAGE_SIZE. A subclass gives the values of
    its pages (``page_values``), what makes a card differ (``card_key``) and its pages."""

    # The macro that draws a card: its template, its name there, the name pages call it by.
    card_template: str
    card_macro: str
    card_name: str

    def __init__(self, env: Environment, directory_urls: bool = True, memo: PageMemo | None = None) -> None:
        self.env = env
        self.directory_urls = directory_urls
        # What makes a card differ (its item, the links in it) → its HTML; emptied after pages().
        self._cards: dict[tuple[str, ...], Markup] = {}
        # Pages an earlier build rendered from the same values (plugin.Rebuilds' memo).
        self.memo = memo
        self._fingerprints = Fingerprints(self.card_extra)
        self._memo_base: str | None = None

    def fingerprint(self, *values: Any) -> str:
        """The digest of ``values`` (records digested once per build)."""
        return self._fingerprints.of(*values)

    def memo_values(self) -> tuple[Any, ...]:
        """What every page depends on besides its own values (the registry, the templates)."""
        return ()

    def card_extra(self, record: Any) -> str:
        """What a record's card shows that is not in the record (see Fingerprints)."""
        return ""

    def page_values(self) -> dict[str, Any]:
        """What every page's template is given besides ``link``, ``asset`` and the card."""
        return {}

    def card_key(
        self, item: CardItem, link: Callable[[str], str], asset: Callable[[str], str]
    ) -> tuple[str, ...]:
        """The item's card and the page's links to what it shows: cards with the same key
        are the same HTML (a profile is listed on a dozen pages, most at the same depth)."""
        raise NotImplementedError

    def every_page(self) -> list[GeneratedPage]:
        """The pages, in the order the engine is given them."""
        raise NotImplementedError

    def pages(self) -> list[GeneratedPage]:
        """Every page, rendered."""
        try:
            return self.every_page()
        finally:
            self._cards.clear()

    def _context(self, src: str) -> dict[str, Any]:
        def link(target: str) -> str:
            return relative_href(src, target, self.directory_urls)

        def asset(path: str) -> str:
            return relative_asset(src, path, self.directory_urls)

        macros: list[Any] = []  # this page's card template, made when a card is first needed

        def card(item: CardItem) -> Markup:
            key = self.card_key(item, link, asset)
            html = self._cards.get(key)
            if html is None:
                if not macros:
                    macros.append(self.env.get_template(self.card_template).make_module(context))
                html = self._cards[key] = Markup(getattr(macros[0], self.card_macro)(item))
            return html

        context = {**self.page_values(), "link": link, "asset": asset, self.card_name: card}
        return context

    def _render(
        self,
        template: str,
        src: str,
        derived: Mapping[str, Callable[[], Any]] | None = None,
        **values: Any,
    ) -> GeneratedPage:
        """The page at ``src``; ``derived`` values are made from the others (and from what
        every page depends on) only when the page is rendered, not taken from the memo."""
        key = self._memo_key(template, src, values)
        if key is not None and self.memo is not None:
            found = self.memo.get(key)
            if found is not None:
                return GeneratedPage(src, found)
        values.update((name, make()) for name, make in (derived or {}).items())
        text = self.env.get_template(template).render(**self._context(src), **values)
        if key is not None and self.memo is not None:
            return GeneratedPage(src, self.memo.put(key, text))
        return GeneratedPage.of(src, text)

    def _memo_key(self, template: str, src: str, values: Mapping[str, Any]) -> str | None:
        if self.memo is None:
            return None
        try:
            if self._memo_base is None:
                self._memo_base = self._fingerprints.of(type(self).__qualname__, *self.memo_values())
            return self._fingerprints.of(self._memo_base, template, src, values)
        except Unfingerprintable:
            return None

    def _paged(
        self, template: str, base_src: str, lists: Mapping[str, Sequence[Any]], **values: Any
    ) -> list[GeneratedPage]:
        """A listing split over pages of PAGE_SIZE: page k shows the k-th slice of each list."""
        count = max([1, *((len(items) + PAGE_SIZE - 1) // PAGE_SIZE for items in lists.values())])
        totals = {name: len(items) for name, items in lists.items()}
        pages = []
        for number in range(1, count + 1):
            start = (number - 1) * PAGE_SIZE
            slices = {name: items[start : start + PAGE_SIZE] for name, items in lists.items()}
            pager = Pager(base_src, number, count)
            listed: dict[str, Any] = {**slices, **values}
            pages.append(self._render(template, pager.src(number), pager=pager, totals=totals, **listed))
        return pages


class SiteBuilder(PageBuilder[Exemplar]):
    """Renders every generated page for one set of published exemplars."""

    card_template = "_macros.j2"
    card_macro = "card"
    card_name = "card_html"

    def __init__(
        self,
        registry: Registry,
        exemplars: Sequence[Exemplar],
        theme: Theme,
        directory_urls: bool = True,
        fence: StoryFence | None = None,
        visits: Sequence[Visit] = (),
        media: Mapping[str, ProfileMedia] | None = None,
        covers: Mapping[str, Cover] | None = None,
        spoken: Callable[[Exemplar], str] | None = None,
        memo: PageMemo | None = None,
        compiled: Path | None = None,
    ) -> None:
        folders = tuple(theme.folders("pages"))

        def make_environment() -> Environment:
            return environment(folders, finalize=markdown_text, keep_trailing_newline=True, compiled=compiled)

        env = memo.environment(("pages", folders), make_environment) if memo else make_environment()
        super().__init__(env, directory_urls, memo)
        self.template_folders = folders
        self.registry = registry
        self.fence = fence or StoryFence()
        self.visits = tuple(visits)
        self.media = dict(media or {})
        # A profile told for the ear (what the "Nghe" button reads); given by the build, which
        # knows the printing stage's spoken form (site/ does not import printing/).
        self.spoken = spoken
        # Slug → card picture: given, or the cover photo of the photo stage's media.
        self.covers: Mapping[str, Cover] = covers if covers is not None else card_covers(self.media)
        self.exemplars = sorted(exemplars, key=lambda e: sort_key(e.name))
        self.fields = registry.table("fields")
        self.hamlets = registry.table("hamlets")
        self.organizations = registry.table("organizations")
        self.by_slug = {e.slug: e for e in self.exemplars}
        # Periods: the site shows the current one by default, the others in their archives.
        self.periods = registry.plan_periods
        self.current = registry.current
        self.period_of = {e.slug: plan.period_of(registry, e.registered) for e in self.exemplars}
        self.by_period: dict[str, list[Exemplar]] = defaultdict(list)
        for e in self.exemplars:
            period = self.period_of[e.slug]
            self.by_period[period.code if period else ""].append(e)
        self.hamlet_groups = hamlet_groups(registry)
        # Grouped once, so every index page and "related" list is linear in the profiles.
        self.by_field: dict[str, list[Exemplar]] = defaultdict(list)
        self.also_in_field: dict[str, list[Exemplar]] = defaultdict(list)
        self.by_hamlet: dict[str, list[Exemplar]] = defaultdict(list)
        self.by_organization: dict[str, list[Exemplar]] = defaultdict(list)
        self.adopted_in: dict[str, list[tuple[Exemplar, Any]]] = defaultdict(list)
        for e in self.exemplars:
            self.by_field[e.field].append(e)
            for code in e.other_fields:
                self.also_in_field[code].append(e)
            if e.hamlet:
                self.by_hamlet[e.hamlet].append(e)
            if e.organization:
                self.by_organization[e.organization].append(e)
            for r in e.replications:
                if r.hamlet:
                    self.adopted_in[r.hamlet].append((e, r))

    # --- what templates are given ------------------------------------------------------

    def card_key(
        self, item: Exemplar, link: Callable[[str], str], asset: Callable[[str], str]
    ) -> tuple[str, ...]:
        # The profile, the link to it and its picture's address.
        cover = self.covers.get(item.slug)
        return (item.slug, link(profile_page(item.slug)), asset(cover.src) if cover else "")

    def memo_values(self) -> tuple[Any, ...]:
        # page_values() is made of these; its per-profile parts (periods, covers) are in the
        # pages' own values (the exemplars shown, their cards' pictures by card_extra).
        stamps = stamp(files_under(self.template_folders))
        return (self.registry, self.directory_urls, self.fence.begin, self.fence.end, stamps)

    def card_extra(self, record: Any) -> str:
        if isinstance(record, Exemplar):
            return repr(self.covers.get(record.slug))
        return ""

    def page_values(self) -> dict[str, Any]:
        return {
            "reg": self.registry,
            "commune": self.registry.commune,
            "fields": self.fields,
            "hamlets": self.hamlets,
            "organizations": self.organizations,
            "levels": self.registry.table("commendation_levels"),
            "forms": self.registry.table("commendation_forms"),
            "results": self.registry.table("evaluation_results"),
            "figures": self.registry.table("figures"),
            "criteria": self.registry.criteria_by_id(),
            # Residents read a criterion's field (or "general"), never its code (kth-1).
            "criterion_fields": criterion_fields(self.registry),
            "kinds": common_msg.KIND_NAMES,
            "nomination_levels": common_msg.NOMINATION_LEVELS,
            "periods": self.periods,
            "current": self.current,
            "period_of": self.period_of,
            # Cards and profiles name their period only when there is more than one.
            "show_periods": len(self.periods) > 1,
            "period_label": plan.period_label,
            "deadline": plan.deadline,
            "hamlet_groups": self.hamlet_groups,
            "covers": self.covers,
            "field_page": field_page,
            "hamlet_page": hamlet_page,
            "organization_page": organization_page,
            "year_page": year_page,
            "period_page": period_page,
            "profile_page": profile_page,
            "visit_page": visit_page,
            "pages": {
                "visits": VISITS,
                "home": HOME,
                "fields": FIELDS,
                "hamlets": HAMLETS,
                "organizations": ORGANIZATIONS,
                "years": YEARS,
                "exemplars": EXEMPLARS,
                "periods": PERIODS,
                "nominations": NOMINATIONS,
            },
        }

    # --- pages -------------------------------------------------------------------------

    def every_page(self) -> list[GeneratedPage]:
        """Home, indexes, one per field/hamlet/organization/year/profile, visits, periods."""
        pages = [
            self.home(),
            self.field_index(),
            self.hamlet_index(),
            self.organization_index(),
            self.year_index(),
        ]
        pages += self.exemplar_index()
        for code in self.fields:
            pages += self.field(code)
        for code in self.hamlets:
            pages += self.hamlet(code)
        for code in self.organizations:
            pages += self.organization(code)
        for year in self.years:
            pages += self.year(year)
        pages += [self.profile(e) for e in self.exemplars]
        pages += [self.visit_index(), *(self.visit(v) for v in self.visits)]
        pages.append(self.period_index())
        for period in self.periods:
            pages += self.period(period)
        pages.append(self.nominations())
        return pages

    def home(self) -> GeneratedPage:
        """The current period: its counts, charts, featured and newest exemplars."""
        shown = self.by_period[self.current.code] if self.current else self.exemplars
        by_field = Counter(e.field for e in shown)
        by_hamlet = Counter(e.hamlet for e in shown if e.hamlet)
        newest = sorted(shown, key=lambda e: e.registered, reverse=True)[:6]
        stats = {
            "total": len(shown),
            "by_kind": Counter(e.kind.value for e in shown),
            "hamlets_covered": len(by_hamlet),
            "commendations": sum(len(e.commendations) for e in shown),
            "replicated_units": sum(r.units for e in shown for r in e.replications),
        }
        # The registry's purpose is Markdown: fenced like a story, so it is sanitized too.
        purpose = self.registry.commune.purpose
        return self._render(
            "home.md.j2",
            HOME,
            purpose=Markup(self.fence.wrap(purpose)) if purpose else "",
            stats=stats,
            by_field=by_field,
            by_hamlet=by_hamlet,
            featured=[e for e in shown if e.featured],
            newest=newest,
            period_counts={code: len(items) for code, items in self.by_period.items()},
            field_chart=bar_chart(
                "dh-chart-fields",
                msg.CHART_BY_FIELD,
                [Bar(f.short_name, by_field.get(code, 0), f.color) for code, f in self.fields.items()],
            ),
            hamlet_charts=[
                (
                    group,
                    bar_chart(
                        "dh-chart-hamlets" if group is None else f"dh-chart-hamlets-{group.code}",
                        msg.CHART_BY_HAMLET if group is None else msg.chart_by_hamlet_of(group.name),
                        [Bar(h.name, by_hamlet.get(h.code, 0)) for h in hamlets],
                    ),
                )
                for group, hamlets in self.hamlet_groups
            ],
        )

    def field_index(self) -> GeneratedPage:
        counts = {code: len(self.by_field[code]) for code in self.fields}
        return self._render("field_index.md.j2", FIELDS, counts=counts)

    def hamlet_index(self) -> GeneratedPage:
        counts = {code: len(self.by_hamlet[code]) for code in self.hamlets}
        return self._render("hamlet_index.md.j2", HAMLETS, counts=counts)

    def organization_index(self) -> GeneratedPage:
        counts = {code: len(self.by_organization[code]) for code in self.organizations}
        kinds = self.registry.table("organization_kinds")
        return self._render("organization_index.md.j2", ORGANIZATIONS, counts=counts, org_kinds=kinds)

    def exemplar_index(self) -> list[GeneratedPage]:
        return self._paged("exemplar_index.md.j2", EXEMPLARS, {"exemplars": self.exemplars})

    def field(self, code: str) -> list[GeneratedPage]:
        return self._paged(
            "field.md.j2",
            field_page(code),
            {"main": self.by_field[code], "also": self.also_in_field[code]},
            field=self.fields[code],
        )

    def hamlet(self, code: str) -> list[GeneratedPage]:
        return self._paged(
            "hamlet.md.j2",
            hamlet_page(code),
            {"exemplars": self.by_hamlet[code], "adopted": self.adopted_in[code]},
            hamlet=self.hamlets[code],
        )

    def organization(self, code: str) -> list[GeneratedPage]:
        return self._paged(
            "organization.md.j2",
            organization_page(code),
            {"exemplars": self.by_organization[code]},
            organization=self.organizations[code],
        )

    @cached_property
    def years(self) -> list[int]:
        """Every year something happened: registrations, evaluations, commendations."""
        found = {e.registered.year for e in self.exemplars}
        found |= {ev.year for e in self.exemplars for ev in e.evaluations}
        found |= {c.date.year for e in self.exemplars for c in e.commendations}
        return sorted(found)

    def year_index(self) -> GeneratedPage:
        """Years grouped by the period that holds them (newest period first)."""
        grouped: dict[str, list[int]] = defaultdict(list)
        for year in self.years:
            period = plan.period_of_year(self.registry, year)
            grouped[period.code if period else ""].append(year)
        groups: list[tuple[Period | None, list[int]]] = [
            (p, grouped[p.code]) for p in reversed(self.periods) if grouped[p.code]
        ]
        if grouped[""]:
            groups.append((None, grouped[""]))
        return self._render("year_index.md.j2", YEARS, years=self.years, year_groups=groups)

    def period_index(self) -> GeneratedPage:
        counts = {p.code: len(self.by_period[p.code]) for p in self.periods}
        return self._render("period_index.md.j2", PERIODS, counts=counts)

    def period(self, period: Period) -> list[GeneratedPage]:
        """A period's page: its plan, deadlines, result and counts, then its exemplars."""
        mine = self.by_period[period.code]
        stats = {
            "total": len(mine),
            "by_kind": Counter(e.kind.value for e in mine),
            "by_field": Counter(e.field for e in mine),
            "by_hamlet": Counter(e.hamlet for e in mine if e.hamlet),
            "commendations": sum(len(e.commendations) for e in mine),
            "nominated": sum(1 for e in mine if e.nominations),
            "replicated_units": sum(r.units for e in mine for r in e.replications),
        }
        return self._paged(
            "period.md.j2", period_page(period.code), {"exemplars": mine}, period=period, stats=stats
        )

    def nominations(self) -> GeneratedPage:
        """Exemplars introduced to congresses or proposed for awards upward, per period (the
        period of the nomination's year), current period first, highest level first."""
        rank = {level: index for index, level in enumerate(reversed(common_msg.NOMINATION_LEVELS))}
        grouped: dict[str, list[tuple[Exemplar, Any]]] = defaultdict(list)
        for e in self.exemplars:
            for nomination in e.nominations:
                period = plan.period_of_year(self.registry, nomination.year)
                grouped[period.code if period else ""].append((e, nomination))
        order = sorted(self.periods, key=lambda p: (p != self.current, -p.first))
        groups = [
            (
                period,
                sorted(
                    grouped[code],
                    key=lambda pair: (rank[pair[1].level.value], -pair[1].year, sort_key(pair[0].name)),
                ),
            )
            for period, code in [*((p, p.code) for p in order), (None, "")]
            if grouped[code] or period is not None
        ]
        return self._render("nominations.md.j2", NOMINATIONS, groups=groups)

    def year(self, year: int) -> list[GeneratedPage]:
        registered = [e for e in self.exemplars if e.registered.year == year]
        evaluated = [(e, ev) for e in self.exemplars for ev in e.evaluations if ev.year == year]
        commended = sorted(
            ((e, c) for e in self.exemplars for c in e.commendations if c.date.year == year),
            key=lambda pair: pair[1].date,
        )
        return self._paged(
            "year.md.j2",
            year_page(year),
            {"registered": registered, "evaluated": evaluated, "commended": commended},
            year=year,
        )

    def related(self, e: Exemplar, limit: int = 6) -> list[Exemplar]:
        """Other exemplars of the same main field, then of the same hamlet (bounded work)."""
        found: dict[str, Exemplar] = {}
        groups = [self.by_field[e.field], self.by_hamlet[e.hamlet] if e.hamlet else []]
        for group in groups:
            for other in group:
                if len(found) >= limit:
                    return list(found.values())
                if other.slug != e.slug:
                    found.setdefault(other.slug, other)
        return list(found.values())

    def learned_from(self, e: Exemplar, limit: int = 6) -> list[Exemplar]:
        """Exemplars replicated in this exemplar's hamlet: what its neighbours learned from."""
        found: dict[str, Exemplar] = {}
        for other, _ in self.adopted_in[e.hamlet] if e.hamlet else []:
            if len(found) >= limit:
                break
            if other.slug != e.slug:
                found.setdefault(other.slug, other)
        return list(found.values())

    def profile(self, e: Exemplar) -> GeneratedPage:
        evaluations = sorted(e.evaluations, key=lambda ev: ev.year)
        commendations = sorted(e.commendations, key=lambda c: c.date)
        media = self.media.get(e.slug)
        return self._render(
            "profile.md.j2",
            profile_page(e.slug),
            e=e,
            evaluations=evaluations,
            commendations=commendations,
            nominations=[(e, n) for n in sorted(e.nominations, key=lambda n: (n.year, n.level != "commune"))],
            related=self.related(e),
            learned_from=self.learned_from(e),
            media=media,
            derived={
                "story": lambda: Markup(self.fence.wrap(self.story(e.story, media))),
                "spoken": lambda: self.spoken(e) if self.spoken is not None else "",
            },
        )

    def story(self, markdown: str, media: ProfileMedia | None) -> str:
        """A story with its declared photos drawn as the templates draw them."""
        if media is None:
            return markdown
        photos = self.env.get_template("_photos.j2").module
        return media.story(markdown, photos.figure, photos.picture)  # type: ignore[attr-defined]

    def visit_index(self) -> GeneratedPage:
        return self._render("visit_index.md.j2", VISITS, visits=self.visits)

    def visit(self, visit: Visit) -> GeneratedPage:
        src = visit_page(visit.slug)
        href = relative_asset(src, visit_booklet_path(visit.slug), self.directory_urls)
        return self._render("visit.md.j2", src, visit=visit, exemplars=self.by_slug, booklet_href=href)

    def redirects(self, site_url: str) -> list[Redirect]:
        """Redirect pages for the old addresses of renamed hamlets and profiles. Written
        beside the built site, they are in no menu, sitemap or search index."""
        moved = [
            (hamlet_page(alias), hamlet_page(h.code), h.name)
            for h in self.registry.hamlets
            for alias in h.aliases
        ]
        moved += [
            (profile_page(alias), profile_page(e.slug), e.name) for e in self.exemplars for alias in e.aliases
        ]
        template = self.env.get_template("redirect.html.j2")
        found = []
        for old, new, title in moved:
            href = relative_href(old, new, self.directory_urls)
            canonical = f"{site_url.rstrip('/')}/{page_url(new, self.directory_urls)}" if site_url else href
            html = template.render(href=href, canonical=canonical, title=title)
            found.append(Redirect(site_file(page_url(old, self.directory_urls)), html))
        return found

    def criteria_overview(self, src: str) -> str:
        """The registry's criteria as Markdown, for the marker in a hand-written page."""
        return self._render("criteria.md.j2", src).markdown


def hamlet_groups(registry: Registry) -> list[tuple[Named | None, list[Hamlet]]]:
    """Hamlets grouped by the commune they belonged to before a merger, in the order of
    ``former_communes`` (those without one last); one group (None) when there is at most one
    former commune."""
    if len(registry.former_communes) <= 1:
        return [(None, list(registry.hamlets))]
    groups: list[tuple[Named | None, list[Hamlet]]] = [
        (former, [h for h in registry.hamlets if h.former_commune == former.code])
        for former in registry.former_communes
    ]
    known = {former.code for former in registry.former_communes}
    rest = [h for h in registry.hamlets if h.former_commune not in known]
    if rest:
        groups.append((None, rest))
    return [(former, hamlets) for former, hamlets in groups if hamlets]


def criterion_fields(registry: Registry) -> dict[str, Any]:
    """Criterion id → its field (general criteria have none): residents read a criterion's
    field, never its code. Criteria that periods add to a field count as that field's."""
    found = {c.id: f for f in registry.fields for c in f.criteria}
    fields = registry.table("fields")
    for period in registry.plan_periods:
        for code, criteria in period.criteria.items():
            found.update({c.id: fields[code] for c in criteria if code in fields})
    return found


# Characters that mean something in HTML, or in Markdown and its extensions (links, images,
# emphasis, code, attribute lists ``{: onclick=…}``, tables, headings, escapes): written as
# character references, which browsers read as the character and Markdown leaves alone.
_TEXT_ENTITIES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
    | {sign: f"&#{ord(sign)};" for sign in "\\`*_[]{}|#~^!"}
)
# A value that starts a line must not start a list, a quote or a setext underline either.
_BLOCK_START = re.compile(r"^(?:[-+=]+|\d+[.)])(?=\s|$)")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def markdown_text(value: Any) -> Any:
    """Every value a page template prints (Jinja's ``finalize``): the generated pages are
    Markdown, so text from the records is made inert for HTML *and* Markdown alike. Markup
    (our macros, a fenced story, charts) passes as it is; numbers stay numbers."""
    if value is None or isinstance(value, bool | int | float) or hasattr(value, "__html__"):
        return value
    text = _LINE_BREAKS.sub(" ", str(value)).translate(_TEXT_ENTITIES)
    return Markup(_BLOCK_START.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), text))
