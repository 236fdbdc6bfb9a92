"""Registration sheets (.xlsx or .csv, as a hamlet fills them in) → draft bundles.

Headers are matched ignoring case, accents, spacing and order; values may be codes or the
registry's Vietnamese names. A row with a problem is reported by sheet row and column and
skipped; the others are imported. A re-import matches bundles by name and updates their
front matter (drafts only); a story is never touched."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException

from .. import clock
from .. import messages as msg
from ..records.model import Kind, Registry
from ..records.problems import Problem
from .new import (
    check_front_matter,
    draft_front_matter,
    make_slug,
    read_bundle_parts,
    render_bundle,
    story_template,
    taken_slugs,
    update_front_matter,
    write_new_bundle,
)

REQUIRED = ("name", "kind", "field", "registered")
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("ten dien hinh", "ten", "ten tap the ca nhan mo hinh", "ten mo hinh", "dien hinh"),
    "kind": ("loai", "loai dien hinh", "phan loai"),
    "field": ("linh vuc", "linh vuc chinh"),
    "hamlet": ("xom", "thon", "xom thon", "thon xom"),
    "organization": ("to chuc", "don vi", "to chuc don vi", "co quan don vi"),
    "registered": ("ngay dang ky", "ngay dk", "ngay"),
    "summary": ("tom tat", "mo ta", "tom tat thanh tich", "noi dung"),
}
KIND_WORDS = {"tap the": Kind.collective, "ca nhan": Kind.individual, "mo hinh": Kind.model}
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")
HEADER_SEARCH_ROWS = 10


def normalize(text: object) -> str:
    """Lowercase, no accents (đ → d), punctuation as spaces: how headers and names compare."""
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def name_key(name: str) -> str:
    """How two profile names are the same (as ``check``'s duplicate-name rule sees it)."""
    return " ".join(name.casefold().split())


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    letter: str
    header: str

    @property
    def label(self) -> str:
        return msg.sheet_cell(self.letter, self.header)


@dataclass(frozen=True)
class Row:
    number: int
    values: Mapping[str, Any]


@dataclass(frozen=True)
class Sheet:
    path: Path
    columns: Mapping[str, Column]
    rows: tuple[Row, ...]
    header_row: int = 1


def _grid_from_xlsx(path: Path) -> list[list[Any]]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = workbook.worksheets
        grids = [[list(r) for r in ws.iter_rows(min_row=1, values_only=True)] for ws in sheets]
    finally:
        workbook.close()
    # The first sheet that has a header row; else the first sheet.
    for grid in grids:
        if _find_header(grid) is not None:
            return grid
    return grids[0] if grids else []


def _grid_from_csv(raw: bytes) -> list[list[Any]]:
    text = raw.decode("utf-8-sig")
    # Excel writes ";" in locales whose decimal mark is ",", such as Vietnamese; a header
    # line has no quoted separators, so counting them there is enough.
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count)
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _find_header(grid: list[list[Any]]) -> tuple[int, dict[str, Column]] | None:
    lookup = {alias: key for key, aliases in HEADER_ALIASES.items() for alias in aliases}
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        found: dict[str, Column] = {}
        for col, cell in enumerate(cells):
            if cell is None:
                continue
            key = lookup.get(normalize(cell))
            if key and key not in found:
                found[key] = Column(get_column_letter(col + 1), " ".join(str(cell).split()))
        if len(found) >= 3:
            return index, found
    return None


