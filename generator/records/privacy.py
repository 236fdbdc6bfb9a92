"""Personal data that must not be published by accident (Vietnam's Decree 13/2023 on
personal data): phone numbers, citizen ID numbers and e-mail addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_PATTERNS = (
    ("email", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")),
    # 0xx… or +84…: 9–11 digits in all, single spaces, dots or dashes allowed between them.
    ("phone", re.compile(r"(?<![\w.,/])(?:\+84|0)(?:[ .-]?\d){8,10}(?![\w]|[.,/]\d)")),
    # CMND (9 digits) and CCCD (12 digits), written without separators.
    ("id_number", re.compile(r"(?<![\w.,/])(?:\d{12}|\d{9})(?![\w]|[.,/]\d)")),
)


_DIGIT_RUN = re.compile(r"\d[\d .-]{7}")


@dataclass(frozen=True)
class Finding:
    kind: str  # "email", "phone" or "id_number"
    text: str
    line_offset: int  # 0-based line within the scanned text


def find_personal_data(text: str, allowed: tuple[str, ...] = ()) -> Iterator[Finding]:
    """Things in ``text`` that look like personal contact or ID data, except ``allowed``."""
    if "@" not in text and not _DIGIT_RUN.search(text):
        return
    allowed_digits = {_digits(a) for a in allowed if _digits(a)}
    allowed_text = {a.strip().casefold() for a in allowed}
    claimed: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in claimed):
                continue
            claimed.append(match.span())
            value = match.group(0)
            if value.casefold() in allowed_text or (kind != "email" and _digits(value) in allowed_digits):
                continue
            yield Finding(kind, value, text.count("\n", 0, match.start()))


def _digits(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return "0" + digits[2:] if digits.startswith("84") and value.strip().startswith("+") else digits
