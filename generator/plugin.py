"""MkDocs plugin: the thin place where the build's stages (build.py) meet MkDocs's events.

Every MkDocs import of the package lives here (and in the CLI's build and serve calls), so
the core can move to a drop-in successor engine without a rewrite; each hook says why it is
needed and hands the work to build.py."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import jinja2
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .build import Build, start, theme_meta
from .files import files_under, stamp, within
from .messages import site as msg
from .opendata.export import FOLDER as OPEN_DATA_FOLDER
from .records.catalog import Catalog
from .records.problems import Problem, Severity, template_problem
from .records.sanitize import StoryFence
from .records.settings import Settings, read_config, settings_from
from .rendering import TemplateFailed, compiled_templates
from .search.index import OUTPUT_SUBDIR
from .site import previous_build
from .site.assets import PAGE_SCRIPTS, STYLESHEET, Asset, unfingerprinted
from .site.page_memo import PageMemo
from .site.pages import GeneratedPage
from .site.previous_build import PreviousBuild, code_stamp, site_stamp
from .site.rawhtml import RawBlocks
from .text import pack, unpack
from .theme_files import MATERIAL, Theme
from .workers import release_memory

log = logging.getLogger("dienhinh")
# Site folders every build writes whole (the search index, the open data): a build on the last
# site's copy neither copies them nor sweeps them; its later step replaces them.
REWRITTEN = (OUTPUT_SUBDIR, OPEN_DATA_FOLDER)
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


class PackedFile(File):
    """A generated page whose Markdown the engine reads from its packed form (text.pack),
    unpacked each time it is read: a build reads it once, a preview's rebuild when it changed."""

    packed: bytes | None = None

    @classmethod
    def of(cls, config: MkDocsConfig, page: GeneratedPage) -> PackedFile:
        file = cls.generated(config, page.src, content="")
        assert isinstance(file, PackedFile)
        file.packed = page.packed
        return file

    @property
    def content_string(self) -> str:
        if self.packed is not None:
            return unpack(self.packed)
        return super().content_string

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.packed = None
        _FILE_TEXT.__set__(self, value)  # the engine's own setter (super() cannot set)

    @property
    def content_bytes(self) -> bytes:
        if self.packed is not None:
            return self.content_string.encode("utf-8")
        return super().content_bytes

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.packed = None
        _FILE_BYTES.__set__(self, value)


_FILE_TEXT: property = File.__dict__["content_string"]
_FILE_BYTES: property = File.__dict__["content_bytes"]


def _source_bytes(file: File) -> bytes:
    """What a generated file's digest is taken of: its packed form when it has one (the same
    text packs the same), without unpacking it."""
    packed = file.packed if isinstance(file, PackedFile) else None
    return packed if packed is not None else file.content_bytes


class PackedPages:
    """Each page's HTML compressed (≈ 1/4) from its conversion until its rendering, then
    dropped: MkDocs would otherwise hold every page's HTML at once."""

    def __init__(self) -> None:
        self._html: dict[str, bytes] = {}

    def pack(self, page: Page, html: str) -> str:
        """Keep ``html`` for ``page``; → what MkDocs holds instead."""
        self._html[page.file.src_uri] = pack(html)
        return PACKED_CONTENT

    def unpack(self, page: Page) -> None:
        """The page's HTML back, just before it is rendered."""
        packed = self._html.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = unpack(packed)


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


def _changes_observer() -> Any:
    """The system's notifying observer, told only of changes: reading a file (as every build
    does) must not start another build, as it would with every notification."""
    from watchdog import events
    from watchdog.observers import Observer

    changes = (
        events.FileCreatedEvent,
        events.FileDeletedEvent,
        events.FileModifiedEvent,
        events.FileMovedEvent,
        events.FileClosedEvent,
    )

    class Changes(Observer):  # type: ignore[misc,valid-type]
        def schedule(
            self, handler: Any, path: Any, *, recursive: bool = False, event_filter: Any = None
        ) -> Any:
            return super().schedule(handler, path, recursive=recursive, event_filter=changes)

    return Changes()


