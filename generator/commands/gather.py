"""``dienhinh gather``: the province's site, from the communes' open data (no commune
project: the province's own configuration)."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

from ..files import stamp, write_atomically
from ..messages import province as msg
from .engine import staged_build
from .terminal import say

NAME = "gather"
HELP = msg.HELP_GATHER
PROJECT = False


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("config", nargs="?", type=Path, default=Path("tinh.yml"), help=msg.HELP_GATHER_CONFIG)
    parser.add_argument("-d", "--site-dir", type=Path, help=msg.HELP_GATHER_SITE_DIR)
    parser.add_argument("--docs-dir", type=Path, help=msg.HELP_GATHER_DOCS_DIR)


def run(settings: None, args: argparse.Namespace) -> int:
    """Gather the communes' open data, then build the province site through the same staged
    build as a commune's."""
    import gc
    import tempfile

    from ..opendata.config import load_config
    from ..opendata.gather import Status, gather
    from ..opendata.province import prepare
    from ..plugin import ProvincePlugin

    config, problems = load_config(args.config)
    if config is None:
        for problem in problems:
            say(problem.format(), error=True)
        return 1
    gathered = gather(config)
    for problem in gathered.problems:
        say(problem.format(config.root), error=True)
    communes = gathered.communes
    if not any(c.doc is not None for c in communes):
        say(msg.GATHER_NOTHING, error=True)
        return 1
    target = (args.site_dir or config.site_dir).resolve()
    record = config.path(config.options.cache_dir) / LAST_BUILD
    fingerprint = inputs_fingerprint(config, gathered, target, args.docs_dir)
    if args.docs_dir is None and _built_from(record, target) == fingerprint:
        # Nothing any commune sends has changed, nor the configuration or the theme: the site
        # built from the same inputs is already there (a warm gather of a hundred communes
        # would otherwise rebuild ten thousand pages for nothing).
        say(msg.GATHER_UNCHANGED.format(path=target))
        return 0
    with tempfile.TemporaryDirectory(prefix="dienhinh-tinh-") as work:
        prepared = prepare(config, gathered, Path(work), config.theme, args.docs_dir)
        done = msg.GATHER_OK.format(
            path=target,
            communes=sum(1 for c in communes if c.doc is not None),
            total=len(communes),
            profiles=prepared.profiles,
            cached=sum(1 for c in communes if c.status is Status.cached),
            warnings=len(gathered.problems),
        )
        plugin = ProvincePlugin(prepared.pages, prepared.files, prepared.assets, config.theme)
        engine_yml = prepared.config_file
        # The gathered records are done with; what is left lives to the end of the build:
        # keep the collector from walking it while thousands of pages are rendered.
        del prepared, gathered, communes
        gc.collect()
        gc.freeze()
        code, _ = staged_build(engine_yml, target, plugin=("dienhinh-province", plugin))
    if code:
        say(msg.GATHER_FAILED, error=True)
        return code
    _remember(record, target, fingerprint)
    say(done)
    return 0


LAST_BUILD = "last-build.json"


def inputs_fingerprint(config: Any, gathered: Any, target: Path, docs_dir: Path | None) -> str:
    """Everything the province site is built from: the configuration, the theme's files, each
    commune's data as checked and its thumbnails, where the site goes, this tool's code."""
    from ..site.previous_build import code_stamp
    from ..theme_files import theme_files

    digest = hashlib.sha256()
    digest.update(Path(config.file).read_bytes())
    digest.update(f"{target}\0{docs_dir}\0".encode())
    digest.update(stamp(path for layer in config.theme.layers for _, path in theme_files(layer)).encode())
    digest.update(code_stamp().encode())
    for commune in gathered.communes:
        digest.update(f"{commune.code}\0{commune.status}\0{commune.read_from}\0{commune.saved}\0".encode())
        if commune.doc is not None:
            digest.update(commune.doc.model_dump_json().encode())
    for key in sorted(gathered.thumbs):
        for thumb in gathered.thumbs[key]:
            digest.update(f"{key}\0{thumb.file}\0{thumb.name}\0".encode())
    return digest.hexdigest()


def _built_from(record: Path, target: Path) -> str | None:
    """The fingerprint of the inputs the site at ``target`` was last built from, if it is
    still there."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("target") != str(target)
        or not (target / "index.html").is_file()
    ):
        return None
    found = data.get("fingerprint")
    return found if isinstance(found, str) else None


def _remember(record: Path, target: Path, fingerprint: str) -> None:
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(record, json.dumps({"target": str(target), "fingerprint": fingerprint}))
    except OSError:
        pass  # without the record the next gather builds again, as before
