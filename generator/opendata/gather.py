"""``dienhinh gather``: every commune's open data fetched, checked and kept, with the
thumbnails of its photos, ready for the province site (province.py).

A commune whose site is down, slow or sends data that breaks the schema is a warning naming
the commune and what went wrong, at its line of the configuration; its last good copy is
used when there is one, and the other communes are gathered whatever happens to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse
from urllib.request import url2pathname

from ..files import within
from ..messages import province as msg
from ..records.problems import Problem, Severity
from . import model as od
from .check import Checked, check_document
from .config import CommuneSource, ProvinceConfig
from .fetch import DATA_FILE, Fetched, Fetcher, Saved, SourceCache, client, write_atomic
from .thumbs import Thumb, make_thumbnail, size_of

PHOTOS_PER_PROFILE = 6


class Status(StrEnum):
    fresh = "fresh"  # read this time
    cached = "cached"  # the source failed: its last good copy
    missing = "missing"  # the source failed and nothing was saved before


@dataclass(frozen=True)
class CommuneData:
    """One commune as the province site shows it."""

    code: str
    name: str
    status: Status
    doc: od.OpenData | None = None
    read_from: str = ""  # where the data was read (http URL or file URI): photos come from there
    saved: str | None = None  # when the copy used was saved, for a cached one

    @property
    def profiles(self) -> tuple[od.Profile, ...]:
        return self.doc.profiles if self.doc else ()

    @property
    def home(self) -> str | None:
        """The commune site's address: as it declares it, else where its data was fetched."""
        if self.doc and self.doc.commune.site_url:
            return self.doc.commune.site_url
        return site_root(self.read_from) if self.read_from.startswith(("http://", "https://")) else None

    def canonical(self, profile: od.Profile) -> str | None:
        """The profile's own page on the commune's site (an http address), if it has one."""
        url = (
            profile.url
            if profile.url.startswith(("http://", "https://"))
            else urljoin(self.read_from, profile.url)
        )
        return url if url.startswith(("http://", "https://")) else None


