"""Project settings: the ``dienhinh`` options of mkdocs.yml as one typed record, read without
MkDocs (so the core can move to another engine). The defaults live here and nowhere else; a
wrong or misspelt option is a Problem naming its line of mkdocs.yml, never a traceback."""

from __future__ import annotations

import dataclasses
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml_env_tag import construct_env_tag

from ..messages import records as records_msg
from ..messages import settings as msg
from ..theme_files import Theme
from .load import MAX_FILE_KB, Loc, Source, problems_from, read_text
from .problems import Problem, Severity

PLUGIN_NAME = "dienhinh"  # the entry under ``plugins:`` in mkdocs.yml
SAMPLE_SITE_URL = "https://dienhinh.example.vn/"


class SshTarget(BaseModel):
    """A server reached over SSH (SFTP): each publish is a new release folder under ``path``
    and ``path``/current points at the live one. No password here: a key file, ssh-agent or
    the keys of ~/.ssh log in; the server's key must be known (``known_hosts``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(min_length=1)
    path: str = Field(min_length=1)  # on the server, e.g. /srv/dienhinh
    user: str | None = None  # the local user's name (or ~/.ssh/config's) when not given
    port: int = Field(default=22, gt=0, lt=65536)
    key: str | None = None  # private key file; without it, ssh-agent and ~/.ssh/id_*
    known_hosts: str | None = None  # without it, ~/.ssh/known_hosts


class GitHubPagesTarget(BaseModel):
    """A ``gh-pages`` branch pushed to a Git remote of the project (``true`` for defaults)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    remote: str = Field(default="origin", min_length=1)
    branch: str = Field(default="gh-pages", min_length=1)
    cname: str | None = None  # a custom domain GitHub Pages serves the site at


class PublishOptions(BaseModel):
    """Where ``dienhinh publish`` puts the built site: a folder, a server over SSH, GitHub
    Pages (one or more; ``--to`` chooses when there are several)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    folder: str | None = None  # a shared drive or a USB stick; relative to mkdocs.yml
    ssh: SshTarget | None = None
    github_pages: GitHubPagesTarget | None = None
    keep: int = Field(default=5, ge=2, le=50)  # releases kept on the server

    @field_validator("github_pages", mode="before")
    @classmethod
    def _switch(cls, value: Any) -> Any:
        # ``github_pages: true`` publishes with the defaults; ``false`` not at all.
        if value is True:
            return {}
        return None if value is False else value

    def targets(self) -> list[str]:
        """The configured targets' names, as ``--to`` takes them."""
        return [name for name in ("ssh", "folder", "github_pages") if getattr(self, name) is not None]


# Keys that would hold a secret: refused with their own message (never stored in the file).
SECRET_KEYS = ("password", "passphrase", "passwd", "mat_khau", "token")


