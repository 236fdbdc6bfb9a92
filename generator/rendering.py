"""The one Jinja environment factory: generated pages (the commune's and the province's),
booklets, official papers, the report page and ``init``'s starter files all render through
it, with the same rules (unknown names are an error) and the same Vietnamese filters."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import jinja2
from markupsafe import Markup

from .messages import common as common_msg
from .messages import theme as msg


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


class TemplateFailed(Exception):
    """A template could not be read or rendered: most often a commune's override with a
    mistake. ``str()`` is the Vietnamese message naming the file and line. Its arguments are
    plain values, so it crosses process boundaries (booklets are printed by workers)."""

    def __init__(self, message: str, file: str = "", line: int = 0, reason: str = "") -> None:
        super().__init__(message, file, line, reason)
        self.file, self.line = file, line
        self.reason = reason or message  # the message without its place (a Problem names it)

    def __str__(self) -> str:
        return str(self.args[0])

    @classmethod
    def of(cls, error: jinja2.TemplateError) -> TemplateFailed:
        file, line = _place(error)
        kind = (
            msg.TEMPLATE_SYNTAX
            if isinstance(error, jinja2.TemplateSyntaxError)
            else msg.TEMPLATE_UNDEFINED
            if isinstance(error, jinja2.UndefinedError)
            else msg.TEMPLATE_OTHER
        )
        reason = msg.TEMPLATE_FAILED.format(kind=kind, detail=error.message or "")
        return cls(msg.TEMPLATE_FAILED_AT.format(file=file, line=line, reason=reason), file, line, reason)


def _place(error: jinja2.TemplateError) -> tuple[str, int]:
    """The template file and line of an error: a syntax error names them; a rendering error's
    traceback holds the template's frames (Jinja rewrites them so), the innermost wins."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return error.filename or error.name or "", error.lineno
    place = ("", 0)
    frame = error.__traceback__
    while frame is not None:
        name = frame.tb_frame.f_code.co_filename
        if not name.endswith(".py") and Path(name).is_file():
            place = (name, frame.tb_lineno)
        frame = frame.tb_next
    return place


class _Environment(jinja2.Environment):
    """Template errors become TemplateFailed, which names the file and line in Vietnamese."""

    def handle_exception(self, source: str | None = None) -> NoReturn:
        try:
            super().handle_exception(source)
        except jinja2.TemplateError as error:
            raise TemplateFailed.of(error) from error


FILTERS: dict[str, Callable[..., Any]] = {
    "date_vi": date_vi,
    "long_date_vi": common_msg.long_date,
    "number_vi": number_vi,
    "meta_text": meta_text,
}


def compiled_templates(folder: Path) -> jinja2.BytecodeCache:
    """Compiled templates kept in ``folder`` (checked against their source by Jinja)."""
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def environment(
    folders: Sequence[Path],
    *,
    autoescape: bool = True,
    finalize: Callable[[Any], Any] | None = None,
    keep_trailing_newline: bool = False,
    compiled: Path | None = None,
) -> jinja2.Environment:
    """An environment loading from ``folders`` (first wins: a commune's overrides, then the
    theme), every unknown name an error, blocks trimmed, with the Vietnamese filters.
    ``autoescape`` is off only for YAML and plain text, whose values are quoted by a filter.
    ``compiled``: a folder keeping the compiled templates between runs (one per kind of
    environment: Jinja's cache does not tell environments apart)."""
    options: dict[str, Any] = {"finalize": finalize} if finalize is not None else {}
    if compiled is not None:
        options["bytecode_cache"] = compiled_templates(compiled)
    env = _Environment(
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
