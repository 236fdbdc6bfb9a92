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

    host: str = Field(min_length=1, description="The server's name or address.")
    path: str = Field(
        min_length=1, description="The folder on the server holding the releases, e.g. /srv/dienhinh."
    )
    user: str | None = Field(
        default=None,
        description="The user to log in as; without it, the local user's name (or ~/.ssh/config's).",
    )
    port: int = Field(default=22, gt=0, lt=65536, description="The server's SSH port.")
    key: str | None = Field(
        default=None, description="A private key file; without it, ssh-agent and the keys of ~/.ssh log in."
    )
    known_hosts: str | None = Field(
        default=None, description="The file of known server keys; without it, ~/.ssh/known_hosts."
    )


class GitHubPagesTarget(BaseModel):
    """A ``gh-pages`` branch pushed to a Git remote of the project (``true`` for defaults)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    remote: str = Field(default="origin", min_length=1, description="The Git remote the branch is pushed to.")
    branch: str = Field(default="gh-pages", min_length=1, description="The branch GitHub Pages serves.")
    cname: str | None = Field(default=None, description="A custom domain GitHub Pages serves the site at.")


class PublishOptions(BaseModel):
    """Where ``dienhinh publish`` puts the built site: a folder, a server over SSH, GitHub
    Pages (one or more; ``--to`` chooses when there are several)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    folder: str | None = Field(
        default=None,
        description="A folder to copy the site to (a shared drive, a USB stick); relative to mkdocs.yml.",
    )
    ssh: SshTarget | None = Field(
        default=None, description="A server reached over SSH (SFTP), one release folder per publish."
    )
    github_pages: GitHubPagesTarget | None = Field(
        default=None, description="A gh-pages branch pushed to a Git remote (true: with the defaults)."
    )
    keep: int = Field(
        default=5, ge=2, le=50, description="How many releases a server keeps (the live one included)."
    )

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
    """The ``dienhinh`` entry of ``plugins`` in mkdocs.yml: every option, its default and what
    it is (the docs' options table is generated from these declarations)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    exemplars_dir: str = Field(
        default="exemplars",
        description="The folder of the profiles, one folder per exemplar; relative to mkdocs.yml.",
    )
    registry: str = Field(
        default="exemplars/registry.yml",
        description="The registry: the commune, its hamlets, organizations, fields and criteria.",
    )
    overrides_dir: str = Field(
        default="overrides",
        description="The commune's own theme files (only those it changed), laid over the tool's theme.",
    )
    templates_dir: str | None = Field(
        default=None,
        description="The first layout: the whole theme copied into the commune (dienhinh upgrade moves it).",
    )
    visits_dir: str = Field(
        default="visits", description="The folder of the study visits, one YAML file each."
    )
    cache_dir: str = Field(
        default=".cache/dienhinh",
        description="Where parsed profiles, processed photos and share cards are kept between builds.",
    )
    max_file_kb: int = Field(
        default=MAX_FILE_KB,
        gt=0,
        le=100_000,
        description="The largest profile or visit file read, in kilobytes.",
    )
    max_photo_mb: float = Field(
        default=15.0, gt=0, le=1000, description="The largest photo file accepted, in megabytes."
    )
    max_photo_megapixels: float = Field(
        default=50.0, gt=0, le=1000, description="The largest photo accepted, in millions of pixels."
    )
    search: bool = Field(default=True, description="Build the site's search index (Pagefind).")
    publish: PublishOptions = Field(
        default=PublishOptions(), description="Where dienhinh publish sends the built site."
    )


DEFAULTS = Options()


@dataclass(frozen=True)
class Site:
    """What mkdocs.yml says of the site, as the engine resolved it when there is one
    (``mkdocs serve`` points the address at the preview)."""

    url: str = ""  # site_url: absolute links in booklets (QR codes), share previews, the feed
    name: str = ""
    description: str = ""
    directory_urls: bool = True
    folder: str = "site"  # site_dir, relative to mkdocs.yml: the built site
    docs_folder: str = "docs"  # docs_dir, relative to mkdocs.yml: the hand-written pages
    url_line: int = 0  # where mkdocs.yml sets site_url (0: not set there)


@dataclass(frozen=True)
class Settings:
    """One project (a folder holding mkdocs.yml): its options, the file they were read from
    and, resolved against the folder, the paths the options name."""

    root: Path
    options: Options
    # The file as read (raw options with their lines, what it says of the site). Not compared:
    # its raw data (dicts) cannot be hashed, and the folder and options say which project it is.
    config: ConfigFile = field(compare=False)

    @classmethod
    def of(cls, config: ConfigFile, options: Options) -> Settings:
        """The settings of ``config``, whose options ``options`` are once checked."""
        return cls(config.path.parent.resolve(), options, config)

    @classmethod
    def from_options(cls, root: Path, options: Mapping[str, Any], site_url: str = "") -> Settings:
        """Settings from options already known to be valid (tests, benchmarks); the project's
        mkdocs.yml is not read."""
        path = root.resolve() / "mkdocs.yml"
        config = ConfigFile(path, Site(url=site_url), Source(path, dict(options), {}))
        return cls.of(config, Options.model_validate(dict(options)))

    @classmethod
    def from_mkdocs_yml(cls, config_file: Path) -> Settings:
        """Settings of a project whose mkdocs.yml is known to be valid (tests, benchmarks);
        commands use ``load_settings``, which reports problems instead."""
        settings, problems = load_settings(config_file)
        if settings is None:
            raise ValueError("\n".join(p.format() for p in problems))
        return settings

    def with_options(self, **changes: Any) -> Settings:
        """The same project with some options changed, not checked again (a path option may
        be absolute: the store reads a staged copy of a folder this way)."""
        return dataclasses.replace(self, options=self.options.model_copy(update=changes))

    # --- what the options and mkdocs.yml name, resolved against the project's folder ----------

    @property
    def config_file(self) -> Path:
        return self.config.path

    @property
    def site(self) -> Site:
        return self.config.site

    @property
    def site_url(self) -> str:
        return self.config.site.url

    @property
    def site_name(self) -> str:
        return self.config.site.name

    @property
    def site_url_line(self) -> int:
        return self.config.site.url_line

    @property
    def site_dir(self) -> Path:
        return self.root / self.config.site.folder

    @property
    def docs_dir(self) -> Path:
        return self.root / self.config.site.docs_folder

    @property
    def exemplars_dir(self) -> Path:
        return self.root / self.options.exemplars_dir

    @property
    def registry_path(self) -> Path:
        return self.root / self.options.registry

    @property
    def overrides_dir(self) -> Path:
        return self.root / self.options.overrides_dir

    @property
    def legacy_templates(self) -> Path | None:
        """A 0.1 commune's copied theme (``templates_dir``)."""
        return self.root / self.options.templates_dir if self.options.templates_dir else None

    @property
    def visits_dir(self) -> Path:
        return self.root / self.options.visits_dir

    @property
    def cache_dir(self) -> Path:
        return self.root / self.options.cache_dir

    @property
    def theme(self) -> Theme:
        """The commune's overrides over the tool's theme."""
        return Theme.of(self.overrides_dir, self.legacy_templates)

    @property
    def photo_cache(self) -> Path:
        """Processed photos by content hash (always kept: the site is built from them)."""
        return self.cache_dir / "photos"

    @property
    def card_cache(self) -> Path:
        return self.cache_dir / "cards"


