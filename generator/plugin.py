"""MkDocs plugin: the thin place where the build's stages (build.py) meet MkDocs's events.

Every MkDocs import of the package lives here (and in the CLI's build and serve calls), so
the core can move to a drop-in successor engine without a rewrite; each hook says why it is
needed and hands the work to build.py."""

from __future__ import annotations

import logging
import zlib
from pathlib import Path
from typing import Any, NoReturn

import jinja2
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .build import Build, release_memory, start, theme_meta
from .files import within
from .messages import site as msg
from .records.catalog import Catalog
from .records.problems import Problem, Severity, template_problem
from .records.settings import Settings, read_config, settings_from
from .rendering import TemplateFailed
from .site.assets import GALLERY_SCRIPT, STYLESHEET, Asset, unfingerprinted
from .site.pages import GeneratedPage
from .site.rawhtml import RawBlocks
from .theme_files import MATERIAL, Theme

log = logging.getLogger("dienhinh")
# What MkDocs holds as a page's HTML between conversion and rendering (see on_page_content).
PACKED_CONTENT = "<!-- dienhinh: packed until rendered -->"


def _leave_out_links(files: Files, docs: Path) -> None:
    """MkDocs follows links in docs_dir: a file reached through one that leads out of it is not
    published (``check`` names it as an error; the preview server goes on without it)."""
    for file in list(files):
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is not None and source.is_relative_to(docs) and within(source, docs) is None:
            log.error(msg.LINKED_FILE_LEFT_OUT.format(path=source, docs=docs))
            files.remove(file)


