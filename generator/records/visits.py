"""Study visits: ``visits/<slug>.yml`` → Visit records, checked against the exemplars
(every stop must name a published profile)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from pathlib import Path

from pydantic import ValidationError

from ..messages import records as msg
from .load import MAX_FILE_KB, Source, dotted, parse_yaml, problems_from, read_text
from .model import SLUG_RE, VISIT_KEYS, Exemplar, Visit
from .problems import Problem, Severity
from .validate import TextRule, check_text, legacy_encoding_rule, personal_data_rule

VISIT_SUFFIXES = (".yml", ".yaml")


def visit_files(folder: Path) -> list[Path]:
    """Visit files in ``folder`` (names starting with '.' or '_' are ignored)."""
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix in VISIT_SUFFIXES and p.name[0] not in "._"
    )


def read_visit(path: Path, max_kb: int = MAX_FILE_KB) -> tuple[Visit | None, Source | None, list[Problem]]:
    """One visit file → record (or None), its source (for line numbers) and its problems."""
    problems: list[Problem] = []
    if not SLUG_RE.match(path.stem):
        problems.append(Problem(path, 0, "", msg.bad_visit_slug(path.name)))
    text, found = read_text(path, max_kb)
    if text is None:
        return None, None, problems + found
    source, found = parse_yaml(text, path)
    problems += found
    if source is None:
        return None, None, problems
    if not isinstance(source.data, dict):
        return None, source, [*problems, Problem(path, 1, "", msg.NOT_A_MAPPING)]
    data = dict(source.data)
    if "slug" in data:
        problems.append(Problem(path, source.line_of(("slug",)), "slug", msg.unknown_key("slug", VISIT_KEYS)))
        del data["slug"]
    data["slug"] = path.stem
    if "stops" in data and data["stops"] is None:
        data["stops"] = []  # "stops:" left empty: reported as a visit without stops, at its line
    try:
        record = Visit.model_validate(data)
    except ValidationError as error:
        return None, source, problems + problems_from(error, source, Visit)
    return (None if problems else record), source, problems


def check_visit(visit: Visit, source: Source, exemplars: Mapping[str, Exemplar]) -> list[Problem]:
    """Every stop names a published exemplar, once; a visit has at least one stop."""
    path = source.path
    problems: list[Problem] = []
    if not visit.stops:
        problems.append(Problem(path, source.line_of(("stops",)), "stops", msg.VISIT_WITHOUT_STOPS))
    public = sorted(slug for slug, e in exemplars.items() if e.is_public)
    first_index: dict[str, int] = {}
    previous_time: str | None = None
    for index, stop in enumerate(visit.stops):
        loc = ("stops", index, "exemplar")
        where = source.line_of(loc)
        exemplar = exemplars.get(stop.exemplar)
        if exemplar is None:
            close = difflib.get_close_matches(stop.exemplar, public, n=3, cutoff=0.5)
            problems.append(
                Problem(path, where, dotted(loc), msg.unknown_visit_exemplar(stop.exemplar, close))
            )
        elif not exemplar.is_public:
            problems.append(Problem(path, where, dotted(loc), msg.exemplar_not_public(stop.exemplar)))
        if stop.exemplar in first_index:
            problems.append(
                Problem(
                    path,
                    where,
                    dotted(loc),
                    msg.duplicate_stop(stop.exemplar, first_index[stop.exemplar] + 1),
                    Severity.warning,
                )
            )
        first_index.setdefault(stop.exemplar, index)
        if previous_time is not None and _minutes(stop.time) < _minutes(previous_time):
            time_loc = ("stops", index, "time")
            problems.append(
                Problem(
                    path,
                    source.line_of(time_loc),
                    dotted(time_loc),
                    msg.stop_out_of_order(stop.time, previous_time),
                    Severity.warning,
                )
            )
        previous_time = stop.time
    return problems


def load_visits(
    folder: Path, exemplars: Sequence[Exemplar], max_kb: int = MAX_FILE_KB, rules: Sequence[TextRule] = ()
) -> tuple[tuple[Visit, ...], list[Problem]]:
    """Every visit in ``folder`` (none when it does not exist), checked against the profiles.
    A visit is always published: every text of it is checked for personal data and legacy
    fonts, and by ``rules``."""
    if not folder.exists():
        return (), []
    if not folder.is_dir():
        return (), [Problem(folder, 0, "", msg.VISITS_NOT_A_FOLDER.format(path=folder))]
    by_slug = {e.slug: e for e in exemplars}
    visits: list[Visit] = []
    problems: list[Problem] = []
    for path in visit_files(folder):
        record, source, found = read_visit(path, max_kb)
        problems += found
        if record is None or source is None:
            continue
        found = check_visit(record, source, by_slug)
        found += check_text(source, [personal_data_rule(), legacy_encoding_rule, *rules])
        problems += found
        if not any(p.severity is Severity.error for p in found):
            visits.append(record)
    return tuple(sorted(visits, key=lambda v: (v.date, v.slug))), problems


def _minutes(time: str) -> int:
    hours, minutes = time.split(":")
    return int(hours) * 60 + int(minutes)
