"""Text for the ear: what an announcer reads on the loudspeakers and what the site's "Nghe"
button speaks. Numbers, dates, percentages, ranges, units and money are written out as
spoken Vietnamese (the northern reading: "linh", "nghìn"), common abbreviations expanded,
brackets, links, pictures and tables left out, long sentences cut at their commas."""

from __future__ import annotations

import datetime as dt
import re

from ..records.model import Exemplar, Registry

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Abbreviations an announcer reads out in full (upper-case words only, whole words).
ABBREVIATIONS = {
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "MTTQ": "mặt trận tổ quốc",
    "HTX": "hợp tác xã",
    "THT": "tổ hợp tác",
    "CCB": "cựu chiến binh",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "NTM": "nông thôn mới",
    "KT-XH": "kinh tế - xã hội",
    "ATTP": "an toàn thực phẩm",
    "ANTT": "an ninh trật tự",
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "CNTT": "công nghệ thông tin",
    "TW": "trung ương",
    "VietGAP": "Việt Gáp",
    "OCOP": "Ô Cốp",
    "BCH": "ban chấp hành",
    "TP": "thành phố",
}
# Units after a number, as said.
UNITS = {
    "ha": "héc-ta",
    "m²": "mét vuông",
    "m2": "mét vuông",
    "m³": "mét khối",
    "m3": "mét khối",
    "km": "ki-lô-mét",
    "m": "mét",
    "cm": "xăng-ti-mét",
    "kg": "ki-lô-gam",
    "tạ": "tạ",
    "tấn": "tấn",
    "l": "lít",
    "đ": "đồng",
    "VNĐ": "đồng",
    "%": "phần trăm",
    "°C": "độ xê",
}
MONTHS = {1: "một", 4: "tư"}  # "tháng một", "tháng tư"; the others as numbers are read
# The words numbers, dates and ranges are said with (the northern reading).
WORDS = {
    "ten": "mười",
    "tens": "mươi",
    "five": "lăm",
    "one": "mốt",
    "four": "tư",
    "and_units": "linh",
    "hundred": "trăm",
    "thousand": "nghìn",
    "million": "triệu",
    "billion": "tỷ",
    "minus": "âm",
    "comma": "phẩy",
    "early_day": "mồng",
    "day": "ngày",
    "month": "tháng",
    "year": "năm",
    "from": "từ",
    "to": "đến",
    "hamlet": "xóm ",
    "field": "Lĩnh vực",
}
SYLLABLES_PER_MINUTE = 160  # a loudspeaker announcer's steady pace (slower than talk)


def _tens(number: int, inside: bool) -> str:
    """0–99; ``inside``: after hundreds (a lone unit then reads "linh …")."""
    tens, unit = divmod(number, 10)
    if tens == 0:
        if unit == 0:
            return ""
        return f"{WORDS['and_units']} {DIGITS[unit]}" if inside else DIGITS[unit]
    head = WORDS["ten"] if tens == 1 else f"{DIGITS[tens]} {WORDS['tens']}"
    if unit == 0:
        return head
    if unit == 5:
        word = WORDS["five"]
    elif unit == 1 and tens > 1:
        word = WORDS["one"]
    elif unit == 4 and tens > 1:
        word = WORDS["four"]
    else:
        word = DIGITS[unit]
    return f"{head} {word}"


def _hundreds(number: int, full: bool) -> str:
    """0–999; ``full``: inside a larger number, so "không trăm" is said."""
    hundreds, rest = divmod(number, 100)
    if hundreds == 0 and not full:
        return _tens(rest, inside=False)
    words = [f"{DIGITS[hundreds]} {WORDS['hundred']}"]
    if rest:
        words.append(_tens(rest, inside=True))
    return " ".join(words)


def number_words(number: int) -> str:
    """An integer as said: 2023 → "hai nghìn không trăm hai mươi ba", 105 → "một trăm linh
    năm", 1.050.000 → "một triệu không trăm năm mươi nghìn"."""
    if number < 0:
        return f"{WORDS['minus']} {number_words(-number)}"
    if number == 0:
        return DIGITS[0]
    if number >= BILLION:
        high, rest = divmod(number, BILLION)
        words = f"{number_words(high)} {WORDS['billion']}"
        return f"{words} {_below_a_billion(rest, full=True)}" if rest else words
    return _below_a_billion(number, full=False)


BILLION = 10**9


def _below_a_billion(number: int, full: bool) -> str:
    """Millions, thousands and units; a group after another reads its hundreds in full
    ("không trăm"), an empty group is not said."""
    words: list[str] = []
    for scale, size in ((WORDS["million"], 10**6), (WORDS["thousand"], 10**3), ("", 1)):
        group, number = divmod(number, size)
        if group == 0:
            continue
        words.append(_hundreds(group, full or bool(words)))
        if scale:
            words.append(scale)
    return " ".join(words)


def decimal_words(text: str) -> str:
    """A number as written in Vietnamese ("1.500", "1,5", "12,05"): thousands with dots,
    decimals after a comma ("một phẩy năm")."""
    whole, _, fraction = text.partition(",")
    words = number_words(int(whole.replace(".", "") or "0"))
    if fraction:
        # "12,05" → "mười hai phẩy không năm": leading zeros said one by one.
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction.lstrip("0")
        tail = " ".join([DIGITS[0]] * zeros + ([number_words(int(rest))] if rest else []))
        words += f" {WORDS['comma']} {tail}"
    return words


