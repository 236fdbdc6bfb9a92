"""The theme: the tool's templates, styles, scripts and Word template, installed with the
package as ``dienhinh.theme`` (``site_templates/`` in the repository), with a commune's own
``overrides/`` folder laid over it file by file, the way Material's ``custom_dir`` works. A
commune keeps only the files it changed, so a new version of the tool reaches every commune.

The theme's top folders: ``material`` (Material for MkDocs overrides: main.html, partials,
our CSS and scripts), ``pages`` (generated pages), ``booklet``, ``report`` (official papers,
the Word template), ``province``. A commune's ``overrides/`` mirrors them."""

from __future__ import annotations

import hashlib
import importlib.resources
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

PACKAGE = "dienhinh.theme"
MATERIAL = "material"  # the folder MkDocs adds to Material's template search path
# The 0.1 layout (``init`` copied the theme into ``site_templates/``) named it "overrides".
LEGACY_MATERIAL = "overrides"
# Files of the package's folder that are not part of the theme.
NOT_THEME = frozenset({"__init__.py"})


def package_theme() -> Path:
    """The theme folder installed with the package (``site_templates/`` in a checkout)."""
    return Path(str(importlib.resources.files(PACKAGE)))


def digest(data: bytes) -> str:
    """The SHA-256 of a theme file's bytes: how the upgrade and ``check`` recognise a copy."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Layer:
    """One folder of the chain; ``material`` is its name for the Material folder."""

    root: Path
    material: str = MATERIAL

    def path(self, name: str) -> Path:
        """Where this layer keeps the theme file (or folder) ``name`` ("material/main.html")."""
        top, _, rest = name.partition("/")
        folder = self.root / (self.material if top == MATERIAL else top)
        return folder / rest if rest else folder


@dataclass(frozen=True)
class Theme:
    """The chain of theme folders, first wins: a commune's overrides, then the package's."""

    layers: tuple[Layer, ...]

    @classmethod
    def of(cls, overrides: Path | None = None, legacy: Path | None = None) -> Theme:
        """The package theme under a commune's ``overrides`` and, for a commune still in the
        0.1 layout, its copied ``site_templates`` (``legacy``) between the two."""
        layers = [Layer(overrides)] if overrides is not None else []
        if legacy is not None:
            layers.append(Layer(legacy, LEGACY_MATERIAL))
        layers.append(Layer(package_theme()))
        return cls(tuple(layers))

    @property
    def own(self) -> tuple[Layer, ...]:
        """The commune's layers (all but the package's)."""
        return self.layers[:-1]

    def folders(self, top: str) -> list[Path]:
        """The existing folders for ``top`` ("pages", "material"…), first wins: a Jinja
        loader's search path, MkDocs' theme dirs."""
        return [folder for layer in self.layers if (folder := layer.path(top)).is_dir()]

    def find(self, name: str) -> Path:
        """The file the chain resolves ``name`` ("booklet/booklet.css") to. The package's
        theme holds every file, so a miss is a bug, raised as FileNotFoundError."""
        for layer in self.layers:
            path = layer.path(name)
            if path.is_file():
                return path
        raise FileNotFoundError(name)


def theme_files(layer: Layer) -> Iterator[tuple[str, Path]]:
    """Every file of a layer, named as in the package theme ("material/partials/header.html"),
    in a stable order; caches and hidden files skipped."""
    if not layer.root.is_dir():
        return
    for path in sorted(layer.root.rglob("*")):
        relative = PurePosixPath(path.relative_to(layer.root).as_posix())
        if not path.is_file() or any(p.startswith(".") or p == "__pycache__" for p in relative.parts):
            continue
        if str(relative) in NOT_THEME:
            continue
        top, *rest = relative.parts
        name = "/".join([MATERIAL if top == layer.material else top, *rest])
        yield name, path


# In a commune's overrides folder: theme name → SHA-256 of the theme's file the override was
# made from (by ``dienhinh upgrade`` or ``dienhinh override``), so ``check`` can tell when the
# tool's original changed since (the commune may be missing a fix).
BASES = ".dienhinh-theme.json"


def recorded_bases(folder: Path) -> dict[str, str]:
    """The bases recorded in an overrides folder; none when the file is missing or unreadable
    (a hand-edited file only loses the warnings)."""
    try:
        data = json.loads((folder / BASES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def bases_text(bases: dict[str, str]) -> str:
    return json.dumps(dict(sorted(bases.items())), indent=1) + "\n"


def stale_overrides(theme: Theme) -> list[tuple[str, Path]]:
    """The commune's overrides whose theme original changed since they were made from it."""
    if not theme.own:
        return []
    base = theme.layers[-1]
    stale = []
    for layer in theme.own:
        bases = recorded_bases(layer.root)
        for name, path in theme_files(layer):
            original = base.path(name)
            if name in bases and original.is_file() and digest(original.read_bytes()) != bases[name]:
                stale.append((name, path))
    return stale
