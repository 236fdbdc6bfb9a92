"""An official document (document.py) as a PDF, laid out by WeasyPrint from
the theme's ``report/van-ban.html.j2`` and ``van-ban.css`` (a commune's overrides first).

Nghị định 30/2020/NĐ-CP names Times New Roman, which Debian does not ship; Liberation Serif
(fonts-liberation2) has the same metrics, so lines and pages break where Word breaks them.
The fonts are read from their files (fonts.py; no system lookup), and nothing but those
files and the template folder can be fetched."""

from __future__ import annotations

from pathlib import Path

from ..files import write_atomically
from ..fonts import OFFICIAL_SERIF, STYLES
from ..messages import papers as msg
from ..rendering import environment
from ..theme_files import Theme
from .booklet import _local_fetcher, _weasyprint_warnings
from .document import MARGINS_MM, SIZES, DocHeading, DocParagraph, DocTable, OfficialDocument

TEMPLATE = "van-ban.html.j2"
STYLESHEET = "van-ban.css"


class PdfFailed(Exception):
    """The PDF could not be made; the message is Vietnamese."""


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


def _size_variables() -> str:
    """The type sizes of document.py (each with its source in the decree) as CSS variables:
    ``--size-issuer``, ``--size-recipients-title``…"""
    sizes = " ".join(f"--size-{key.replace('_', '-')}: {size.pt:g}pt;" for key, size in SIZES.items())
    # --body and --header: the names a commune's copy of van-ban.css from before may use.
    legacy = f"--body: {SIZES['body'].pt:g}pt; --header: {SIZES['issuer'].pt:g}pt;"
    return f":root {{ {sizes} {legacy} }}\n"


def render_pdf(document: OfficialDocument, theme: Theme) -> bytes:
    """The document as PDF bytes; raises PdfFailed with a Vietnamese message."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = OFFICIAL_SERIF.find(needed=STYLES)
    if fonts is None:
        raise PdfFailed(msg.REPORT_PDF_FONT_MISSING)
    fetcher = _local_fetcher([*theme.folders("report"), *{p.resolve().parent for p in fonts.files.values()}])
    width, height = ("297mm", "210mm") if document.landscape else ("210mm", "297mm")
    page = (
        f"@page {{ size: {width} {height}; margin: {MARGINS_MM['top']}mm {MARGINS_MM['right']}mm"
        f" {MARGINS_MM['bottom']}mm {MARGINS_MM['left']}mm; }}\n" + _size_variables()
    )
    config = FontConfiguration()
    with _weasyprint_warnings() as caught:
        sheets = [
            CSS(string=fonts.css(), font_config=config, url_fetcher=fetcher),
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
