"""The fonts the tool draws and prints with: whole font files from Debian's packages, found
at run time, embedded or drawn from their files, never fetched. Booklets and share cards use
Noto (fonts-noto-core), else DejaVu (fonts-dejavu-core): both cover every Vietnamese letter.
Official papers use Liberation Serif (fonts-liberation2), which has Times New Roman's
metrics (Nghị định 30/2020/NĐ-CP names Times New Roman, which Debian does not ship)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

TRUETYPE = Path("/usr/share/fonts/truetype")
NOTO = TRUETYPE / "noto"
DEJAVU = TRUETYPE / "dejavu"
LIBERATION = (TRUETYPE / "liberation2", TRUETYPE / "liberation")

# The CSS weight and slant of each style a typeface may have.
STYLES = {
    "regular": (400, "normal"),
    "bold": (700, "normal"),
    "italic": (400, "italic"),
    "bolditalic": (700, "italic"),
}


@dataclass(frozen=True)
class Faces:
    """The installed files of one typeface, by style."""

    family: str
    files: Mapping[str, Path]

    def css(self) -> str:
        """``@font-face`` rules naming the files (WeasyPrint embeds them in the PDF)."""
        return "\n".join(
            f'@font-face {{ font-family: "{self.family}"; src: url("{path.resolve().as_uri()}");'
            f" font-weight: {STYLES[style][0]}; font-style: {STYLES[style][1]}; }}"
            for style, path in self.files.items()
        )


@dataclass(frozen=True)
class Typeface:
    """A typeface as whole files: for each style, the files that can draw it, preferred first.
    ``family`` is the name the theme's stylesheets use for it."""

    family: str
    files: Mapping[str, tuple[Path, ...]]

    def find(self, needed: Collection[str] = ("regular",)) -> Faces | None:
        """The first installed file of each style; None when a ``needed`` style has none."""
        found = {}
        for style, candidates in self.files.items():
            installed = next((path for path in candidates if path.is_file()), None)
            if installed is not None:
                found[style] = installed
        if any(style not in found for style in needed):
            return None
        return Faces(self.family, found)


SERIF = Typeface(
    "DH Serif",
    {
        "regular": (NOTO / "NotoSerif-Regular.ttf", DEJAVU / "DejaVuSerif.ttf"),
        "bold": (NOTO / "NotoSerif-Bold.ttf", DEJAVU / "DejaVuSerif-Bold.ttf"),
        "italic": (NOTO / "NotoSerif-Italic.ttf", DEJAVU / "DejaVuSerif-Italic.ttf"),
        "bolditalic": (NOTO / "NotoSerif-BoldItalic.ttf", DEJAVU / "DejaVuSerif-BoldItalic.ttf"),
    },
)
SANS = Typeface(
    "DH Sans",
    {
        "regular": (NOTO / "NotoSans-Regular.ttf", DEJAVU / "DejaVuSans.ttf"),
        "bold": (NOTO / "NotoSans-Bold.ttf", DEJAVU / "DejaVuSans-Bold.ttf"),
        "italic": (NOTO / "NotoSans-Italic.ttf", DEJAVU / "DejaVuSans-Oblique.ttf"),
        "bolditalic": (NOTO / "NotoSans-BoldItalic.ttf", DEJAVU / "DejaVuSans-BoldOblique.ttf"),
    },
)
OFFICIAL_SERIF = Typeface(
    "DH Times",
    {
        "regular": tuple(folder / "LiberationSerif-Regular.ttf" for folder in LIBERATION),
        "bold": tuple(folder / "LiberationSerif-Bold.ttf" for folder in LIBERATION),
        "italic": tuple(folder / "LiberationSerif-Italic.ttf" for folder in LIBERATION),
        "bolditalic": tuple(folder / "LiberationSerif-BoldItalic.ttf" for folder in LIBERATION),
    },
)
# Faces Pango falls back to, through fontconfig, for what the booklet's own fonts lack:
# symbols and emoji drawn in black and white (Debian fonts-symbola, fonts-noto-core, DejaVu).
FALLBACK = (
    TRUETYPE / "ancient-scripts" / "Symbola_hint.ttf",
    NOTO / "NotoSansSymbols2-Regular.ttf",
    NOTO / "NotoSansSymbols-Regular.ttf",
    NOTO / "NotoSansMath-Regular.ttf",
    DEJAVU / "DejaVuSans.ttf",
)