@dataclass(frozen=True)
class Gathered:
    communes: tuple[CommuneData, ...]
    thumbs: Mapping[tuple[str, str], tuple[Thumb, ...]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def profile_count(self) -> int:
        return sum(len(c.profiles) for c in self.communes)


def site_root(read_from: str) -> str:
    """The site a data file belongs to: ``…/du-lieu/dien-hinh.json`` → ``…/``."""
    return urljoin(read_from, "../")


def under(root: str) -> Callable[[str], bool]:
    """Whether an address lies under the site ``root`` (an http(s) address or a folder's file
    URI), judged on the decoded path: ``%2e%2e/`` is "..", and a folder's links are followed
    (files.within). ``http://`` → ``https://`` of the same site is the same site."""
    parsed_root = urlparse(root)

    def inside(url: str) -> bool:
        parsed = urlparse(url)
        if parsed.scheme == "file" or parsed_root.scheme == "file":
            if parsed.scheme != parsed_root.scheme or parsed.netloc not in ("", "localhost"):
                return False
            return within(_local(url), _local(root)) is not None
        segments = unquote(parsed.path).replace("\\", "/").split("/")
        if ".." in segments or "." in segments or parsed.username or parsed.password:
            return False
        same_site = parsed.netloc.lower() == parsed_root.netloc.lower() and (
            parsed.scheme == parsed_root.scheme or (parsed_root.scheme, parsed.scheme) == ("http", "https")
        )
        return same_site and parsed.path.startswith(parsed_root.path)

    return inside


def locate(url: str, commune: CommuneData) -> str | None:
    """Where to fetch a file the data names: from the place the data itself came from (a
    mirror, a test server, a folder), under that site only; None for anything else."""
    assert commune.doc is not None
    root = site_root(commune.read_from)
    declared = (commune.doc.commune.site_url or "").rstrip("/") + "/"
    if declared != "/" and url.startswith(declared):
        target = urljoin(root, url[len(declared) :])
    else:
        target = urljoin(commune.read_from, url)
    return target if target.startswith(root) and under(root)(target) else None


def data_address(source: CommuneSource, config: ProvinceConfig) -> str:
    """The data file's URL (a site's address alone means its ``du-lieu/dien-hinh.json``), or
    a local file's URI (a built site's folder, its ``du-lieu`` folder, or the file)."""
    if source.is_url:
        return source.source + ("du-lieu/" + DATA_FILE if source.source.endswith("/") else "")
    path = config.path(source.source)
    if path.is_dir():
        inside = path / DATA_FILE
        path = inside if inside.is_file() else path / "du-lieu" / DATA_FILE
    return path.as_uri()


def _local(uri: str) -> Path:
    return Path(url2pathname(urlparse(uri).path))


class Gatherer:
    """One run of ``gather``: the HTTP client, the cache and the problems found."""

    def __init__(self, config: ProvinceConfig) -> None:
        self.config = config
        options = config.options
        self.cache = SourceCache(config.path(options.cache_dir))
        self.http = client(options.timeout)
        self.data = Fetcher(self.http, options.timeout, options.retries, int(options.max_source_mb * 2**20))
        self.photos = Fetcher(self.http, options.timeout, options.retries, int(options.max_photo_mb * 2**20))

    def run(self) -> Gathered:
        options = self.config.options
        try:
            with ThreadPoolExecutor(options.workers) as pool:
                results = list(pool.map(self.commune, range(len(options.communes))))
                communes = tuple(c for c, _ in results)
                problems = [p for _, found in results for p in found]
                jobs = [
                    (c, p, photo)
                    for c in communes
                    for p in c.profiles
                    for photo in p.photos[:PHOTOS_PER_PROFILE]
                ]
                made = list(pool.map(lambda job: self.thumb(*job), jobs))
        finally:
            self.http.close()
        thumbs: dict[tuple[str, str], list[Thumb]] = {}
        failed: dict[str, list[str]] = {}
        for (commune, profile, _), result in zip(jobs, made, strict=True):
            if isinstance(result, Thumb):
                thumbs.setdefault((commune.code, profile.slug), []).append(result)
            else:
                failed.setdefault(commune.code, []).append(result)
        problems += self._photo_problems(communes, failed)
        return Gathered(communes, {k: tuple(v) for k, v in thumbs.items()}, tuple(problems))

    # --- one commune's data --------------------------------------------------------------

    def _warning(self, index: int, text: str) -> Problem:
        name = self.config.options.communes[index].name
        return Problem(
            self.config.file,
            self.config.lines[index],
            f"communes[{index}]",
            msg.commune_warning(name, text),
            Severity.warning,
        )

    def commune(self, index: int) -> tuple[CommuneData, list[Problem]]:
        source = self.config.options.communes[index]
        code, name = self.config.codes[index], source.name
        address = data_address(source, self.config)
        saved = self.cache.load(code, address)
        fetched = self._read(address, saved[1] if saved else None)
        if fetched.not_modified and saved is not None:
            fetched = Fetched(saved[0], etag=saved[1].etag, last_modified=saved[1].last_modified)
        checked = check_document(fetched.body) if fetched.body is not None else Checked(None, fetched.error)
        problems = [self._warning(index, text) for text in checked.dropped]
        if checked.doc is not None:
            assert fetched.body is not None
            fresh = CommuneData(code, name, Status.fresh, checked.doc, address)
            if saved is not None and checked.doc.withdrawn:
                self._forget_withdrawn(saved[0], fresh)
            if saved is None or saved[0] != fetched.body:
                self.cache.save(code, address, fetched.body, fetched)
            return fresh, problems
        reason = checked.refused or msg.SOURCE_NOT_TRIED
        if saved is not None:
            old = check_document(saved[0])
            if old.doc is not None:
                problems.append(self._warning(index, msg.source_failed_cached(reason, saved[1].saved)))
                return CommuneData(code, name, Status.cached, old.doc, address, saved[1].saved), problems
        problems.append(self._warning(index, msg.source_failed(reason)))
        return CommuneData(code, name, Status.missing, read_from=address), problems

    def _forget_withdrawn(self, cached: bytes, fresh: CommuneData) -> None:
        """The thumbnails kept of profiles whose person withdrew consent (the commune's data
        now lists them as withdrawn): deleted, so no copy of them stays with the province.
        The cached data is replaced by the fresh one right after."""
        assert fresh.doc is not None
        gone = {tomb.slug for tomb in fresh.doc.withdrawn}
        old = check_document(cached).doc
        for profile in old.profiles if old is not None else ():
            if profile.slug not in gone:
                continue
            for photo in profile.photos:
                target = locate(photo.thumbnail.url, fresh)
                if target is not None:
                    self.cache.photo(target).unlink(missing_ok=True)

    def _read(self, address: str, saved: Saved | None) -> Fetched:
        if address.startswith(("http://", "https://")):
            return self.data.get(address, saved, under(site_root(address)))
        path = _local(address)
        try:
            return Fetched(path.read_bytes())
        except OSError as error:
            return Fetched(error=msg.source_no_file(path, error.strerror or str(error)))

    # --- photos --------------------------------------------------------------------------

    def thumb(self, commune: CommuneData, profile: od.Profile, photo: od.Photo) -> Thumb | str:
        """The photo's thumbnail from the cache, or fetched and made now; or why not."""
        target = locate(photo.thumbnail.url, commune)
        if target is None:
            return msg.photo_outside(photo.thumbnail.url)
        kept = self.cache.photo(target)
        if not kept.is_file():
            data = self._photo_bytes(target, under(site_root(commune.read_from)))
            if isinstance(data, str):
                return data
            made = make_thumbnail(data)
            if isinstance(made, str):
                return made
            write_atomic(kept, made)
        width, height = size_of(kept)
        return Thumb(kept, f"anh-{kept.stem[:16]}.jpg", width, height, photo)

    def _photo_bytes(self, target: str, allowed: Callable[[str], bool]) -> bytes | str:
        if target.startswith(("http://", "https://")):
            got = self.photos.get(target, allowed=allowed)
            return got.body if got.body is not None else (got.error or msg.SOURCE_NOT_TRIED)
        try:
            return _local(target).read_bytes()
        except OSError as error:
            return msg.source_no_file(_local(target), error.strerror or str(error))

    def _photo_problems(
        self, communes: Iterable[CommuneData], failed: Mapping[str, list[str]]
    ) -> list[Problem]:
        problems = []
        for index, commune in enumerate(communes):
            reasons = failed.get(commune.code)
            if reasons:
                problems.append(self._warning(index, msg.photos_failed(len(reasons), reasons[0])))
        return problems


def gather(config: ProvinceConfig) -> Gathered:
    """Every commune of ``config``: fetched, checked, cached; their photos' thumbnails."""
    return Gatherer(config).run()