def date_words(day: int, month: int, year: int | None) -> str:
    """ "ngày hai mươi lăm tháng sáu năm hai nghìn không trăm hai mươi ba"."""
    said_day = f"{WORDS['early_day']} {number_words(day)}" if day <= 10 else number_words(day)
    said = f"{WORDS['day']} {said_day} {WORDS['month']} {MONTHS.get(month, number_words(month))}"
    return said + (f" {WORDS['year']} {number_words(year)}" if year is not None else "")


_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_DATE = re.compile(r"(?:\b([Nn]gày) )?\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\btháng (\d{1,2})/(\d{4})\b")
_RANGE = re.compile(rf"\b({_NUMBER})\s*[-–]\s*({_NUMBER})\b")
_UNIT_NAMES = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
_UNIT = re.compile(rf"(?<![\w,.])({_NUMBER})\s*({_UNIT_NAMES})(?![\w²³])")
_PLAIN_NUMBER = re.compile(rf"(?<![\w,.])({_NUMBER})(?![\w,]\d)")
_ABBREVIATION = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w-])"
)
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|<[^>]+>|`|\*+|_{2,}|~~")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]")


def _valid_date(day: int, month: int, year: int | None) -> bool:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def spoken(text: str) -> str:
    """One text as said aloud: dates, ranges, numbers with their units, abbreviations."""
    starts_upper = text[:1].isupper()

    def date(match: re.Match[str]) -> str:
        day, month = int(match.group(2)), int(match.group(3))
        year = int(match.group(4)) if match.group(4) else None
        if not _valid_date(day, month, year):
            return match.group(0)
        said = date_words(day, month, year)
        # "Ngày 25/6/2023" already says "ngày": kept as written (its capital too).
        return f"{match.group(1)}{said[len(WORDS['day']) :]}" if match.group(1) else said

    def month_year(match: re.Match[str]) -> str:
        month, year = int(match.group(1)), int(match.group(2))
        return (
            f"{WORDS['month']} {MONTHS.get(month, number_words(month))} {WORDS['year']} {number_words(year)}"
        )

    def between(match: re.Match[str]) -> str:
        low, high = decimal_words(match.group(1)), decimal_words(match.group(2))
        return f"{WORDS['from']} {low} {WORDS['to']} {high}"

    text = _BRACKETS.sub("", text)
    text = _MONTH_YEAR.sub(month_year, text)
    text = _DATE.sub(date, text)
    text = _RANGE.sub(between, text)
    text = _UNIT.sub(lambda m: f"{decimal_words(m.group(1))} {UNITS[m.group(2)]}", text)
    text = _PLAIN_NUMBER.sub(lambda m: decimal_words(m.group(1)), text)
    text = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] if starts_upper else text


def plain_sentences(markdown: str) -> list[str]:
    """The story's sentences, as read: headings, list items and table rows become sentences
    of their own; pictures, links' addresses, markup and tables' lines left out."""
    sentences: list[str] = []
    for block in re.split(r"\n\s*\n", markdown):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines or lines[0].lstrip().startswith("|"):
            continue  # a table: its figures are in the results already, and tables are not read
        text = _LINK.sub(r"\1", _MARKUP.sub("", block))
        for line in re.split(r"\n(?=\s*(?:[-*+]|\d+[.)]|#))", text):
            words = " ".join(line.replace("\n", " ").split()).lstrip("#>-*+ ").strip()
            words = re.sub(r"^\d+[.)]\s*", "", words)
            if not words:
                continue
            sentences += [s.strip() for s in re.split(r"(?<=[.!?;])\s+", words) if s.strip()]
    ended = [s if s[-1] in ".!?" else s.rstrip(";:,") + "." for s in sentences]
    return [s[:1].upper() + s[1:] for s in ended]


def syllables(text: str) -> int:
    """Vietnamese is written one syllable a word: the words are what is said."""
    return len(text.split())


def minutes(text: str, rate: int = SYLLABLES_PER_MINUTE) -> float:
    return syllables(text) / rate


def spoken_profile(exemplar: Exemplar, registry: Registry) -> str:
    """A profile told for the ear: who, where, in which field, the summary, then the story."""
    fields = registry.table("fields")
    places = registry.table("hamlets") | registry.table("organizations")
    place = places.get(exemplar.hamlet or "") or places.get(exemplar.organization or "")
    field = getattr(fields.get(exemplar.field), "name", "")
    opening = exemplar.name
    place_name = str(getattr(place, "name", ""))
    bare = place_name.split(" ", 1)[-1] if place_name.casefold().startswith(WORDS["hamlet"]) else place_name
    if place_name and bare.casefold() not in exemplar.name.casefold():
        opening += f", {place_name}"
    sentences = [f"{opening}.", f"{WORDS['field']} {field.lower()}." if field else ""]
    if exemplar.summary:
        sentences += plain_sentences(exemplar.summary)
    sentences += plain_sentences(exemplar.story)
    return " ".join(spoken(s) for s in sentences if s)
