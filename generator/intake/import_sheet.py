"""Registration sheets (.xlsx or .csv, as a hamlet fills them in) → draft bundles.

Headers are matched ignoring case, accents, spacing and order; values may be codes or the
registry's Vietnamese names. A row with a problem is reported by sheet row and column and
skipped; the others are imported. A re-import matches bundles by name and updates their
front matter (drafts only); a story is never touched."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from .. import clock
from ..messages import intake as msg
from ..messages import records as records_msg
from ..records import store
from ..records.model import Kind, Registry
from ..records.privacy import find_personal_data
from ..records.problems import Problem, Severity
from ..records.settings import Settings
from ..text import name_key, nfc
from .drafts import (
    draft_front_matter,
    existing_bundles,
    make_slug,
    normalize,
    registry_item,
    story_template,
    taken_slugs,
)

REQUIRED = ("name", "kind", "field", "registered")
# Each column as a message names it (the sheet lacks “tên điển hình”).
COLUMN_NAMES = {
    "name": "tên điển hình",
    "kind": "loại",
    "field": "lĩnh vực",
    "hamlet": "xóm",
    "organization": "tổ chức",
    "registered": "ngày đăng ký",
    "summary": "tóm tắt",
}
# Header wordings met on the sheets hamlets and organizations send, normalized (normalize()).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "ten dien hinh",
        "ten",
        "ten tap the ca nhan mo hinh",
        "ten mo hinh",
        "dien hinh",
        "ten mo hinh dien hinh",
        "ten dien hinh mo hinh",
        "ten tap the ca nhan",
        "ten dien hinh tien tien",
        "ten mo hinh dien hinh tien tien",
        "ho ten ten tap the",
        "ten don vi ca nhan",
    ),
    "kind": ("loai", "loai dien hinh", "phan loai", "loai hinh", "doi tuong", "tap the ca nhan mo hinh"),
    "field": (
        "linh vuc",
        "linh vuc chinh",
        "thuoc linh vuc",
        "linh vuc dang ky",
        "linh vuc thi dua",
        "nganh linh vuc",
    ),
    "hamlet": ("xom", "thon", "xom thon", "thon xom", "thuoc xom", "dia ban", "dia ban xom", "to dan pho"),
    "organization": (
        "to chuc",
        "don vi",
        "to chuc don vi",
        "co quan don vi",
        "don vi to chuc",
        "thuoc to chuc",
        "chi hoi",
        "doan the",
    ),
    "registered": (
        "ngay dang ky",
        "ngay dk",
        "ngay",
        "thoi gian dang ky",
        "ngay thang dang ky",
        "ngay thang nam dang ky",
        "dang ky ngay",
    ),
    "summary": (
        "tom tat",
        "mo ta",
        "tom tat thanh tich",
        "noi dung",
        "thanh tich tom tat",
        "noi dung tom tat",
        "mo ta ngan",
        "noi dung mo hinh",
        "tom tat noi dung",
    ),
}
# A row-number column: known, never imported, never "unknown".
NUMBER_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu", "thu tu"})
# Words a header may carry besides its own ("Thuộc lĩnh vực", "Tên mô hình / điển hình (*)").
HEADER_FILLER = frozenset({"thuoc", "cua", "cac", "so", "ghi", "ro", "bat", "buoc"})
# How close a header must be to a known wording (difflib ratio) to be read as it: a typo
# ("Lĩnh vưc", "Ngày đang ky") still matches, "Ghi chú" does not become "Ngày".
HEADER_SIMILARITY = 0.86
KIND_WORDS = {"tap the": Kind.collective, "ca nhan": Kind.individual, "mo hinh": Kind.model}
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")
HEADER_SEARCH_ROWS = 10
# The end of a sheet: the place and date line and the signatures, as forms have them.
_SIGNATURE = re.compile(
    r"\bngay\b.*\bthang\b.*\bnam\b"
    r"|^(nguoi lap( bieu)?|nguoi ky|tm\b.*|t m\b.*|kt\b.*|chu tich|pho chu tich|truong xom|truong thon"
    r"|bi thu|thu truong( don vi| co quan)?|xac nhan( cua)?\b.*|ky( va)? ghi ro ho ten|ky ten|ky ho ten"
    r"|ke toan|can bo( van phong)?( thong ke)?|ubnd\b.*|uy ban nhan dan\b.*|noi nhan|tong cong\b.*|cong)$"
)


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
    # Columns with a header the import does not know: named in one warning, not imported.
    unknown: tuple[Column, ...] = ()
    # Rows under the header that are not registrations (column numbers, totals, the place and
    # date line, signatures and the names under them): skipped, not errors.
    skipped: tuple[int, ...] = ()

    def warnings(self) -> list[Problem]:
        """One warning naming every column that is not imported."""
        if not self.unknown:
            return []
        names = [c.label for c in self.unknown]
        return [Problem(self.path, self.header_row, "", msg.sheet_unknown_columns(names), Severity.warning)]


# A sheet as read: its rows in order (row n at index n - 1), empty ones sharing one list.
Grid = list[list[Any]]
_EMPTY: list[Any] = []
# What a registration sheet can need. Bigger (or a dimension that claims a million cells, or a
# zip that unpacks to gigabytes) is refused or cut, so memory follows the cells really there.
MAX_SHEET_MB = 20
MAX_UNPACKED_MB = 200
MAX_COLUMNS = 64
MAX_ROWS = 20_000


class SheetTooLarge(Exception):
    """A sheet beyond the limits above (its message says which, in Vietnamese)."""


def _filled(rows: Iterable[Sequence[Any]]) -> Grid:
    """The rows, at most MAX_COLUMNS wide; an empty row costs one shared reference and the
    trailing empty rows none, so memory follows the filled cells."""
    grid: Grid = []
    filled = 0
    for cells in rows:
        if any(c not in (None, "") for c in cells):
            filled += 1
            if filled > MAX_ROWS:
                raise SheetTooLarge(msg.sheet_too_many_rows(MAX_ROWS))
            grid.append(list(cells[:MAX_COLUMNS]))
        else:
            grid.append(_EMPTY)
    while grid and grid[-1] is _EMPTY:
        grid.pop()
    return grid


def _grid_from_xlsx(path: Path) -> Grid:
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_MB * 2**20:
        raise SheetTooLarge(msg.sheet_too_large(MAX_UNPACKED_MB))
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        first: Grid | None = None
        for ws in workbook.worksheets:
            # The sheet's stated dimension (it may claim A1:XFD1048576) is ignored: rows are
            # read as they are stored, at most MAX_COLUMNS wide.
            if isinstance(ws, ReadOnlyWorksheet):
                ws.reset_dimensions()
            grid = _filled(ws.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True))
            # The first sheet that has a header row; else the first sheet.
            if _find_header(grid) is not None:
                return grid
            first = grid if first is None else first
    finally:
        workbook.close()
    return first or []


def _grid_from_csv(raw: bytes) -> Grid:
    text = raw.decode("utf-8-sig")
    # Excel writes ";" in locales whose decimal mark is ",", such as Vietnamese; a header
    # line has no quoted separators, so counting them there is enough.
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count)
    return _filled(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split()) - HEADER_FILLER


def _alias_score(header: str, alias: str) -> float:
    """How well a normalized header reads as one known wording: 1 exact; 0.95 when its words
    are the wording's words (order, filler words such as "thuộc" aside); else the difflib
    ratio (typos)."""
    if header == alias:
        return 1.0
    if _words(header) == _words(alias) and _words(alias):
        return 0.95
    return difflib.SequenceMatcher(None, header, alias).ratio()


def header_key(cell: object) -> str | None:
    """The column a header cell names ("Tên mô hình / điển hình" → name), or None."""
    header = normalize(cell)
    if not header:
        return None
    best, best_score = None, HEADER_SIMILARITY
    for key, aliases in HEADER_ALIASES.items():
        for alias in aliases:
            score = _alias_score(header, alias)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = key, score
    return best


def _header_columns(cells: Sequence[Any]) -> tuple[dict[str, Column], list[Column]]:
    """Known columns of a header row (the first column naming each), and the unknown ones."""
    found: dict[str, Column] = {}
    unknown: list[Column] = []
    for col, cell in enumerate(cells):
        if cell is None or not str(cell).strip():
            continue
        column = Column(get_column_letter(col + 1), " ".join(str(cell).split()))
        key = header_key(cell)
        if key is not None and key not in found:
            found[key] = column
        elif normalize(cell) not in NUMBER_HEADERS:
            unknown.append(column)
    return found, unknown


def _find_header(grid: list[list[Any]]) -> tuple[int, dict[str, Column], list[Column]] | None:
    """(row index, known columns, unknown columns) of the header row: the first of the top
    rows that names at least three known columns (a merged title row above names none)."""
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        found, unknown = _header_columns(cells)
        if len(found) >= 3:
            return index, found, unknown
    return None


def _likely_header(grid: list[list[Any]]) -> tuple[int, list[str]]:
    """The top row that looks most like a header (most text cells): named in the message when
    no header row is found."""
    best, texts = 0, list[str]()
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        found = [" ".join(str(c).split()) for c in cells if isinstance(c, str) and c.strip()]
        if len(found) > len(texts):
            best, texts = index, found
    return best, texts


def _read_grid(path: Path) -> list[list[Any]] | Problem:
    """The sheet's cells row by row, or the problem with the file."""
    suffix = path.suffix.lower()
    try:
        if path.stat().st_size > MAX_SHEET_MB * 2**20:
            raise SheetTooLarge(msg.sheet_too_large(MAX_SHEET_MB))
        if suffix in (".xlsx", ".xlsm"):
            return _grid_from_xlsx(path)
        if suffix in (".csv", ".txt"):
            return _grid_from_csv(path.read_bytes())
        return Problem(path, 0, "", msg.SHEET_UNKNOWN_TYPE)
    except SheetTooLarge as error:
        return Problem(path, 0, "", str(error))
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
        index, texts = _likely_header(grid)
        return None, [Problem(path, index + 1 if texts else 1, "", msg.sheet_no_header(texts))]
    index, columns, unknown = header
    missing = [key for key in REQUIRED if key not in columns]
    if "hamlet" not in columns and "organization" not in columns:
        missing.append("hamlet")
    if missing:
        found = [" ".join(str(c).split()) for c in grid[index] if c is not None and str(c).strip()]
        return None, [
            Problem(path, index + 1, "", msg.sheet_missing_column(COLUMN_NAMES[key], found))
            for key in missing
        ]
    rows, skipped = _rows(grid, index, columns)
    return Sheet(path, columns, rows, index + 1, tuple(unknown), skipped), []


