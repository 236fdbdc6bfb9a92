"""Decap CMS's local backend API (the JSON actions of its ``proxy`` backend, as decap-server
answers them), in Python, over one project: files are read from and written straight into
the profiles' and visits' folders.

Every save goes through the project's one checked writer (records.store), as ``dienhinh new``
and the imports do: checked the way ``dienhinh check`` checks the project after it, nothing
written when it would bring an error. The reply lists each problem in Vietnamese with the form
field it concerns; warnings come back with a successful save. Front matter is written the way
the store writes it (keys in the model's order, empty values and defaults left out here,
leading comments kept)."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from ..files import within
from ..messages import editor as msg
from ..messages import photos as photos_msg
from ..messages import records as records_msg
from ..records import store
from ..records.load import parse_yaml, split_front_matter
from ..records.model import SLUG_RE, Exemplar, Kind, Visit
from ..records.problems import Problem
from ..records.settings import Settings
from ..records.store import Change, dump_front_matter
from ..records.story import with_headings
from .config import SHARED_MEDIA, _unwrap, field_labels
from .publishing import Publisher
from .uploads import Upload, accept_upload

MEDIA_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".svg"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INDEX = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Reply:
    """An HTTP status and the JSON body Decap reads."""

    status: int
    body: Any


def _ok(body: Any) -> Reply:
    return Reply(200, body)


def _refused(
    message: str, problems: Iterable[dict[str, Any]] = (), warnings: Iterable[Any] = (), status: int = 422
) -> Reply:
    return Reply(status, {"error": message, "problems": list(problems), "warnings": list(warnings)})


class Refused(Exception):
    """A request the backend will not carry out; its message is Vietnamese."""


# --- front matter, as the project writes it ------------------------------------------------


def _nested_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    if model is None or key not in model.model_fields:
        return None
    info = model.model_fields[key]
    base = _unwrap(info.annotation, tuple(info.metadata)).base
    return base if isinstance(base, type) and issubclass(base, BaseModel) else None


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def tidy(value: Any, model: type[BaseModel] | None) -> Any:
    """Empty values and defaults dropped, keys in the model's order, ISO dates as dates."""
    if isinstance(value, list):
        items = [tidy(item, model) for item in value]
        return [item for item in items if not _empty(item)]
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.match(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return text  # check names the impossible date
        return text
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    fields = model.model_fields if model is not None else {}
    for key, item in value.items():
        item = tidy(item, _nested_model(model, key))
        info = fields.get(key)
        if _empty(item):
            continue
        if (
            info is not None
            and not info.is_required()
            and item == info.get_default(call_default_factory=True)
        ):
            continue
        out[key] = item
    order = list(fields)
    return dict(sorted(out.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))


def tidy_exemplar(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = tidy(data, Exemplar)
    consent = found.get("consent")
    # The form offers consent to every kind; only an individual's is worth keeping.
    if found.get("kind") != Kind.individual.value and consent == {"given": False}:
        del found["consent"]
    return found


def _comments(old: bytes | None) -> list[str]:
    """Leading comment lines of a file's front matter (e.g. the sample-data notice)."""
    if old is None:
        return []
    lines = old.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").split("\n")
    start = 1 if lines and lines[0].rstrip() == "---" else 0
    found = []
    for line in lines[start:]:
        if not line.startswith("#"):
            break
        found.append(line)
    return found


# --- paths ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where a path of a request lands: a profile bundle, a visit file or shared media."""

    kind: str  # "bundle", "visit" or "shared"
    path: Path
    slug: str = ""


class Paths:
    """Request paths (relative to the project, '/'-separated) → files the editor may touch."""

    def __init__(self, settings: Settings) -> None:
        self.root = settings.root.resolve()
        self.exemplars = settings.exemplars_dir.resolve()
        self.visits = settings.visits_dir.resolve() if settings.visits_dir else None
        self.shared = (self.root / SHARED_MEDIA[0]).resolve()

    def relative(self, path: Path) -> str:
        real = within(path, self.root)
        if real is None:  # a link leading out of the project
            raise Refused(msg.EDITOR_PATH_REFUSED.format(path=path.name))
        return real.relative_to(self.root).as_posix()

    def target(self, text: str) -> Target:
        pure = PurePosixPath(text.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts or any(p.startswith(".") for p in pure.parts):
            raise Refused(msg.EDITOR_PATH_REFUSED.format(path=text))
        path = within(self.root / pure, self.root)
        if path is None:  # through a link leading out of the project
            raise Refused(msg.EDITOR_PATH_REFUSED.format(path=text))
        if path.parent.parent == self.exemplars and path.parent.name and SLUG_RE.match(path.parent.name):
            return Target("bundle", path, path.parent.name)
        if self.visits is not None and path.parent == self.visits and path.suffix == ".yml":
            return Target("visit", path, path.stem)
        if path.parent == self.shared and path.suffix.lower() in MEDIA_SUFFIXES:
            return Target("shared", path)
        raise Refused(msg.EDITOR_PATH_REFUSED.format(path=text))

    def folder(self, text: str) -> Path:
        """A folder Decap lists: the profiles', the visits', a bundle or the shared media."""
        path = within(self.root / PurePosixPath(text.replace("\\", "/")), self.root)
        if path is None:
            raise Refused(msg.EDITOR_PATH_REFUSED.format(path=text))
        allowed = {self.exemplars, self.shared} | ({self.visits} if self.visits else set())
        if path in allowed or (path.parent == self.exemplars and SLUG_RE.match(path.name)):
            return path
        raise Refused(msg.EDITOR_PATH_REFUSED.format(path=text))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _decode(asset: Mapping[str, Any]) -> bytes:
    try:
        return base64.b64decode(str(asset.get("content", "")), validate=True)
    except (binascii.Error, ValueError) as error:
        raise Refused(msg.EDITOR_BAD_REQUEST.format(detail=error)) from error


# --- problems as the form shows them --------------------------------------------------------


def field_label(field: str, labels: Mapping[str, str]) -> str:
    """``evaluations[1].year`` → “Đánh giá hằng năm (mục 2) › Năm”."""
    plain = _INDEX.sub("", field)
    shown = labels.get(plain, field)
    numbers = [int(n) + 1 for n in _INDEX.findall(field)]
    if numbers:
        parts = shown.split(" › ")
        item = msg.EDITOR_ITEM.format(number=numbers[0])
        parts[0] = f"{parts[0]} ({item})"
        shown = " › ".join(parts)
    return shown


def _described(problem: Problem, root: Path, labels: Mapping[str, str], own: bool = True) -> dict[str, Any]:
    label = field_label(problem.field, labels) if problem.field else ""
    if not own:  # another file that this save would break: named by its path
        shown = problem.format(root).split(":", 1)[0]
        label = f"{shown} › {label}" if label else shown
    return {
        "field": problem.field,
        "label": label,
        "message": problem.message,
        "severity": problem.severity.value,
        "line": problem.line,
        "text": problem.format(root),
    }


# --- the backend ---------------------------------------------------------------------------


class LocalBackend:
    """Answers Decap's proxy-backend actions for one project; one save at a time."""

    def __init__(
        self, settings: Settings, today: Callable[[], dt.date] | None = None, preview_url: str = ""
    ) -> None:
        self.settings = settings
        self.preview_url = preview_url
        self.paths = Paths(settings)
        self.today = today
        self.lock = threading.RLock()
        self.labels = field_labels(Exemplar)
        self.labels["story"] = msg.EDITOR_LABELS["Exemplar.story"]
        self.visit_labels = field_labels(Visit)
        self.actions: dict[str, Callable[[dict[str, Any]], Reply]] = {
            "info": self._info,
            "entriesByFolder": self._entries_by_folder,
            "entriesByFiles": self._entries_by_files,
            "getEntry": self._get_entry,
            "getMedia": self._get_media,
            "getMediaFile": self._get_media_file,
            "persistEntry": self._persist_entry,
            "persistMedia": self._persist_media,
            "deleteFile": self._delete_file,
            "deleteFiles": self._delete_files,
            "getDeployPreview": self._deploy_preview,
            "dienhinhPreviewStatus": self._preview_status,
            "dienhinhPublish": self._publish,
            "dienhinhPublishStatus": lambda params: _ok(self.publisher.status()),
        }
        self.publisher = Publisher(settings)

    def handle(self, request: Mapping[str, Any]) -> Reply:
        """One request body ``{"action": …, "params": …}`` → the reply Decap expects."""
        action = str(request.get("action", ""))
        params = request.get("params") or {}
        if action not in self.actions:
            return _refused(msg.EDITOR_UNKNOWN_ACTION.format(action=action))
        if not isinstance(params, dict):
            return _refused(msg.EDITOR_BAD_REQUEST.format(detail="params"))
        try:
            return self.actions[action](params)
        except Refused as refused:
            return _refused(str(refused))
        except (KeyError, TypeError, AttributeError, ValueError, OverflowError) as error:
            # A field of the wrong type ("depth": "x", "files": 3): a bad request, said plainly.
            return _refused(msg.EDITOR_BAD_REQUEST.format(detail=str(error)[:200]), status=400)

    # --- reading ---------------------------------------------------------------------------

    def _deploy_preview(self, params: dict[str, Any]) -> Reply:
        """Decap's "Xem trước" button opens the live preview's page of the entry."""
        if not self.preview_url:
            return _ok(None)
        section = "tham-quan" if params.get("collection") == "visits" else "dien-hinh"
        slug = str(params.get("slug", "")).removesuffix("/index")
        return _ok({"url": f"{self.preview_url}{section}/{slug}/", "status": "SUCCESS"})

    def _preview_status(self, params: dict[str, Any]) -> Reply:
        """The preview server's answer for an entry's page (200 once built): the editor's page
        shows the page only then, a new profile's included."""
        section = "tham-quan" if params.get("section") == "tham-quan" else "dien-hinh"
        slug = str(params.get("slug", ""))
        if not self.preview_url or not SLUG_RE.match(slug):
            return _ok({"status": 0})
        return _ok({"status": preview_status(f"{self.preview_url}{section}/{slug}/")})

    def _publish(self, params: dict[str, Any]) -> Reply:
        """“Đưa lên mạng” (or back to the previous version): the configured publish, started."""
        if not self.publisher.targets():
            raise Refused(msg.EDITOR_PUBLISH_NO_TARGET)
        if not self.publisher.start(bool(params.get("rollback"))):
            raise Refused(msg.EDITOR_PUBLISH_BUSY)
        return _ok(self.publisher.status())

    def _info(self, params: dict[str, Any]) -> Reply:
        return _ok({"repo": self.settings.root.name, "publish_modes": ["simple"], "type": "local_fs"})

    def _entry(self, text: str) -> dict[str, Any]:
        try:
            target = self.paths.target(text)
            data = target.path.read_bytes()
        except (Refused, OSError):
            return {"data": None, "file": {"path": text, "id": None}}
        return {"data": data.decode("utf-8-sig", errors="replace"), "file": {"path": text, "id": _sha(data)}}

    def _entries_by_folder(self, params: dict[str, Any]) -> Reply:
        folder = self.paths.folder(str(params["folder"]))
        extension = str(params.get("extension", ""))
        depth = int(params.get("depth", 1))
        found = sorted(
            path
            for path in folder.rglob(f"*{extension}")
            if path.is_file()
            and len(path.relative_to(folder).parts) <= depth
            and not any(part.startswith((".", "_")) for part in path.relative_to(folder).parts)
        )
        entries = []
        for path in found:
            try:
                target = self.paths.target(self.paths.relative(path))
            except Refused:
                continue  # e.g. registry.yml beside the bundles
            if target.kind != "shared" and (target.kind != "bundle" or path.name == "index.md"):
                entries.append(self._entry(self.paths.relative(path)))
        return _ok(entries)

    def _entries_by_files(self, params: dict[str, Any]) -> Reply:
        return _ok([self._entry(str(item["path"])) for item in params["files"]])

    def _get_entry(self, params: dict[str, Any]) -> Reply:
        return _ok(self._entry(str(params["path"])))

    def _media_file(self, path: Path) -> dict[str, Any]:
        data = path.read_bytes()
        return {
            "id": _sha(data),
            "content": base64.b64encode(data).decode("ascii"),
            "encoding": "base64",
            "path": self.paths.relative(path),
            "name": path.name,
        }

    def _get_media(self, params: dict[str, Any]) -> Reply:
        folder = self.paths.folder(str(params["mediaFolder"]))
        if not folder.is_dir():
            return _ok([])
        # A link is shown only when it stands for a picture of this very folder: one leading
        # out of it (to mkdocs.yml, to a key outside the project) is a file the editor never serves.
        files = sorted(
            p
            for p in folder.iterdir()
            if p.suffix.lower() in MEDIA_SUFFIXES
            and (real := within(p, folder)) is not None
            and real.parent == folder
            and real.suffix.lower() in MEDIA_SUFFIXES
            and real.is_file()
        )
        return _ok([self._media_file(p) for p in files])

    def _get_media_file(self, params: dict[str, Any]) -> Reply:
        target = self.paths.target(str(params["path"]))
        if not target.path.is_file():
            raise Refused(photos_msg.photo_missing(str(params["path"])))
        return _ok(self._media_file(target.path))

    # --- saving ----------------------------------------------------------------------------

    def _persist_entry(self, params: dict[str, Any]) -> Reply:
        entry = params.get("entry")
        files = params.get("dataFiles") or ([entry] if entry else [])
        if len(files) != 1:
            raise Refused(msg.EDITOR_BAD_REQUEST.format(detail="dataFiles"))
        data_file = files[0]
        if data_file.get("newPath") and data_file["newPath"] != data_file.get("path"):
            raise Refused(msg.EDITOR_NO_RENAME)
        target = self.paths.target(str(data_file["path"]))
        raw = str(data_file.get("raw", ""))
        assets = [(self.paths.target(str(a["path"])), _decode(a)) for a in params.get("assets") or []]
        if target.kind == "bundle" and target.path.name == "index.md":
            new = bool((params.get("options") or {}).get("newEntry"))
            return self._save(lambda: self._bundle_change(target, raw, assets, new))
        if target.kind == "visit" and not assets:
            return self._save(lambda: self._visit_change(target, raw))
        raise Refused(msg.EDITOR_PATH_REFUSED.format(path=data_file["path"]))

    def _bundle_change(
        self, target: Target, raw: str, assets: list[tuple[Target, bytes]], new: bool
    ) -> Change:
        """The save of a profile; ``new`` (Decap's new entry) never replaces one already there."""
        folder = target.path.parent
        photos: dict[str, bytes] = {}
        renamed: dict[str, str] = {}
        taken = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
        for asset, data in assets:
            if asset.kind != "bundle" or asset.slug != target.slug:
                raise Refused(msg.EDITOR_PATH_REFUSED.format(path=self.paths.relative(asset.path)))
            upload = accept_upload(asset.path.name, data, taken, self._max_pixels)
            if isinstance(upload, str):
                raise Refused(f"{asset.path.name}: {upload}")
            # The same checks as a photo saved alone (persistMedia): a picture, or nothing.
            problem = self._photo_problem(upload)
            if problem is not None:
                raise Refused(f"{upload.name}: {problem}")
            taken.add(upload.name)
            photos[upload.name] = upload.data
            if upload.converted_from:
                renamed[upload.converted_from] = upload.name
        old = target.path.read_bytes() if target.path.is_file() else None
        front_matter, story = self._bundle_parts(raw, renamed, folder)
        profile = store.Profile(target.slug, front_matter, story, photos, comments=tuple(_comments(old)))
        return store.profile_change(self.settings, profile, None if new else old)

    @property
    def _max_pixels(self) -> int:
        return int(self.settings.options.max_photo_megapixels * 1e6)

    def _bundle_parts(self, raw: str, renamed: Mapping[str, str], folder: Path) -> tuple[dict[str, Any], str]:
        """(front matter, story) as the project writes them, photos converted from HEIC named
        by their JPEG."""
        parts = split_front_matter(raw.replace("\r\n", "\n"), folder / "index.md")
        if isinstance(parts, Problem):
            raise Refused(parts.message)
        yaml_text, body, _ = parts
        source, problems = parse_yaml(yaml_text, folder / "index.md", first_line=2)
        if source is None or problems or not isinstance(source.data, dict):
            raise Refused(problems[0].message if problems else records_msg.NOT_A_MAPPING)
        # An earlier upload converted in this folder (the form still shows the HEIC's name).
        renamed = {**_converted_before(folder), **renamed}
        data = tidy_exemplar(_renamed(source.data, renamed))
        story = with_headings(body)
        for before, after in renamed.items():
            story = story.replace(f"]({before})", f"]({after})")
        story = "\n" + story.strip("\n") + "\n" if story.strip() else "\n"
        return data, story

    def _visit_change(self, target: Target, raw: str) -> Change:
        source, problems = parse_yaml(raw.replace("\r\n", "\n"), target.path)
        if source is None or problems or not isinstance(source.data, dict):
            raise Refused(problems[0].message if problems else records_msg.NOT_A_MAPPING)
        old = target.path.read_bytes() if target.path.is_file() else None
        head = "".join(f"{line}\n" for line in _comments(old))
        text = head + dump_front_matter(tidy(source.data, Visit))
        return Change({target.path: text.encode("utf-8")}, visits=True, expected={target.path: old})

    def _persist_media(self, params: dict[str, Any]) -> Reply:
        asset = params["asset"]
        target = self.paths.target(str(asset["path"]))
        data = _decode(asset)
        if target.kind == "visit":
            raise Refused(msg.EDITOR_PATH_REFUSED.format(path=asset["path"]))
        folder = target.path.parent
        taken = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
        upload = accept_upload(target.path.name, data, taken, self._max_pixels)
        if isinstance(upload, str):
            raise Refused(f"{target.path.name}: {upload}")
        problem = self._photo_problem(upload)
        if problem is not None:
            raise Refused(f"{upload.name}: {problem}")
        path = folder / upload.name
        bundles = (target.slug,) if target.slug else ()
        reply = self._save(lambda: Change({path: upload.data}, bundles=bundles))
        return _ok(self._media_file(path)) if reply.status == 200 else reply

    def convert_photo(self, name: str, data: bytes) -> Upload | str:
        """A HEIC/HEIF photo chosen in the form → its JPEG, checked like any photo; other
        files come back as they are."""
        upload = accept_upload(name, data, set(), self._max_pixels)
        if isinstance(upload, str):
            return upload
        problem = self._photo_problem(upload)
        return upload if problem is None else problem

    def _photo_problem(self, upload: Upload) -> str | None:
        """The photo checks of ``check`` on an uploaded file (before any profile declares it)."""
        from ..records.photo_checks import inspect_photo

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / upload.name
            path.write_bytes(upload.data)
            found = inspect_photo(
                path, upload.name, int(self.settings.options.max_photo_mb * 2**20), self._max_pixels
            )
        return found if isinstance(found, str) else None

    def _delete_file(self, params: dict[str, Any]) -> Reply:
        return self._delete([str(params["path"])])

    def _delete_files(self, params: dict[str, Any]) -> Reply:
        return self._delete([str(p) for p in params["paths"]])

    def _delete(self, paths: list[str]) -> Reply:
        targets = [self.paths.target(p) for p in paths]
        if any(t.kind == "visit" or t.path.name == "index.md" for t in targets):
            raise Refused(msg.EDITOR_NO_DELETE)
        for target in targets:
            if target.kind == "shared":
                page = self._page_showing(target.path.name)
                if page is not None:
                    raise Refused(msg.EDITOR_MEDIA_IN_USE.format(name=target.path.name, page=page))
        slugs = {t.slug for t in targets}
        reply = self._save(
            lambda: Change({}, tuple(t.path for t in targets), bundles=tuple(sorted(slugs - {""})))
        )
        if reply.status == 200:
            reply = _ok({"message": "deleted", "warnings": reply.body.get("warnings", [])})
        return reply

    def _page_showing(self, name: str) -> str | None:
        """A page (hand-written, a profile's story, a visit) that shows the shared picture
        ``name``: the check of profiles does not read hand-written pages, so it is looked
        for here, by its published address (``hinh/<name>``)."""
        wanted = f"{SHARED_MEDIA[1].strip('/')}/{name}"
        pages = [*self.settings.docs_dir.rglob("*.md"), *self.exemplars_indexes(), *self.visit_files()]
        for page in pages:
            try:
                if wanted in page.read_text(encoding="utf-8", errors="replace"):
                    return self.paths.relative(page)
            except (OSError, Refused):
                continue
        return None

    def exemplars_indexes(self) -> list[Path]:
        return sorted(self.paths.exemplars.glob("*/index.md"))

    def visit_files(self) -> list[Path]:
        return sorted(self.paths.visits.glob("*.yml")) if self.paths.visits else []

    # --- check, then write ---------------------------------------------------------------------

    def _save(self, make: Callable[[], Change]) -> Reply:
        with self.lock:
            change = make()
            saved = store.write(self.settings, change, self.today() if self.today else None)
        mine = store.touched(self.settings, change)
        warnings = [self._described(p, mine) for p in saved.warnings]
        if saved.errors:
            return _refused(
                msg.EDITOR_REFUSED.format(count=len(saved.errors)),
                (self._described(p, mine) for p in saved.errors),
                warnings,
            )
        if saved.failure is not None:
            return _refused(saved.failure.message, [self._described(saved.failure, mine)], warnings)
        return _ok({"message": "entry persisted", "warnings": warnings})

    def _described(self, problem: Problem, touched: set[Path]) -> dict[str, Any]:
        visits = self.settings.visits_dir
        in_visit = visits is not None and problem.file.parent == visits.resolve()
        own = problem.file in touched or problem.file.parent in touched
        labels = self.visit_labels if in_visit else self.labels
        return _described(problem, self.settings.root, labels, own)


def _converted_before(folder: Path) -> dict[str, str]:
    """HEIC names whose JPEG is already in the folder (converted by an earlier save)."""
    if not folder.is_dir():
        return {}
    jpegs = {p.stem for p in folder.glob("*.jpg")}
    return {
        f"{stem}{suffix}": f"{stem}.jpg"
        for stem in jpegs
        for suffix in (".heic", ".heif", ".HEIC", ".HEIF")
        if not (folder / f"{stem}{suffix}").exists()
    }


def _renamed(data: dict[str, Any], renamed: Mapping[str, str]) -> dict[str, Any]:
    if not renamed or not isinstance(data.get("photos"), list):
        return data
    photos = [
        {**photo, "file": renamed.get(str(photo.get("file")), photo.get("file"))}
        if isinstance(photo, dict)
        else photo
        for photo in data["photos"]
    ]
    return {**data, "photos": photos}


def preview_status(url: str) -> int:
    """The HTTP status the preview server answers for ``url`` (0: not answering)."""
    # No proxy: the preview server is on this computer, whatever http_proxy says.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=3) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (urllib.error.URLError, OSError, ValueError):
        return 0
