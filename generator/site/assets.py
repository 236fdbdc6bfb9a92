"""Our stylesheet and scripts as the site publishes them: each under a name carrying a hash
of its content (``assets/dienhinh.1a2b3c4d.css``), so a web server lets browsers keep them
for a year and a changed file simply gets a new name; the stylesheet ends with the fields'
colours from the registry, as classes (no ``style`` attribute in any page, so the
Content-Security-Policy needs no 'unsafe-inline')."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from ..theme_files import MATERIAL, Theme

STYLESHEET = "assets/dienhinh.css"
GALLERY_SCRIPT = "assets/dienhinh-gallery.js"
SEARCH_SCRIPT = "assets/dienhinh-search.js"  # only the search page loads it
THEME_SCRIPT = "assets/dienhinh-theme.js"  # the theme's inline helpers, from a file (head)
PROFILE_SCRIPT = "assets/dienhinh-profile.js"  # a profile's "Nghe" and "Chia sẻ" buttons
NAMES = (STYLESHEET, GALLERY_SCRIPT, SEARCH_SCRIPT, THEME_SCRIPT, PROFILE_SCRIPT)
# The scripts every page of a commune's site loads (after its content).
PAGE_SCRIPTS = (GALLERY_SCRIPT, PROFILE_SCRIPT)


@dataclass(frozen=True)
class Asset:
    name: str  # where it lives in the theme's material folder: assets/dienhinh.css
    path: str  # where the site publishes it: assets/dienhinh.1a2b3c4d.css
    content: bytes


def fingerprinted(name: str, content: bytes) -> str:
    """``assets/x.css`` → ``assets/x.<8 hex digits of its SHA-256>.css``."""
    stem, _, suffix = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}.{suffix}"


class Coloured(Protocol):
    """A field as a registry or a commune's open data names it: its code and colour."""

    @property
    def code(self) -> str: ...

    @property
    def color(self) -> str: ...


def field_classes(fields: Iterable[Coloured]) -> str:
    """One class per field setting the colour its cards, badges and banners use."""
    return "".join(f".dh-field--{f.code} {{ --dh-field-color: {f.color}; }}\n" for f in fields)


def site_assets(theme: Theme, fields: Iterable[Coloured]) -> list[Asset]:
    """Every asset of ours with its published name and content (a commune's override first)."""
    assets = []
    for name in NAMES:
        content = theme.find(f"{MATERIAL}/{name}").read_bytes()
        if name == STYLESHEET:
            rules = field_classes(fields)
            content += f"\n/* Fields' colours, from the registry */\n{rules}".encode()
        assets.append(Asset(name, fingerprinted(name, content), content))
    return assets


def unfingerprinted() -> dict[str, str]:
    """Names for the theme when there is no build (a preview whose files have errors): the
    theme folder's own copies, served as they are."""
    return {name: name for name in NAMES}
