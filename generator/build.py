"""The site build, stage by stage, for any engine. Nothing here imports MkDocs: the MkDocs
plugin (plugin.py) calls these functions at its events, and another engine could call the
same ones.

    start   → load and check every file; plan the photos and share cards and start making
              the missing ones in the background; prepare the generated pages
    page_*  → each page as the engine converts and writes it: our HTML blocks kept out of
              Markdown, stories cleaned, share values, the page handed to the search index
    finish  → the search index; the photos and cards linked into the site; the open data
              (du-lieu/: JSON, CSV, Atom feed, schema); visit booklets
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import gzip
import html
import logging
import os
import threading
from collections.abc import Collection, MutableMapping, Sequence
from pathlib import Path
from typing import Any

from markupsafe import escape

from .files import link_or_copy
from .messages import booklet as booklet_msg
from .messages import opendata as opendata_msg
from .messages import photos as photos_msg
from .messages import search as search_msg
from .messages import site as msg
from .opendata.export import FEED_FILE, site_files
from .opendata.export import FOLDER as OPEN_DATA_FOLDER
from .printing.spoken import spoken_profile
from .records.catalog import Catalog, load_catalog
from .records.model import Exemplar, Use
from .records.problems import Problem, Severity
from .records.sanitize import StoryFence
from .records.settings import Settings
from .search.index import SearchIndexer
from .site.alt_text import fill_missing_alt
from .site.assets import Asset, site_assets
from .site.cards import FontMissing, batches, card_fonts, plan_cards, render_cards
from .site.media import ProfileMedia, plan_media
from .site.page_memo import PageMemo
from .site.pages import (
    CRITERIA_MARKER,
    GeneratedPage,
    SiteBuilder,
    is_searchable,
    profile_page,
    visit_booklet_path,
)
from .site.photos import PhotoJob, check_photo_jobs, in_cache, run_photo_job
from .site.rawhtml import RawBlocks
from .site.share import ShareBuilder, card_specs, has_cover
from .workers import Background, CacheStats, release_memory

log = logging.getLogger("dienhinh")


def load_project(settings: Settings) -> Catalog:
    """Every file loaded and checked once; photos whose exact bytes the pipeline has already
    processed skip the full decode; published text checked against the booklets' fonts."""
    from .printing.booklet import unprintable

    return load_catalog(settings, decoded_before=in_cache(settings.photo_cache), unprintable=unprintable)


# Page values the theme prints as HTML (mkdocs-material's <title>, description and author
# meta, header): MkDocs gives a title taken from the page's heading already escaped.
THEME_TEXT_META = ("title", "description", "author")


def theme_meta(meta: MutableMapping[str, Any]) -> None:
    """Front matter is text, of a generated or a hand-written page alike; the theme prints
    these values as HTML, so they are escaped here, once, for every page."""
    for key in THEME_TEXT_META:
        value = meta.get(key)
        if isinstance(value, str):
            meta[key] = str(escape(value))