def _told_by_the_system(server: LiveReloadServer) -> Any:
    """MkDocs polls what it watches every half second, reading every file's details each
    time (in the preview's own process: 3,000 files for 1,000 profiles), so a save waits up to
    half a second to be seen and the polling slows the rebuilds. Folders are watched through
    the system's own notifications instead (inotify, ReadDirectoryChangesW, FSEvents), which
    tell a save at once; single files (mkdocs.yml) stay polled, since an editor that saves
    by renaming would end a notification watch. Where notifications cannot be had (too many
    folders, a network drive), MkDocs's polling stays. → the polling observer, now ours to
    start and stop (None when nothing changed)."""
    folders = {path: count for path, count in server._watched_paths.items() if os.path.isdir(path)}
    if not folders:
        return None
    polling = server.observer

    def move(to: Any) -> None:
        for path in folders:  # forgotten by the observer they were scheduled on
            server._watched_paths.pop(path, None)
            watch = server._watch_refs.pop(path, None)
            if watch is not None and server.observer is polling:
                polling.unschedule(watch)
        server.observer = to
        for path, count in folders.items():
            for _ in range(count):
                server.watch(path)

    try:
        move(_changes_observer())
    except OSError:  # the notifying observer, never started, is dropped
        move(polling)
        return None
    polling.start()  # the files left to it; MkDocs starts the notifying one
    return polling


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


class Rebuilds:
    """Rebuilds of what changed only (MkDocs's dirty builds, made exact): a page is read and
    written again only when what it is made from changed (its Markdown, its profile's
    record), or, for every page, when the menu, the settings, the registry or the templates
    changed; menu pages every time (their titles are every page's menu). Whatever the last
    build wrote that this one did not is removed: the site equals a full build of the same
    files (tests/test_incremental.py). Used by the preview server between its builds (the
    search index, open data and booklets follow a moment after the page, ``later``) and by
    ``dienhinh build`` from the record the last build left (site/previous_build.py)."""

    def __init__(
        self, serving: bool = True, previous: PreviousBuild | None = None, reuse: bool = False
    ) -> None:
        self.serving = serving
        # Under serve, pages as they are served (drafts too); else as they are built.
        self.inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
        self.memo = PageMemo()
        # One per server (or kept from the last build): the pages the memo holds carry it.
        self.fence = StoryFence(previous.nonce if previous else None)
        self.sources: dict[str, str] = {}  # page → what the last build rendered it from
        self.site_key = ""
        if previous is not None:
            self.memo.seed(previous.pages)
        # ``dienhinh build`` starting from a copy of the site the last build wrote.
        self.reuse = reuse and previous is not None
        if self.reuse and previous is not None:
            self.sources, self.site_key = previous.sources, previous.site_key
        self._sources: dict[str, str] = {}  # this build's
        self._site_key = ""
        self.read: set[str] = set()  # pages converted in this build
        self.started = 0  # when this build began (time.time_ns)
        self.later: threading.Thread | None = None
        self.cancel: threading.Event | None = None  # stops ``later``

    def begin(self) -> None:
        """A build starts: the last one's search index, open data and booklets, if still
        being made, are given up (this build makes them again)."""
        if self.later is not None and self.cancel is not None:
            self.cancel.set()
        self.wait()
        self.read = set()
        self._sources = {}
        # Files written from here on are this build's (another plugin's too): never swept.
        # (A file system's clock lags by a tick at most: only a file written in this build's
        # first milliseconds could look older, and those are all the build's own, kept.)
        self.started = time.time_ns()

    def wait(self) -> None:
        """Until the last build's search index and booklets are written."""
        if self.later is not None:
            self.later.join()
            self.later = None

    def forget(self) -> None:
        """A build failed half-way: the next one renders every page."""
        self.sources, self.site_key = {}, ""

    def plan(self, files: Files, nav: Navigation, build: Build | None) -> None:
        """Before pages are read: which ones the engine reads again (``is_modified``); which
        other files it copies again (the engine's own test, modification times, misses a file
        put back with an older time)."""
        in_nav = {page.file.src_uri for page in nav.pages}
        pages = files.documentation_pages(inclusion=self.inclusion)
        listing = hashlib.blake2b("\n".join(f.src_uri for f in pages).encode()).hexdigest()
        for file in pages:
            key = self._source_key(file, build, listing)
            self._sources[file.src_uri] = key
            fresh = (
                file.src_uri not in in_nav
                and self.sources.get(file.src_uri) == key
                and os.path.isfile(file.abs_dest_path)
            )
            _set_modified(file, not fresh)
        for file in (f for f in files if not f.is_documentation_page()):
            key = self._static_key(file)
            self._sources[file.src_uri] = key
            fresh = bool(key) and self.sources.get(file.src_uri) == key and os.path.isfile(file.abs_dest_path)
            _set_modified(file, not fresh)

    def settle(self, config: MkDocsConfig, files: Files, nav: Navigation, build: Build | None) -> None:
        """After pages are read, before they are written: when what every page shows changed
        (the menu's titles, the settings), every page is read and written again."""
        from mkdocs.commands.build import _populate_page

        self._site_key = _site_key(config, nav, build)
        if self._site_key == self.site_key:
            return
        for file in files.documentation_pages(inclusion=self.inclusion):
            if file.src_uri not in self.read and file.page is not None:
                _populate_page(file.page, config, files)
            _set_modified(file, True)

    def commit(self) -> None:
        """The build succeeded: what it rendered pages from is what the next one compares."""
        self.sources, self.site_key = self._sources, self._site_key

    def record(self, site_dir: Path) -> PreviousBuild:
        """What the next ``dienhinh build`` starts from (after commit)."""
        pages = self.memo.remembered()
        return PreviousBuild(
            code_stamp(), site_stamp(site_dir), self.site_key, self.sources, self.fence.nonce, pages
        )

    def sweep(self, site_dir: Path, kept: set[str]) -> None:
        """Remove what an earlier build wrote and this one did not (a deleted or renamed
        profile's page and photos, an old redirect); what this build wrote stays, another
        plugin's files too. Pagefind's folder and the open data's are the later step's."""
        for folder, _subfolders, names in os.walk(site_dir, topdown=False):
            relative = Path(folder).relative_to(site_dir)
            if relative.parts and relative.parts[0] in REWRITTEN:
                continue  # replaced by the later step (Build.finish_later)
            for name in names:
                path = Path(folder) / name
                if (relative / name).as_posix() not in kept and path.lstat().st_mtime_ns < self.started:
                    path.unlink(missing_ok=True)
            if relative.parts and not os.listdir(folder):
                os.rmdir(folder)

    @staticmethod
    def _static_key(file: File) -> str:
        if file.generated_by is not None:
            return hashlib.blake2b(_source_bytes(file), digest_size=20).hexdigest()
        try:
            stat = os.stat(file.abs_src_path or "")
        except OSError:
            return ""
        return f"{file.abs_src_path}\0{stat.st_size}\0{stat.st_mtime_ns}"

    @staticmethod
    def _source_key(file: File, build: Build | None, listing: str) -> str:
        digest = hashlib.blake2b(digest_size=20)
        if file.generated_by is not None:
            digest.update(_source_bytes(file))
            digest.update((build.page_inputs(file.src_uri) if build else "").encode())
        else:
            # A hand-written page's links resolve against the pages there are.
            try:
                digest.update(Path(file.abs_src_path or "").read_bytes())
            except OSError:
                return ""
            digest.update(listing.encode())
        return digest.hexdigest()


