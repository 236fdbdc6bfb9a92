"""Project settings: where things are, read from the dienhinh plugin's options in mkdocs.yml
without importing MkDocs (so the core can move to another engine)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .load import MAX_FILE_KB

MAX_PHOTO_MB = 15
MAX_PHOTO_MEGAPIXELS = 50


@dataclass(frozen=True)
class Settings:
    """Paths and limits for one project (a folder holding mkdocs.yml)."""

    root: Path
    exemplars_dir: Path
    registry_path: Path
    templates_dir: Path
    max_file_kb: int = MAX_FILE_KB
    max_photo_mb: float = MAX_PHOTO_MB
    max_photo_megapixels: float = MAX_PHOTO_MEGAPIXELS
    # Parsed profiles and processed photos kept between runs; None turns caching off.
    cache_dir: Path | None = None
    visits_dir: Path | None = None  # study visits, one YAML file each (None: no visits)
    site_url: str = ""  # mkdocs.yml's site_url: absolute links in booklets (QR codes)

    @property
    def photo_cache(self) -> Path:
        """Processed photos by content hash (always kept: the site is built from them)."""
        return (self.cache_dir or self.root / ".cache" / "dienhinh") / "photos"

    @property
    def card_cache(self) -> Path:
        return (self.cache_dir or self.root / ".cache" / "dienhinh") / "cards"

    @classmethod
    def from_options(cls, root: Path, options: dict[str, Any], site_url: str = "") -> Settings:
        root = root.resolve()
        exemplars = root / options.get("exemplars_dir", "exemplars")
        return cls(
            root=root,
            exemplars_dir=exemplars,
            registry_path=root / options.get("registry", "exemplars/registry.yml"),
            templates_dir=root / options.get("templates_dir", "site_templates"),
            max_file_kb=int(options.get("max_file_kb", MAX_FILE_KB)),
            max_photo_mb=float(options.get("max_photo_mb", MAX_PHOTO_MB)),
            max_photo_megapixels=float(options.get("max_photo_megapixels", MAX_PHOTO_MEGAPIXELS)),
            cache_dir=root / options.get("cache_dir", ".cache/dienhinh"),
            visits_dir=root / options.get("visits_dir", "visits"),
            site_url=site_url or "",
        )

    @classmethod
    def from_mkdocs_yml(cls, config_file: Path) -> Settings:
        """Settings from the ``dienhinh`` entry of ``plugins`` (defaults when absent)."""
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
        options: dict[str, Any] = {}
        for plugin in data.get("plugins") or []:
            if isinstance(plugin, dict) and "dienhinh" in plugin:
                options = plugin["dienhinh"] or {}
        site_url = data.get("site_url") if isinstance(data, dict) else None
        return cls.from_options(config_file.parent, options, str(site_url or ""))


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!!python/name`` and ``!ENV`` tags are MkDocs's business."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