class Build:
    """One build in progress: the checked records, the planned media, the work running in
    the background and the search index filling up as pages are written."""

    def __init__(
        self,
        settings: Settings,
        catalog: Catalog,
        shown: list[Exemplar],
        media: dict[str, ProfileMedia],
        photo_jobs: list[PhotoJob],
        cards: dict[str, Path],
        stats: tuple[CacheStats, CacheStats],
        background: Background | None,
        memo: PageMemo | None = None,
        fence: StoryFence | None = None,
        stream_index: bool = True,
    ) -> None:
        assert catalog.registry is not None
        self.settings, self.catalog = settings, catalog
        site = self.site = settings.site
        self.media, self.photo_jobs, self.cards = media, photo_jobs, cards
        self.photo_stats, self.card_stats = stats
        self.background = background
        self.fence = fence or StoryFence()
        self.share = ShareBuilder(catalog.registry, shown, site.url, site.name, media)
        self.pages = SiteBuilder(
            catalog.registry,
            shown,
            settings.theme,
            directory_urls=site.directory_urls,
            fence=self.fence,
            visits=catalog.visits,
            media=media,
            spoken=functools.partial(spoken_profile, registry=catalog.registry),
            memo=memo,
            compiled=settings.cache_dir / "templates" / "pages",
        )
        # Pages go to the search index as they are written, unless a preview server indexes
        # its site after serving it (finish_later).
        self.indexer = SearchIndexer() if settings.options.search and stream_index else None
        self.generated: set[str] = set()
        self._outputs: set[str] = set()  # written by finish_now, besides the engine's pages
        self.later_cancelled = threading.Event()  # set: finish_later stops (see Rebuilds)
        if memo is not None:
            memo.begin()
        self.raw: dict[str, RawBlocks] = {}

    # --- what the engine adds to the site ---------------------------------------------------

    def generated_pages(self) -> list[GeneratedPage]:
        """Every page made from the records (profiles, indexes, visits), as Markdown."""
        pages = self.pages.pages()
        self.generated = {page.src for page in pages}
        return pages

    def assets(self) -> list[Asset]:
        """Our stylesheet (with the fields' colours) and scripts, under fingerprinted names."""
        assert self.catalog.registry is not None
        return site_assets(self.settings.theme, self.catalog.registry.fields)

    def theme_values(self) -> dict[str, Any]:
        """Values the theme templates read (the sample-data banner, the commune's name)."""
        assert self.catalog.registry is not None
        commune = self.catalog.registry.commune
        values: dict[str, Any] = {
            "dienhinh_sample_data": commune.sample_data,
            "dienhinh_commune": commune.full_name,
        }
        if self.site.url:  # the feed exists only with the site's address (Atom ids are absolute)
            values["dienhinh_feed"] = {"href": FEED_FILE, "title": opendata_msg.FEED_LINK_TITLE}
        return values

    # --- each page ----------------------------------------------------------------------------

    def page_markdown(self, src: str, markdown: str, meta: MutableMapping[str, Any]) -> str:
        """A page's Markdown before conversion: the criteria overview filled in; our
        templates' HTML blocks set aside so Markdown does not parse them (see rawhtml.py)."""
        if src in self.generated:
            # main.html marks the page for the search index unless search_index is false.
            meta.setdefault("search_index", is_searchable(src))
        if CRITERIA_MARKER in markdown:
            markdown = markdown.replace(CRITERIA_MARKER, self.pages.criteria_overview(src))
        if src in self.generated:
            raw = RawBlocks()
            markdown = raw.hide(markdown, (self.fence.begin, self.fence.end))
            if raw.blocks:
                self.raw[src] = raw
        return markdown

    def page_html(self, src: str, html: str) -> str | Problem:
        """A page's HTML after conversion: our blocks put back, stories cleaned, every image
        given a text alternative; a problem when a Markdown extension changed our blocks."""
        raw = self.raw.pop(src, None)
        if raw is not None:
            try:
                html = raw.restore(html)
            except ValueError:
                return self._config_problem(msg.RAW_HTML_CHANGED.format(page=src))
        return fill_missing_alt(self.fence.clean(html))

    def page_share(self, src: str, url: str, title: str | None, description: str | None) -> dict[str, Any]:
        """Share-preview values (Open Graph, JSON-LD) for the page at ``src``; none without
        the site's address, since previews need absolute URLs. ``title`` and ``description``
        are the page's as the theme prints them (HTML text): the previews take their text."""
        if not self.site.url:
            return {}
        title = html.unescape(title) if title else None
        text = html.unescape(description) if description else self.site.description
        return self.share.for_page(src, url, title, text).as_dict()

    def page_inputs(self, src: str) -> str:
        """What the page at ``src`` is made from besides its Markdown: its profile's record
        and cover (the share preview's values), for a preview that renders changed pages only."""
        e = self.share.profiles.get(src)
        return self.pages.fingerprint(e, has_cover(self.media, e.slug)) if e is not None else ""

    def site_inputs(self) -> str:
        """What every page is made from besides its own Markdown: the registry, the site."""
        return self.pages.fingerprint(
            self.catalog.registry, self.site.url, self.site.name, self.site.description
        )

    def page_written(self, dest: str, html: str) -> None:
        """A page as written to the site: Pagefind indexes pages in parts while the next
        ones are rendered."""
        if self.indexer is not None:
            parts = self.indexer.parts
            self.indexer.add(dest, html)
            if self.indexer.parts != parts:
                release_memory()

    # --- after the last page ---------------------------------------------------------------------

    def finish(self, site_dir: Path, taken: Collection[str]) -> list[Problem]:
        """The search index (merged while the last photos and cards are still being made),
        photos and share cards linked into the site, the open data, then each visit's
        booklet. ``taken``: the engine's files in the site (a redirect never replaces one).
        → problems that make the build fail."""
        try:
            problems = self._index(site_dir)
            problems = problems or self._site_files(site_dir, taken)
            if not problems:
                self._open_data(site_dir)
            return problems or self._booklets(site_dir)
        finally:
            # Frozen since start() so the collector does not walk the whole build again while
            # pages render; under a preview server the next build must free this one.
            gc.unfreeze()

    def finish_now(self, site_dir: Path, taken: Collection[str]) -> list[Problem]:
        """The finish of a build that renders only what changed (plugin.Rebuilds), before its
        pages are served: all but the search index, the open data and the booklets, which
        finish_later makes (after the page is served, in the preview)."""
        try:
            return self._site_files(site_dir, taken)
        finally:
            gc.unfreeze()

    def finish_later(self, site_dir: Path, written: Sequence[str]) -> list[Problem]:
        """The search index, made from the ``written`` pages (paths in the site, in the
        engine's order: the index equals one made page by page), the open data (the folder's
        stale files removed) and the booklets; in the preview, a moment after the saved page
        is served, given up when ``later_cancelled`` is set."""
        if self.settings.options.search:
            self.indexer = SearchIndexer(cancelled=self.later_cancelled)
            try:
                for dest in written:
                    if self.later_cancelled.is_set():
                        break
                    page = site_dir / dest
                    if page.is_file():
                        self.indexer.add(dest, page.read_text(encoding="utf-8", errors="replace"))
            except OSError as error:
                self.indexer.close()
                self.indexer = None
                return [self._config_problem(search_msg.search_failed(str(error)))]
        problems = self._index(site_dir)
        if self.later_cancelled.is_set():
            return []  # a newer build makes them again
        if not problems:
            kept = self._open_data(site_dir)
            folder = site_dir / OPEN_DATA_FOLDER
            for stale in [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []:
                if stale.relative_to(site_dir).as_posix() not in kept:
                    stale.unlink()
        return problems or self._booklets(site_dir)

    def outputs(self) -> set[str]:
        """What this build wrote into the site besides the engine's pages (after finish_now):
        what a site rebuilt in place keeps (plugin.Rebuilds.sweep)."""
        return self._outputs | {visit_booklet_path(v.slug) for v in self.catalog.visits}

    def _index(self, site_dir: Path) -> list[Problem]:
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            result = indexer.finish(site_dir)
            if result.error:
                return [self._config_problem(result.error)]
            log.info(search_msg.SEARCH_INDEXED.format(pages=result.pages))
        return []

    def _site_files(self, site_dir: Path, taken: Collection[str]) -> list[Problem]:
        """Photos and cards linked in, old addresses redirected, the sitemap without a date."""
        if self.background is not None:
            background, self.background = self.background, None
            background.wait()
        check_photo_jobs(self.photo_jobs, (s.processed for m in self.media.values() for s in m.photos))
        clashes = self._write_redirects(site_dir, taken)
        if clashes:
            return clashes
        published = self._published_files()
        _link_into(site_dir, published)
        self._outputs.update(published)
        _sitemap_without_date(site_dir)
        log.info(
            photos_msg.PHOTO_STATS.format(processed=self.photo_stats.made, cached=self.photo_stats.cached)
        )
        log.info(photos_msg.CARD_STATS.format(made=self.card_stats.made, cached=self.card_stats.cached))
        return []

    def cancel(self) -> None:
        """The build stopped (an error, Ctrl-C): drop the background work and the index."""
        gc.unfreeze()
        if self.background is not None:
            self.background.cancel()
            self.background = None
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None

    def _write_redirects(self, site_dir: Path, taken: Collection[str]) -> list[Problem]:
        """Old addresses of renamed hamlets and profiles: written after the engine's pages
        (so none is in the sitemap or the search index) and never over one of them."""
        problems = []
        for redirect in self.pages.redirects(self.site.url):
            if redirect.path in taken:
                problems.append(self._config_problem(msg.REDIRECT_CLASH.format(path=redirect.path)))
                continue
            target = site_dir / redirect.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirect.html, encoding="utf-8")
            self._outputs.add(redirect.path)
        return problems

    def _published_files(self) -> dict[str, Path]:
        published = dict(self.cards)
        for slug, media in self.media.items():
            folder = profile_page(slug).rsplit("/", 1)[0]
            published.update((f"{folder}/{name}", path) for name, path in media.files())
        return published

    def _open_data(self, site_dir: Path) -> set[str]:
        """du-lieu/: every public profile as JSON and CSV, the schema, the Atom feed. Public
        only, even in a preview that shows drafts."""
        assert self.catalog.registry is not None
        files = site_files(
            self.catalog.registry, self.catalog.exemplars, self.media, self.site.url, self.site.name
        )
        for name, data in files.items():
            target = site_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        shown = ", ".join(name.rsplit("/", 1)[1] for name in files)
        opened = sum(1 for e in self.catalog.public if e.may(Use.open_data))
        log.info(opendata_msg.OPEN_DATA_WRITTEN.format(profiles=opened, files=shown))
        return set(files)

    def _booklets(self, site_dir: Path) -> list[Problem]:
        if not self.catalog.visits:
            return []
        # WeasyPrint is imported only when there is something to print.
        from .printing.booklet import build_visit_booklets, no_site_url

        if not self.settings.site_url:
            return [no_site_url(self._config_file)]

        problems = build_visit_booklets(self.catalog, self.settings, site_dir, self.media)
        if not problems:
            log.info(booklet_msg.BOOKLETS_BUILT.format(count=len(self.catalog.visits)))
        return problems

    @property
    def _config_file(self) -> Path:
        return self.settings.config_file or self.settings.root / "mkdocs.yml"

    def _config_problem(self, message: str) -> Problem:
        return Problem(self._config_file, 0, "", message)