def _read_grid(path: Path) -> list[list[Any]] | Problem:
    """The sheet's cells row by row, or the problem with the file."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _grid_from_xlsx(path)
        if suffix in (".csv", ".txt"):
            return _grid_from_csv(path.read_bytes())
        return Problem(path, 0, "", msg.SHEET_UNKNOWN_TYPE)
    except UnicodeDecodeError:
        return Problem(path, 0, "", msg.SHEET_NOT_UTF8)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as error:
        return Problem(path, 0, "", msg.SHEET_UNREADABLE.format(detail=error))


def read_sheet(path: Path) -> tuple[Sheet | None, list[Problem]]:
    """The registration rows of a sheet, keyed by column, or problems about the file."""
    if not path.is_file():
        return None, [Problem(path, 0, "", msg.SHEET_MISSING.format(path=path))]
    grid = _read_grid(path)
    if isinstance(grid, Problem):
        return None, [grid]
    header = _find_header(grid)
    if header is None:
        return None, [Problem(path, 1, "", msg.SHEET_NO_HEADER)]
    index, columns = header
    missing = [key for key in REQUIRED if key not in columns]
    if "hamlet" not in columns and "organization" not in columns:
        missing.append("hamlet")
    if missing:
        return None, [
            Problem(path, index + 1, "", msg.sheet_missing_column(msg.SHEET_COLUMNS[key])) for key in missing
        ]
    return Sheet(path, columns, _rows(grid, index, columns), index + 1), []


def _rows(grid: list[list[Any]], header_index: int, columns: Mapping[str, Column]) -> tuple[Row, ...]:
    """The non-empty rows under the header, each with its sheet row number."""
    positions = {key: _column_index(col.letter) for key, col in columns.items()}
    rows = []
    for number, cells in enumerate(grid[header_index + 1 :], start=header_index + 2):
        values = {key: (cells[pos] if pos < len(cells) else None) for key, pos in positions.items()}
        values = {key: (v.strip() if isinstance(v, str) else v) for key, v in values.items()}
        if any(v not in (None, "") for v in values.values()):
            rows.append(Row(number, values))
    return tuple(rows)


def _column_index(letter: str) -> int:
    number = 0
    for char in letter:
        number = number * 26 + ord(char) - 64
    return number - 1


# --- rows → front matter ----------------------------------------------------------------------


def _lookup(table: Iterable[Any], value: object, *, strip_prefix: str = "", strip_suffix: str = "") -> Any:
    """The registry item whose code, name or short name matches ``value`` (accent-insensitive)."""
    wanted = normalize(value)
    for item in table:
        names = {item.code, getattr(item, "name", ""), getattr(item, "short_name", "")}
        keys = {normalize(n) for n in names if n}
        for key in list(keys):
            if strip_prefix and key.startswith(strip_prefix + " "):
                keys.add(key[len(strip_prefix) + 1 :])
            if strip_suffix and key.endswith(" " + strip_suffix):
                keys.add(key[: -len(strip_suffix) - 1])
        if value == item.code or wanted in keys:
            return item
    return None


def parse_date(value: object) -> dt.date | None:
    """An Excel date cell, an Excel serial number, or text dd/mm/yyyy or yyyy-mm-dd."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            converted = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            return None
        return converted.date() if isinstance(converted, dt.datetime) else None
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).replace(tzinfo=clock.VIETNAM).date()
        except ValueError:
            continue
    return None


@dataclass
class RowResult:
    row: Row
    data: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _RowReader:
    """Reads one sheet row into a RowResult, one column group at a time."""

    sheet: Sheet
    row: Row
    registry: Registry
    today: dt.date
    result: RowResult

    def problem(self, key: str, message: str) -> None:
        label = self.sheet.columns[key].label
        self.result.problems.append(Problem(self.sheet.path, self.row.number, label, message))

    def text(self, key: str) -> str:
        value = self.row.values.get(key)
        return "" if value is None else " ".join(str(value).split())

    def read_name(self) -> None:
        name = self.text("name")
        if name:
            self.result.data["name"] = name
        else:
            self.problem("name", msg.EMPTY)

    def read_kind(self) -> None:
        kind = self.text("kind")
        if not kind:
            self.problem("kind", msg.EMPTY)
        elif kind in Kind.__members__:
            self.result.data["kind"] = kind
        elif normalize(kind) in KIND_WORDS:
            self.result.data["kind"] = KIND_WORDS[normalize(kind)].value
        else:
            self.problem("kind", msg.sheet_bad_kind(kind))

    def read_codes(self) -> None:
        """Field, hamlet and organization, by code or name, as registry codes."""
        tables: tuple[tuple[str, str, tuple[Any, ...], dict[str, str]], ...] = (
            ("field", "fields", self.registry.fields, {}),
            ("hamlet", "hamlets", self.registry.hamlets, {"strip_prefix": "xom"}),
            ("organization", "organizations", self.registry.organizations, {"strip_suffix": "xa"}),
        )
        for key, table, items, options in tables:
            if key not in self.sheet.columns:
                continue
            value = self.text(key)
            if not value:
                if key == "field":
                    self.problem(key, msg.EMPTY)
                continue
            item = _lookup(items, value, **options)
            if item is None:
                self.problem(key, msg.sheet_unknown_name(table, value, [i.code for i in items]))
            else:
                self.result.data[key] = item.code

    def read_place(self) -> None:
        """A hamlet or an organization, unless the row already has a problem with either."""
        cols = self.sheet.columns
        if "hamlet" in self.result.data or "organization" in self.result.data:
            return
        labels = (_label(cols, "hamlet"), _label(cols, "organization"))
        if not any(p.field in labels for p in self.result.problems):
            self.problem("hamlet" if "hamlet" in cols else "organization", msg.NEEDS_HAMLET_OR_ORG)

    def read_registered(self) -> None:
        raw_date = self.row.values.get("registered")
        date = None if raw_date in (None, "") else parse_date(raw_date)
        if raw_date in (None, ""):
            self.problem("registered", msg.EMPTY)
        elif date is None:
            self.problem("registered", msg.sheet_bad_date(raw_date))
        elif date > self.today:
            self.problem("registered", msg.future_date(date.strftime("%d/%m/%Y")))
        else:
            self.result.data["registered"] = date

    def read_summary(self) -> None:
        if "summary" in self.sheet.columns and self.text("summary"):
            self.result.data["summary"] = self.text("summary")


