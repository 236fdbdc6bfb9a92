"""A commune made by dienhinh 0.1, upgraded to the installed theme: ``init`` then copied the
whole theme into ``site_templates/``, so no fix of the tool ever reached it. The copies that
equal a version the tool shipped are removed; the files the commune changed move to
``overrides/`` (Material's custom_dir pattern: only what the commune changed), each with the
theme version it was made from, so ``check`` can say when the tool's original changes later.
mkdocs.yml loses ``custom_dir`` and ``templates_dir``. Nothing is printed here."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..files import write_atomically
from ..records.settings import Settings
from ..theme_files import BASES, LEGACY_MATERIAL, Layer, bases_text, digest, recorded_bases, theme_files

HISTORY = "legacy_theme.json"  # package data: every 0.1 version of every theme file


def legacy_versions() -> dict[str, list[tuple[int, str]]]:
    """Theme name → [(time the version first shipped, SHA-256)], oldest first."""
    import importlib.resources

    text = importlib.resources.files(__package__ or "").joinpath(HISTORY).read_text(encoding="utf-8")
    return {name: [(int(t), str(d)) for t, d in versions] for name, versions in json.loads(text).items()}


def _digests(data: bytes) -> set[str]:
    """The file's SHA-256, and that of its text with Windows line ends made Unix ones (a
    checkout on Windows may have copied the theme with CRLF)."""
    return {digest(data), digest(data.replace(b"\r\n", b"\n"))}


@dataclass
class Upgrade:
    """What an upgrade does to one commune."""

    legacy: Path  # the copied theme (site_templates/)
    overrides: Path  # where the commune's changes go
    removed: list[str] = field(default_factory=list)  # copies equal to a version the tool shipped
    kept: list[str] = field(default_factory=list)  # changed by the commune: moved to overrides
    added: list[str] = field(default_factory=list)  # the commune's own files (no theme original)
    clashes: list[str] = field(default_factory=list)  # already in overrides, with other content
    bases: dict[str, str] = field(default_factory=dict)  # kept file → the version it was made from

    @property
    def moved(self) -> list[str]:
        return sorted(self.kept + self.added)


def plan(settings: Settings, versions: dict[str, list[tuple[int, str]]] | None = None) -> Upgrade | None:
    """What upgrading the commune would do; None when it is not in the 0.1 layout."""
    legacy = settings.legacy_templates
    if legacy is None or not legacy.is_dir():
        return None
    versions = legacy_versions() if versions is None else versions
    upgrade = Upgrade(legacy, settings.overrides_dir)
    matched: dict[str, int] = {}  # name → time its matching version first shipped
    changed: dict[str, bytes] = {}
    for name, path in theme_files(Layer(legacy, LEGACY_MATERIAL)):
        data = path.read_bytes()
        shipped = [time for time, sha in versions.get(name, []) if sha in _digests(data)]
        if shipped:
            upgrade.removed.append(name)
            matched[name] = min(shipped)
        elif name in versions:
            upgrade.kept.append(name)
            changed[name] = data
        else:
            upgrade.added.append(name)
            changed[name] = data
    # The commune's theme is as new as the newest version among its untouched copies: each
    # changed file was made from its own version of that time.
    made = max(matched.values(), default=0)
    for name in upgrade.kept:
        older = [sha for time, sha in versions[name] if time <= made] or [versions[name][0][1]]
        upgrade.bases[name] = older[-1]
    existing = dict(theme_files(Layer(upgrade.overrides)))
    upgrade.clashes = [
        name for name in changed if name in existing and existing[name].read_bytes() != changed[name]
    ]
    return upgrade


# mkdocs.yml lines of the 0.1 layout: the theme's custom_dir into the copy, our templates_dir.
_CUSTOM_DIR = re.compile(r"^\s+custom_dir:\s*['\"]?(?P<value>[^'\"#\n]+?)['\"]?\s*(#.*)?$")
_TEMPLATES_DIR = re.compile(r"^\s+templates_dir:\s*")


def upgraded_config(text: str, legacy: Path, root: Path) -> str:
    """mkdocs.yml without the 0.1 layout's two lines (comments and the rest kept as written)."""
    lines = []
    copied = (legacy / LEGACY_MATERIAL).resolve()
    for line in text.splitlines(keepends=True):
        custom = _CUSTOM_DIR.match(line)
        if custom and (root / custom.group("value").strip()).resolve() == copied:
            continue
        if _TEMPLATES_DIR.match(line):
            continue
        lines.append(line)
    return "".join(lines)


def apply(settings: Settings, upgrade: Upgrade) -> None:
    """Move the changed files into overrides (through a staging folder), rewrite mkdocs.yml,
    then remove the copy. Raises OSError; an interrupted upgrade can be run again."""
    assert settings.config_file is not None and not upgrade.clashes
    overrides = upgrade.overrides
    staging = Path(tempfile.mkdtemp(prefix=".dienhinh-upgrade-", dir=settings.root))
    try:
        if overrides.is_dir():
            shutil.copytree(overrides, staging / "overrides")
        target = staging / "overrides"
        sources = dict(theme_files(Layer(upgrade.legacy, LEGACY_MATERIAL)))
        for name in upgrade.moved:
            path = Layer(target).path(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(sources[name], path)
        bases = recorded_bases(overrides) | upgrade.bases
        if bases:
            target.mkdir(parents=True, exist_ok=True)
            (target / BASES).write_text(bases_text(bases), encoding="utf-8")
        if target.is_dir():
            if overrides.is_dir():
                old = staging / "old-overrides"
                overrides.rename(old)
            target.rename(overrides)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    config = settings.config_file.read_text(encoding="utf-8")
    write_atomically(settings.config_file, upgraded_config(config, upgrade.legacy, settings.root))
    shutil.rmtree(upgrade.legacy)