class Options(BaseModel):
    """The ``dienhinh`` entry of ``plugins`` in mkdocs.yml: every option and its default."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    exemplars_dir: str = "exemplars"
    registry: str = "exemplars/registry.yml"
    # The commune's own templates, styles or Word template laid over the tool's theme (only
    # the files it changed; see theme_files.py). Absent: the theme as the tool ships it.
    overrides_dir: str = "overrides"
    # The 0.1 layout: the whole theme copied into the commune (``dienhinh upgrade`` moves it).
    templates_dir: str | None = None
    visits_dir: str = "visits"
    # Parsed profiles, processed photos and share cards kept between builds.
    cache_dir: str = ".cache/dienhinh"
    max_file_kb: int = Field(default=MAX_FILE_KB, gt=0, le=100_000)
    max_photo_mb: float = Field(default=15.0, gt=0, le=1000)
    max_photo_megapixels: float = Field(default=50.0, gt=0, le=1000)
    search: bool = True
    publish: PublishOptions = PublishOptions()


DEFAULTS = Options()


@dataclass(frozen=True)
class Settings:
    """Paths and limits for one project (a folder holding mkdocs.yml)."""

    root: Path
    exemplars_dir: Path
    registry_path: Path
    overrides_dir: Path
    max_file_kb: int = DEFAULTS.max_file_kb
    max_photo_mb: float = DEFAULTS.max_photo_mb
    max_photo_megapixels: float = DEFAULTS.max_photo_megapixels
    # Parsed profiles and processed photos kept between runs; None turns caching off.
    cache_dir: Path | None = None
    visits_dir: Path | None = None  # study visits, one YAML file each (None: no visits)
    site_url: str = ""  # mkdocs.yml's site_url: absolute links in booklets (QR codes)
    site_name: str = ""
    search: bool = DEFAULTS.search
    config_file: Path | None = field(default=None, compare=False)
    site_dir: Path | None = None  # mkdocs.yml's site_dir: the built site (``publish`` sends it)
    site_url_line: int = 0  # where mkdocs.yml sets site_url (0: not set there)
    publish: PublishOptions = DEFAULTS.publish
    legacy_templates: Path | None = None  # a 0.1 commune's copied theme (``templates_dir``)

    @property
    def theme(self) -> Theme:
        """The commune's overrides over the tool's theme."""
        return Theme.of(self.overrides_dir, self.legacy_templates)

    @property
    def photo_cache(self) -> Path:
        """Processed photos by content hash (always kept: the site is built from them)."""
        return (self.cache_dir or self.root / ".cache" / "dienhinh") / "photos"

    @property
    def card_cache(self) -> Path:
        return (self.cache_dir or self.root / ".cache" / "dienhinh") / "cards"

    @classmethod
    def from_options(cls, root: Path, options: Mapping[str, Any], site_url: str = "") -> Settings:
        """Settings from options already known to be valid (tests, benchmarks)."""
        return _resolve(root, Options.model_validate(dict(options)), site_url, "", None)

    @classmethod
    def from_mkdocs_yml(cls, config_file: Path) -> Settings:
        """Settings of a project whose mkdocs.yml is known to be valid (tests, benchmarks);
        commands use ``load_settings``, which reports problems instead."""
        settings, problems = load_settings(config_file)
        if settings is None:
            raise ValueError("\n".join(p.format() for p in problems))
        return settings


def _resolve(
    root: Path,
    options: Options,
    site_url: str,
    site_name: str,
    config_file: Path | None,
    site_dir: str = "site",
    site_url_line: int = 0,
) -> Settings:
    root = root.resolve()
    return Settings(
        root=root,
        exemplars_dir=root / options.exemplars_dir,
        registry_path=root / options.registry,
        overrides_dir=root / options.overrides_dir,
        legacy_templates=root / options.templates_dir if options.templates_dir else None,
        max_file_kb=options.max_file_kb,
        max_photo_mb=options.max_photo_mb,
        max_photo_megapixels=options.max_photo_megapixels,
        cache_dir=root / options.cache_dir,
        visits_dir=root / options.visits_dir,
        site_url=site_url,
        site_name=site_name,
        search=options.search,
        config_file=config_file,
        site_dir=root / site_dir,
        site_url_line=site_url_line,
        publish=options.publish,
    )


# --- reading mkdocs.yml -----------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: ``!ENV`` resolved from the environment; other tags
    (``!!python/name`` …) are MkDocs's business and read as nothing."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class ConfigFile:
    """What the core needs of mkdocs.yml: the site's address and name and our options."""

    path: Path
    site_url: str
    site_name: str
    options: Source  # the dienhinh options, with the line of each in mkdocs.yml
    site_dir: str = "site"
    site_url_line: int = 0

    def with_options(self, options: Mapping[str, Any]) -> ConfigFile:
        """The same file with the options as an engine resolved them (``!ENV``, inherited
        files); lines still point into this file."""
        return dataclasses.replace(self, options=Source(self.path, dict(options), self.options.lines))


