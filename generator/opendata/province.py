"""The province site's pages, from the gathered open data: browse by commune, field and
year; replication across communes; the exemplars nominated to the province; one page per
profile that points to the commune's own page as canonical. Markdown pages for the engine,
from the theme's ``province`` templates (nothing here knows MkDocs).

The data comes from other machines: every value is escaped, squeezed onto one line (a
blank line would end an HTML block and let Markdown read the rest) and written only inside
HTML blocks, where Markdown does not read links or emphasis.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup
from slugify import slugify

from ..files import link_or_copy
from ..messages import common as common_msg
from ..messages import province as msg
from ..rendering import environment
from ..site.assets import STYLESHEET, Asset, site_assets
from ..site.pages import GeneratedPage, PageBuilder, field_page, sort_key, year_page
from ..theme_files import MATERIAL, Theme
from . import model as od
from .config import ProvinceConfig
from .gather import CommuneData, Gathered, Status
from .thumbs import Thumb

HOME = "index.md"
COMMUNES = "xa/index.md"
FIELDS = "linh-vuc/index.md"
YEARS = "nam/index.md"
REPLICATION = "nhan-rong.md"
NOMINATIONS = "de-cu.md"
UPWARD = ("province", "national")  # nominations the province page lists


def commune_page(code: str) -> str:
    return f"xa/{code}/index.md"


def profile_src(code: str, slug: str) -> str:
    return f"xa/{code}/{slug}/index.md"


@dataclass(frozen=True)
class Entry:
    """A profile with the commune that published it."""

    commune: CommuneData
    profile: od.Profile

    @property
    def src(self) -> str:
        return profile_src(self.commune.code, self.profile.slug)


@dataclass(frozen=True)
class Crossing:
    """A replication recorded by one commune in a place that names another."""

    entry: Entry
    replication: od.Replication
    to: CommuneData


def _one_line(value: Any) -> Any:
    """Every value a template prints, squeezed onto one line (not our own HTML)."""
    return " ".join(value.split()) if type(value) is str else value


def _folded(text: str) -> str:
    return slugify(text, separator=" ")


class ProvinceSite(PageBuilder[Entry]):
    """Every page of the province site for one gathering."""

    card_template = "_province.j2"
    card_macro = "card_markup"
    card_name = "card"

    def __init__(self, config: ProvinceConfig, gathered: Gathered, theme: Theme) -> None:
        folders = [*theme.folders("province"), *theme.folders("pages")]
        super().__init__(environment(folders, finalize=_one_line, keep_trailing_newline=True))
        self.env.filters["yaml_url"] = lambda url: Markup(json.dumps(url))
        self.config, self.gathered = config, gathered
        self.communes = gathered.communes
        self.communes_by_code = {c.code: c for c in self.communes}
        self.entries = sorted(
            (Entry(c, p) for c in self.communes for p in c.profiles),
            key=lambda e: (sort_key(e.profile.name), e.commune.code, e.profile.slug),
        )
        self.by_commune: dict[str, list[Entry]] = defaultdict(list)
        self.by_field: dict[str, list[Entry]] = defaultdict(list)
        self.by_year: dict[int, list[Entry]] = defaultdict(list)
        self.fields: dict[str, od.FieldLabel] = {}
        for e in self.entries:
            self.by_commune[e.commune.code].append(e)
            self.by_field[e.profile.field.code].append(e)
            self.by_year[e.profile.registered.year].append(e)
            self.fields.setdefault(e.profile.field.code, e.profile.field)
        self.field_order = sorted(self.fields, key=lambda code: sort_key(self.fields[code].name))

    # --- what the templates are given ----------------------------------------------------------

    def card_key(
        self, item: Entry, link: Callable[[str], str], asset: Callable[[str], str]
    ) -> tuple[str, ...]:
        # The entry and the link to it (the same card is on the commune, field and year pages).
        return (item.src, link(item.src))

    def page_values(self) -> dict[str, Any]:
        return {
            "config": self.config.options,
            "site_name": self.config.site_name,
            "thumbs": self.thumbs,
            "commune_page": commune_page,
            "communes_by_code": self.communes_by_code,
            "field_src": field_page,
            "year_src": year_page,
            "fields": self.fields,
            "kinds": common_msg.KIND_NAMES,
            "pages": {
                "home": HOME,
                "communes": COMMUNES,
                "fields": FIELDS,
                "years": YEARS,
                "replication": REPLICATION,
                "nominations": NOMINATIONS,
            },
        }

    def thumbs(self, entry: Entry) -> list[tuple[str, Thumb]]:
        """(site path, thumbnail) of an entry's photos, cover first."""
        found = self.gathered.thumbs.get((entry.commune.code, entry.profile.slug), ())
        folder = entry.src.rsplit("/", 1)[0]
        ordered = sorted(found, key=lambda t: not t.photo.cover)
        return [(f"{folder}/{t.name}", t) for t in ordered]

    def _listing(
        self, template: str, base_src: str, entries: Sequence[Entry], **values: Any
    ) -> list[GeneratedPage]:
        return self._paged(template, base_src, {"entries": entries}, total=len(entries), **values)

    # --- pages ---------------------------------------------------------------------------------

    def every_page(self) -> list[GeneratedPage]:
        """Home, communes, fields, years, replication, nominations, profiles."""
        pages = [self.home(), self.commune_index(), self.field_index(), self.year_index()]
        pages += [self.replication(), self.nominations()]
        for c in self.communes:
            if c.doc is not None:
                pages += self._listing(
                    "commune.md.j2", commune_page(c.code), self.by_commune[c.code], commune=c
                )
        for code in self.field_order:
            field = self.fields[code]
            pages += self._listing("field.md.j2", field_page(code), self.by_field[code], field=field)
        for year in sorted(self.by_year):
            pages += self._listing("year.md.j2", year_page(year), self.by_year[year], year=year)
        pages += [self.profile(e) for e in self.entries]
        return pages

    def profile(self, e: Entry) -> GeneratedPage:
        return self._render(
            "profile.md.j2",
            e.src,
            p=e.profile,
            c=e.commune,
            canonical=e.commune.canonical(e.profile),
            shown=self.thumbs(e),
        )

    def files(self) -> dict[str, Path]:
        """Site path → file of every thumbnail the pages show."""
        return {path: thumb.file for e in self.entries for path, thumb in self.thumbs(e)}

    def home(self) -> GeneratedPage:
        gathered = [c for c in self.communes if c.doc is not None]
        stats = {
            "communes": len(gathered),
            "total": len(self.communes),
            "profiles": len(self.entries),
            "units": sum(r.units for e in self.entries for r in e.profile.replications),
            "nominated": len(self.nominated()),
        }
        newest = sorted(self.entries, key=lambda e: (e.profile.updated, e.src), reverse=True)[:12]
        return self._render(
            "home.md.j2", HOME, stats=stats, communes=self.communes, newest=newest, counts=self._counts()
        )

    def _counts(self) -> dict[str, int]:
        return {code: len(items) for code, items in self.by_commune.items()}

    def commune_index(self) -> GeneratedPage:
        rows = []
        for c in self.communes:
            entries = self.by_commune[c.code]
            rows.append(
                {
                    "commune": c,
                    "profiles": len(entries),
                    "replicated": sum(1 for e in entries if e.profile.replications),
                    "units": sum(r.units for e in entries for r in e.profile.replications),
                    "nominated": sum(1 for e in entries if _upward(e.profile, None)),
                }
            )
        return self._render(
            "communes.md.j2", COMMUNES, rows=rows, missing=Status.missing, cached=Status.cached
        )

    def field_index(self) -> GeneratedPage:
        counts = {code: Counter(e.commune.code for e in self.by_field[code]) for code in self.field_order}
        return self._render("field_index.md.j2", FIELDS, order=self.field_order, counts=counts)

    def year_index(self) -> GeneratedPage:
        counts = {year: len(self.by_year[year]) for year in sorted(self.by_year)}
        return self._render("year_index.md.j2", YEARS, counts=counts)

    # --- replication across communes -------------------------------------------------------------

    def crossings(self) -> list[Crossing]:
        """Replications whose place names another gathered commune (accents and case ignored)."""
        names = [(c, _folded(c.doc.commune.name)) for c in self.communes if c.doc is not None]
        found = []
        for e in self.entries:
            for r in e.profile.replications:
                place = f" {_folded(r.place)} " if r.place else ""
                for other, name in names:
                    if other.code != e.commune.code and name and f" {name} " in place:
                        found.append(Crossing(e, r, other))
                        break
        return sorted(found, key=lambda x: (x.replication.year, x.entry.commune.code, x.entry.src))

    def replication(self) -> GeneratedPage:
        replicated = [e for e in self.entries if e.profile.replications]
        top = sorted(replicated, key=lambda e: (-sum(r.units for r in e.profile.replications), e.src))[:30]
        per_commune = {
            c.code: (
                sum(1 for e in self.by_commune[c.code] if e.profile.replications),
                sum(len(e.profile.replications) for e in self.by_commune[c.code]),
                sum(r.units for e in self.by_commune[c.code] for r in e.profile.replications),
            )
            for c in self.communes
            if c.doc is not None
        }
        return self._render(
            "replication.md.j2", REPLICATION, crossings=self.crossings(), top=top, per_commune=per_commune
        )

    # --- nominations to the province -------------------------------------------------------------

    def nominated(self) -> list[tuple[Entry, od.Nomination]]:
        year = self.config.options.congress_year
        found = [(e, n) for e in self.entries for n in _upward(e.profile, year)]
        return sorted(
            found, key=lambda pair: (-pair[1].year, pair[1].congress or pair[1].award or "", pair[0].src)
        )

    def nominations(self) -> GeneratedPage:
        groups: dict[tuple[int, str], list[tuple[Entry, od.Nomination]]] = defaultdict(list)
        for entry, n in self.nominated():
            groups[(n.year, n.congress or n.award or "")].append((entry, n))
        return self._render("nominations.md.j2", NOMINATIONS, groups=groups)


