"""Personal data that must not be published by accident (Vietnam's Decree 13/2023 on
personal data): phone numbers, citizen ID numbers and e-mail addresses.

Text is normalised once (:func:`normalize_for_matching`) before any pattern looks at it, so
the many ways people write a number — "(0912) 345 678", "0912–345–678", "+84 (0) 912 …",
"ĐT0912345678", full-width digits, digits split by zero-width spaces — are one spelling."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# Between two digits of a number: spaces, and at most one dot or dash.
_SEP = r"[ \t]*[.-]?[ \t]*"
_BEFORE = r"(?<![\w.,/+-])"
_AFTER = r"(?!\w|[.,/-]\d)"
_PATTERNS = (
    ("email", re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")),
    # CCCD (12 digits, starting with a province code 0xx) in groups of 4 or 3: before phone
    # numbers, whose 9–11 digits would take its first groups.
    (
        "id_number",
        re.compile(
            rf"{_BEFORE}(?:0\d{{3}}[ -]\d{{4}}[ -]\d{{4}}|0\d{{2}}[ -]\d{{3}}[ -]\d{{3}}[ -]\d{{3}}){_AFTER}"
        ),
    ),
    # 0xx…, +84… or 84…: 9–11 digits in all.
    ("phone", re.compile(rf"{_BEFORE}(?:(?:\+84{_SEP}|0)(?:{_SEP}\d){{8,10}}|84(?:{_SEP}\d){{9}}){_AFTER}")),
    # CCCD (12 digits) and CMND (9 digits) written without separators.
    ("id_number", re.compile(rf"{_BEFORE}(?:\d{{12}}|\d{{9}}){_AFTER}")),
)

# Format characters (Cf: zero-width spaces and joiners, bidi controls, soft hyphens…) go;
# every dash becomes "-". Format characters lie in planes 0, 1 and 14 only (2 and 3 hold
# ideographs, 15 and 16 private use, the others nothing): scanning those three takes 10 ms at
# start-up, all of Unicode 85 ms (tests/test_leaks.py compares the two).
_PLANES_WITH_FORMAT = (range(0x20000), range(0xE0000, 0xF0000))
_FORMAT_AND_DASHES: dict[int, str | None] = {
    c: None for plane in _PLANES_WITH_FORMAT for c in plane if unicodedata.category(chr(c)) == "Cf"
} | dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
# "ĐT0912…", "SĐT:0912…", "Tel.+84…": a label glued to the number.
_PHONE_LABEL = re.compile(
    r"(?i)(?<![^\W\d_])(s?\u0111t(?:d\u0111)?|s?dt(?:dd)?|d\u0111|tel|phone|mobile|hotline|zalo)([:.]?)(?=[+(]?\d)"
)
# "(0912) 345 678", "+84 (0) 912 345 678": brackets around digits are separators.
_BRACKETED = re.compile(r"\((\+?\d{1,4})\)")


def normalize_for_matching(text: str) -> str:
    """One spelling for personal-data matching: NFKC (full-width digits and @, no-break
    spaces), no invisible characters, one kind of dash, labels and brackets around numbers
    as separators. Line breaks stay where they were (findings keep their line)."""
    text = unicodedata.normalize("NFKC", text).translate(_FORMAT_AND_DASHES)
    text = _PHONE_LABEL.sub(r"\1\2 ", text)
    return _BRACKETED.sub(r"\1", text)


# Worth normalising at all: an "@", or eight digits with little between them (a number
# however it is written). Most text has neither, and is done with in one scan.
_LOOKS_POSSIBLE = re.compile(r"[@\uff20]|\d(?:\D{0,3}\d){7}")


@dataclass(frozen=True)
class Finding:
    kind: str  # "email", "phone" or "id_number"
    text: str
    line_offset: int  # 0-based line within the scanned text


def find_personal_data(text: str, allowed: tuple[str, ...] = ()) -> Iterator[Finding]:
    """Things in ``text`` that look like personal contact or ID data, except ``allowed``."""
    if not _LOOKS_POSSIBLE.search(text):
        return
    text = normalize_for_matching(text)
    allowed_norm = [normalize_for_matching(a) for a in allowed]
    allowed_digits = {_digits(a) for a in allowed_norm if _digits(a)}
    allowed_text = {a.strip().casefold() for a in allowed_norm}
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
    """A number's digits as dialled inside Vietnam: +84 912…, 84 912… and 0912… alike."""
    digits = re.sub(r"\D", "", value)
    if digits.startswith("84") and (value.strip().startswith("+") or len(digits) == 11):
        rest = digits[2:]
        return rest if rest.startswith("0") else "0" + rest
    return digits


# In a folder or file name "-", " " and "." part words; "_" too after a letter ("anh_0912…"),
# not after a digit: a camera's "PXL_20230512_093412123" is a moment, not a phone number.
_NAME_SEPARATORS = re.compile(r"[-.\s]+|(?<=[^\W\d_])_")


def find_personal_data_in_name(name: str) -> Iterator[Finding]:
    """Phone and ID numbers, e-mails in a folder's or a file's name (its extension left out):
    published in addresses, JSON, CSV, the sitemap and image names like any text."""
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    yield from (f for f in find_personal_data(stem) if f.kind == "email")
    yield from find_personal_data(_NAME_SEPARATORS.sub(" ", stem))
