"""Text as the project checks and compares it: one Unicode spelling (NFC), characters a
reader cannot see, names as keys, and Vietnamese typed in the old 8-bit fonts (TCVN3, VNI)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .legacy_fonts import from_tcvn3, from_vni

# Line breaks and tabs are how text is written; every other control (Cc) or format (Cf)
# character is invisible, or reorders (bidi) or recolours (ESC) what a reader sees.
_ALLOWED_CONTROLS = {"\n", "\t"}
_ZWJ = "\u200d"  # joins emoji into one picture (👨‍👩‍👧): allowed between two symbols


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk") or char == "\ufe0f"


def hidden_characters(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of each invisible or control character in ``text``."""
    for index, char in enumerate(text):
        if char in _ALLOWED_CONTROLS or unicodedata.category(char) not in ("Cc", "Cf"):
            continue
        if char == _ZWJ and 0 < index < len(text) - 1:
            if _is_symbol(text[index - 1]) and _is_symbol(text[index + 1]):
                continue
        yield index, char


def describe(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: a character named so that a reader can find it."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()


def visible(text: str) -> str:
    """``text`` with every hidden character written as ``<U+202E>`` (and a byte of a file
    name that is not UTF-8 as ``<0xFF>``): safe to print on a terminal — no escape sequence,
    no reordering, nothing the terminal cannot encode — and showing what is there."""
    hidden = dict(hidden_characters(text))
    if not hidden and not _SURROGATE.search(text):
        return text
    shown = "".join(f"<U+{ord(c):04X}>" if i in hidden else c for i, c in enumerate(text))
    return _SURROGATE.sub(lambda m: f"<0x{ord(m.group(0)) - 0xDC00:02X}>", shown)


_SURROGATE = re.compile("[\udc80-\udcff]")


def nfc(text: str) -> str:
    """One spelling of every letter: "ế" typed as e + ̂ + ́ (NFD, as macOS and some phones
    write it) and as one character are the same text."""
    return unicodedata.normalize("NFC", text)


def name_key(name: str) -> str:
    """How two names are the same: one Unicode spelling, case and spacing ignored."""
    return " ".join(nfc(name).casefold().split())


# --- Vietnamese in legacy 8-bit fonts ---------------------------------------------------------

# The legacy fonts' tables live in legacy_fonts (the Word import converts with them too).
# Latin-1 characters that Vietnamese text never holds (its own letters aside), except a few
# symbols people do type (°, ², «», ·, ×…): the traces of a legacy font read as Latin-1.
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_TYPED_SYMBOLS = set("°²³«»·×©®½¼¾§")
_ODD = {chr(c) for c in range(0xA1, 0x100)} - _VIETNAMESE_LATIN1 - _TYPED_SYMBOLS
_WORD = re.compile(r"\S+")
# Worth a closer look: an odd Latin-1 character, or a VNI mark that Vietnamese never writes
# after that vowel ("Vaên" for Văn, "Nguyeãn" for Nguyễn; not "hoàn", "quý").
_SUSPECT = re.compile(
    "[" + re.escape("".join(sorted(_ODD))) + "]|[aeoAEO][âÂ]|[aA][êÊéÉèÈúÚüÜëËáÁàÀåÅãÃäÄ]|[eE][áÁàÀåÅãÃäÄ]"
)
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_VOWELS = re.compile("[aăâeêioôơuưy]+")
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
        count += sum(1 for group in _VOWELS.findall(plain) if group not in _NUCLEI)
    return count


def legacy_encoding(text: str) -> tuple[str, str] | None:
    """("TCVN3" or "VNI", the text as it was meant) when ``text`` looks typed in a legacy
    Vietnamese font: converting it removes (nearly) every oddity. None for Unicode text."""
    if not _SUSPECT.search(text):
        return None
    before = _oddities(text)
    if before < 2:
        return None
    # The reading that leaves the fewest oddities, if it removes (nearly) all of them.
    readings = [
        (name, fixed)
        for name, fixed in (("TCVN3", from_tcvn3(text)), ("VNI", from_vni(text)))
        if fixed != text
    ]
    scored = sorted((_oddities(fixed), index, name, fixed) for index, (name, fixed) in enumerate(readings))
    if scored and scored[0][0] * 4 <= before:
        return scored[0][2], scored[0][3]
    return None
