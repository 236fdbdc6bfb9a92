"""Text as the project checks and compares it: one Unicode spelling (NFC), characters a
reader cannot see, names as keys. (Vietnamese typed in the old 8-bit fonts: records.legacy_fonts.)"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterator

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


def pack(text: str) -> bytes:
    """Text held compressed while it waits (zlib at its fastest level: Vietnamese Markdown and
    HTML shrink to about a quarter, at about 100 MB/s)."""
    return zlib.compress(text.encode("utf-8"), 1)


def unpack(packed: bytes) -> str:
    """The text ``pack`` kept."""
    return zlib.decompress(packed).decode("utf-8")