def _value(loader: _ConfigLoader, node: Node, loc: Loc, lines: dict[Loc, int]) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, MappingNode) and node.tag == "tag:yaml.org,2002:map":
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if isinstance(key, str):
                lines[(*loc, key)] = key_node.start_mark.line + 1
                result[key] = _value(loader, value_node, (*loc, key), lines)
        return result
    if isinstance(node, SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
        return [_value(loader, item, (*loc, i), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _named(pairs: list[tuple[Node, Node]], name: str) -> Node | None:
    """The value of key ``name`` among a mapping node's pairs."""
    for key_node, value_node in pairs:
        if isinstance(key_node, ScalarNode) and key_node.value == name:
            return value_node
    return None


def _plugin_node(root: MappingNode) -> Node | None:
    """The node of our options in ``plugins`` (a list of names or one-key mappings, or a
    mapping of name → options); a ScalarNode when we are listed without options."""
    plugins = _named(root.value, "plugins")
    if isinstance(plugins, MappingNode):
        return _named(plugins.value, PLUGIN_NAME)
    if not isinstance(plugins, SequenceNode):
        return None
    for item in plugins.value:
        if isinstance(item, ScalarNode) and item.value == PLUGIN_NAME:
            return item
        options = _named(item.value, PLUGIN_NAME) if isinstance(item, MappingNode) else None
        if options is not None:
            return options
    return None


def read_config(path: Path) -> tuple[ConfigFile | None, list[Problem]]:
    """mkdocs.yml → what the core needs of it, or the problems (YAML syntax, encoding)."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    loader = _ConfigLoader(text)
    try:
        root = loader.get_single_node()
        if not isinstance(root, MappingNode):
            return None, [Problem(path, 1, "", records_msg.NOT_A_MAPPING)]
        top: dict[str, Any] = {}
        top_lines: dict[str, int] = {}
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode) and key_node.value in ("site_url", "site_name", "site_dir"):
                top[key_node.value] = loader.construct_object(value_node, deep=True)
                top_lines[key_node.value] = key_node.start_mark.line + 1
        node = _plugin_node(root)
        lines: dict[Loc, int] = {}
        options: Any = {}
        if node is not None and not (isinstance(node, ScalarNode) and node.value in ("", PLUGIN_NAME)):
            options = _value(loader, node, (), lines)
        elif node is not None:
            lines[()] = node.start_mark.line + 1
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return None, [
            Problem(
                path, mark.line + 1 if mark else 1, "", records_msg.yaml_syntax(error.problem or str(error))
            )
        ]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, "", records_msg.yaml_syntax(str(error)))]
    finally:
        loader.dispose()
    return (
        ConfigFile(
            path,
            str(top.get("site_url") or ""),
            str(top.get("site_name") or ""),
            Source(path, options if options is not None else {}, lines),
            str(top.get("site_dir") or "site"),
            top_lines.get("site_url", 0),
        ),
        [],
    )


def settings_from(
    config: ConfigFile, site_url: str | None = None, site_name: str | None = None
) -> tuple[Settings | None, list[Problem]]:
    """Our options checked against ``Options``; ``site_url`` and ``site_name`` as the engine
    resolved them when it did (``mkdocs serve`` points site_url at the preview)."""
    source = config.options
    where = f"plugins.{PLUGIN_NAME}"
    if not isinstance(source.data, dict):
        return None, [Problem(config.path, source.line_of(()), where, msg.OPTIONS_NOT_A_MAPPING)]
    known = tuple(Options.model_fields)
    problems = [
        Problem(config.path, source.line_of((key,)), f"{where}.{key}", msg.unknown_option(key, known))
        for key in source.data
        if key not in known
    ]
    data = {k: v for k, v in source.data.items() if k in known}
    if "publish" in data:
        data["publish"], secrets = _without_secrets(data["publish"], ("publish",))
        problems += [
            Problem(config.path, source.line_of(loc), f"{where}.{'.'.join(loc)}", msg.SECRET_IN_CONFIG)
            for loc in secrets
        ]
    try:
        options = Options.model_validate(data)
    except ValidationError as error:
        problems += [
            Problem(problem.file, problem.line, f"{where}.{problem.field}", problem.message)
            for problem in problems_from(error, source, Options)
        ]
        options = None
    if options is None or problems:
        return None, problems
    url = config.site_url if site_url is None else site_url
    name = config.site_name if site_name is None else site_name
    settings = _resolve(
        config.path.parent, options, url, name, config.path, config.site_dir, config.site_url_line
    )
    return settings, []


def _without_secrets(value: Any, loc: tuple[str, ...]) -> tuple[Any, list[tuple[str, ...]]]:
    """``value`` without the keys that would hold a password or the like (at any depth),
    and where they were: refused with their own message, not as unknown options."""
    if not isinstance(value, dict):
        return value, []
    kept: dict[Any, Any] = {}
    found: list[tuple[str, ...]] = []
    for key, item in value.items():
        if str(key).lower() in SECRET_KEYS:
            found.append((*loc, str(key)))
            continue
        kept[key], deeper = _without_secrets(item, (*loc, str(key)))
        found += deeper
    return kept, found


def example_site_url(url: str) -> bool:
    """The sample's address or one of the names reserved for examples (RFC 2606/6761):
    nothing real is published there."""
    if url.rstrip("/") == SAMPLE_SITE_URL.rstrip("/"):
        return True
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    reserved = ("example", "example.com", "example.net", "example.org", "test", "invalid")
    return any(host == name or host.endswith("." + name) for name in reserved)


def local_site_url(url: str) -> bool:
    """An address only this computer can open (the preview's, 127.0.0.1, localhost)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_settings(config_file: Path) -> tuple[Settings | None, list[Problem]]:
    """The project's settings from its mkdocs.yml, or every problem with them."""
    config, problems = read_config(config_file)
    if config is None:
        return None, problems
    return settings_from(config)


def site_url_problems(settings: Settings) -> list[Problem]:
    """A warning, once per build or check, while site_url is still an example address: it
    goes into booklet QR codes, share previews and the sitemap."""
    if not settings.site_url or not example_site_url(settings.site_url):
        return []
    config = settings.config_file or settings.root / "mkdocs.yml"
    return [
        Problem(
            config,
            settings.site_url_line,
            "site_url",
            msg.example_site_url(settings.site_url),
            Severity.warning,
        )
    ]
