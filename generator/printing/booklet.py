"""Printed booklets: a visit (or a field, or every published exemplar) → a PDF made with
WeasyPrint from the Jinja templates and CSS of the theme's ``booklet`` folder.

Nothing here knows MkDocs: the CLI's ``booklet`` command and the site build's step
(:func:`build_visit_booklets`) both print through :func:`make_booklet`. Fonts are whole
files from Debian packages, found at run time and embedded; nothing is fetched from the
network (only ``file:`` under known folders and ``data:`` URLs load). Every warning
WeasyPrint logs becomes a Problem: a booklet with a missing font or image is not written
at all."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import markdown
import segno
from markupsafe import Markup

from ..files import write_atomically
from ..fonts import FALLBACK, SANS, SERIF, Faces
from ..messages import booklet as msg
from ..messages import common as common_msg
from ..messages import records as records_msg
from ..records.catalog import Catalog
from ..records.model import Exemplar, Registry, Use, Visit
from ..records.periods import plan_title
from ..records.photo_checks import normal_name
from ..records.problems import Problem, template_problem
from ..records.sanitize import bounded_markdown, clean_story
from ..records.settings import Settings
from ..rendering import TemplateFailed, environment
from ..site.media import ProfileMedia, media_for
from ..site.pages import sort_key, visit_booklet_path
from ..theme_files import Theme
from .pdf_cache import LaidOut, PdfCache, layout_key

PAGE_SIZES = ("A5", "A4")
# Base text size per paper size: an A4 booklet is read at arm's length too.
_FONT_SIZES = {"A5": "9.5pt", "A4": "11pt"}
# Content height of the cover page (page height minus its 14 mm margins, minus 1 mm slack).
_COVER_HEIGHTS = {"A5": "181mm", "A4": "268mm"}
TEMPLATE = "booklet.html.j2"
STYLESHEET = "booklet.css"

_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")')
_IMG_TAG = re.compile(r"<img\b[^>]*>")
_PROFILE_LINK = re.compile(r"\]\(\s*<?\.\./([a-z0-9-]+)/(?:index\.md)?(#[^)\s>]*)?>?\s*\)")


@dataclass(frozen=True)
class BookletPhoto:
    """A photo printed in an exemplar's section (the first one is the cover photo)."""

    path: Path
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Booklet:
    """What one booklet holds: its cover text and the exemplars, in reading order."""

    title: str
    kicker: str
    exemplars: tuple[Exemplar, ...]
    name: str  # file stem for the default output name
    visit: Visit | None = None
    subtitle: str | None = None


@dataclass(frozen=True)
class RenderedBooklet:
    pdf: bytes
    pages: int


def visit_booklet(visit: Visit, exemplars: Sequence[Exemplar]) -> Booklet:
    """The booklet of one visit: its stops' exemplars in route order (each once)."""
    by_slug = {e.slug: e for e in exemplars}
    chosen: dict[str, Exemplar] = {}
    for stop in visit.stops:
        if stop.exemplar in by_slug:
            chosen.setdefault(stop.exemplar, by_slug[stop.exemplar])
    return Booklet(
        title=visit.title,
        kicker=msg.BOOKLET_KICKER_VISIT,
        exemplars=tuple(chosen.values()),
        name=visit.slug,
        visit=visit,
        subtitle=visit.organizer,
    )


def field_booklet(registry: Registry, code: str, exemplars: Sequence[Exemplar]) -> Booklet:
    """Every published exemplar whose main field is ``code``, by name."""
    field_of_work = registry.field(code)
    chosen = sorted(
        (e for e in exemplars if e.may(Use.print) and e.field == code), key=lambda e: sort_key(e.name)
    )
    return Booklet(
        title=field_of_work.name,
        kicker=msg.BOOKLET_KICKER_FIELD,
        exemplars=tuple(chosen),
        name=f"linh-vuc-{code}",
    )


def all_booklet(registry: Registry, exemplars: Sequence[Exemplar]) -> Booklet:
    """Every published exemplar, grouped by field in the registry's order, then by name."""
    order = {f.code: i for i, f in enumerate(registry.fields)}
    chosen = sorted(
        (e for e in exemplars if e.may(Use.print)), key=lambda e: (order.get(e.field, 99), sort_key(e.name))
    )
    return Booklet(
        title=msg.BOOKLET_TITLE_ALL.format(commune=registry.commune.name),
        kicker=msg.BOOKLET_KICKER_ALL,
        exemplars=tuple(chosen),
        name="tat-ca",
        subtitle=plan_title(registry),
    )