class PackedPages:
    """Each page's HTML compressed (≈ 1/4) from its conversion until its rendering, then
    dropped: MkDocs would otherwise hold every page's HTML at once."""

    def __init__(self) -> None:
        self._html: dict[str, bytes] = {}

    def pack(self, page: Page, html: str) -> str:
        """Keep ``html`` for ``page``; → what MkDocs holds instead."""
        self._html[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        return PACKED_CONTENT

    def unpack(self, page: Page) -> None:
        """The page's HTML back, just before it is rendered."""
        packed = self._html.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")


class EngineLog(logging.Handler):
    """Passes our records to the "mkdocs" logger (ProperDocs keeps that name for its own), so
    `mkdocs`/`properdocs` print them their way, honour -q/-v and count warnings for --strict.
    Our problems' warnings are INFO records: strict mode fails only on errors, which are raised."""

    def emit(self, record: logging.LogRecord) -> None:
        engine = logging.getLogger("mkdocs")
        if engine.isEnabledFor(record.levelno):
            engine.handle(record)


def attach_log() -> None:
    """Route our logger to the engine's, unless the application (the dienhinh CLI) set it up."""
    if not log.handlers:
        log.addHandler(EngineLog())
        log.setLevel(logging.DEBUG)  # the engine's level decides, in EngineLog
        log.propagate = False  # the engine's handlers only, as for its own records


def add_theme(config: MkDocsConfig, theme: Theme) -> None:
    """The theme's Material folders (a commune's overrides, then the tool's) join the template
    search path, in that order, after mkdocs.yml's own ``custom_dir`` (unless it is one of
    them), before Material's templates."""
    folders = [str(folder) for folder in theme.folders(MATERIAL)]
    others = [folder for folder in config.theme.dirs if folder not in folders]
    custom = config.theme.custom_dir
    first = 1 if custom and others and others[0] == custom else 0
    config.theme.dirs[:] = [*others[:first], *folders, *others[first:]]


class ProblemsFound(PluginError):
    """Raised with every problem already formatted; MkDocs prints it without a traceback."""


def guard_templates(env: jinja2.Environment, root: Path | None) -> jinja2.Environment:
    """A mistake in a theme template the engine renders (a commune's override of main.html, a
    partial) is reported as ours are, naming the file and line in Vietnamese, without a
    traceback."""
    original = env.handle_exception

    def handle_exception(source: str | None = None) -> NoReturn:
        try:
            original(source)
        except jinja2.TemplateError as error:
            problem = template_problem(TemplateFailed.of(error))
            raise ProblemsFound(problem.format(root)) from None

    env.handle_exception = handle_exception  # type: ignore[method-assign]
    return env


# Options are checked by records/settings.py; MkDocs types no __init_subclass__.
class ExemplarsPlugin(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]
    """Loads and checks the exemplars, then adds the generated pages, photos, cards, search
    index and booklets to the site. Under ``serve`` a mistake is shown on every page while
    the last good records keep being served, and drafts are previewed, marked."""

    def __init__(self) -> None:
        self.build: Build | None = None
        self.serving = False
        self.last_good: Catalog | None = None  # under serve: the records of the last good build
        self.shown: set[Problem] = set()  # under serve: problems already printed
        self.packed = PackedPages()
        self.assets: list[Asset] = []
        self.options: dict[str, Any] = {}  # as written in mkdocs.yml

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[Any, Any]:
        # Our options are checked by records/settings.py (one typed record, its problems
        # naming lines of mkdocs.yml), not by MkDocs's config schema.
        self.options = options
        return [], []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts are previewed and mistakes shown in the browser only by the preview server.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check everything, start the photos and cards: before MkDocs reads files."""
        attach_log()
        self.packed = PackedPages()
        settings, problems = self._settings(config)
        if settings is not None:
            add_theme(config, settings.theme)
        build, found = start(settings, preview=self.serving) if settings else (None, [])
        problems += found
        errors = [p for p in problems if p.severity is Severity.error]
        root = settings.root if settings else Path(config.config_file_path or ".").resolve().parent
        if errors and not self.serving:
            self._report([p for p in problems if p.severity is Severity.warning], root)
            raise ProblemsFound("\n".join(p.format(root) for p in errors))
        self._report(problems, root)
        if errors and settings is not None and self.last_good is not None:
            # The preview keeps showing the last good records, with the problems on top.
            build, _ = start(settings, preview=True, catalog=self.last_good)
        self.build = build
        config.extra["dienhinh_problems"] = [p.format(root) for p in errors]
        config.extra["dienhinh_preview"] = self.serving
        self.assets = build.assets() if build is not None else []
        if build is not None:
            self.last_good = build.catalog if not errors else self.last_good
            config.extra.update(build.theme_values())
        # The theme's templates name our assets by their published (fingerprinted) names.
        paths = {a.name: a.path for a in self.assets} or unfingerprinted()
        config.extra["dienhinh_assets"] = paths
        for asset, kind in ((STYLESHEET, config.extra_css), (GALLERY_SCRIPT, config.extra_javascript)):
            if paths[asset] not in kind:
                kind.append(paths[asset])
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The generated pages and our assets join the hand-written ones."""
        _leave_out_links(files, Path(config.docs_dir))
        if self.build is None:
            return files
        try:
            generated = self.build.generated_pages()
        except TemplateFailed as error:  # a commune's override with a mistake
            raise ProblemsFound(template_problem(error).format(self.build.settings.root)) from None
        for page in generated:
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                raise ProblemsFound(
                    msg.GENERATED_PAGE_CLASH.format(path=existing.abs_src_path, page=page.src)
                )
            files.append(File.generated(config, page.src, content=page.markdown))
        for asset in self.assets:
            theme_copy = files.get_file_from_path(asset.name)
            if theme_copy is not None:  # the theme's custom_dir copy: only the published name
                files.remove(theme_copy)
            files.append(File.generated(config, asset.path, content=asset.content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Front matter escaped for the theme; our HTML blocks set aside before MkDocs
        converts the Markdown."""
        theme_meta(page.meta)
        if self.build is None:
            return markdown
        return self.build.page_markdown(page.file.src_uri, markdown, page.meta)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Our blocks put back and stories cleaned, right after conversion."""
        if self.build is not None:
            result = self.build.page_html(page.file.src_uri, html)
            if isinstance(result, Problem):
                raise ProblemsFound(result.format())
            html = result
        # MkDocs converts every page before it renders the first one and keeps each page's
        # source, Markdown and HTML until the end: 60 KB a profile, 600 MB for 10,000. The
        # source and Markdown are done with; the HTML waits compressed (≈ 1/4) until its page
        # is rendered (on_page_context) and is dropped once written (on_post_page).
        page.markdown = ""  # not None: MkDocs then reports no title
        if page.file.generated_by is not None:
            page.file.content_string = ""
        return self.packed.pack(page, html)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page is converted: free memory before the pages are rendered."""
        # Every page is converted now: give the converters' freed memory back to the system
        # before the pages are rendered (and Pagefind runs beside this process).
        release_memory()
        root = self.build.settings.root if self.build is not None else None
        return guard_templates(env, root)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """The page's HTML back for rendering, with its share-preview values."""
        self.packed.unpack(page)
        if self.build is not None:
            description = page.meta.get("description")
            share = self.build.page_share(
                page.file.src_uri, page.canonical_url or "", page.title, description
            )
            if share:
                page.meta["dienhinh_share"] = share
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Each written page goes to the search index while MkDocs renders the next."""
        page.content = None  # written: see on_page_content
        if self.build is not None:
            self.build.page_written(page.file.dest_uri, output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Search index, photos and cards, booklets: once every page is written."""
        build, self.build = self.build, None
        if build is None:
            return
        problems = build.finish(Path(config.site_dir))
        if problems and not self.serving:
            raise ProblemsFound("\n".join(p.format(build.settings.root) for p in problems))
        for problem in problems:
            log.error(problem.format(build.settings.root))
        if self.serving:
            # Under serve, MkDocs points site_url at the preview server itself.
            log.info(msg.PREVIEW_READY.format(url=config.site_url))

    def on_build_error(self, *, error: Exception) -> None:
        """Stop the background work and drop the half-made index."""
        if self.build is not None:
            self.build.cancel()
            self.build = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """The preview rebuilds when a profile, the registry, a visit or a template changes."""
        settings, _ = self._settings(config)
        if settings is not None:
            theme = [layer.root for layer in settings.theme.layers if layer.root.is_dir()]
            for folder in (settings.exemplars_dir, settings.registry_path, *theme):
                server.watch(str(folder))
            if settings.visits_dir is not None and settings.visits_dir.is_dir():
                server.watch(str(settings.visits_dir))
        return server

    def _settings(self, config: MkDocsConfig) -> tuple[Settings | None, list[Problem]]:
        path = Path(config.config_file_path or "mkdocs.yml").resolve()
        file, problems = read_config(path)
        if file is None:
            return None, problems
        # What MkDocs resolved of the site: site_url (the preview server points it at itself)…
        engine = file.with_options(dict(self.options)).with_site(
            url=config.site_url or "",
            name=config.site_name,
            description=config.site_description or "",
            directory_urls=config.use_directory_urls,
        )
        return settings_from(engine)

    def _report(self, problems: list[Problem], root: Path) -> None:
        """Log problems (warnings at INFO so ``--strict`` fails only on errors). Under serve,
        only those not already shown: a rebuild does not repeat every warning."""
        fresh = [p for p in problems if p not in self.shown]
        for problem in fresh:
            level = logging.ERROR if problem.severity is Severity.error and self.serving else logging.INFO
            log.log(level, problem.format(root))
        if self.serving:
            repeated = len(problems) - len(fresh)
            if repeated:
                log.info(msg.PROBLEMS_REPEATED.format(count=repeated))
            self.shown = set(problems)


class ProvincePlugin(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]
    """The province site (``dienhinh gather``): its pages come from memory (no folder of
    10,000 small files to write and delete), their HTML blocks skip Markdown, and each page's
    HTML waits compressed until it is rendered, as in ExemplarsPlugin. Added to the
    configuration by the CLI (``config.plugins[...] = ProvincePlugin(...)``), never listed in
    a mkdocs.yml."""

    def __init__(
        self, pages: list[GeneratedPage], files: dict[str, Path], assets: list[Asset], theme: Theme
    ) -> None:
        self.pages, self.files, self.assets, self.theme = pages, files, assets, theme
        self.raw: dict[str, RawBlocks] = {}
        self.packed = PackedPages()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """The province's overrides before the tool's theme."""
        add_theme(config, self.theme)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The generated pages and the thumbnails: the whole site."""
        pages, self.pages = self.pages, []  # MkDocs holds them from here
        for page in pages:
            files.append(File.generated(config, page.src, content=page.markdown))
        for name, path in self.files.items():
            files.append(File.generated(config, name, abs_src_path=str(path)))
        for asset in self.assets:  # under their published names only, as ExemplarsPlugin does
            theme_copy = files.get_file_from_path(asset.name)
            if theme_copy is not None:
                files.remove(theme_copy)
            files.append(File.generated(config, asset.path, content=asset.content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Front matter escaped for the theme (communes' names are untrusted text); every HTML
        block of our templates set aside (there is no story: nothing else)."""
        theme_meta(page.meta)
        raw = RawBlocks()
        markdown = raw.hide(markdown)
        if raw.blocks:
            self.raw[page.file.src_uri] = raw
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        raw = self.raw.pop(page.file.src_uri, None)
        if raw is not None:
            try:
                html = raw.restore(html)
            except ValueError as error:
                raise ProblemsFound(msg.RAW_HTML_CHANGED.format(page=page.file.src_uri)) from error
        page.markdown = ""
        page.file.content_string = ""
        return self.packed.pack(page, html)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        release_memory()
        return guard_templates(env, None)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.packed.unpack(page)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        page.content = None
        return output
