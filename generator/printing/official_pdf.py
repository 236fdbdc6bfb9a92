"""An official document (document.py) as a PDF, laid out by WeasyPrint from
the theme's ``report/van-ban.html.j2`` and ``van-ban.css`` (a commune's overrides first).

Nghị định 30/2020/NĐ-CP names Times New Roman, which Debian does not ship; Liberation Serif
(fonts-liberation2) has the same metrics, so lines and pages break where Word breaks them.
The fonts are read from their files (no system lookup), and nothing but those files and the
template folder can be fetched."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..files import write_atomically
from ..messages import papers as msg
from ..rendering import environment
from ..theme_files import Theme
from .booklet import _local_fetcher, _weasyprint_warnings
from .document import BODY_PT, HEADER_PT, MARGINS_MM, DocHeading, DocParagraph, DocTable, OfficialDocument

TEMPLATE = "van-ban.html.j2"
STYLESHEET = "van-ban.css"
FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"))
FONT_FILES = {
    (400, "normal"): "LiberationSerif-Regular.ttf",
    (700, "normal"): "LiberationSerif-Bold.ttf",
    (400, "italic"): "LiberationSerif-Italic.ttf",
    (700, "italic"): "LiberationSerif-BoldItalic.ttf",
}


class PdfFailed(Exception):
    """The PDF could not be made; the message is Vietnamese."""


def find_fonts(font_dirs: tuple[Path, ...] = FONT_DIRS) -> dict[tuple[int, str], Path] | None:
    """Each face of Liberation Serif, or None when one is missing."""
    found = {}
    for face, name in FONT_FILES.items():
        candidates = [d / name for d in font_dirs if (d / name).is_file()]
        if not candidates:
            return None
        found[face] = candidates[0]
    return found


def _font_css(fonts: Mapping[tuple[int, str], Path]) -> str:
    return "\n".join(
        f'@font-face {{ font-family: "DH Times"; src: url("{path.resolve().as_uri()}");'
        f" font-weight: {weight}; font-style: {style}; }}"
        for (weight, style), path in fonts.items()
    )


def document_html(document: OfficialDocument, theme: Theme) -> str:
    env = environment(theme.folders("report"))
    return env.get_template(TEMPLATE).render(
        doc=document,
        national=msg.DOC_NATIONAL,
        motto=msg.DOC_MOTTO,
        recipients_title=msg.DOC_RECIPIENTS,
        is_heading=lambda part: isinstance(part, DocHeading),
        is_paragraph=lambda part: isinstance(part, DocParagraph),
        is_table=lambda part: isinstance(part, DocTable),
    )


def render_pdf(document: OfficialDocument, theme: Theme) -> bytes:
    """The document as PDF bytes; raises PdfFailed with a Vietnamese message."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = find_fonts()
    if fonts is None:
        raise PdfFailed(msg.REPORT_PDF_FONT_MISSING)
    fetcher = _local_fetcher([*theme.folders("report"), *{p.resolve().parent for p in fonts.values()}])
    width, height = ("297mm", "210mm") if document.landscape else ("210mm", "297mm")
    page = (
        f"@page {{ size: {width} {height}; margin: {MARGINS_MM['top']}mm {MARGINS_MM['right']}mm"
        f" {MARGINS_MM['bottom']}mm {MARGINS_MM['left']}mm; }}\n"
        f":root {{ --body: {BODY_PT}pt; --header: {HEADER_PT}pt; }}\n"
    )
    config = FontConfiguration()
    with _weasyprint_warnings() as caught:
        sheets = [
            CSS(string=_font_css(fonts), font_config=config, url_fetcher=fetcher),
            CSS(filename=str(theme.find(f"report/{STYLESHEET}")), font_config=config),
            CSS(string=page, font_config=config),
        ]
        html = HTML(
            string=document_html(document, theme),
            base_url=str(theme.find(f"report/{TEMPLATE}")),
            url_fetcher=fetcher,
        )
        pdf = html.render(stylesheets=sheets, font_config=config).write_pdf()
    if caught.messages:
        raise PdfFailed(msg.REPORT_PDF_FAILED.format(detail="; ".join(caught.messages)))
    assert pdf is not None
    return bytes(pdf)


def write_pdf(document: OfficialDocument, theme: Theme, path: Path) -> None:
    write_atomically(path, render_pdf(document, theme))
