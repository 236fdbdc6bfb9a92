"""The whole project loaded and checked in one pass: the records every later stage uses."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .. import clock
from ..files import links_leading_out, within
from ..messages import records as msg
from .load import Source, exemplar_folders, load_registry, read_exemplar
from .model import Exemplar, Registry, Use, Visit
from .photo_checks import PhotoSource, check_photos
from .problems import Problem, Severity, has_errors, sorted_problems
from .profile_cache import Entry, ProfileCache
from .settings import Settings, site_url_problems
from .theme_checks import theme_problems
from .validate import (
    UNPUBLISHED_KEYS,
    TextRule,
    check_collection,
    check_exemplar,
    check_registry,
    check_story_html,
    check_text,
    legacy_encoding_rule,
    text_rules,
    unprintable_rule,
)
from .visits import load_visits


@dataclass(frozen=True)
class Catalog:
    """Registry, valid profiles and every problem found, sorted by file and line."""

    registry: Registry | None
    exemplars: tuple[Exemplar, ...]
    problems: tuple[Problem, ...]
    sources: dict[str, Source] = field(default_factory=dict, repr=False)
    visits: tuple[Visit, ...] = ()
    # Checked photo files per profile slug, in the order of the profile's ``photos``.
    photos: dict[str, tuple[PhotoSource | None, ...]] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return self.registry is not None and not has_errors(self.problems)

    @property
    def public(self) -> tuple[Exemplar, ...]:
        """What may appear on the site: published, with consent for individuals."""
        return tuple(e for e in self.exemplars if e.is_public)

    def for_use(self, use: Use) -> tuple[Exemplar, ...]:
        """What may appear in ``use`` (the site, print, broadcasts, open data)."""
        return tuple(e for e in self.exemplars if e.may(use))

    def unprintable(
        self, exemplars: Iterable[Exemplar], unprintable: Callable[[str], str], names_only: bool = False
    ) -> list[Problem]:
        """Errors at their file and line for the characters a PDF about ``exemplars`` could
        not print (whole profiles, or their names only for a paper that lists names): said
        before WeasyPrint is asked, in the profile's words, not the font's."""
        rule = unprintable_rule(unprintable, Severity.error)
        problems: list[Problem] = []
        for e in exemplars:
            source = self.sources.get(e.slug)
            if source is None:
                continue
            if names_only:
                problems += [
                    Problem(source.path, source.line_of(("name",)), "name", message, severity)
                    for _, message, severity in rule(e.name)
                ]
            else:
                problems += check_text(source, [rule], UNPUBLISHED_KEYS, e.story)
        return problems


PARALLEL_FROM = 400  # below this many changed profiles, worker processes cost more than they save


def bundle_folders(settings: Settings, overlay: Mapping[str, Path | None]) -> list[Path]:
    """The bundle folders, in slug order, with ``overlay``'s folders read instead of (or besides)
    the project's, and its ``None`` slugs left out."""
    folders = {folder.name: folder for folder in exemplar_folders(settings.exemplars_dir)}
    for slug, staged in overlay.items():
        if staged is None:
            folders.pop(slug, None)
        else:
            folders[slug] = staged
    return [folders[slug] for slug in sorted(folders)]


def _link_problem(path: Path, folder: Path) -> Problem:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return Problem(path, 0, "", msg.LINK_LEADS_OUT.format(folder=folder, target=target))


def _bundle_link(folder: Path) -> Problem | None:
    """A profile's folder or its index.md that is a link leading out of where it stands."""
    index = folder / "index.md"
    if not folder.is_symlink() and not index.is_symlink():
        return None  # what is not a link stays where it stands
    if within(folder, folder.parent) is None:
        return _link_problem(folder, folder.parent)
    if within(index, folder) is None:
        return _link_problem(index, folder)
    return None


def link_problems(settings: Settings) -> list[Problem]:
    """Links in the hand-written pages, the visits and the theme's overrides that lead out of
    their folder: MkDocs and the loaders would publish what lies behind them."""
    problems: list[Problem] = []
    for folder in (settings.docs_dir, settings.visits_dir, settings.overrides_dir):
        if folder is not None and folder.is_dir():
            problems += [_link_problem(path, folder) for path in links_leading_out(folder)]
    return problems


def _read_all(
    settings: Settings, registry: Registry | None, overlay: Mapping[str, Path | None] | None = None
) -> list[Entry]:
    """Every bundle parsed once: from the cache when its bytes are unchanged, otherwise in
    parallel over the cores; in folder order. Bundles of ``overlay`` are neither cached nor
    drop the cache's entries."""
    registry_bytes = settings.registry_path.read_bytes() if settings.registry_path.is_file() else b""
    cache = ProfileCache(
        settings.cache_dir / "profiles.pickle" if settings.cache_dir else None,
        registry_bytes,
        settings.options.max_file_kb,
    )
    results: dict[Path, Entry] = {}
    todo: list[tuple[Path, bytes, str]] = []
    folders = bundle_folders(settings, overlay or {})
    staged = {folder for folder in folders if folder.parent != settings.exemplars_dir}
    for folder in folders:
        outside = _bundle_link(folder)
        if outside is not None:
            results[folder] = (None, None, [outside])
            continue
        try:
            raw = (folder / "index.md").read_bytes()
        except FileNotFoundError:
            results[folder] = (None, None, [Problem(folder, 0, "", msg.NO_INDEX)])
            continue
        except OSError as error:
            results[folder] = (None, None, [Problem(folder / "index.md", 0, "", msg.invalid(str(error)))])
            continue
        key = ProfileCache.key(raw, folder)
        cached = None if folder in staged else cache.get(folder.name, key)
        if cached is not None:
            results[folder] = cached
        else:
            todo.append((folder, raw, key))
    jobs = [(folder, registry, settings.options.max_file_kb, raw) for folder, raw, _ in todo]
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            parsed = list(pool.map(_read_one, jobs, chunksize=64))
    else:
        parsed = [_read_one(job) for job in jobs]
    for (folder, _, key), entry in zip(todo, parsed, strict=True):
        results[folder] = entry
        if folder not in staged:
            cache.put(folder.name, key, entry)
    if not overlay:
        cache.keep_only({folder.name for folder in folders})
    cache.save()
    return [results[folder] for folder in folders]