def profile_url(site_url: str, slug: str) -> str:
    """Absolute address of a profile page (what the QR codes encode)."""
    return f"{site_url.rstrip('/')}/dien-hinh/{slug}/"


def booklet_fonts() -> tuple[Faces, ...] | None:
    """The booklet's serif and sans faces; None when a regular face is not installed."""
    found = (SERIF.find(), SANS.find())
    return None if None in found else tuple(f for f in found if f is not None)


@functools.cache
def printable_characters() -> frozenset[int] | None:
    """Every character a booklet can draw: its fonts' and the fallback faces'; None when the
    booklet's fonts are not installed (that is its own message)."""
    from fontTools.ttLib import TTFont

    fonts = booklet_fonts()
    if fonts is None:
        return None
    files = [faces.files["regular"] for faces in fonts] + [f for f in FALLBACK if f.is_file()]
    found: set[int] = set()
    for file in files:
        with TTFont(file, lazy=True) as font:
            found.update(font.getBestCmap() or {})
    return frozenset(found)


@functools.cache
def _unprintable_re() -> re.Pattern[str] | None:
    """Any character outside the fonts' ranges (one compiled class: text is scanned in C)."""
    known = printable_characters()
    if known is None:
        return None
    ranges: list[str] = []
    codes = sorted(known)
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            ranges.append(
                re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else "")
            )
            start = code
        previous = code
    return re.compile("[^" + "".join(ranges) + "]")


def unprintable(text: str) -> str:
    """The characters of ``text`` that no booklet font has, each once (spaces, and the marks
    and joiners that a font draws as part of the letter before them, aside)."""
    pattern = _unprintable_re()
    if pattern is None or not pattern.search(text):
        return ""
    missing = {
        c: None
        for c in pattern.findall(text)
        if not c.isspace() and unicodedata.category(c) not in ("Mn", "Me", "Cf", "Cc")
    }
    return "".join(missing)


def _story_html(
    story: str, site_url: str, bundle: Path | None, printable: Mapping[str, Path] | None = None
) -> Markup:
    """The Markdown story as sanitized HTML (as on the site); links to other profiles point
    at the website and images named relative to the profile's folder are read from it —
    for a declared photo, its processed copy (upright, no EXIF/GPS) from ``printable``."""

    def absolute(match: re.Match[str]) -> str:
        return f"]({profile_url(site_url, match.group(1))}{match.group(2) or ''})"

    html = clean_story(
        markdown.markdown(
            bounded_markdown(_PROFILE_LINK.sub(absolute, story)),
            extensions=["tables", "sane_lists"],
            output_format="html",
        )
    )
    if bundle is not None:

        def local(match: re.Match[str]) -> str:
            src = match.group(2)
            if ":" in src or src.startswith("/"):
                return match.group(0)
            path = (printable or {}).get(normal_name(src)) or bundle / src
            return f"{match.group(1)}{path.resolve().as_uri()}{match.group(3)}"

        def kept(tag: re.Match[str]) -> str:
            src = _IMG_SRC.search(tag.group(0))
            name = normal_name(src.group(2)) if src else ""
            if src and printable is not None and ":" not in name and name not in printable:
                return ""  # not to be printed (its people did not consent): never the original
            return _IMG_SRC.sub(local, tag.group(0))

        html = _IMG_TAG.sub(kept, html)
    return Markup(html)


# The notes box's lines under a profile; fewest kept when it is made to fit a page's end.
NOTES_LINES = 7
FEWEST_NOTES_LINES = 3


