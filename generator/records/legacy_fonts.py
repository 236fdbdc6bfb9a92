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
    """The legacy encoding a whole paragraph written without a legacy font still shows
    (pasted from an old file), when the signs are clear; None when it reads as Unicode. One
    symbol (“×”, “µ”, “ñ”), however often, is no evidence: see ``legacy_encoding``."""
    found = legacy_encoding(text)
    return Encoding(found[0]) if found else None


# --- Text pasted from a legacy font, without the font -----------------------------------------

# Latin-1 characters that Vietnamese text never holds (its own letters aside), except a few
# symbols people do type (°, ², «», ·, ×…): the traces of a legacy font read as Latin-1.
_TYPED_SYMBOLS = set("°²³«»·×©®½¼¾§")
_ODD = {chr(c) for c in range(0xA1, 0x100)} - _VIETNAMESE_LATIN1 - _TYPED_SYMBOLS
_WORD = re.compile(r"\S+")
# Worth a closer look: an odd Latin-1 character, or a VNI mark that Vietnamese never writes
# after that vowel ("Vaên" for Văn, "Nguyeãn" for Nguyễn; not "hoàn", "quý").
_SUSPECT = re.compile(
    "[" + re.escape("".join(sorted(_ODD))) + "]|[aeoAEO][âÂ]|[aA][êÊéÉèÈúÚüÜëËáÁàÀåÅãÃäÄ]|[eE][áÁàÀåÅãÃäÄ]"
)
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_VOWEL_GROUPS = re.compile("[aăâeêioôơuưy]+")
# Vowel groups of Vietnamese syllables (tone marks aside).
_NUCLEI = set(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ"
    " uy ưa ưi ưu ươ yê iêu oai oao oay oeo uai uay uây uêu uôi uya uyê uyu ươi ươu yêu".split()
)


def _oddities(text: str) -> int:
    """How far ``text`` is from Vietnamese: odd Latin-1 characters, capitals inside a word,
    and vowel groups no Vietnamese syllable has."""
    count = sum(1 for c in text if c in _ODD)
    for word in _WORD.findall(text):
        count += sum(1 for a, b in zip(word, word[1:], strict=False) if a.islower() and b.isupper())
        plain = unicodedata.normalize(
            "NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS)
        )
        count += sum(1 for group in _VOWEL_GROUPS.findall(plain) if group not in _NUCLEI)
    return count


def legacy_encoding(text: str) -> tuple[str, str] | None:
    """("TCVN3" or "VNI", the text as it was meant) when ``text`` looks typed in a legacy
    Vietnamese font: converting it removes (nearly) every oddity. None for Unicode text."""
    if not _SUSPECT.search(text):
        return None
    before = _oddities(text)
    # Signs of two kinds at least: "µm … µm" or "Peña Muñoz" repeat one symbol and are no
    # evidence; a second odd character, a capital inside a word or a vowel group Vietnamese
    # does not have is.
    odd = [c for c in text if c in _ODD]
    if before < 2 or (len(set(odd)) < 2 and before - len(odd) < 1):
        return None
    # The reading that leaves the fewest oddities, if it removes (nearly) all of them.
    readings = [
        (name, fixed)
        for name, fixed in (("TCVN3", from_tcvn3(text)), ("VNI", from_vni(text)))
        if fixed != text
    ]
    scored = sorted((_oddities(fixed), index, name, fixed) for index, (name, fixed) in enumerate(readings))
    # The reading must be Vietnamese: letters only Vietnamese has (ă, đ, ơ, ư, ạ…ỹ).
    if scored and scored[0][0] * 4 <= before and _UNICODE_VIETNAMESE.search(scored[0][3]):
        return scored[0][2], scored[0][3]
    return None