def _registry_text(source: Source, unprintable: Callable[[str], str] | None) -> list[Problem]:
    """The registry's text: legacy fonts, and characters the booklets cannot print."""
    rules: list[TextRule] = [legacy_encoding_rule]
    if unprintable is not None:
        rules.append(unprintable_rule(unprintable, Severity.warning))
    return check_text(source, rules)


def _printable(
    exemplars: Sequence[Exemplar],
    sources: Mapping[str, Source],
    visits: Sequence[Visit],
    unprintable: Callable[[str], str],
) -> list[Problem]:
    """Every site build prints the visits' booklets: a visited profile that cannot be
    printed is an error; any other published one, a warning (for `booklet --all`)."""
    visited = {stop.exemplar for v in visits for stop in v.stops}
    problems: list[Problem] = []
    for e in exemplars:
        if e.is_public:
            severity = Severity.error if e.slug in visited else Severity.warning
            rule = unprintable_rule(unprintable, severity)
            problems += check_text(sources[e.slug], [rule], UNPUBLISHED_KEYS, e.story)
    return problems


def _read_one(job: tuple[Path, Registry | None, int, bytes]) -> Entry:
    folder, registry, max_kb, raw = job
    record, source, problems = read_exemplar(folder, registry, max_kb, raw)
    if record is not None and source is not None:
        # The checks that look at this file's text alone: cached with its parse (same bytes,
        # same result), so a warm check does not read 10,000 stories again.
        problems = problems + check_text(source, text_rules(record), UNPUBLISHED_KEYS, record.story)
    return record, source, problems


def load_catalog(
    settings: Settings,
    today: dt.date | None = None,
    decoded_before: Callable[[str], bool] | None = None,
    overlay: Mapping[str, Path | None] | None = None,
    unprintable: Callable[[str], str] | None = None,
) -> Catalog:
    """Read the registry and every bundle once; validate everything; never raise for input.
    ``decoded_before(digest)``: the photo pipeline already decoded these exact bytes (its cache
    has them), so the photo checks may skip the full decode. ``overlay``: slug → a folder
    holding that bundle as it would be after an edit (None: as if removed); the editor checks
    a change this way before writing it. ``unprintable(text)``: the characters of ``text``
    the printed booklets cannot draw (published text is checked)."""
    today = today or clock.today()
    registry, registry_source, problems = load_registry(settings.registry_path)
    problems += site_url_problems(settings)
    problems += theme_problems(settings)
    problems += link_problems(settings)
    if registry is not None:
        problems += check_registry(registry, registry_source, settings.registry_path)
    if registry_source is not None:
        problems += _registry_text(registry_source, unprintable)
    if not settings.exemplars_dir.is_dir():
        problems.append(
            Problem(
                settings.exemplars_dir, 0, "", msg.MISSING_EXEMPLARS_DIR.format(path=settings.exemplars_dir)
            )
        )
        return Catalog(registry, (), tuple(sorted_problems(problems)))

    exemplars: list[Exemplar] = []
    sources: dict[str, Source] = {}
    photos: dict[str, tuple[PhotoSource | None, ...]] = {}
    max_photo_bytes = int(settings.options.max_photo_mb * 2**20)
    max_photo_pixels = int(settings.options.max_photo_megapixels * 1e6)
    overlay = overlay or {}
    for record, source, found in _read_all(settings, registry, overlay):
        problems += found
        if record is None or source is None:
            continue
        if registry is not None:
            problems += check_exemplar(record, source, registry, today)
        problems += check_story_html(record, source)
        found, photos[record.slug] = check_photos(
            record,
            source,
            overlay.get(record.slug) or settings.exemplars_dir / record.slug,
            max_photo_bytes,
            max_photo_pixels,
            decoded_before,
        )
        problems += found
        exemplars.append(record)
        sources[record.slug] = source
    if registry is not None:
        problems += check_collection(exemplars, sources, registry, registry_source, settings.registry_path)
    visits: tuple[Visit, ...] = ()
    if settings.visits_dir is not None:
        printed = [unprintable_rule(unprintable, Severity.error)] if unprintable else []
        visits, found = load_visits(settings.visits_dir, exemplars, settings.options.max_file_kb, printed)
        problems += found
    if unprintable is not None:
        problems += _printable(exemplars, sources, visits, unprintable)
    return Catalog(registry, tuple(exemplars), tuple(sorted_problems(problems)), sources, visits, photos)
