"""Notice-board posters: one exemplar on one page (A4 or A3), for the board of a hamlet's
cultural house. Laid out by WeasyPrint from the theme's ``poster`` folder, with the
booklet's fonts, fetcher and QR codes; every text is cut to the room its box has, so the
poster is one page whatever the length of the story (and a poster that still runs over is
not written)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..messages import common as common_msg
from ..messages import poster as msg
from ..records.catalog import Catalog
from ..records.model import Exemplar, Registry
from ..records.problems import Problem, template_problem
from ..records.settings import Settings
from ..rendering import TemplateFailed, environment, number_vi
from ..site.media import ProfileMedia, media_for
from ..theme_files import Theme
from .booklet import (
    BookletPhoto,
    _local_fetcher,
    _qr_data_uri,
    _weasyprint_warnings,
    booklet_fonts,
    print_stylesheets,
    printed_photos,
    profile_url,
    write_booklet,
)
from .spoken import plain_sentences

PAGE_SIZES = ("A4", "A3")
# One type scale for both: A3 is A4 enlarged by √2, so every length (in rem) grows with it.
_FONT_SIZES = {"A4": "12pt", "A3": "17pt"}
_MARGINS = {"A4": "12mm", "A3": "17mm"}
TEMPLATE = "poster.html.j2"
STYLESHEET = "poster.css"

RESULTS = 3  # key results a poster shows
# Characters each text may take on the poster (cut at a word, with "…"): what its box holds.
NAME_CHARS = 110
QUOTE_CHARS = 240
LABEL_CHARS = 40
UNIT_CHARS = 24
PLACE_CHARS = 90


@dataclass(frozen=True)
class KeyResult:
    label: str
    value: str  # as Vietnamese writes numbers: 1.234,5
    unit: str


@dataclass(frozen=True)
class Poster:
    """What one poster prints, every text already cut to its box."""

    exemplar: Exemplar
    name: str
    name_size: str  # "large", "medium" or "small": a longer name is set smaller
    kind: str
    field: str
    place: str
    results: tuple[KeyResult, ...]
    results_year: int | None
    quote: str
    quoted: bool  # a quotation from the story (else the summary)
    url: str
    photo: BookletPhoto | None


@dataclass(frozen=True)
class RenderedPoster:
    pdf: bytes
    pages: int


def shortened(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"


def key_results(exemplar: Exemplar, registry: Registry) -> tuple[tuple[KeyResult, ...], int | None]:
    """The first three figures (in the registry's order) of the latest evaluation that has
    figures, with the registry's labels and units; and that evaluation's year."""
    measured = [ev for ev in exemplar.evaluations if ev.figures]
    if not measured:
        return (), None
    latest = max(measured, key=lambda ev: ev.year)
    chosen = [f for f in registry.figures if f.code in latest.figures][:RESULTS]
    return (
        tuple(
            KeyResult(
                shortened(f.label, LABEL_CHARS),
                number_vi(latest.figures[f.code]),
                shortened(f.unit, UNIT_CHARS),
            )
            for f in chosen
        ),
        latest.year,
    )


def quotation(story: str) -> str:
    """The first quotation (a ``>`` block) of the story, as plain text; "" when none."""
    block: list[str] = []
    for line in story.split("\n"):
        if line.lstrip().startswith(">"):
            block.append(line.lstrip()[1:])
        elif block:
            break
    return " ".join(plain_sentences("\n".join(block))) if block else ""


def _name_size(name: str) -> str:
    return "large" if len(name) <= 30 else "medium" if len(name) <= 60 else "small"


def make_poster_values(
    exemplar: Exemplar, registry: Registry, site_url: str, photo: BookletPhoto | None
) -> Poster:
    """The poster of one exemplar (its cover photo, when it may be printed, given)."""
    places = registry.table("hamlets") | registry.table("organizations")
    place = places.get(exemplar.hamlet or "") or places.get(exemplar.organization or "")
    fields = registry.table("fields")
    field = getattr(fields.get(exemplar.field), "name", exemplar.field)
    quoted = quotation(exemplar.story)
    results, year = key_results(exemplar, registry)
    name = shortened(exemplar.name, NAME_CHARS)
    return Poster(
        exemplar=exemplar,
        name=name,
        name_size=_name_size(name),
        kind=common_msg.KIND_NAMES[exemplar.kind.value],
        field=shortened(str(field), PLACE_CHARS),
        place=shortened(str(getattr(place, "name", "")), PLACE_CHARS),
        results=results,
        results_year=year,
        quote=shortened(quoted or exemplar.summary, QUOTE_CHARS),
        quoted=bool(quoted),
        url=profile_url(site_url, exemplar.slug),
        photo=photo,
    )


def poster_html(poster: Poster, registry: Registry, theme: Theme) -> str:
    env = environment(theme.folders("poster"))
    return env.get_template(TEMPLATE).render(
        poster=poster, commune=registry.commune, qr_code=_qr_data_uri(poster.url)
    )


def render_poster(
    poster: Poster, registry: Registry, theme: Theme, size: str = "A4"
) -> tuple[RenderedPoster | None, list[Problem]]:
    """Lay the poster out into a one-page PDF, or say (in Vietnamese) why it cannot be made."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from ..messages import booklet as booklet_msg

    if size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {size!r}")
    template = theme.find(f"poster/{TEMPLATE}")
    fonts = booklet_fonts()
    if fonts is None:
        return None, [Problem(template, 0, "", booklet_msg.BOOKLET_FONT_MISSING)]
    # What the poster may read: its theme folder, its fonts and the processed cover photo.
    files = {path for faces in fonts for path in faces.files.values()}
    if poster.photo is not None:
        files.add(poster.photo.path)
    fetcher = _local_fetcher(theme.folders("poster"), files)
    try:
        html = poster_html(poster, registry, theme)
    except TemplateFailed as failed:  # a commune's override with a mistake
        return None, [template_problem(failed)]
    page_css = (
        f"@page {{ size: {size} portrait; margin: {_MARGINS[size]}; }}\n"
        f"html {{ font-size: {_FONT_SIZES[size]}; }}\n"
    )
    font_config = FontConfiguration()
    with _weasyprint_warnings() as caught:
        stylesheets = print_stylesheets(
            fonts, theme.find(f"poster/{STYLESHEET}"), page_css, font_config, fetcher
        )
        document = HTML(string=html, base_url=str(template), url_fetcher=fetcher).render(
            stylesheets=stylesheets, font_config=font_config
        )
        pdf = document.write_pdf()
    if caught.messages:
        return None, [Problem(template, 0, "", booklet_msg.booklet_warning(m)) for m in caught.messages]
    if len(document.pages) != 1:
        return None, [Problem(template, 0, "", msg.POSTER_NOT_ONE_PAGE.format(pages=len(document.pages)))]
    assert pdf is not None
    return RenderedPoster(pdf, 1), []


def refusal(catalog: Catalog, slug: str) -> str | None:
    """Why the exemplar ``slug`` gets no poster (unknown, a draft, no consent to print)."""
    from ..records.model import Status, Use

    by_slug = {e.slug: e for e in catalog.exemplars}
    exemplar = by_slug.get(slug)
    if exemplar is None:
        return msg.unknown_profile(slug, sorted(by_slug))
    if exemplar.status is not Status.published:
        return msg.POSTER_NOT_PUBLISHED.format(slug=slug)
    if not exemplar.may(Use.print):
        return msg.POSTER_NO_PRINT_CONSENT.format(slug=slug)
    return None


def poster_photo(exemplar: Exemplar, media: Mapping[str, ProfileMedia]) -> BookletPhoto | None:
    """The cover print may show (the marked cover, else the first photo whose people
    consented to print), as the photo stage processed it; None when there is none."""
    own = {slug: m for slug, m in media.items() if slug == exemplar.slug}
    covers, _ = printed_photos(own)
    return next(iter(covers.get(exemplar.slug, ())), None)


def make_poster(
    exemplar: Exemplar,
    catalog: Catalog,
    settings: Settings,
    target: Path,
    size: str = "A4",
    media: Mapping[str, ProfileMedia] | None = None,
) -> tuple[RenderedPoster | None, list[Problem]]:
    """One poster from start to file: its cover from the photo stage (the processed copy
    that print may show, never the original), laid out, written atomically to ``target``."""
    assert catalog.registry is not None
    if media is None:
        media, _ = media_for([exemplar], catalog.photos, settings.photo_cache)
    poster = make_poster_values(exemplar, catalog.registry, settings.site_url, poster_photo(exemplar, media))
    rendered, problems = render_poster(poster, catalog.registry, settings.theme, size)
    if rendered is None:
        return None, problems
    problems = write_booklet(rendered.pdf, target)
    return (None, problems) if problems else (rendered, [])
