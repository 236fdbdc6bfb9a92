"""A new commune's project in one command: its answers (commune, province, hamlets,
organizations, the current plan period) → mkdocs.yml, the registry, the content pages and
``.gitignore``, with no sample profile and the sample banner off.

The commune gets its own files only: the theme stays in the package (theme_files.py), so a
new version of the tool reaches it. The starter files are package data (``starter/``,
rendered with the answers); ``--from`` copies another commune's ``overrides/`` (its own
changes to the theme) as well."""

from __future__ import annotations

import importlib.resources
import json
import re
import shutil
import tempfile
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from ..messages import common as common_msg
from ..messages import staff as msg
from ..records.settings import SAMPLE_SITE_URL, load_settings
from ..rendering import environment
from ..theme_files import Layer, theme_files

STARTER = "starter"  # package data beside this module
OVERRIDES = "overrides"
# What init writes at the project's root; any of them already there means a project exists.
# The officers' guides' pictures, beside the guides (starter/content/).
PICTURES = "hinh"
PROJECT_ENTRIES = ("mkdocs.yml", "exemplars", "content", OVERRIDES, "site_templates")
PERIOD_LENGTH = 5  # emulation plans run five years (2021–2025, 2026–2030…)
FIRST_TWO_LEVEL_PERIOD = 2026

# A pasted line's bullet or number ("1.", "2)", "-", "•"), and a spreadsheet row's number cell.
_BULLET = re.compile(r"^\s*(?:\d+\s*[.)]|[-*•–+])\s+")
_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$")
# Organization kinds of the starter registry, guessed from the name (folded, no accents).
_KIND_WORDS = (
    ("doan-the", ("hoi-", "doan-", "chi-hoi-", "chi-doan-", "cong-doan-", "mat-tran", "uy-ban-mat-tran")),
    ("truong-hoc", ("truong-", "mam-non", "mau-giao")),
    ("hop-tac-xa", ("hop-tac-xa", "htx-", "cong-ty", "doanh-nghiep", "to-hop-tac")),
)


