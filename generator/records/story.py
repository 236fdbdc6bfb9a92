"""A story's sections: the plan's three headings, what counts as one of them, and the
headings a rich-text editor wrote as escaped text turned back into headings."""

from __future__ import annotations

import re
import unicodedata

# The plan's story sections, each with the hint a new draft carries under it (intake.drafts):
# ``check`` warns about a story without one of the headings.
DRAFT_STORY_SECTIONS = (
    ("Cách làm", "Kể lại đã làm gì, làm thế nào, ai cùng làm, bắt đầu từ khi nào."),
    ("Kết quả", "Những con số và thay đổi cụ thể: thu nhập, số hộ, diện tích, thời gian…"),
    ("Bài học kinh nghiệm", "Điều gì giúp làm được; người khác muốn học theo cần lưu ý gì."),
)
STORY_SECTIONS = tuple(heading for heading, _ in DRAFT_STORY_SECTIONS)

_HEADING = re.compile(r"^ {0,3}(#{1,3})[ \t]+(.+?)[ \t#]*$")
# "## Cách làm" typed in Decap's rich-text mode is saved as text: "\## Cách làm" (Markdown's
# escape, so that it stays text), or "## \## Cách làm" when typed into a line that already is
# a heading. An officer who types it means a heading.
_ESCAPED_HEADING = re.compile(r"^( {0,3})(?:#{1,6}[ \t]+)?\\#((?:\\?#){0,5})[ \t]*(\S.*)$")
# A line of bold text only ("**Cách làm**"), the way a heading is made in Word.
_BOLD_LINE = re.compile(r"^ {0,3}(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def section_key(text: str) -> str:
    """A heading's words as compared with the plan's: NFC, case and a trailing colon ignored."""
    plain = unicodedata.normalize("NFC", text).replace("\\", "").strip().rstrip(":.").strip()
    return " ".join(plain.casefold().split())


_KEYS = {section_key(name): name for name in STORY_SECTIONS}


def story_sections(story: str) -> set[str]:
    """The plan's sections the story has as headings (levels 1 to 3)."""
    found = set()
    for line in _outside_code(story):
        heading = _HEADING.match(line)
        if heading and section_key(heading.group(2)) in _KEYS:
            found.add(_KEYS[section_key(heading.group(2))])
    return found


def _outside_code(story: str) -> list[str]:
    lines, fenced = [], False
    for line in story.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


def with_headings(story: str) -> str:
    """The story with escaped headings (``\\## Cách làm``) made headings again, and a line
    of bold text naming one of the plan's sections made that section's heading."""
    out, fenced = [], False
    for line in story.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            line = _heading_of(line)
        out.append(line)
    return "\n".join(out)


def _heading_of(line: str) -> str:
    escaped = _ESCAPED_HEADING.match(line)
    if escaped:
        level = 1 + escaped.group(2).count("#")
        return f"{escaped.group(1)}{'#' * level} {escaped.group(3).rstrip()}"
    bold = _BOLD_LINE.match(line)
    if bold and section_key(bold.group(1)) in _KEYS:
        return f"## {_KEYS[section_key(bold.group(1))]}"
    return line
