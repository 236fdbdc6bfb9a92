"""Generated pages remembered by what they are rendered from, across the builds of one preview
server (and from one `dienhinh build` to the next, site/previous_build.py): after a save, only
the pages whose values changed are rendered again (the profile saved, the listings that show
it), the others are taken as they were."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment
from pydantic import BaseModel

from ..text import pack


class Unfingerprintable(TypeError):
    """A value whose digest cannot be told from its contents (the page is rendered anew)."""


class Fingerprints:
    """Digests of the values a page template is given. Records (models and dataclasses) are
    digested once per build, by identity; ``extra`` adds what a record's card shows that is
    not in the record itself (its cover picture)."""

    def __init__(self, extra: Callable[[BaseModel], str] | None = None) -> None:
        self._extra = extra
        self._records: dict[int, tuple[Any, bytes]] = {}  # id → (the record, kept alive; digest)

    def of(self, *values: Any) -> str:
        digest = hashlib.blake2b(digest_size=20)
        for value in values:
            self._feed(digest, value)
        return digest.hexdigest()

    def _record(self, value: Any) -> bytes:
        known = self._records.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        digest = hashlib.blake2b(digest_size=20)
        digest.update(type(value).__qualname__.encode())
        if isinstance(value, BaseModel):
            digest.update(value.model_dump_json().encode())
            if self._extra is not None:
                digest.update(self._extra(value).encode())
        else:
            for field in dataclasses.fields(value):
                digest.update(field.name.encode())
                self._feed(digest, getattr(value, field.name))
        found = digest.digest()
        self._records[id(value)] = (value, found)
        return found

    def _feed(self, digest: Any, value: Any) -> None:  # noqa: C901 - one case per kind of value
        if value is None or isinstance(value, bool | int | float | str | enum.Enum | dt.date | Path):
            # str covers Markup; the type name tells 1 from "1" and a date from its text.
            digest.update(f"{type(value).__name__}:{value!s}\x1f".encode("utf-8", "surrogatepass"))
        elif isinstance(value, BaseModel) or (
            dataclasses.is_dataclass(value) and not isinstance(value, type)
        ):
            digest.update(b"R" + self._record(value))
        elif isinstance(value, Mapping):
            digest.update(f"M{len(value)}:".encode())
            for key, item in value.items():  # in order: a template lists them in this order
                self._feed(digest, key)
                self._feed(digest, item)
        elif isinstance(value, list | tuple):
            digest.update(f"L{len(value)}:".encode())
            for item in value:
                self._feed(digest, item)
        elif isinstance(value, set | frozenset):
            digest.update(f"S{len(value)}:".encode())
            for text in sorted(self.of(item) for item in value):
                digest.update(text.encode())
        else:
            raise Unfingerprintable(type(value).__qualname__)


class PageMemo:
    """What one preview server keeps between its builds: each generated page's Markdown by the
    digest of its template and values, and the template environments (compiled once; Jinja
    reloads a template whose file changed)."""

    def __init__(self) -> None:
        # Compressed (≈ 1/4): 13,000 pages of a 10,000-profile site are 130 MB of Markdown.
        self._pages: dict[str, bytes] = {}
        self._used: dict[str, bytes] = {}
        self._environments: dict[tuple[Any, ...], Environment] = {}
        self.rendered = 0  # pages rendered (not taken from the memo) in the current build

    def seed(self, pages: Mapping[str, bytes]) -> None:
        """Pages a build of another process rendered (site.previous_build), as remembered()."""
        self._pages.update(pages)

    def remembered(self) -> dict[str, bytes]:
        """The pages of the current build, by key, compressed (what the next build may take)."""
        return dict(self._used)

    def environment(self, key: tuple[Any, ...], make: Callable[[], Environment]) -> Environment:
        found = self._environments.get(key)
        if found is None:
            found = self._environments[key] = make()
        return found

    def begin(self) -> None:
        """A build starts: what the last one used is what may be taken."""
        if self._used:
            self._pages, self._used = self._used, {}
        self.rendered = 0

    def get(self, key: str) -> bytes | None:
        """The page's Markdown, packed (text.pack), if a page of this key was rendered."""
        found = self._pages.pop(key, None)  # kept once: in what this build used
        if found is None:
            found = self._used.get(key)
        if found is None:
            return None
        self._used[key] = found
        return found

    def put(self, key: str, markdown: str) -> bytes:
        """Remember a page just rendered; → its Markdown packed (held once, here and by the page)."""
        packed = self._used[key] = pack(markdown)
        self.rendered += 1
        return packed
