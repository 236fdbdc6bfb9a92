"""The whole project loaded and checked in one pass: the records every later stage uses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import messages as msg
from .load import Source, exemplar_folders, load_registry, read_exemplar
from .model import Exemplar, Registry, Visit
from .problems import Problem, has_errors, sorted_problems
from .settings import Settings
from .validate import (
    check_collection,
    check_exemplar,
    check_personal_data,
    check_registry,
    check_story_html,
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

    @property
    def ok(self) -> bool:
        return self.registry is not None and not has_errors(self.problems)

    @property
    def public(self) -> tuple[Exemplar, ...]:
        """What may appear on the site: published, with consent for individuals."""
        return tuple(e for e in self.exemplars if e.is_public)


def load_catalog(settings: Settings, today: dt.date | None = None) -> Catalog:
    """Read the registry and every bundle once; validate everything; never raise for input."""
    today = today or dt.date.today()
    registry, registry_source, problems = load_registry(settings.registry_path)
    if registry is not None:
        problems += check_registry(registry, registry_source, settings.registry_path)
    if not settings.exemplars_dir.is_dir():
        problems.append(
            Problem(
                settings.exemplars_dir, 0, "", msg.MISSING_EXEMPLARS_DIR.format(path=settings.exemplars_dir)
            )
        )
        return Catalog(registry, (), tuple(sorted_problems(problems)))

    exemplars: list[Exemplar] = []
    sources: dict[str, Source] = {}
    for folder in exemplar_folders(settings.exemplars_dir):
        if not (folder / "index.md").is_file():
            problems.append(Problem(folder, 0, "", msg.NO_INDEX))
            continue
        record, source, found = read_exemplar(folder, registry, settings.max_file_kb)
        problems += found
        if record is None or source is None:
            continue
        if registry is not None:
            problems += check_exemplar(record, source, registry, today)
        problems += check_story_html(record, source)
        if record.is_public:
            problems += check_personal_data(record, source)
        exemplars.append(record)
        sources[record.slug] = source
    if registry is not None:
        problems += check_collection(exemplars, sources, registry, registry_source, settings.registry_path)
    visits: tuple[Visit, ...] = ()
    if settings.visits_dir is not None:
        visits, found = load_visits(settings.visits_dir, exemplars, settings.max_file_kb)
        problems += found
    return Catalog(registry, tuple(exemplars), tuple(sorted_problems(problems)), sources, visits)