def parse_row(sheet: Sheet, row: Row, registry: Registry, today: dt.date) -> RowResult:
    """One sheet row → front-matter values (codes, dates) or problems naming row and column."""
    reader = _RowReader(sheet, row, registry, today, RowResult(row))
    for step in (
        reader.read_name,
        reader.read_kind,
        reader.read_codes,
        reader.read_place,
        reader.read_registered,
        reader.read_summary,
    ):
        step()
    return reader.result


def _label(columns: Mapping[str, Column], key: str) -> str | None:
    return columns[key].label if key in columns else None


# --- import -------------------------------------------------------------------------------


class Outcome(StrEnum):
    created = "created"
    updated = "updated"
    unchanged = "unchanged"
    kept = "kept"  # published, or unreadable: left alone


@dataclass(frozen=True)
class ImportResult:
    problems: tuple[Problem, ...]
    outcomes: tuple[tuple[int, str, Outcome], ...]  # (sheet row, slug, what happened)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for _, _, o in self.outcomes if o is outcome)


def existing_bundles(exemplars_dir: Path) -> dict[str, tuple[Path, str]]:
    """Name key → (index.md, status) of every readable bundle."""
    found: dict[str, tuple[Path, str]] = {}
    if not exemplars_dir.is_dir():
        return found
    for folder in sorted(exemplars_dir.iterdir()):
        path = folder / "index.md"
        if not path.is_file():
            continue
        parts = read_bundle_parts(path)
        if parts is None:
            continue
        try:
            data = yaml.safe_load(parts[1])
        except (yaml.YAMLError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            found.setdefault(name_key(data["name"]), (path, str(data.get("status", ""))))
    return found


def import_sheet(
    sheet: Sheet,
    registry: Registry,
    exemplars_dir: Path,
    today: dt.date | None = None,
    progress: Callable[[Sequence[Row]], Iterable[Row]] | None = None,
) -> ImportResult:
    """Create or update draft bundles from the good rows; report the bad ones. ``progress``
    wraps the rows, e.g. in a progress bar."""
    today = today or clock.today()
    problems: list[Problem] = []
    outcomes: list[tuple[int, str, Outcome]] = []
    bundles = existing_bundles(exemplars_dir)
    taken = taken_slugs(exemplars_dir)
    seen: dict[str, int] = {}
    rows: Iterable[Row] = sheet.rows if progress is None else progress(sheet.rows)
    for row in rows:
        parsed = parse_row(sheet, row, registry, today)
        name = parsed.data.get("name")
        if name is not None:
            key = name_key(name)
            if key in seen:
                parsed.problems.append(
                    Problem(
                        sheet.path,
                        row.number,
                        sheet.columns["name"].label,
                        msg.sheet_duplicate_row(seen[key]),
                    )
                )
            seen.setdefault(key, row.number)
        if not parsed.problems:
            parsed.problems += _final_check(sheet, row, parsed.data, registry)
        if parsed.problems:
            problems += parsed.problems
            continue
        data = parsed.data
        existing = bundles.get(name_key(data["name"]))
        if existing is None:
            slug = make_slug(data["name"], taken)
            taken.add(slug)
            front = _draft_front(data)
            path = write_new_bundle(exemplars_dir, slug, render_bundle(front, story_template()))
            bundles[name_key(data["name"])] = (path, "draft")
            outcomes.append((row.number, slug, Outcome.created))
            continue
        path, status = existing
        slug = path.parent.name
        if status != "draft":
            outcomes.append((row.number, slug, Outcome.kept))
            continue
        changed = update_front_matter(path, data)
        if changed is None:
            problems.append(Problem(path, 0, "", msg.IMPORT_UNREADABLE.format(path=path)))
            outcomes.append((row.number, slug, Outcome.kept))
        else:
            outcomes.append((row.number, slug, Outcome.updated if changed else Outcome.unchanged))
    return ImportResult(tuple(problems), tuple(outcomes))


def _draft_front(data: Mapping[str, Any]) -> dict[str, Any]:
    """The draft's front matter made from one checked row."""
    return draft_front_matter(
        name=data["name"],
        kind=data["kind"],
        field=data["field"],
        hamlet=data.get("hamlet"),
        organization=data.get("organization"),
        registered=data["registered"],
        summary=data.get("summary"),
    )


def _final_check(sheet: Sheet, row: Row, data: Mapping[str, Any], registry: Registry) -> list[Problem]:
    """What ``check`` would still say about this row's draft, placed at the row's column."""
    front = _draft_front(data)
    found = []
    for p in check_front_matter(front, "dien-hinh", registry, sheet.path):
        key = p.field.split(".")[0].split("[")[0]
        column = sheet.columns.get(key) or sheet.columns["name"]
        found.append(Problem(sheet.path, row.number, column.label, p.message))
    return found