def _set_modified(file: File, modified: bool) -> None:
    """What MkDocs asks of a file in a dirty build: read and write this page again?"""
    file.is_modified = lambda: modified  # type: ignore[method-assign]


def _nav_items(items: list[Any]) -> Iterator[Any]:
    for item in items:
        if isinstance(item, Section):
            yield ("section", item.title)
            yield from _nav_items(item.children)
            yield ("end",)
        elif isinstance(item, Link):
            yield ("link", item.title, item.url)
        else:
            yield ("page", item.title, item.url, item.meta)


def _template_stamps(folders: list[str]) -> str:
    """The theme's templates: a commune's and this project's by their files; an installed
    package's (Material's 14,000 files, most of them icons) by the packages' versions."""
    import sysconfig
    from importlib.metadata import version

    installed = Path(sysconfig.get_paths()["purelib"]).resolve()
    own = [Path(folder) for folder in folders if not Path(folder).resolve().is_relative_to(installed)]
    versions = [version(name) for name in ("mkdocs", "mkdocs-material", "dienhinh")]
    return stamp(files_under(own)) + "\0".join(versions)


def _site_key(config: MkDocsConfig, nav: Navigation, build: Build | None) -> str:
    """What every page shows: the menu as read, the settings (mkdocs.yml and what plugins
    added), the templates, the registry and the site's name and address."""
    try:
        settings_file = Path(config.config_file_path or "").read_bytes()
    except OSError:
        settings_file = b""
    values = {
        "nav": list(_nav_items(nav.items)),
        "extra": config.extra,
        "css": config.extra_css,
        "js": [str(script) for script in config.extra_javascript],
        "site": [config.site_url, config.site_name, config.site_description],
        "templates": _template_stamps(config.theme.dirs),
        "records": build.site_inputs() if build else "",
    }
    digest = hashlib.blake2b(settings_file, digest_size=20)
    digest.update(json.dumps(values, default=str, sort_keys=True).encode())
    return digest.hexdigest()


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
        self.rebuilds: Rebuilds | None = None  # under serve
        self.nav: Navigation | None = None
        self.files: Files | None = None  # this build's, from on_env
        self.polling: Any = None  # under serve: the observer of single files (see on_serve)

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[Any, Any]:
        # Our options are checked by records/settings.py (one typed record, its problems
        # naming lines of mkdocs.yml), not by MkDocs's config schema.
        self.options = options
        return [], []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts are previewed and mistakes shown in the browser only by the preview server.
        self.serving = command == "serve"
        self.rebuilds = Rebuilds() if self.serving else None  # a build: see build_incrementally

    def on_shutdown(self) -> None:
        if self.rebuilds is not None:
            self.rebuilds.wait()
        if self.polling is not None:
            self.polling.stop()
            self.polling = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check everything, start the photos and cards: before MkDocs reads files."""
        attach_log()
        self.packed = PackedPages()
        if self.rebuilds is not None:
            self.rebuilds.begin()
        settings, problems = self._settings(config)
        if settings is not None:
            add_theme(config, settings.theme)
        build, found = self._start(settings) if settings else (None, [])
        problems += found
        errors = [p for p in problems if p.severity is Severity.error]
        root = settings.root if settings else Path(config.config_file_path or ".").resolve().parent
        if errors and not self.serving:
            self._report([p for p in problems if p.severity is Severity.warning], root)
            raise ProblemsFound("\n".join(p.format(root) for p in errors))
        self._report(problems, root)
        if errors and settings is not None and self.last_good is not None:
            # The preview keeps showing the last good records, with the problems on top.
            build, _ = self._start(settings, self.last_good)
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
        wanted = [(STYLESHEET, config.extra_css)] + [(s, config.extra_javascript) for s in PAGE_SCRIPTS]
        for asset, kind in wanted:
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
            files.append(PackedFile.of(config, page))
        for asset in self.assets:
            theme_copy = files.get_file_from_path(asset.name)
            if theme_copy is not None:  # the theme's custom_dir copy: only the published name
                files.remove(theme_copy)
            files.append(File.generated(config, asset.path, content=asset.content))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Under serve: which pages changed since the last build (see Rebuilds)."""
        self.nav = nav
        if self.rebuilds is not None:
            self.rebuilds.plan(files, nav, self.build)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Front matter escaped for the theme; our HTML blocks set aside before MkDocs
        converts the Markdown."""
        theme_meta(page.meta)
        if self.rebuilds is not None:
            self.rebuilds.read.add(page.file.src_uri)
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
        self.files = files
        if self.rebuilds is not None and self.nav is not None:
            self.rebuilds.settle(config, files, self.nav, self.build)
        # Every page is converted now: give the converters' freed memory back to the system
        # before the pages are rendered (and Pagefind runs beside this process).
        release_memory()
        root = self.build.settings.root if self.build is not None else None
        if self.build is not None:
            # The theme's templates compiled once, not at every build.
            env.bytecode_cache = compiled_templates(self.build.settings.cache_dir / "templates" / "engine")
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
            if self.rebuilds is not None:
                # No records (settings that cannot be read): pages were written without them,
                # so none may be taken as it is by the next build.
                self.rebuilds.forget()
            return
        site_dir = Path(config.site_dir)
        taken = self._engine_files(config)
        if self.rebuilds is not None and self.rebuilds.serving:
            self._finish_preview(build, site_dir, taken)
            # Under serve, MkDocs points site_url at the preview server itself.
            log.info(msg.PREVIEW_READY.format(url=config.site_url))
            return
        rebuilds = self.rebuilds
        if rebuilds is not None and rebuilds.reuse:  # the site's copy, changed where needed
            problems = build.finish_now(site_dir, taken)
            if not problems:
                rebuilds.sweep(site_dir, taken | build.outputs())
                problems = build.finish_later(site_dir, self._written(rebuilds))
        else:
            problems = build.finish(site_dir, taken)
        if problems:  # the site as the last build wrote it stays, and so does its record
            raise ProblemsFound("\n".join(p.format(build.settings.root) for p in problems))
        if rebuilds is not None:
            rebuilds.commit()
            previous_build.save(build.settings.cache_dir, rebuilds.record(site_dir))

    def build_incrementally(self, config: MkDocsConfig, target: Path, staging: Path) -> bool:
        """``dienhinh build`` into ``staging``, to replace ``target``: when ``target`` is still
        as the last build wrote it (with this tool), it is copied into ``staging`` and only
        what changed is made again. → whether the engine is to build dirty (on the copy)."""
        settings, _ = self._settings(config)
        if settings is None or self.serving:
            return False
        previous = previous_build.load(settings.cache_dir)
        reuse = previous is not None and target.is_dir() and previous.stamp == site_stamp(target)
        if reuse:
            previous_build.copy_site(target, staging, REWRITTEN)
        self.rebuilds = Rebuilds(serving=False, previous=previous, reuse=reuse)
        return reuse

    def _written(self, rebuilds: Rebuilds) -> list[str]:
        """The pages in the site, in the engine's order (as the search index takes them)."""
        files = self.files or Files([])
        return [f.dest_uri for f in files.documentation_pages(inclusion=rebuilds.inclusion)]

    def _finish_preview(self, build: Build, site_dir: Path, taken: set[str]) -> None:
        """Under serve: the site's files now, stale ones removed; the search index and the
        booklets in the background, once the changed page can be served."""
        assert self.rebuilds is not None
        rebuilds, root = self.rebuilds, build.settings.root
        for problem in build.finish_now(site_dir, taken):
            log.error(problem.format(root))
        rebuilds.sweep(site_dir, taken | build.outputs())
        rebuilds.commit()
        written = self._written(rebuilds)

        def later() -> None:
            for problem in build.finish_later(site_dir, written):
                log.error(problem.format(root))

        rebuilds.cancel = build.later_cancelled
        rebuilds.later = threading.Thread(target=later, name="dienhinh-preview-later", daemon=True)
        rebuilds.later.start()

    def _engine_files(self, config: MkDocsConfig) -> set[str]:
        """What the engine wrote into the site: every file, its theme's pages, the sitemap."""
        found = {f.dest_uri for f in self.files} if self.files is not None else set()
        found |= set(config.theme.static_templates) | set(config.extra_templates)
        if "sitemap.xml" in found:
            found.add("sitemap.xml.gz")
        return found

    def on_build_error(self, *, error: Exception) -> None:
        """Stop the background work and drop the half-made index."""
        if self.build is not None:
            self.build.cancel()
            self.build = None
        if self.rebuilds is not None:
            self.rebuilds.forget()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """The preview rebuilds when a profile, the registry, a visit or a template changes."""
        settings, _ = self._settings(config)
        if settings is not None:
            theme = [layer.root for layer in settings.theme.layers if layer.root.is_dir()]
            for folder in (settings.exemplars_dir, settings.registry_path, *theme):
                server.watch(str(folder))
            if settings.visits_dir is not None and settings.visits_dir.is_dir():
                server.watch(str(settings.visits_dir))
        self.polling = _told_by_the_system(server)
        return server

    def _start(
        self, settings: Settings, catalog: Catalog | None = None
    ) -> tuple[Build | None, list[Problem]]:
        rebuilds = self.rebuilds
        if rebuilds is None:
            return start(settings, preview=self.serving, catalog=catalog)
        # The preview and a build on a copy index the written site at the end; a full build
        # indexes each page as it is written.
        stream = not rebuilds.serving and not rebuilds.reuse
        return start(
            settings, rebuilds.serving, catalog, memo=rebuilds.memo, fence=rebuilds.fence, stream_index=stream
        )

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
            files.append(PackedFile.of(config, page))
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
