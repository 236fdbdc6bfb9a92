"""Problems: user mistakes as values, collected in one pass and reported together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from ..messages import common as msg
from ..messages import intake as intake_msg
from ..text import visible

if TYPE_CHECKING:  # only named here: problems stay importable without Jinja
    from ..rendering import TemplateFailed


class Severity(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where it is and what to do, in Vietnamese."""

    file: Path
    line: int
    field: str
    message: str
    severity: Severity = Severity.error

    def format(self, root: Path | None = None, *, sheet: bool = False) -> str:
        """``file:line: LỖI [field]: message``, the file relative to ``root`` when inside it.
        A spreadsheet's problem names its row and column instead, as its user sees them:
        ``dang-ky.xlsx: dòng 5, cột C “lĩnh vực”: LỖI: message``."""
        # Whatever a message quotes, a terminal never receives a control or bidi character.
        return visible(self._format(root, sheet))

    def _format(self, root: Path | None, sheet: bool) -> str:
        label = msg.ERROR if self.severity is Severity.error else msg.WARNING
        if sheet:
            return f"{intake_msg.sheet_place(self.file.name, self.line, self.field)}: {label}: {self.message}"
        shown = self.file
        if root is not None:
            # The folder resolved, not the file: a link is named where it stands.
            folder = self.file.parent.resolve() / self.file.name
            for candidate in (folder, self.file.resolve()):
                try:
                    shown = candidate.relative_to(root.resolve())
                    break
                except ValueError:
                    continue
        where = f"{shown}:{self.line}" if self.line else str(shown)
        field = f" [{self.field}]" if self.field else ""
        return f"{where}: {label}{field}: {self.message}"


def template_problem(failed: TemplateFailed) -> Problem:
    """A template that could not be rendered (a commune's override with a mistake), as a
    Problem naming its file and line."""
    return Problem(Path(failed.file), failed.line, "", failed.reason)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, then line, then field (errors before warnings on the same line)."""
    return sorted(problems, key=lambda p: (str(p.file), p.line, p.severity != Severity.error, p.field))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity is Severity.error for p in problems)