def _is_numbering(cells: Sequence[Any]) -> bool:
    """A row of column numbers under the header: (1) (2) (3) … or 1 2 3 …"""
    texts = [normalize(c) for c in cells if c not in (None, "")]
    return len(texts) >= 3 and all(t.isdigit() for t in texts)


def _is_signature(cells: Sequence[Any]) -> bool:
    """The place and date line, a signer's title or "ký, ghi rõ họ tên": every filled cell."""
    texts = [normalize(c) for c in cells if c not in (None, "") and normalize(c)]
    return bool(texts) and all(_SIGNATURE.search(t) for t in texts)


def _rows(
    grid: list[list[Any]], header_index: int, columns: Mapping[str, Column]
) -> tuple[tuple[Row, ...], tuple[int, ...]]:
    """The registration rows under the header, each with its sheet row number, and the
    numbers of the rows skipped as not registrations. Once the signature block starts, a row
    is part of it (a signer's name) unless it has the kind, field or date of a registration."""
    positions = {key: _column_index(col.letter) for key, col in columns.items()}
    rows: list[Row] = []
    skipped: list[int] = []
    signing = False
    for number, cells in enumerate(grid[header_index + 1 :], start=header_index + 2):
        values = {key: (cells[pos] if pos < len(cells) else None) for key, pos in positions.items()}
        values = {key: (v.strip() if isinstance(v, str) else v) for key, v in values.items()}
        if all(c in (None, "") or (isinstance(c, str) and not c.strip()) for c in cells):
            continue  # a blank row
        registration = sum(values.get(k) not in (None, "") for k in ("kind", "field", "registered")) >= 2
        if _is_numbering(cells) or _is_signature(cells):
            signing = signing or _is_signature(cells)
            skipped.append(number)
        elif signing and not registration:
            skipped.append(number)
        elif any(v not in (None, "") for v in values.values()):
            rows.append(Row(number, values))
        else:
            skipped.append(number)  # text only in columns that are not imported
    return tuple(rows), tuple(skipped)