# --- reading mkdocs.yml -----------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: ``!ENV`` resolved from the environment; other tags
    (``!!python/name`` …) are MkDocs's business and read as nothing."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class ConfigFile:
    """What the core needs of mkdocs.yml: what it says of the site, and our options."""

    path: Path
    site: Site
    options: Source  # the dienhinh options, with the line of each in mkdocs.yml

    def with_options(self, options: Mapping[str, Any]) -> ConfigFile:
        """The same file with the options as an engine resolved them (``!ENV``, inherited
        files); lines still point into this file."""
        return dataclasses.replace(self, options=Source(self.path, dict(options), self.options.lines))

    def with_site(self, **engine: Any) -> ConfigFile:
        """The same file with what the engine resolved of the site (its address, name…)."""
        return dataclasses.replace(self, site=dataclasses.replace(self.site, **engine))


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


# What the core reads of mkdocs.yml besides our options (the rest is the engine's).
_SITE_KEYS = ("site_url", "site_name", "site_description", "use_directory_urls", "site_dir", "docs_dir")


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
            if isinstance(key_node, ScalarNode) and key_node.value in _SITE_KEYS:
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
    site = Site(
        url=str(top.get("site_url") or ""),
        name=str(top.get("site_name") or ""),
        description=str(top.get("site_description") or ""),
        directory_urls=top.get("use_directory_urls") is not False,
        folder=str(top.get("site_dir") or "site"),
        docs_folder=str(top.get("docs_dir") or "docs"),
        url_line=top_lines.get("site_url", 0),
    )
    return ConfigFile(path, site, Source(path, options if options is not None else {}, lines)), []


def settings_from(config: ConfigFile) -> tuple[Settings | None, list[Problem]]:
    """Our options checked against ``Options``; what ``config`` says of the site as it is (an
    engine gives its own: ``ConfigFile.with_site``)."""
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
    return Settings.of(config, options), []


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