def closing_lines(document: Any) -> dict[str, int]:
    """Slug → notes lines for each profile whose closing (QR code and notes box, kept whole)
    was pushed alone onto a page, leaving most of it blank: as many lines as fit at the end
    of the page before, else enough to fill its own page. Each profile starts a new page, so
    the others' layout does not change when one closing changes."""
    found: dict[str, int] = {}
    pages = [page._page_box for page in document.pages]
    for index, page in enumerate(pages):
        closing = _closing_box(page)
        top = page.content_box_y()
        if closing is None or index == 0 or closing.position_y - top > 1:
            continue
        line = _first(closing, "notes-box__line")
        if line is None:
            continue
        step = line.margin_height()
        fixed = closing.margin_height() - NOTES_LINES * step  # the QR code, the title, paddings
        margin = _px(closing.style["margin_top"])  # truncated at the top of a page, kept at its end
        room = pages[index - 1].content_box_y() + pages[index - 1].height - _used_bottom(pages[index - 1])
        fitting = int((room - margin - fixed - 2) // step)
        if fitting >= FEWEST_NOTES_LINES:
            found[closing.element.get("data-slug")] = min(fitting, NOTES_LINES)
        else:  # it stays on its page: a whole page to write on
            found[closing.element.get("data-slug")] = max(NOTES_LINES, int((page.height - fixed - 2) // step))
    return found


def _px(length: Any) -> float:
    """A computed length in CSS pixels (WeasyPrint's unit of layout)."""
    return float(length.value) if getattr(length, "unit", None) == "px" else 0.0


def _has_class(box: Any, name: str) -> bool:
    element = getattr(box, "element", None)
    return element is not None and name in (element.get("class") or "").split()


def _first(box: Any, name: str) -> Any:
    return next((b for b in box.descendants() if _has_class(b, name)), None)


def _closing_box(page: Any) -> Any:
    return _first(page, "closing")


def _used_bottom(page: Any) -> float:
    """Where the last line or picture of a page ends."""
    from weasyprint.formatting_structure import boxes

    bottoms = [
        b.position_y + b.margin_height()
        for b in page.descendants()
        if isinstance(b, boxes.LineBox | boxes.ReplacedBox) and not isinstance(b, boxes.MarginBox)
    ]
    return float(max(bottoms, default=page.content_box_y()))


def print_stylesheets(
    fonts: Sequence[Any], sheet: Path, page_css: str, font_config: Any, fetcher: Any
) -> list[Any]:
    """A printed PDF's stylesheets (booklet, poster): the whole font files, the theme's sheet,
    then the page's size and type size."""
    from weasyprint import CSS

    return [
        CSS(string="\n".join(f.css() for f in fonts), font_config=font_config, url_fetcher=fetcher),
        CSS(filename=str(sheet), font_config=font_config),
        CSS(string=page_css, font_config=font_config),
    ]


def _qr_data_uri(url: str) -> str:
    """A vector (SVG) QR code; a 4-module quiet zone so phone cameras find it."""
    return str(segno.make(url, error="m").svg_data_uri(border=4, dark="#000", light="#fff"))


def booklet_html(
    booklet: Booklet,
    registry: Registry,
    theme: Theme,
    site_url: str,
    photos: Mapping[str, Sequence[BookletPhoto]] | None = None,
    exemplars_dir: Path | None = None,
    printable: Mapping[str, Mapping[str, Path]] | None = None,
    notes_lines: Mapping[str, int] | None = None,
) -> str:
    """The booklet as one HTML document (WeasyPrint lays it out into pages); ``notes_lines``:
    how many lines a profile's notes box has, when not the usual number."""
    env = environment(theme.folders("booklet"))
    stops: dict[str, tuple[int, Any]] = {}
    if booklet.visit is not None:
        for number, stop in enumerate(booklet.visit.stops, start=1):
            stops.setdefault(stop.exemplar, (number, stop))
    names = {e.slug: e.name for e in booklet.exemplars}
    return env.get_template(TEMPLATE).render(
        booklet=booklet,
        visit=booklet.visit,
        commune=registry.commune,
        plan_title=plan_title(registry, booklet.visit.date if booklet.visit else None),
        fields=registry.table("fields"),
        hamlets=registry.table("hamlets"),
        organizations=registry.table("organizations"),
        levels=registry.table("commendation_levels"),
        forms=registry.table("commendation_forms"),
        kinds=common_msg.KIND_NAMES,
        names=names,
        stops=stops,
        photos=photos or {},
        stories={
            e.slug: _story_html(
                e.story,
                site_url,
                exemplars_dir / e.slug if exemplars_dir else None,
                (printable or {}).get(e.slug),
            )
            for e in booklet.exemplars
        },
        urls={e.slug: profile_url(site_url, e.slug) for e in booklet.exemplars},
        qr_codes={e.slug: _qr_data_uri(profile_url(site_url, e.slug)) for e in booklet.exemplars},
        commendations={e.slug: sorted(e.commendations, key=lambda c: c.date) for e in booklet.exemplars},
        site_url=site_url.rstrip("/") + "/",
        notes_lines={e.slug: (notes_lines or {}).get(e.slug, NOTES_LINES) for e in booklet.exemplars},
    )


class _WarningsCaught(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _weasyprint_warnings() -> Iterator[_WarningsCaught]:
    """Collect what WeasyPrint logs (missing fonts or images, bad CSS) instead of printing it."""
    logger = logging.getLogger("weasyprint")
    handler = _WarningsCaught()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def render_booklet(
    booklet: Booklet,
    registry: Registry,
    theme: Theme,
    site_url: str,
    size: str = "A5",
    photos: Mapping[str, Sequence[BookletPhoto]] | None = None,
    exemplars_dir: Path | None = None,
    printable: Mapping[str, Mapping[str, Path]] | None = None,
    cache: PdfCache | None = None,
) -> tuple[RenderedBooklet | None, list[Problem]]:
    """Lay the booklet out into a PDF, or say (in Vietnamese) why it cannot be made.

    ``exemplars_dir`` holds the profile folders: images a story names are read from there.
    ``cache``: a booklet made before from the very same inputs is taken from there."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    template = theme.find(f"booklet/{TEMPLATE}")
    if size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {size!r}")
    if not booklet.exemplars:
        return None, [Problem(template, 0, "", msg.BOOKLET_NOTHING)]
    fonts = booklet_fonts()
    if fonts is None:
        return None, [Problem(template, 0, "", msg.BOOKLET_FONT_MISSING)]
    # What the booklet may read: its own folder (template, CSS), its fonts, and the processed
    # copies of the declared photos of the profiles it prints. Nothing else, whatever a story
    # names: not an original photo (EXIF, GPS), not another (draft) bundle's file.
    files = {path for faces in fonts for path in faces.files.values()}
    files |= {p.path for items in (photos or {}).values() for p in items}
    files |= {path for slug in (printable or {}) for path in (printable or {})[slug].values()}
    roots = theme.folders("booklet")
    try:
        html = booklet_html(booklet, registry, theme, site_url, photos, exemplars_dir, printable)
    except TemplateFailed as failed:  # a commune's override with a mistake
        return None, [template_problem(failed)]
    page_css = (
        f"@page {{ size: {size} portrait; }}\n"
        f"html {{ font-size: {_FONT_SIZES[size]}; --cover-height: {_COVER_HEIGHTS[size]}; }}\n"
    )
    sheet = theme.find(f"booklet/{STYLESHEET}")
    cache = cache or PdfCache(None)
    key = layout_key([html, page_css, str(template), str(sheet)], [*files, sheet], roots)
    found = cache.get(key)
    if found is not None:
        return RenderedBooklet(found.pdf, found.pages), []
    font_config = FontConfiguration()
    fetcher = _local_fetcher(roots, files)
    with _weasyprint_warnings() as caught:
        stylesheets = print_stylesheets(fonts, sheet, page_css, font_config, fetcher)
        document = HTML(string=html, base_url=str(template), url_fetcher=fetcher).render(
            stylesheets=stylesheets, font_config=font_config
        )
        lines = closing_lines(document)
        if lines:  # a QR code and notes alone at the top of a page: laid out again
            html = booklet_html(booklet, registry, theme, site_url, photos, exemplars_dir, printable, lines)
            document = HTML(string=html, base_url=str(template), url_fetcher=fetcher).render(
                stylesheets=stylesheets, font_config=font_config
            )
        pdf = document.write_pdf()
    if caught.messages:
        return None, [
            Problem(_blamed(m, booklet, exemplars_dir) or template, 0, "", msg.booklet_warning(m))
            for m in caught.messages
        ]
    assert pdf is not None
    cache.put(key, LaidOut(pdf, len(document.pages)))
    return RenderedBooklet(pdf, len(document.pages)), []


def _blamed(message: str, booklet: Booklet, exemplars_dir: Path | None) -> Path | None:
    """The profile whose folder a WeasyPrint message names (a missing image of its story)."""
    if exemplars_dir is None:
        return None
    for e in booklet.exemplars:
        if (exemplars_dir / e.slug).resolve().as_uri() + "/" in message:
            return exemplars_dir / e.slug / "index.md"
    return None


def _local_fetcher(roots: Sequence[Path], files: Collection[Path] = ()) -> Any:
    """A URL fetcher that reads only ``data:`` URLs, files under ``roots`` and the ``files``
    named: no network, and a story cannot pull any other file of the machine into a PDF."""
    from weasyprint.urls import URLFetcher

    allowed = [r.resolve() for r in roots]
    allowed_files = {f.resolve() for f in files}

    class LocalOnly(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(url2pathname(parts.path)).resolve()
                if path not in allowed_files and not any(path.is_relative_to(root) for root in allowed):
                    raise ValueError(f"not a file the booklet may print: {path}")
            elif parts.scheme != "data":
                raise ValueError(f"only local files may be used: {url}")
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols={"file", "data"})


def no_site_url(config_file: Path) -> Problem:
    """Booklets print QR codes of absolute addresses: without ``site_url`` there are none."""
    return Problem(config_file, 0, "site_url", msg.BOOKLET_NO_SITE_URL)


def write_booklet(pdf: bytes, target: Path) -> list[Problem]:
    """Write atomically: a half-written PDF never replaces a good one."""
    try:
        write_atomically(target, pdf)
    except OSError as error:
        return [
            Problem(
                target,
                0,
                "",
                msg.BOOKLET_WRITE_FAILED.format(path=target, reason=common_msg.os_reason(error)),
            )
        ]
    return []


def printed_photos(
    media: Mapping[str, ProfileMedia],
) -> tuple[dict[str, list[BookletPhoto]], dict[str, dict[str, Path]]]:
    """From the photo stage: each profile's cover for its section, and the processed copy of
    every declared photo for its story (never the original file, which may carry GPS)."""
    media = {slug: m.for_use(Use.print) for slug, m in media.items()}
    covers = {
        slug: [BookletPhoto(m.cover.print_path, m.cover.photo.caption, m.cover.photo.credit)]
        for slug, m in media.items()
        if m.cover is not None
    }
    printable = {
        slug: {normal_name(p.photo.file): p.print_path for p in m.photos} for slug, m in media.items()
    }
    return covers, printable


def choose_booklet(catalog: Catalog, visit: str | None = None, field: str | None = None) -> Booklet | str:
    """The booklet asked for: a visit's, else a field's, else every published exemplar's; or,
    for an unknown visit or field code, the Vietnamese message saying which ones exist."""
    assert catalog.registry is not None
    if visit is not None:
        visits = {v.slug: v for v in catalog.visits}
        if visit not in visits:
            return msg.unknown_visit(visit, list(visits))
        return visit_booklet(visits[visit], catalog.for_use(Use.print))
    if field is not None:
        codes = list(catalog.registry.table("fields"))
        if field not in codes:
            return records_msg.unknown_code("fields", field, codes)
        return field_booklet(catalog.registry, field, catalog.for_use(Use.print))
    return all_booklet(catalog.registry, catalog.for_use(Use.print))


def make_booklet(
    booklet: Booklet,
    catalog: Catalog,
    settings: Settings,
    target: Path,
    size: str = "A5",
    media: Mapping[str, ProfileMedia] | None = None,
) -> tuple[RenderedBooklet | None, list[Problem]]:
    """One booklet from start to file: its photos from the photo stage (``media`` of a site
    build, else the stage runs now for these profiles), laid out, written atomically to
    ``target``. Returns what was written, or None and the problems."""
    assert catalog.registry is not None
    if media is None:
        media, _ = media_for(booklet.exemplars, catalog.photos, settings.photo_cache)
    covers, printable = printed_photos(media)
    rendered, problems = render_booklet(
        booklet,
        catalog.registry,
        settings.theme,
        settings.site_url,
        size,
        photos=covers,
        exemplars_dir=settings.exemplars_dir,
        printable=printable,
        cache=PdfCache(settings.cache_dir / "booklets"),
    )
    if rendered is None:
        return None, problems
    problems = write_booklet(rendered.pdf, target)
    return (None, problems) if problems else (rendered, [])


def build_visit_booklets(
    catalog: Catalog, settings: Settings, site_dir: Path, media: Mapping[str, ProfileMedia] | None = None
) -> list[Problem]:
    """The site build's step: every visit's A5 booklet into ``site_dir`` beside its page."""
    problems: list[Problem] = []
    for visit in catalog.visits:
        target = site_dir / visit_booklet_path(visit.slug)
        _, found = make_booklet(
            visit_booklet(visit, catalog.for_use(Use.print)), catalog, settings, target, media=media
        )
        problems += found
    return problems