def _column_index(letter: str) -> int:
    number = 0
    for char in letter:
        number = number * 26 + ord(char) - 64
    return number - 1


# --- rows → front matter ----------------------------------------------------------------------


def _unknown_name(table: str, value: object, items: Sequence[Any]) -> str:
    """A name the registry lacks, said with the names the officer sees (a field's short name,
    a hamlet's or organization's name), the closest one suggested: never registry codes."""
    shown = [getattr(item, "short_name", "") or item.name for item in items]
    # A near miss of a code ("kinh-te") suggests the item's name too.
    keys = {normalize(item.code): name for item, name in zip(items, shown, strict=True)}
    keys |= {normalize(item.name): name for item, name in zip(items, shown, strict=True)}
    keys |= {normalize(name): name for name in shown}
    close = difflib.get_close_matches(normalize(value), list(keys), n=1, cutoff=0.6)
    return msg.sheet_unknown_name(table, value, shown, keys[close[0]] if close else "")


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
        return "" if value is None else nfc(" ".join(str(value).split()))

    def read_name(self) -> None:
        name = self.text("name")
        if name:
            self.result.data["name"] = name
        else:
            self.problem("name", records_msg.EMPTY)

    def read_kind(self) -> None:
        kind = self.text("kind")
        if not kind:
            self.problem("kind", records_msg.EMPTY)
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
                    self.problem(key, records_msg.EMPTY)
                continue
            item = registry_item(items, value, **options)
            if item is None:
                self.problem(key, _unknown_name(table, value, items))
            else:
                self.result.data[key] = item.code

    def read_place(self) -> None:
        """A hamlet or an organization, unless the row already has a problem with either."""
        cols = self.sheet.columns
        if "hamlet" in self.result.data or "organization" in self.result.data:
            return
        labels = (_label(cols, "hamlet"), _label(cols, "organization"))
        if not any(p.field in labels for p in self.result.problems):
            self.problem("hamlet" if "hamlet" in cols else "organization", records_msg.NEEDS_HAMLET_OR_ORG)

    def read_registered(self) -> None:
        raw_date = self.row.values.get("registered")
        date = None if raw_date in (None, "") else parse_date(raw_date)
        if raw_date in (None, ""):
            self.problem("registered", records_msg.EMPTY)
        elif date is None:
            self.problem("registered", msg.sheet_bad_date(raw_date))
        elif date > self.today:
            self.problem("registered", records_msg.future_date(date.strftime("%d/%m/%Y")))
        else:
            self.result.data["registered"] = date

    def read_summary(self) -> None:
        if "summary" in self.sheet.columns and self.text("summary"):
            self.result.data["summary"] = self.text("summary")

    def refuse_personal_data(self) -> None:
        """A sheet's text becomes a draft that will be published: personal data is refused
        here, as ``check`` refuses it in a published profile."""
        for key in ("name", "summary"):
            if key in self.sheet.columns:
                for finding in find_personal_data(self.text(key)):
                    self.problem(key, records_msg.personal_data(finding.kind, finding.text))


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
        reader.refuse_personal_data,
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