def start(
    settings: Settings,
    preview: bool = False,
    catalog: Catalog | None = None,
    memo: PageMemo | None = None,
    fence: StoryFence | None = None,
    stream_index: bool = True,
) -> tuple[Build | None, list[Problem]]:
    """Load and check every file (or take ``catalog``, already checked); when nothing stops
    the build, plan the photos and share cards, start making those not in the caches, and
    prepare the pages. → the build (None when an error stops it) and every problem found,
    warnings included. A ``preview`` (the local preview server) shows drafts too, marked;
    it keeps its ``memo`` of generated pages and its ``fence`` from one build to the next,
    and indexes its site after serving it (not ``stream_index``)."""
    if catalog is None:
        catalog = load_project(settings)
    if not catalog.ok or catalog.registry is None:
        return None, list(catalog.problems)
    registry = catalog.registry
    warnings = [p for p in catalog.problems if p.severity is Severity.warning]
    try:
        fonts = card_fonts()
    except FontMissing as missing:
        config = settings.config_file or settings.root / "mkdocs.yml"
        return None, [*warnings, Problem(config, 0, "", str(missing))]
    # The sources (raw data with line numbers) only serve the checks: let them go.
    catalog = dataclasses.replace(catalog, sources={})
    shown = list(catalog.exemplars if preview else catalog.public)
    # Only published profiles' photos are processed: a draft's photos never reach the site.
    # Their outputs are known before they are made (sizes come from the source), so pages
    # can link them while the photos not in the cache are made in the background.
    media, photo_jobs, photo_stats = plan_media(shown, catalog.photos, settings.photo_cache)
    specs = card_specs(registry, shown, media, settings.site_name)
    cards, card_jobs, card_stats = plan_cards(specs, settings.card_cache, fonts)
    # A card whose cover photo is still to be made carries that photo's job: whichever
    # worker comes first makes the photo.
    pending = {job[1]: job for job in photo_jobs}  # cache folder → its job
    card_jobs = [
        (spec, fonts, target, pending.get(str(spec.photo.parent)) if spec.photo else None)
        for spec, fonts, target, _ in card_jobs
    ]
    background = _in_background(photo_jobs, card_jobs)
    stats = (photo_stats, card_stats)
    build = Build(
        settings, catalog, shown, media, photo_jobs, cards, stats, background, memo, fence, stream_index
    )
    # Everything loaded so far lives until the end of the build: keep the garbage collector
    # from walking it again and again while thousands of pages are rendered. (A preview's
    # rebuild renders a few pages: the full collection first would cost it more.)
    if not preview:
        gc.collect()  # the profiles' sources and the parse cache among it: 160 MB at 10,000
        release_memory()
    gc.freeze()
    return build, warnings


