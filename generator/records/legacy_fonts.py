"""Vietnamese text typed with the legacy 8-bit font encodings still found in old office files,
converted to Unicode: TCVN3 (ABC; fonts “.VnTime”, “.VnArial”…, and their capital-letter
twins “.VnTimeH”…) and VNI (fonts “VNI-Times”…). Word keeps such text as the Latin-1
characters of its bytes (“§iÓn h×nh” for “Điển hình”), so the tables map those characters.

Table-driven: TCVN3 is one character per letter; VNI writes a base letter followed by a
mark character, composed here with Unicode's combining marks and NFC."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class Encoding(StrEnum):
    tcvn3 = "TCVN3"
    vni = "VNI"


# TCVN 5712:1993 (VN3): Latin-1 character of the byte → the letter it stands for.
TCVN3 = {
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
    "¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\xad": "ư", "®": "đ",
    "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ",
    "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ", "Æ": "ặ",
    "Ç": "ầ", "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ",
    "Ì": "è", "Î": "ẻ", "Ï": "ẽ", "Ð": "é", "Ñ": "ẹ",
    "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ",
    "×": "ì", "Ø": "ỉ", "Ü": "ĩ", "Ý": "í", "Þ": "ị",
    "ß": "ò", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ",
    "å": "ồ", "æ": "ổ", "ç": "ỗ", "è": "ố", "é": "ộ",
    "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ",
    "ï": "ù", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ",
    "õ": "ừ", "ö": "ử", "÷": "ữ", "ø": "ứ", "ù": "ự",
    "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ",
}  # fmt: skip

# VNI Windows: letters of their own…
VNI_LETTERS = {"ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
               "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ",
               "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ"}  # fmt: skip
# …and marks written after a vowel: the combining marks they add.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
VNI_MARKS = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRCUMFLEX, "ê": _BREVE,
    "á": _CIRCUMFLEX + _ACUTE, "à": _CIRCUMFLEX + _GRAVE, "å": _CIRCUMFLEX + _HOOK,
    "ã": _CIRCUMFLEX + _TILDE, "ä": _CIRCUMFLEX + _DOT,
    "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK, "ü": _BREVE + _TILDE,
    "ë": _BREVE + _DOT,
}  # fmt: skip
VNI_MARKS.update({mark.upper(): combining for mark, combining in list(VNI_MARKS.items())})
_VOWELS = set("aeiouyAEIOUYơưƠƯ")


def encoding_of_font(font: str | None) -> tuple[Encoding, bool] | None:
    """(encoding, capitals-only font) for a legacy font's name, e.g. ``.VnTimeH`` → TCVN3, True."""
    if not font:
        return None
    name = font.strip()
    if name.startswith(".Vn"):
        return Encoding.tcvn3, name.endswith("H")
    if re.match(r"^VNI[- ]", name, re.IGNORECASE):
        return Encoding.vni, False
    return None


def from_tcvn3(text: str, capitals: bool = False) -> str:
    converted = "".join(TCVN3.get(char, char) for char in text)
    return converted.upper() if capitals else converted


def from_vni(text: str) -> str:
    out: list[str] = []
    for char in text:
        if char in VNI_MARKS and out and unicodedata.normalize("NFD", out[-1])[0] in _VOWELS | {"ơ", "ư"}:
            out[-1] = unicodedata.normalize("NFC", out[-1] + VNI_MARKS[char])
        else:
            out.append(VNI_LETTERS.get(char, char))
    return unicodedata.normalize("NFC", "".join(out))


def convert(text: str, encoding: Encoding, capitals: bool = False) -> str:
    return from_tcvn3(text, capitals) if encoding is Encoding.tcvn3 else from_vni(text)


# Letters only Unicode Vietnamese has (outside Latin-1): such text is already Unicode.
_UNICODE_VIETNAMESE = re.compile(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_AFTER_VOWEL = _VOWELS | set("ôöÔÖ")
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def guess(text: str) -> Encoding | None:
    """A legacy encoding that text written without a legacy font still shows (pasted from an
    old file), when the signs are clear; None when the text reads as Unicode.

    Both encodings fill text with Latin-1 letters. VNI writes each mark *after* its vowel
    (“tieán”), TCVN3 writes the marked vowel itself, often between consonants (“h×nh”)."""
    if _UNICODE_VIETNAMESE.search(text):
        return None
    # Unicode Vietnamese uses these Latin-1 letters too (“Cách làm”): they prove nothing.
    if sum(1 for char in text if "\x80" <= char <= "\xff" and char not in _VIETNAMESE_LATIN1) < 2:
        return None
    signs = [i for i, char in enumerate(text) if "\x80" <= char <= "\xff" and char not in VNI_LETTERS]
    if not signs:
        return Encoding.vni
    after_vowel = sum(1 for i in signs if i > 0 and text[i - 1] in _AFTER_VOWEL)
    return Encoding.vni if after_vowel / len(signs) >= 0.9 else Encoding.tcvn3