@dataclass(frozen=True)
class _Write:
    """A good row's draft, to be written through the store with the others."""

    row: Row
    outcome: Outcome
    profile: store.Profile
    previous: bytes | None  # the draft as read (None: a new draft)


def import_sheet(
    sheet: Sheet,
    registry: Registry,
    settings: Settings,
    today: dt.date | None = None,
    progress: Callable[[Sequence[Row]], Iterable[Row]] | None = None,
) -> ImportResult:
    """Create or update draft bundles from the good rows; report the bad ones. The drafts are
    checked and written together through the store: a row whose draft ``check`` would refuse
    is reported at its row. ``progress`` wraps the rows, e.g. in a progress bar."""
    today = today or clock.today()
    problems: list[Problem] = []
    outcomes: list[tuple[int, str, Outcome]] = []
    writes: list[_Write] = []
    bundles = existing_bundles(settings.exemplars_dir)
    taken = taken_slugs(settings.exemplars_dir)
    seen: dict[str, int] = {}
    rows: Iterable[Row] = sheet.rows if progress is None else progress(sheet.rows)
    for row in rows:
        parsed = parse_row(sheet, row, registry, today)
        name = parsed.data.get("name")
        if name is not None:
            key = name_key(name)
            if key in seen:
                label = sheet.columns["name"].label
                message = msg.sheet_duplicate_row(seen[key])
                parsed.problems.append(Problem(sheet.path, row.number, label, message))
            seen.setdefault(key, row.number)
        if parsed.problems:
            problems += parsed.problems
            continue
        planned = _plan_row(row, parsed.data, settings, bundles, taken)
        if isinstance(planned, _Write):
            writes.append(planned)
        else:
            outcomes.append((row.number, *planned[0]))
            problems += planned[1]
    saved = store.save_profiles(settings, [(w.profile, w.previous) for w in writes], today)
    for write, result in zip(writes, saved, strict=True):
        if result.written:
            outcomes.append((write.row.number, write.profile.slug, write.outcome))
        else:
            problems += _row_problems(sheet, write, result, settings.root)
    return ImportResult(tuple(problems), tuple(sorted(outcomes, key=lambda o: o[0])))