def _upward(profile: od.Profile, year: int | None) -> list[od.Nomination]:
    return [n for n in profile.nominations if n.level.code in UPWARD and (year is None or n.year == year)]


# --- the engine's configuration ------------------------------------------------------------------


def engine_config(
    config: ProvinceConfig, gathered: Gathered, docs_dir: Path, theme: Theme, assets: Sequence[Asset]
) -> str:
    """mkdocs.yml of the province site: the communes' theme (the tool's Material folder as
    ``custom_dir``; the province's overrides go before it through ProvincePlugin), our
    stylesheet (with the gathered fields' colours) and scripts under their published names."""
    paths = {a.name: a.path for a in assets}
    options = config.options
    settings: dict[str, Any] = {
        "site_name": config.site_name,
        "site_description": options.description or msg.PROVINCE_DESCRIPTION.format(province=options.province),
        "docs_dir": str(docs_dir),
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": "custom",
            "custom_dir": str(theme.folders(MATERIAL)[-1]),
            "font": False,
            "palette": {"primary": "custom", "accent": "custom"},
            "features": ["navigation.top"],
        },
        "nav": [{title: src} for title, src in zip(msg.PROVINCE_NAV, _NAV, strict=True)],
        "plugins": [],
        "extra_css": [paths[STYLESHEET]],
        "extra": {
            "dienhinh_assets": paths,
            "dienhinh_sample_data": any(c.doc.commune.sample_data for c in gathered.communes if c.doc),
            "dienhinh_commune": options.province,
            "dienhinh_search": False,
        },
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            "tables",
            {"toc": {"permalink": True, "permalink_title": msg.PERMALINK_TITLE}},
        ],
        "validation": {
            "omitted_files": "info",
            "absolute_links": "info",
            "unrecognized_links": "info",
            "anchors": "info",
        },
    }
    if options.site_url:
        settings["site_url"] = options.site_url
    return yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)


