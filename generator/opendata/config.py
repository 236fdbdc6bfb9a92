"""The province's configuration for ``dienhinh gather``: which communes, where their open
data is, and how patiently to fetch it. One YAML file, read like every other file of the
project (line numbers, Vietnamese problems, no Python objects)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from slugify import slugify

from ..messages import province as msg
from ..messages import records as records_msg
from ..records.load import Source, parse_yaml, problems_from, read_text
from ..records.model import Code, Text
from ..records.problems import Problem
from ..theme_files import Theme

DEFAULT_CONFIG = Path("tinh.yml")
URL = re.compile(r"^https?://", re.IGNORECASE)


class CommuneSource(BaseModel):
    """One commune: its name, and its data's address (a site's ``du-lieu/dien-hinh.json``)
    or a folder on this machine (a built site, or its ``du-lieu`` folder)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Text
    source: Text
    # The commune's part of the province's addresses (xa/<code>/); from the name if absent.
    code: Code | None = None

    @property
    def is_url(self) -> bool:
        return bool(URL.match(self.source))


class ProvinceOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    province: Text
    site_name: Text | None = None
    site_url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    description: Text | None = None
    # The congress the nominations page is for (its title), and the year it takes nominations of.
    congress: Text | None = None
    congress_year: Annotated[int, Field(ge=2000, le=2100)] | None = None
    site_dir: Text = "site"
    cache_dir: Text = ".cache/dienhinh/gather"
    # The province's own changes to the theme, as a commune's (only the files it changed).
    overrides_dir: Text = "overrides"
    templates_dir: Text | None = None  # the 0.1 layout: a whole copy of the theme
    timeout: Annotated[float, Field(gt=0, le=600)] = 10.0  # seconds, for each request
    retries: Annotated[int, Field(ge=0, le=10)] = 2  # more tries after a failure (5xx, timeout)
    workers: Annotated[int, Field(ge=1, le=64)] = 8  # requests at once
    max_source_mb: Annotated[float, Field(gt=0, le=1024)] = 64.0
    max_photo_mb: Annotated[float, Field(gt=0, le=100)] = 5.0
    communes: Annotated[tuple[CommuneSource, ...], Field(min_length=1)]


@dataclass(frozen=True)
class ProvinceConfig:
    """The options, with every path resolved against the configuration file's folder and
    every commune given its code."""

    file: Path
    options: ProvinceOptions
    codes: tuple[str, ...]  # one per commune, in order
    lines: tuple[int, ...]  # the line of each commune's entry in the file

    @property
    def root(self) -> Path:
        return self.file.parent

    def path(self, value: str) -> Path:
        return (self.root / value).resolve()

    @property
    def theme(self) -> Theme:
        """The province's overrides over the tool's theme."""
        legacy = self.options.templates_dir
        return Theme.of(self.path(self.options.overrides_dir), self.path(legacy) if legacy else None)

    @property
    def site_dir(self) -> Path:
        return self.path(self.options.site_dir)

    @property
    def site_name(self) -> str:
        return self.options.site_name or msg.PROVINCE_SITE_NAME.format(province=self.options.province)


def commune_code(source: CommuneSource) -> str:
    """``xa-diem-mac`` for “Xã Điềm Mặc” unless the entry gives a code."""
    return source.code or slugify(source.name) or "xa"


def load_config(path: Path) -> tuple[ProvinceConfig | None, list[Problem]]:
    """The configuration, or the problems that stop the command (file:line: LỖI …)."""
    if not path.is_file():
        return None, [Problem(path, 0, "", msg.NO_PROVINCE_CONFIG.format(path=path))]
    text, problems = read_text(path)
    if text is None:
        return None, problems
    source, problems = parse_yaml(text, path)
    if source is None or problems:
        return None, problems
    if not isinstance(source.data, dict):
        return None, [Problem(path, 1, "", records_msg.NOT_A_MAPPING)]
    try:
        options = ProvinceOptions.model_validate(source.data)
    except ValidationError as error:
        return None, problems_from(error, source, ProvinceOptions)
    codes = tuple(commune_code(c) for c in options.communes)
    problems = _duplicates(codes, source, path)
    if problems:
        return None, problems
    lines = tuple(source.line_of(("communes", i)) for i in range(len(codes)))
    return ProvinceConfig(path.resolve(), options, codes, lines), []


def _duplicates(codes: tuple[str, ...], source: Source, path: Path) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for index, code in enumerate(codes):
        if code in first:
            loc = ("communes", index)
            problems.append(
                Problem(
                    path,
                    source.line_of(loc),
                    f"communes[{index}]",
                    msg.duplicate_commune(code, source.line_of(("communes", first[code]))),
                )
            )
        first.setdefault(code, index)
    return problems