def _plan_row(
    row: Row,
    data: Mapping[str, Any],
    settings: Settings,
    bundles: dict[str, tuple[Path, str]],
    taken: set[str],
) -> _Write | tuple[tuple[str, Outcome], list[Problem]]:
    """One good row: a new draft, or an existing draft with its front matter updated (the story
    kept byte for byte), to write; or what happens without writing — a published profile is
    kept, an unchanged draft stays as it is — with a problem when the draft is unreadable."""
    existing = bundles.get(name_key(data["name"]))
    if existing is None:
        slug = make_slug(data["name"], taken)
        taken.add(slug)
        return _Write(row, Outcome.created, store.Profile(slug, _draft_front(data), story_template()), None)
    path, status = existing
    slug = path.parent.name
    if status != "draft":
        return (slug, Outcome.kept), []
    bundle = store.read_bundle(path)
    if bundle is None:
        return (slug, Outcome.kept), [Problem(path, 0, "", msg.IMPORT_UNREADABLE.format(path=path))]
    updated = {**bundle.front_matter, **data}
    if updated == bundle.front_matter:
        return (slug, Outcome.unchanged), []
    profile = store.Profile(slug, updated, bundle.story, comments=bundle.comments)
    return _Write(row, Outcome.updated, profile, bundle.raw)


def _row_problems(sheet: Sheet, write: _Write, saved: store.Saved, root: Path) -> list[Problem]:
    """Why a row's draft was not written, at the row: a problem of a value the sheet gave at
    its column; of the new draft, at the name; of an existing draft or another file, with
    where it is in that file."""
    if saved.failure is not None:  # the disk refused, or the draft changed meanwhile
        return [Problem(sheet.path, write.row.number, "", saved.failure.message)]
    found = []
    for p in saved.errors:
        key = p.field.split(".")[0].split("[")[0]
        column = sheet.columns.get(key)
        own_new = write.previous is None and p.file.parent.name == write.profile.slug
        if column is None and own_new:
            column = sheet.columns["name"]
        if column is not None:
            found.append(Problem(sheet.path, write.row.number, column.label, p.message))
        else:
            shown = p.file.relative_to(root) if p.file.is_relative_to(root) else p.file
            where = f"{shown}:{p.line}" if p.line else str(shown)
            field = f" [{p.field}]" if p.field else ""
            found.append(Problem(sheet.path, write.row.number, "", f"{where}{field}: {p.message}"))
    return found


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