def _in_background(photo_jobs: Sequence[PhotoJob], card_jobs: Sequence[Any]) -> Background | None:
    """Photos first (pages link them), then cards in batches, at a lower priority on every
    core but the engine's: the workers take what the engine leaves while it renders. (One
    more worker would only share the same core until the engine is done, and hold its own
    caches all along: 90 MB at 10,000 profiles.)"""
    if not photo_jobs and not card_jobs:
        return None
    workers = min(len(photo_jobs) + len(card_jobs), max(1, (os.cpu_count() or 1) - 1))
    background = Background(workers, preload=("dienhinh.site.photos", "dienhinh.site.cards"))
    background.submit(run_photo_job, photo_jobs)
    background.submit(render_cards, batches(card_jobs))
    background.close()
    return background


def _link_into(site_dir: Path, files: dict[str, Path]) -> None:
    for name, path in files.items():
        link_or_copy(path, site_dir / name)  # the site is replaced whole, never edited in place


def _sitemap_without_date(site_dir: Path) -> None:
    """The compressed sitemap again, with no date in its gzip header (MkDocs writes the day
    of the build there): a build of unchanged sources gives the same bytes, so a publish
    sends nothing for it."""
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        packed = gzip.compress(sitemap.read_bytes(), mtime=0)
        (site_dir / "sitemap.xml.gz").write_bytes(packed)
