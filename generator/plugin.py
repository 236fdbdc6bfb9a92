"""MkDocs plugin: the thin place where the stages meet MkDocs's events.

Every MkDocs import of the package lives here (and in the CLI's build call), so the core can
move to a drop-in successor engine without a rewrite."""

from __future__ import annotations

import ctypes
import dataclasses
import gc
import logging
import os
import shutil
import zlib
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import messages as msg
from .alt_text import fill_missing_alt
from .booklet import build_visit_booklets
from .cards import (
    CardStats,
    FontMissing,
    draw_cards_in_background,
    find_fonts,
    plan_cards,
    stop_background,
)
from .catalog import Catalog, load_catalog
from .load import MAX_FILE_KB
from .pages import CRITERIA_MARKER, SiteBuilder, is_searchable, profile_page
from .photos import PhotoJob, PhotoStats, ProfileMedia, check_photo_jobs, plan_media
from .problems import Severity
from .rawhtml import RawBlocks
from .sanitize import StoryFence
from .search import SearchIndexer
from .settings import MAX_PHOTO_MB, MAX_PHOTO_MEGAPIXELS, Settings
from .share import ShareBuilder, card_specs

log = logging.getLogger("mkdocs.plugins.dienhinh")

STYLESHEET = "assets/dienhinh.css"
GALLERY_SCRIPT = "assets/dienhinh-gallery.js"
SEARCH_SCRIPT = "assets/dienhinh-search.js"  # only the search page loads it
# What MkDocs holds as a page's HTML between conversion and rendering (see on_page_content).
PACKED_CONTENT = "<!-- dienhinh: packed until rendered -->"


