"""The one Jinja environment factory: generated pages (the commune's and the province's),
booklets, official papers, the report page and ``init``'s starter files all render through
it, with the same rules (unknown names are an error) and the same Vietnamese filters."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import messages as msg


def date_vi(value: dt.date) -> str:
    """2024-06-15 → 15/06/2024."""
    return value.strftime("%d/%m/%Y")


def number_vi(value: float) -> str:
    """1234.5 → '1.234,5' (Vietnamese separators)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def meta_text(value: str) -> Markup:
    """A value for a generated page's front matter (title, description): plain text on one
    line, quoted as a YAML string. Front matter is text; the plugin escapes it for the theme
    (``build.theme_meta``), as it does for hand-written pages."""
    return Markup(json.dumps(" ".join(value.split()), ensure_ascii=False))


FILTERS: dict[str, Callable[..., Any]] = {
    "date_vi": date_vi,
    "long_date_vi": msg.long_date,
    "number_vi": number_vi,
    "meta_text": meta_text,
}


def environment(
    folders: Sequence[Path],
    *,
    autoescape: bool = True,
    finalize: Callable[[Any], Any] | None = None,
    keep_trailing_newline: bool = False,
) -> jinja2.Environment:
    """An environment loading from ``folders`` (first wins: a commune's overrides, then the
    theme), every unknown name an error, blocks trimmed, with the Vietnamese filters.
    ``autoescape`` is off only for YAML and plain text, whose values are quoted by a filter."""
    options: dict[str, Any] = {"finalize": finalize} if finalize is not None else {}
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=keep_trailing_newline,
        **options,
    )
    env.filters.update(FILTERS)
    return env