_NAV = (HOME, COMMUNES, FIELDS, YEARS, REPLICATION, NOMINATIONS)


def write_docs(
    files: dict[str, Path], docs_dir: Path, pages: Iterable[GeneratedPage], assets: Sequence[Asset]
) -> None:
    """The pages and thumbnails as a folder MkDocs alone can build (``--docs-dir``: to look at
    them, or to measure plain MkDocs on the same pages)."""
    for page in pages:
        path = docs_dir / page.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    for name, file in files.items():
        link_or_copy(file, docs_dir / name)
    for asset in assets:
        (docs_dir / asset.path).parent.mkdir(parents=True, exist_ok=True)
        (docs_dir / asset.path).write_bytes(asset.content)


@dataclass(frozen=True)
class ProvinceBuild:
    """What the engine is handed: its configuration (docs_dir an empty folder beside it), and
    the pages and thumbnails it takes from memory (plugin.py's ProvincePlugin)."""

    config_file: Path
    pages: list[GeneratedPage]
    files: dict[str, Path]
    assets: list[Asset]
    profiles: int


def prepare(
    config: ProvinceConfig,
    gathered: Gathered,
    work_dir: Path,
    theme: Theme,
    keep_docs: Path | None = None,
) -> ProvinceBuild:
    """Every page of the province site, rendered; ``mkdocs.yml`` written in ``work_dir``;
    with ``keep_docs``, the pages also written there as an ordinary MkDocs project."""
    site = ProvinceSite(config, gathered, theme)
    pages, files = site.pages(), site.files()
    assets = site_assets(theme, site.fields.values())
    (work_dir / "docs").mkdir(parents=True, exist_ok=True)
    config_file = work_dir / "mkdocs.yml"
    config_file.write_text(
        engine_config(config, gathered, work_dir / "docs", theme, assets), encoding="utf-8"
    )
    if keep_docs is not None:
        keep_docs = keep_docs.resolve()
        shutil.rmtree(keep_docs / "docs", ignore_errors=True)  # no page of an earlier gathering
        write_docs(files, keep_docs / "docs", pages, assets)
        (keep_docs / "mkdocs.yml").write_text(
            engine_config(config, gathered, keep_docs / "docs", theme, assets), encoding="utf-8"
        )
    return ProvinceBuild(config_file, pages, files, assets, len(site.entries))