def release_memory() -> None:
    """Return the C heap's free pages to the system (glibc's malloc_trim; elsewhere nothing):
    a build frees far more than it keeps, and the freed memory would otherwise stay counted
    against this process while Pagefind runs beside it."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


class ExemplarsConfig(Config):
    exemplars_dir = c.Type(str, default="exemplars")
    registry = c.Type(str, default="exemplars/registry.yml")
    templates_dir = c.Type(str, default="site_templates")
    max_file_kb = c.Type(int, default=MAX_FILE_KB)
    max_photo_mb = c.Type((int, float), default=MAX_PHOTO_MB)
    max_photo_megapixels = c.Type((int, float), default=MAX_PHOTO_MEGAPIXELS)
    cache_dir = c.Type(str, default=".cache/dienhinh")
    visits_dir = c.Type(str, default="visits")
    search = c.Type(bool, default=True)


class ProblemsFound(PluginError):
    """Raised with every problem already formatted; MkDocs prints it without a traceback."""


class ExemplarsPlugin(BasePlugin[ExemplarsConfig]):
    """Loads and validates the exemplars, then adds the generated pages to the site."""

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.settings: Settings | None = None
        self.builder: SiteBuilder | None = None
        self.media: dict[str, ProfileMedia] = {}
        self.cards: dict[str, Path] = {}
        self.card_stats: CardStats | None = None
        self.photo_jobs: list[PhotoJob] = []
        self.photo_stats: PhotoStats | None = None
        self.card_pool: Any = None
        self.card_futures: list[Future[None]] = []
        self.share: ShareBuilder | None = None
        self.fence = StoryFence()
        self.generated: set[str] = set()
        self.packed: dict[str, bytes] = {}
        self.raw: dict[str, RawBlocks] = {}
        self.indexer: SearchIndexer | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.packed, self.raw = {}, {}
        if self.indexer is not None:
            self.indexer.close()
        self.indexer = SearchIndexer() if self.config.search else None
        self.settings = Settings.from_options(root, dict(self.config), config.site_url or "")
        catalog = load_catalog(self.settings)
        for problem in catalog.problems:
            # Warnings stay at INFO so `mkdocs build --strict` fails only on real errors.
            if problem.severity is Severity.warning:
                log.info(problem.format(root))
        if not catalog.ok or catalog.registry is None:
            errors = [p.format(root) for p in catalog.problems if p.severity is Severity.error]
            raise ProblemsFound("\n".join(errors))
        # The sources (raw data with line numbers) only serve the checks: let them go.
        registry = catalog.registry
        self.catalog = catalog = dataclasses.replace(catalog, sources={})
        public = list(catalog.public)
        # Only published profiles' photos are processed: a draft's photos never reach the site.
        # Their outputs are known before they are made (sizes come from the source), so photos
        # not in the cache are processed, then share cards drawn, while MkDocs renders the
        # pages; both are linked into the site in on_post_build.
        self.media, self.photo_jobs, self.photo_stats = plan_media(
            public, catalog.photos, self.settings.photo_cache
        )
        try:
            fonts = find_fonts()
        except FontMissing as missing:
            raise ProblemsFound(str(missing)) from None
        specs = card_specs(registry, public, self.media, config.site_name)
        self.cards, jobs, self.card_stats = plan_cards(specs, self.settings.card_cache, fonts)
        pending = {job[1]: job for job in self.photo_jobs}  # cache folder → its job
        jobs = [
            (spec, fonts, target, pending.get(str(spec.photo.parent)) if spec.photo else None)
            for spec, fonts, target, _ in jobs
        ]
        if jobs or self.photo_jobs:
            # Every core: the workers run at a lower priority, so they take what MkDocs
            # leaves while it renders, and all of it once it is done.
            workers = min(len(jobs) + len(self.photo_jobs), os.cpu_count() or 1)
            self.card_pool, self.card_futures = draw_cards_in_background(jobs, workers, self.photo_jobs)
        self.share = ShareBuilder(registry, public, config.site_url or "", config.site_name, self.media)
        self.builder = SiteBuilder(
            registry,
            catalog.public,
            self.settings.templates_dir,
            directory_urls=config.use_directory_urls,
            fence=self.fence,
            visits=catalog.visits,
            media=self.media,
        )
        config.extra["dienhinh_sample_data"] = registry.commune.sample_data
        config.extra["dienhinh_commune"] = registry.commune.full_name
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if GALLERY_SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(GALLERY_SCRIPT)
        # Everything loaded so far lives until the end of the build: keep the garbage
        # collector from walking it again and again while MkDocs renders thousands of pages.
        gc.collect()
        gc.freeze()
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.builder is not None and self.settings is not None
        for page in self.builder.pages():
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                raise PluginError(
                    f"{existing.abs_src_path}: trang viết tay trùng địa chỉ với trang tự sinh {page.src};"
                    " hãy đổi tên tệp."
                )
            files.append(File.generated(config, page.src, content=page.markdown))
            self.generated.add(page.src)
        for asset in (STYLESHEET, GALLERY_SCRIPT, SEARCH_SCRIPT):
            path = self.settings.templates_dir / "overrides" / asset
            files.append(File.generated(config, asset, abs_src_path=str(path)))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # main.html marks the page for Pagefind unless search_index is false.
        if page.file.src_uri in self.generated:
            page.meta.setdefault("search_index", is_searchable(page.file.src_uri))
        if CRITERIA_MARKER in markdown and self.builder is not None:
            markdown = markdown.replace(CRITERIA_MARKER, self.builder.criteria_overview(page.file.src_uri))
        if page.file.src_uri in self.generated:
            # Our templates' HTML blocks skip Markdown's HTML parsing (see rawhtml.py).
            raw = RawBlocks()
            markdown = raw.hide(markdown, (self.fence.begin, self.fence.end))
            if raw.blocks:
                self.raw[page.file.src_uri] = raw
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        raw = self.raw.pop(page.file.src_uri, None)
        if raw is not None:
            try:
                html = raw.restore(html)
            except ValueError:
                raise ProblemsFound(msg.RAW_HTML_CHANGED.format(page=page.file.src_uri)) from None
        html = fill_missing_alt(self.fence.clean(html))
        # MkDocs converts every page before it renders the first one and keeps each page's
        # source, Markdown and HTML until the end: 60 KB a profile, 600 MB for 10,000. The
        # source and Markdown are done with; the HTML waits compressed (≈ 1/4) until its page
        # is rendered (on_page_context) and is dropped once written (on_post_page).
        page.markdown = ""  # not None: MkDocs then reports no title
        if page.file.src_uri in self.generated:
            page.file.content_string = ""
        self.packed[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        return PACKED_CONTENT

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Every page is converted now: give the converters' freed memory back to the system
        # before the pages are rendered (and Pagefind runs beside this process).
        release_memory()
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The search index (merged while the last photos and cards are still being made),
        photos and share cards, then each visit's printed booklet
        (``tham-quan/<slug>/so-tay.pdf``)."""
        try:
            self._post_build(config)
        finally:
            # Frozen until now so the collector does not walk the whole build again while the
            # search parts are merged; under `mkdocs serve` the next build must free this one.
            gc.unfreeze()

    def _post_build(self, config: MkDocsConfig) -> None:
        assert self.catalog is not None and self.settings is not None
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            result = indexer.finish(Path(config.site_dir))
            if result.error:
                raise ProblemsFound("\n".join([result.error, msg.BUILD_FAILED]))
            log.info(msg.SEARCH_INDEXED.format(pages=result.pages))
        self._finish_cards()
        site = Path(config.site_dir)
        check_photo_jobs(self.photo_jobs, (s.processed for m in self.media.values() for s in m.photos))
        published = dict(self.cards)
        for slug, media in self.media.items():
            folder = profile_page(slug).rsplit("/", 1)[0]
            published.update((f"{folder}/{name}", path) for name, path in media.files())
        for name, path in published.items():
            target = site / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                # A hard link to the cached file (the site is replaced whole, never edited in
                # place): 10,000 cards in a fraction of the time of copying them.
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
        if self.photo_stats is not None:
            log.info(self.photo_stats.message())
        if self.card_stats is not None:
            log.info(self.card_stats.message())
        if self.catalog.visits:
            root = self.settings.root
            if not self.settings.site_url:
                raise ProblemsFound(f"mkdocs.yml: LỖI [site_url]: {msg.BOOKLET_NO_SITE_URL}")
            problems = build_visit_booklets(self.catalog, self.settings, Path(config.site_dir), self.media)
            if problems:
                raise ProblemsFound("\n".join(p.format(root) for p in problems))
            log.info(msg.BOOKLETS_BUILT.format(count=len(self.catalog.visits)))

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        self._finish_cards(cancel=True)
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None

    def _finish_cards(self, cancel: bool = False) -> None:
        """Wait for the cards drawn in the background (or drop them) and stop the workers."""
        pool, futures = self.card_pool, self.card_futures
        self.card_pool, self.card_futures = None, []
        if pool is None:
            return
        try:
            if not cancel:
                for future in futures:
                    future.result()
        finally:
            stop_background(pool)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        packed = self.packed.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")
        if self.share is not None and config.site_url:
            description = page.meta.get("description") or config.site_description
            meta = self.share.for_page(page.file.src_uri, page.canonical_url or "", page.title, description)
            page.meta["dienhinh_share"] = meta.as_dict()
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        page.content = None  # written: see on_page_content
        if self.indexer is not None:
            # Pagefind indexes the pages in parts while MkDocs renders the next ones.
            parts = self.indexer.parts
            self.indexer.add(page.file.dest_uri, output)
            if self.indexer.parts != parts:
                release_memory()
        return output

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.settings is not None:
            server.watch(str(self.settings.exemplars_dir))
            server.watch(str(self.settings.registry_path))
            server.watch(str(self.settings.templates_dir))
            if self.settings.visits_dir is not None and self.settings.visits_dir.is_dir():
                server.watch(str(self.settings.visits_dir))
        return server