def parse_list(text: str) -> list[str]:
    """Names pasted one per line (or separated by ";"): bullets, numbers and empty lines
    dropped, spaces tidied, a name repeated (ignoring case) kept once."""
    names: list[str] = []
    seen: set[str] = set()
    for line in re.split(r"[\n;]", text):
        cells = [c for c in line.split("\t") if c.strip() and not c.strip().rstrip(".").isdigit()]
        name = " ".join(_BULLET.sub("", cells[0] if cells else "").split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def with_word(name: str, words: Sequence[str]) -> str:
    """ "Hòa Bình" → "xã Hòa Bình" (the first of ``words``); a name that already begins with
    one of them is kept, that word in lower case as in "xã Điềm Mặc"."""
    name = " ".join(name.split())
    for word in words:
        if name.casefold().startswith(f"{word} "):
            return word + name[len(word) :]
    return f"{words[0]} {name}"


def commune_name(name: str) -> str:
    return with_word(name, msg.COMMUNE_WORDS)


def province_name(name: str) -> str:
    return with_word(name, msg.PROVINCE_WORDS)


def default_period(year: int) -> tuple[int, int]:
    """The five-year period holding ``year`` (2026–2030, 2031–2035…)."""
    first = year - (year - FIRST_TWO_LEVEL_PERIOD) % PERIOD_LENGTH
    return first, first + PERIOD_LENGTH - 1


def parse_period(text: str) -> tuple[int, int] | None:
    """ "2026-2030" (or with – / spaces) → (2026, 2030); None when it is not two years in order."""
    match = _PERIOD.match(text)
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    return (first, last) if 2000 <= first <= last <= 2100 else None


def codes_for(names: Iterable[str], strip: Sequence[str] = (), drop_suffix: str = "") -> list[str]:
    """A unique address-safe code per name: "Xóm Bản Quyền" → ``ban-quyen`` (a leading
    "xom-"/"thon-" and a trailing "-xa" dropped when something is left), -2, -3 when taken."""
    codes: list[str] = []
    for name in names:
        base = slugify(name, max_length=40, word_boundary=True) or "ma"
        for prefix in strip:
            if base.startswith(prefix) and len(base) > len(prefix):
                base = base[len(prefix) :]
        if drop_suffix and base.endswith(drop_suffix) and len(base) > len(drop_suffix):
            base = base[: -len(drop_suffix)]
        code, number = base, 2
        while code in codes:
            code, number = f"{base}-{number}", number + 1
        codes.append(code)
    return codes


def organization_kind(name: str) -> str:
    """The starter registry's kind for an organization, guessed from its name."""
    folded = slugify(name)
    for kind, starts in _KIND_WORDS:
        if any(folded.startswith(start) or f"-{start}" in f"-{folded}" for start in starts):
            return kind
    return "co-quan"


@dataclass(frozen=True)
class NewCommune:
    """The answers init needs."""

    commune: str
    province: str
    hamlets: tuple[str, ...]
    organizations: tuple[str, ...] = ()
    period: tuple[int, int] = (2026, 2030)
    decision: str | None = None  # the number of the plan's document, if known
    site_url: str = SAMPLE_SITE_URL

    def template_values(self) -> dict[str, object]:
        first, last = self.period
        name = common_msg.period_name(first, last)
        hamlet_codes = codes_for(self.hamlets, strip=("xom-", "thon-"))
        org_codes = codes_for(self.organizations, drop_suffix="-xa")
        return {
            "commune": self.commune,
            "province": self.province,
            "full_name": f"{self.commune}, {self.province}",
            "first": first,
            "last": last,
            "period_code": f"{first}-{last}",
            "period_name": name,
            "period_title": common_msg.plan_title_of(name),
            "decision": {"number": self.decision} if self.decision else None,
            "hamlets": list(zip(hamlet_codes, self.hamlets, strict=True)),
            "organizations": [
                (code, org, organization_kind(org))
                for code, org in zip(org_codes, self.organizations, strict=True)
            ],
            "site_url": self.site_url,
        }


def existing_project(target: Path) -> Path | None:
    """The first project file already in ``target`` (init never writes over a project)."""
    for entry in PROJECT_ENTRIES:
        if (target / entry).exists():
            return target / entry
    return None


def overrides_source(project: Path) -> Path | None:
    """The theme changes of ``project`` to copy (its mkdocs.yml's overrides folder, or a
    folder given directly); None when it has none."""
    candidates: list[Path] = []
    if (project / "mkdocs.yml").is_file():
        settings, _ = load_settings(project / "mkdocs.yml")
        if settings is not None:
            candidates.append(settings.overrides_dir)
    candidates += [project / OVERRIDES, project]
    for candidate in candidates:
        if candidate.is_dir() and any(name for name, _ in theme_files(Layer(candidate))):
            return candidate
    return None


def starter_folder() -> Path:
    """The starter files installed with the package."""
    return Path(str(importlib.resources.files(__package__ or "").joinpath(STARTER)))


def _yaml(value: object) -> str:
    """A YAML scalar or flow mapping that reads back as ``value`` (JSON is YAML)."""
    return json.dumps(value, ensure_ascii=False)


def render_starter(answers: NewCommune) -> dict[str, str]:
    """Project path → text of every starter file (mkdocs.yml, registry, content pages)."""
    starter = starter_folder()
    # YAML and Markdown: every value from the answers goes through |yaml or is escaped first.
    env = environment([starter], autoescape=False, keep_trailing_newline=True)
    env.filters["yaml"] = _yaml
    values = answers.template_values()
    files = {
        "mkdocs.yml": env.get_template("mkdocs.yml.j2").render(values),
        "exemplars/registry.yml": env.get_template("registry.yml.j2").render(values),
        ".gitignore": (starter / "gitignore").read_text(encoding="utf-8"),
    }
    for page in sorted((starter / "content").iterdir()):
        if page.name.endswith(".j2"):
            files[f"content/{page.name[: -len('.j2')]}"] = env.get_template(f"content/{page.name}").render(
                {
                    **values,
                    "commune": _markdown_text(answers.commune),
                    "full_name": _markdown_text(values["full_name"]),
                }
            )
        elif page.is_file():
            files[f"content/{page.name}"] = page.read_text(encoding="utf-8")
    return files


def starter_pictures() -> dict[str, bytes]:
    """Project path → bytes of the pictures the officers' guides show (content/hinh/)."""
    folder = Path(str(importlib.resources.files(__package__ or "") / "starter" / "content" / PICTURES))
    return {f"content/{PICTURES}/{p.name}": p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


_HOST = re.compile(
    r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
    r"|^localhost$|^\d{1,3}(?:\.\d{1,3}){3}$"
)


def site_address(text: str) -> str | None:
    """The site's address as mkdocs.yml's ``site_url`` wants it (scheme, host, final "/"):
    ``dienhinh.xa.gov.vn`` → ``https://dienhinh.xa.gov.vn/``; None when it is no web address."""
    value = text.strip()
    if "://" not in value:
        value = "https://" + value
    parts = urllib.parse.urlsplit(value)
    try:
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not _HOST.match(host) or parts.query or parts.fragment:
        return None
    if parts.username or parts.password or any(c.isspace() for c in value):
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    netloc = host + (f":{port}" if port else "")
    return f"{parts.scheme}://{netloc}{path}"


def _markdown_text(value: object) -> str:
    """A name written into a Markdown page as text, not markup."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|])", r"\\\1", str(value))


def write_project(target: Path, answers: NewCommune, overrides: Path | None = None) -> list[str]:
    """Write the project into ``target`` (made if missing), with a copy of ``overrides`` when
    given: every file is first written into a folder inside it, then moved into place, so a
    failure leaves no half project. → the paths written, relative to ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    files = render_starter(answers)
    pictures = starter_pictures()
    if (target / ".gitignore").exists():  # the folder may already be a repository: keep its own
        del files[".gitignore"]
    staging = Path(tempfile.mkdtemp(prefix=".dienhinh-init-", dir=target))
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for name, data in pictures.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
        if overrides is not None:
            shutil.copytree(overrides, staging / OVERRIDES, ignore=shutil.ignore_patterns("__pycache__"))
        for entry in sorted(staging.iterdir()):
            entry.rename(target / entry.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    folders = [f"content/{PICTURES}/"] if pictures else []
    return [*files, *folders, *([f"{OVERRIDES}/"] if overrides is not None else [])]
